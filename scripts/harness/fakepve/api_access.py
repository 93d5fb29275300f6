"""Users, roles, ACLs and API tokens, stored: a token made through the API authenticates.

PVE imitated (pve-access-control, src/PVE/API2/ and src/PVE/AccessControl.pm; read at 5ccd07d):
- User.pm index (`full` adds groups and tokens), create_user ("user '$username' already exists",
  `enable` defaults to 1), read_user, delete_user; token_index, read_token, generate_token (the
  secret, a UUID, shown only in this answer as `value` with `full-tokenid`; `privsep` defaults to 1;
  "Token already exists."), update_token_info (`regenerate` gives a new secret; `delete` only of
  comment), remove_token (PVE::TokenConfig::delete_token: the old secret stops authenticating).
- Role.pm index (privileges joined with commas, `special` for the built-in roles), create_role (no
  role id in the 'PVE' namespace; "role '$role' already exists"), update_role (replaces the
  privileges unless `append`; built-in roles "cannot be modified"), read_role, delete_role.
  AccessControl.pm add_role_privs: "invalid privilege '$priv'".
- ACL.pm update_acl (users, groups, tokens; "role '$role' does not exist", "user '$username' does
  not exist", check_token_exist for tokens; `delete` removes) and read_acl.
- AccessControl.pm verify_token (the user must exist and be enabled, the token exist and not be
  expired) and RPCEnvironment.pm permissions (a token without privilege separation has its user's
  privileges; one with it, only those its own ACL entries give that its user has too).

fakepve 0.5.0 answers these paths from the schema only (a token's `value` is 'fake' and never
authenticates) and keeps permissions as userid -> [(path, {privileges})] in `acl` (model.py
grant/allowed). This mixin keeps PVE's user.cfg (users with their tokens, roles, ACL entries of
roles) and writes each user's and token's privileges into `acl`, so the rest of the fake checks a
new token as PVE would. Not modelled: groups (none can be created), realms other than pam and pve,
`propagate` (every entry propagates), the "perm-modify" checks of a non-root caller.
"""

import time
import uuid

from fakepve import shapes
from fakepve.model import PveError
from fakepve.routing import StatefulRoutes, die, param_error, split_list


def _flag(value, default=0):
    if value is None:
        return default
    return 1 if str(value).lower() in ('1', 'true', 'yes', 'on') else 0


