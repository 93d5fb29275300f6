"""Trailing slashes in API paths are ignored, as PVE's HTTP server does.

PVE imitated: pve-common src/PVE/RESTHandler.pm, find_handler():
    my $stack = [grep { length($_) > 0 } split('\\/+', $path)]; # skip empty fragments
so `DELETE /api2/json/nodes/pve1/qemu/100/` reaches the same handler as without the slash. The
bpg provider sends such paths (a VM destroy, `POST /cluster/backup/`); fakepve's routes do not
match them. Empty fragments are dropped before the router sees the path.
"""

import re
import warnings

from aiohttp import web
from yarl import URL


def normalised(path):
    """The path with repeated and trailing slashes folded, as find_handler splits it."""
    folded = re.sub('/{2,}', '/', path)
    if len(folded) > 1 and folded.endswith('/'):
        folded = folded.rstrip('/') or '/'
    return folded


with warnings.catch_warnings():
    warnings.simplefilter('ignore', DeprecationWarning)

    class SlashTolerantApplication(web.Application):
        """An aiohttp application that routes `/a/b/` like `/a/b` (every route, stateful or generic)."""

        def _make_request(self, message, payload, protocol, writer, task, _cls=web.Request):
            request = super()._make_request(message, payload, protocol, writer, task, _cls)
            raw = request.rel_url.raw_path
            fixed = normalised(raw)
            if fixed != raw:
                url = URL.build(path=fixed, query_string=request.rel_url.raw_query_string, encoded=True)
                request = request.clone(rel_url=url)
            return request


class TrailingSlashes(object):
    """Mixin of FakePve: its aiohttp application routes `/a/b/` like `/a/b` (every route)."""

    def _build_app(self):
        app = super()._build_app()
        app.__class__ = SlashTolerantApplication
        return app
