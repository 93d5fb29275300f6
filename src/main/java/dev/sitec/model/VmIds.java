package dev.sitec.model;

import java.nio.ByteBuffer;

/**
 * Proxmox VMIDs derived from VM names. A VMID must never change for a VM that exists, or Terraform
 * would destroy and recreate it; a counter would renumber VMs whenever one is added or removed, so
 * the id is a hash of the name alone. The range is wide (9 digits) so that collisions are rare even
 * in large sites; a collision is reported and resolved with an explicit {@code vm_id}.
 */
public final class VmIds {

    public static final int FIRST = 100_000_000;
    public static final int COUNT = 900_000_000;

    private VmIds() {
    }

    public static int derive(String vmName) {
        byte[] hash = MacAddress.sha256("sitec-vmid\0" + vmName);
        long unsigned = ByteBuffer.wrap(hash, 0, 4).getInt() & 0xffffffffL;
        return FIRST + (int) (unsigned % COUNT);
    }
}
