package dev.sitec.explain;

import dev.sitec.family.terraform.GuestTags;
import dev.sitec.family.terraform.TerraformRoots;
import com.fasterxml.jackson.core.JsonPointer;
import dev.sitec.diagnostic.Hints;
import dev.sitec.load.SourceMap;
import dev.sitec.model.Container;
import dev.sitec.model.Device;
import dev.sitec.model.Image;
import dev.sitec.model.ImageOs;
import dev.sitec.model.K3sNode;
import dev.sitec.model.K3sNodes;
import dev.sitec.model.Kubernetes;
import dev.sitec.model.Machine;
import dev.sitec.model.Network;
import dev.sitec.model.Nic;
import dev.sitec.model.Profile;
import dev.sitec.model.PveNode;
import dev.sitec.model.Site;
import dev.sitec.model.Vm;
import dev.sitec.model.VmDisk;
import dev.sitec.render.RenderedFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Everything sitec derived for one named object of the site and where it lands: its identities
 * (VMID, MACs, addresses), its place in each family's output (Terraform address, Ansible groups and
 * host vars, cloud-init and installer files, K3s role, labels and taints, the Flux objects that run on
 * it), each with the site line it came from. Read from the validated model and the rendered tree.
 */
public final class Explanation {

    private final Site site;
    private final SourceMap sources;
    private final List<RenderedFile> files;
    private final List<String> out = new ArrayList<>();

    private Explanation(Site site, SourceMap sources, List<RenderedFile> files) {
        this.site = site;
        this.sources = sources;
        this.files = files;
    }

    /** The lines that explain {@code name}, or empty when nothing in the site has that name. */
    public static Optional<List<String>> of(Site site, SourceMap sources, List<RenderedFile> files, String name) {
        Explanation e = new Explanation(site, sources, files);
        boolean found = e.explain(name);
        return found ? Optional.of(List.copyOf(e.out)) : Optional.empty();
    }

    /** The closest name the site has, for a name it does not. */
    public static Optional<String> closest(Site site, String name) {
        return Hints.closest(name, names(site));
    }

    private static TreeSet<String> names(Site site) {
        TreeSet<String> names = new TreeSet<>();
        names.addAll(site.vms().keySet());
        names.addAll(site.containers().keySet());
        names.addAll(site.machines().keySet());
        names.addAll(site.networks().keySet());
        names.addAll(site.clusters().keySet());
        names.addAll(site.backupServers().keySet());
        names.addAll(site.kubernetes().keySet());
        names.addAll(site.images().keySet());
        names.addAll(site.profiles().keySet());
        site.kubernetes().values().forEach(k -> names.addAll(k.apps().keySet()));
        site.pveNodes().forEach(n -> names.add(n.name()));
        site.devices().forEach(d -> names.add(d.name()));
        return names;
    }

