"""SDN zones and vnets, stored with PVE's pending/running split, and applied by `PUT /cluster/sdn`.

PVE imitated (pve-network, src/):
- PVE/API2/Network/SDN/Zones.pm: index/read (with `pending` or `running`), create ("sdn zone object
  ID '$id' already defined"), update, delete; $api_sdn_zones_config adds `zone` and `digest` and
  encodes `nodes` as a sorted comma list (PVE/Network/SDN.pm encode_value).
- PVE/API2/Network/SDN/Vnets.pm: the same for vnets ("sdn vnet object ID '$id' already defined",
  PVE/Network/SDN/Vnets.pm sdn_vnets_config: "sdn vnet '$id' does not exist").
- PVE/Network/SDN.pm pending_config(): what `?pending=1` shows: the running values, the changed
  ones under `pending`, and `state` new/changed/deleted.
- PVE/API2/Network/SDN.pm reload (`PUT /cluster/sdn`): commit_config() makes the configuration the
  running one, then a `reloadnetworkall` task.
fakepve 0.5.0 answers these from the schema only and stores nothing.
"""

import copy

from fakepve.model import PveError

try:
    from fakepve.routing import StatefulRoutes, check_digest, die, sha1, split_list
except ImportError:  # pragma: no cover
    raise

# Request parameters that are not options of the object.
NOT_OPTIONS = ('digest', 'delete', 'lock-token', 'pending', 'running')
# The id parameter of each kind (a vnet's `zone` is an option).
ID_KEY = {'zones': 'zone', 'vnets': 'vnet'}
LIST_KEYS = ('nodes', 'exitnodes', 'dhcp-range', 'interfaces')


def encode_value(key, value):
    """PVE::Network::SDN::encode_value: list-valued keys as a sorted comma list."""
    if value is None:
        return None
    if key in LIST_KEYS and isinstance(value, (set, list, tuple, dict)):
        return ','.join(sorted(value))
    return value


def pending_config(running, config):
    """PVE::Network::SDN::pending_config for one object kind: {id: object}."""
    pending = {}
    for oid in sorted(running):
        robj, cobj = running[oid], config.get(oid) or {}
        entry = pending.setdefault(oid, {})
        for key in sorted(robj):
            entry[key] = robj[key]
            if not cobj:
                entry['state'] = 'deleted'
            elif cobj.get(key) is None:
                entry.setdefault('pending', {})[key] = 'deleted'
                entry['state'] = 'changed'
            elif encode_value(key, robj[key]) != encode_value(key, cobj[key]):
                entry['state'] = 'changed'
        if entry.get('state') and 'pending' not in entry:
            entry['pending'] = {}
    for oid in sorted(config):
        cobj, robj = config[oid], running.get(oid) or {}
        entry = pending.setdefault(oid, {})
        for key in sorted(cobj):
            cval, rval = encode_value(key, cobj[key]), encode_value(key, robj.get(key))
            if key in ('type', 'vnet'):
                entry[key] = cval
            elif rval is None or cval != rval:
                entry.setdefault('pending', {})[key] = cobj[key]
            if not robj:
                entry['state'] = 'new'
            elif rval is None and cval is not None:
                entry['state'] = 'changed'
        if entry.get('state') and 'pending' not in entry:
            entry['pending'] = {}
    return pending


