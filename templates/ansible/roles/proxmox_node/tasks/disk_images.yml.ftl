# PVE's download-url decompresses ISO content only (pve-storage API2/Storage/Status.pm), so a
# compressed disk image (Home Assistant OS ships as .qcow2.xz) is fetched and decompressed here,
# into the local storage's import folder, where Terraform's import_from names it (local:import/FILE).
---
- name: Fetch each compressed disk image
  ansible.builtin.get_url:
    url: "{{ item.url }}"
    dest: "/var/lib/vz/import/{{ item.file }}.download"
    checksum: "{{ item.checksum }}"
    mode: "0644"
  loop: "{{ proxmox_node_disk_images }}"
  loop_control:
    label: "{{ item.name }}"
  register: proxmox_node_fetched_images

- name: Decompress each image once (into a part file, renamed when complete)
  ansible.builtin.shell:
    cmd: >-
      {{ item.item.decompress }} -dc {{ item.dest | quote }} > {{ proxmox_node_tmp | quote }}
      && mv {{ proxmox_node_tmp | quote }} {{ proxmox_node_img | quote }}
    creates: "{{ proxmox_node_img }}"
  vars:
    proxmox_node_img: "/var/lib/vz/import/{{ item.item.file }}"
    proxmox_node_tmp: "{{ proxmox_node_img }}.part"
  loop: "{{ proxmox_node_fetched_images.results }}"
  loop_control:
    label: "{{ item.item.name }}"
