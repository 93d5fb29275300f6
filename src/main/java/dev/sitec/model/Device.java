package dev.sitec.model;

import com.fasterxml.jackson.core.JsonPointer;
import java.util.Optional;
import java.util.OptionalInt;

/** A host device of a Proxmox node that can be passed through to one VM. */
public record Device(String name, JsonPointer origin, String node, Type type, String id,
                     Optional<String> pciAddress, Optional<String> subsystemId, OptionalInt iommuGroup,
                     boolean allFunctions, Optional<String> usbPort, boolean existing, boolean primaryGpu) {

    public enum Type { PCI, USB }

    /** NVIDIA's PCI vendor id: the GPU role, its driver and Kubernetes labels follow from it. */
    private static final String NVIDIA_VENDOR = "10de";

    public boolean isNvidiaGpu() {
        return type == Type.PCI && id.startsWith(NVIDIA_VENDOR + ":");
    }

    /** A Coral USB accelerator before (1a6e:089a) and after (18d1:9302) its firmware loads. */
    private static final java.util.List<String> CORAL_IDS = java.util.List.of("1a6e:089a", "18d1:9302");

    public boolean isCoralTpu() {
        return type == Type.USB && CORAL_IDS.contains(id);
    }
}
