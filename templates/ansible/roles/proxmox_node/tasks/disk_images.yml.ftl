# PVE's download-url decompresses ISO content only (pve-storage API2/Storage/Status.pm), so a
# compressed disk image (Home Assistant OS ships as .qcow2.xz) is fetched and decompressed here,
# into the local storage's import folder, where Terraform's import_from names it (local:import/FILE).
# The download is verified against the checksum site.yaml gives (get_url refuses and removes a file
# that does not match), decompressed into a part file renamed when complete, and then deleted: only
# the image Terraform imports stays in import/. An image that is there already is not fetched again.
---
- name: Check which disk images are decompressed already
  ansible.builtin.stat:
    path: "{{ proxmox_node_import_dir }}/{{ item.file }}"
    get_checksum: false
  loop: "{{ proxmox_node_disk_images }}"
  loop_control:
    label: "{{ item.name }}"
  register: proxmox_node_present_images

- name: Fetch each compressed disk image, verified against its checksum
  ansible.builtin.get_url:
    url: "{{ item.item.url }}"
    dest: "{{ proxmox_node_import_dir }}/{{ item.item.file }}.download"
    checksum: "{{ item.item.checksum }}"
    mode: "0644"
  loop: "{{ proxmox_node_present_images.results }}"
  loop_control:
    label: "{{ item.item.name }}"
  when: not item.stat.exists
  register: proxmox_node_fetched_images

- name: Decompress each fetched image (into a part file, renamed when complete) and delete the download
  ansible.builtin.shell:
    cmd: >-
      {{ item.item.item.decompress }} -dc {{ item.dest | quote }} > {{ proxmox_node_tmp | quote }}
      && mv {{ proxmox_node_tmp | quote }} {{ proxmox_node_img | quote }}
      && rm -f {{ item.dest | quote }}
    creates: "{{ proxmox_node_img }}"
  vars:
    proxmox_node_img: "{{ proxmox_node_import_dir }}/{{ item.item.item.file }}"
    proxmox_node_tmp: "{{ proxmox_node_img }}.part"
  loop: "{{ proxmox_node_fetched_images.results }}"
  loop_control:
    label: "{{ item.item.item.name }}"
  when: item is not skipped