    private boolean explain(String name) {
        boolean found = false;
        if (site.vms().containsKey(name)) {
            vm(site.vms().get(name));
            found = true;
        }
        if (site.containers().containsKey(name)) {
            container(site.containers().get(name));
            found = true;
        }
        if (site.machines().containsKey(name)) {
            machine(site.machines().get(name));
            found = true;
        }
        Optional<PveNode> node = site.findNode(name);
        if (node.isPresent()) {
            pveNode(node.get());
            found = true;
        }
        if (site.backupServers().containsKey(name)) {
            var pbs = site.backupServers().get(name);
            header("backup server " + name, pbs.origin());
            line("address", pbs.address() + (pbs.installedBySitec() ? ", installed by sitec" : ", installed already"));
            line("datastores", String.join(", ", pbs.datastores().keySet()));
            line("clusters", String.join(", ", pbs.clusters()));
            host(name);
            found = true;
        }
        if (site.networks().containsKey(name)) {
            network(site.networks().get(name));
            found = true;
        }
        if (site.clusters().containsKey(name)) {
            var cluster = site.clusters().get(name);
            header("Proxmox VE cluster " + name, cluster.origin());
            line("nodes", String.join(", ", cluster.nodes().keySet()));
            line("Terraform", "terraform/clusters/" + name + "/ (its own root and state)");
            line("Ansible", "group proxmox_" + name.replace('-', '_'));
            found = true;
        }
        if (site.kubernetes().containsKey(name)) {
            k3sCluster(site.kubernetes().get(name));
            found = true;
        }
        if (site.images().containsKey(name)) {
            image(site.images().get(name));
            found = true;
        }
        if (site.profiles().containsKey(name)) {
            profile(site.profiles().get(name));
            found = true;
        }
        for (Kubernetes k8s : site.kubernetes().values()) {
            if (k8s.apps().containsKey(name)) {
                app(k8s, k8s.apps().get(name));
                found = true;
            }
        }
        Optional<Device> device = site.findDevice(name);
        if (device.isPresent()) {
            Device d = device.get();
            header("device " + name, d.origin());
            line("what", d.type().name().toLowerCase(java.util.Locale.ROOT) + " " + d.id() + " on node " + d.node()
                    + d.pciAddress().map(a -> " at " + a).orElse("") + d.usbPort().map(p -> ", USB port " + p).orElse("")
                    + (d.allFunctions() ? ", all its functions" : "") + (d.primaryGpu() ? ", the VM's display (x-vga)" : ""));
            line("passed to", site.vms().values().stream().filter(vm -> vm.passthrough().contains(name)).map(Vm::name)
                    .collect(Collectors.joining(", ")));
            line("Terraform", d.type() == Device.Type.USB ? "none: Ansible attaches USB devices by port, as root"
                    : d.pciAddress().isEmpty() ? "none: the cluster's mapping " + name + " (existing, without an address)"
                    + " is used by its name and left as it is"
                    : "a PCI resource mapping, " + name + ", in terraform/clusters/" + site.expectNode(d.node()).cluster()
                    + (d.existing() ? " (existing: adopted by an import block)" : ""));
            found = true;
        }
        return found;
    }

    private void vm(Vm vm) {
        header("vm " + vm.name(), vm.origin());
        line("node", vm.node() + " (Proxmox VE cluster " + site.expectNode(vm.node()).cluster() + ")", vm.origin().appendProperty("node"));
        vm.profile().ifPresent(p -> line("profile", p, JsonPointer.compile("/profiles/" + p)));
        line("lifecycle", vm.lifecycle().id() + (vm.isPet() ? ": protected (prevent_destroy)"
                + (site.backupServers().isEmpty() ? ", not backed up: the site has no backup server" : ", backed up")
                : ": may be rebuilt"));
        line("VMID", vm.vmId() + (vm.vmIdExplicit() ? " (set in the site)" : " (derived from the name)"));
        line("size", cores(vm.cores()) + ", " + vm.memoryMib() + " MiB" + vm.balloonMinMib().stream().mapToObj(b -> ", balloon from " + b + " MiB").findFirst().orElse(""));
        vm.cpuType().ifPresent(cpu -> line("cpu", cpu + " (set in the site; a change restarts the VM)",
                vm.origin().appendProperty("cpu_type")));
        vm.scsiController().ifPresent(scsi -> line("SCSI controller", scsi + " (read when the VM is created: the running"
                + " VM keeps its own)", vm.origin().appendProperty("scsi_controller")));
        for (VmDisk disk : vm.disks()) {
            line("disk " + disk.slot(), disk.sizeGib() + " GiB on " + site.datastoreOf(vm, disk) + ", "
                    + disk.purpose().name().toLowerCase(java.util.Locale.ROOT)
                    + disk.format().map(f -> ", " + f).orElse(""));
        }
        nics(vm.nics(), vm.origin().appendProperty("address"));
        vm.image().ifPresent(i -> line("image", i + " (" + site.imageOf(vm).orElseThrow().kind().name().toLowerCase(java.util.Locale.ROOT)
                .replace('_', ' ') + ")", JsonPointer.compile("/images/" + i)));
        site.templateOf(vm).ifPresent(t -> line("clone", (site.linkedClone(vm) ? "linked" : "full") + " clone of VM "
                + t.vmId() + " on " + t.node() + (t.node().equals(vm.node()) ? ""
                : t.shared() ? ", made on " + vm.node() + " (shared storage)" : ", made on " + t.node() + " and migrated to " + vm.node())
                + "; a new source replaces the VM", vm.origin().appendProperty(vm.linked().isPresent() ? "linked" : "image")));
        if (!vm.passthrough().isEmpty()) {
            line("passthrough", String.join(", ", vm.passthrough()), vm.origin().appendProperty("passthrough"));
        }
        tags(GuestTags.of(site, vm), vm.tags());
        line("Terraform", TerraformRoots.address(vm) + " in " + TerraformRoots.root(site.clusterOf(vm)));
        adopted(vm.existing(), vm.node(), vm.vmId(), vm.origin());
        k3s(vm.name());
        host(vm.name());
    }

