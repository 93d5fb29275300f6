package dev.sitec.family.installer;

/** The Proxmox products the automated installer installs. */
enum Product {
    PVE("Proxmox VE"), PBS("Proxmox Backup Server"), PDM("Proxmox Datacenter Manager");

    private final String label;

    Product(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
