provider "proxmox" {
  endpoint = "[=v.endpoint]"
  insecure = var.proxmox_insecure

  # The API token is read from the environment (PROXMOX_VE_API_TOKEN), never from a file.
  # SSH uploads the cloud-init snippets; it authenticates with the operator's SSH agent.
  ssh {
    agent    = true
    username = var.proxmox_ssh_username
<#list v.nodes as n>

    node {
      name    = "[=n.name]"
      address = "[=n.address]"
    }
</#list>
  }
}
