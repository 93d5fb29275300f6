package dev.sitec.model;

import com.fasterxml.jackson.core.JsonPointer;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An LXC container on a Proxmox VE node, built from a container template. It shares the VMs' VMID
 * scheme and lifecycle: cattle may be rebuilt, pets are protected and backed up.
 */
public record Container(String name, JsonPointer origin, String node, String template, Lifecycle lifecycle,
                        int cores, int memoryMib, int swapMib, RootDisk disk, List<Nic> nics, boolean unprivileged,
                        List<Feature> features, List<Mount> mounts, List<DeviceNode> devices, List<String> tags,
                        boolean onBoot, Optional<Startup> startup, int vmId, boolean vmIdExplicit,
                        Optional<String> description, boolean allowReplace, boolean existing) {

    public static final int DEFAULT_CORES = 1;
    public static final int DEFAULT_MEMORY_MIB = 512;
    public static final int DEFAULT_SWAP_MIB = 512;
    public static final int DEFAULT_DISK_GIB = 8;

    /** The root filesystem, on the datastore the site names (else the node's). */
    public record RootDisk(int sizeGib, Optional<String> datastore) {
    }

    /** LXC features PVE exposes to a container (pct.conf "features"). */
    public enum Feature {
        NESTING, KEYCTL, FUSE;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * A mount point: a bind mount of a host path, or a volume of {@code sizeGib} on a datastore, in
     * the site's order ({@code index}). Volumes take the first mpN slots (Terraform makes them), bind
     * mounts the next (Ansible makes them).
     */
    public record Mount(int index, String path, Optional<String> hostPath, Optional<String> datastore,
                        int sizeGib) {
        public boolean bind() {
            return hostPath.isPresent();
        }
    }

    /**
     * A host device node passed into the container, with the owner and mode PVE gives it there
     * (pve-container src/PVE/LXC.pm create_passthrough_device_node: root:root 0660 when unset; the
     * ids are the container's, mapped to the host's for an unprivileged container). A value, shown
     * (plan) and written (pct) as the devN value PVE keeps: a class, not a record, so that it prints so.
     */
    public static final class DeviceNode {
        private final String path;
        private final OptionalInt uid;
        private final OptionalInt gid;
        private final Optional<String> mode;

        public DeviceNode(String path, OptionalInt uid, OptionalInt gid, Optional<String> mode) {
            this.path = path;
            this.uid = uid;
            this.gid = gid;
            this.mode = mode;
        }

        public static DeviceNode of(String path) {
            return new DeviceNode(path, OptionalInt.empty(), OptionalInt.empty(), Optional.empty());
        }

        public String path() {
            return path;
        }

        public OptionalInt uid() {
            return uid;
        }

        public OptionalInt gid() {
            return gid;
        }

        public Optional<String> mode() {
            return mode;
        }

        /** The devN value as pct takes it: the path, then the options set, in the order PVE prints them. */
        public String pctValue() {
            StringBuilder value = new StringBuilder(path);
            gid.ifPresent(g -> value.append(",gid=").append(g));
            mode.ifPresent(m -> value.append(",mode=").append(m));
            uid.ifPresent(u -> value.append(",uid=").append(u));
            return value.toString();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof DeviceNode d && d.pctValue().equals(pctValue());
        }

        @Override
        public int hashCode() {
            return pctValue().hashCode();
        }

        @Override
        public String toString() {
            return pctValue();
        }
    }

    public Container {
        nics = List.copyOf(nics);
        features = List.copyOf(features);
        mounts = List.copyOf(mounts);
        devices = List.copyOf(devices);
        tags = List.copyOf(tags);
    }

    public boolean isPet() {
        return lifecycle == Lifecycle.PET;
    }

    /** A pet Terraform may not destroy: every pet, but one whose site lifts that for one generation. */
    public boolean isProtected() {
        return isPet() && !allowReplace;
    }
}
