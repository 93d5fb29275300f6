"""The node side of the apply rehearsal: the generated Ansible runs its PVE commands against the fakes.

    node_rehearsal.py TREE RUN_DIR

TREE is the generated tree Terraform was applied from (target/apply/<site>), RUN_DIR the run's
state folder, with ready.json (serve.py) and the fakes still up. Every PVE node of the inventory is
a stand-in host on this machine (connection local): qm, pct, pvesh, pvesm and pvecm on its PATH are
pve_cli.py, which calls its cluster's fake as root@pam, so "pending, not applied", protection and
permissions are the fake's answers. The role's tasks that change the node itself (network, GRUB,
packages) are not run: proxmox_node's guest_settings.yml is.

Passes, each checked through the API as root:
  1. first   the settings the site gives each guest are made: in the running config, or (a pet)
             pending and reported; a cattle guest with a setting pending was restarted; a VM
             created stopped (Windows, drivers CD-ROM) was started once, after the drive was in;
  2. again   nothing changes (and a pet's pending setting is reported again);
  3. edit    the owner adds settings of his own (a device node, a feature flag, a USB device), the
             site drops one device, bind mount, feature and USB device per guest: Ansible deletes
             exactly those, keeps the owner's;
  4. again-after-edit   nothing changes (only with SITEC_NODE_FULL=1: each pass costs 3-15 s).
Prints one line per check; exits 1 if one fails. Logs: RUN_DIR/node/*.log; every stand-in call in
RUN_DIR/node/cli.jsonl.
"""

import copy
import json
import os
import re
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True

import pve_cli  # noqa: E402

COMMANDS = ('pvesh', 'qm', 'pct', 'pvesm', 'pvecm')
FAILED = []


def check(ok, what):
    print('    {0} {1}'.format('ok  ' if ok else 'FAIL', what))
    if not ok:
        FAILED.append(what)
    return ok


def parts(value):
    return sorted(str(value).split(','))


