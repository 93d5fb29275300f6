package dev.sitec.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitec.BrokenSite;
import dev.sitec.Compilation;
import dev.sitec.model.VmIds;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each semantic rule, fed a site broken in one way, reports exactly that, where it is. */
class SemanticRulesTest {

    @TempDir
    Path dir;

    private static final String PVE1_BOOT = "address: 10.10.10.11            # on the mgmt network\n"
            + "          interface: enp1s0\n"
            + "          boot_disks: { filesystem: zfs, raid: raid1, disks: [nvme0n1, nvme1n1] }";

    @Test
    void theReferenceSiteHasNoFindings() {
        assertThat(BrokenSite.reference().diagnostics(dir)).isEmpty();
    }

    @Nested
    class ReferencesResolve {
        @Test
        void vmNode() {
            BrokenSite site = BrokenSite.reference().replace("k3s-cp-1: { node: pve1", "k3s-cp-1: { node: pve9");
            assertThat(site.diagnostics(dir)).containsExactly(site.error("k3s-cp-1: { node: pve9", "pve9",
                    "vm 'k3s-cp-1' refers to unknown node 'pve9'", "did you mean 'pve1'?"));
        }

        @Test
        void vmProfile() {
            BrokenSite site = BrokenSite.reference().replace("k3s-cp-2: { node: pve2, profile: k3s-server",
                    "k3s-cp-2: { node: pve2, profile: k3s-sever");
            assertThat(site.diagnostics(dir)).containsExactly(site.error("profile: k3s-sever", "k3s-sever",
                    "vm 'k3s-cp-2' refers to unknown profile 'k3s-sever'", "did you mean 'k3s-server'?"));
        }

        @Test
        void vmImage() {
            BrokenSite site = BrokenSite.reference().replace("    image: truenas-scale\n", "    image: truenas-scal\n");
            assertThat(site.diagnostics(dir)).containsExactly(site.error("    image: truenas-scal", "truenas-scal",
                    "vm 'truenas' refers to unknown image 'truenas-scal'", "did you mean 'truenas-scale'?"));
        }

        @Test
        void vmWithoutAnyImage() {
            BrokenSite site = BrokenSite.reference().replace("    image: pdm\n", "");
            assertThat(site.diagnostics(dir)).containsExactly(site.error("  pdm:\n    node: pve3", "pdm",
                    "vm 'pdm' has no image", "set 'image', or a 'profile' that has one (only a VM adopted with existing: true may"
                            + " have none)"));
        }

        @Test
        void profileImage() {
            BrokenSite site = BrokenSite.reference().replace("  k3s-agent:\n    image: debian-13-amd64",
                    "  k3s-agent:\n    image: debian-12-amd64");
            assertThat(site.diagnostics(dir)).containsExactly(site.error("    image: debian-12-amd64", "debian-12-amd64",
                    "profile 'k3s-agent' refers to unknown image 'debian-12-amd64'", "did you mean 'debian-13-amd64'?"));
        }

        @Test
        void passthroughDevice() {
            BrokenSite site = BrokenSite.reference().replace("passthrough: [gpu0]", "passthrough: [gpu9]");
            assertThat(site.diagnostics(dir)).containsExactly(site.error("passthrough: [gpu9]", "gpu9",
                    "vm 'k3s-w-gpu' refers to unknown device 'gpu9'", "did you mean 'gpu0'?"));
        }

        @Test
        void addressNetwork() {
            BrokenSite site = BrokenSite.reference().replace("profile: k3s-server, address: { servers: 10.10.20.21 }",
                    "profile: k3s-server, address: { server: 10.10.20.21 }");
            assertThat(site.diagnostics(dir)).containsExactly(site.error("{ server: 10.10.20.21 }", "10.10.20.21",
                    "vm 'k3s-cp-1' refers to unknown network 'server'", "did you mean 'servers'?"));
        }

        @Test
        void kubernetesServersAndAgents() {
            BrokenSite site = BrokenSite.reference()
                    .replace("servers: [k3s-cp-1, k3s-cp-2, k3s-cp-3]", "servers: [k3s-cp-1, k3s-cp-2, k3s-cp-4]")
                    .replace("rpi-2, rpi-3]", "rpi-2, rpi-3, rpi-4]");
            assertThat(site.diagnostics(dir)).containsExactly(
                    site.error("servers: [k3s-cp-1, k3s-cp-2, k3s-cp-4]", "k3s-cp-4",
                            "kubernetes.servers refers to unknown vm or machine 'k3s-cp-4'", "did you mean 'k3s-cp-1'?"),
                    site.error("rpi-2, rpi-3, rpi-4]", "rpi-4",
                            "kubernetes.agents refers to unknown vm or machine 'rpi-4'", "did you mean 'rpi-1'?"));
        }

