# K3s applies node-label and node-taint only when a node registers (docs.k3s.io, cli/agent "Node
# Labels and Taints": "only added at registration"), so later changes in site.yaml reach a node here,
# from the first server of its cluster (k3s_cluster_first_server), on every run. sitec owns the labels
# and taints it set and nothing else: it records their keys on the node (annotations sitec.dev/labels,
# label keys, and sitec.dev/taints, key:effect), removes one it recorded that the site no longer
# gives, and never touches a label or taint someone else set. Each change is made only when the node
# differs, so a second run changes nothing.
---
- name: Read the node's labels, taints and what sitec set on it before
  ansible.builtin.command:
    argv: [/usr/local/bin/k3s, kubectl, get, node, "{{ inventory_hostname }}", -o, json]
  delegate_to: "{{ k3s_cluster_first_server }}"
  register: k3s_server_node
  changed_when: false

- name: Keep the node's labels and taints as site.yaml says
  vars:
    k3s_server_node_json: "{{ k3s_server_node.stdout | from_json }}"
    k3s_server_annotations: "{{ k3s_server_node_json.metadata.annotations | default({}) }}"
    k3s_server_labels_now: "{{ k3s_server_node_json.metadata.labels | default({}) }}"
    # key=value:effect (key:effect when the value is empty), as kubectl taint takes them.
    k3s_server_taints_have: >-
      {%- set ns = namespace(taints=[]) -%}
      {%- for t in k3s_server_node_json.spec.taints | default([]) -%}
      {%-   set ns.taints = ns.taints + [t.key ~ ('=' ~ t.value if t.value | default('') | length > 0 else '') ~ ':' ~ t.effect] -%}
      {%- endfor -%}
      {{ ns.taints }}
    k3s_server_labels_want: "{{ k3s_node_labels | default([]) }}"
    k3s_server_taints_want: "{{ k3s_node_taints | default([]) }}"
    k3s_server_label_keys: "{{ k3s_server_labels_want | map('regex_replace', '=.*$', '') | list }}"
    k3s_server_taint_ids: "{{ k3s_server_taints_want | map('regex_replace', '^([^=:]*)(=[^:]*)?:', '\\1:') | list }}"
    k3s_server_owned_labels: "{{ (k3s_server_annotations['sitec.dev/labels'] | default('')).split(',') | reject('equalto', '') | list }}"
    k3s_server_owned_taints: "{{ (k3s_server_annotations['sitec.dev/taints'] | default('')).split(',') | reject('equalto', '') | list }}"
    k3s_server_taint_ids_now: "{{ k3s_server_taints_have | map('regex_replace', '^([^=:]*)(=[^:]*)?:', '\\1:') | list }}"
  block:
    - name: Remove the labels sitec set that the site no longer gives
      ansible.builtin.command:
        argv: "{{ ['/usr/local/bin/k3s', 'kubectl', 'label', 'node', inventory_hostname]
                  + (k3s_server_drop | map('regex_replace', '$', '-') | list) }}"
      vars:
        k3s_server_drop: "{{ k3s_server_owned_labels | difference(k3s_server_label_keys) | intersect(k3s_server_labels_now.keys() | list) }}"
      delegate_to: "{{ k3s_cluster_first_server }}"
      when: k3s_server_drop | length > 0
      changed_when: true

    - name: Remove the taints sitec set that the site no longer gives
      ansible.builtin.command:
        argv: "{{ ['/usr/local/bin/k3s', 'kubectl', 'taint', 'node', inventory_hostname]
                  + (k3s_server_drop | map('regex_replace', '$', '-') | list) }}"
      vars:
        k3s_server_drop: "{{ k3s_server_owned_taints | difference(k3s_server_taint_ids) | intersect(k3s_server_taint_ids_now) }}"
      delegate_to: "{{ k3s_cluster_first_server }}"
      when: k3s_server_drop | length > 0
      changed_when: true

    - name: Label the node
      ansible.builtin.command:
        argv: "{{ ['/usr/local/bin/k3s', 'kubectl', 'label', 'node', inventory_hostname, '--overwrite'] + k3s_server_missing }}"
      vars:
        k3s_server_missing: >-
          {%- set ns = namespace(labels=[]) -%}
          {%- for label in k3s_server_labels_want -%}
          {%-   if k3s_server_labels_now[label.split('=', 1)[0]] | default(none) != label.split('=', 1)[1] -%}
          {%-     set ns.labels = ns.labels + [label] -%}
          {%-   endif -%}
          {%- endfor -%}
          {{ ns.labels }}
      delegate_to: "{{ k3s_cluster_first_server }}"
      when: k3s_server_missing | length > 0
      changed_when: true

    - name: Taint the node
      ansible.builtin.command:
        argv: "{{ ['/usr/local/bin/k3s', 'kubectl', 'taint', 'node', inventory_hostname, '--overwrite'] + k3s_server_missing }}"
      vars:
        k3s_server_missing: "{{ k3s_server_taints_want | reject('in', k3s_server_taints_have) | list }}"
      delegate_to: "{{ k3s_cluster_first_server }}"
      when: k3s_server_missing | length > 0
      changed_when: true

    - name: Record on the node which labels and taints sitec set
      ansible.builtin.command:
        argv:
          - /usr/local/bin/k3s
          - kubectl
          - annotate
          - node
          - "{{ inventory_hostname }}"
          - --overwrite
          - "sitec.dev/labels={{ k3s_server_label_keys | sort | join(',') }}"
          - "sitec.dev/taints={{ k3s_server_taint_ids | sort | join(',') }}"
      delegate_to: "{{ k3s_cluster_first_server }}"
      when: >-
        k3s_server_owned_labels | sort != k3s_server_label_keys | sort
        or k3s_server_owned_taints | sort != k3s_server_taint_ids | sort
      changed_when: true
