#!/usr/bin/env python3
"""Thin stand-ins for a PVE node's commands (pvesh, qm, pct, pvesm, pveum) that call fakepve's API as root@pam.

The node-side rehearsal (scripts/harness/fakepve/node_rehearsal.py) links this file as `pvesh`, `qm`,
`pct`, `pvesm` and `pvecm` on PATH, so the generated Ansible roles run their commands against the
fake the Terraform apply ran against: what is pending, protected or refused is the fake's answer.
Each command maps to the API call the real CLI makes (pve-manager PVE/CLI/pvesh.pm, qemu-server
PVE/CLI/qm.pm, pve-container PVE/CLI/pct.pm, pve-storage PVE/CLI/pvesm.pm and pve-access-control
src/PVE/CLI/pveum.pm map their commands to the same API methods), waits for a worker task as the CLI does, and exits 255 with PVE's message
on an error (a Perl `die`).

Environment: SITEC_FAKEPVE_ENDPOINT (https://127.0.0.N:8006/), SITEC_FAKEPVE_PASSWORD (root@pam's),
SITEC_FAKEPVE_NODE (the node this host is), SITEC_FAKEPVE_CLI_LOG (a file each call is appended to,
as JSON: argv, exit code).
"""

import json
import os
import ssl
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

CONTEXT = ssl._create_unverified_context()  # the fake's self-signed certificate, on loopback


class CliError(Exception):
    pass


class Api(object):
    def __init__(self):
        self.base = os.environ['SITEC_FAKEPVE_ENDPOINT'].rstrip('/') + '/api2/json'
        data = self._call('POST', '/access/ticket', {'username': 'root@pam',
                                                     'password': os.environ['SITEC_FAKEPVE_PASSWORD']}, auth=False)
        self.cookie = 'PVEAuthCookie=' + data['ticket']
        self.csrf = data['CSRFPreventionToken']

    def _call(self, method, path, params=None, auth=True):
        params = dict((k, v) for k, v in (params or {}).items() if v is not None)
        url = self.base + urllib.parse.quote(path)
        body = None
        if method in ('GET', 'DELETE'):
            if params:
                url += '?' + urllib.parse.urlencode(params)
        else:
            body = urllib.parse.urlencode(params).encode()
        request = urllib.request.Request(url, data=body, method=method)
        if body is not None:
            request.add_header('Content-Type', 'application/x-www-form-urlencoded')
        if auth:
            request.add_header('Cookie', self.cookie)
            request.add_header('CSRFPreventionToken', self.csrf)
        try:
            with urllib.request.urlopen(request, context=CONTEXT, timeout=60) as response:
                return json.loads(response.read() or b'{}').get('data')
        except urllib.error.HTTPError as e:
            text = e.read().decode('utf-8', 'replace')
            try:
                payload = json.loads(text)
            except ValueError:
                payload = {}
            message = (payload.get('message') or e.reason or '').strip()
            errors = payload.get('errors') or {}
            detail = ''.join('\n{0}: {1}'.format(k, str(v).strip()) for k, v in sorted(errors.items()))
            raise CliError('{0} {1}{2}'.format(e.code, message, detail))

    def get(self, path, **params):
        return self._call('GET', path, params)

    def put(self, path, **params):
        return self._call('PUT', path, params)

    def post(self, path, **params):
        return self._call('POST', path, params)

    def delete(self, path, **params):
        return self._call('DELETE', path, params)

    def wait(self, node, upid):
        """Wait for a worker task as the CLI does (PVE::RPCEnvironment fork_worker in the foreground)."""
        for _ in range(600):
            status = self.get('/nodes/{0}/tasks/{1}/status'.format(node, upid))
            if status.get('status') == 'stopped':
                if status.get('exitstatus') != 'OK':
                    raise CliError(status.get('exitstatus') or 'task failed')
                return
            time.sleep(0.05)
        raise CliError('task {0} did not finish'.format(upid))


def options(args):
    """Positional arguments and --key value options (a --flag without a value is 1)."""
    positional, opts = [], {}
    i = 0
    while i < len(args):
        arg = args[i]
        if arg.startswith('--') or (arg.startswith('-') and len(arg) > 1 and not arg[1].isdigit()):
            key = arg.lstrip('-')
            if i + 1 < len(args) and not args[i + 1].startswith('-'):
                value = args[i + 1]
                i += 2
            else:
                value = '1'
                i += 1
            if key in opts and key == 'delete':
                opts[key] += ',' + value
            else:
                opts[key] = value
        else:
            positional.append(arg)
            i += 1
    return positional, opts


