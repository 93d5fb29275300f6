# qemu-server refuses to start a guest whose NIC MTU is above its bridge's, and the SDN zone's vnet
# bridges sit on this bridge: the bridge and its uplink carry the largest MTU of the site's networks
# (pve-network VlanPlugin.pm; qemu-server "MTU ... is bigger than the bridge MTU").
---
- name: Set the MTU of the uplink and the bridge in /etc/network/interfaces
  community.general.interfaces_file:
    iface: "{{ item }}"
    option: mtu
    value: "{{ proxmox_node_uplink_mtu }}"
    backup: false
  loop: "{{ [proxmox_node_uplink_interface, proxmox_node_bridge] | select | list }}"
  notify: Reload the network
