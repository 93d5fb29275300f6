#!/usr/bin/env python3
"""The runbook, executed: RUNBOOK.md's first install, stage by stage, as a user would type it.

    runbook.py NAME TREE RUN_DIR [--self-test]

TREE is the generated tree of the site (scripts/runbook-rehearsal generated it, started its fakes
and gave each Terraform root its provider override file, nothing else); RUN_DIR holds lab.json and
ready.json. Each stage of "## First install" (`### N. Title: \\`make TARGET\\``; a stage without a
make target is manual and skipped) runs its ```sh block, then its check block, each exactly as
written in one `bash` (`set -euo pipefail`, in TREE) with only what a user has: a fresh HOME, the
secrets the runbook's `export A=… B=…` line names (dummy values), a PATH whose first folder holds
the stand-ins (standin.py) and TF_CLI_CONFIG_FILE (the provider mirror). A failed stage stops the
run. Then every Terraform root must have been applied and then planned with -detailed-exitcode
(exit 0) by the runbook's own lines, and the Day 2 blocks that run Terraform (and have no
<placeholder>) must run too. Prints a table (stage, commands, result, time); exit 0 only if all
of it passed.

SITEC_RUNBOOK_MUTATE=drop-init|drop-token|replace-no-chdir runs the same on a broken copy of
RUNBOOK.md (it must fail). --self-test runs each of those after the site's own run, fast: from
the first block the breakage changes, in a copy of the tree and HOME as they were just before it
in the site's own run (the blocks before it are the same commands, run already); each must fail.
Logs: RUN_DIR/runbook/ (one script and log per block, stand-ins.jsonl with every stand-in call).
"""

import getpass
import json
import os
import re
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
FAKEPVE = os.path.join(os.path.dirname(HERE), 'fakepve')
STANDINS = ('ssh', 'ssh-copy-id', 'curl', 'proxmox-auto-install-assistant', 'ansible-galaxy', 'ansible-playbook',
            'terraform', 'git')
PVE_COMMANDS = ('pveum', 'pvesh', 'pvesm', 'qm', 'pct')
PLACEHOLDER = re.compile(r'<[a-z][a-z -]*>')
# The Day 2 blocks the rehearsal runs: those that change the lab through Terraform (a cattle VM's -replace).
APPLY = re.compile(r'(^|[\s;(])terraform\s.*\bapply\b')
MUTATIONS = ('drop-init', 'drop-token', 'replace-no-chdir')
SITEC = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(HERE))), 'bin', 'sitec')


def load_yaml(path):
    """A generated YAML file (its `!unsafe` strings as strings)."""
    import yaml

    class Loader(yaml.SafeLoader):
        pass
    Loader.add_constructor('!unsafe', lambda loader, node: loader.construct_scalar(node))
    with open(path, encoding='utf-8') as fh:
        return yaml.load(fh, Loader=Loader)


def inventory_hosts(path, group=None):
    """host -> ansible_host of the inventory's hosts (of one group and its children, if given)."""
    out = {}

    def walk(name, node, inside):
        node = node or {}
        for host, hv in (node.get('hosts') or {}).items():
            if inside and (hv or {}).get('ansible_host'):
                out[host] = hv['ansible_host']
            elif inside:
                out.setdefault(host, host)  # listed again in another group: its address is where it is first
        for child, sub in (node.get('children') or {}).items():
            walk(child, sub, inside or child == group)
    walk('all', load_yaml(path).get('all'), group is None)
    return out


class Block(object):
    """A ```sh block the rehearsal runs: a stage's run or check block, or a Day 2 block."""

    def __init__(self, section, kind, lines, target=None, manual=False):
        self.section, self.kind, self.lines, self.target, self.manual = section, kind, lines, target, manual

    def key(self):
        return (self.section, self.kind, tuple(self.lines))

    def label(self):
        return '{0}{1}'.format(self.section, ', ' + self.kind[7:] if self.kind.startswith('day 2,')
                               else '' if self.kind in ('run', 'day 2') else ': ' + self.kind)

    def commands(self):
        return [line for line in self.lines if line.strip() and not line.lstrip().startswith('#')]


