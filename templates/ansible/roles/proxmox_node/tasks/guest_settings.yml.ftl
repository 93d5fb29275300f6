# The settings of the node's guests that Terraform leaves to Ansible, made with qm and pct as root
# once Terraform has created the guest (guest_settings_guest.yml, once per guest):
# - a USB device by port (qemu-server API2/Qemu.pm check_usb_perm: "only root can set ... for real
#   devices"); a USB mapping checks its vendor:device id at every VM start (pve-guest-common
#   Mapping/USB.pm), which a Coral TPU changes once its firmware is loaded;
# - a Windows VM's driver CD-ROM: the provider manages one CD-ROM (its cdrom block has MaxItems 1)
#   and reads back only that one's interface, so a second drive is left alone by Terraform. The VM is
#   created stopped and started here once the drive is in (qemu-server never hotplugs a new IDE or
#   SATA drive: QemuServer.pm vmconfig_update_disk);
# - a container's bind mounts, device nodes and features (pve-container check_ct_modify_config_perm:
#   bind mounts, devN and every feature but nesting are "only allowed for root@pam", and every feature
#   of a privileged container; an API token is never root@pam).
# Ansible owns what it sets: it records each guest's settings on the node (proxmox_node_state_dir)
# and deletes one it made once the site no longer lists it, unless someone changed it since; the
# owner's other settings are never touched. A setting that waits for the guest's next start is
# applied by restarting cattle and reported for a pet. Terraform ignores these settings. A guest
# Terraform has not created yet is skipped.
# A guest that HA or an operator migrated to another node is found where it runs (pve-manager
# PVE/API2/Cluster.pm resources: node and vmid of every guest in the cluster) and reported, not
# changed: its settings are this node's hardware and paths (a USB port, a bind mount, a device
# node, a CD-ROM on this node's local storage), which mean something else or nothing on the other
# node; and qm/pct change only guests on the node they run on.
---
- name: Find the node each guest of the cluster runs on
  ansible.builtin.command:
    argv: [pvesh, get, /cluster/resources, --type, vm, --output-format, json]
  register: proxmox_node_cluster_guests
  changed_when: false

- name: Work out which of this node's guests with settings run on another node
  ansible.builtin.set_fact:
    proxmox_node_moved_guests: >-
      {%- set ns = namespace(moved=[]) -%}
      {%- for r in proxmox_node_cluster_guests.stdout | from_json if r.vmid is defined and r.node != inventory_hostname -%}
      {%-   for g in proxmox_node_guest_settings if g.vmid | int == r.vmid | int and g.settings | length > 0 -%}
      {%-     set ns.moved = ns.moved + [g | combine({'node': r.node, 'hastate': r.hastate is defined})] -%}
      {%-   endfor -%}
      {%- endfor -%}
      {{ ns.moved }}

- name: Report each guest that runs on another node than site.yaml says, whose settings are not made
  ansible.builtin.debug:
    msg: >-
      {{ item.guest }} ({{ item.vmid }}) runs on {{ item.node }}, not on {{ inventory_hostname }} as site.yaml
      says (HA or someone migrated it): its settings {{ item.settings.keys() | join(', ') }} were NOT made, since
      they belong to {{ inventory_hostname }}'s hardware and paths. Migrate it back
      ({{ 'ha-manager migrate ' ~ ('vm:' if item.tool == 'qm' else 'ct:') ~ item.vmid ~ ' ' ~ inventory_hostname
          if item.hastate else (item.tool ~ ' migrate ' ~ item.vmid ~ ' ' ~ inventory_hostname
          ~ (' --online' if item.tool == 'qm' else ' --restart')) }}, on {{ item.node }}) and run the play
      again; to keep it on {{ item.node }}, change its node in site.yaml, and read `sitec plan` first.
  loop: "{{ proxmox_node_moved_guests }}"
  loop_control:
    label: "{{ item.guest }}"

- name: Keep a record of the settings Ansible makes on guests
  ansible.builtin.file:
    path: "{{ proxmox_node_state_dir }}"
    state: directory
    mode: "0700"

- name: Find the guests Ansible has made settings on
  ansible.builtin.find:
    paths: "{{ proxmox_node_state_dir }}"
    patterns: "guest-*.json"
  register: proxmox_node_guest_records

- name: Make the settings of each guest, and delete those the site no longer lists
  ansible.builtin.include_tasks: guest_settings_guest.yml
  loop: "{{ proxmox_node_guest_settings }}"
  loop_control:
    loop_var: proxmox_node_guest
    label: "{{ proxmox_node_guest.guest }}"
  vars:
    proxmox_node_guest_path: "/nodes/{{ inventory_hostname }}/{{ 'qemu' if proxmox_node_guest.tool == 'qm' else 'lxc' }}/{{ proxmox_node_guest.vmid }}"
  when: >-
    proxmox_node_guest.vmid not in (proxmox_node_moved_guests | map(attribute='vmid') | list)
    and (proxmox_node_guest.settings | length > 0
         or ('guest-' ~ proxmox_node_guest.vmid ~ '.json') in (proxmox_node_guest_records.files | map(attribute='path') | map('basename') | list))
