---
# Set by sitec (host_vars): the datastore, its ZFS pool's RAID level and disks, and retention.
pbs_datastore: main
pbs_datastore_raid: mirror
pbs_datastore_disks: []
pbs_gc_schedule: daily
pbs_prune_schedule: daily
pbs_verify_schedule: weekly
# Retention as proxmox-backup-manager options, e.g. [--keep-last, "3"], and as the job reads back.
pbs_keep_args: []
pbs_keep: {}
# The user Proxmox VE backs up as; its password is the site's pbs_password secret.
pbs_backup_user: sitec-backup@pbs
# Where the certificate fingerprints go for Terraform: a pbs.auto.tfvars.json in each cluster root.
pbs_fingerprint_files: []
# Whether the Datacenter Manager manages this server (set by sitec): then it gets its own user and token.
pbs_pdm_remote: false
pbs_pdm_user: pdm@pbs
pbs_pdm_token: sitec