        @Test
        void nfsServer() {
            BrokenSite site = BrokenSite.reference().replace("nfs: { server: truenas,", "nfs: { server: freenas,");
            assertThat(site.diagnostics(dir)).containsExactly(site.error("nfs: { server: freenas,", "freenas",
                    "kubernetes.storage.nfs refers to unknown vm 'freenas'", "did you mean 'truenas'?"));
        }

        @Test
        void datacenterManagerVmAndRemotes() {
            BrokenSite site = BrokenSite.reference().replace("    vm: pdm ", "    vm: pdn ")
                    .replace("remotes: [pve, pbs1]", "remotes: [pve, pbs2]");
            assertThat(site.diagnostics(dir)).containsExactly(
                    site.error("    vm: pdn ", "pdn", "datacenter_manager refers to unknown vm 'pdn'", "did you mean 'pdm'?"),
                    site.error("remotes: [pve, pbs2]", "pbs2",
                            "datacenter_manager refers to unknown cluster or backup server 'pbs2'", "did you mean 'pbs1'?"));
        }

        @Test
        void backupProtectList() {
            BrokenSite site = BrokenSite.reference().replace("protect: [k3s-cp-1]", "protect: [k3s-cp-9]");
            assertThat(site.diagnostics(dir)).containsExactly(site.error("protect: [k3s-cp-9]", "k3s-cp-9",
                    "backup server 'pbs1' refers to unknown vm or container 'k3s-cp-9'", "did you mean 'k3s-cp-1'?"));
        }

        @Test
        void machineImage() {
            BrokenSite site = BrokenSite.reference().replace("rpi-3: { board: raspberry-pi-4, image: ubuntu-2404-raspi",
                    "rpi-3: { board: raspberry-pi-4, image: ubuntu-2604-raspi");
            assertThat(site.diagnostics(dir)).containsExactly(site.error("image: ubuntu-2604-raspi", "ubuntu-2604-raspi",
                    "machine 'rpi-3' refers to unknown image 'ubuntu-2604-raspi'", "did you mean 'ubuntu-2404-raspi'?"));
        }
    }

    @Test
    void hostnamesAreUniqueAcrossNodesServersVmsAndMachines() {
        BrokenSite site = BrokenSite.reference().replace("  rpi-3: { board", "  pve3: { board")
                .replace("rpi-2, rpi-3]", "rpi-2, pve3]");
        assertThat(site.diagnostics(dir)).containsExactly(site.error("  pve3: { board", "pve3",
                "hostname 'pve3' of machine is already used by node 'pve3' (line " + site.at("        pve3:", "pve3").line() + ")",
                "every node, backup server, vm and machine needs a hostname of its own"));
    }

    @Nested
    class Networks {
        @Test
        void cidrsDoNotOverlap() {
            BrokenSite site = BrokenSite.reference().replace("    mtu: 9000\n",
                    "    mtu: 9000\n  iot:\n    vlan: 40\n    cidr: 10.10.20.128/25\n");
            assertThat(site.diagnostics(dir)).containsExactly(site.error("cidr: 10.10.20.128/25", "10.10.20.128/25",
                    "network 'iot' (10.10.20.128/25) overlaps network 'servers' (10.10.20.0/24)",
                    "give each network its own address range"));
        }

        @Test
        void cidrsHaveNoHostBits() {
            BrokenSite site = BrokenSite.reference().replace("cidr: 10.10.10.0/24", "cidr: 10.10.10.1/24");
            assertThat(site.diagnostics(dir)).containsExactly(site.error("cidr: 10.10.10.1/24", "10.10.10.1/24",
                    "cidr 10.10.10.1/24 of network 'mgmt' has host bits set", "did you mean 10.10.10.0/24?"));
        }

        @Test
        void vlanIdsAreUnique() {
            BrokenSite site = BrokenSite.reference().replace("vlan: 30", "vlan: 20");
            assertThat(site.diagnostics(dir)).containsExactly(site.error("vlan: 20\n    cidr: 10.10.30.0/24", "20",
                    "VLAN 20 of network 'storage' is already used by network 'servers'",
                    "every network needs a VLAN id of its own"));
        }

        @Test
        void gatewayIsAHostOfItsNetwork() {
            BrokenSite site = BrokenSite.reference().replace("gateway: 10.10.20.1", "gateway: 10.10.21.1");
            assertThat(site.diagnostics(dir)).containsExactly(site.error("gateway: 10.10.21.1", "10.10.21.1",
                    "gateway 10.10.21.1 of network 'servers' is not a host address in 10.10.20.0/24", null));
        }
    }

    @Nested
    class Addresses {
        private BrokenSite withCp1Address(String address) {
            return BrokenSite.reference().replace("address: { servers: 10.10.20.21 }", "address: { servers: " + address + " }");
        }

