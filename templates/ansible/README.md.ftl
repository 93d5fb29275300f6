# Ansible

Configures what Terraform and the installers made: the Proxmox VE nodes and their cluster, the Proxmox
Backup Servers, the Datacenter Manager, and the K3s cluster with its GPU nodes and Flux.

```sh
export K3S_TOKEN=… PBS_PASSWORD=…     # the secrets site.yaml names; none is stored here
cd generated/ansible
ansible-galaxy collection install -r requirements.yml   # the collections the roles use, at the checked versions
ansible-playbook site.yml             # everything, in order; running it again changes nothing
ansible-playbook playbooks/k3s-upgrade.yml
ansible-playbook playbooks/k3s-uninstall.yml -e k3s_uninstall_confirm=yes
```

- `inventory/hosts.yml`: the site's hosts by group (per Proxmox cluster, `pbs`, `pdm`, `k3s_servers`,
  `k3s_agents`, `nvidia_gpu`, `raspberry_pi`, `amd64`, `arm64`), and one group per K3s cluster, `k3s_<name>` (with
  `k3s_<name>_servers` and `k3s_<name>_agents`), which holds that cluster's settings and token and limits a play
  to it (`ansible-playbook playbooks/k3s.yml --limit k3s_<name>`); `group_vars/` and `host_vars/` hold the site
  data the roles need. Secrets are looked up when a play runs (environment or file, as site.yaml says); a play
  stops at once with a clear message when one is missing.
- `host_files/<host>/`: each K3s node's `/etc/rancher/k3s/config.yaml`, rendered by sitec and checked against
  K3s's flags (the token is added at apply time as a drop-in).
- `roles/`: one folder per role in Galaxy layout; each role's README lists its variables.

Order of a first install: installers → `ansible-playbook playbooks/proxmox.yml` (repositories, IOMMU, the
`snippets`/`import` content types Terraform needs, the API token) → `terraform apply` → `ansible-playbook site.yml`.
