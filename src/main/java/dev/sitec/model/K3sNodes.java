package dev.sitec.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Derives the K3s nodes of a validated site. Labels sitec adds use its own prefix: the kubelet
 * refuses self-set labels under kubernetes.io and k8s.io.
 */
public final class K3sNodes {

    public static final String GPU_LABEL = "sitec.dev/gpu";
    public static final String TPU_LABEL = "sitec.dev/tpu";
    public static final String NVIDIA_GPU_PRESENT_LABEL = "nvidia.com/gpu.present";
    /** Longhorn creates its default disk only on nodes labelled so (with createDefaultDiskLabeledNodes). */
    public static final String LONGHORN_DISK_LABEL = "node.longhorn.io/create-default-disk";
    /** Where Ansible mounts a node's dedicated Longhorn disk, and Longhorn's data path. */
    public static final String LONGHORN_DATA_PATH = "/var/lib/longhorn";

    /** A Coral USB accelerator before (1a6e:089a) and after (18d1:9302) its firmware loads. */
    private static final List<String> CORAL_IDS = List.of("1a6e:089a", "18d1:9302");

    private K3sNodes() {
    }

    /** The network the API VIP is on: K3s nodes talk to each other there. */
    public static Optional<Network> apiNetwork(Site site) {
        return site.kubernetes().flatMap(k -> site.networkContaining(k.apiVip()));
    }

    public static List<K3sNode> of(Site site) {
        if (site.kubernetes().isEmpty()) {
            return List.of();
        }
        Kubernetes k8s = site.kubernetes().get();
        String network = apiNetwork(site).map(Network::name).orElse("");
        List<K3sNode> nodes = new ArrayList<>();
        for (String name : k8s.servers()) {
            nodes.add(node(site, name, K3sNode.Role.SERVER, network));
        }
        for (String name : k8s.agents()) {
            nodes.add(node(site, name, K3sNode.Role.AGENT, network));
        }
        return nodes;
    }

    private static K3sNode node(Site site, String name, K3sNode.Role role, String network) {
        SortedMap<String, String> labels = new TreeMap<>();
        Vm vm = site.vms().get(name);
        if (vm != null) {
            labels.putAll(vm.labels());
            List<Device> devices = site.passthroughOf(vm);
            boolean nvidia = devices.stream().anyMatch(Device::isNvidiaGpu);
            if (nvidia) {
                labels.put(GPU_LABEL, "nvidia");
                // NVIDIA's device plugin chart only schedules onto nodes that say they have a GPU.
                labels.put(NVIDIA_GPU_PRESENT_LABEL, "true");
            }
            if (devices.stream().anyMatch(d -> d.type() == Device.Type.USB && CORAL_IDS.contains(d.id()))) {
                labels.put(TPU_LABEL, "coral");
            }
            // A Proxmox VirtIO SCSI disk has a stable by-id name after its bus slot.
            Optional<String> longhornDisk = vm.disks().stream().filter(d -> d.purpose() == VmDisk.Purpose.LONGHORN)
                    .findFirst().map(d -> "/dev/disk/by-id/scsi-0QEMU_QEMU_HARDDISK_drive-scsi" + d.index());
            longhornDisk.ifPresent(d -> labels.put(LONGHORN_DISK_LABEL, "true"));
            Nic nic = nicOn(vm.nics(), network);
            return new K3sNode(name, role, false, Arch.AMD64, nic.address(), nic.interfaceName(), longhornDisk, nvidia,
                    Collections.unmodifiableSortedMap(labels));
        }
        Machine machine = site.machines().get(name);
        labels.putAll(machine.labels());
        machine.longhornDisk().ifPresent(d -> labels.put(LONGHORN_DISK_LABEL, "true"));
        Nic nic = nicOn(machine.nics(), network);
        return new K3sNode(name, role, true, machine.board().arch(), nic.address(), nic.interfaceName(),
                machine.longhornDisk(), false, Collections.unmodifiableSortedMap(labels));
    }

    private static Nic nicOn(List<Nic> nics, String network) {
        return nics.stream().filter(n -> n.network().equals(network)).findFirst()
                .orElseThrow(() -> new IllegalStateException("validated K3s node without a NIC on " + network));
    }
}