        @Test
        void insideTheirNetwork() {
            BrokenSite site = withCp1Address("10.10.21.21");
            assertThat(site.diagnostics(dir)).containsExactly(site.error("servers: 10.10.21.21", "10.10.21.21",
                    "address 10.10.21.21 of vm 'k3s-cp-1' is outside network 'servers' (10.10.20.0/24)", null));
        }

        @Test
        void notTheNetworkAddress() {
            BrokenSite site = withCp1Address("10.10.20.0");
            assertThat(site.diagnostics(dir)).containsExactly(site.error("servers: 10.10.20.0 ", "10.10.20.0",
                    "address 10.10.20.0 of vm 'k3s-cp-1' is the network address of 'servers'", null));
        }

        @Test
        void notTheBroadcastAddress() {
            BrokenSite site = withCp1Address("10.10.20.255");
            assertThat(site.diagnostics(dir)).containsExactly(site.error("servers: 10.10.20.255", "10.10.20.255",
                    "address 10.10.20.255 of vm 'k3s-cp-1' is the broadcast address of 'servers'", null));
        }

        @Test
        void notTheGateway() {
            BrokenSite site = withCp1Address("10.10.20.1");
            assertThat(site.diagnostics(dir)).containsExactly(site.error("servers: 10.10.20.1 ", "10.10.20.1",
                    "address 10.10.20.1 of vm 'k3s-cp-1' is the gateway of 'servers'", null));
        }

        @Test
        void hostsWithoutANamedNetworkFallInOne() {
            BrokenSite site = BrokenSite.reference().replace("address: 10.10.10.11 ", "address: 192.168.1.11 ");
            assertThat(site.diagnostics(dir)).containsExactly(site.error("address: 192.168.1.11", "192.168.1.11",
                    "address 192.168.1.11 of node 'pve1' is in none of the site's networks",
                    "add the network it is on under 'networks', or fix the address"));
        }

        @Test
        void unique() {
            BrokenSite site = BrokenSite.reference().replace("address: { servers: 10.10.20.22 }", "address: { servers: 10.10.20.21 }");
            assertThat(site.diagnostics(dir)).containsExactly(site.error("k3s-cp-2: { node: pve2, profile: k3s-server, address: { servers: 10.10.20.21",
                    "10.10.20.21", "address 10.10.20.21 of vm 'k3s-cp-2' is already used by vm 'k3s-cp-1' (line "
                            + site.at("k3s-cp-1:", "k3s").line() + ")", null));
        }

        @Test
        void apiVipIsNotAHostAddress() {
            BrokenSite site = BrokenSite.reference().replace("api_vip: 10.10.20.20", "api_vip: 10.10.20.21");
            assertThat(site.diagnostics(dir)).containsExactly(site.error("api_vip: 10.10.20.21", "10.10.20.21",
                    "address 10.10.20.21 of kubernetes 'api_vip' is already used by vm 'k3s-cp-1' (line "
                            + site.at("k3s-cp-1:", "k3s").line() + ")", null));
        }
    }

    @Test
    void macsAreUnique() {
        BrokenSite site = BrokenSite.reference().replace("mac: \"58:47:ca:7a:00:02\"", "mac: \"58:47:CA:7A:00:01\"");
        assertThat(site.diagnostics(dir)).containsExactly(site.error("mac: \"58:47:CA:7A:00:01\"", "\"58",
                "MAC 58:47:ca:7a:00:01 of node 'pve2' is already used by node 'pve1' (line "
                        + site.at("mac: \"58:47:ca:7a:00:01\"", "mac").line() + ")", null));
    }

    @Nested
    class VmIdCollisions {
        @Test
        void anExplicitIdThatIsTakenIsReportedAtTheId() {
            int taken = VmIds.derive("k3s-cp-1");
            BrokenSite site = BrokenSite.reference().replace("    image: pdm\n", "    image: pdm\n    vm_id: " + taken + "\n");
            assertThat(site.diagnostics(dir)).containsExactly(site.error("vm_id: " + taken, String.valueOf(taken),
                    "VMID " + taken + " of vm 'pdm' is already used by vm 'k3s-cp-1'", "choose another vm_id"));
        }

        @Test
        void aDerivedIdThatCollidesAsksForAnExplicitOne() {
            int pdmId = VmIds.derive("pdm");
            BrokenSite site = BrokenSite.reference().replace("k3s-cp-1: { node: pve1,", "k3s-cp-1: { vm_id: " + pdmId + ", node: pve1,");
            assertThat(site.diagnostics(dir)).containsExactly(site.error("  pdm:\n    node: pve3", "pdm",
                    "VMID " + pdmId + " of vm 'pdm' is already used by vm 'k3s-cp-1'",
                    "sitec derived this VMID from the name; set an explicit vm_id on 'pdm' (100000000 to 999999999 is sitec's range)"));
        }
    }

