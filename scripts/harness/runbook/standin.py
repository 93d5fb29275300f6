#!/usr/bin/env python3
"""The runbook rehearsal's stand-ins for what cannot run on this machine (see README.md here).

scripts/runbook-rehearsal links this file into a bin folder under each of the names below and puts
that folder first on the PATH the runbook's stages run with. Each call is appended, as JSON (name,
argv, working folder, exit code), to the log its config names. The config, `.standin.json` in the
same bin folder, says where the site's lab (FakeLab's JSON), the fakes (serve.py's ready.json), the
real tools and the PVE command stand-ins (scripts/harness/fakepve/pve_cli.py) are.

    ssh, ssh-copy-id                   record; a host the site does not have fails as ssh would; qm and
                                       pct on a PVE node run fakepve/pve_cli.py against its cluster's fake
    curl                               writes a small file to its --output
    proxmox-auto-install-assistant     validate-answer, prepare-iso (writes its --output)
    ansible-galaxy                     checks the requirements file parses; installs nothing
    ansible-playbook                   playbooks/proxmox.yml: the real play's api-token tasks against
                                       the fakes; playbooks/pbs.yml: the fingerprint files; else
                                       --syntax-check
    terraform                          the real one, with -input=false (and -auto-approve on apply)
    git                                records
"""

import json
import os
import subprocess
import sys

BIN = os.path.dirname(os.path.abspath(sys.argv[0]))
with open(os.path.join(BIN, '.standin.json'), encoding='utf-8') as _fh:
    CONFIG = json.load(_fh)
NAME = os.path.basename(sys.argv[0])
ARGS = sys.argv[1:]


def record(code, **extra):
    entry = dict(name=NAME, argv=ARGS, cwd=os.getcwd(), exit=code)
    entry.update(extra)
    with open(CONFIG['log'], 'a', encoding='utf-8') as fh:
        fh.write(json.dumps(entry) + '\n')
    return code


def fail(message, code=1):
    sys.stderr.write('{0}: {1}\n'.format(NAME, message))
    return record(code, error=message)


def destination(args):
    """ssh's [user@]host and the remote command: options with a value are skipped."""
    with_value = set('BbcDEeFIiJLlmOopQRSWw')
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == '--':
            i += 1
            break
        if arg.startswith('-') and len(arg) > 1:
            flag = arg[1]
            i += 2 if flag in with_value and len(arg) == 2 else 1
            continue
        break
    if i >= len(args):
        return None, None, []
    target = args[i]
    user, _, host = target.rpartition('@')
    return user or None, host, args[i + 1:]


CANNED = [
    # (what the remote command starts with, host kinds it exists on, what it prints)
    ('pveversion', ('pve',), 'pve-manager/9.1.1/0123456789abcdef (running kernel: 6.17.2-1-pve)'),
    ('pvecm status', ('pve',), 'Cluster information\n-------------------\nName:             stand-in\n\n'
                               'Votequorum information\n----------------------\nQuorate:          Yes'),
    ('proxmox-backup-manager versions', ('pbs',), 'proxmox-backup-server 4.0.14-1 running version: 4.0.14'),
    ('proxmox-backup-manager', ('pbs',), ''),
    ('cloud-init status', ('guest',), 'status: done'),
    ('sudo k3s kubectl get nodes', ('guest',), 'NAME   STATUS   ROLES   AGE   VERSION'),
    ('sudo k3s kubectl get kustomizations', ('guest',), 'NAME   AGE   READY   STATUS'),
    ('sudo k3s kubectl get jobs', ('guest',), 'NAME   STATUS   COMPLETIONS   DURATION   AGE'),
]


def ssh():
    user, host, command = destination(ARGS)
    if host is None:
        # Ansible's probe for ControlPersist (`ssh -o ControlPersist`): ssh's usage message.
        sys.stderr.write('usage: ssh [options] destination [command]\n')
        return record(255, probe=True)
    known = CONFIG['hosts']  # address -> [name, kind] (runbook.py: the lab's PVE nodes, the inventory's hosts)
    if host not in known:
        sys.stderr.write('ssh: connect to host {0} port 22: No route to host\n'.format(host))
        return record(255, error='not a host of the site')
    name, kind = known[host]
    remote = ' '.join(command)
    if NAME == 'ssh-copy-id':
        return record(0, host=name)
    if remote.strip() == 'hostname':
        print(name)
        return record(0, host=name)
    # qm and pct on a PVE node (the runbook's check that a template VM is there, `qm config 9000`): the
    # PVE command stand-ins (fakepve/pve_cli.py), against the fake of the node's cluster.
    if kind == 'pve' and command and command[0] in ('qm', 'pct'):
        return pve_command(name, command)
    for prefix, kinds, output in CANNED:
        if remote.startswith(prefix):
            if kind not in kinds:
                sys.stderr.write('bash: line 1: {0}: command not found\n'.format(remote.split()[0]))
                return record(127, host=name, error='not on a {0} host'.format(kind))
            if output:
                print(output)
            return record(0, host=name)
    return record(0, host=name)


