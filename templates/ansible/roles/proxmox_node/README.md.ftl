# proxmox_node

Proxmox VE node: no-subscription repositories, the content types Terraform needs on local, IOMMU and VFIO for passthrough, and the Terraform API token.

Depends on `proxmox_repositories` (product `pve`).

Variables (defaults in `defaults/main.yml`; sitec sets the site's values in the inventory):

- `proxmox_node_uplink_interface`, `proxmox_node_uplink_mtu` (the bridge and uplink carry the largest network MTU)
- `proxmox_node_subscription` (the node has a subscription: its enterprise repositories stay)
- `proxmox_node_passthrough`
- `proxmox_node_gpu_ids`
- IOMMU and VFIO take effect at the next boot: the node is marked (`sitec_reboot_marker`), not rebooted here, and
  the last play of `playbooks/proxmox.yml` reboots the marked nodes one at a time
- `proxmox_node_guest_settings` (USB devices by port, a Windows VM's driver CD-ROM, containers' bind mounts,
  devices and features: made as root with `qm set`/`pct set`; a setting Ansible made that the site no longer
  lists is deleted; one that waits for the guest's next start restarts cattle and is reported for a pet)
- `proxmox_node_state_dir` (the node's record of what Ansible set on each guest)
- `proxmox_node_disk_images` (compressed disk images fetched and decompressed into `local:import`)
- `proxmox_node_datastores`, `proxmox_node_other_bridges` (checked to exist before Terraform runs, once the node
  is in its cluster: `proxmox_cluster` `tasks/datastores.yml`)
- `proxmox_node_local_content`
- `proxmox_node_token_file`
- `proxmox_node_terraform_privileges`