def sh_blocks(text):
    """The ```sh blocks of a piece of markdown, each as its lines, with what precedes it."""
    out = []
    for m in re.finditer(r'^```sh\n(.*?)^```$', text, re.M | re.S):
        out.append((text[:m.start()], m.group(1).rstrip('\n').split('\n') if m.group(1).strip() else []))
    return out


def parse(text):
    """(secret names, blocks in order) of a RUNBOOK.md."""
    head, _, rest = text.partition('\n## First install\n')
    first, _, day2 = rest.partition('\n## Day 2\n')
    secrets = []
    for _, lines in sh_blocks(head):
        for line in lines:
            if line.startswith('export '):
                secrets += re.findall(r'([A-Za-z_][A-Za-z0-9_]*)=', line)
    blocks = []
    for m in re.finditer(r'^### (\d+)\. (.*?)(?:: `make ([\w-]+)`)?\n(.*?)(?=^### |\Z)', first, re.M | re.S):
        number, title, target, body = m.groups()
        section = '{0}. {1}'.format(number, target or title + ' (manual)')
        found = sh_blocks(body)
        for index, (before, lines) in enumerate(found):
            kind = 'run' if index == 0 else 'check'
            if kind == 'check' and 'Check:' not in before:
                kind = 'run {0}'.format(index + 1)
            blocks.append(Block(section, kind, lines, target, manual=target is None))
    for m in re.finditer(r'^### (.*?)\n(.*?)(?=^### |\Z)', day2, re.M | re.S):
        title, body = m.groups()
        for index, (before, lines) in enumerate(sh_blocks(body)):
            kind = 'day 2' if index == 0 else 'day 2, block {0}'.format(index + 1)
            blocks.append(Block('Day 2: ' + title, kind, lines))
    return secrets, blocks


def mutate(text, how):
    """A deliberately broken copy of RUNBOOK.md."""
    if how == 'drop-init':
        # The stage that initialises Terraform, gone: apply runs on roots never initialised.
        out = re.sub(r'^### \d+\. [^\n]*\n(?:(?!^### ).)*?^terraform [^\n]* init\b.*?(?=^### |^## )', '', text,
                     count=1, flags=re.M | re.S)
    elif how == 'drop-token':
        # The runbook never says how to get the token: no line exports it.
        out = re.sub(r'^export PROXMOX_VE_API_TOKEN=[^\n]*\n', '', text, flags=re.M)
        out = re.sub(r'export PROXMOX_VE_API_TOKEN="[^"]*"; ', '', out)
    elif how == 'replace-no-chdir':
        out = re.sub(r'^(terraform )-chdir=\S+ (apply -replace=)', r'\1\2', text, flags=re.M)
    else:
        raise SystemExit('runbook.py: unknown mutation {0} (one of {1})'.format(how, ', '.join(MUTATIONS)))
    if out == text:
        raise SystemExit('runbook.py: mutation {0} changes nothing in this RUNBOOK.md'.format(how))
    return out


