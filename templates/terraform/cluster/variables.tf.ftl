variable "proxmox_insecure" {
  description = "Accept the nodes' self-signed TLS certificates (a fresh install has no other). Set false once they have trusted ones."
  type        = bool
  default     = true
}

variable "proxmox_ssh_username" {
  description = "User Terraform connects to the nodes as over SSH, to upload snippets."
  type        = string
  default     = "root"
}
<#if v.containers?has_content>

variable "ssh_authorized_keys" {
  description = "Public keys the containers' root accepts (site.yaml: site.ssh_authorized_keys)."
  type        = list(string)
  default     = [<#list v.sshKeys as k>"[=k]"<#sep>, </#list>]
}
</#if><#if v.backups?has_content>

variable "pbs_password" {
  description = "Password of the PBS user Proxmox VE backs up as (site.yaml: secrets.pbs_password). Set TF_VAR_pbs_password."
  type        = string
  sensitive   = true
}

variable "pbs_fingerprints" {
  description = "TLS certificate fingerprint of each backup server, by name. The Ansible pbs role writes them to pbs.auto.tfvars.json here."
  type        = map(string)
}
</#if>
<#list v.uploads as u>

variable "[=u.variable]" {
  description = "[=u.description]"
  type        = string
  default     = "[=u.defaultPath]"
}
</#list>