    /** Issue 26, item 4: an even number of servers is a warning that says what etcd tolerates. */
    @Test
    void anEvenNumberOfServersIsAWarningThatSaysWhatEtcdTolerates() {
        BrokenSite site = BrokenSite.reference().replace("servers: [k3s-cp-1, k3s-cp-2, k3s-cp-3]", "servers: [k3s-cp-1, k3s-cp-2]");
        assertThat(site.diagnostics(dir)).containsExactly(site.warning("servers: [k3s-cp-1, k3s-cp-2]", "[",
                "kubernetes.servers has 2 members: etcd needs 2 of them up, so it survives the loss of 0 servers, as 1 would",
                "an odd count gets more from its servers: add one (3 survive the loss of 1) or remove one"));
    }

    @Test
    void etcdNeedsAtLeastOneServer() {
        BrokenSite site = BrokenSite.reference().replace("servers: [k3s-cp-1, k3s-cp-2, k3s-cp-3]", "servers: []");
        assertThat(site.diagnostics(dir)).containsExactly(site.error("servers: []", "[",
                "kubernetes.servers needs at least 1 item", null));
    }

    @Nested
    class ImagesFitTargets {
        @Test
        void aRaspberryPiRunsArm64() {
            BrokenSite site = BrokenSite.reference().replace("rpi-3: { board: raspberry-pi-4, image: ubuntu-2404-raspi",
                    "rpi-3: { board: raspberry-pi-4, image: debian-13-amd64");
            assertThat(site.diagnostics(dir)).containsExactly(site.error("image: debian-13-amd64, boot_medium", "debian-13-amd64",
                    "image 'debian-13-amd64' is amd64, but raspberry-pi-4 'rpi-3' runs arm64", null));
        }

        @Test
        void aRaspberryPiCannotBootAnIso() {
            BrokenSite site = BrokenSite.reference()
                    .replace("rpi-3: { board: raspberry-pi-4, image: ubuntu-2404-raspi", "rpi-3: { board: raspberry-pi-4, image: pdm")
                    .replace("  pdm:\n    kind: iso\n    arch: amd64", "  pdm:\n    kind: iso\n    arch: arm64");
            assertThat(site.diagnostics(dir)).contains(site.error("image: pdm, boot_medium", "pdm",
                    "machine 'rpi-3' cannot boot image 'pdm': it is an installer ISO",
                    "a raspberry-pi-4 boots a preinstalled cloud image flashed onto its card or SSD"));
        }

        @Test
        void vmsOnProxmoxRunAmd64() {
            BrokenSite site = BrokenSite.reference().replace("k3s-w-1:  { node: pve1, profile: k3s-agent,",
                    "k3s-w-1:  { node: pve1, image: ubuntu-2404-raspi, profile: k3s-agent,");
            assertThat(site.diagnostics(dir)).containsExactly(site.error("k3s-w-1:  {", "k3s-w-1",
                    "vm 'k3s-w-1' uses arm64 image 'ubuntu-2404-raspi', but Proxmox VE node 'pve1' runs amd64",
                    "use an amd64 image; arm64 hosts belong under 'machines'"));
        }
    }

    @Test
    void passthroughDevicesBelongToOneVmOnTheirNode() {
        BrokenSite site = BrokenSite.reference().replace("passthrough: [hba0]", "passthrough: [hba0, gpu0]");
        assertThat(site.diagnostics(dir)).containsExactly(
                site.error("passthrough: [hba0, gpu0]", "gpu0",
                        "device 'gpu0' is already passed through to vm 'k3s-w-gpu'",
                        "a device can be passed through to one vm only"),
                site.error("passthrough: [hba0, gpu0]", "gpu0",
                        "device 'gpu0' is on node 'pve2', but vm 'truenas' runs on node 'pve1'",
                        "run the vm on 'pve2' or pass through a device of 'pve1'"));
    }

    @Nested
    class Raid {
        private BrokenSite pve1(String bootDisks) {
            return BrokenSite.reference().replace(PVE1_BOOT, PVE1_BOOT.replace(
                    "{ filesystem: zfs, raid: raid1, disks: [nvme0n1, nvme1n1] }", bootDisks));
        }

        @Test
        void zfsMirrorNeedsTwoDisks() {
            BrokenSite site = pve1("{ filesystem: zfs, raid: raid1, disks: [nvme0n1] }");
            assertThat(site.diagnostics(dir)).containsExactly(site.error("raid: raid1, disks: [nvme0n1] }", "[",
                    "node 'pve1': zfs raid1 needs at least 2 disks, but 1 is listed", null));
        }

