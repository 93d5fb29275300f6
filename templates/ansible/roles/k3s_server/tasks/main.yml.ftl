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
    content: "token: {{ k3s_token | to_json }}\n"
    owner: root
    group: root
    mode: "0600"
  no_log: true
  notify: Restart K3s

- name: Keep K3s's manifests folder as the site says (kube-vip; HelmCharts without Flux)
  ansible.builtin.include_tasks: manifests.yml

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
  when: k3s_server_selinux | bool
  notify: Restart K3s

- name: Restore the SELinux context of the K3s unit
  ansible.builtin.command:
    argv: [restorecon, -i, -v, "/etc/systemd/system/{{ k3s_server_service }}.service"]
  register: k3s_server_restorecon
  changed_when: "'Relabeled' in k3s_server_restorecon.stdout"
  when: k3s_server_selinux | bool

- name: Run K3s with SELinux, as a drop-in
  ansible.builtin.copy:
    dest: /etc/rancher/k3s/config.yaml.d/30-selinux.yaml
    content: "selinux: true\n"
    owner: root
    group: root
    mode: "0600"
  when: k3s_server_selinux | bool
  notify: Restart K3s

# Only a server that finds no cluster creates one: the first server of site.yaml, when nothing
# answers behind the VIP (without a VIP: at any other server). Every other start joins, so a rebuilt
# first server (it is cattle) joins the running cluster instead of starting a second one.
# Decided once per server: a server with a datastore keeps the drop-in it first started with.
- name: Check whether this server has a datastore (it created or joined a cluster before)
  ansible.builtin.stat:
    path: /var/lib/rancher/k3s/server/db
  register: k3s_server_datastore

- name: Ask whether the cluster answers at the API VIP, or without one at the other servers (only K3s listens on 6443)
  ansible.builtin.wait_for:
    host: "{{ item }}"
    port: 6443
    timeout: 5
  loop: "{{ k3s_join_addresses }}"
  register: k3s_server_cluster
  failed_when: false
  when: k3s_first_server | bool and not k3s_server_datastore.stat.exists

- name: Note where the cluster answered
  ansible.builtin.set_fact:
    k3s_server_answering: >-
      {{ k3s_server_cluster.results | default([]) | selectattr('state', 'defined')
         | selectattr('state', 'equalto', 'started') | map(attribute='item') | list }}

- name: Decide whether this server creates the cluster or joins it, and where
  ansible.builtin.set_fact:
    k3s_server_creates_cluster: >-
      {{ k3s_first_server | bool and not k3s_server_datastore.stat.exists and k3s_server_answering | length == 0 }}
    k3s_server_join_address: "{{ k3s_server_answering | first if k3s_server_answering | length > 0 else k3s_api_address }}"

- name: Write how this server finds its cluster, as a drop-in
  ansible.builtin.copy:
    dest: /etc/rancher/k3s/config.yaml.d/20-cluster.yaml
    content: "{{ 'cluster-init: true' if k3s_server_creates_cluster | bool else 'server: ' ~ ('https://' ~ k3s_server_join_address ~ ':6443') | to_json }}\n"
    owner: root
    group: root
    mode: "0600"
  when: not k3s_server_datastore.stat.exists
  notify: Restart K3s

- name: Wait for the cluster's API before joining
  ansible.builtin.wait_for:
    host: "{{ k3s_server_join_address }}"
    port: 6443
    timeout: 600
  when: not k3s_server_creates_cluster | bool

- name: Start K3s
  ansible.builtin.systemd:
    name: "{{ k3s_server_service }}"
    enabled: true
    state: started
    daemon_reload: true
  register: k3s_server_start

- name: Restart this server now if its configuration changed (not right after its first start), before the next one
  ansible.builtin.meta: flush_handlers

# `kubectl wait` fails at once while the Node object does not exist yet (kubernetes#83242), and K3s
# may tell systemd it is up before its kubelet has registered the node: ask again until it is Ready.
- name: Wait until the node is Ready
  ansible.builtin.command:
    argv: [/usr/local/bin/k3s, kubectl, wait, --for=condition=Ready, "node/{{ inventory_hostname }}", --timeout=20s]
  register: k3s_server_node_ready
  until: k3s_server_node_ready.rc == 0
  retries: 15
  delay: 5
  changed_when: false
