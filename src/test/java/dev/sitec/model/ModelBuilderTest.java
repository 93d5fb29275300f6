package dev.sitec.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitec.BrokenSite;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelBuilderTest {

    @TempDir
    Path dir;

    private Site reference() {
        return BrokenSite.reference().validate(dir).site().orElseThrow();
    }

    @Test
    void datastoreFollowsTheNodesBootFilesystem() {
        Site site = reference();
        assertThat(site.expectNode("pve1").vmDatastore()).isEqualTo("local-zfs");
        assertThat(site.expectNode("pve3").vmDatastore()).isEqualTo("local-lvm");
        assertThat(Filesystem.XFS.vmDatastore()).isEqualTo("local-lvm");
        assertThat(Filesystem.BTRFS.vmDatastore()).isEqualTo("local-btrfs");
    }

    @Test
    void profilesFillWhatTheVmDoesNotSay() {
        Site site = reference();
        Vm agent = site.vms().get("k3s-w-gpu");
        assertThat(agent.image()).contains("debian-13-amd64");
        assertThat(agent.cores()).isEqualTo(8);
        assertThat(agent.memoryMib()).isEqualTo(16384);
        assertThat(agent.disks()).extracting(VmDisk::purpose).containsExactly(VmDisk.Purpose.SYSTEM, VmDisk.Purpose.LONGHORN);
        assertThat(agent.labels()).containsEntry("accelerator", "nvidia");
        Vm truenas = site.vms().get("truenas");
        assertThat(truenas.isPet()).isTrue();
        assertThat(truenas.cores()).isEqualTo(4);
    }

    /** Issue 26, item 2: a VM's tags are its profile's and its own, each once, in the site's order. */
    @Test
    void aVmsTagsAreItsProfilesAndItsOwn() {
        Site site = BrokenSite.reference()
                .replace("    memory_mib: 16384\n", "    memory_mib: 16384\n    tags: [workers, gpu-pool]\n")
                .replace("    labels: { accelerator: nvidia }\n", "    labels: { accelerator: nvidia }\n    tags: [nvidia, gpu-pool]\n")
                .validate(dir).site().orElseThrow();
        assertThat(site.vms().get("k3s-w-gpu").tags()).containsExactly("workers", "gpu-pool", "nvidia");
        assertThat(site.vms().get("k3s-w-1").tags()).containsExactly("workers", "gpu-pool");
        assertThat(site.vms().get("pdm").tags()).isEmpty();
        assertThat(site.profiles().get("k3s-agent").tags()).containsExactly("workers", "gpu-pool");
    }

    @Test
    void nicsFollowTheDeclaredOrder() {
        Vm truenas = reference().vms().get("truenas");
        assertThat(truenas.nics()).extracting(Nic::network).containsExactly("mgmt", "storage");
        assertThat(truenas.nics()).extracting(n -> n.staticAddress().toString()).containsExactly("10.10.10.30", "10.10.30.30");
    }

    @Test
    void ipv4Arithmetic() {
        Ipv4Cidr net = Ipv4Cidr.parse("10.10.20.0/24");
        assertThat(net.broadcast()).hasToString("10.10.20.255");
        assertThat(net.netmask()).hasToString("255.255.255.0");
        assertThat(net.contains(Ipv4.parse("10.10.20.77"))).isTrue();
        assertThat(net.contains(Ipv4.parse("10.10.21.1"))).isFalse();
        assertThat(net.overlaps(Ipv4Cidr.parse("10.10.0.0/16"))).isTrue();
        assertThat(net.overlaps(Ipv4Cidr.parse("10.10.21.0/24"))).isFalse();
        assertThat(Ipv4Cidr.parse("0.0.0.0/0").contains(Ipv4.parse("255.255.255.255"))).isTrue();
    }
}
