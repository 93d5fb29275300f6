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

    /**
     * Accelerator nodes keep other pods off: NVIDIA's device plugin chart tolerates nvidia.com/gpu by
     * default; sitec gives Longhorn and the apps that select these nodes the matching tolerations.
     */
    public static final K3sNode.Taint GPU_TAINT = new K3sNode.Taint("nvidia.com/gpu", "true", "NoSchedule");
    public static final K3sNode.Taint TPU_TAINT = new K3sNode.Taint(TPU_LABEL, "coral", "NoSchedule");


    private K3sNodes() {
    }

    /**
     * The network the cluster's API is on (its VIP's, else its first server's address's): its K3s nodes
     * talk to each other there.
     */
    public static Optional<Network> apiNetwork(Site site, Kubernetes k8s) {
        return k8s.apiAddress().flatMap(site::networkContaining);
    }

    /**
     * Whether Longhorn may keep replicas on a host: one with a dedicated Longhorn disk, or whose root
     * disk is not an SD card (a VM; a machine that says it boots from USB or NVMe). Read from the
     * site directly: rules ask it of sites other rules find broken.
     */
    public static boolean holdsLonghornReplicas(Site site, String name) {
        Vm vm = site.vms().get(name);
        if (vm != null) {
            return true;
        }
        Machine machine = site.machines().get(name);
        return machine != null && (machine.longhornDisk().isPresent()
                || machine.bootMedium().filter(m -> m != Machine.BootMedium.SD).isPresent());
    }

    /** Every K3s node of every cluster. */
    public static List<K3sNode> of(Site site) {
        return site.kubernetes().values().stream().flatMap(k8s -> of(site, k8s).stream()).toList();
    }

    /** The nodes of one cluster: its servers, then its agents. */
    public static List<K3sNode> of(Site site, Kubernetes k8s) {
        String network = apiNetwork(site, k8s).map(Network::name).orElse("");
        List<K3sNode> nodes = new ArrayList<>();
        boolean longhorn = k8s.longhorn().isPresent();
        for (String name : k8s.servers()) {
            nodes.add(node(site, name, K3sNode.Role.SERVER, network, longhorn));
        }
        for (String name : k8s.agents()) {
            nodes.add(node(site, name, K3sNode.Role.AGENT, network, longhorn));
        }
        return nodes;
    }

    /**
     * A node's own labels, and those sitec derives: its accelerators', and Longhorn's default-disk label
     * on a node with a Longhorn disk, or (in a cluster with Longhorn) one whose root disk may hold replicas.
     */
    private static K3sNode node(Site site, String name, K3sNode.Role role, String network, boolean longhorn) {
        boolean replicas = holdsLonghornReplicas(site, name);
        SortedMap<String, String> labels = new TreeMap<>();
        List<K3sNode.Taint> taints = new ArrayList<>();
        Vm vm = site.vms().get(name);
        if (vm != null) {
            labels.putAll(vm.labels());
            List<Device> devices = site.passthroughOf(vm);
            boolean nvidia = devices.stream().anyMatch(Device::isNvidiaGpu);
            if (nvidia) {
                labels.put(GPU_LABEL, "nvidia");
                // NVIDIA's device plugin chart only schedules onto nodes that say they have a GPU.
                labels.put(NVIDIA_GPU_PRESENT_LABEL, "true");
                taints.add(GPU_TAINT);
            }
            if (devices.stream().anyMatch(Device::isCoralTpu)) {
                labels.put(TPU_LABEL, "coral");
                taints.add(TPU_TAINT);
            }
            // A Proxmox VirtIO SCSI disk has a stable by-id name after its bus slot.
            Optional<String> longhornDisk = vm.disks().stream().filter(d -> d.purpose() == VmDisk.Purpose.LONGHORN)
                    .findFirst().map(d -> "/dev/disk/by-id/scsi-0QEMU_QEMU_HARDDISK_drive-scsi" + d.index());
            if (longhornDisk.isPresent() || longhorn) {
                labels.put(LONGHORN_DISK_LABEL, "true");
            }
            Nic nic = nicOn(vm.nics(), network);
            return new K3sNode(name, role, false, Arch.AMD64, nic.address(), nic.interfaceName(), longhornDisk, replicas, nvidia,
                    Collections.unmodifiableSortedMap(labels), List.copyOf(taints));
        }
        Machine machine = site.machines().get(name);
        labels.putAll(machine.labels());
        if (machine.longhornDisk().isPresent() || (longhorn && replicas)) {
            labels.put(LONGHORN_DISK_LABEL, "true");
        }
        Nic nic = nicOn(machine.nics(), network);
        return new K3sNode(name, role, true, machine.board().arch(), nic.address(), nic.interfaceName(),
                machine.longhornDisk(), replicas, false, Collections.unmodifiableSortedMap(labels), List.of());
    }

    /** The taints of the nodes a pod with {@code selector} can land on, when every such node has them. */
    public static List<K3sNode.Taint> taintsToTolerate(List<K3sNode> nodes, java.util.Map<String, String> selector) {
        List<K3sNode> targets = nodes.stream().filter(n -> n.matches(selector)).toList();
        if (targets.isEmpty() || targets.stream().anyMatch(n -> n.taints().isEmpty())) {
            return List.of();
        }
        return targets.stream().flatMap(n -> n.taints().stream()).distinct().sorted(java.util.Comparator.comparing(K3sNode.Taint::toString)).toList();
    }

    private static Nic nicOn(List<Nic> nics, String network) {
        return nics.stream().filter(n -> n.network().equals(network)).findFirst()
                .orElseThrow(() -> new IllegalStateException("validated K3s node without a NIC on " + network));
    }
}
