"""PCI and USB hardware mappings, stored as PVE's cluster-wide mapping configuration.

PVE imitated: pve-manager PVE/API2/Cluster/Mapping/PCI.pm and USB.pm (index, get, create "pci ID
'$id' already defined", update "pci ID '$id' does not exist", delete), over pve-guest-common
src/PVE/Mapping/PCI.pm and USB.pm (a section config: each entry has `type`, `map` as a list of
property strings, `description`, and for PCI `mdev` and `live-migration-capable`). `get` answers
the entry with the config digest (no id); `index` adds `id` and `digest`. fakepve 0.5.0 answers
these from the schema only and stores nothing.
"""

import copy

from fakepve.routing import StatefulRoutes, check_digest, die, sha1, split_list

NOT_OPTIONS = ('id', 'digest', 'delete', 'check-node')


class HardwareMappings(StatefulRoutes):
    """Mixin of FakePve: /cluster/mapping/pci and /cluster/mapping/usb."""

    def _hw(self, kind):
        if not hasattr(self, 'hw_mappings'):
            self.hw_mappings = {'pci': {}, 'usb': {}}
        return self.hw_mappings[kind]

    def add_mapping(self, kind, mid, maps, description=None):
        """A mapping that exists already (made before the apply)."""
        entry = {'type': kind, 'map': list(maps)}
        if description:
            entry['description'] = description
        self._hw(kind)[mid] = entry

    def _routes_mappings(self):
        routes = []
        for kind in ('pci', 'usb'):
            base = '/cluster/mapping/' + kind
            routes += [('GET', base, self._hw_handler(kind, self._hw_list)),
                       ('POST', base, self._hw_handler(kind, self._hw_create)),
                       ('GET', base + '/{id}', self._hw_handler(kind, self._hw_get)),
                       ('PUT', base + '/{id}', self._hw_handler(kind, self._hw_update)),
                       ('DELETE', base + '/{id}', self._hw_handler(kind, self._hw_delete))]
        return routes

    @staticmethod
    def _hw_handler(kind, fn):
        async def handler(v, user):
            return await fn(kind, v, user)
        return handler

    def _hw_digest(self, kind):
        return sha1(repr(sorted((k, sorted((o, str(x)) for o, x in e.items())) for k, e in self._hw(kind).items())))

    @staticmethod
    def _hw_options(v):
        opts = {}
        for key, value in v.items():
            if key in NOT_OPTIONS or value is None:
                continue
            if key == 'map':
                value = list(value) if isinstance(value, (list, tuple)) else [value]
            opts[key] = value
        return opts

    async def _hw_list(self, kind, v, user):
        out = []
        for mid in sorted(self._hw(kind)):
            path = '/mapping/{0}/{1}'.format(kind, mid)
            if not any(self.allowed(user, path, p) for p in ('Mapping.Modify', 'Mapping.Use', 'Mapping.Audit')):
                continue
            entry = copy.deepcopy(self._hw(kind)[mid])
            entry.update(id=mid, digest=self._hw_digest(kind))
            if v.get('check-node'):
                node = v['check-node']
                mine = [m for m in entry['map'] if 'node={0}'.format(node) in m.split(',')]
                entry['checks' if kind == 'pci' else 'errors'] = [] if mine else [
                    {'severity': 'warning', 'message': 'No mapping for node {0}.'.format(node)}]
            out.append(entry)
        return out

    async def _hw_get(self, kind, v, user):
        entry = self._hw(kind).get(v['id'])
        if entry is None:
            raise die("mapping '{0}' not found".format(v['id']))
        return dict(copy.deepcopy(entry), digest=self._hw_digest(kind))

    async def _hw_create(self, kind, v, user):
        mid = v['id']
        if mid in self._hw(kind):
            raise die("create hardware mapping failed: {0} ID '{1}' already defined".format(kind, mid))
        self._hw(kind)[mid] = dict(self._hw_options(v), type=kind)

    async def _hw_update(self, kind, v, user):
        fail = 'update hardware mapping failed: '
        try:
            check_digest(self._hw_digest(kind), v.get('digest'))
        except Exception as e:  # PveError
            raise die(fail + getattr(e, 'message', str(e))) from e
        entry = self._hw(kind).get(v['id'])
        if entry is None:
            raise die(fail + "{0} ID '{1}' does not exist".format(kind, v['id']))
        opts = self._hw_options(v)
        for key in split_list(v.get('delete')):
            if key in opts:
                raise die(fail + "cannot set and delete property '{0}' at the same time!".format(key))
            entry.pop(key, None)
        entry.update(opts)

    async def _hw_delete(self, kind, v, user):
        self._hw(kind).pop(v['id'], None)
