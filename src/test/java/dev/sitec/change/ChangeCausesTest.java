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
    private static final String FIRST_BOOT = "its network-config, which cloud-init applies when the instance first"
            + " boots only (cloud-init doc/rtd/topics/events.rst: NoCloud's default update event is boot-new-instance;"
            + " sitec's instance-id stays, and the module ignores initialization), matches each NIC by MAC";

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

    /** apply-edits "NIC add": hotplugged, but the guest's first-boot network-config has no entry for its MAC. */
    @Test
    void aNicAddedToACloudInitVmIsLeftUnconfiguredByTheGuest() {
        List<Change> changes = edit(s -> s.replace("address: { lan: 192.168.1.21 } }",
                "address: { lan: 192.168.1.21, iot: 192.168.40.21 } }"));
        assertThat(changes).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(ChangeKind.IN_PLACE);
            assertThat(c.line()).isEqualTo("vm web: nic net1 on iot added; hotplugged (bpg/proxmox resource/vm/vm.go,"
                    + " vmUpdate), but the guest leaves it unconfigured: " + FIRST_BOOT + ", and this one is new;"
                    + " rebuild it: terraform -chdir=generated/terraform/clusters/home apply -replace='" + WEB + "'");
        });
    }

    /** apply-edits "MAC change", on a pet: no -replace (prevent_destroy refuses it), the fix is in the guest. */
    @Test
    void aPetCloudInitVmWithANewMacLosesThatNicsConfiguration() {
        List<Change> changes = edit(s -> s.replace("    address: { lan: 192.168.1.30 }\n",
                "    address: { lan: 192.168.1.30 }\n    macs: { lan: \"BC:24:11:0A:00:30\" }\n"));
        assertThat(changes).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(ChangeKind.IN_PLACE);
            assertThat(c.line()).matches("vm db: nic net0 lan [0-9a-f:]{17} -> lan bc:24:11:0a:00:30; .*")
                    .endsWith("; hotplugged with the new MAC (bpg/proxmox resource/vm/vm.go, vmUpdate), and the guest"
                            + " loses this NIC's configuration: " + FIRST_BOOT + ", and knows the old one; a pet is not"
                            + " rebuilt (its prevent_destroy refuses terraform apply -replace): configure the NIC in the"
                            + " guest (netplan, matching MAC bc:24:11:0a:00:30)");
        });
    }

    private static final String ROLE = "Ansible's proxmox_node role ";
    private static final String AS_ROOT = " as root with pct set (pve-container check_ct_modify_config_perm refuses an API"
            + " token); " + ContainerChanges.PENDING;

    /**
     * apply-edits "feature removed": the role keeps every feature in step with the site, nesting too
     * (family/ansible GuestSettings; tasks/guest_settings.yml sets the list), and a feature change is
     * never hotplugged (pve-container vmconfig_hotplug_pending): a restart.
     */
    @Test
    void aContainerFeatureRemovedIsSetByAnsible() {
        List<Change> changes = edit(s -> s.replace("features: [nesting, keyctl]", "features: [nesting]"));
        assertThat(changes).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(ChangeKind.REBOOT);
            assertThat(c.line()).isEqualTo("container proxy: features [nesting, keyctl] -> [nesting]; " + ROLE
                    + "sets features=nesting=1" + AS_ROOT);
        });
    }

    /** apply-edits "feature added": the role sets the whole list, which drops a feature too. */
    @Test
    void aContainerFeatureSwappedIsSetByAnsible() {
        List<Change> changes = edit(s -> s.replace("features: [nesting, keyctl]", "features: [nesting, fuse]"));
        assertThat(changes).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(ChangeKind.REBOOT);
            assertThat(c.line()).isEqualTo("container proxy: features [nesting, keyctl] -> [nesting, fuse]; " + ROLE
                    + "sets features=fuse=1,nesting=1" + AS_ROOT);
        });
    }

    /**
     * apply-edits "bind mount removed": the role deletes the mp it set (tasks/guest_settings.yml, pct set
     * --delete, from its record of what it set), applied at the next start (vmconfig_hotplug_pending).
     */
    @Test
    void aBindMountRemovedIsDeletedByAnsible() {
        List<Change> changes = edit(s -> s.replace("      - { host_path: /srv/certs, path: /certs }\n", ""));
        assertThat(changes).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(ChangeKind.REBOOT);
            assertThat(c.line()).isEqualTo("container proxy: bind mounts [/certs from /srv/certs] -> []; " + ROLE
                    + "deletes mp1 (pct set 520419126 --delete mp1, only what it set itself)" + AS_ROOT);
        });
    }

    /** apply-edits "device removed": the role deletes the dev it set, at the next start. */
    @Test
    void aDeviceRemovedIsDeletedByAnsible() {
        List<Change> changes = edit(s -> s.replace("    devices: [/dev/net/tun]\n", ""));
        assertThat(changes).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(ChangeKind.REBOOT);
            assertThat(c.line()).isEqualTo("container proxy: devices [/dev/net/tun] -> []; " + ROLE
                    + "deletes dev0 (pct set 520419126 --delete dev0, only what it set itself)" + AS_ROOT);
        });
    }

    /** USB devices are Ansible's too (Terraform ignores usb): the role deletes one it attached, and PVE unplugs it. */
    @Test
    void aUsbDeviceRemovedFromAVmIsDetachedByAnsible() {
        BrokenSite before = BrokenSite.reference();
        Site old = ChangeClassificationTest.site(before);
        List<Change> changes = SiteComparison.compare(old, ChangeClassificationTest.site(before.replace(
                "    passthrough: [coral0]\n", ""))).changes().stream()
                .filter(c -> c.subject().equals("vm k3s-w-tpu")).toList();
        int vmId = old.vms().get("k3s-w-tpu").vmId();
        assertThat(changes).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(ChangeKind.IN_PLACE);
            assertThat(c.line()).isEqualTo("vm k3s-w-tpu: passthrough (usb) [coral0] -> []; the role deletes usb0 as root"
                    + " (qm set " + vmId + " --delete usb0, only what it set itself), and PVE unplugs USB from the running VM");
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

    /** apply-edits "K3s servers memory": the three servers shut down and started in one apply. */
    @Test
    void restartingEveryK3sServerAtOnceIsWarnedOfWithTheWayToRollIt() {
        List<Change> changes = edit(s -> s.replace("    cores: 2\n    memory_mib: 4096\n    disks: [{ size_gib: 20 }]\n",
                "    cores: 2\n    memory_mib: 6144\n    disks: [{ size_gib: 20 }]\n"));
        assertThat(changes).extracting(ChangeClassificationTest::summary).containsExactly(
                "cluster k3s edits: servers k3s-1, k3s-2, k3s-3 restart in one apply [warning]",
                "reboot vm k3s-1: memory_mib 4096 -> 6144", "reboot vm k3s-2: memory_mib 4096 -> 6144",
                "reboot vm k3s-3: memory_mib 4096 -> 6144");
        Change warning = changes.get(0);
        assertThat(warning.line()).isEqualTo("k3s edits: servers k3s-1, k3s-2, k3s-3 restart in one apply; Terraform"
                + " updates the VMs in parallel and the provider restarts each one it updates (bpg/proxmox"
                + " resource/vm/vm.go, vmUpdate, reboot_after_update): 0 of 3 etcd members stay up, and etcd's quorum is 2");
        assertThat(warning.concern().orElseThrow().message()).isEqualTo("restarting 3 of 3 K3s servers in one apply"
                + " loses etcd's quorum: the cluster's API is down until a majority is back");
        assertThat(warning.concern().orElseThrow().hint()).isEqualTo("roll it, one server per apply, each once the one"
                + " before is Ready again (kubectl get nodes): terraform -chdir=generated/terraform/clusters/home apply"
                + " -target='module.vm[\"k3s-1\"]', then terraform -chdir=generated/terraform/clusters/home apply"
                + " -target='module.vm[\"k3s-2\"]', then terraform -chdir=generated/terraform/clusters/home apply"
                + " -target='module.vm[\"k3s-3\"]'; then apply the rest");
    }

    /** One server restarting keeps a majority of three: nothing to warn of. */
    @Test
    void restartingOneK3sServerOfThreeIsNotWarnedOf() {
        List<Change> changes = edit(s -> s.replace("k3s-1: { node: pve1, profile: k3s-server,",
                "k3s-1: { node: pve1, profile: k3s-server, cores: 4,"));
        assertThat(changes).extracting(ChangeClassificationTest::summary).containsExactly("reboot vm k3s-1: cores 2 -> 4");
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

    /** Issue 25, item 7: the warning names the exact move, from the old state file to the new one. */
    @Test
    void aRenamedClusterSaysHowToMoveItsState() {
        BrokenSite before = BrokenSite.reference();
        BrokenSite after = before.replace("  clusters:\n    pve:\n", "  clusters:\n    home:\n")
                .replace("remotes: [pve, pbs1]", "remotes: [home, pbs1]");
        Change rename = SiteComparison.compare(ChangeClassificationTest.site(before), ChangeClassificationTest.site(after))
                .changes().stream().filter(c -> c.subject().equals("cluster pve")).findFirst().orElseThrow();
        assertThat(rename.concern().orElseThrow().hint()).isEqualTo("move it first: mv"
                + " ${XDG_STATE_HOME:-$HOME/.local/state}/sitec/homelab/pve.tfstate ${XDG_STATE_HOME:-$HOME/.local/state}/sitec/homelab/home.tfstate");
        assertThat(rename.line()).contains("its Terraform root becomes terraform/clusters/home");
    }

    /**
     * Issue 25, item 9: a pet's disk made smaller was refused with allow_replace as the way out, which
     * cannot work (the provider and PVE only grow disks). Refused, with the path that keeps its data.
     */
    @Test
    void aPetsDiskCannotShrinkAndTheMessageSaysWhatCan() {
        BrokenSite before = BrokenSite.reference();
        Change shrink = SiteComparison.compare(ChangeClassificationTest.site(before), ChangeClassificationTest.site(
                before.replace("disks: [{ size_gib: 40 }]\n    address: { mgmt: 10.10.10.5 }",
                        "disks: [{ size_gib: 20 }]\n    address: { mgmt: 10.10.10.5 }"))).changes().get(0);
        assertThat(shrink.concern().orElseThrow().message()).isEqualTo("pet vm pdm's disk cannot be made smaller: not in"
                + " place, and a rebuild would lose its data");
        assertThat(shrink.concern().orElseThrow().hint()).isEqualTo("keep its size; to use less space, add a new disk of the"
                + " size you want (another entry in disks), copy the data over in the guest, then remove the old disk")
                .doesNotContain("allow_replace");
    }
}
