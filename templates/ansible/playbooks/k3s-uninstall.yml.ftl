# Day 2: removes K3s and all its data from every node. Refuses to run without
# -e k3s_uninstall_confirm=yes.
---
- name: Uninstall K3s
  hosts: k3s_cluster
  become: true
  pre_tasks:
    - name: Refuse to run without confirmation
      ansible.builtin.assert:
        that: k3s_uninstall_confirm | default('no') == 'yes'
        fail_msg: "This deletes K3s and its data on every node: run again with -e k3s_uninstall_confirm=yes."
        quiet: true
  tasks:
    - name: Stop and disable K3s
      ansible.builtin.systemd:
        name: "{{ item }}"
        state: stopped
        enabled: false
      loop: [k3s, k3s-agent]
      failed_when: false

    - name: Stop the containers K3s leaves running (its unit only stops K3s itself)
      ansible.builtin.command:
        argv: [pkill, -f, containerd-shim-runc-v2]
      register: k3s_uninstall_pkill
      changed_when: k3s_uninstall_pkill.rc == 0
      failed_when: k3s_uninstall_pkill.rc > 1

    # A recursive delete of /var/lib/kubelet would walk into the volumes still mounted below it (NFS
    # shares, Longhorn block devices) and delete their data. Unmount first, deepest first, as K3s's
    # own k3s-killall.sh does for /run/k3s, /var/lib/kubelet/pods, /var/lib/kubelet/plugins and
    # /run/netns/cni-*; an unmount that fails stops the play before anything is deleted.
    - name: List what is mounted
      ansible.builtin.command:
        argv: [findmnt, --list, --noheadings, --output, TARGET]
      register: k3s_uninstall_mounts
      changed_when: false

    - name: Unmount the volumes and runtime mounts below K3s's folders
      ansible.posix.mount:
        path: "{{ item }}"
        state: unmounted
      loop: "{{ k3s_uninstall_mounts.stdout_lines | select('match', k3s_uninstall_below) | sort(reverse=true) }}"
      vars:
        k3s_uninstall_below: "^(/run/k3s|/var/lib/kubelet/pods|/var/lib/kubelet/plugins|/run/netns/cni-)"

    - name: Remove K3s, its units, configuration and data
      ansible.builtin.file:
        path: "{{ item }}"
        state: absent
      loop:
        - /usr/local/bin/k3s
        - /etc/systemd/system/k3s.service
        - /etc/systemd/system/k3s-agent.service
        - /etc/systemd/system/k3s.service.d
        - /etc/systemd/system/k3s-agent.service.d
        - /etc/rancher/k3s
        - /var/lib/rancher/k3s
        - /var/lib/kubelet
        - /run/k3s

    - name: Reload systemd
      ansible.builtin.systemd:
        daemon_reload: true
