package dev.sitec.change;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitec.BrokenSite;
import dev.sitec.model.Site;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * What plan says of an edit, word for word, where the class alone was wrong or the advice could not
 * be followed: each found by scripts/apply-edits (its row named in each test), which applies the same
 * edit to the site of src/test/resources/harness/edits with the real provider and fakepve.
 */
class ChangeCausesTest {

    private static final Path EDITS_SITE = Path.of("src/test/resources/harness/edits/site.yaml");
    private static final String WEB = "module.vm[\"web\"].proxmox_virtual_environment_vm.cattle[0]";

    /** apply-edits "disk move": the provider shut the VM down, moved the disk (qmmove), started it. */
    @Test
    void aDiskMovedToAnotherDatastoreRestartsTheVm() {
        List<Change> changes = edit(s -> s.replace("disks: [{ size_gib: 8 }], address: { lan: 192.168.1.22 }",
                "disks: [{ size_gib: 8, datastore: bulk-thin }], address: { lan: 192.168.1.22 }"));
        assertThat(changes).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(ChangeKind.REBOOT);
            assertThat(c.line()).isEqualTo("vm cache: disk scsi0 datastore fast-zfs -> bulk-thin; the provider shuts the"
                    + " VM down to move the disk, then starts it again (bpg/proxmox resource/vm/vm.go:"
                    + " vmPlanDiskLocationAndSizeChanges sets shutdownForDisksRequired, \"Cannot be done while VM is"
                    + " running\", and vmUpdate powers the VM off before move_disk); the original is deleted");
        });
    }

    /** apply-edits "image (cattle)": the hint names its root, and followed, it replaces the VM. */
    @Test
    void aCattleImageChangeSuggestsTheReplaceInItsRoot() {
        List<Change> changes = edit(s -> s.replace("web: { node: pve1, image: debian-13,", "web: { node: pve1, image: debian-12,"));
        assertThat(changes).singleElement().satisfies(c -> assertThat(c.line()).isEqualTo("vm web: image debian-13 ->"
                + " debian-12; the running VM keeps its disk: import_from is read only when a disk is created (bpg/proxmox"
                + " resource/vm/disk/schema.go); rebuild it: terraform -chdir=generated/terraform/clusters/home apply"
                + " -replace='" + WEB + "'"));
    }

    /** apply-edits "image (pet)": the -replace plan suggested was refused by prevent_destroy. */
    @Test
    void aPetImageChangeSuggestsNoReplace() {
        List<Change> changes = edit(s -> s.replace("    lifecycle: pet\n    image: debian-13\n",
                "    lifecycle: pet\n    image: debian-12\n"));
        assertThat(changes).singleElement().satisfies(c -> assertThat(c.line()).isEqualTo("vm db: image debian-13 ->"
                + " debian-12; the running VM keeps its disk: import_from is read only when a disk is created (bpg/proxmox"
                + " resource/vm/disk/schema.go); a pet is not rebuilt (its prevent_destroy refuses terraform apply"
                + " -replace): upgrade its system in the guest"));
    }

    /** The edits site has no backup server: a new pet is protected, and plan does not say it is backed up. */
    @Test
    void aPetIsSaidToBeBackedUpOnlyWhereABackupServerServesItsCluster() {
        List<Change> changes = edit(s -> s.replace("web: { node: pve1,", "web: { lifecycle: pet, node: pve1,"));
        assertThat(changes).singleElement().satisfies(c -> assertThat(c.line()).isEqualTo("vm web: lifecycle cattle ->"
                + " pet; a moved block puts it under the protected resource; it is protected, not backed up: no backup"
                + " server backs up cluster home"));
        BrokenSite reference = BrokenSite.reference();
        assertThat(SiteComparison.compare(ChangeClassificationTest.site(reference), ChangeClassificationTest.site(
                reference.replace("k3s-w-1:  { node: pve1,", "k3s-w-1:  { lifecycle: pet, node: pve1,"))).changes())
                .singleElement().satisfies(c -> assertThat(c.line()).isEqualTo("vm k3s-w-1: lifecycle cattle -> pet;"
                        + " a moved block puts it under the protected resource; it is protected and backed up"));
    }

    private static List<Change> edit(UnaryOperator<BrokenSite> edit) {
        BrokenSite before = editsSite();
        BrokenSite after = edit.apply(before);
        assertThat(after.text()).isNotEqualTo(before.text());
        return SiteComparison.compare(ChangeClassificationTest.site(before), ChangeClassificationTest.site(after)).changes();
    }

    private static BrokenSite editsSite() {
        try {
            return BrokenSite.of(Files.readString(EDITS_SITE));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
