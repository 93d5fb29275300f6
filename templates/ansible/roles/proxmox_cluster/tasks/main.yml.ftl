# Forms the cluster: the first node creates it, every other node joins through the API, one node at
# a time (the play runs with serial: 1). `pvecm add --use_ssh` is not used: it runs ssh-copy-id and
# `ssh -o BatchMode=yes`, which fail on a fresh node without a known_hosts entry (pve-cluster
# src/PVE/CLI/pvecm.pm). The API join pins the first node's certificate by its fingerprint and reads
# root's password from stdin when it is not a terminal (pve-common PTY.pm read_password). Nothing
# here writes /root/.ssh/authorized_keys: pve-cluster keeps it a symlink into /etc/pve/priv.
---
- name: Check whether the node is in a cluster already
  ansible.builtin.stat:
    path: /etc/pve/corosync.conf
  register: proxmox_cluster_corosync

# A standalone node needs no corosync: a cluster of one node stays one (pve-docs pvecm.adoc: a node
# works on its own; `pvecm create` is needed once a second node joins). The first node creates the
# cluster in the run that has a second node to join it.
- name: Create the cluster on its first node, once it has a node to join it
  ansible.builtin.command:
    argv: [pvecm, create, "{{ proxmox_cluster_name }}"]
  when: >-
    proxmox_cluster_first_node | bool and not proxmox_cluster_corosync.stat.exists
    and proxmox_cluster_nodes | length > 1
  changed_when: true

- name: Join the cluster from the other nodes
  when: not proxmox_cluster_first_node | bool and not proxmox_cluster_corosync.stat.exists
  block:
    - name: Check that root's password is set
      ansible.builtin.assert:
        that: sitec_secret_proxmox_root_password | default('') | length > 0
        fail_msg: >-
          Joining needs the first node's root password:
          set {{ sitec_secret_proxmox_root_password_source | default('the proxmox_root_password secret') }}.
        quiet: true

    - name: Check that the first node has formed the cluster
      ansible.builtin.command:
        argv: [pvecm, status]
      delegate_to: "{{ proxmox_cluster_first_node_name }}"
      changed_when: false

    - name: Read the first node's API certificate
      ansible.builtin.command:
        argv: [pvenode, cert, info, --output-format, json]
      delegate_to: "{{ proxmox_cluster_first_node_name }}"
      register: proxmox_cluster_certificates
      changed_when: false

    - name: Join through the API, pinning the first node's certificate
      ansible.builtin.command:
        argv:
          - pvecm
          - add
          - "{{ proxmox_cluster_first_node_address }}"
          - --fingerprint
          - "{{ proxmox_cluster_fingerprint }}"
        stdin: "{{ sitec_secret_proxmox_root_password }}"
      vars:
        proxmox_cluster_all: "{{ proxmox_cluster_certificates.stdout | from_json }}"
        # pveproxy serves pveproxy-ssl.pem when there is one (a custom or ACME certificate), else pve-ssl.pem.
        proxmox_cluster_fingerprint: >-
          {{ ((proxmox_cluster_all | selectattr('filename', 'equalto', 'pveproxy-ssl.pem') | list)
              + (proxmox_cluster_all | selectattr('filename', 'equalto', 'pve-ssl.pem') | list))
             | map(attribute='fingerprint') | first }}
      changed_when: true
      no_log: true
