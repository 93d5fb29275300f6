---
- name: Add Debian's contrib and non-free components (the NVIDIA driver is there)
  ansible.builtin.copy:
    dest: /etc/apt/sources.list.d/debian-nonfree.sources
    content: |
      Types: deb
      URIs: http://deb.debian.org/debian
      Suites: {{ ansible_facts.distribution_release }} {{ ansible_facts.distribution_release }}-updates
      Components: contrib non-free non-free-firmware
      Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
    owner: root
    group: root
    mode: "0644"
  when: gpu_nvidia | bool

- name: Add the key of NVIDIA's container toolkit repository
  ansible.builtin.get_url:
    url: "{{ gpu_toolkit_key_url }}"
    dest: /usr/share/keyrings/nvidia-container-toolkit.asc
    owner: root
    group: root
    mode: "0644"
  when: gpu_nvidia | bool

- name: Add NVIDIA's container toolkit repository
  ansible.builtin.copy:
    dest: /etc/apt/sources.list.d/nvidia-container-toolkit.sources
    content: |
      Types: deb
      URIs: {{ gpu_toolkit_repository }}
      Suites: /
      Signed-By: /usr/share/keyrings/nvidia-container-toolkit.asc
    owner: root
    group: root
    mode: "0644"
  when: gpu_nvidia | bool

- name: Install the NVIDIA driver and container toolkit (K3s finds the nvidia runtime when it starts)
  ansible.builtin.apt:
    name:
      # The headers metapackage of the running kernel's flavour (linux-headers-cloud-amd64 on
      # Debian's genericcloud images) follows kernel updates, so DKMS rebuilds the NVIDIA module for
      # each new kernel; headers for one kernel version would leave the next one without a driver.
      - "linux-headers-{{ ansible_facts.kernel | regex_search('(cloud-amd64|rt-amd64|amd64|cloud-arm64|rt-arm64|arm64)$') }}"
      - nvidia-driver
      - firmware-misc-nonfree
      - nvidia-container-toolkit
    state: present
    update_cache: true
  when: gpu_nvidia | bool
  notify: Reboot for the NVIDIA driver
