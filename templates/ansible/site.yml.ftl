# The whole lab, in order: Proxmox hosts, backups, the Datacenter Manager, K3s, then Flux.
---
- name: Configure the Proxmox VE nodes and their cluster
  ansible.builtin.import_playbook: playbooks/proxmox.yml

- name: Keep what cloud-init set up on the VMs and machines as site.yaml says
  ansible.builtin.import_playbook: playbooks/guests.yml

- name: Configure the Proxmox Backup Servers
  ansible.builtin.import_playbook: playbooks/pbs.yml

- name: Configure the Proxmox Datacenter Manager
  ansible.builtin.import_playbook: playbooks/pdm.yml

- name: Install the K3s cluster
  ansible.builtin.import_playbook: playbooks/k3s.yml

- name: Bootstrap Flux
  ansible.builtin.import_playbook: playbooks/flux.yml
