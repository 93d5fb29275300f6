"""Parameters normalised before validation, as PVE's REST handler does.

PVE imitated: pve-common src/PVE/RESTHandler.pm, $normalize_legacy_param_formats, called by
handle() before PVE::JSONSchema::validate: a parameter given several times (pve-http-server
src/PVE/APIServer/AnyEvent.pm decode_urlencoded makes it an array) whose schema is a string of a
`*-list` format is joined with commas, and a single value of an `array` parameter becomes a list
of one. The bpg provider sends `delete=net1&delete=net2...` when it updates a container; fakepve
0.5.0 refuses that with "type check ('string') failed - got 'ARRAY'".
"""

from fakepve import schema as pve_schema

_validate = pve_schema.validate


def normalise(spec, values):
    props = (spec or {}).get('properties') or {}
    out = dict(values)
    for key, value in values.items():
        prop = props.get(key)
        if not prop or not value:
            continue
        if isinstance(value, list) and prop.get('type') == 'string' and str(prop.get('format', '')).endswith('-list'):
            out[key] = ','.join(str(v) for v in value)
        elif not isinstance(value, list) and prop.get('type') == 'array':
            out[key] = [value]
    return out


def validate(spec, values):
    return _validate(spec, normalise(spec, values))


def install():
    """Route every schema check of fakepve through the normalisation (once)."""
    if pve_schema.validate is not validate:
        pve_schema.validate = validate
