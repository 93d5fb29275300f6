# The collections the roles and playbooks use besides ansible.builtin, at the versions the tree is
# checked with (ansible-lint, syntax check, the roles run against stand-ins): install them first,
#   ansible-galaxy collection install -r ansible/requirements.yml
---
collections:
  - name: ansible.posix
    version: "1.5.4"
  - name: community.general
    version: "6.6.2"
