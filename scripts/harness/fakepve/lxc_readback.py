"""Container read-back as pve-container writes and parses its config.

PVE imitated: pve-container (checked at 94f5585):
- src/PVE/LXC/Config.pm write_pct_config writes the description as `#` comment lines, one per
  line of split(/\\n/, $descr); parse_pct_config reads each back as
  `$descr .= PVE::Tools::decode_text($1) . "\\n"`: a description always reads back ending in a
  newline (the provider's container StateFunc adds one for that reason). fakepve 0.5.0 returns it
  as sent.
- src/PVE/LXC/Setup.pm new(): `if ($conf->{ostype} && $conf->{ostype} eq 'unmanaged') { $type =
  'unmanaged' }`, else the type is autodetected from the template's /etc/os-release and the
  plugin (Setup/Debian.pm, Ubuntu.pm, Alpine.pm, ...) sets `$conf->{ostype}` to it: a sent ostype
  other than `unmanaged` is replaced by the detected one (only a warning "got unexpected ostype"),
  which fakepve does (from the template's name); a sent `unmanaged` is kept, which fakepve does not.
"""


def pct_description(text):
    """The description as parse_pct_config returns it after write_pct_config."""
    lines = str(text).split('\n')
    while lines and lines[-1] == '':
        lines.pop()  # Perl's split drops trailing empty fields
    return ''.join(line + '\n' for line in lines)


class ContainerReadBack(object):
    """Mixin of FakePve: a container's description and ostype as PVE reads them back."""

    async def _lxc_config_get(self, user, v):
        data = await super()._lxc_config_get(user, v)
        if data.get('description'):
            described = pct_description(data['description'])
            if described:
                data['description'] = described
            else:
                data.pop('description')
        return data

    async def _lxc_create(self, user, v):
        upid = await super()._lxc_create(user, v)
        if str(v.get('ostype') or '') == 'unmanaged':
            ct = self.ct(int(v['vmid']))
            if ct is not None:
                ct.config['ostype'] = 'unmanaged'
        return upid
