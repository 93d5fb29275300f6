package dev.sitec.model;

import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.stream.Stream;

/**
 * The whole site, as the output families see it: immutable, every derived value computed once.
 * Maps are sorted by name so that output does not depend on the order of entries in site.yaml.
 * After validation every reference resolves, so the {@code expect…} lookups cannot fail.
 */
public record Site(SiteInfo info, SortedMap<String, SecretRef> secrets, SortedMap<String, Network> networks,
                   SortedMap<String, Image> images, SortedMap<String, Cluster> clusters,
                   SortedMap<String, BackupServer> backupServers, Optional<DatacenterManager> datacenterManager,
                   Installer installer, TerraformSettings terraform,
                   SortedMap<String, Profile> profiles, SortedMap<String, Vm> vms,
                   SortedMap<String, Container> containers, SortedMap<String, Machine> machines,
                   SortedMap<String, Kubernetes> kubernetes, SiteFormat format) {

    /** The K3s cluster a host (VM or machine) belongs to: a rule keeps each host in one at most. */
    public Optional<Kubernetes> clusterOfNode(String host) {
        return kubernetes.values().stream().filter(k -> k.nodes().contains(host)).findFirst();
    }

    public Stream<PveNode> pveNodes() {
        return clusters.values().stream().flatMap(c -> c.nodes().values().stream());
    }

    public Optional<PveNode> findNode(String name) {
        return pveNodes().filter(n -> n.name().equals(name)).findFirst();
    }

    public PveNode expectNode(String name) {
        return findNode(name).orElseThrow(() -> new IllegalStateException("unresolved node " + name));
    }

    public Cluster clusterOf(Vm vm) {
        return clusters.get(expectNode(vm.node()).cluster());
    }

    /** The datastore a VM's disk goes to: the disk's own, else the VM's (or its profile's), else its node's. */
    public String datastoreOf(Vm vm, VmDisk disk) {
        return disk.datastore().or(vm::datastore).orElseGet(() -> expectNode(vm.node()).vmDatastore());
    }

    public String datastoreOf(Vm vm) {
        return vm.datastore().orElseGet(() -> expectNode(vm.node()).vmDatastore());
    }

    /** The datastore of a container's root disk: its own, else its node's. */
    public String datastoreOf(Container container) {
        return container.disk().datastore().orElseGet(() -> expectNode(container.node()).vmDatastore());
    }

    public Stream<Device> devices() {
        return pveNodes().flatMap(n -> n.devices().values().stream());
    }

    public Optional<Device> findDevice(String name) {
        return devices().filter(d -> d.name().equals(name)).findFirst();
    }

    public Device expectDevice(String name) {
        return findDevice(name).orElseThrow(() -> new IllegalStateException("unresolved device " + name));
    }

    /**
     * The device a VM's passthrough entry names: its own node's when that node has one of that name
     * (so a name used twice, reported once by DeviceNamesUnique, is not reported again here), else any.
     */
    public Optional<Device> deviceFor(Vm vm, String name) {
        return findNode(vm.node()).map(n -> n.devices().get(name)).or(() -> findDevice(name));
    }

    /** The devices a VM's passthrough list names, in its order. */
    public List<Device> passthroughOf(Vm vm) {
        return vm.passthrough().stream().map(name -> deviceFor(vm, name)
                .orElseThrow(() -> new IllegalStateException("unresolved device " + name))).toList();
    }

    /**
     * A Linux VM from a disk image, or cloned from a template VM, is configured by cloud-init (and then
     * reached by Ansible as the admin user); an ISO install, a Windows VM or an appliance configures itself.
     */
    public boolean configuredByCloudInit(Vm vm) {
        return vm.os() == GuestOs.LINUX
                && imageOf(vm).filter(i -> i.kind() == Image.Kind.CLOUD_IMAGE || i.isTemplate()).isPresent();
    }

    /** The template VM a VM is cloned from, when its image is one. */
    public Optional<Image.Template> templateOf(Vm vm) {
        return imageOf(vm).flatMap(Image::template);
    }

    /** Whether a VM cloned from a template is a linked clone: its own linked, else its image's (default full). */
    public boolean linkedClone(Vm vm) {
        return templateOf(vm).map(t -> vm.linked().orElse(t.linked())).orElse(false);
    }

    /** The datastore a template's disks are on: the one the image names, else its node's (if the site has the node). */
    public Optional<String> datastoreOf(Image.Template template) {
        return template.datastore().or(() -> findNode(template.node()).flatMap(PveNode::defaultDatastore));
    }

    /** The image a VM is built from; none for a VM adopted as it is (existing, built some other way). */
    public Optional<Image> imageOf(Vm vm) {
        return vm.image().map(images::get);
    }

    public Network network(String name) {
        Network network = networks.get(name);
        if (network == null) {
            throw new IllegalStateException("unresolved network " + name);
        }
        return network;
    }

    /**
     * The largest MTU of the networks a bridge carries (untagged on it, or tagged in the SDN zone on it):
     * what the bridge and its uplink carry, since a guest NIC's MTU may not exceed its bridge's
     * (qemu-server).
     */
    public int largestMtu(String bridge) {
        return networks.values().stream().filter(n -> n.bridge().equals(bridge)).mapToInt(Network::mtu).max()
                .orElse(Network.DEFAULT_MTU);
    }

    /** The tagged networks: the VLANs the SDN zone carries. */
    public List<Network> taggedNetworks() {
        return networks.values().stream().filter(Network::tagged).toList();
    }

    /**
     * A guest's primary NIC: the first on DHCP or on a network with a gateway. It carries the default
     * route and DNS (the site's, or its DHCP server's); cloud-init and containers both follow it.
     */
    public Optional<Nic> primaryNic(List<Nic> nics) {
        return nics.stream().filter(n -> n.dhcp() || network(n.network()).gateway().isPresent()).findFirst();
    }

    /** The network that holds an address, if any. */
    public Optional<Network> networkContaining(Ipv4 address) {
        return networks.values().stream().filter(n -> n.contains(address)).findFirst();
    }
}