class SdnStore(StatefulRoutes):
    """Mixin of FakePve: /cluster/sdn/zones, /cluster/sdn/vnets and PUT /cluster/sdn."""

    def _sdn(self):
        if not hasattr(self, 'sdn'):
            self.sdn = {'zones': {}, 'vnets': {}, 'running': {'zones': {}, 'vnets': {}}, 'version': 0}
        return self.sdn

    def _routes_sdn(self):
        zones, vnets = '/cluster/sdn/zones', '/cluster/sdn/vnets'
        return [('GET', zones, self._sdn_zone_list), ('POST', zones, self._sdn_zone_create),
                ('GET', zones + '/{zone}', self._sdn_zone_read), ('PUT', zones + '/{zone}', self._sdn_zone_update),
                ('DELETE', zones + '/{zone}', self._sdn_zone_delete),
                ('GET', vnets, self._sdn_vnet_list), ('POST', vnets, self._sdn_vnet_create),
                ('GET', vnets + '/{vnet}', self._sdn_vnet_read), ('PUT', vnets + '/{vnet}', self._sdn_vnet_update),
                ('DELETE', vnets + '/{vnet}', self._sdn_vnet_delete),
                ('PUT', '/cluster/sdn', self._sdn_reload)]

    # ------------------------------------------------------------ shared

    def _sdn_digest(self, kind):
        return sha1(repr(sorted((k, sorted((o, str(encode_value(o, v))) for o, v in obj.items()))
                                for k, obj in self._sdn()[kind].items())))

    def _sdn_view(self, kind, v):
        """The objects as the API reads them: configured, running or pending ({id: object}, digest)."""
        sdn = self._sdn()
        if v.get('pending'):
            return pending_config(sdn['running'][kind], sdn[kind]), None
        if v.get('running'):
            return copy.deepcopy(sdn['running'][kind]), None
        return copy.deepcopy(sdn[kind]), self._sdn_digest(kind)

    @staticmethod
    def _sdn_api_object(kind, oid, obj, digest):
        """$api_sdn_zones_config / $api_sdn_vnets_config: the id and digest added, lists encoded."""
        out = copy.deepcopy(obj)
        out['zone' if kind == 'zones' else 'vnet'] = oid
        if digest is not None:
            out['digest'] = digest
        for key in LIST_KEYS:
            if key in out:
                out[key] = encode_value(key, out[key])
            if key in out.get('pending', {}):
                out['pending'][key] = encode_value(key, out['pending'][key])
        return out

    @staticmethod
    def _sdn_options(kind, v):
        opts = {}
        for key, value in v.items():
            if key in NOT_OPTIONS or key == ID_KEY[kind] or value is None:
                continue
            opts[key] = set(split_list(value)) if key in LIST_KEYS else value
        return opts

    def _sdn_create(self, kind, oid, v, exists_message):
        self.need_quorum()
        objects = self._sdn()[kind]
        if oid in objects:
            raise die(exists_message)
        objects[oid] = self._sdn_options(kind, v)

    def _sdn_update(self, kind, oid, v, missing_message, fail):
        objects = self._sdn()[kind]
        try:
            check_digest(self._sdn_digest(kind), v.get('digest'))
        except PveError as e:
            raise die('{0}: {1}'.format(fail, e.message)) from e
        obj = objects.get(oid)
        if obj is None:
            raise die('{0}: {1}'.format(fail, missing_message))
        opts = self._sdn_options(kind, v)
        opts.pop('type', None)
        for key in split_list(v.get('delete')):
            if key in opts:
                raise die("{0}: cannot set and delete property '{1}' at the same time!".format(fail, key))
            obj.pop(key, None)
        obj.update(opts)

    # ------------------------------------------------------------- zones

    async def _sdn_zone_list(self, v, user):
        view, digest = self._sdn_view('zones', v)
        out = []
        for oid in sorted(view):
            obj = self._sdn_api_object('zones', oid, view[oid], digest)
            if v.get('type') and (obj.get('type') or obj.get('pending', {}).get('type')) != v['type']:
                continue
            if self.allowed(user, '/sdn/zones/' + oid, 'SDN.Audit') or \
                    self.allowed(user, '/sdn/zones/' + oid, 'SDN.Allocate'):
                out.append(obj)
        return out

    async def _sdn_zone_read(self, v, user):
        view, digest = self._sdn_view('zones', v)
        oid = v['zone']
        if oid not in view:
            raise die("sdn '{0}' does not exist".format(oid))
        return self._sdn_api_object('zones', oid, view[oid], digest)

    async def _sdn_zone_create(self, v, user):
        self._sdn_create('zones', v['zone'], v, "create sdn zone object failed: sdn zone object ID '{0}' "
                                                "already defined".format(v['zone']))

    async def _sdn_zone_update(self, v, user):
        self._sdn_update('zones', v['zone'], v, "sdn '{0}' does not exist".format(v['zone']),
                         'update sdn zone object failed')

    async def _sdn_zone_delete(self, v, user):
        # PVE/API2/Network/SDN/Zones.pm delete: refused while a vnet uses the zone.
        oid = v['zone']
        zones = self._sdn()['zones']
        if oid not in zones:
            raise die("delete sdn zone object failed: sdn '{0}' does not exist".format(oid))
        for vnet_id, vnet in self._sdn()['vnets'].items():
            if vnet.get('zone') == oid:
                raise die("delete sdn zone object failed: Can't delete zone {0}, vnet {1} still use it."
                          .format(oid, vnet_id))
        del zones[oid]

    # ------------------------------------------------------------- vnets

    async def _sdn_vnet_list(self, v, user):
        view, digest = self._sdn_view('vnets', v)
        out = []
        for oid in sorted(view):
            obj = self._sdn_api_object('vnets', oid, view[oid], digest)
            zone = obj.get('zone') or obj.get('pending', {}).get('zone')
            path = '/sdn/zones/{0}/{1}'.format(zone, oid)
            if self.allowed(user, path, 'SDN.Audit') or self.allowed(user, path, 'SDN.Allocate'):
                out.append(obj)
        return out

    async def _sdn_vnet_read(self, v, user):
        view, digest = self._sdn_view('vnets', v)
        oid = v['vnet']
        if oid not in view:
            raise die("sdn vnet '{0}' does not exist".format(oid))
        return self._sdn_api_object('vnets', oid, view[oid], digest)

    async def _sdn_vnet_create(self, v, user):
        zone = v.get('zone')
        if zone and zone not in self._sdn()['zones']:
            raise die("create sdn vnet object failed: zone '{0}' doesn't exist".format(zone))
        self._sdn_create('vnets', v['vnet'], v, "create sdn vnet object failed: sdn vnet object ID '{0}' "
                                                "already defined".format(v['vnet']))
        self._sdn()['vnets'][v['vnet']].setdefault('type', 'vnet')

    async def _sdn_vnet_update(self, v, user):
        self._sdn_update('vnets', v['vnet'], v, "sdn vnet '{0}' does not exist".format(v['vnet']),
                         'update sdn vnet object failed')

    async def _sdn_vnet_delete(self, v, user):
        oid = v['vnet']
        vnets = self._sdn()['vnets']
        if oid not in vnets:
            raise die("delete sdn vnet object failed: sdn vnet '{0}' does not exist".format(oid))
        del vnets[oid]

    # ------------------------------------------------------------- apply

    def sdn_running_vnets(self):
        """The vnets of the running configuration (what a guest NIC can use as its bridge)."""
        return dict(self._sdn()['running']['vnets'])

    async def _sdn_reload(self, v, user):
        """commit_config(): the configuration becomes the running one; then reload every node's network."""
        self.need_quorum()
        sdn = self._sdn()
        sdn['running'] = {'zones': copy.deepcopy(sdn['zones']), 'vnets': copy.deepcopy(sdn['vnets'])}
        sdn['version'] += 1

        async def body():
            return None
        return await self.task(sorted(self.nodes)[0], 'reloadnetworkall', '', user, body)