class ApiAccess(StatefulRoutes):
    """Mixin of FakePve: /access/users (and their tokens), /access/roles, /access/acl."""

    def _access(self):
        if not hasattr(self, 'access_users'):
            # user.cfg: users (with tokens), custom roles, and ACL entries {(path, kind, ugid): {role: propagate}}.
            self.access_users = {'root@pam': {'enable': 1, 'tokens': {}}}
            self.access_roles = {}
            self.access_acl = {}
            self._access_grants = {}
        return self.access_users

    # ------------------------------------------------------------- helpers

    def _user(self, userid):
        """check_user_exist."""
        user = self._access().get(userid)
        if user is None:
            raise die("no such user ('{0}')".format(userid))
        return user

    def _token(self, userid, tokenid):
        """check_token_exist."""
        token = self._user(userid)['tokens'].get(tokenid)
        if token is None:
            raise die("no such token '{0}' for user '{1}'".format(tokenid, userid))
        return token

    def _role_privs(self, roleid):
        if roleid in shapes.ROLES:
            return set(shapes.ROLES[roleid])
        return self.access_roles.get(roleid)

    @staticmethod
    def _privs(text):
        """add_role_privs: every privilege must be one PVE knows."""
        privs = set()
        for priv in split_list(text):
            if priv not in shapes.PRIVILEGES:
                raise die("invalid privilege '{0}'".format(priv))
            privs.add(priv)
        return privs

    def _sync_acl(self):
        """Writes the privileges the ACL entries give (each role's, now) into fakepve's `acl`."""
        self._access()
        if self.acl is None:
            self.acl = {}
        for ugid, entries in self._access_grants.items():
            self.acl[ugid] = [e for e in self.acl.get(ugid, []) if not any(e is x for x in entries)]
        self._access_grants = {}
        for (path, kind, ugid), roles in sorted(self.access_acl.items()):
            privs = set()
            for roleid in roles:
                privs |= self._role_privs(roleid) or set()
            if not privs:
                continue
            entry = (path.rstrip('/') or '/', privs)
            self.acl.setdefault(ugid, []).append(entry)
            self._access_grants.setdefault(ugid, []).append(entry)

    def add_api_token(self, userid, tokenid, secret, privsep=0):
        """A token made before the fake starts (as `pveum user token add` would), e.g. by lab.py."""
        user = self._access().setdefault(userid, {'enable': 1, 'tokens': {}})
        user['tokens'][tokenid] = {'privsep': privsep}
        self.apitokens['{0}!{1}'.format(userid, tokenid)] = secret

    # ----------------------------------------------------- authentication

    def _authenticate(self, request):
        who = super()._authenticate(request)
        if who and '!' in who:
            # verify_token: a stored token's user must be enabled, and the token not expired.
            userid, _, tokenid = who.partition('!')
            user = self._access().get(userid)
            token = (user or {}).get('tokens', {}).get(tokenid)
            if user is None or token is None:
                pass  # a token put into `apitokens` directly (fakepve's way): its secret was checked
            elif not user.get('enable', 1):
                raise PveError(401, 'authentication failure')
            elif token.get('expire') and int(token['expire']) < time.time():
                raise PveError(401, 'authentication failure')
        return who

    def allowed(self, user, path, priv):
        """RPCEnvironment permissions: privilege separation of tokens."""
        if self.acl is None or '!' not in user or user.split('!')[0] == 'root@pam':
            return super().allowed(user, path, priv)
        userid, _, tokenid = user.partition('!')
        token = self._access().get(userid, {}).get('tokens', {}).get(tokenid)
        if token is None or not token.get('privsep', 1):
            return super().allowed(userid, path, priv)
        if not super().allowed(userid, path, priv):
            return False
        # Only the token's own entries: hide the user's for the look-up.
        saved = self.acl.pop(userid, None)
        try:
            return super().allowed(user, path, priv)
        finally:
            if saved is not None:
                self.acl[userid] = saved

    # ------------------------------------------------------------- routes

    def _routes_api_access(self):
        return [('GET', '/access/users', self._user_index), ('POST', '/access/users', self._user_create),
                ('GET', '/access/users/{userid}', self._user_read), ('DELETE', '/access/users/{userid}', self._user_delete),
                ('GET', '/access/users/{userid}/token', self._token_index),
                ('GET', '/access/users/{userid}/token/{tokenid}', self._token_read),
                ('POST', '/access/users/{userid}/token/{tokenid}', self._token_generate),
                ('PUT', '/access/users/{userid}/token/{tokenid}', self._token_update),
                ('DELETE', '/access/users/{userid}/token/{tokenid}', self._token_remove),
                ('GET', '/access/roles', self._role_index), ('POST', '/access/roles', self._role_create),
                ('GET', '/access/roles/{roleid}', self._role_read), ('PUT', '/access/roles/{roleid}', self._role_update),
                ('DELETE', '/access/roles/{roleid}', self._role_delete),
                ('GET', '/access/acl', self._acl_read), ('PUT', '/access/acl', self._acl_update)]

    @staticmethod
    def _user_data(data, full):
        """$extract_user_data."""
        out = dict((k, data[k]) for k in ('enable', 'expire', 'firstname', 'lastname', 'email', 'comment', 'keys')
                   if data.get(k) is not None)
        if full:
            out['groups'] = []
            out['tokens'] = [dict(tokenid=t, **info) for t, info in sorted(data['tokens'].items())]
        return out

    async def _user_index(self, v, user):
        out = []
        for userid, data in sorted(self._access().items()):
            entry = self._user_data(data, _flag(v.get('full')))
            if v.get('enabled') is not None and bool(entry.get('enable')) != bool(_flag(v['enabled'])):
                continue
            entry['userid'] = userid
            entry['realm-type'] = userid.rsplit('@', 1)[1]
            out.append(entry)
        return out

    async def _user_create(self, v, user):
        userid = v['userid']
        if userid in self._access():
            raise die("user '{0}' already exists".format(userid))
        if v.get('groups'):
            raise die("no such group '{0}'".format(split_list(v['groups'])[0]))
        data = {'enable': _flag(v.get('enable'), 1), 'tokens': {}}
        for key in ('expire', 'firstname', 'lastname', 'email', 'comment', 'keys'):
            if v.get(key):
                data[key] = v[key]
        self._access()[userid] = data
        if v.get('password'):
            self.users[userid] = v['password']

    async def _user_read(self, v, user):
        data = self._user(v['userid'])
        out = self._user_data(data, False)
        out['groups'] = []
        out['tokens'] = dict((t, dict(info)) for t, info in data['tokens'].items())
        return out

    async def _user_delete(self, v, user):
        data = self._user(v['userid'])
        for tokenid in list(data['tokens']):
            self.apitokens.pop('{0}!{1}'.format(v['userid'], tokenid), None)
        del self._access()[v['userid']]
        self.access_acl = dict((k, r) for k, r in self.access_acl.items() if k[2].split('!')[0] != v['userid'])
        self._sync_acl()

    async def _token_index(self, v, user):
        return [dict(tokenid=t, **info) for t, info in sorted(self._user(v['userid'])['tokens'].items())]

    async def _token_read(self, v, user):
        return dict(self._token(v['userid'], v['tokenid']))

    async def _token_generate(self, v, user):
        userid, tokenid = v['userid'], v['tokenid']
        data = self._user(userid)
        if tokenid in data['tokens']:
            raise param_error(tokenid='Token already exists.')
        token = {'privsep': _flag(v.get('privsep'), 1)}
        if v.get('expire') is not None:
            token['expire'] = int(v['expire'])
        if v.get('comment'):
            token['comment'] = v['comment']
        data['tokens'][tokenid] = token
        full = '{0}!{1}'.format(userid, tokenid)
        value = str(uuid.uuid4())
        self.apitokens[full] = value
        return {'info': dict(token), 'value': value, 'full-tokenid': full}

    async def _token_update(self, v, user):
        token = self._token(v['userid'], v['tokenid'])
        for key in ('privsep', 'expire', 'comment'):
            if v.get(key) is not None:
                token[key] = _flag(v[key]) if key == 'privsep' else v[key]
        if not token.get('comment'):
            token.pop('comment', None)
        for key in split_list(v.get('delete')):
            if key != 'comment':
                raise param_error(delete="unknown option '{0}'".format(key))
            token.pop(key, None)
        out = dict(token)
        if _flag(v.get('regenerate')):
            full = '{0}!{1}'.format(v['userid'], v['tokenid'])
            out['value'] = self.apitokens[full] = str(uuid.uuid4())
            out['full-tokenid'] = full
        self._sync_acl()
        return out

    async def _token_remove(self, v, user):
        self._token(v['userid'], v['tokenid'])
        full = '{0}!{1}'.format(v['userid'], v['tokenid'])
        self.apitokens.pop(full, None)
        del self._access()[v['userid']]['tokens'][v['tokenid']]
        self.access_acl = dict((k, r) for k, r in self.access_acl.items() if k[2] != full)
        self._sync_acl()

    async def _role_index(self, v, user):
        self._access()
        out = [{'roleid': r, 'privs': ','.join(sorted(p)), 'special': 1} for r, p in shapes.ROLES.items()]
        out += [{'roleid': r, 'privs': ','.join(sorted(p)), 'special': 0} for r, p in self.access_roles.items()]
        return sorted(out, key=lambda r: r['roleid'])

    async def _role_create(self, v, user):
        self._access()
        roleid = v['roleid']
        if roleid.lower().startswith('pve'):
            raise param_error(roleid="cannot use role ID starting with the (case-insensitive) 'PVE' namespace")
        if roleid in self.access_roles or roleid in shapes.ROLES:
            raise die("role '{0}' already exists".format(roleid))
        self.access_roles[roleid] = self._privs(v.get('privs'))

    async def _role_read(self, v, user):
        self._access()
        privs = self._role_privs(v['roleid'])
        if privs is None:
            raise die("role '{0}' does not exist".format(v['roleid']))
        return dict.fromkeys(sorted(privs), 1)

    async def _role_update(self, v, user):
        self._access()
        roleid = v['roleid']
        if roleid in shapes.ROLES:
            raise die("auto-generated role '{0}' cannot be modified".format(roleid))
        if roleid not in self.access_roles:
            raise die("role '{0}' does not exist".format(roleid))
        privs = self._privs(v.get('privs'))
        self.access_roles[roleid] = (self.access_roles[roleid] | privs) if _flag(v.get('append')) else privs
        self._sync_acl()

    async def _role_delete(self, v, user):
        self._access()
        roleid = v['roleid']
        if roleid in shapes.ROLES:
            raise die("auto-generated role '{0}' cannot be deleted".format(roleid))
        if roleid not in self.access_roles:
            raise die("role '{0}' does not exist".format(roleid))
        del self.access_roles[roleid]
        self._sync_acl()

    async def _acl_read(self, v, user):
        self._access()
        return [{'path': path, 'type': kind, 'ugid': ugid, 'roleid': roleid, 'propagate': propagate}
                for (path, kind, ugid), roles in sorted(self.access_acl.items()) for roleid, propagate in sorted(roles.items())]

    async def _acl_update(self, v, user):
        self._access()
        if not (v.get('users') or v.get('groups') or v.get('tokens')):
            raise param_error(**dict((k, "either 'users', 'groups' or 'tokens' is required.")
                                     for k in ('users', 'groups', 'tokens')))
        path = '/' + '/'.join(p for p in str(v['path']).split('/') if p)
        propagate = _flag(v.get('propagate'), 1)
        delete = _flag(v.get('delete'))
        for roleid in split_list(v.get('roles')):
            if self._role_privs(roleid) is None:
                raise die("role '{0}' does not exist".format(roleid))
            for group in split_list(v.get('groups')):
                raise die("group '{0}' does not exist".format(group))
            targets = []
            for userid in split_list(v.get('users')):
                if userid not in self.access_users:
                    raise die("user '{0}' does not exist".format(userid))
                targets.append(('user', userid))
            for full in split_list(v.get('tokens')):
                userid, _, tokenid = full.partition('!')
                self._token(userid, tokenid)
                targets.append(('token', full))
            for kind, ugid in targets:
                roles = self.access_acl.setdefault((path, kind, ugid), {})
                if delete:
                    roles.pop(roleid, None)
                else:
                    roles[roleid] = propagate
        self.access_acl = dict((k, r) for k, r in self.access_acl.items() if r)
        self._sync_acl()


__all__ = ['ApiAccess']