def load_yaml_vars(path):
    """The host_vars this check needs, read with the YAML the system's Ansible brings."""
    out = subprocess.run(['python3', '-c', 'import sys, json, yaml\n'
                          'class L(yaml.SafeLoader): pass\n'
                          'L.add_constructor("!unsafe", lambda l, n: l.construct_scalar(n))\n'
                          'print(json.dumps(yaml.load(open(sys.argv[1]), Loader=L)))', path],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


class Cluster(object):
    def __init__(self, name, spec):
        self.name = name
        self.endpoint = spec['endpoint']
        self.password = spec['root_password']
        self.nodes = sorted(spec['ssh_nodes'])
        os.environ['SITEC_FAKEPVE_ENDPOINT'] = self.endpoint
        os.environ['SITEC_FAKEPVE_PASSWORD'] = self.password
        self.api = pve_cli.Api()


class Rehearsal(object):
    def __init__(self, tree, run):
        self.tree = os.path.abspath(tree)
        self.run = os.path.abspath(run)
        self.dir = os.path.join(self.run, 'node')
        shutil.rmtree(self.dir, ignore_errors=True)
        os.makedirs(os.path.join(self.dir, 'bin'))
        for command in COMMANDS:
            os.symlink(os.path.join(HERE, 'pve_cli.py'), os.path.join(self.dir, 'bin', command))
        with open(os.path.join(self.run, 'ready.json'), encoding='utf-8') as fh:
            ready = json.load(fh)
        self.clusters = dict((name, Cluster(name, spec)) for name, spec in sorted(ready.items()))
        self.node_cluster = dict((node, c) for c in self.clusters.values() for node in c.nodes)
        self.ansible = os.path.join(self.tree, 'ansible')
        self.hosts = [n for n in sorted(self.node_cluster)
                      if os.path.exists(os.path.join(self.ansible, 'inventory', 'host_vars', n + '.yml'))]
        self.guests = {}
        for host in self.hosts:
            hv = load_yaml_vars(os.path.join(self.ansible, 'inventory', 'host_vars', host + '.yml'))
            self.guests[host] = hv.get('proxmox_node_guest_settings') or []
        self.cli_log = os.path.join(self.dir, 'cli.jsonl')
        self._without_role_dependencies()

    def _without_role_dependencies(self):
        """proxmox_repositories rewrites APT sources: not for this machine (the tree is a copy)."""
        meta = os.path.join(self.ansible, 'roles', 'proxmox_node', 'meta', 'main.yml')
        with open(meta, encoding='utf-8') as fh:
            text = fh.read()
        cut = text.find('\ndependencies:')
        if cut >= 0:
            with open(meta, 'w', encoding='utf-8') as fh:
                fh.write(text[:cut] + '\ndependencies: []\n')

    # ---------------------------------------------------------------- runs

    def play(self, label, settings=None):
        """Runs guest_settings.yml on every PVE node; returns (exit code, output, stand-in calls)."""
        fakes = dict((n, {'endpoint': c.endpoint, 'password': c.password}) for n, c in self.node_cluster.items())
        extra = {'sitec_rehearsal_fakes': fakes, 'sitec_rehearsal_bin': os.path.join(self.dir, 'bin'),
                 'sitec_rehearsal_state': os.path.join(self.dir, 'state'), 'sitec_rehearsal_log': self.cli_log}
        role_vars = '        proxmox_node_state_dir: "{{ sitec_rehearsal_state }}/{{ inventory_hostname }}"\n'
        if settings is not None:
            extra['sitec_rehearsal_settings'] = settings
            role_vars += '        proxmox_node_guest_settings: "{{ sitec_rehearsal_settings[inventory_hostname] }}"\n'
        with open(os.path.join(self.dir, 'extra.json'), 'w', encoding='utf-8') as fh:
            json.dump(extra, fh)
        playbook = os.path.join(self.ansible, 'sitec-node-rehearsal.yml')
        with open(playbook, 'w', encoding='utf-8') as fh:
            fh.write('''- name: The node side of the apply rehearsal
  hosts: {hosts}
  gather_facts: false
  environment:
    PATH: "{{{{ sitec_rehearsal_bin }}}}:{{{{ lookup('ansible.builtin.env', 'PATH') }}}}"
    SITEC_FAKEPVE_ENDPOINT: "{{{{ sitec_rehearsal_fakes[inventory_hostname].endpoint }}}}"
    SITEC_FAKEPVE_PASSWORD: "{{{{ sitec_rehearsal_fakes[inventory_hostname].password }}}}"
    SITEC_FAKEPVE_NODE: "{{{{ inventory_hostname }}}}"
    SITEC_FAKEPVE_CLI_LOG: "{{{{ sitec_rehearsal_log }}}}"
  tasks:
    - name: Make the guest settings only root may make
      ansible.builtin.include_role:
        name: proxmox_node
        tasks_from: guest_settings.yml
      vars:
{role_vars}'''.format(hosts=','.join(self.hosts), role_vars=role_vars))
        mark = os.path.getsize(self.cli_log) if os.path.exists(self.cli_log) else 0
        env = dict(os.environ, ANSIBLE_CONFIG=os.path.join(self.ansible, 'ansible.cfg'), ANSIBLE_NOCOLOR='1',
                   ANSIBLE_HOST_KEY_CHECKING='False', ANSIBLE_FORKS='8',
                   ANSIBLE_CALLBACKS_ENABLED=os.environ.get('SITEC_NODE_CALLBACKS', ''))
        started = time.time()
        result = subprocess.run(['ansible-playbook', '-i', 'inventory', os.path.basename(playbook),
                                 '-e', 'ansible_connection=local', '-e', 'ansible_become=false',
                                 '-e', 'ansible_python_interpreter=/usr/bin/python3', '-e', '@' + os.path.join(self.dir, 'extra.json')],
                                cwd=self.ansible, env=env, capture_output=True, text=True)
        with open(os.path.join(self.dir, label + '.log'), 'w', encoding='utf-8') as fh:
            fh.write(result.stdout + result.stderr)
        calls = []
        if os.path.exists(self.cli_log):
            with open(self.cli_log, encoding='utf-8') as fh:
                fh.seek(mark)
                calls = [json.loads(line) for line in fh if line.strip()]
        print('  [{0:6.1f}s] ansible {1}{2}'.format(time.time() - started, label,
                                                   '' if result.returncode == 0 else ' FAILED ({0})'.format(result.returncode)))
        if result.returncode != 0:
            for line in (result.stdout + result.stderr).splitlines():
                if 'fatal:' in line or 'FAILED' in line or '"msg"' in line:
                    print('      ' + line.strip()[:400])
        return result.returncode, result.stdout, calls

    # -------------------------------------------------------------- state

    def guest_path(self, host, guest):
        return '/nodes/{0}/{1}/{2}'.format(host, 'qemu' if guest['tool'] == 'qm' else 'lxc', guest['vmid'])

    def exists(self, host, guest):
        try:
            self.api(host).get(self.guest_path(host, guest) + '/status/current')
            return True
        except pve_cli.CliError as e:
            if not str(e).startswith('500 Configuration file'):
                check(False, '{0}/{1}: status: {2}'.format(host, guest['guest'], e))
            return False

    def api(self, host):
        return self.node_cluster[host].api

    def state(self, host, guest):
        """(current config, config with pending values, pending keys, status)."""
        api = self.api(host)
        path = self.guest_path(host, guest)
        current = api.get(path + '/config', current=1)
        merged = api.get(path + '/config')
        pending = [e['key'] for e in api.get(path + '/pending') if 'pending' in e or 'delete' in e]
        status = api.get(path + '/status/current')['status']
        return current, merged, pending, status

    # ------------------------------------------------------------- checks

    def check_made(self, label, output, calls):
        """Each setting is in the running config, or pending on a pet that the run reported."""
        for host in self.hosts:
            for guest in self.guests_of(host, label):
                if not guest['settings'] or not self.exists(host, guest):
                    continue
                current, merged, pending, status = self.state(host, guest)
                name = '{0}/{1}'.format(host, guest['guest'])
                for option, value in sorted(guest['settings'].items()):
                    have = current.get(option)
                    if option == 'features':
                        flags = set(parts(value))
                        applied = have is not None and flags <= set(parts(have))
                        waiting = option in pending and flags <= set(parts(merged.get(option, '')))
                    else:
                        applied = have is not None and parts(have) == parts(value)
                        waiting = option in pending and parts(merged.get(option, '')) == parts(value)
                    if applied and option not in pending:
                        check(True, '{0}: {1} {2} {3}'.format(label, name, option, 'applied'))
                    elif waiting and guest['pet']:
                        reported = re.search(r'restart {0} to apply [^"]*\b{1}\b'.format(re.escape(guest['guest']),
                                                                                          re.escape(option)), output)
                        check(bool(reported), '{0}: {1} {2} pending on the pet, reported "restart {3} to apply {2}"'.format(
                            label, name, option, guest['guest']))
                    else:
                        check(False, '{0}: {1} {2}={3}: current {4}, pending {5}'.format(
                            label, name, option, value, have, merged.get(option) if option in pending else '-'))
                restarted = [c for c in calls if c['argv'][1:3] == ['reboot', str(guest['vmid'])]]
                if restarted:
                    check(not guest['pet'] and status == 'running',
                          '{0}: {1} (cattle) restarted to apply what was pending: {2}'.format(
                              label, name, ' '.join(restarted[0]['argv'])))
                if guest.get('start'):
                    self.check_started(label, host, guest, current, pending, status, calls)

    def check_started(self, label, host, guest, current, pending, status, calls):
        """A VM created stopped: started by Ansible once, after its drives were set, none pending."""
        name = '{0}/{1}'.format(host, guest['guest'])
        vmid = str(guest['vmid'])
        lines = [' '.join(c['argv']) for c in calls if len(c['argv']) > 2 and c['argv'][0] == 'qm' and c['argv'][2] == vmid]
        starts = [i for i, line in enumerate(lines) if line.startswith('qm start ')]
        sets = [i for i, line in enumerate(lines) if line.startswith('qm set ')]
        drives = [o for o in guest['settings'] if re.match(r'(ide|sata)\d+$', o)]
        if label == 'first':
            check(self.before_status.get((host, vmid)) == 'stopped',
                  '{0}: {1} was stopped after terraform apply (start_at_create = false)'.format(label, name))
            check(len(starts) == 1 and sets and max(sets) < starts[0],
                  '{0}: {1} started once by Ansible, after {2}'.format(label, name, '; '.join(lines)))
        check(status == 'running' and all(d in current and d not in pending for d in drives),
              '{0}: {1} runs with {2} attached, not pending ({3})'.format(
                  label, name, ', '.join(drives), ', '.join('{0}: {1}'.format(d, current.get(d)) for d in drives)))

    def guests_of(self, host, label):
        return self.edited[host] if 'edit' in label else self.guests[host]

    def check_unchanged(self, label, code, output, calls):
        changed = re.findall(r'^(\S+)\s*:\s*ok=\d+\s+changed=(\d+)', output, re.M)
        check(code == 0 and changed and all(int(n) == 0 for _, n in changed),
              '{0}: nothing changed ({1})'.format(label, ', '.join('{0} changed={1}'.format(h, n) for h, n in changed)))
        writes = [' '.join(c['argv']) for c in calls if c['argv'][0] in ('qm', 'pct') and c['argv'][1] != 'config']
        check(not writes, '{0}: no qm/pct command that changes a guest{1}'.format(label, (': ' + '; '.join(writes)) if writes else ''))

    # ------------------------------------------------- the owner, the edit

    def owners_settings(self):
        """Settings the owner makes by hand (root), in slots and flags the site never gives."""
        made = {}
        for host in self.hosts:
            for guest in self.guests[host]:
                if not guest['settings'] or not self.exists(host, guest):
                    continue
                api = self.api(host)
                path = self.guest_path(host, guest)
                merged = api.get(path + '/config')
                if guest['tool'] == 'pct':
                    own = {'dev9': '/dev/net/tun'}
                    if 'features' in guest['settings']:
                        own['features'] = ','.join(sorted(set(parts(merged.get('features', ''))) | {'mknod=1'}))
                else:
                    own = {'usb4': 'host=1d6b:0002'}
                api.put(path + '/config', **own)
                made[(host, guest['guest'])] = own
        return made

    def edit(self):
        """The site drops, per guest, its last device, bind mount, USB device and one feature flag."""
        edited, dropped = {}, {}
        for host in self.hosts:
            edited[host] = copy.deepcopy(self.guests[host])
            for guest in edited[host]:
                settings = guest['settings']
                gone = []
                for pattern in (r'dev\d+$', r'usb\d+$'):
                    keys = sorted((k for k in settings if re.match(pattern, k)), key=lambda k: int(re.sub(r'\D', '', k)))
                    if keys:
                        gone.append(keys[-1])
                binds = sorted((k for k in settings if re.match(r'mp\d+$', k)), key=lambda k: int(k[2:]))
                if binds:
                    gone.append(binds[-1])
                for key in gone:
                    del settings[key]
                if 'features' in settings:
                    flags = parts(settings['features'])
                    drop = ([f for f in flags if not f.startswith('nesting=')] or flags)[-1]
                    rest = [f for f in flags if f != drop]
                    if rest:
                        settings['features'] = ','.join(rest)
                    else:
                        del settings['features']
                    gone.append('features:' + drop)
                if gone:
                    dropped[(host, guest['guest'])] = (guest, gone)
        self.edited = edited
        return edited, dropped

    def check_edit(self, label, output, dropped, owners):
        for (host, name), (guest, gone) in sorted(dropped.items()):
            if not self.exists(host, guest):
                continue
            current, merged, pending, status = self.state(host, guest)
            where = '{0}/{1}'.format(host, name)
            # A pet's deletion that waits for its next start shows in /pending and is reported.
            view = merged
            for item in gone:
                if item.startswith('features:'):
                    flag = item.split(':', 1)[1]
                    check(flag not in parts(view.get('features', '')),
                          '{0}: {1} lost the feature {2} the site dropped (features now {3}{4})'.format(
                              label, where, flag, view.get('features'), ', pending' if 'features' in pending else ''))
                else:
                    check(item not in view, '{0}: {1} {2} deleted ({3})'.format(
                        label, where, item, 'pending, reported' if item in pending else 'applied'))
                    if item in pending:
                        check(guest['pet'] and re.search(r'restart {0} to apply'.format(re.escape(name)), output) is not None,
                              '{0}: {1} waits for the pet\'s restart, reported'.format(label, where))
            for option, value in sorted(owners.get((host, name), {}).items()):
                if option == 'features':
                    check('mknod=1' in parts(view.get('features', '')),
                          '{0}: {1} kept the owner\'s feature mknod=1 (features {2})'.format(label, where, view.get('features')))
                else:
                    check(parts(view.get(option, '')) == parts(value),
                          '{0}: {1} kept the owner\'s {2}: {3}'.format(label, where, option, view.get(option)))

    # ---------------------------------------------------------------- all

    def main(self):
        print('  node side: {0} (stand-ins for {1} call the fakes as root@pam)'.format(
            ', '.join(self.hosts), ', '.join(COMMANDS)))
        self.before_status = {}
        for host in self.hosts:
            for guest in self.guests[host]:
                if guest.get('start') and self.exists(host, guest):
                    self.before_status[(host, str(guest['vmid']))] = self.state(host, guest)[3]
        self.edited = self.guests
        code, output, calls = self.play('first')
        if code == 0:
            self.check_made('first', output, calls)
        else:
            check(False, 'first: the play failed (see {0}/first.log)'.format(self.dir))
            return 1
        code, output, calls = self.play('again')
        self.check_unchanged('again', code, output, calls)
        self.check_made('again', output, calls)
        owners = self.owners_settings()
        edited, dropped = self.edit()
        code, output, calls = self.play('edit', edited)
        if code == 0:
            self.check_edit('edit', output, dropped, owners)
            self.check_made('edit', output, calls)
        else:
            check(False, 'edit: the play failed (see {0}/edit.log)'.format(self.dir))
            return 1
        if os.environ.get('SITEC_NODE_FULL') == '1':
            code, output, calls = self.play('again-after-edit', edited)
            self.check_unchanged('again-after-edit', code, output, calls)
        print('  node side: {0}'.format('OK' if not FAILED else '{0} check(s) FAILED'.format(len(FAILED))))
        return 0 if not FAILED else 1


if __name__ == '__main__':
    if len(sys.argv) != 3:
        sys.exit('usage: node_rehearsal.py TREE RUN_DIR')
    sys.exit(Rehearsal(sys.argv[1], sys.argv[2]).main())
