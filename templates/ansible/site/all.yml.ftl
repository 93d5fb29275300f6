# Site-wide data for every role. Values from site.yaml are !unsafe: Ansible never evaluates
# them as templates.
---
sitec_site_name: !unsafe "[=v.siteName]"
sitec_domain: !unsafe "[=v.domain]"
sitec_timezone: !unsafe "[=v.timezone]"
sitec_admin_user: !unsafe "[=v.adminUser]"
sitec_admin_email: !unsafe "[=v.adminEmail]"
sitec_ssh_authorized_keys:
<#list v.sshKeys as key>
  - !unsafe "[=key]"
</#list>

# API tokens the roles create are written here, on the controller, once (mode 0600).
sitec_token_dir: "{{ lookup('ansible.builtin.env', 'HOME') }}/.config/sitec/{{ sitec_site_name }}"

# Generated files sitec wrote next to this inventory.
sitec_host_files: "{{ inventory_dir }}/../host_files"

# Secrets are read when a play runs, never stored here. To keep one in Ansible Vault instead,
# define the same variable in a vault-encrypted vars file and pass it with -e @file.
<#list v.secrets as s>
<#if s.lookup == "env">
[=s.variable]: "{{ lookup('ansible.builtin.env', '[=s.source]') }}"
<#else>
[=s.variable]: "{{ lookup('ansible.builtin.file', '[=s.source]' | expanduser, errors='ignore') | default('', true) }}"
</#if>
[=s.variable]_source: "[=s.lookup] [=s.source] (site.yaml: secrets.[=s.name])"
</#list>