    /** A guest's Proxmox tags: sitec's own and the site's, which are named. */
    private void tags(List<String> all, List<String> site) {
        line("tags", String.join(", ", all) + (site.isEmpty() ? "" : " (from the site: " + String.join(", ", site) + ")"));
    }

    /** An existing guest: the import block that adopts it, with the provider's id. */
    private void adopted(boolean existing, String node, int vmId, JsonPointer origin) {
        if (existing) {
            line("adopted", "exists already: an import block (id \"" + node + "/" + vmId + "\") adopts it in the first plan",
                    origin.appendProperty("existing"));
        }
    }

    private void container(Container ct) {
        header("container " + ct.name(), ct.origin());
        line("node", ct.node(), ct.origin().appendProperty("node"));
        line("lifecycle", ct.lifecycle().id());
        line("VMID", ct.vmId() + (ct.vmIdExplicit() ? " (set in the site)" : " (derived from the name)"));
        line("size", cores(ct.cores()) + ", " + ct.memoryMib() + " MiB, root disk " + ct.disk().sizeGib() + " GiB on "
                + site.datastoreOf(ct));
        nics(ct.nics(), ct.origin().appendProperty("address"));
        line("template", ct.template(), JsonPointer.compile("/images/" + ct.template()));
        tags(GuestTags.of(ct), ct.tags());
        line("Terraform", TerraformRoots.address(ct) + " in " + TerraformRoots.root(site.expectNode(ct.node()).cluster()));
        adopted(ct.existing(), ct.node(), ct.vmId(), ct.origin());
        host(ct.name());
    }

    private void machine(Machine m) {
        header("machine " + m.name(), m.origin());
        line("board", m.board().id() + m.bootMedium().map(b -> ", boots from " + b.name().toLowerCase(java.util.Locale.ROOT)).orElse(""));
        line("image", m.image(), JsonPointer.compile("/images/" + m.image()));
        nics(m.nics(), m.origin().appendProperty("address"));
        m.longhornDisk().ifPresent(d -> line("Longhorn disk", d, m.origin().appendProperty("longhorn_disk")));
        k3s(m.name());
        host(m.name());
    }

    private void pveNode(PveNode node) {
        header("Proxmox VE node " + node.name(), node.origin());
        line("cluster", node.cluster());
        line("address", node.address().toString(), node.origin().appendProperty("address"));
        line("installed", node.bootDisks().isPresent() ? "by sitec: an answer file and ISO script in installer/" + node.name() + "/"
                : "already (sitec does not install it)");
        line("guests' datastore", node.defaultDatastore().orElse("none: no guest on it needs one"));
        if (!node.devices().isEmpty()) {
            line("devices", String.join(", ", new TreeSet<>(node.devices().keySet())));
        }
        String vms = site.vms().values().stream().filter(vm -> vm.node().equals(node.name())).map(Vm::name)
                .collect(Collectors.joining(", "));
        String containers = site.containers().values().stream().filter(ct -> ct.node().equals(node.name()))
                .map(Container::name).collect(Collectors.joining(", "));
        line("guests", java.util.stream.Stream.of(vms.isEmpty() ? "" : "VMs " + vms, containers.isEmpty() ? "" : "containers "
                + containers).filter(g -> !g.isEmpty()).collect(Collectors.joining("; ")));
        host(node.name());
    }

