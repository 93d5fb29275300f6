"""A node's SSH server, as far as the bpg provider uses it: the snippet upload.

The provider (proxmox/ssh/client.go, v0.111.1) uploads `content_type = "snippets"` files over SSH
only (every other content goes through the API):
- probeSudo runs `if [ "$(id -u)" = "0" ]; then echo "0"; elif ... sudo -n ...; fi`: a root login
  answers `0`;
- uploadFile runs `/bin/bash -c '...; try_sudo /usr/bin/tee PATH'` with the file on stdin; tee
  writes PATH and echoes its input;
- checkUploadedFile opens PATH over SFTP and compares its size with what it sent.
PVE imitated: a PVE node's sshd (root login) and coreutils `tee` writing into a dir storage;
pve-storage then lists the file as `STORAGE:snippets/NAME` (src/PVE/Storage/Plugin.pm
list_volumes/get_subdir: snippets live in `<path>/snippets`). Any other command is refused with
exit status 127, as a shell without it would; nothing else of the node is reachable.
"""

import asyncio
import re
import secrets

import asyncssh

TEE = re.compile(r"try_sudo /usr/bin/tee (.+?)'?\s*$")


class _Auth(asyncssh.SSHServer):
    def __init__(self, username, password):
        self.username, self.password = username, password

    def begin_auth(self, username):
        return True

    def password_auth_supported(self):
        return True

    def validate_password(self, username, password):
        return username == self.username and secrets.compare_digest(password, self.password)


class _Handle(object):
    def __init__(self, path, data):
        self.path, self.data = path, data


class NodeSsh(object):
    """One node's sshd on host:port; uploads land in `files` and are handed to on_upload(node, path, data)."""

    def __init__(self, node, host, port, username, password, on_upload):
        self.node, self.host, self.port = node, host, port
        self.username, self.password = username, password
        self.on_upload = on_upload
        self.files = {}
        self.commands = []
        self.server = None

    def _sftp_factory(self, chan):
        files = self.files

        class Sftp(asyncssh.SFTPServer):
            def _data(self, path):
                key = path.decode() if isinstance(path, bytes) else path
                if key not in files:
                    raise asyncssh.SFTPNoSuchFile('No such file')
                return key, files[key]

            def open(self, path, pflags, attrs):
                key, data = self._data(path)
                return _Handle(key, data)

            def read(self, file_obj, offset, size):
                return file_obj.data[offset:offset + size]

            def close(self, file_obj):
                return None

            def fstat(self, file_obj):
                return asyncssh.SFTPAttrs(size=len(file_obj.data), permissions=0o100644, uid=0, gid=0)

            def stat(self, path):
                _key, data = self._data(path)
                return asyncssh.SFTPAttrs(size=len(data), permissions=0o100644, uid=0, gid=0)

            lstat = stat

            def setstat(self, path, attrs):
                self._data(path)

            def fsetstat(self, file_obj, attrs):
                return None

        return Sftp(chan)

    async def _process(self, process):
        command = process.command or ''
        self.commands.append(command)
        try:
            if 'id -u' in command and 'tee' not in command:
                process.stdout.write(b'0\n')
                process.exit(0)
                return
            found = TEE.search(command)
            if found:
                path = found.group(1)
                data = await process.stdin.read()
                try:
                    self.on_upload(self.node, path, data)
                except Exception as e:  # what tee would print for a path it cannot write
                    process.stderr.write('tee: {0}: {1}\n'.format(path, e).encode())
                    process.exit(1)
                    return
                self.files[path] = data
                process.stdout.write(data)
                process.exit(0)
                return
            process.stderr.write('bash: fakepve node {0}: command not provided: {1}\n'.format(
                self.node, command[:200]).encode())
            process.exit(127)
        except (asyncssh.BreakReceived, asyncssh.TerminalSizeChanged, BrokenPipeError, ConnectionError):
            process.exit(1)

    async def start(self, host_key):
        self.server = await asyncssh.create_server(
            lambda: _Auth(self.username, self.password), self.host, self.port, server_host_keys=[host_key],
            process_factory=self._process, sftp_factory=self._sftp_factory, encoding=None,
            allow_scp=False)

    async def stop(self):
        if self.server is not None:
            self.server.close()
            await asyncio.wait_for(self.server.wait_closed(), 5)
