---
- name: Make the K3s folders
  ansible.builtin.file:
    path: "{{ item }}"
    state: directory
    owner: root
    group: root
    mode: "0755"
  loop:
    - /etc/rancher/k3s
    - /etc/rancher/k3s/config.yaml.d

- name: Write the K3s configuration sitec generated for this node
  ansible.builtin.copy:
    src: "{{ k3s_config_file }}"
    dest: /etc/rancher/k3s/config.yaml
    owner: root
    group: root
    mode: "0600"
  notify: Restart the K3s agent

- name: Write the cluster token as a configuration drop-in
  ansible.builtin.copy:
    dest: /etc/rancher/k3s/config.yaml.d/10-token.yaml
    content: "token: {{ k3s_token | to_json }}\n"
    owner: root
    group: root
    mode: "0600"
  no_log: true
  notify: Restart the K3s agent

- name: Download and verify K3s {{ k3s_version }}
  ansible.builtin.get_url:
    url: "{{ k3s_agent_release_url }}/{{ k3s_agent_binary[k3s_arch] }}"
    checksum: "sha256:{{ k3s_agent_release_url }}/sha256sum-{{ k3s_arch }}.txt"
    dest: /usr/local/bin/k3s
    owner: root
    group: root
    mode: "0755"
  notify: Restart the K3s agent

- name: Install the K3s agent service
  ansible.builtin.template:
    src: k3s-agent.service.j2
    dest: "/etc/systemd/system/{{ k3s_agent_service }}.service"
    owner: root
    group: root
    mode: "0644"
  notify: Restart the K3s agent

# Where SELinux is on (the RedHat family, with the k3s-selinux policy k3s_prereqs installed), K3s's
# install script labels the binary container_runtime_exec_t and restores the unit file's context
# (install.sh setup_selinux, restore_systemd_service_file_context); K3s then runs with selinux: true
# (docs.k3s.io advanced, "SELinux Support").
- name: Label the K3s binary a container runtime, for SELinux
  ansible.builtin.file:
    path: /usr/local/bin/k3s
    seuser: system_u
    serole: object_r
    setype: container_runtime_exec_t
  when: k3s_agent_selinux | bool
  notify: Restart the K3s agent

- name: Restore the SELinux context of the K3s unit
  ansible.builtin.command:
    argv: [restorecon, -i, -v, "/etc/systemd/system/{{ k3s_agent_service }}.service"]
  register: k3s_agent_restorecon
  changed_when: "'Relabeled' in k3s_agent_restorecon.stdout"
  when: k3s_agent_selinux | bool

- name: Run K3s with SELinux, as a drop-in
  ansible.builtin.copy:
    dest: /etc/rancher/k3s/config.yaml.d/30-selinux.yaml
    content: "selinux: true\n"
    owner: root
    group: root
    mode: "0600"
  when: k3s_agent_selinux | bool
  notify: Restart the K3s agent

- name: Wait for the cluster's API (its VIP, else its first server)
  ansible.builtin.wait_for:
    host: "{{ k3s_api_address }}"
    port: 6443
    timeout: 600

- name: Start the K3s agent
  ansible.builtin.systemd:
    name: "{{ k3s_agent_service }}"
    enabled: true
    state: started
    daemon_reload: true
  register: k3s_agent_start
