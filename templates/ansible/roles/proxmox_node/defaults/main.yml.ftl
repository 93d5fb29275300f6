---
# Whether the node has a Proxmox VE subscription: its enterprise repositories stay (set by sitec).
proxmox_node_subscription: false
# Whether the node has PCI devices to pass through (IOMMU, VFIO).
proxmox_node_passthrough: false
# vendor:device ids of NVIDIA GPUs to keep away from host drivers.
proxmox_node_gpu_ids: []
proxmox_node_iommu_flags: intel_iommu=on iommu=pt
# The node's bridge (the installer's vmbr0), its physical uplink, and the MTU both carry (set by sitec).
proxmox_node_bridge: vmbr0
proxmox_node_uplink_interface: ""
proxmox_node_uplink_mtu: 1500
# This node's guests (set by sitec): guest, vmid, tool (qm or pct), pet, start (created stopped:
# started once its drives are in), and the settings Ansible makes on it as root (option: value; a
# USB device by port, a Windows VM's drivers CD-ROM, a container's features, bind mounts, devices).
proxmox_node_guest_settings: []
# Where the node keeps what Ansible set on each guest (guest-<vmid>.json), so that it deletes a
# setting it made once the site no longer lists it, and never one it did not make.
proxmox_node_state_dir: /var/lib/sitec/guest-settings
# Compressed disk images (set by sitec): name, url, checksum (algorithm:hex, of the download), file
# (the decompressed image's name in the import folder), decompress (the tool).
proxmox_node_disk_images: []
# The local storage's import folder (local:import/).
proxmox_node_import_dir: /var/lib/vz/import
proxmox_node_datastores: []
proxmox_node_snippets_datastore: local
proxmox_node_other_bridges: []
# Content types the local datastore must allow: Terraform uploads cloud-init snippets and ISOs and imports cloud images.
proxmox_node_local_content: [backup, import, iso, snippets, vztmpl]
# The Terraform API user, role and token; the token secret is written once, to a 0600 file on the controller.
proxmox_node_terraform_user: terraform@pve
proxmox_node_terraform_role: TerraformSitec
proxmox_node_terraform_token: sitec
proxmox_node_token_file: "{{ sitec_token_dir }}/{{ proxmox_cluster_name }}-api-token"
# What the bpg/proxmox provider needs, and nothing more (Proxmox VE 9 privilege names).
proxmox_node_terraform_privileges:
<#list v.terraformPrivileges as privilege>
  - [=privilege]
</#list>
# Whether the Datacenter Manager manages this cluster (set by sitec): then it gets its own user and token.
proxmox_node_pdm_remote: false
proxmox_node_pdm_user: pdm@pve
proxmox_node_pdm_role: PDMSitec
proxmox_node_pdm_token: sitec
# What PDM needs to show the cluster and start, stop and migrate guests.
proxmox_node_pdm_privileges:
<#list v.pdmPrivileges as privilege>
  - [=privilege]
</#list>