def pve_command(node, command):
    """A qm or pct command run on a PVE node: pve_cli.py as that node, on its cluster's fake (as root@pam)."""
    with open(CONFIG['ready'], encoding='utf-8') as fh:
        ready = json.load(fh)
    for spec in ready.values():
        if node in spec['ssh_nodes']:
            env = dict(os.environ, SITEC_FAKEPVE_ENDPOINT=spec['endpoint'], SITEC_FAKEPVE_PASSWORD=spec['root_password'],
                       SITEC_FAKEPVE_NODE=node, SITEC_FAKEPVE_CLI_LOG=CONFIG['pve_log'])
            code = subprocess.call([os.path.join(CONFIG['pve_bin'], command[0])] + command[1:], env=env)
            return record(code, host=node)
    return fail('node {0} is in no fake cluster'.format(node))


def curl():
    output = None
    for i, arg in enumerate(ARGS):
        if arg in ('--output', '-o') and i + 1 < len(ARGS):
            output = ARGS[i + 1]
        elif arg.startswith('--output='):
            output = arg.split('=', 1)[1]
    if output:
        with open(output, 'wb') as fh:
            fh.write(b'stand-in download\n' * 64)
    return record(0)


def assistant():
    if ARGS[:1] == ['validate-answer']:
        if len(ARGS) < 2 or not os.path.isfile(ARGS[1]):
            return fail('answer file {0} not found'.format(ARGS[1:2]))
        print('The answer file was parsed successfully, no errors found!')
        return record(0)
    if ARGS[:1] == ['prepare-iso']:
        positional = [a for i, a in enumerate(ARGS[1:], 1) if not a.startswith('--') and not ARGS[i - 1].startswith('--')]
        opts = dict((ARGS[i][2:], ARGS[i + 1]) for i in range(1, len(ARGS) - 1) if ARGS[i].startswith('--'))
        if not positional or not os.path.isfile(positional[0]):
            return fail('source ISO {0} not found'.format(positional[:1]))
        if 'answer-file' in opts and not os.path.isfile(opts['answer-file']):
            return fail('answer file {0} not found'.format(opts['answer-file']))
        if 'output' not in opts:
            return fail('no --output (the stand-in needs it)')
        with open(opts['output'], 'wb') as fh:
            fh.truncate(1024 * 1024)
        return record(0)
    return fail('not modelled: {0}'.format(' '.join(ARGS[:1])))


def galaxy():
    if ARGS[:2] != ['collection', 'install'] or '-r' not in ARGS:
        return fail('not modelled: {0}'.format(' '.join(ARGS)))
    path = ARGS[ARGS.index('-r') + 1]
    check = subprocess.run([sys.executable, '-c', 'import sys, yaml\nd = yaml.safe_load(open(sys.argv[1]))\n'
                            'assert all(c["name"] and c["version"] for c in d["collections"])', path],
                           capture_output=True, text=True)
    if check.returncode != 0:
        return fail('{0} is not a requirements file: {1}'.format(path, check.stderr.strip().splitlines()[-1:]))
    print('Starting collection install process (stand-in: the collections are on this machine already)')
    return record(0)


def playbook():
    real = CONFIG['real']['ansible-playbook']
    books = [a for a in ARGS if a.endswith(('.yml', '.yaml'))]
    if len(books) != 1 or not os.path.isfile(books[0]):
        return fail('no playbook among {0} (from {1})'.format(ARGS, os.getcwd()))
    book = books[0]
    if os.path.basename(book) == 'proxmox.yml':
        return proxmox_play(real, book)
    syntax = subprocess.run([real, '--syntax-check'] + ARGS)
    if syntax.returncode != 0:
        return record(syntax.returncode, mode='syntax-check')
    if os.path.basename(book) == 'pbs.yml':
        return pbs_play()
    return record(0, mode='syntax-check')