def print_config(config):
    """`qm config` / `pct config`: the description as comment lines first, then key: value (digest left out)."""
    config = dict(config or {})
    config.pop('digest', None)
    description = config.pop('description', None)
    if description:
        for line in str(description).rstrip('\n').split('\n'):
            print('#' + line)
    for key in sorted(config):
        print('{0}: {1}'.format(key, config[key]))


def print_pending(entries):
    """`qm pending` / `pct pending`: cur, new and del lines (PVE::GuestHelpers::format_pending)."""
    for item in entries:
        key = item['key']
        if key == 'digest':
            continue
        if 'delete' in item:
            print('del {0}: {1}'.format(key, item.get('value', '')))
        elif 'pending' in item:
            if 'value' in item:
                print('cur {0}: {1}'.format(key, item['value']))
            print('new {0}: {1}'.format(key, item['pending']))
        else:
            print('cur {0}: {1}'.format(key, item.get('value', '')))


def guest_cli(api, node, kind, args):
    """qm (kind qemu) and pct (kind lxc)."""
    if not args:
        raise CliError('no command specified')
    command, rest = args[0], args[1:]
    positional, opts = options(rest)
    if not positional:
        raise CliError("400 not enough arguments")
    vmid = positional[0]
    base = '/nodes/{0}/{1}/{2}'.format(node, kind, vmid)
    if command == 'set':
        # qm.pm / pct.pm: set = PUT .../config (update_vm, the synchronous form).
        api.put(base + '/config', **opts)
    elif command == 'config':
        print_config(api.get(base + '/config', **opts))
    elif command == 'pending':
        print_pending(api.get(base + '/pending'))
    elif command == 'status':
        print('status: {0}'.format(api.get(base + '/status/current')['status']))
    elif command in ('start', 'stop', 'shutdown', 'reboot', 'suspend', 'resume'):
        upid = api.post(base + '/status/' + command, **opts)
        if upid:
            api.wait(node, upid)
    else:
        raise CliError("unknown command '{0} {1}' (not modelled by the rehearsal's stand-in)".format(
            'qm' if kind == 'qemu' else 'pct', command))


def pvesh(api, node, args):
    if not args:
        raise CliError('no command specified')
    verb, rest = args[0], args[1:]
    positional, opts = options(rest)
    fmt = opts.pop('output-format', 'json')
    opts.pop('noproxy', None)
    path = positional[0] if positional else '/'
    method = {'get': 'GET', 'ls': 'GET', 'set': 'PUT', 'create': 'POST', 'delete': 'DELETE'}.get(verb)
    if method is None:
        raise CliError("unknown command 'pvesh {0}'".format(verb))
    data = api._call(method, path, opts)
    if isinstance(data, str) and data.startswith('UPID:'):
        api.wait(data.split(':')[1], data)
    if data is not None:
        print(json.dumps(data) if fmt.startswith('json') else data)


