# yaml-language-server: $schema=[=v.schemaPath]
# A starter site written by `sitec init --minimal`: Proxmox VE installed already on a flat home LAN,
# and two VMs. Replace what says so (your SSH key, your password hash), then run `sitec generate`.
# Every key is described in the schema: an editor with a YAML language server completes them.

apiVersion: sitec.dev/v2
site:
  name: [=v.name]
  domain: [=v.domain]
  timezone: UTC
  country: us
  keyboard: en-us
  admin_email: admin@[=v.domain]
  # Your public key(s): they reach every VM and host sitec configures. No private key is ever here.
  ssh_authorized_keys: [[=v.placeholderKey]]
  # mkpasswd -m sha-512: the hash of the admin password, never the password.
  password_hash: "[=v.placeholderHash]"

# Secrets are named here and supplied when you apply: Terraform reads the API token from this variable.
secrets:
  proxmox_api_token: { env: PROXMOX_VE_API_TOKEN }

networks:
  lan: { cidr: [=v.cidr], gateway: [=v.gateway], dns: [[=v.gateway]] }   # flat and untagged, on vmbr0

images:
  debian: { arch: amd64, url: "https://cloud.debian.org/images/cloud/trixie/20250924-2245/debian-13-genericcloud-amd64-20250924-2245.qcow2" }
  # A template VM already on the cluster (Packer, or qm template) works too: VMs naming it are cloned.
  # debian-tpl: { kind: template, vm_id: 9000, node: [=v.nodes[0].name] }

proxmox:
  clusters:
    [=v.name]:
      nodes:
<#list v.nodes as node>
        [=node.name]: { address: [=node.address], datastore: local-lvm }   # installed already
</#list>

# cattle (the default) may be rebuilt from this file at any time; lifecycle: pet for VMs that hold data.
vms:
  web: { node: [=v.nodes[0].name], image: debian, address: { lan: [=v.vmAddress1] } }
  runner: { node: [=v.nodes[v.nodes?size - 1].name], image: debian, cores: 4, address: { lan: dhcp } }
