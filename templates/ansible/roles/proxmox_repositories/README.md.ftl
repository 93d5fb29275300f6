# proxmox_repositories

The no-subscription repository of a Proxmox product (VE, Backup Server, Datacenter Manager), with the enterprise
ones disabled; on a host with a subscription, the enterprise ones as they are. A dependency of `proxmox_node`,
`pbs` and `pdm`, each passing its product.

The repositories' form follows the release the host runs (pve-docs `pve-package-repos.adoc`): Proxmox VE 8 and
PBS 3 (Debian bookworm) have one-line `pve-enterprise.list`, `ceph.list`, `pbs-enterprise.list`, whose
`deb https://enterprise.proxmox.com/...` lines are commented out, and trust
`/etc/apt/trusted.gpg.d/proxmox-release-bookworm.gpg`; Proxmox VE 9, PBS 4 and PDM (trixie) have deb822 `.sources`
files, which get `Enabled: no`, and trust `/usr/share/keyrings/proxmox-archive-keyring.gpg`. The no-subscription
repository (`proxmox.sources`) is signed by the keyring of the host's release. A file that names no
enterprise.proxmox.com repository (a `ceph.list` pointed at no-subscription) is left alone.

Variables (defaults in `defaults/main.yml`):

- `proxmox_repositories_product`: `pve`, `pbs` or `pdm`
- `proxmox_repositories_enterprise_files`: the product's enterprise repository files, both forms
- `proxmox_repositories_release`: the host's Debian release (its facts'), `proxmox_repositories_keyrings`: the
  keyring of each release sitec knows (bookworm, trixie); `proxmox_repositories_dir`: `/etc/apt/sources.list.d`
- `proxmox_repositories_subscription`: the host has a subscription: its enterprise repositories stay, and the
  no-subscription one is not added