def pvesm(api, node, args):
    if not args:
        raise CliError('no command specified')
    command, rest = args[0], args[1:]
    positional, opts = options(rest)
    if command == 'status':
        # pve-storage PVE/CLI/pvesm.pm: GET /nodes/{node}/storage, printed as a table.
        rows = api.get('/nodes/{0}/storage'.format(node), **opts)
        print('{0:<16} {1:>8} {2:>8} {3:>15} {4:>15} {5:>15} {6:>8}'.format(
            'Name', 'Type', 'Status', 'Total', 'Used', 'Available', '%'))
        for row in sorted(rows or [], key=lambda r: r['storage']):
            total, used = int(row.get('total') or 0), int(row.get('used') or 0)
            print('{0:<16} {1:>8} {2:>8} {3:>15} {4:>15} {5:>15} {6:>7.2f}%'.format(
                row['storage'], row.get('type', ''), 'active' if row.get('active') else 'inactive',
                total // 1024, used // 1024, int(row.get('avail') or 0) // 1024, 100.0 * used / total if total else 0))
    elif command == 'set':
        api.put('/storage/' + positional[0], **opts)
    else:
        raise CliError("unknown command 'pvesm {0}' (not modelled by the rehearsal's stand-in)".format(command))


# pve-access-control src/PVE/CLI/pveum.pm $cmddef: (words) -> (method, path template, positional names).
PVEUM = {
    ('user', 'list'): ('GET', '/access/users', ()),
    ('user', 'add'): ('POST', '/access/users', ('userid',)),
    ('user', 'delete'): ('DELETE', '/access/users/{userid}', ('userid',)),
    ('user', 'token', 'list'): ('GET', '/access/users/{userid}/token', ('userid',)),
    ('user', 'token', 'add'): ('POST', '/access/users/{userid}/token/{tokenid}', ('userid', 'tokenid')),
    ('user', 'token', 'modify'): ('PUT', '/access/users/{userid}/token/{tokenid}', ('userid', 'tokenid')),
    ('user', 'token', 'delete'): ('DELETE', '/access/users/{userid}/token/{tokenid}', ('userid', 'tokenid')),
    ('user', 'token', 'remove'): ('DELETE', '/access/users/{userid}/token/{tokenid}', ('userid', 'tokenid')),
    ('role', 'list'): ('GET', '/access/roles', ()),
    ('role', 'add'): ('POST', '/access/roles', ('roleid',)),
    ('role', 'modify'): ('PUT', '/access/roles/{roleid}', ('roleid',)),
    ('role', 'delete'): ('DELETE', '/access/roles/{roleid}', ('roleid',)),
    ('acl', 'list'): ('GET', '/access/acl', ()),
    ('acl', 'modify'): ('PUT', '/access/acl', ('path',)),
    ('acl', 'delete'): ('PUT', '/access/acl', ('path',)),
}


def pveum(api, args):
    """pveum: the API method its words name, positional arguments as its parameters ($print_api_result)."""
    for words, (method, template, names) in sorted(PVEUM.items(), key=lambda item: -len(item[0])):
        if tuple(args[:len(words)]) == words:
            break
    else:
        raise CliError("unknown command 'pveum {0}' (not modelled by the rehearsal's stand-in)".format(' '.join(args[:3])))
    positional, opts = options(args[len(words):])
    if len(positional) != len(names):
        raise CliError('400 wrong number of arguments')
    fmt = opts.pop('output-format', 'text')
    params = dict(zip(names, positional))
    if words == ('acl', 'delete'):
        opts['delete'] = '1'
    path = template
    for name in names:
        if '{' + name + '}' in path:
            path = path.replace('{' + name + '}', params.pop(name))
    params.update(opts)
    data = api._call(method, path, params)
    if data is None:
        return
    if fmt.startswith('json'):
        print(json.dumps(data))
    elif isinstance(data, list):
        for row in data:
            print(' '.join('{0}={1}'.format(k, row[k]) for k in sorted(row)))
    elif isinstance(data, dict):
        for key in sorted(data):
            print('{0}: {1}'.format(key, data[key]))
    else:
        print(data)


def main(argv):
    name = os.path.basename(argv[0])
    args = argv[1:]
    node = os.environ.get('SITEC_FAKEPVE_NODE', '')
    code = 0
    try:
        if name == 'pvecm':
            raise CliError('pvecm is not modelled by the rehearsal: the fake is one cluster already')
        api = Api()
        if name == 'qm':
            guest_cli(api, node, 'qemu', args)
        elif name == 'pct':
            guest_cli(api, node, 'lxc', args)
        elif name == 'pvesh':
            pvesh(api, node, args)
        elif name == 'pvesm':
            pvesm(api, node, args)
        elif name == 'pveum':
            pveum(api, args)
        else:
            raise CliError('{0}: not a command the stand-in knows'.format(name))
    except CliError as e:
        sys.stderr.write(str(e).rstrip('\n') + '\n')
        code = 255 if name != 'pvecm' else 2
    log = os.environ.get('SITEC_FAKEPVE_CLI_LOG')
    if log:
        with open(log, 'a', encoding='utf-8') as fh:
            fh.write(json.dumps({'node': node, 'argv': [name] + args, 'exit': code}) + '\n')
    return code


if __name__ == '__main__':
    sys.exit(main(sys.argv))
