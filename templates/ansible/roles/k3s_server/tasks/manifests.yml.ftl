---
# K3s's deploy controller applies every file in its manifests folder, but deleting a file deletes
# nothing it made, and the file's Addon (kube-system, named by the file name before its first dot)
# stays: with it, a file of the same content put back later is skipped until K3s restarts
# (k3s pkg/deploy/controller.go: listFilesIn applies files that exist; deploy compares the Addon's
# checksum; only --disable deletes). So a manifest the site no longer gives is deleted from the
# cluster first (a HelmChart's deletion makes the Helm controller uninstall its release), then its
# Addon, then the file.
- name: Run kube-vip on the servers, for the API VIP and the LoadBalancer Services' addresses
  ansible.builtin.template:
    src: kube-vip.yaml.j2
    dest: "{{ k3s_server_manifests_folder }}/kube-vip.yaml"
    owner: root
    group: root
    mode: "0600"
  when: k3s_api_vip | length > 0 or k3s_load_balancer_ranges | length > 0

- name: Put the cluster's HelmCharts and StorageClasses where K3s installs them (no Flux; first server only)
  ansible.builtin.copy:
    src: "{{ k3s_manifests_dir }}/{{ item }}"
    dest: "{{ k3s_server_manifests_folder }}/sitec-{{ item }}"
    owner: root
    group: root
    mode: "0600"
  loop: "{{ k3s_manifests }}"
  when: k3s_first_server | bool

- name: List the manifests sitec put there before
  ansible.builtin.find:
    paths: "{{ k3s_server_manifests_folder }}"
    patterns: ["sitec-*.yaml", "kube-vip.yaml"]
  register: k3s_server_found_manifests

# Stale: a manifest the cluster no longer has (kube-vip without a VIP or a pool; a HelmChart of an
# app the site dropped). A manifest only moved to another first server is just removed here: its
# objects and its Addon are the new first server's now.
- name: Sort the manifests the site no longer gives on this server
  ansible.builtin.set_fact:
    k3s_server_stale_manifests: >-
      {{ k3s_server_found_manifests.files | map(attribute='path') | map('basename')
         | select('match', '^sitec-') | map('regex_replace', '^sitec-', '')
         | reject('in', k3s_manifests) | map('regex_replace', '^', 'sitec-') | list
         + (['kube-vip.yaml'] if (k3s_server_found_manifests.files | map(attribute='path') | map('basename')
            | select('equalto', 'kube-vip.yaml') | list | length > 0)
            and k3s_api_vip | length == 0 and k3s_load_balancer_ranges | length == 0 else []) }}
    k3s_server_moved_manifests: >-
      {{ [] if k3s_first_server | bool else
         k3s_server_found_manifests.files | map(attribute='path') | map('basename')
         | select('match', '^sitec-') | map('regex_replace', '^sitec-', '')
         | select('in', k3s_manifests) | map('regex_replace', '^', 'sitec-') | list }}

# Longhorn's uninstall deletes every volume's data, and its chart refuses it until the setting
# deleting-confirmation-flag is true (longhorn 1.12 chart, pre-delete hook): sitec never does that.
- name: Stop before uninstalling Longhorn
  ansible.builtin.fail:
    msg: >-
      Longhorn is no longer in site.yaml for cluster {{ k3s_cluster_name }}, and uninstalling it deletes every
      volume's data. To uninstall it on purpose: back up what you keep, then run on this server
      `k3s kubectl -n longhorn-system patch settings.longhorn.io deleting-confirmation-flag --type merge -p '{"value":"true"}'`,
      `k3s kubectl delete -f {{ k3s_server_manifests_folder }}/sitec-{{ k3s_longhorn_manifest }}`,
      and remove that file; then run the play again. Otherwise, put Longhorn back in site.yaml.
  when: ('sitec-' + k3s_longhorn_manifest) in k3s_server_stale_manifests

- name: Delete from the cluster what the stale manifests made
  ansible.builtin.command:
    argv: [/usr/local/bin/k3s, kubectl, delete, --ignore-not-found, --wait=false, -f, "{{ k3s_server_manifests_folder }}/{{ item }}"]
  loop: "{{ k3s_server_stale_manifests }}"
  register: k3s_server_deleted_objects
  changed_when: k3s_server_deleted_objects.stdout | length > 0

- name: Delete the stale manifests' Addons
  ansible.builtin.command:
    argv: [/usr/local/bin/k3s, kubectl, delete, addon, --namespace, kube-system, --ignore-not-found, "{{ item.split('.')[0] }}"]
  loop: "{{ k3s_server_stale_manifests }}"
  register: k3s_server_deleted_addons
  changed_when: k3s_server_deleted_addons.stdout | length > 0

- name: Remove the manifests the site no longer gives here
  ansible.builtin.file:
    path: "{{ k3s_server_manifests_folder }}/{{ item }}"
    state: absent
  loop: "{{ k3s_server_stale_manifests + k3s_server_moved_manifests }}"
