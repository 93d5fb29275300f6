---
# Set by sitec (host_vars): the remotes to manage, each with its type (pve or pbs), address and the
# inventory host its certificate is read from. Their tokens are the files the proxmox_node and pbs
# roles wrote in sitec_token_dir.
pdm_remotes: []
pdm_api_ports:
  pve: 8006
  pbs: 8007