class Rehearsal(object):
    def __init__(self, name, tree, run, work):
        self.name = name
        self.tree = os.path.abspath(tree)
        self.run = os.path.abspath(run)
        self.work = work
        shutil.rmtree(work, ignore_errors=True)
        self.bin = os.path.join(work, 'bin')
        self.pve_bin = os.path.join(work, 'pve-bin')
        self.home = os.path.join(work, 'home')
        for folder in (self.bin, self.pve_bin, self.home, os.path.join(work, 'blocks')):
            os.makedirs(folder)
        self.log = os.path.join(work, 'stand-ins.jsonl')
        for command in STANDINS:
            os.symlink(os.path.join(HERE, 'standin.py'), os.path.join(self.bin, command))
        for command in PVE_COMMANDS:
            os.symlink(os.path.join(FAKEPVE, 'pve_cli.py'), os.path.join(self.pve_bin, command))
        real = dict((c, shutil.which(c)) for c in ('terraform', 'ansible-playbook', 'ansible-inventory'))
        with open(os.path.join(self.run, 'lab.json'), encoding='utf-8') as fh:
            lab = json.load(fh)
        hosts = {}
        for cluster in lab['clusters'].values():
            for node, spec in cluster['nodes'].items():
                hosts[spec['address']] = [node, 'pve']
        for host, address in inventory_hosts(os.path.join(self.tree, 'ansible', 'inventory', 'hosts.yml')).items():
            if address not in hosts:
                hosts[address] = [host, 'pbs' if host in lab.get('backup_servers', []) else 'guest']
        with open(os.path.join(self.bin, '.standin.json'), 'w', encoding='utf-8') as fh:
            json.dump({'log': self.log, 'lab': os.path.join(self.run, 'lab.json'), 'ready': os.path.join(self.run, 'ready.json'),
                       'tree': self.tree, 'real': real, 'pve_bin': self.pve_bin, 'hosts': hosts,
                       'pve_log': os.path.join(work, 'pveum.jsonl')}, fh, indent=2)

    def env(self, secrets):
        env = {'HOME': self.home, 'USER': getpass.getuser(), 'LOGNAME': getpass.getuser(), 'LANG': 'C.UTF-8',
               'PATH': self.bin + ':/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
               'TF_CLI_CONFIG_FILE': os.environ['TF_CLI_CONFIG_FILE']}
        for name in secrets:
            env[name] = 'rehearsal-dummy-' + name.lower().replace('_', '-')
        return env

    def calls(self):
        if not os.path.exists(self.log):
            return []
        with open(self.log, encoding='utf-8') as fh:
            return [json.loads(line) for line in fh if line.strip()]

    def execute(self, blocks, secrets, snapshots=None, first=0):
        """Runs the blocks from index `first`; returns (rows, ok). Snapshots of tree and HOME before each, if asked."""
        rows, ok, stopped = [], True, None
        env = self.env(secrets)
        for index, block in enumerate(blocks):
            if index < first:
                continue
            if snapshots is not None:
                snap = os.path.join(snapshots, '{0:02d}'.format(index))
                os.makedirs(snap)
                subprocess.run(['cp', '-a', self.tree, os.path.join(snap, 'tree')], check=True)
                subprocess.run(['cp', '-a', self.home, os.path.join(snap, 'home')], check=True)
            if block.manual:
                rows.append((block.label(), len(block.commands()), 'skipped (manual)', None))
                continue
            if block.kind.startswith('day 2') and (not any(APPLY.search(l) for l in block.commands())
                                                   or any(PLACEHOLDER.search(l) for l in block.commands())):
                why = 'has a <placeholder>' if any(PLACEHOLDER.search(l) for l in block.commands()) else 'no terraform apply'
                rows.append((block.label(), len(block.commands()), 'skipped ({0})'.format(why), None))
                continue
            if stopped is not None:
                rows.append((block.label(), len(block.commands()), 'not run (after {0})'.format(stopped), None))
                continue
            script = os.path.join(self.work, 'blocks', '{0:02d}.sh'.format(index))
            with open(script, 'w', encoding='utf-8') as fh:
                fh.write('set -euo pipefail\n' + ''.join(line + '\n' for line in block.lines))
            mark = len(self.calls())
            started = time.time()
            with open(script[:-3] + '.log', 'w', encoding='utf-8') as out:
                code = subprocess.run(['bash', script], cwd=self.tree, env=env, stdout=out, stderr=subprocess.STDOUT,
                                      stdin=subprocess.DEVNULL).returncode
            took = time.time() - started
            result = 'ok' if code == 0 else 'FAILED (exit {0})'.format(code)
            if code == 0 and any('-replace=' in l for l in block.commands()):
                result = self.replaced(script[:-3] + '.log')
            if not result.startswith('ok'):
                ok = False
                stopped = block.label()
                result += self.why(script[:-3] + '.log', self.calls()[mark:])
            rows.append((block.label(), len(block.commands()), result, took))
        return rows, ok

    @staticmethod
    def replaced(log):
        """A -replace apply must destroy and create (Terraform's summary line)."""
        with open(log, encoding='utf-8', errors='replace') as fh:
            m = re.findall(r'Apply complete! Resources: (\d+) added, \d+ changed, (\d+) destroyed', fh.read())
        if m and int(m[-1][0]) > 0 and int(m[-1][1]) > 0:
            return 'ok (replaced: {0} added, {1} destroyed)'.format(*m[-1])
        return 'FAILED (-replace replaced nothing)'

    @staticmethod
    def why(log, calls):
        with open(log, encoding='utf-8', errors='replace') as fh:
            text = fh.read()
        failed = [c for c in calls if c['exit'] != 0 and not c.get('probe')]
        where = ' at `{0} {1}`'.format(failed[0]['name'], ' '.join(failed[0]['argv'])[:120]) if failed else ''
        found = (re.search(r'^(?:\W )?(Error: [^\n]*)', text, re.M) or re.search(r'^(fatal: [^\n]*|ERROR! [^\n]*)', text, re.M)
                 or re.search(r'([^\n]*\S)\s*\Z', text))
        first = found.group(1) if found else ''
        return '{0}: {1}'.format(where, first.strip()[:220])

    def converged(self):
        """Each root: applied by the runbook, then planned with -detailed-exitcode, exit 0."""
        rows, ok = [], True
        calls = [c for c in self.calls() if c['name'] == 'terraform']
        for root in sorted(os.listdir(os.path.join(self.tree, 'terraform', 'clusters'))):
            path = os.path.join(self.tree, 'terraform', 'clusters', root)
            if not os.path.isdir(path):
                continue
            applies = [i for i, c in enumerate(calls) if c['root'] == path and c.get('command') == 'apply'
                       and not any(a.startswith('-replace') for a in c['argv'])]
            plans = [i for i, c in enumerate(calls) if c['root'] == path and c.get('command') == 'plan'
                     and '-detailed-exitcode' in c['argv'] and applies and i > applies[-1]]
            if not applies:
                result = 'FAILED (the runbook never applies it)'
            elif calls[applies[-1]]['exit'] != 0:
                result = 'FAILED (its apply failed)'
            elif not plans:
                result = 'FAILED (no plan -detailed-exitcode after its apply)'
            elif calls[plans[-1]]['exit'] != 0:
                result = 'FAILED (not converged: plan exit {0})'.format(calls[plans[-1]]['exit'])
            else:
                result = 'ok (applied, converged)'
            ok = ok and result.startswith('ok')
            rows.append(('root ' + root, len(applies) + len(plans), result, None))
        return rows, ok


    def doctor(self):
        """`sitec doctor` beside the site, once the first install ran: against the fake (each cluster's
        --api, as a user would name it), over the stand-in ssh and git, with the token the Proxmox play
        wrote in HOME. Every check must pass: root SSH and each node's hostname, the token and its
        privileges (GET /access/permissions), the datastores, the Flux deploy key."""
        with open(os.path.join(self.run, 'ready.json'), encoding='utf-8') as fh:
            ready = json.load(fh)
        argv = [SITEC, 'doctor', '-f', os.path.join(self.run, 'site.yaml')]
        for cluster, spec in sorted(ready.items()):
            argv += ['--api', cluster + '=' + spec['endpoint'].rstrip('/')]
        env = self.env([])
        env['SITEC_DAEMON'] = '0'
        log = os.path.join(self.work, 'doctor.log')
        started = time.time()
        with open(log, 'w', encoding='utf-8') as out:
            code = subprocess.run(argv, cwd=self.run, env=env, stdout=out, stderr=subprocess.STDOUT,
                                  stdin=subprocess.DEVNULL).returncode
        with open(log, encoding='utf-8', errors='replace') as fh:
            lines = fh.read().splitlines()
        checked = len([l for l in lines if l.startswith(('ok', 'FAIL', 'fail'))]) or len(lines)
        if code == 0:
            result = 'ok'
        else:
            failed = [l for l in lines if 'fail' in l.lower()] or lines[-1:]
            result = 'FAILED (exit {0}): {1}'.format(code, (failed[0] if failed else '').strip()[:200])
        return [('sitec doctor (against the fake)', checked, result, time.time() - started)], code == 0