    private void image(Image image) {
        header("image " + image.name(), image.origin());
        line("kind", switch (image.kind()) {
            case CLOUD_IMAGE -> "cloud image (a disk image cloud-init configures)";
            case ISO -> "ISO (an installer)";
            case LXC -> "container template";
            case TEMPLATE -> "template VM (VMs are cloned from it)";
        } + ", " + image.arch().name().toLowerCase(java.util.Locale.ROOT));
        image.template().ifPresentOrElse(t -> {
            line("template", "VM " + t.vmId() + " on " + t.node() + ", disks on " + site.datastoreOf(t).orElse("its node's datastore")
                    + (t.shared() ? " (shared)" : " (local to the node)"), image.origin().appendProperty("vm_id"));
            line("clones", t.linked() ? "linked by default" : "full copies by default; nothing is downloaded");
        }, () -> {
            line("url", image.url(), image.origin().appendProperty("url"));
            line("file", image.storedFileName() + image.compression().map(c -> " (downloaded as " + image.fileName() + ")").orElse(""));
            line("checksum", image.checksum().map(c -> c.algorithm() + ", checked on download").orElse("none: the download is not checked"));
        });
        List<String> users = new ArrayList<>();
        site.vms().values().stream().filter(vm -> vm.image().filter(image.name()::equals).isPresent())
                .forEach(vm -> users.add("vm " + vm.name()));
        site.containers().values().stream().filter(ct -> ct.template().equals(image.name()))
                .forEach(ct -> users.add("container " + ct.name()));
        site.machines().values().stream().filter(m -> m.image().equals(image.name()))
                .forEach(m -> users.add("machine " + m.name()));
        site.profiles().values().stream().filter(p -> p.image().filter(image.name()::equals).isPresent())
                .forEach(p -> users.add("profile " + p.name()));
        line("used by", String.join(", ", users));
        // The cluster roots download it once per node that needs it: read from the rendered roots.
        String key = "/" + image.name() + "\" = {";
        for (RenderedFile file : files) {
            if (file.path().startsWith("terraform/clusters/") && file.path().endsWith("/main.tf")) {
                List<String> downloads = file.text().lines().map(String::strip).filter(l -> l.startsWith("\"") && l.endsWith(key))
                        .map(l -> l.substring(1, l.length() - "\" = {".length())).toList();
                if (!downloads.isEmpty()) {
                    line("Terraform", "proxmox_download_file.image[" + downloads.stream().map(d -> "\"" + d + "\"")
                            .collect(Collectors.joining(", ")) + "] in " + file.path().substring(0, file.path().lastIndexOf('/')));
                }
            }
        }
    }

    private void profile(Profile profile) {
        header("profile " + profile.name(), profile.origin());
        profile.image().ifPresent(i -> line("image", i, JsonPointer.compile("/images/" + i)));
        String size = profile.cores().stream().mapToObj(Explanation::cores).findFirst().orElse("")
                + profile.memoryMib().stream().mapToObj(m -> ", " + m + " MiB").findFirst().orElse("");
        if (!size.isEmpty()) {
            line("size", size.startsWith(", ") ? size.substring(2) : size);
        }
        profile.disks().ifPresent(disks -> line("disks", disks.stream().map(d -> d.slot() + " " + d.sizeGib() + " GiB"
                + d.datastore().map(ds -> " on " + ds).orElse("") + ", " + d.purpose().name().toLowerCase(java.util.Locale.ROOT))
                .collect(Collectors.joining("; "))));
        profile.datastore().ifPresent(d -> line("datastore", d));
        if (!profile.tags().isEmpty()) {
            line("tags", String.join(", ", profile.tags()) + " (added to its VMs')", profile.origin().appendProperty("tags"));
        }
        if (!profile.labels().isEmpty()) {
            line("labels", profile.labels().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ")));
        }
        line("VMs", site.vms().values().stream().filter(vm -> vm.profile().filter(profile.name()::equals).isPresent())
                .map(Vm::name).collect(Collectors.joining(", ")) + " (their own keys override the profile's)");
    }

    private void app(Kubernetes k8s, Kubernetes.App app) {
        header("Flux app " + app.name() + " of K3s cluster " + k8s.name(), app.origin());
        line("chart", app.chartName() + " " + app.chartVersion() + " from " + app.chartRepository(), app.origin().appendProperty("chart"));
        line("namespace", app.namespace());
        if (!app.nodeSelector().isEmpty()) {
            line("runs on", app.nodeSelector().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(", ")) + ": " + K3sNodes.of(site, k8s).stream().filter(n -> n.matches(app.nodeSelector()))
                    .map(K3sNode::name).collect(Collectors.joining(", ")), app.origin().appendProperty("node_selector"));
        }
        if (app.values() != null && app.values().isObject() && app.values().size() > 0) {
            List<String> keys = new ArrayList<>();
            app.values().fieldNames().forEachRemaining(keys::add);
            line("values", String.join(", ", keys) + " (passed to the chart as they are)", app.origin().appendProperty("values"));
        }
        String folder = "flux/apps/" + k8s.name() + "/" + app.name() + "/";
        line("Flux", "HelmRelease " + app.name() + " and HelmRepository " + app.name() + " in namespace " + app.namespace()
                + k8s.flux().map(f -> ", applied by the Kustomization in flux/" + f.path() + "/apps.yaml").orElse(""));
        line("files", files.stream().map(RenderedFile::path).filter(p -> p.startsWith(folder)).sorted().collect(Collectors.joining(", ")));
    }

