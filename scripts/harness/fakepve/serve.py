"""Runs the fake Proxmox VE clusters of one site until SIGTERM or SIGINT.

    serve.py LAB.json STATE_DIR FIRST_HOST

LAB.json is what dev.sitec.harness.FakeLab printed for the site. Each PVE cluster gets its own
loopback address (127.0.0.FIRST_HOST, then the next ones) with the API on port 8006 (TLS, a
certificate from fakepve.certs.make_cert) and each of its nodes an SSH server on port 8022, 8023,
... of that address. When everything listens, STATE_DIR/ready.json says where (and with which
token and SSH login); at exit STATE_DIR/<cluster>.requests.log lists the requests each fake saw.
"""

import asyncio
import warnings
import json
import os
import secrets
import signal
import sys

warnings.filterwarnings('ignore', message='.*DSA.*')  # asyncssh on a recent cryptography

import asyncssh  # noqa: E402
from fakepve.certs import make_cert  # noqa: E402

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from lab import build  # noqa: E402
from ssh import NodeSsh  # noqa: E402

SSH_PORT = 8022
SSH_USER = 'root'


async def main(lab_file, state_dir, first_host):
    with open(lab_file, encoding='utf-8') as fh:
        lab = json.load(fh)
    os.makedirs(state_dir, exist_ok=True)
    host_key = asyncssh.generate_private_key('ssh-ed25519')
    running, ready = [], {}
    for index, (name, cluster) in enumerate(sorted(lab['clusters'].items())):
        host = '127.0.0.{0}'.format(first_host + index)
        password = secrets.token_urlsafe(16)
        pve, tokenid, secret = build(name, cluster, lab['token'], host, password)
        certdir = os.path.join(state_dir, 'tls-' + name)
        os.makedirs(certdir, exist_ok=True)
        cert, key, _der = make_cert(certdir, hosts=(host,))
        await pve.start(cert, key)
        ssh_password = secrets.token_urlsafe(16)
        nodes = {}
        sshds = []
        for offset, node in enumerate(sorted(pve.nodes)):
            sshd = NodeSsh(node, host, SSH_PORT + offset, SSH_USER, ssh_password, pve.register_snippet)
            await sshd.start(host_key)
            sshds.append(sshd)
            nodes[node] = {'address': host, 'port': SSH_PORT + offset}
        running.append((name, pve, sshds))
        # No secret: the token is not made yet (lab.py, SITEC_FAKEPVE_NO_TOKEN).
        api_token = '{0}={1}'.format(tokenid, secret) if secret else ''
        ready[name] = {'endpoint': 'https://{0}:8006/'.format(host), 'api_token': api_token,
                       'ssh_username': SSH_USER, 'ssh_password': ssh_password, 'ssh_nodes': nodes,
                       # root@pam's password: the node-side rehearsal's qm/pct/pvesh act as root on the node.
                       'root_password': password}
    tmp = os.path.join(state_dir, 'ready.json.tmp')
    with open(tmp, 'w', encoding='utf-8') as fh:
        json.dump(ready, fh, indent=2)
    os.replace(tmp, os.path.join(state_dir, 'ready.json'))

    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    await stop.wait()
    for name, pve, sshds in running:
        with open(os.path.join(state_dir, name + '.requests.log'), 'w', encoding='utf-8') as fh:
            for method, path, body in pve.requests:
                fh.write('{0} {1} {2}\n'.format(method, path, body.decode('utf-8', 'replace')[:2000]))
            for sshd in sshds:
                for command in sshd.commands:
                    fh.write('SSH {0} {1}\n'.format(sshd.node, command[-300:]))
        for sshd in sshds:
            await sshd.stop()
        await pve.stop()


if __name__ == '__main__':
    if len(sys.argv) != 4:
        sys.exit('usage: serve.py LAB.json STATE_DIR FIRST_HOST')
    asyncio.run(main(sys.argv[1], sys.argv[2], int(sys.argv[3])))