def table(name, rows):
    print('  {0:<56} {1:>4}  {2:>6}  {3}'.format('stage (' + name + ')', 'cmds', 'time', 'result'))
    for label, count, result, took in rows:
        print('  {0:<56} {1:>4}  {2:>6}  {3}'.format(label[:56], count, '' if took is None else '{0:.1f}s'.format(took),
                                                     result))


def main(argv):
    if len(argv) < 4:
        sys.exit(__doc__)
    name, tree, run = argv[1:4]
    self_test = '--self-test' in argv[4:]
    with open(os.path.join(tree, 'RUNBOOK.md'), encoding='utf-8') as fh:
        text = fh.read()
    how = os.environ.get('SITEC_RUNBOOK_MUTATE', '')
    work = os.path.join(os.path.abspath(run), 'runbook')
    if how:
        text = mutate(text, how)
        print('  SITEC_RUNBOOK_MUTATE={0}: a broken copy of RUNBOOK.md (this run must fail)'.format(how))
    rehearsal = Rehearsal(name, tree, run, work)
    with open(os.path.join(work, 'RUNBOOK.md'), 'w', encoding='utf-8') as fh:
        fh.write(text)
    secrets, blocks = parse(text)
    snapshots = os.path.join(work, 'snapshots') if self_test else None
    started = time.time()
    rows, ok = rehearsal.execute([b for b in blocks if not b.kind.startswith('day 2')], secrets, snapshots)
    first_install = [b for b in blocks if not b.kind.startswith('day 2')]
    if ok:
        more, ok = rehearsal.converged()
        rows += more
        more, ok_doctor = rehearsal.doctor()
        rows += more
        ok = ok and ok_doctor
        day2 = [b for b in blocks if b.kind.startswith('day 2')]
        more, ok2 = rehearsal.execute(first_install + day2, secrets, snapshots, first=len(first_install)) if ok else ([], False)
        rows += more
        ok = ok and ok2
    table(name, rows)
    print('  [{0:6.1f}s] runbook {1}: {2}'.format(time.time() - started, name, 'OK' if ok else 'FAILED'))
    if self_test and ok and not how:
        ok = self_tests(name, tree, run, text, blocks, secrets) and ok
    return 0 if ok else 1