        @Test
        void raid10NeedsAnEvenNumberOfDisks() {
            BrokenSite site = pve1("{ filesystem: zfs, raid: raid10, disks: [a, b, c, d, e] }");
            assertThat(site.diagnostics(dir)).containsExactly(site.error("raid: raid10, disks: [a, b", "[",
                    "node 'pve1': zfs raid10 needs an even number of disks, but 5 are listed", null));
        }

        @Test
        void zfsNeedsARaidLevel() {
            BrokenSite site = pve1("{ filesystem: zfs, disks: [nvme0n1, nvme1n1] }");
            assertThat(site.diagnostics(dir)).containsExactly(site.error("{ filesystem: zfs, disks: [nvme0n1, nvme1n1] }", "{",
                    "node 'pve1' installs onto zfs but names no raid level", "add raid: raid1 to mirror the disks"));
        }

        @Test
        void ext4GoesOnOneDisk() {
            BrokenSite site = pve1("{ filesystem: ext4, disks: [nvme0n1, nvme1n1] }");
            assertThat(site.diagnostics(dir)).containsExactly(site.error("{ filesystem: ext4, disks: [nvme0n1, nvme1n1] }", "[",
                    "node 'pve1' installs ext4 onto one disk, but 2 are listed", "list one disk, or use zfs with a raid level"));
        }

        @Test
        void btrfsHasNoRaidz() {
            BrokenSite site = pve1("{ filesystem: btrfs, raid: raidz-1, disks: [a, b, c] }");
            assertThat(site.diagnostics(dir)).containsExactly(site.error("raid: raidz-1, disks: [a, b, c]", "raidz-1",
                    "node 'pve1': btrfs does not support raidz-1",
                    "btrfs supports raid0, raid1 and raid10; raidz levels are zfs only"));
        }

        @Test
        void backupDatastoresToo() {
            BrokenSite site = BrokenSite.reference().replace("disks: [sdb, sdc], raid: raid1", "disks: [sdb, sdc], raid: raidz-2");
            assertThat(site.diagnostics(dir)).containsExactly(site.error("disks: [sdb, sdc], raid: raidz-2", "[sdb",
                    "datastore 'main': zfs raidz-2 needs at least 4 disks, but 2 are listed", null));
        }
    }

    @Test
    void machineRolesMatchTheKubernetesLists() {
        BrokenSite site = BrokenSite.reference().replace("rpi-2, rpi-3]", "rpi-2]");
        assertThat(site.diagnostics(dir)).containsExactly(site.error("rpi-3: {", "k3s-agent",
                "machine 'rpi-3' has role k3s-agent but is not listed in kubernetes.agents",
                "add 'rpi-3' to kubernetes.agents, or remove the role"));
    }

    @Test
    void nodeLabelsAvoidReservedPrefixes() {
        BrokenSite site = BrokenSite.reference().replace("labels: { accelerator: nvidia }",
                "labels: { node-role.kubernetes.io/gpu: \"true\" }");
        assertThat(site.diagnostics(dir)).containsExactly(site.error("labels: { node-role", "node-role",
                "label 'node-role.kubernetes.io/gpu' is under the reserved node-role.kubernetes.io prefix; the kubelet refuses to set it and the node would not start",
                "use a prefix of your own, e.g. lab.example.org/gpu"));
    }

    /**
     * The labels a kubelet may self-set (k8s.io/kubelet pkg/apis/well_known_labels.go KubeletLabels,
     * and the kubelet.kubernetes.io and node.kubernetes.io namespaces): topology labels among them.
     */
    @Test
    void nodeLabelsTheKubeletMaySetAreAccepted() {
        BrokenSite site = BrokenSite.reference().replace("labels: { accelerator: nvidia }",
                "labels: { topology.kubernetes.io/zone: rack-1, topology.kubernetes.io/region: home,"
                        + " node.kubernetes.io/instance-type: gpu, x.kubelet.kubernetes.io/y: z }");
        assertThat(site.diagnostics(dir)).isEmpty();
        BrokenSite beta = BrokenSite.reference().replace("labels: { accelerator: nvidia }",
                "labels: { topology.kubernetes.io/rack: r1 }");
        assertThat(beta.diagnostics(dir)).extracting(d -> d.message()).containsExactly("label 'topology.kubernetes.io/rack'"
                + " is under the reserved topology.kubernetes.io prefix; the kubelet refuses to set it and the node would not start");
    }

    /** Two nodes with a device of one name: one error, not one per VM that passes it through. */
    @Test
    void aDuplicatedDeviceNameIsReportedOnce() {
        BrokenSite site = BrokenSite.reference().replace("            hba0: { type: pci, address: \"0000:03:00.0\"",
                "            gpu0: { type: pci, address: \"0000:04:00.0\", id: \"10de:2704\" }\n"
                        + "            hba0: { type: pci, address: \"0000:03:00.0\"");
        assertThat(site.diagnostics(dir)).containsExactly(site.error("            gpu0: { type: pci, address: \"0000:0a", "gpu0",
                "device name 'gpu0' on node 'pve2' is already used on node 'pve1'",
                "name devices uniquely across the site, e.g. gpu0-pve2"));
    }

