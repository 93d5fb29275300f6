/**
 * Adopting a running lab: read a Proxmox VE cluster through its API (or saved responses of it), and
 * write the site.yaml that describes it, every guest keeping its identity (node, VMID, MACs, disk
 * slots and storages) so that the first plan adopts it instead of building it again. Read-only: it
 * sends GET requests only.
 */
package dev.sitec.adopt;
