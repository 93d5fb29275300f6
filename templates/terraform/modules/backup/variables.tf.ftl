variable "storage_id" {
  description = "ID of the PBS storage in Proxmox VE."
  type        = string
}

variable "server" {
  description = "Address of the Proxmox Backup Server."
  type        = string
}

variable "datastore" {
  description = "PBS datastore the backups go to."
  type        = string
}

variable "username" {
  description = "PBS user Proxmox VE backs up as (user@pbs)."
  type        = string
}

variable "password" {
  description = "Password of that PBS user."
  type        = string
  sensitive   = true
}

variable "fingerprint" {
  description = "SHA-256 fingerprint of the PBS TLS certificate."
  type        = string

  validation {
    condition     = can(regex("^([0-9a-fA-F]{2}:){31}[0-9a-fA-F]{2}$", var.fingerprint))
    error_message = "The fingerprint is 32 colon-separated hex bytes, as `proxmox-backup-manager cert info` prints it."
  }
}

variable "nodes" {
  description = "Nodes that use the storage."
  type        = list(string)
}

variable "schedule" {
  description = "When the backup job runs, as a Proxmox calendar event."
  type        = string
}

variable "vm_ids" {
  description = "VMIDs the job backs up (every pet, and the VMs the site asks to protect)."
  type        = list(string)
}

variable "prune" {
  description = "Retention, as Proxmox prune settings (keep-last, keep-daily, …)."
  type        = map(string)
}
