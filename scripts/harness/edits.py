"""The edits of scripts/apply-edits, each predicted by sitec plan, planned by Terraform, applied to fakepve.

    edits.py SITE EDITS.json OUT RUN

OUT is the tree scripts/apply-rehearsal's start_site generated from SITE and applied to the fakes
(RUN holds their ready.json, lab.json and each root's environment). For each edit of EDITS.json, in
order: the site's text is edited (each replaced text must be found exactly once), then

  1. `sitec plan --json` classifies every change (per subject: "vm web", "container dns", ...), against
     a copy of the site the tree was made from, while
  2. `sitec generate` writes the tree (a refused edit must fail here, and is undone); both through a
     sitec daemon of this run's own, stopped at the end;
  3. `terraform plan` (no refresh: the state is the fake's as of the last apply, checked by step 5)
     and, when it plans something, `terraform show -json` give each guest's actions;
  4. `terraform apply` of that plan, while the fake's task list shows what PVE did (created, destroyed,
     shut down, started, moved a disk, ...) and its `pending` endpoint what waits for a restart;
  5. `terraform plan -detailed-exitcode` must find nothing left to do.

Then sitec's class of each guest must agree with Terraform's actions and with what the fake did:

  replace (or destroys data, allowed)  Terraform deletes and creates it; PVE destroys and creates it
  delete                               Terraform deletes it; PVE destroys it
  create / import                      Terraform creates (adopts) it
  reboot                               Terraform updates it; PVE restarts it, or keeps values pending
                                       (a change sitec says Ansible makes: Terraform leaves it alone)
  in-place                             Terraform updates it or leaves it alone; no restart, nothing pending
  (nothing)                            Terraform leaves it alone

What the harness does not run is read from the tree: the settings Ansible's proxmox_node role makes as
root (host_vars' proxmox_node_guest_settings before and after; the role sets what differs and deletes
what it set that the list no longer has), which must match what sitec says Ansible sets or deletes; and the MACs
each cloud-init VM's network-config named when the VM was created, which must match its NICs after
the apply unless sitec says the guest matches NICs "by MAC". K3s servers (the inventory's
k3s_<cluster>_servers) restarted together below etcd's quorum must come with a warning.

A `-replace` that sitec suggests is checked: it names the root (`-chdir=.../terraform/clusters/NAME`),
and with `follow_replace_hint` the harness runs it, as a user would: on cattle Terraform replaces the
guest; on a pet, prevent_destroy refuses it, which is a disagreement (sitec suggested what cannot run).
A refused edit: sitec plan marks it refused, generate fails, and `terraform plan -destroy` of the
pet is refused by prevent_destroy.

Prints one table row per edit; writes RUN/edits.json (every fact) and exits 1 on any disagreement.
"""

import concurrent.futures
import json
import os
import re
import shlex
import shutil
import ssl
import subprocess
import sys
import time
import urllib.parse
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SEVERITY = ['destroys data', 'replace', 'delete', 'cluster', 'reboot', 'host', 'import', 'create', 'in-place']
GUEST = re.compile(r'^module\.(vm|container)\["([^"]+)"\]\.proxmox_virtual_environment_(?:vm|container)\.(cattle|pet)\[0\]$')
HINT = re.compile(r"terraform(?: -chdir=(\S+))? apply -replace='?([^'\s]+?)'?(?=[\s;),]|$)")
STOPS = ('qmshutdown', 'qmstop', 'vzshutdown', 'vzstop')
STARTS = ('qmstart', 'vzstart')
REBOOTS = ('qmreboot', 'vzreboot')