    private static String cores(int n) {
        return n + (n == 1 ? " core" : " cores");
    }

    private void network(Network network) {
        header("network " + network.name(), network.origin());
        line("bridge", network.bridge() + network.vlan().stream().mapToObj(v -> ", VLAN " + v + " (an SDN vnet)").findFirst()
                .orElse(", untagged"));
        network.cidr().ifPresent(c -> line("cidr", c + network.gateway().map(g -> ", gateway " + g).orElse("")));
        line("mtu", String.valueOf(network.mtu()));
        List<String> members = new ArrayList<>();
        site.vms().values().forEach(vm -> vm.nics().stream().filter(n -> n.network().equals(network.name()))
                .forEach(n -> members.add(vm.name() + " " + address(n))));
        site.containers().values().forEach(ct -> ct.nics().stream().filter(n -> n.network().equals(network.name()))
                .forEach(n -> members.add(ct.name() + " " + address(n))));
        site.machines().values().forEach(m -> m.nics().stream().filter(n -> n.network().equals(network.name()))
                .forEach(n -> members.add(m.name() + " " + address(n))));
        line("on it", String.join(", ", members));
    }

    private void k3sCluster(Kubernetes k8s) {
        header("K3s cluster " + k8s.name(), k8s.origin());
        line("version", k8s.version(), k8s.origin().appendProperty("version"));
        if (k8s.apiVip().isPresent()) {
            line("API", k8s.api() + " (VIP, held by kube-vip)", k8s.origin().appendProperty("api_vip"));
        } else {
            line("API", k8s.api() + " (first server " + k8s.servers().get(0) + ", no VIP: no failover)",
                    k8s.origin().appendProperty("servers").appendIndex(0));
        }
        k8s.loadBalancer().ifPresent(lb -> line("load balancer", lb.rangeGlobal() + " (" + lb.size()
                + " addresses; kube-vip-cloud-provider, kube-vip; ServiceLB disabled)", k8s.origin().appendProperty("load_balancer")));
        line("servers", String.join(", ", k8s.servers()) + " (etcd quorum " + (k8s.servers().size() / 2 + 1) + ")");
        line("agents", String.join(", ", k8s.agents()));
        line("token", "secret " + k8s.tokenSecret());
        line("Ansible", "group " + dev.sitec.family.ansible.AnsibleFamily.clusterGroup(k8s) + " (--limit it)");
        k8s.flux().ifPresent(f -> line("Flux", "flux/" + f.path() + "/, flux/infrastructure/" + k8s.name() + "/, flux/apps/"
                + k8s.name() + "/" + (f.bootstrap() ? "" : "; bootstrapped by its owner, whose tree lists " + f.syncPath())));
        if (k8s.flux().isEmpty()) {
            line("charts", "no Flux: HelmCharts for K3s's Helm controller in ansible/host_files/" + k8s.servers().get(0)
                    + "/manifests/");
        }
        line("apps", String.join(", ", k8s.apps().keySet()));
    }

