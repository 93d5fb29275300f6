package dev.sitec.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitec.BrokenSite;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rules of adopted guests (sites/imported-pve8.yaml, as sitec import wrote it), each broken once. */
class AdoptionRulesTest {

    @TempDir
    Path dir;

    private static BrokenSite site() {
        return read("sites/imported-pve8.yaml");
    }

    private static BrokenSite read(String file) {
        try {
            return BrokenSite.of(dev.sitec.KeptSites.finished(java.nio.file.Files.readString(Path.of(file))));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void anAdoptedVmNeedsNoImageButABuiltOneDoes() {
        assertThat(site().errors(dir)).isEmpty();
        BrokenSite site = site().replace("    vm_id: 104\n    existing: true\n", "    vm_id: 104\n");
        assertThat(site.errors(dir)).containsExactly(site.error("  legacy:", "legacy", "vm 'legacy' has no image",
                "set 'image', or a 'profile' that has one (only a VM adopted with existing: true may have none)"));
    }

    @Test
    void twoDisksOnOneSlotAreRefused() {
        BrokenSite site = site().replace("{ size_gib: 1, interface: sata1 }", "{ size_gib: 1, interface: virtio0 }");
        assertThat(site.errors(dir)).containsExactly(site.error("{ size_gib: 1, interface: virtio0 }",
                "{ size_gib: 1, interface: virtio0 }", "disk 2 of vm 'legacy' is on virtio0, like its disk 1",
                "give each disk its own interface; a disk without one is on scsi and its place in the list"));
    }

    @Test
    void aDiskOnSitecsOwnDriveSlotIsRefused() {
        BrokenSite site = site().replace("{ size_gib: 1, interface: sata1 }", "{ size_gib: 1, interface: ide2 }");
        assertThat(site.errors(dir)).containsExactly(site.error("{ size_gib: 1, interface: ide2 }",
                "{ size_gib: 1, interface: ide2 }", "disk 2 of vm 'legacy' is on ide2, which sitec keeps for the cloud-init"
                        + " drive", "put it on another slot, e.g. sata0 or ide0"));
    }

    @Test
    void aUsbDeviceIsNeverAnExistingMapping() {
        BrokenSite site = read("sites/imported-pve9.yaml").replace("              port: \"2-1\"\n",
                "              port: \"2-1\"\n              existing: true\n");
        assertThat(site.errors(dir)).containsExactly(site.error("              existing: true", "existing",
                "'existing' is not allowed in proxmox.clusters.pve.nodes.pve.devices.coral",
                "existing: The cluster has a PCI mapping of this name already (made by hand, or in the UI): Terraform"
                        + " adopts it instead of creating it again, which PVE refuses (pci only; sitec import writes it). With an"
                        + " address Terraform manages it from then on; without one it is left as it is, and used by its name."));
    }
}