    @Test
    void petsWithoutABackupServerAreWarnedAbout() {
        String text = BrokenSite.reference().text();
        String withoutPbs = text.substring(0, text.indexOf("  backup_servers:"))
                + text.substring(text.indexOf("  datacenter_manager:"));
        BrokenSite site = BrokenSite.of(withoutPbs).replace("remotes: [pve, pbs1]", "remotes: [pve]");
        Compilation result = site.validate(dir);
        assertThat(result.failed()).isFalse();
        assertThat(result.diagnostics()).containsExactly(
                site.warning("  truenas:\n    node: pve1", "truenas", "pet 'truenas' is not backed up: the site has no backup server",
                        "add a Proxmox Backup Server under proxmox.backup_servers"),
                site.warning("  pdm:\n    node: pve3", "pdm", "pet 'pdm' is not backed up: the site has no backup server",
                        "add a Proxmox Backup Server under proxmox.backup_servers"));
    }

    @Nested
    class Installer {
        @Test
        void aNodeSitecInstallsNeedsAMac() {
            BrokenSite site = BrokenSite.reference().replace("          mac: \"58:47:ca:7a:00:03\"\n", "");
            assertThat(site.diagnostics(dir)).containsExactly(site.error("        pve3:", "pve3",
                    "proxmox.clusters.pve.nodes.pve3 is missing the key 'mac', which 'boot_disks' needs",
                    "sitec installs a host that has mac, interface and boot_disks; leave out mac and boot_disks"
                            + " for a host that is installed already"));
        }

        @Test
        void theInstallNetworkNeedsAGatewayAndDns() {
            BrokenSite site = BrokenSite.reference().replace("    gateway: 10.10.10.1\n    dns: [10.10.10.1]\n", "");
            String hint = "add gateway and dns to network 'mgmt'";
            String why = "is installed on network 'mgmt', which has no gateway and no dns; the Proxmox installer needs both";
            assertThat(site.diagnostics(dir)).containsExactly(
                    site.error("address: 10.10.10.11", "10.10.10.11", "node 'pve1' " + why, hint),
                    site.error("address: 10.10.10.12", "10.10.10.12", "node 'pve2' " + why, hint),
                    site.error("address: 10.10.10.13", "10.10.10.13", "node 'pve3' " + why, hint),
                    site.error("address: 10.10.10.20", "10.10.10.20", "backup server 'pbs1' " + why, hint),
                    site.error("address: { mgmt: 10.10.10.5 }", "10.10.10.5", "vm 'pdm' " + why, hint),
                    // Without a gateway, mgmt is no longer routed: truenas's only address the K3s nodes reached is gone.
                    site.error("nfs: { server: truenas", "truenas", "NFS server 'truenas' has no address every K3s node reaches",
                            "give every K3s node an address on one of 'truenas''s networks, or give 'truenas' an address on a network with a gateway"));
        }

        @Test
        void backupServersCannotUseBtrfs() {
            BrokenSite site = BrokenSite.reference().replace("interface: eno1\n      boot_disks: { filesystem: ext4, disks: [sda] }",
                    "interface: eno1\n      boot_disks: { filesystem: btrfs, raid: raid0, disks: [sda] }");
            assertThat(site.diagnostics(dir)).containsExactly(site.error("{ filesystem: btrfs, raid: raid0", "btrfs",
                    "backup server 'pbs1' cannot be installed on btrfs: only the Proxmox VE installer offers it",
                    "use zfs (with a raid level), ext4 or xfs"));
        }

        @Test
        void theDatacenterManagerIsInstalledFromItsIso() {
            BrokenSite site = BrokenSite.reference().replace("    image: pdm\n", "    image: debian-13-amd64\n");
            assertThat(site.diagnostics(dir)).containsExactly(site.error("  pdm:\n    node: pve3", "pdm",
                    "datacenter_manager vm 'pdm' uses cloud image 'debian-13-amd64'; PDM is installed from its ISO",
                    "give 'pdm' an image of kind: iso (the Proxmox Datacenter Manager ISO)"));
        }

        @Test
        void httpFetchNeedsAnAnswerUrl() {
            BrokenSite site = BrokenSite.reference().replace("\nproxmox:\n", "\ninstaller:\n  fetch: http\n\nproxmox:\n");
            assertThat(site.diagnostics(dir)).containsExactly(site.error("installer:", "installer",
                    "installer is missing the required key 'answer_url'", null));
        }
    }