def sh(args, env=None, log=None, cwd=ROOT):
    """Runs a command; returns (exit status, stdout, stderr), and appends both to log."""
    started = time.time()
    done = subprocess.run(args, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if log:
        with open(log, 'a', encoding='utf-8') as fh:
            fh.write('$ {0}\n{1}{2}[exit {3}, {4:.1f}s]\n\n'.format(' '.join(shlex.quote(a) for a in args), done.stdout,
                                                                   done.stderr, done.returncode, time.time() - started))
    return done.returncode, done.stdout, done.stderr


def both(first, second):
    """Runs two commands (args, env, log) at once; returns both (status, stdout, stderr)."""
    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        a = pool.submit(sh, first[0], env=first[1], log=first[2])
        b = pool.submit(sh, second[0], env=second[1], log=second[2])
        return a.result(), b.result()


def root_env(run, cluster):
    """The environment rehearse_root gave this root: its .env file (the token, dummy variables), HOME."""
    env = dict(os.environ)
    with open(os.path.join(run, cluster + '.env'), encoding='utf-8') as fh:
        for line in fh:
            found = re.match(r"export (\w+)=(.*)$", line.strip())
            if found:
                env[found.group(1)] = shlex.split(found.group(2))[0] if found.group(2) else ''
    env['HOME'] = os.path.join(run, 'home')
    return env


class Fake(object):
    """One fake cluster's API, read with the token Terraform uses."""

    def __init__(self, ready, nodes):
        self.endpoint = ready['endpoint'].rstrip('/')
        self.token = ready['api_token']
        self.nodes = sorted(nodes)
        self.context = ssl._create_unverified_context()

    def get(self, path, **query):
        url = self.endpoint + '/api2/json' + path + ('?' + urllib.parse.urlencode(query) if query else '')
        request = urllib.request.Request(url, headers={'Authorization': 'PVEAPIToken=' + self.token})
        try:
            with urllib.request.urlopen(request, context=self.context, timeout=10) as answer:
                return json.load(answer).get('data')
        except urllib.error.HTTPError:
            return None

    def tasks(self):
        found = {}
        for node in self.nodes:
            for task in self.get('/nodes/{0}/tasks'.format(node), limit=100000) or []:
                found[task['upid']] = task
                if task.get('type') in ('qmclone', 'vzclone'):
                    self.clone_target(node, task)
        return found

    CLONE_LOG = re.compile(r'creating a clone of (?:VM|container) \d+ with ID (\d+)')

    def clone_target(self, node, task):
        """A clone's task is the source's (its UPID names the template's VMID: qemu-server API2/Qemu.pm
        clone_vm forks qmclone with $vmid), and its log says the new VMID ("creating a clone of VM $vmid
        with ID $newid"): the task is the new guest's, which it created."""
        log = self.get('/nodes/{0}/tasks/{1}/log'.format(node, urllib.parse.quote(task['upid'], safe='')),
                       limit=1000) or []
        for line in log:
            found = self.CLONE_LOG.search(str(line.get('t', '')))
            if found:
                task['source_id'] = task.get('id')
                task['id'] = found.group(1)
                return

    def pending(self, kind, node, vmid):
        """The keys whose new value waits for the guest's restart (PVE's pending section)."""
        entries = self.get('/nodes/{0}/{1}/{2}/pending'.format(node, 'qemu' if kind == 'vm' else 'lxc', vmid)) or []
        return sorted(e['key'] for e in entries if 'pending' in e or e.get('delete'))

    def guests(self):
        """vmid -> (kind, node) of every guest the fake has."""
        out = {}
        for node in self.nodes:
            for vm in self.get('/nodes/{0}/qemu'.format(node)) or []:
                out[int(vm['vmid'])] = ('vm', node)
            for ct in self.get('/nodes/{0}/lxc'.format(node)) or []:
                out[int(ct['vmid'])] = ('container', node)
        return out


class Root(object):
    """One Terraform root of the tree, with its environment and its fake."""

    def __init__(self, out, run, cluster, fake):
        self.cluster = cluster
        self.dir = os.path.join(out, 'terraform', 'clusters', cluster)
        self.env = root_env(run, cluster)
        self.fake = fake
        self.log = os.path.join(run, cluster + '.edits.log')

    def tf(self, *args):
        return sh(['terraform', '-chdir=' + self.dir] + list(args) + ['-no-color'] if args[0] != 'show' else
                  ['terraform', '-chdir=' + self.dir] + list(args), env=self.env, log=self.log)

    def plan(self, planfile, *extra):
        # The state is the fake's as of the last apply, whose plan after it refreshed and found nothing
        # to do (checked for every edit): a refresh here would read the same again.
        status, _, err = self.tf('plan', '-input=false', '-refresh=false', '-detailed-exitcode', '-out=' + planfile,
                                 '-parallelism=8', *extra)
        if status == 0:
            return {'resource_changes': []}, err  # nothing to do: no need to read the plan
        if status != 2:
            return None, err
        status, text, err = self.tf('show', '-json', planfile)
        return (json.loads(text) if status == 0 else None), err


def guest_actions(plan):
    """subject -> {'actions', 'vm_id', 'node', 'attributes'} of each guest resource a plan touches."""
    out = {}
    for rc in plan.get('resource_changes', []):
        found = GUEST.match(rc['address'])
        if not found:
            continue
        kind, name = found.group(1), found.group(2)
        actions = rc['change']['actions']
        before, after = rc['change'].get('before') or {}, rc['change'].get('after') or {}
        if actions == ['no-op'] and not rc.get('previous_address'):
            continue
        if 'delete' in actions and 'create' in actions:
            what = 'replace'
        elif actions in (['no-op'],):
            what = 'move'
        else:
            what = actions[0]
        unknown = rc['change'].get('after_unknown') or {}
        changed = sorted(k for k in set(before) | set(after)
                         if empty(before.get(k)) != empty(known(after.get(k), unknown.get(k), before.get(k))))
        out[kind + ' ' + name] = {'actions': what, 'address': rc['address'],
                                  'vm_id': after.get('vm_id') or before.get('vm_id'),
                                  'old_vm_id': before.get('vm_id'),
                                  'node': after.get('node_name') or before.get('node_name'),
                                  'old_node': before.get('node_name'),
                                  'attributes': changed}
    return out


def known(after, unknown, before):
    """after, with what Terraform knows only after the apply taken from before (not a planned change)."""
    if unknown is True:
        return before
    if isinstance(after, list) and isinstance(unknown, list):
        prior = before if isinstance(before, list) else []
        return [known(a, unknown[i] if i < len(unknown) else None, prior[i] if i < len(prior) else None)
                for i, a in enumerate(after)]
    if isinstance(after, dict) and isinstance(unknown, dict):
        prior = before if isinstance(before, dict) else {}
        return dict((k, known(v, unknown.get(k), prior.get(k))) for k, v in after.items())
    return after


def empty(value):
    """The value with an empty list or map as null, which Terraform's plan does not show as a change."""
    if isinstance(value, list):
        value = [empty(v) for v in value]
    elif isinstance(value, dict):
        value = dict((k, empty(v)) for k, v in value.items())
    return value if value not in ([], {}) else None


def other_actions(plan):
    counts = {}
    for rc in plan.get('resource_changes', []):
        actions = rc['change']['actions']
        if GUEST.match(rc['address']) or actions in (['no-op'], ['read']):
            continue
        what = 'replace' if 'delete' in actions and 'create' in actions else actions[0]
        kind = rc['type'].replace('proxmox_virtual_environment_', '')
        counts['{0} {1}'.format(what, kind)] = counts.get('{0} {1}'.format(what, kind), 0) + 1
    return ['{0}{1}'.format(k, ' x{0}'.format(n) if n > 1 else '') for k, n in sorted(counts.items())]


def did(tasks):
    """What PVE did to one guest, from its tasks in order: a short phrase and the flags."""
    types = [t['type'] for t in tasks]
    flags = {
        'destroyed': any(t in ('qmdestroy', 'vzdestroy') for t in types),
        'created': any(t in ('qmcreate', 'vzcreate', 'qmclone', 'vzclone') for t in types),
        'restarted': any(t in REBOOTS for t in types)
        or any(t in STOPS for t in types) and any(t in STARTS for t in types[[i for i, x in enumerate(types) if x in STOPS][0]:]),
        'failed': [t['type'] + ': ' + t.get('status', '') for t in tasks if t.get('status') not in (None, 'OK')],
    }
    return types, flags


HOST_VARS_GUEST = re.compile(r'  - guest: !unsafe "([^"]+)"\n    vmid: (\d+)\n    tool: (\w+)\n(?:    (?!settings)\w+: [^\n]*\n)*'
                   r'    settings:(?: \{\}\n|\n((?:      [^\n]+\n)*))')
SETTING = re.compile(r'      (\w+): !unsafe "((?:[^"\\]|\\.)*)"')


def ansible_settings(out):
    """subject -> {option: value} of the settings Ansible's proxmox_node role makes as root (host_vars'
    proxmox_node_guest_settings: every guest of the node, each with its settings)."""
    found = {}
    folder = os.path.join(out, 'ansible', 'inventory', 'host_vars')
    for name in sorted(os.listdir(folder)) if os.path.isdir(folder) else []:
        with open(os.path.join(folder, name), encoding='utf-8') as fh:
            for guest, _vmid, tool, settings in HOST_VARS_GUEST.findall(fh.read()):
                subject = ('vm ' if tool == 'qm' else 'container ') + guest
                found[subject] = dict(SETTING.findall(settings or ''))
    return found


def ansible_effect(before, after):
    """What the role's tasks/guest_settings.yml does to a guest made by the older tree: it runs
    `pct set`/`qm set` for each setting whose value differs, and `--delete` for each setting it set
    (its record on the node says which) that leaves the list. Returns (set {option: value}, deletes
    [option])."""
    sets = dict((o, v) for o, v in after.items() if before.get(o) != v)
    deletes = sorted(o for o in before if o not in after)
    return sets, deletes


def boot_macs(out):
    """vm name -> the MACs its generated network-config matches NICs by (cloud-init VMs only)."""
    found = {}
    folder = os.path.join(out, 'cloud-init', 'vms')
    for name in sorted(os.listdir(folder)) if os.path.isdir(folder) else []:
        path = os.path.join(folder, name, 'network-config')
        if os.path.isfile(path):
            with open(path, encoding='utf-8') as fh:
                found[name] = set(m.lower() for m in re.findall(r'macaddress: "([0-9A-Fa-f:]+)"', fh.read()))
    return found


def k3s_servers(out):
    """K3s cluster -> its servers, from the generated inventory's k3s_<cluster>_servers groups."""
    path = os.path.join(out, 'ansible', 'inventory', 'hosts.yml')
    if not os.path.isfile(path):
        return {}
    with open(path, encoding='utf-8') as fh:
        text = fh.read()
    return dict((m.group(1), re.findall(r'^        ([^:\s]+): \{\}$', m.group(2), re.M)) for m in re.finditer(
        r'^    k3s_(\S+)_servers:\n      hosts:\n((?:        \S+: \{\}\n)*)', text, re.M))


def worst(changes):
    kinds = [c['class'] for c in changes]
    return min(kinds, key=SEVERITY.index) if kinds else None


def judge(subject, changes, tf, tasks, pending, effect=({}, []), unconfigured=()):
    """Whether sitec's changes of one guest agree with Terraform's actions, what the fake did, what
    Ansible's guest settings would do (effect: see ansible_effect), and whether the network-config
    a cloud-init guest applied at its first boot still matches its NICs (unconfigured: the ones it
    does not match by MAC, which the guest leaves without an address)."""
    types, flags = did(tasks)
    actions = tf['actions'] if tf else 'no-op'
    live = [c for c in changes if not c['refused']]
    sets, deletes = effect
    if unconfigured and not any('by MAC' in (c['cause'] or '') for c in live):
        return False, ("the network-config the guest applied at first boot matches no NIC with the MAC of {0}, so the"
                       " guest leaves it unconfigured; sitec says: {1}").format(
            ', '.join(unconfigured), '; '.join(c['cause'] or c['change'] for c in live) or 'nothing')
    for c in live:
        cause = c['cause'] or ''
        if 'deletes' in cause and not deletes:
            return False, 'sitec says the role deletes a setting, but it deletes nothing (it sets ' + (
                ', '.join(sorted(sets)) or 'nothing') + ')'
        if deletes and not any(d in cause for d in deletes):
            return False, 'the role deletes ' + ', '.join(deletes) + ', which sitec does not say'
        if ('pct set' in cause or 'qm set' in cause) and not sets and not deletes:
            return False, 'sitec says Ansible applies {0}, but the role sets and deletes nothing'.format(
                c['change'].split(' ', 1)[0])
    kind = worst(live)
    reboot = any(c['reboot'] for c in live)
    ansible = bool(live) and all('Ansible' in (c['cause'] or '') for c in live if c['class'] == kind)
    if flags['failed']:
        return False, 'a PVE task failed: ' + '; '.join(flags['failed'])
    if kind is None:
        if sets or deletes:
            return False, 'sitec predicts nothing, Ansible sets ' + ', '.join(sorted(sets)) + ' / deletes ' + ', '.join(deletes)
        if actions in ('no-op', 'move'):
            return True, ''
        return False, 'sitec predicts nothing, Terraform will ' + actions
    if kind in ('replace', 'destroys data'):
        if actions == 'replace' and flags['destroyed'] and flags['created']:
            return True, ''
        if kind == 'destroys data' and actions == 'update' and not flags['destroyed']:
            return True, ''  # a disk dropped or shrunk: data lost, the guest stays
        return False, 'sitec: {0}; Terraform: {1}; PVE: {2}'.format(kind, actions, ' '.join(types) or 'nothing')
    if kind == 'delete':
        return (actions == 'delete' and flags['destroyed']), 'sitec: delete; Terraform: {0}'.format(actions)
    if kind in ('create', 'import'):
        return (actions == 'create'), 'sitec: {0}; Terraform: {1}'.format(kind, actions)
    if kind == 'reboot' or reboot:
        if ansible and not reboot_by_terraform(live):
            if actions in ('no-op', 'move'):
                return True, ''
            return False, 'sitec says Ansible makes it, Terraform will ' + actions
        if actions == 'replace':
            return False, 'sitec: reboot; Terraform replaces it'
        if actions == 'update' and (flags['restarted'] or pending):
            return True, ''
        return False, 'sitec: reboot; Terraform: {0}; PVE: {1}'.format(actions, ' '.join(types) or 'no restart, nothing pending')
    if kind in ('host', 'cluster'):
        return actions in ('no-op', 'move'), 'sitec: {0}; Terraform: {1}'.format(kind, actions)
    # in-place
    if actions in ('replace', 'delete', 'create'):
        return False, 'sitec: in-place; Terraform: ' + actions
    if flags['restarted'] or flags['destroyed']:
        return False, 'sitec: in-place; PVE: ' + ' '.join(types)
    if pending:
        return False, 'sitec: in-place; PVE keeps pending until a restart: ' + ', '.join(pending)
    return True, ''


def reboot_by_terraform(changes):
    return any(c['class'] == 'reboot' and 'Ansible' not in (c['cause'] or '') for c in changes)


def apply_edit(text, edit):
    for old, new in edit['replace']:
        count = text.count(old)
        if count != 1:
            raise SystemExit('apply-edits: edit "{0}": {1!r} found {2} times in the site, not once'.format(
                edit['name'], old[:80], count))
        text = text.replace(old, new)
    return text


def hints(changes, roots):
    """The -replace hints of sitec's changes: (subject, chdir, address, problem)."""
    found = []
    for c in changes:
        for chdir, address in HINT.findall(c['cause'] or ''):
            problem = ''
            if not chdir:
                problem = 'the hint has no -chdir (which root?)'
            elif not any(chdir.rstrip('/').endswith('terraform/clusters/' + r) for r in roots):
                problem = 'the hint names no root of the tree: -chdir=' + chdir
            found.append((c['subject'], chdir, address, problem))
    return found


def cell(parts, width):
    return ('; '.join(p for p in parts if p) or '-').ljust(width)


def main(site, edits_file, out, run):
    with open(os.path.join(run, 'ready.json'), encoding='utf-8') as fh:
        ready = json.load(fh)
    with open(os.path.join(run, 'lab.json'), encoding='utf-8') as fh:
        lab = json.load(fh)
    with open(edits_file, encoding='utf-8') as fh:
        edits = json.load(fh)['edits']
    roots = {}
    for cluster in sorted(ready):
        if os.path.isdir(os.path.join(out, 'terraform', 'clusters', cluster)):
            roots[cluster] = Root(out, run, cluster, Fake(ready[cluster], lab['clusters'][cluster]['nodes']))
    boot = boot_macs(out)
    sitec = [os.path.join(ROOT, 'bin', 'sitec')]
    # sitec's daemon keeps it warm between the edits' plans and generates (0.1 s each instead of a JVM's
    # start): one of this run's own, in a folder of the run, stopped at the end (and idle after 15 min).
    xdg = os.path.join(run, 'xdg')
    os.makedirs(xdg, mode=0o700, exist_ok=True)
    os.makedirs(os.path.join(run, 'edits'), exist_ok=True)
    env = dict(os.environ, SITEC_DAEMON='1', SITEC_NO_STAMP='1', XDG_RUNTIME_DIR=xdg, SITEC_DAEMON_IDLE_MINUTES='15')
    env.pop('CI', None)
    try:
        return edit_all(site, edits, out, run, roots, boot, sitec, env)
    finally:
        sh(sitec + ['daemon', 'stop'], env=env, log=os.path.join(run, 'edits', 'daemon.log'))


def edit_all(site, edits, out, run, roots, boot, sitec, env):
    """Makes, predicts, applies and judges each edit in order; prints the table; 1 on any disagreement."""
    with open(site, encoding='utf-8') as fh:
        current = fh.read()
    work = os.path.join(run, 'edits')
    os.makedirs(work, exist_ok=True)
    results, failures = [], 0
    widths = (22, 44, 30, 40)
    header = '| {0:<{w0}} | {1:<{w1}} | {2:<{w2}} | {3:<{w3}} | agree? |'.format(
        'edit', 'sitec plan', 'terraform', 'fake PVE did', w0=widths[0], w1=widths[1], w2=widths[2], w3=widths[3])
    print(header)
    print('|' + '|'.join('-' * (w + 2) for w in widths) + '|--------|')
    for number, edit in enumerate(edits, 1):
        started = time.time()
        edited = apply_edit(current, edit)
        path = os.path.join(work, '{0:02d}-site.yaml'.format(number))
        with open(path, 'w', encoding='utf-8') as fh:
            fh.write(edited)
        log = os.path.join(work, '{0:02d}.log'.format(number))
        # sitec plan reads only the recorded site: against a copy of it, it runs beside generate.
        baseline = os.path.join(work, 'baseline')
        os.makedirs(baseline, exist_ok=True)
        shutil.copyfile(os.path.join(out, '.sitec-site.yaml'), os.path.join(baseline, '.sitec-site.yaml'))
        settings_before = ansible_settings(out)
        (status, text, err), (gen_status, _, gen_err) = both(
            (sitec + ['plan', '-f', path, '-o', baseline, '--json'], env, log + '.plan'),
            (sitec + ['generate', '-f', path, '-o', out], env, log))
        try:
            changes = json.loads(text)['changes']
        except ValueError:
            raise SystemExit('apply-edits: sitec plan printed no JSON for "{0}":\n{1}'.format(edit['name'], err))
        by_subject = {}
        for c in changes:
            by_subject.setdefault(c['subject'], []).append(c)
        sitec_cell = []
        for subject, cs in sorted(by_subject.items()):
            marks = (' [refused]' if any(c['refused'] for c in cs) else
                     ' [warning]' if any(c['message'] for c in cs) else '')
            sitec_cell.append('{0} {1}{2}'.format(worst(cs), subject, marks))
        fact = {'edit': edit['name'], 'what': edit['what'], 'sitec': changes, 'guests': {}, 'problems': []}
        problems = fact['problems']
        status = gen_status
        refused = [c for c in changes if c['refused']]
        for subject, chdir, address, problem in hints(changes, roots):
            if problem:
                problems.append('{0}: {1}'.format(subject, problem))
        if edit.get('refused'):
            tf_cell, fake_cell = [], []
            if not refused:
                problems.append('sitec plan does not refuse it')
            if status == 0:
                problems.append('sitec generate wrote it')
            for subject in sorted({c['subject'] for c in refused}):
                kind, name = subject.split(' ', 1)
                for cluster, r in roots.items():
                    address = 'module.{0}["{1}"]'.format(kind, name)
                    code, _, terr = r.tf('plan', '-input=false', '-destroy', '-target=' + address)
                    if code != 0 and 'prevent_destroy' in terr:
                        tf_cell.append('plan -destroy ' + subject + ': prevent_destroy refuses')
                    elif code == 0:
                        problems.append('terraform plan -destroy of {0} is not refused'.format(subject))
            fake_cell.append('nothing (generate refused: {0})'.format('yes' if status != 0 else 'NO'))
            ok = not problems
            failures += 0 if ok else 1
            print('| {0:<{w0}} | {1:<{w1}} | {2:<{w2}} | {3:<{w3}} | {4:<6} |'.format(
                edit['name'], cell(sitec_cell, widths[1]), cell(tf_cell, widths[2]), cell(fake_cell, widths[3]),
                'yes' if ok else 'NO', w0=widths[0], w1=widths[1], w2=widths[2], w3=widths[3]))
            for p in problems:
                print('|   ' + p)
            results.append(fact)
            continue  # the site stays as it was
        if status != 0:
            problems.append('sitec generate failed: ' + gen_err.strip().splitlines()[-1] if gen_err.strip() else 'exit')
        current = edited
        tf_cell, fake_cell, verdicts = [], [], []
        for cluster, r in sorted(roots.items()):
            planfile = os.path.join(work, '{0:02d}-{1}.tfplan'.format(number, cluster))
            plan, err = r.plan(planfile)
            if plan is None:
                problems.append('terraform plan failed in {0}: {1}'.format(cluster, err.strip()[-400:]))
                continue
            touched = guest_actions(plan)
            others = other_actions(plan)
            if not touched and not others and not any(c['subject'].split(' ', 1)[0] in ('vm', 'container')
                                                      for c in changes):
                continue
            planned = bool(touched or others)
            marks = r.fake.tasks()
            if planned:
                code, _, err = r.tf('apply', '-input=false', '-auto-approve', planfile)
                if code != 0:
                    problems.append('terraform apply failed in {0}: {1}'.format(cluster, err.strip()[-600:]))
            tasks = [t for u, t in r.fake.tasks().items() if u not in marks]
            tasks.sort(key=lambda t: (t['starttime'], t['pid']))
            followed = []
            for subject, chdir, address, problem in hints(changes, [cluster]) if edit.get('follow_replace_hint') else []:
                if chdir and not chdir.rstrip('/').endswith('terraform/clusters/' + cluster):
                    continue
                before = r.fake.tasks()
                replan = os.path.join(work, '{0:02d}-{1}-replace.tfplan'.format(number, cluster))
                again, err = r.plan(replan, '-replace=' + address)
                if again is None:
                    why = 'prevent_destroy refuses it' if 'prevent_destroy' in err else err.strip()[-300:]
                    problems.append('{0}: sitec suggests apply -replace, which Terraform refuses: {1}'.format(subject, why))
                    followed.append((subject, 'refused'))
                    continue
                r.tf('apply', '-input=false', '-auto-approve', replan)
                new = [t for u, t in r.fake.tasks().items() if u not in before]
                what = guest_actions(again).get(subject, {}).get('actions', 'no-op')
                _, flags = did([t for t in new if str(t['id']) == str(guest_actions(again).get(subject, {}).get('vm_id'))])
                if what == 'replace' and flags['destroyed'] and flags['created']:
                    followed.append((subject, 'replaced'))
                else:
                    problems.append('{0}: apply -replace did {1}'.format(subject, what))
                    followed.append((subject, what))
            settings_after = ansible_settings(out)
            subjects = sorted(set(touched) | {s for s in by_subject if s.split(' ', 1)[0] in ('vm', 'container')}
                              | {s for s in set(settings_before) | set(settings_after)
                                 if any(ansible_effect(settings_before.get(s, {}), settings_after.get(s, {})))})
            guests = r.fake.guests()
            # A VM created (or rebuilt) now boots with the network-config of this tree.
            fresh = boot_macs(out)
            for subject in subjects:
                name = subject.split(' ', 1)[1]
                created = (touched.get(subject) or {}).get('actions') in ('create', 'replace')
                if subject.startswith('vm ') and (created or (subject, 'replaced') in followed):
                    boot[name] = fresh.get(name, set())
            for subject in subjects:
                tf = touched.get(subject)
                cs = by_subject.get(subject, [])
                vm_id = tf['vm_id'] if tf else None
                # A replacement under a new VMID destroys the old one: both ids' tasks are the guest's.
                ids = {str(i) for i in (vm_id, (tf or {}).get('old_vm_id')) if i is not None}
                mine = [t for t in tasks if str(t['id']) in ids]
                pending = []
                if vm_id is not None and int(vm_id) in guests:
                    kind, node = guests[int(vm_id)]
                    pending = r.fake.pending(kind, node, vm_id)
                effect = ansible_effect(settings_before.get(subject, {}), settings_after.get(subject, {}))
                unconfigured = []
                name = subject.split(' ', 1)[1]
                if subject.startswith('vm ') and name in boot and vm_id is not None and int(vm_id) in guests:
                    config = r.fake.get('/nodes/{0}/qemu/{1}/config'.format(guests[int(vm_id)][1], vm_id)) or {}
                    for key in sorted(k for k in config if re.match(r'^net\d+$', k)):
                        found = re.search(r'([0-9A-Fa-f]{2}(?::[0-9A-Fa-f]{2}){5})', str(config[key]))
                        mac = found.group(1).lower() if found else ''
                        if mac not in boot[name]:
                            unconfigured.append('{0} ({1})'.format(key, mac))
                ok, why = judge(subject, cs, tf, mine, pending, effect, unconfigured)
                types, _ = did(mine)
                action = tf['actions'] if tf else 'no-op'
                if tf and action == 'update' and tf['attributes']:
                    action += ' (' + ', '.join(a for a in tf['attributes'] if a not in ('id',))[:40] + ')'
                tf_cell.append('{0}: {1}'.format(subject, action))
                seen = ' '.join(types) or ('live' if tf and tf['actions'] == 'update' else 'nothing')
                if pending:
                    seen += ', pending ' + ','.join(pending)
                if unconfigured:
                    seen += '; guest network-config (first boot) has no ' + ', '.join(unconfigured)
                if effect[0] or effect[1]:
                    seen += '; Ansible (not run here) ' + '; '.join(
                        (['sets ' + ', '.join('{0}={1}'.format(o, v) for o, v in sorted(effect[0].items()))] if effect[0] else [])
                        + (['deletes ' + ', '.join(effect[1])] if effect[1] else []))
                for s, result in followed:
                    if s == subject:
                        seen += '; -replace: ' + result
                fake_cell.append('{0}: {1}'.format(subject, seen))
                fact['guests'][subject] = {'terraform': tf, 'tasks': types, 'pending': pending, 'agree': ok, 'why': why,
                                           'restarted': did(mine)[1]['restarted']}
                if not ok:
                    problems.append('{0}: {1}'.format(subject, why))
            # Servers restarted in one apply: etcd needs a majority of them up, which sitec must warn of.
            for k3s, servers in sorted(k3s_servers(out).items()):
                down = [s for s in servers if fact['guests'].get('vm ' + s, {}).get('restarted')]
                if len(servers) >= 2 and len(servers) - len(down) < len(servers) // 2 + 1:
                    warned = [c for c in changes if c['subject'].startswith('k3s ') and c['message']]
                    fake_cell.append('k3s {0}: {1} of {2} servers restarted together'.format(k3s, len(down), len(servers)))
                    if not warned:
                        problems.append('k3s {0}: {1} of {2} servers restart in one apply (etcd quorum lost), and'
                                        ' sitec does not warn of it'.format(k3s, len(down), len(servers)))
            if others:
                tf_cell.append(', '.join(others))
            code = 0 if not planned and not followed else r.tf('plan', '-input=false', '-detailed-exitcode', '-parallelism=8')[0]
            if code != 0:
                problems.append('not converged in {0} after the apply (terraform plan exit {1})'.format(cluster, code))
        ok = not problems
        failures += 0 if ok else 1
        fact['agree'] = ok
        fact['seconds'] = round(time.time() - started, 1)
        results.append(fact)
        print('| {0:<{w0}} | {1:<{w1}} | {2:<{w2}} | {3:<{w3}} | {4:<6} |'.format(
            edit['name'], cell(sitec_cell, widths[1]), cell(tf_cell, widths[2]), cell(fake_cell, widths[3]),
            'yes' if ok else 'NO', w0=widths[0], w1=widths[1], w2=widths[2], w3=widths[3]))
        for p in problems:
            print('|   ' + p)
        sys.stdout.flush()
    with open(os.path.join(run, 'edits.json'), 'w', encoding='utf-8') as fh:
        json.dump(results, fh, indent=2)
    print('{0} of {1} edits agree (details: {2})'.format(len(edits) - failures, len(edits),
                                                         os.path.relpath(os.path.join(run, 'edits.json'), ROOT)))
    return 1 if failures else 0


if __name__ == '__main__':
    if len(sys.argv) != 5:
        sys.exit('usage: edits.py SITE EDITS.json OUT RUN')
    sys.exit(main(*sys.argv[1:]))
