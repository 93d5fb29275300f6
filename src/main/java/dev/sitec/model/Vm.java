package dev.sitec.model;

import com.fasterxml.jackson.core.JsonPointer;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedMap;

/**
 * A virtual machine with its profile applied and its identities derived: {@code vmId} and the NICs'
 * MACs depend on its own name only, so they stay put when other VMs come and go. Its {@code tags} are
 * the site's (its profile's, then its own, each once); the Terraform view adds sitec's own.
 */
public record Vm(String name, JsonPointer origin, String node, Optional<String> profile, Optional<String> image,
                 Lifecycle lifecycle, int cores, int memoryMib, List<VmDisk> disks, List<String> passthrough,
                 List<Nic> nics, SortedMap<String, String> labels, List<String> tags, int vmId, boolean vmIdExplicit,
                 boolean onBoot, Optional<String> description, Optional<String> datastore, GuestOs os,
                 Optional<Windows> windows, OptionalInt balloonMinMib, Optional<Startup> startup, boolean allowReplace,
                 boolean existing, Optional<Firmware> firmware, Optional<Machine> machine, Optional<Boolean> agent,
                 Optional<Boolean> serialConsole, Optional<String> cpuType, Optional<String> scsiController,
                 Optional<Boolean> agentTrim, Optional<Boolean> linked) {

    /** The firmware a VM boots with, when the site says (an adopted VM keeps its own). */
    public enum Firmware { BIOS, UEFI }

    /** The emulated chipset, when the site says: a guest's device names depend on it. */
    public enum Machine { I440FX, Q35 }

    public static final int DEFAULT_CORES = 2;
    public static final int DEFAULT_MEMORY_MIB = 2048;
    public static final int DEFAULT_DISK_GIB = 32;

    /** A Windows guest's release (os_type) and the image of the virtio-win driver ISO. */
    public record Windows(String osType, Optional<String> drivers) {
    }

    public Vm {
        disks = List.copyOf(disks);
        passthrough = List.copyOf(passthrough);
        nics = List.copyOf(nics);
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