def self_tests(name, tree, run, text, blocks, secrets):
    """Each mutation must make the rehearsal fail; resumed from the site's own run just before it bites."""
    ok = True
    snapshots = os.path.join(os.path.abspath(run), 'runbook', 'snapshots')
    for how in MUTATIONS:
        started = time.time()
        try:
            broken = mutate(text, how)
        except SystemExit as e:
            print('  self-test {0}: SKIPPED ({1})'.format(how, e))
            continue
        _, mutated = parse(broken)
        first = next((i for i, (a, b) in enumerate(zip(blocks, mutated)) if a.key() != b.key()), min(len(blocks), len(mutated)))
        snap = os.path.join(snapshots, '{0:02d}'.format(first))
        if not os.path.isdir(snap):
            print('  self-test {0}: FAILED (no snapshot before block {1})'.format(how, first))
            ok = False
            continue
        work = os.path.join(os.path.abspath(run), 'runbook-' + how)
        shutil.rmtree(work + '-tree', ignore_errors=True)
        subprocess.run(['cp', '-a', os.path.join(snap, 'tree'), work + '-tree'], check=True)
        rehearsal = Rehearsal(name, work + '-tree', run, work)
        shutil.rmtree(rehearsal.home)
        subprocess.run(['cp', '-a', os.path.join(snap, 'home'), rehearsal.home], check=True)
        first_install = [b for b in mutated if not b.kind.startswith('day 2')]
        rows, passed = rehearsal.execute(first_install, secrets, first=min(first, len(first_install)))
        if passed:
            if first < len(first_install):
                more, passed = rehearsal.converged()
                rows += more
            if passed:
                more, passed = rehearsal.execute(mutated, secrets, first=max(first, len(first_install)))
                rows += more
        failed = [r for r in rows if r[2].startswith('FAILED')]
        verdict = 'ok, the rehearsal fails' if not passed else 'FAILED: the broken runbook passed'
        print('  [{0:6.1f}s] self-test {1} (from {2}): {3}{4}'.format(
            time.time() - started, how, mutated[first].label() if first < len(mutated) else 'the end', verdict,
            ' -- {0}: {1}'.format(failed[0][0], failed[0][2])[:330] if failed else ''))
        ok = ok and not passed
    return ok


if __name__ == '__main__':
    sys.exit(main(sys.argv))