    @Test
    void deviceNamesAreUniqueAcrossNodes() {
        BrokenSite site = BrokenSite.reference().replace("            coral0: { type: usb", "            gpu0: { type: usb")
                .replace("passthrough: [coral0]", "passthrough: [gpu0]");
        assertThat(site.diagnostics(dir)).contains(site.error("            gpu0: { type: usb", "gpu0",
                "device name 'gpu0' on node 'pve3' is already used on node 'pve2'",
                "name devices uniquely across the site, e.g. gpu0-pve3"));
    }

    @Test
    void secretsTheOutputNeedsAreDeclared() {
        BrokenSite site = BrokenSite.reference().replace("  pbs_password: { env: PBS_PASSWORD }\n", "");
        assertThat(site.diagnostics(dir)).containsExactly(site.error("\nsecrets:", "secrets",
                "secret 'pbs_password' (the password PVE backs up to PBS with) is not declared",
                "add under secrets: pbs_password: { env: PBS_PASSWORD } (or { file: PATH })"));
    }

    @Test
    void anSshFluxRepositoryNeedsTheDeployKeyAndAnHttpsOneDoesNot() {
        BrokenSite withoutKey = BrokenSite.reference().replace("  flux_git_deploy_key: { file: ~/.ssh/flux-homelab }\n", "");
        assertThat(withoutKey.diagnostics(dir)).containsExactly(withoutKey.error("\nsecrets:", "secrets",
                "secret 'flux_git_deploy_key' (Flux's Git deploy key for the ssh:// repository) is not declared",
                "add under secrets: flux_git_deploy_key: { env: FLUX_GIT_DEPLOY_KEY } (or { file: PATH })"));

        BrokenSite https = withoutKey.replace("repository: ssh://git@github.com/example/homelab.git",
                "repository: https://github.com/example/homelab.git");
        assertThat(https.diagnostics(dir)).isEmpty();
    }

    @Test
    void kubernetesNodesHaveAnAddressOnTheApiNetwork() {
        BrokenSite site = BrokenSite.reference().replace("k3s-w-1:  { node: pve1, profile: k3s-agent,  address: { servers: 10.10.20.31, storage: 10.10.30.31 } }",
                "k3s-w-1:  { node: pve1, profile: k3s-agent,  address: { storage: 10.10.30.31 } }");
        assertThat(site.diagnostics(dir)).containsExactly(site.error("agents: [k3s-w-1", "k3s-w-1",
                "'k3s-w-1' has no address on network 'servers', where the API VIP 10.10.20.20 is",
                "give 'k3s-w-1' an address on 'servers'"));
    }

    /** Rules that keep a site within what the real hosts and Proxmox's own tools do. */
    @Nested
    class RealHosts {
        private static final String DATED = "https://cloud.debian.org/images/cloud/trixie/20250924-2245/debian-13-genericcloud-amd64-20250924-2245.qcow2";

        /** proxmox_download_file replaces the file when url or checksum change, and a moving URL fails its checksum. */
        @Test
        void aChecksumNeedsAUrlThatKeepsServingThatFile() {
            String latest = "https://cloud.debian.org/images/cloud/trixie/latest/debian-13-genericcloud-amd64.qcow2";
            BrokenSite site = BrokenSite.reference().replace(DATED, latest);
            assertThat(site.diagnostics(dir)).containsExactly(site.error("url: " + latest, latest,
                    "image 'debian-13-amd64' pins a checksum on a URL that moves: it stops matching when a new build is published",
                    "use the dated URL of the build the checksum belongs to"));
            assertThat(BrokenSite.reference().replace(DATED, latest)
                    .replace("    checksum: sha512:25b430e6416b443620fc32975f40effe3d7ae6603060aa9563b80092f0b073734a35a8c56816ae4f4ea395d7e5599de7cba254f92a9465f6ce95b29a03a8e1f5\n", "")
                    .diagnostics(dir)).isEmpty();
        }

        /** pve-storage API2/Storage/Status.pm: "decompression not supported for $content" unless iso. */
        @Test
        void anLzoDiskImageHasNoDecompressorOnTheNode() {
            BrokenSite site = BrokenSite.reference().replace(DATED, DATED + ".lzo");
            assertThat(site.diagnostics(dir)).containsExactly(site.error("url: " + DATED + ".lzo", DATED + ".lzo",
                    "image 'debian-13-amd64' is compressed (.lzo), which a Proxmox VE node has no tool to decompress",
                    "use the image compressed with xz, gzip, bzip2 or zstd, or uncompressed"));
        }

        /**
         * PVE decompresses ISO downloads only (pve-storage API2/Storage/Status.pm), so a compressed
         * disk image is fetched and decompressed by Ansible on each node, and Terraform imports the file.
         */
        @Test
        void aCompressedDiskImageIsDecompressedOnTheNode() {
            var files = BrokenSite.reference().replace(DATED, DATED + ".gz").generate(dir);
            assertThat(files.get("terraform/clusters/pve/main.tf").text())
                    .contains("file = \"local:import/" + DATED.substring(DATED.lastIndexOf('/') + 1) + "\"")
                    .doesNotContain("content_type       = \"import\"");
            assertThat(files.get("ansible/inventory/host_vars/pve1.yml").text()).contains("    decompress: gzip");
        }

