# Ansible

Configures what Terraform and the installers made. `site.yml` runs these playbooks, in order; running it
again changes nothing:

<#list v.plays as play>
- `[=play.playbook]`: [=play.title?uncap_first].
</#list>
<#if v.k3s>

For later days, `playbooks/k3s-upgrade.yml` moves each K3s cluster to the version site.yaml names, a node
at a time, and `playbooks/k3s-uninstall.yml` removes K3s.
</#if>

```sh
<#list v.secretVariables as variable>
export [=variable]=…<#if variable?is_first>     # the secrets site.yaml names for the plays; none is stored here</#if>
</#list>
cd generated/ansible
ansible-galaxy collection install -r requirements.yml   # the collections the roles use, at the checked versions
ansible-playbook site.yml             # everything, in order
<#if v.k3s>
ansible-playbook playbooks/k3s-upgrade.yml
ansible-playbook playbooks/k3s-uninstall.yml -e k3s_uninstall_confirm=yes
</#if>
```

- `inventory/hosts.yml`: the site's hosts by group; `inventory/group_vars/` and `inventory/host_vars/`: the
  site data the roles need. Secrets are looked up when a play runs (environment or file, as site.yaml says);
  a play stops at once with a clear message when one is missing. The groups:
  <#list v.groups as group>`[=group]`<#sep>, </#sep></#list>.
<#if v.k3s>
- One group per K3s cluster, `k3s_cluster_<name>` (with `k3s_servers_<name>` and `k3s_agents_<name>`), holds
  that cluster's settings and token and limits a play to it (`ansible-playbook playbooks/k3s.yml --limit
  k3s_cluster_<name>`); no cluster name can give another's group or one of the groups across clusters.
- `host_files/<host>/`: each K3s node's `/etc/rancher/k3s/config.yaml`, rendered by sitec and checked against
  K3s's flags (the token is added at apply time as a drop-in); for a cluster without Flux, its first server's
  `manifests/`: HelmCharts (helm.cattle.io/v1) for K3s's own Helm controller (Longhorn, the NFS driver, NVIDIA's
  device plugin, kube-vip-cloud-provider, the apps) and the StorageClasses, which the play puts in K3s's manifests
  folder (`/var/lib/rancher/k3s/server/manifests/sitec-*.yaml`).
</#if>
- `roles/`: one folder per role in Galaxy layout; each role's README lists its variables. The roles:
  <#list v.roles as role>[`[=role]`](roles/[=role]/)<#sep>, </#sep></#list>.

The first install runs `playbooks/proxmox.yml` before Terraform (it makes the API token Terraform uses) and
`site.yml` after it; `../RUNBOOK.md` has each step with the variables it needs, and `make` in the folder
above runs them.
