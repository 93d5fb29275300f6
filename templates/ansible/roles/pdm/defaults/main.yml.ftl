---
# Set by sitec (host_vars): the remotes to manage, each with its type (pve or pbs) and address.
pdm_remotes: []
pdm_api_ports:
  pve: 8006
  pbs: 8007