        /** pve-storage Storage/Plugin.pm KNOWN_COMPRESSION_FORMATS: gz, lzo, zst, bz2; no xz. */
        @Test
        void anXzIsoCannotBeDecompressed() {
            BrokenSite site = BrokenSite.reference().replace("TrueNAS-SCALE-25.04.2.iso\n", "TrueNAS-SCALE-25.04.2.iso.xz\n");
            String url = "https://download.truenas.com/TrueNAS-SCALE-Fangtooth/25.04.2/TrueNAS-SCALE-25.04.2.iso.xz";
            assertThat(site.diagnostics(dir)).containsExactly(site.error("url: " + url, url,
                    "image 'truenas-scale' is compressed (.xz), which Proxmox VE cannot decompress",
                    "PVE decompresses .gz, .lzo, .zst and .bz2 downloads; use one of those or the plain ISO"));
            assertThat(BrokenSite.reference().replace("TrueNAS-SCALE-25.04.2.iso\n", "TrueNAS-SCALE-25.04.2.iso.bz2\n")
                    .diagnostics(dir)).isEmpty();
        }

        /** Linux bcmgenet (Raspberry Pi 4): ENET_MAX_MTU_SIZE is 1536 bytes, an MTU of 1500. */
        @Test
        void aRaspberryPi4CannotCarryJumboFrames() {
            String onStorage = "address: { storage: 10.10.30.43 } }";
            BrokenSite site = BrokenSite.reference().replace("address: { servers: 10.10.20.43 }, roles: [k3s-agent] }", onStorage)
                    .replace(", rpi-3]", "]");
            assertThat(site.diagnostics(dir)).containsExactly(site.error(onStorage, "storage",
                    "raspberry-pi-4 'rpi-3' cannot carry network 'storage''s MTU 9000: its Ethernet takes at most 1500",
                    "reach 'storage' through a router, or give the Pi no address on it"));
            assertThat(site.replace("rpi-3: { board: raspberry-pi-4", "rpi-3: { board: raspberry-pi-5")
                    .diagnostics(dir)).isEmpty(); // a Pi 5's Ethernet is not bcmgenet
        }

        /** A pod with an NFS volume can run on any K3s node, whose kubelet mounts the share. */
        @Test
        void everyK3sNodeReachesTheNfsServer() {
            BrokenSite site = BrokenSite.reference().replace("address: { mgmt: 10.10.10.30, storage: 10.10.30.30 }",
                    "address: { storage: 10.10.30.30 }");
            assertThat(site.diagnostics(dir)).containsExactly(site.error("nfs: { server: truenas", "truenas",
                    "NFS server 'truenas' has no address every K3s node reaches",
                    "give every K3s node an address on one of 'truenas''s networks, or give 'truenas' an address on a network with a gateway"));
        }
    }

    /** IEEE 802: a MAC with the first octet's low bit set is a group address; no NIC has it, nor all zeros. */
    @Nested
    class MacsAreUnicast {
        private static final String HINT = "use the NIC's own address: its first octet is even, e.g. 58:47:ca:…";

        @Test
        void aNodesMacIsUnicast() {
            BrokenSite site = BrokenSite.reference().replace("mac: \"58:47:ca:7a:00:02\"", "mac: \"01:00:5e:00:00:02\"");
            assertThat(site.diagnostics(dir)).containsExactly(site.error("mac: \"01:00:5e:00:00:02\"", "\"01",
                    "MAC 01:00:5e:00:00:02 of node 'pve2' is not a unicast address (all zeros, multicast or broadcast)", HINT));
        }

        @Test
        void broadcastAndAllZerosAreNotAHostsMac() {
            BrokenSite site = BrokenSite.reference().replace("mac: \"2c:cf:67:00:00:01\"", "mac: \"ff:ff:ff:ff:ff:ff\"")
                    .replace("mac: \"58:47:ca:7a:00:20\"", "mac: \"00:00:00:00:00:00\"");
            assertThat(site.diagnostics(dir)).containsExactly(
                    site.error("mac: \"00:00:00:00:00:00\"", "\"00",
                            "MAC 00:00:00:00:00:00 of backup server 'pbs1' is not a unicast address (all zeros, multicast or broadcast)", HINT),
                    site.error("mac: \"ff:ff:ff:ff:ff:ff\"", "\"ff",
                            "MAC ff:ff:ff:ff:ff:ff of machine 'rpi-1' is not a unicast address (all zeros, multicast or broadcast)", HINT));
        }
    }
}
