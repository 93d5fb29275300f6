package dev.sitec.model;

import com.fasterxml.jackson.core.JsonPointer;
import java.util.Optional;
import java.util.OptionalInt;

/** A host device of a Proxmox node that can be passed through to one VM. */
public record Device(String name, JsonPointer origin, String node, Type type, String id,
                     Optional<String> pciAddress, Optional<String> subsystemId, OptionalInt iommuGroup,
                     boolean allFunctions, Optional<String> usbPort) {

    public enum Type { PCI, USB }

    /** NVIDIA's PCI vendor id: the GPU role, its driver and Kubernetes labels follow from it. */
    private static final String NVIDIA_VENDOR = "10de";

    public boolean isNvidiaGpu() {
        return type == Type.PCI && id.startsWith(NVIDIA_VENDOR + ":");
    }
}
