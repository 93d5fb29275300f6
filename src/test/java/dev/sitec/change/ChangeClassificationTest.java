package dev.sitec.change;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitec.BrokenSite;
import dev.sitec.Compilation;
import dev.sitec.SiteCompiler;
import dev.sitec.model.Site;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The classification table: edits to the reference site (and to the real-labs site, which has
 * containers), each with every change plan reports for it. The classes follow the bpg/proxmox
 * provider v0.111.1 (proxmoxtf/resource/vm/vm.go and resource/container/container.go: ForceNew and
 * CustomizeDiff replace, vmUpdate's rebootRequired restarts), K3s's upgrade policy
 * (docs.k3s.io/upgrades: one minor version at a time) and etcd's quorum (a majority of the members).
 */
class ChangeClassificationTest {

    static Stream<Arguments> edits() {
        return Stream.of(
                row("no-op", reference(), s -> s, List.of()),
                row("cattle moved to another node is replaced", reference(),
                        s -> s.replace("k3s-w-1:  { node: pve1,", "k3s-w-1:  { node: pve2,"),
                        List.of("replace vm k3s-w-1: node pve1 -> pve2")),
                // Issue 25, item 10: the pet's resource sets migrate (bpg vm.go: node_name is then not ForceNew).
                row("a pet moved to another node migrates with its disks", reference(),
                        s -> s.replace("    node: pve3\n    lifecycle: pet", "    node: pve2\n    lifecycle: pet\n    datastore: local-lvm"),
                        List.of("in-place vm pdm: node pve3 -> pve2")),
                // ...but the provider migrates onto the same datastores: a move to another one is the person's.
                row("a pet moved to a node without its datastore is refused", reference(),
                        s -> s.replace("    node: pve3\n    lifecycle: pet", "    node: pve2\n    lifecycle: pet"),
                        List.of("reboot vm pdm: disk scsi0 datastore local-lvm -> local-zfs",
                                "in-place vm pdm: node pve3 -> pve2 [refused]")),
                // PVE refuses to remove a guest that is still protected (check_protection), and the provider
                // destroys the old guest first: protection must come off in an apply of its own.
                row("allow_replace and the replacement in one apply is refused", reference(),
                        s -> s.replace("    node: pve3\n    lifecycle: pet", "    node: pve2\n    lifecycle: pet\n    allow_replace: true"),
                        List.of("destroys data vm pdm: node pve3 -> pve2 [refused]")),
                row("allow_replace alone lifts the protection", reference(),
                        s -> s.replace("    node: pve3\n    lifecycle: pet", "    node: pve3\n    lifecycle: pet\n    allow_replace: true"),
                        List.of("in-place vm pdm: protection lifted (allow_replace)")),
                row("a pet whose protection was lifted before is replaced", reference().replace("    node: pve3\n    lifecycle: pet",
                                "    node: pve3\n    lifecycle: pet\n    allow_replace: true"),
                        s -> s.replace("    node: pve3\n    lifecycle: pet", "    node: pve2\n    lifecycle: pet"),
                        List.of("destroys data vm pdm: node pve3 -> pve2")),
                row("a pet's disk shrunk is refused", reference(),
                        s -> s.replace("disks: [{ size_gib: 40 }]\n    address: { mgmt: 10.10.10.5 }",
                                "disks: [{ size_gib: 20 }]\n    address: { mgmt: 10.10.10.5 }"),
                        List.of("destroys data vm pdm: disk scsi0 40 -> 20 GiB [refused]")),
                // A plain apply fails ("Cannot shrink"): warned, with the -replace that rebuilds each.
                row("cattle disks shrunk through their profile destroy data", reference(),
                        s -> s.replace("    memory_mib: 8192\n    disks: [{ size_gib: 40 }]",
                                "    memory_mib: 8192\n    disks: [{ size_gib: 30 }]"),
                        List.of("destroys data vm k3s-cp-1: disk scsi0 40 -> 30 GiB [warning]",
                                "destroys data vm k3s-cp-2: disk scsi0 40 -> 30 GiB [warning]",
                                "destroys data vm k3s-cp-3: disk scsi0 40 -> 30 GiB [warning]")),
                row("a disk grown in place", reference(),
                        s -> s.replace("disks: [{ size_gib: 40 }]\n    address: { mgmt: 10.10.10.5 }",
                                "disks: [{ size_gib: 64 }]\n    address: { mgmt: 10.10.10.5 }"),
                        List.of("in-place vm pdm: disk scsi0 40 -> 64 GiB")),
                row("more cores restart the VM", reference(),
                        s -> s.replace("    cores: 2\n    memory_mib: 4096", "    cores: 4\n    memory_mib: 4096"),
                        List.of("reboot vm pdm: cores 2 -> 4")),
                row("a CPU model restarts the VM", reference(),
                        s -> s.replace("    cores: 2\n    memory_mib: 4096", "    cores: 2\n    cpu_type: host\n    memory_mib: 4096"),
                        List.of("reboot vm pdm: cpu_type none -> host")),
                row("agent trim restarts the VM", reference(),
                        s -> s.replace("    cores: 2\n    memory_mib: 4096", "    cores: 2\n    agent_trim: false\n    memory_mib: 4096"),
                        List.of("reboot vm pdm: agent_trim none -> false")),
                row("a SCSI controller is read when the VM is made only", reference(),
                        s -> s.replace("    cores: 2\n    memory_mib: 4096", "    cores: 2\n    scsi_controller: lsi\n    memory_mib: 4096"),
                        List.of("in-place vm pdm: scsi_controller none -> lsi")),
                row("a disk's format is read when it is made only, warned of", reference(),
                        s -> s.replace("disks: [{ size_gib: 40 }]\n    address: { mgmt: 10.10.10.5 }",
                                "disks: [{ size_gib: 40, format: qcow2 }]\n    address: { mgmt: 10.10.10.5 }"),
                        List.of("in-place vm pdm: disk scsi0 format raw -> qcow2 [warning]")),
                row("a GPU made the primary display restarts its VM", reference(),
                        s -> s.replace("iommu_group: 22, all_functions: true }", "iommu_group: 22, all_functions: true,"
                                + " primary_gpu: true }"),
                        List.of("reboot vm k3s-w-gpu: passthrough (pci) [gpu0] -> [gpu0 (primary GPU)]",
                                "host node pve2: devices ... [reboot]")),
                row("removing two of three servers at once is warned of", reference(),
                        s -> s.replace("servers: [k3s-cp-1, k3s-cp-2, k3s-cp-3]", "servers: [k3s-cp-1]"),
                        List.of("cluster k3s homelab: server k3s-cp-2 removed",
                                "cluster k3s homelab: server k3s-cp-3 removed",
                                "cluster k3s homelab: servers 3 -> 1, etcd quorum 2 -> 1 [warning]")),
                row("a K3s upgrade by one minor version", reference(),
                        s -> s.replace("version: v1.36.3+k3s1", "version: v1.37.1+k3s1"),
                        List.of("cluster k3s homelab: version v1.36.3+k3s1 -> v1.37.1+k3s1")),
                row("a K3s upgrade that skips a minor version is refused", reference(),
                        s -> s.replace("version: v1.36.3+k3s1", "version: v1.38.0+k3s1"),
                        List.of("cluster k3s homelab: version v1.36.3+k3s1 -> v1.38.0+k3s1 [refused]")),
                row("a K3s downgrade is refused", reference(),
                        s -> s.replace("version: v1.36.3+k3s1", "version: v1.35.9+k3s1"),
                        List.of("cluster k3s homelab: version v1.36.3+k3s1 -> v1.35.9+k3s1 [refused]")),
                row("a new cattle VM is created, one removed is deleted", reference(),
                        s -> s.replace("  k3s-w-1:  { node: pve1,", "  k3s-w-2:  { node: pve1,")
                                .replace("agents: [k3s-w-1,", "agents: [k3s-w-2,"),
                        List.of("delete vm k3s-w-1: deleted", "cluster k3s homelab: agent k3s-w-1 removed",
                                "cluster k3s homelab: agent k3s-w-2 added", "create vm k3s-w-2: created")),
                row("a pet removed from the site is refused", reference(),
                        s -> s.replace("  pdm:\n    node: pve3\n    lifecycle: pet\n    image: pdm\n    cores: 2\n"
                                        + "    memory_mib: 4096\n    disks: [{ size_gib: 40 }]\n    address: { mgmt: 10.10.10.5 }\n", "")
                                .replace("  datacenter_manager:\n    vm: pdm                               # PDM runs as a VM on the cluster\n"
                                        + "    remotes: [pve, pbs1]\n", ""),
                        List.of("destroys data vm pdm: deleted, and its disks with it [refused]",
                                "host datacenter manager: remotes [pve, pbs1] -> none")),
                row("cattle made a pet moves in place", reference(),
                        s -> s.replace("k3s-w-1:  { node: pve1,", "k3s-w-1:  { lifecycle: pet, node: pve1,"),
                        List.of("in-place vm k3s-w-1: lifecycle cattle -> pet")),
                row("a pet made cattle is refused without allow_replace", reference(),
                        s -> s.replace("    node: pve3\n    lifecycle: pet", "    node: pve3\n    lifecycle: cattle"),
                        List.of("destroys data vm pdm: lifecycle pet -> cattle [refused]")),
                row("a pet made cattle with allow_replace moves in place", reference(),
                        s -> s.replace("    node: pve3\n    lifecycle: pet", "    node: pve3\n    lifecycle: cattle\n    allow_replace: true"),
                        List.of("in-place vm pdm: lifecycle pet -> cattle")),
                row("a new image leaves the running VM's disk", reference(),
                        s -> s.replace("    image: debian-13-amd64\n    cores: 4\n    memory_mib: 8192",
                                "    image: debian-12-amd64\n    cores: 4\n    memory_mib: 8192")
                                .replace("images:\n", "images:\n  debian-12-amd64: { arch: amd64, url: \"https://cloud.debian.org/images/"
                                        + "cloud/bookworm/20250901-2222/debian-12-genericcloud-amd64-20250901-2222.qcow2\" }\n"),
                        List.of("in-place image debian-12-amd64: added",
                                "in-place vm k3s-cp-1: image debian-13-amd64 -> debian-12-amd64",
                                "in-place vm k3s-cp-2: image debian-13-amd64 -> debian-12-amd64",
                                "in-place vm k3s-cp-3: image debian-13-amd64 -> debian-12-amd64")),
                row("a jumbo-frame MTU change reconfigures the hosts", reference(),
                        s -> s.replace("    mtu: 9000", "    mtu: 1500"),
                        List.of("host network storage: mtu 9000 -> 1500")),
                row("a passthrough device added reboots its node", reference(),
                        s -> s.replace("            coral0: { type: usb, id: \"18d1:9302\", port: \"2-1\" }",
                                "            coral0: { type: usb, id: \"18d1:9302\", port: \"2-1\" }\n"
                                        + "            coral1: { type: usb, id: \"18d1:9302\", port: \"2-2\" }"),
                        List.of("host node pve3: devices ... [reboot]")),
                row("a node's subscription changes its repositories", realLabs(),
                        s -> s.replace("          datastore: ssd-zfs\n", "          datastore: ssd-zfs\n          subscription: true\n"),
                        List.of("host node pve-b: subscription false -> true")),
                row("a container's template is read when it is made only", realLabs(),
                        s -> s.replace("    node: pve-b\n    template: debian-12-lxc", "    node: pve-b\n    template: debian-13-lxc")
                                .replace("images:\n", "images:\n  debian-13-lxc: { kind: lxc, arch: amd64, url: \"https://download."
                                        + "proxmox.com/images/system/debian-13-standard_13.1-2_amd64.tar.zst\" }\n"),
                        List.of("in-place container jellyfin: template debian-12-lxc -> debian-13-lxc", "in-place image debian-13-lxc: added")),
                row("a pet container's root disk shrunk is refused", realLabs(),
                        s -> s.replace("disk: { size_gib: 4, datastore: ceph-rbd }", "disk: { size_gib: 2, datastore: ceph-rbd }"),
                        List.of("destroys data container pihole: disk 4 -> 2 GiB [refused]")),
                // Issue 25, item 7: the root and the state file are named by the cluster: a rename must move the state.
                row("a cluster renamed says how its state moves", reference(),
                        s -> s.replace("  clusters:\n    pve:\n", "  clusters:\n    home:\n").replace("remotes: [pve, pbs1]",
                                "remotes: [home, pbs1]"),
                        List.of("cluster cluster pve: renamed home [warning]", "host backup server pbs1: clusters [pve] -> [home]",
                                "host datacenter manager: remotes ...")),
                // Issue 26, item 2: tags are neither ForceNew nor restart the VM (vm.go vmUpdate); PVE keeps them sorted.
                row("a VM's tag added changes it in place", realLabs(),
                        s -> s.replace("tags: [home-automation, iot]", "tags: [home-automation, iot, zigbee]"),
                        List.of("in-place vm haos: tags [home-automation, iot] -> [home-automation, iot, zigbee]")),
                row("a VM's tags reordered change nothing", realLabs(),
                        s -> s.replace("tags: [home-automation, iot]", "tags: [iot, home-automation]"), List.of()),
                row("a profile's tag changes its VMs in place", reference(),
                        s -> s.replace("    memory_mib: 16384\n", "    memory_mib: 16384\n    tags: [workers]\n"),
                        List.of("in-place vm k3s-w-1: tags [] -> [workers]", "in-place vm k3s-w-gpu: tags [] -> [workers]",
                                "in-place vm k3s-w-tpu: tags [] -> [workers]")),
                row("a container's tag added changes it in place", realLabs(),
                        s -> s.replace("    tags: [media]\n", "    tags: [media, tv]\n"),
                        List.of("in-place container jellyfin: tags [media] -> [media, tv]")),
                row("a pet container's memory restarts it", realLabs(),
                        s -> s.replace("    lifecycle: pet\n    template: debian-12-lxc\n",
                                "    lifecycle: pet\n    template: debian-12-lxc\n    memory_mib: 1024\n"),
                        List.of("reboot container pihole: memory_mib 512 -> 1024")),
                // Issue 26, item 1: every attribute of the provider's clone block is ForceNew (bpg/proxmox
                // v0.111.1 proxmoxtf/resource/vm/vm.go, the clone schema): a new source makes the VM again.
                row("a clone's template rebuilt under a new VMID replaces its clones", clones(),
                        s -> s.replace("    vm_id: 9000\n", "    vm_id: 9100\n"),
                        List.of("replace vm cache: clone source VM 9000 on pve1, linked -> VM 9100 on pve1, linked",
                                "replace vm web: clone source VM 9000 on pve1, full copy on local-lvm -> VM 9100 on pve1, full copy on local-lvm",
                                "replace vm worker: clone source VM 9000 on pve1, full copy on local-lvm -> VM 9100 on pve1, full copy on local-lvm",
                                "in-place image debian-12: changed")),
                // ...but a pet ignores its clone block after create (review of issue 26, item 1): it keeps its disks.
                row("a pet clone keeps its disks when its template is rebuilt", clones()
                                .replace("  web:\n    node: pve1\n", "  web:\n    lifecycle: pet\n    node: pve1\n"),
                        s -> s.replace("    vm_id: 9000\n", "    vm_id: 9100\n"),
                        List.of("replace vm cache: clone source VM 9000 on pve1, linked -> VM 9100 on pve1, linked",
                                "replace vm worker: clone source VM 9000 on pve1, full copy on local-lvm -> VM 9100 on pve1, full copy on local-lvm",
                                "in-place image debian-12: changed",
                                "in-place vm web: clone source VM 9000 on pve1, full copy on local-lvm -> VM 9100 on pve1, full copy on local-lvm")),
                row("a full clone made linked is replaced", clones(),
                        s -> s.replace("  web:\n    node: pve1\n    image: debian-12\n", "  web:\n    node: pve1\n    image: debian-12\n    linked: true\n"),
                        List.of("replace vm web: clone source VM 9000 on pve1, full copy on local-lvm -> VM 9000 on pve1, linked")),
                row("a clone's disk grown in place", clones(),
                        s -> s.replace("disks: [{ size_gib: 20 }]", "disks: [{ size_gib: 30 }]"),
                        List.of("in-place vm web: disk scsi0 20 -> 30 GiB")),
                row("a VM from a downloaded image made a clone is replaced", oneNode(),
                        s -> s.replace("images:\n", "images:\n  debian-tpl: { kind: template, vm_id: 9000, node: pve, os: debian }\n")
                                .replace("  runner:\n    node: pve\n    image: debian-12\n", "  runner:\n    node: pve\n    image: debian-tpl\n"),
                        List.of("replace vm runner: clone source none -> VM 9000 on pve, full copy on local-lvm",
                                "in-place image debian-tpl: added")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("edits")
    void eachEditIsClassified(String name, BrokenSite before, UnaryOperator<BrokenSite> edit, List<String> expected) {
        ChangePlan plan = SiteComparison.compare(site(before), site(edit.apply(before)));
        assertThat(plan.changes().stream().map(ChangeClassificationTest::summary).toList())
                .zipSatisfy(expected, (actual, wanted) -> assertThat(actual).matches(pattern(wanted)))
                .hasSameSizeAs(expected);
    }

    /**
     * An adopted VM passed a PCI device through a mapping sitec makes (not existing) has the device by
     * its address, which only root@pam may change: it keeps it, and its import restarts nothing.
     */
    @org.junit.jupiter.api.Test
    void anAdoptedVmKeepsAPciDeviceItHasByAddress() {
        BrokenSite without = reference().replace("  k3s-w-gpu:\n    node: pve2\n    profile: k3s-agent\n"
                + "    address: { servers: 10.10.20.32, storage: 10.10.30.32 }\n    passthrough: [gpu0]\n"
                + "    labels: { accelerator: nvidia }\n", "").replace("agents: [k3s-w-1, k3s-w-gpu,", "agents: [k3s-w-1,");
        BrokenSite adopted = reference().replace("  k3s-w-gpu:\n    node: pve2\n",
                "  k3s-w-gpu:\n    node: pve2\n    vm_id: 150\n    existing: true\n");
        assertThat(SiteComparison.compare(site(without), site(adopted)).changes().stream()
                .map(ChangeClassificationTest::summary)).contains("import vm k3s-w-gpu: imported as pve2/150");
        assertThat(SiteComparison.compare(site(without), site(adopted)).changes()).filteredOn(c -> c.kind() == ChangeKind.IMPORT)
                .singleElement().satisfies(c -> assertThat(c.cause().orElseThrow()).contains("it keeps gpu0 by address"));
        BrokenSite mapped = adopted.replace("iommu_group: 22, all_functions: true }", "iommu_group: 22, all_functions: true,"
                + " existing: true }");
        assertThat(SiteComparison.compare(site(without), site(mapped)).changes()).filteredOn(c -> c.kind() == ChangeKind.IMPORT)
                .singleElement().satisfies(c -> assertThat(c.cause().orElseThrow()).doesNotContain("by address"));
    }

    /** "..." in an expected line stands for any text: values too long to spell out in a table. */
    private static String pattern(String expected) {
        return java.util.Arrays.stream(expected.split("\\.\\.\\.", -1)).map(java.util.regex.Pattern::quote)
                .collect(java.util.stream.Collectors.joining(".*"));
    }

    static String summary(Change change) {
        return change.kind().label() + " " + change.subject() + ": " + change.detail()
                + (change.reboots() && change.kind() != ChangeKind.REBOOT ? " [reboot]" : "")
                + (change.isRefused() ? " [refused]" : change.concern().isPresent() ? " [warning]" : "");
    }

    static Site site(BrokenSite text) {
        Compilation compiled = new SiteCompiler().validateText(text.text(), "site.yaml");
        assertThat(compiled.diagnostics().stream().filter(d -> d.isError()).map(d -> d.format())).isEmpty();
        return compiled.site().orElseThrow();
    }

    private static BrokenSite reference() {
        return BrokenSite.reference();
    }

    private static BrokenSite realLabs() {
        return BrokenSite.realLabs();
    }

    private static BrokenSite clones() {
        return kept("sites/clones.yaml");
    }

    private static BrokenSite oneNode() {
        return kept("sites/one-node.yaml");
    }

    private static BrokenSite kept(String path) {
        try {
            return BrokenSite.of(java.nio.file.Files.readString(java.nio.file.Path.of(path)));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Arguments row(String name, BrokenSite site, UnaryOperator<BrokenSite> edit, List<String> expected) {
        return Arguments.of(name, site, edit, expected);
    }
}
