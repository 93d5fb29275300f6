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

# Only a server that finds no cluster creates one: the first server of site.yaml, when nothing
# answers behind the VIP. Every other start joins through the VIP, so a rebuilt first server (it is
# cattle) joins the running cluster instead of starting a second one that fights for the VIP.
# Decided once per server: a server with a datastore keeps the drop-in it first started with.
- name: Check whether this server has a datastore (it created or joined a cluster before)
  ansible.builtin.stat:
    path: /var/lib/rancher/k3s/server/db
  register: k3s_server_datastore

- name: Ask whether a cluster answers behind the API VIP (only a K3s server listens on the VIP's 6443)
  ansible.builtin.wait_for:
    host: "{{ k3s_api_vip }}"
    port: 6443
    timeout: 5
  register: k3s_server_vip
  failed_when: false
  when: not k3s_server_datastore.stat.exists

- name: Decide whether this server creates the cluster or joins it
  ansible.builtin.set_fact:
    k3s_server_creates_cluster: >-
      {{ k3s_first_server | bool and not k3s_server_datastore.stat.exists
         and k3s_server_vip.state | default('') != 'started' }}

- name: Write how this server finds its cluster, as a drop-in
  ansible.builtin.copy:
    dest: /etc/rancher/k3s/config.yaml.d/20-cluster.yaml
    content: "{{ 'cluster-init: true' if k3s_server_creates_cluster | bool else 'server: ' ~ ('https://' ~ k3s_api_vip ~ ':6443') | to_json }}\n"
    owner: root
    group: root
    mode: "0600"
  when: not k3s_server_datastore.stat.exists
  notify: Restart K3s

- name: Wait for the API VIP before joining
  ansible.builtin.wait_for:
    host: "{{ k3s_api_vip }}"
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

- name: Wait until the node is Ready
  ansible.builtin.command:
    argv: [/usr/local/bin/k3s, kubectl, wait, --for=condition=Ready, "node/{{ inventory_hostname }}", --timeout=300s]
  changed_when: false
