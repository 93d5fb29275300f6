"""download-url: the `compression` values, and decompression refused for anything but an ISO.

PVE imitated: pve-storage src/PVE/API2/Storage/Status.pm, download_url (checked at pve-storage
0c56bad, 9.1.7):
- the `compression` parameter's enum is $PVE::Storage::Plugin::KNOWN_COMPRESSION_FORMATS, filled at
  run time (src/PVE/Storage/Plugin.pm: gz lzo zst bz2), which is why the API viewer's schema that
  fakepve vendors has `enum: null` (validating it crashed with HTTP 500);
- inside the `download` worker:
      if ($compression) {
          die "decompression not supported for $content\\n" if $content ne 'iso';
  so a vztmpl or import download with `compression` ends with `TASK ERROR: decompression not
  supported for vztmpl` (or `import`).
"""

import contextvars

from fakepve import schema as pve_schema
from fakepve.model import TaskError

KNOWN_COMPRESSION_FORMATS = ['gz', 'lzo', 'zst', 'bz2']
DOWNLOAD_URL = '/nodes/{node}/storage/{storage}/download-url'

# The refusal the running download worker raises, if any (tasks run inline at time_scale 0).
_refusal = contextvars.ContextVar('download_refusal', default=None)


def patch_schema():
    """Give `compression` its run-time enum in the loaded schema (once)."""
    prop = pve_schema.load().paths[DOWNLOAD_URL]['POST']['parameters']['properties']['compression']
    if not prop.get('enum'):
        prop['enum'] = list(KNOWN_COMPRESSION_FORMATS)


class DownloadDecompression(object):
    """Mixin of FakePve: download-url with PVE's decompression rule."""

    async def _download_url(self, request):
        from fakepve.server import params
        patch_schema()
        p = await params(request)
        content, compression = p.get('content'), p.get('compression')
        refusal = 'decompression not supported for {0}'.format(content) \
            if compression and content != 'iso' else None
        token = _refusal.set(refusal)
        try:
            return await super()._download_url(request)
        finally:
            _refusal.reset(token)

    def store_file(self, storage, name, size, content='iso'):
        refusal = _refusal.get()
        if refusal:
            raise TaskError(refusal)
        return super().store_file(storage, name, size, content)
