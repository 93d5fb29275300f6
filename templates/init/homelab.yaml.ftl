# yaml-language-server: $schema=[=v.schemaPath]
# A starter site written by `sitec init --homelab`, in the shape of sitec's reference lab: Proxmox VE
# nodes that sitec installs (an answer file and ISO per node), a backup server, VLANs for servers and
# storage, and a K3s cluster with Longhorn and apps delivered by Flux. Replace what says so (MACs,
# disks, your SSH key, your password hash, the Git repository), then run `sitec generate`.
# Every key is described in the schema: an editor with a YAML language server completes them.

apiVersion: sitec.dev/v2
site:
  name: [=v.name]
  domain: [=v.domain]
  timezone: UTC
  country: us
  keyboard: en-us
  admin_email: admin@[=v.domain]
  ssh_authorized_keys: [[=v.placeholderKey]]
  # mkpasswd -m sha-512: the hash of the root and admin password, never the password.
  password_hash: "[=v.placeholderHash]"

# Named here, supplied when you apply (environment variables); none is ever written out.
secrets:
  proxmox_api_token: { env: PROXMOX_VE_API_TOKEN }
  proxmox_root_password: { env: PROXMOX_ROOT_PASSWORD }   # joins nodes to the cluster
  pbs_password: { env: PBS_PASSWORD }
  k3s_token: { env: K3S_TOKEN }

networks:
  # The hosts' own network, untagged on vmbr0, where the installer gives each host its address.
  mgmt: { cidr: [=v.cidr], gateway: [=v.gateway], dns: [[=v.gateway]] }
  servers: { vlan: 20, cidr: [=v.serversCidr], gateway: [=v.serversGateway], dns: [[=v.gateway]] }
  storage: { vlan: 30, cidr: [=v.storageCidr], mtu: 9000 }   # jumbo frames: your switch must carry them

images:
  # K3s nodes may also be built from AlmaLinux, Rocky, Fedora or CentOS Stream cloud images: their
  # prerequisites then install with dnf, with the k3s-selinux policy and firewalld rules.
  debian:
    arch: amd64
    url: https://cloud.debian.org/images/cloud/trixie/20250924-2245/debian-13-genericcloud-amd64-20250924-2245.qcow2
    checksum: sha512:25b430e6416b443620fc32975f40effe3d7ae6603060aa9563b80092f0b073734a35a8c56816ae4f4ea395d7e5599de7cba254f92a9465f6ce95b29a03a8e1f5

proxmox:
  clusters:
    [=v.name]:
      nodes:
<#list v.nodes as node>
        [=node.name]:
          mac: "[=node.mac]"   # replace: the installer picks this node's answer by its MAC
          address: [=node.address]
          interface: enp1s0    # replace: the NIC with that MAC
          boot_disks: { filesystem: zfs, raid: raid1, disks: [nvme0n1, nvme1n1] }   # replace: lsblk
</#list>
  backup_servers:
    pbs:
      mac: "[=v.pbsMac]"   # replace
      address: [=v.pbsAddress]
      interface: eno1
      boot_disks: { filesystem: ext4, disks: [sda] }
      datastores:
        main: { path: /mnt/datastore/main, disks: [sdb, sdc], raid: raid1 }

profiles:
  k3s-server: { image: debian, cores: 4, memory_mib: 8192, disks: [{ size_gib: 40 }] }
  k3s-agent: { image: debian, cores: 8, memory_mib: 16384, disks: [{ size_gib: 40 }, { size_gib: 200, purpose: longhorn }] }

vms:
<#list v.servers as vm>
  [=vm.name]: { node: [=vm.node], profile: k3s-server, address: { servers: [=vm.address] } }
</#list>
<#list v.agents as vm>
  [=vm.name]: { node: [=vm.node], profile: k3s-agent, address: { servers: [=vm.address], storage: [=vm.storageAddress] } }
</#list>

kubernetes:
  [=v.name]:
    distribution: k3s
    version: v1.36.3+k3s1
    api_vip: [=v.apiVip]   # kube-vip holds this address in front of the servers
    servers: [<#list v.servers as vm>[=vm.name]<#sep>, </#list>]
    agents: [<#list v.agents as vm>[=vm.name]<#sep>, </#list>]
    load_balancer: { addresses: [[=v.loadBalancer]] }   # for Services of type LoadBalancer (kube-vip)
    storage:
      longhorn: { version: 1.12.1, default_replicas: [=v.replicas], default_class: true }
    flux:
      repository: https://git.example.org/you/[=v.name].git   # replace: the repository holding this tree
      branch: main
      path: clusters/[=v.name]
    apps:
      podinfo:
        chart: { repository: https://stefanprodan.github.io/podinfo, name: podinfo, version: 6.9.2 }
        namespace: podinfo