    private void k3s(String host) {
        Optional<Kubernetes> k8s = site.clusterOfNode(host);
        if (k8s.isEmpty()) {
            return;
        }
        K3sNode node = K3sNodes.of(site, k8s.get()).stream().filter(n -> n.name().equals(host)).findFirst().orElseThrow();
        line("K3s", node.role().id() + " of cluster " + k8s.get().name() + node.nodeIp().map(ip -> ", node IP " + ip).orElse(""));
        line("labels", node.labels().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ")));
        if (!node.taints().isEmpty()) {
            line("taints", node.taints().stream().map(Object::toString).collect(Collectors.joining(", ")));
        }
        redHatFamily(host).ifPresent(os -> line("prerequisites", "with dnf (" + os + ", the RedHat family): the k3s-selinux"
                + " policy and selinux: true where SELinux is on, K3s's ports in firewalld where it runs"));
        if (k8s.get().longhorn().isPresent()) {
            line("Longhorn", node.longhornDisk().map(d -> "replicas on its disk " + d + ", mounted at " + K3sNodes.LONGHORN_DATA_PATH)
                    .orElse(node.longhornReplicas() ? "replicas on its root disk, in " + K3sNodes.LONGHORN_DATA_PATH
                            : "no replicas (its root disk is, or may be, an SD card)"));
        }
        // A cluster with Flux has it release the charts; one without has K3s's Helm controller install them.
        String kind = k8s.get().flux().isPresent() ? "HelmRelease " : "HelmChart ";
        List<String> charts = new ArrayList<>();
        k8s.get().apps().values().stream().filter(a -> !a.nodeSelector().isEmpty() && node.matches(a.nodeSelector()))
                .forEach(a -> charts.add(kind + a.name() + " (its node_selector)"));
        if (node.longhornReplicas() && k8s.get().longhorn().isPresent()) {
            charts.add(kind + "longhorn (" + node.longhornDisk().map(d -> "its disk " + d).orElse("its root disk") + ")");
        }
        if (node.nvidiaGpu() && k8s.get().nvidiaDevicePlugin().isPresent()) {
            charts.add(kind + "nvidia-device-plugin (its GPU)");
        }
        if (!charts.isEmpty()) {
            line(k8s.get().flux().isPresent() ? "Flux" : "K3s charts", String.join(", ", charts));
        }
    }

    /** The distribution of a K3s node's cloud image, if it is of the RedHat family (k3s_prereqs' dnf path). */
    private Optional<String> redHatFamily(String host) {
        Optional<String> imageName = Optional.ofNullable(site.vms().get(host)).flatMap(Vm::image)
                .or(() -> Optional.ofNullable(site.machines().get(host)).map(Machine::image));
        return imageName.map(site.images()::get).filter(i -> i.kind() == Image.Kind.CLOUD_IMAGE)
                .flatMap(ImageOs::of).filter(ImageOs.REDHAT_FAMILY::contains);
    }

    /** Its Ansible groups (from the rendered inventory) and every generated file named after it. */
    private void host(String name) {
        List<String> groups = Inventory.groupsOf(files, name);
        if (!groups.isEmpty()) {
            line("Ansible", "groups " + String.join(", ", groups));
        }
        List<String> own = files.stream().map(RenderedFile::path)
                .filter(p -> java.util.Arrays.asList(p.replace(".yml", "").split("/")).contains(name)).sorted().toList();
        if (!own.isEmpty()) {
            line("files", String.join(", ", own));
        }
    }

    private void nics(List<Nic> nics, JsonPointer at) {
        for (Nic nic : nics) {
            line(nic.interfaceName(), nic.network() + " " + address(nic) + nic.mac().map(m -> ", MAC " + m).orElse(""),
                    at.appendProperty(nic.network()));
        }
    }

    private static String address(Nic nic) {
        return nic.address().map(Object::toString).orElse("dhcp");
    }

    private void header(String what, JsonPointer origin) {
        if (!out.isEmpty()) {
            out.add("");
        }
        out.add(what + " (" + sources.key(origin) + ")");
    }

    private void line(String key, String value) {
        out.add(String.format("  %-18s %s", key, value.isEmpty() ? "-" : value));
    }

    private void line(String key, String value, JsonPointer at) {
        out.add(String.format("  %-18s %s   [%s]", key, value.isEmpty() ? "-" : value, location(at)));
    }

    private String location(JsonPointer at) {
        var loc = sources.key(at);
        return loc.file() + ":" + loc.line();
    }

}
