---
- name: Download and verify the Flux CLI {{ k3s_flux_version }}
  ansible.builtin.get_url:
    url: "{{ flux_bootstrap_release_url }}/flux_{{ k3s_flux_version | regex_replace('^v', '') }}_linux_{{ flux_bootstrap_arch }}.tar.gz"
    checksum: "sha256:{{ flux_bootstrap_release_url }}/flux_{{ k3s_flux_version | regex_replace('^v', '') }}_checksums.txt"
    dest: "/root/flux_{{ k3s_flux_version }}.tar.gz"
    owner: root
    group: root
    mode: "0644"

- name: Unpack the Flux CLI
  ansible.builtin.unarchive:
    src: "/root/flux_{{ k3s_flux_version }}.tar.gz"
    dest: /usr/local/bin
    remote_src: true
    include: [flux]
    owner: root
    group: root
    mode: "0755"

- name: Install the Flux controllers
  ansible.builtin.command:
    argv: [/usr/local/bin/flux, install, --version, "{{ k3s_flux_version }}", --kubeconfig, "{{ flux_bootstrap_kubeconfig }}"]
  register: flux_bootstrap_install
  # The Flux CLI logs what it applied to stderr (flux2 cmd/flux/main.go: its logger writes to os.Stderr).
  changed_when: "'configured' in flux_bootstrap_install.stderr or 'created' in flux_bootstrap_install.stderr"

- name: Create the Git deploy key secret from the site's key
  when: k3s_flux_deploy_key | bool
  block:
    - name: Put the deploy key where the Flux CLI reads it
      ansible.builtin.copy:
        dest: /root/.sitec-flux-deploy-key
        content: "{{ sitec_secret_flux_git_deploy_key }}"
        owner: root
        group: root
        mode: "0600"
      no_log: true

    - name: Create the flux-system secret (deploy key and the Git server's host keys)
      ansible.builtin.command:
        argv: [/usr/local/bin/flux, create, secret, git, flux-system, --namespace, flux-system, --url, "{{ k3s_flux_repository }}",
               --private-key-file, /root/.sitec-flux-deploy-key, --kubeconfig, "{{ flux_bootstrap_kubeconfig }}"]
      register: flux_bootstrap_secret
      changed_when: "'configured' in flux_bootstrap_secret.stderr or 'created' in flux_bootstrap_secret.stderr"
      no_log: true
  always:
    - name: Remove the deploy key from the node
      ansible.builtin.file:
        path: /root/.sitec-flux-deploy-key
        state: absent

- name: Copy the cluster's sync objects from the generated Flux tree
  ansible.builtin.copy:
    src: "{{ k3s_flux_sync_file }}"
    dest: /root/flux-system.yaml
    owner: root
    group: root
    mode: "0644"

- name: Apply the sync objects; from now on Flux reconciles the cluster from Git
  ansible.builtin.command:
    argv: [/usr/local/bin/k3s, kubectl, apply, -f, /root/flux-system.yaml]
  register: flux_bootstrap_apply
  changed_when: "'configured' in flux_bootstrap_apply.stdout or 'created' in flux_bootstrap_apply.stdout"
