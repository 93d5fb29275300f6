package dev.sitec.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitec.BrokenSite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules of VMs cloned from template VMs (sites/clones.yaml), each fed that site broken in one way:
 * exactly that error, where it is, with its fix. PVE's rules they stand for are qemu-server's
 * (src/PVE/API2/Qemu.pm clone_vm, src/PVE/QemuMigrate.pm prepare) and the bpg provider's v0.111.1
 * (proxmoxtf/resource/vm/vm.go vmCreateClone).
 */
class ClonesRulesTest {

    @TempDir
    Path dir;

    private static BrokenSite site() {
        try {
            return BrokenSite.of(Files.readString(Path.of("sites/clones.yaml")));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theClonesSiteIsValid() {
        assertThat(site().diagnostics(dir)).isEmpty();
    }

    @Test
    void aTemplateIsOnANodeOfTheSite() {
        BrokenSite site = site().replace("    vm_id: 9000\n    node: pve1\n", "    vm_id: 9000\n    node: pve9\n");
        assertThat(site.diagnostics(dir)).containsExactly(site.error("node: pve9", "pve9",
                "template image 'debian-12' refers to unknown node 'pve9'", "did you mean 'pve1'?"));
    }

    @Test
    void aCloneRunsInItsTemplatesCluster() {
        BrokenSite site = site()
                .replace("          datastore: local-lvm\n\nvms:", "          datastore: local-lvm\n    away:\n      nodes:\n"
                        + "        pve3:\n          address: 192.168.7.4\n          datastore: local-lvm\n\nvms:")
                .replace("  web:\n    node: pve1\n", "  web:\n    node: pve3\n");
        assertThat(site.diagnostics(dir)).containsExactly(site.error("node: pve3", "pve3",
                "vm 'web' is cloned from template 'debian-12' (VM 9000 on node 'pve1', cluster 'home'), but runs on node"
                        + " 'pve3' of cluster 'away': PVE clones a VM within its own cluster only",
                "put 'web' on a node of cluster 'home', or give it a template of cluster 'away'"));
    }

    @Test
    void aLinkedCloneStaysOnItsTemplatesDatastore() {
        BrokenSite site = site().replace("    linked: true\n    address: { lan: 192.168.7.22 }\n",
                "    linked: true\n    datastore: ceph-vm\n    address: { lan: 192.168.7.22 }\n");
        assertThat(site.diagnostics(dir)).containsExactly(site.error("  cache:", "cache",
                "vm 'cache' is a linked clone of template 'debian-12', whose disks are on datastore 'local-lvm', but its"
                        + " disk scsi0 goes to 'ceph-vm': a linked clone stays on its template's datastore",
                "put the VM's disks on datastore 'local-lvm', or make 'cache' a full clone (linked: false)"));
    }

    @Test
    void aLinkedCloneOnAnotherNodeNeedsSharedStorage() {
        BrokenSite site = site().replace("  cache:\n    node: pve1\n", "  cache:\n    node: pve2 # moved\n");
        assertThat(site.diagnostics(dir)).containsExactly(site.error("node: pve2 # moved", "pve2",
                "vm 'cache' is a linked clone of template 'debian-12' on node 'pve1', but runs on node 'pve2', and the"
                        + " template's datastore 'local-lvm' is not shared: PVE can neither clone onto another node from"
                        + " local storage nor migrate a linked clone",
                "make it a full clone (linked: false), run it on node 'pve1', or, if the datastore is shared storage,"
                        + " say so on the image (shared: true)"));
    }

    @Test
    void aFullCloneOnAnotherNodeIsMadeThereAndMigrated() {
        // worker (pve2) is a full copy of pve1's template on local storage: accepted, the provider clones
        // on pve1 and migrates the copy with its disks (vm.go vmCreateClone).
        BrokenSite site = site().replace("  cache:\n    node: pve1\n    image: debian-12\n    linked: true\n",
                "  cache:\n    node: pve2\n    image: debian-12\n    linked: false\n");
        assertThat(site.diagnostics(dir)).isEmpty();
    }

    @Test
    void aContainerIsNotMadeFromATemplateVm() {
        BrokenSite site = site().append("\ncontainers:\n  dns:\n    node: pve1\n    template: debian-12\n"
                + "    address: { lan: 192.168.7.30 }\n");
        assertThat(site.diagnostics(dir)).containsExactly(site.error("template: debian-12", "debian-12",
                "container 'dns' is built from image 'debian-12', which is not a container template",
                "give image 'debian-12' kind: lxc, or name a container template"));
    }

    @Test
    void aTemplateNeedsItsVmIdAndNodeAndHasNoUrl() {
        BrokenSite site = site().replace("    vm_id: 9000\n    node: pve1\n",
                "    node: pve1\n    url: https://example.org/debian.qcow2\n");
        assertThat(site.diagnostics(dir)).extracting(d -> d.message()).containsExactlyInAnyOrder(
                "images.debian-12 is missing the required key 'vm_id'",
                "'url' is not allowed in images.debian-12");
    }

    @Test
    void aGuestDoesNotTakeATemplatesVmId() {
        BrokenSite site = site().replace("  web:\n    node: pve1\n", "  web:\n    node: pve1\n    vm_id: 9001\n");
        assertThat(site.diagnostics(dir)).containsExactly(site.error("vm_id: 9001\n    image", "9001",
                "VMID 9001 of vm 'web' is the template VM that image 'ubuntu-24' names", "choose another vm_id"));
    }

    @Test
    void twoTemplateImagesAreTwoTemplates() {
        BrokenSite site = site().replace("    vm_id: 9001\n", "    vm_id: 9000\n");
        assertThat(site.diagnostics(dir)).containsExactly(site.error("vm_id: 9000\n    node: pve1\n    datastore", "9000",
                "template image 'ubuntu-24' names VM 9000, which template image 'debian-12' names too",
                "give each template VM its own image, once"));
    }

    @Test
    void linkedIsOnlyForAClone() {
        BrokenSite site = site()
                .replace("images:\n", "images:\n  debian-cloud:\n    arch: amd64\n"
                        + "    url: https://cloud.debian.org/images/cloud/bookworm/20250901-2222/debian-12-genericcloud-amd64-20250901-2222.qcow2\n")
                .replace("    image: debian-12\n    linked: true\n", "    image: debian-cloud\n    linked: true\n");
        assertThat(site.diagnostics(dir)).containsExactly(site.error("    linked: true\n    address", "true",
                "vm 'cache' says linked, but it is built from image 'debian-cloud', which is not a template VM: only a"
                        + " clone of a template is linked or a full copy",
                "leave out linked, or give 'cache' an image of kind: template"));
    }
}
