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
    - /var/lib/rancher/k3s/server/manifests

- name: Write the K3s configuration sitec generated for this node
  ansible.builtin.copy:
    src: "{{ k3s_config_file }}"
    dest: /etc/rancher/k3s/config.yaml
    owner: root
    group: root
    mode: "0600"
  notify: Restart K3s

- name: Write the cluster token as a configuration drop-in
  ansible.builtin.copy:
    dest: /etc/rancher/k3s/config.yaml.d/10-token.yaml
    content: "token: {{ sitec_secret_k3s_token | to_json }}\n"
    owner: root
    group: root
    mode: "0600"
  no_log: true
  notify: Restart K3s

- name: Announce the API VIP with kube-vip
  ansible.builtin.template:
    src: kube-vip.yaml.j2
    dest: /var/lib/rancher/k3s/server/manifests/kube-vip.yaml
    owner: root
    group: root
    mode: "0600"

- name: Download and verify K3s {{ k3s_version }}
  ansible.builtin.get_url:
    url: "{{ k3s_server_release_url }}/{{ k3s_server_binary[k3s_arch] }}"
    checksum: "sha256:{{ k3s_server_release_url }}/sha256sum-{{ k3s_arch }}.txt"
    dest: /usr/local/bin/k3s
    owner: root
    group: root
    mode: "0755"
  notify: Restart K3s

- name: Install the K3s service
  ansible.builtin.template:
    src: k3s.service.j2
    dest: "/etc/systemd/system/{{ k3s_server_service }}.service"
    owner: root
    group: root
    mode: "0644"
  notify: Restart K3s

- name: Wait for the API VIP before joining
  ansible.builtin.wait_for:
    host: "{{ k3s_api_vip }}"
    port: 6443
    timeout: 600
  when: not k3s_first_server | bool

- name: Start K3s
  ansible.builtin.systemd:
    name: "{{ k3s_server_service }}"
    enabled: true
    state: started
    daemon_reload: true

- name: Restart this server now if its configuration changed, before the next one
  ansible.builtin.meta: flush_handlers

- name: Wait until the node is Ready
  ansible.builtin.command:
    argv: [/usr/local/bin/k3s, kubectl, wait, --for=condition=Ready, "node/{{ inventory_hostname }}", --timeout=300s]
  changed_when: false