def proxmox_play(real, book):
    """The play's api-token tasks on each cluster's nodes, this machine standing in for them, pveum the fake's API.

    One ansible-playbook per cluster (each cluster's pveum talks to its own fake), the clusters at once."""
    import tempfile
    with open(CONFIG['ready'], encoding='utf-8') as fh:
        ready = json.load(fh)
    runs = []
    for cluster, spec in sorted(ready.items()):
        nodes = sorted(spec['ssh_nodes'])
        # Facts only where a play asks for them: this machine's would not be the node's anyway.
        env = dict(os.environ, PATH=CONFIG['pve_bin'] + os.pathsep + os.environ['PATH'], ANSIBLE_GATHERING='explicit',
                   ANSIBLE_PIPELINING='True', SITEC_FAKEPVE_ENDPOINT=spec['endpoint'],
                   SITEC_FAKEPVE_PASSWORD=spec['root_password'], SITEC_FAKEPVE_NODE=nodes[0],
                   SITEC_FAKEPVE_CLI_LOG=CONFIG['pve_log'])
        out = tempfile.TemporaryFile(mode='w+')
        out.write('--- stand-in: {0} --tags api-token on cluster {1} ({2}), connection local, pveum -> {3}\n'.format(
            book, cluster, ','.join(nodes), spec['endpoint']))
        out.flush()
        runs.append((cluster, out, subprocess.Popen(
            [real] + ARGS + ['--tags', 'api-token', '--limit', ','.join(nodes), '-e', 'ansible_connection=local',
                             '-e', 'ansible_become=false', '-e', 'ansible_python_interpreter=' + sys.executable],
            env=env, stdout=out, stderr=subprocess.STDOUT)))
    failed = []
    for cluster, out, process in runs:
        if process.wait() != 0:
            failed.append(cluster)
        out.seek(0)
        sys.stdout.write(out.read())
    sys.stdout.flush()
    if failed:
        return record(2, mode='api-token', clusters=failed)
    return record(0, mode='api-token')


def pbs_play():
    """What the pbs role's last task writes: every backup server's fingerprint, into each file it names."""
    sys.dont_write_bytecode = True
    sys.path.insert(0, os.path.dirname(os.path.realpath(sys.argv[0])))
    from runbook import inventory_hosts, load_yaml
    servers = sorted(inventory_hosts(os.path.join('inventory', 'hosts.yml'), 'pbs'))
    fingerprint = ':'.join(['AB'] * 32)
    written = []
    for server in servers:
        host_vars = os.path.join('inventory', 'host_vars', server + '.yml')
        for path in (load_yaml(host_vars) if os.path.exists(host_vars) else {}).get('pbs_fingerprint_files', []):
            path = path.replace('{{ inventory_dir }}', os.path.abspath('inventory'))
            if '{{' in path:
                return fail('cannot resolve {0}'.format(path))
            with open(path, 'w', encoding='utf-8') as fh:
                json.dump({'pbs_fingerprints': dict((s, fingerprint) for s in servers)}, fh, indent=4)
                fh.write('\n')
            written.append(os.path.relpath(path))
    print('--- stand-in: the pbs role wrote {0}'.format(', '.join(written) or 'nothing'))
    return record(0, mode='pbs-fingerprints', written=written)


def terraform():
    real = CONFIG['real']['terraform']
    i = 0
    while i < len(ARGS) and ARGS[i].startswith('-'):
        i += 1
    args = list(ARGS)
    chdir = next((a.split('=', 1)[1] for a in ARGS[:i] if a.startswith('-chdir=')), '.')
    command = args[i] if i < len(args) else ''
    extra = []
    if command in ('init', 'plan', 'apply'):
        extra = ['-input=false', '-no-color']
        if command == 'apply' and '-auto-approve' not in args:
            extra.append('-auto-approve')
        args[i + 1:i + 1] = extra
    code = subprocess.run([real] + args).returncode
    return record(code, command=command, root=os.path.normpath(os.path.join(os.getcwd(), chdir)), added=extra)


def git():
    return record(0)


def main():
    handlers = {'ssh': ssh, 'ssh-copy-id': ssh, 'curl': curl, 'proxmox-auto-install-assistant': assistant,
                'ansible-galaxy': galaxy, 'ansible-playbook': playbook, 'terraform': terraform, 'git': git}
    if NAME not in handlers:
        return fail('not a stand-in')
    return handlers[NAME]()


if __name__ == '__main__':
    sys.exit(main())
