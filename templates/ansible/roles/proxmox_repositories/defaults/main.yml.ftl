---
# The Proxmox product whose repositories to set up: pve, pbs or pdm.
proxmox_repositories_product: pve
# Its enterprise repository files (they need a subscription), disabled when present: the deb822 file
# of a trixie-based release and the one-line file of a bookworm-based one.
proxmox_repositories_enterprise_files: [pve-enterprise.sources, pve-enterprise.list, ceph.sources, ceph.list]
# Whether the host has a subscription: then its enterprise repositories stay, and no other is added.
proxmox_repositories_subscription: false
# The Debian release the host runs, and the keyring Proxmox signs each release's repositories with
# (pve-docs pve-package-repos.adoc).
proxmox_repositories_release: "{{ ansible_facts.distribution_release }}"
proxmox_repositories_keyrings:
  trixie: /usr/share/keyrings/proxmox-archive-keyring.gpg
  bookworm: /etc/apt/trusted.gpg.d/proxmox-release-bookworm.gpg
proxmox_repositories_dir: /etc/apt/sources.list.d
