# pbs

Proxmox Backup Server: repositories, the datastore on its ZFS pool, prune, GC and verify jobs, the user PVE backs up as, and the certificate fingerprint Terraform needs.

Depends on `proxmox_repositories` (product `pbs`).

Variables (defaults in `defaults/main.yml`; sitec sets the site's values in the inventory):

- `pbs_datastore`
- `pbs_datastore_raid`
- `pbs_datastore_disks`
- `pbs_keep_args`, `pbs_keep` (the same retention as options and as the job reads it back)
- `pbs_backup_user`
- `pbs_fingerprint_files` (one `pbs.auto.tfvars.json` per cluster root)
