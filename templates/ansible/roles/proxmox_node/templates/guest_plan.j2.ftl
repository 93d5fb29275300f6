{#
  What Ansible does to one guest's settings (tasks/guest_settings_guest.yml), as JSON:
  - set: option -> value to set (the guest's config, pending values included, lacks it or differs);
  - delete: options Ansible made, that the site no longer lists and nobody changed since;
  - conflicts: options the site wants in a slot that holds a value Ansible did not make;
  - record: what Ansible owns on the guest from now on (written to proxmox_node_state_dir);
  - ours: every option Ansible makes, made or deletes here; attach: the options set that the guest
    did not have at all (new drives); protected (the guest's protection is on).
  Inputs: proxmox_node_guest, proxmox_node_guest_pending (pvesh get .../pending: key, value, pending,
  delete), proxmox_node_guest_record (the record, slurped). Values are compared as sets of their
  comma-separated parts: PVE may write a property string's options in another order.
  Features are one option of several flags: Ansible owns the flags it set, so a flag the owner added
  stays, and a flag the site drops goes unless the owner changed it.
#}
{%- set entries = proxmox_node_guest_pending.stdout | from_json -%}
{%- set want = proxmox_node_guest.settings -%}
{%- set ns = namespace(current={}, merged={}, owned={}, set={}, delete=[], conflicts=[], record={}, attach=[]) -%}
{%- for e in entries -%}
{%-   if e.value is defined -%}{%- set ns.current = ns.current | combine({e.key: e.value | string}) -%}{%- endif -%}
{%-   if e.delete is defined -%}
{%-   elif e.pending is defined -%}{%- set ns.merged = ns.merged | combine({e.key: e.pending | string}) -%}
{%-   elif e.value is defined -%}{%- set ns.merged = ns.merged | combine({e.key: e.value | string}) -%}
{%-   endif -%}
{%- endfor -%}
{%- if proxmox_node_guest_record.content is defined -%}
{%-   set ns.owned = (proxmox_node_guest_record.content | b64decode | from_json).settings | default({}) -%}
{%- endif -%}
{%- for opt, value in want.items() if opt != 'features' -%}
{%-   if opt not in ns.merged or (ns.merged[opt].split(',') | sort) != (value.split(',') | sort) -%}
{%-     if opt in ns.merged and opt not in ns.owned -%}
{%-       set ns.conflicts = ns.conflicts + [opt] -%}
{%-     else -%}
{%-       set ns.set = ns.set | combine({opt: value}) -%}
{%-       if opt not in ns.current -%}{%- set ns.attach = ns.attach + [opt] -%}{%- endif -%}
{%-     endif -%}
{%-   endif -%}
{%-   if opt not in ns.conflicts -%}{%- set ns.record = ns.record | combine({opt: value}) -%}{%- endif -%}
{%- endfor -%}
{%- for opt, value in ns.owned.items() if opt != 'features' and opt not in want -%}
{%-   if opt in ns.merged and (ns.merged[opt].split(',') | sort) == (value.split(',') | sort) -%}
{%-     set ns.delete = ns.delete + [opt] -%}
{%-   endif -%}
{%- endfor -%}
{%- set flags = namespace(have={}, owned={}, want={}, result={}, text=[]) -%}
{%- for f in (ns.merged.features | default('')).split(',') if '=' in f -%}
{%-   set flags.have = flags.have | combine({f.split('=')[0]: f.split('=', 1)[1]}) -%}
{%- endfor -%}
{%- for f in (ns.owned.features | default('')).split(',') if '=' in f -%}
{%-   set flags.owned = flags.owned | combine({f.split('=')[0]: f.split('=', 1)[1]}) -%}
{%- endfor -%}
{%- for f in (want.features | default('')).split(',') if '=' in f -%}
{%-   set flags.want = flags.want | combine({f.split('=')[0]: f.split('=', 1)[1]}) -%}
{%- endfor -%}
{%- for flag, value in flags.have.items() -%}
{%-   if not (flag in flags.owned and flag not in flags.want and flags.owned[flag] == value) -%}
{%-     set flags.result = flags.result | combine({flag: value}) -%}
{%-   endif -%}
{%- endfor -%}
{%- set flags.result = flags.result | combine(flags.want) -%}
{%- for flag in flags.result | sort -%}{%- set flags.text = flags.text + [flag ~ '=' ~ flags.result[flag]] -%}{%- endfor -%}
{%- if flags.result != flags.have -%}
{%-   if flags.result | length > 0 -%}
{%-     set ns.set = ns.set | combine({'features': flags.text | join(',')}) -%}
{%-   elif 'features' in ns.merged -%}
{%-     set ns.delete = ns.delete + ['features'] -%}
{%-   endif -%}
{%- endif -%}
{%- if want.features is defined -%}{%- set ns.record = ns.record | combine({'features': want.features}) -%}{%- endif -%}
{{ {'set': ns.set, 'delete': ns.delete, 'conflicts': ns.conflicts, 'attach': ns.attach,
    'ours': (want.keys() | list + ns.owned.keys() | list + ns.delete) | unique,
    'protected': (ns.current.protection | default('0')) in ['1', 'True', 'true'],
    'record': {'guest': proxmox_node_guest.guest, 'tool': proxmox_node_guest.tool, 'settings': ns.record}} | to_json }}
