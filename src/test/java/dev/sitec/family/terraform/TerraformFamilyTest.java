package dev.sitec.family.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitec.BrokenSite;
import dev.sitec.model.Image;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TerraformFamilyTest {

    @TempDir
    Path dir;

    private static final String MAIN = "terraform/clusters/pve/main.tf";
    private static final String K3S_W_1 = "  k3s-w-1:  { node: pve1, profile: k3s-agent,  address: { servers: 10.10.20.31, storage: 10.10.30.31 } }\n";

    private String main(BrokenSite site) throws Exception {
        return site.generate(Files.createTempDirectory(dir, "s")).get(MAIN).text();
    }

    /** The block of one VM in local.vms. */
    private static String vmBlock(String main, String vm) {
        Matcher m = Pattern.compile("\n    \"" + Pattern.quote(vm) + "\" = \\{\n(.*?)\n    }\n", Pattern.DOTALL).matcher(main);
        assertThat(m.find()).as("block of %s", vm).isTrue();
        return m.group(1);
    }

    private static List<String> changedLines(String before, String after) {
        List<String> a = List.of(before.split("\n"));
        List<String> b = List.of(after.split("\n"));
        List<String> changed = new ArrayList<>(b);
        changed.removeAll(a);
        List<String> removed = new ArrayList<>(a);
        removed.removeAll(b);
        changed.addAll(removed);
        return changed;
    }

    @Test
    void addingOrRemovingAVmChangesOnlyThatVmsLines() throws Exception {
        String before = main(BrokenSite.reference());
        String added = main(BrokenSite.reference().replace("\nprofiles:",
                "  k3s-w-9: { node: pve2, profile: k3s-agent, address: { servers: 10.10.20.39 } }\n\nprofiles:")
                .replace("agents: [k3s-w-1, ", "agents: [k3s-w-9, k3s-w-1, "));
        String addedBlock = vmBlock(added, "k3s-w-9");
        for (String line : changedLines(before, added)) {
            assertThat(addedBlock + "\n    \"k3s-w-9\" = {\n    }").as("changed line").contains(line);
        }
        String removed = main(BrokenSite.reference().replace(K3S_W_1, "").replace("agents: [k3s-w-1, ", "agents: ["));
        String removedBlock = vmBlock(before, "k3s-w-1");
        for (String line : changedLines(before, removed)) {
            assertThat(removedBlock + "\n    \"k3s-w-1\" = {\n    }").as("changed line").contains(line);
        }
        for (String vm : List.of("k3s-cp-1", "k3s-w-gpu", "truenas", "pdm")) {
            assertThat(vmBlock(added, vm)).isEqualTo(vmBlock(before, vm));
            assertThat(vmBlock(removed, vm)).isEqualTo(vmBlock(before, vm));
        }
    }

    @Test
    void petsAreProtectedAndNeverDestroyed() throws Exception {
        var files = BrokenSite.reference().generate(dir);
        String main = files.get(MAIN).text();
        assertThat(vmBlock(main, "truenas")).contains("pet         = true");
        assertThat(vmBlock(main, "k3s-cp-1")).contains("pet         = false");
        assertThat(main).contains("moved {\n  from = module.vm[\"truenas\"].proxmox_virtual_environment_vm.cattle[0]\n"
                + "  to   = module.vm[\"truenas\"].proxmox_virtual_environment_vm.pet[0]\n}");
        assertThat(main).doesNotContain("module.vm[\"k3s-cp-1\"].proxmox_virtual_environment_vm.cattle[0]");
        String module = files.get("terraform/modules/vm/main.tf").text();
        String pet = module.substring(module.indexOf("resource \"proxmox_virtual_environment_vm\" \"pet\""));
        assertThat(pet).contains("count = var.pet ? 1 : 0").contains("protection  = var.pet")
                .contains("lifecycle {\n    prevent_destroy = true\n");
        String cattle = module.substring(module.indexOf("resource \"proxmox_virtual_environment_vm\" \"cattle\""),
                module.indexOf("resource \"proxmox_virtual_environment_vm\" \"pet\""));
        assertThat(cattle).contains("count = var.pet ? 0 : 1").doesNotContain("prevent_destroy");
    }

    @Test
    void passthroughIsWiredThroughClusterMappings() throws Exception {
        String main = main(BrokenSite.reference());
        assertThat(main).contains("    \"gpu0\" = {\n      comment      = \"gpu0 on pve2\"\n      node         = \"pve2\"\n"
                + "      id           = \"10de:2704\"\n      path         = \"0000:0a:00\"\n"); // all functions: no function number
        assertThat(main).contains("      path         = \"0000:03:00.0\"\n"); // hba0: one function
        // No USB mapping: a mapping's id is checked at every VM start (pve-guest-common Mapping/USB.pm
        // assert_valid), and a Coral changes id once its firmware loads. Ansible attaches USB by port.
        assertThat(main).doesNotContain("proxmox_hardware_mapping_usb").doesNotContain("coral0");
        String gpu = vmBlock(main, "k3s-w-gpu");
        assertThat(gpu).contains("cpu_type    = \"host\"", "bios        = \"ovmf\"", "machine     = \"q35\"",
                "pci = [{ mapping = \"gpu0\", id = null, pcie = true, xvga = false }]");
        String tpu = vmBlock(main, "k3s-w-tpu");
        assertThat(tpu).contains("cpu_type    = \"x86-64-v2-AES\"", "machine     = null").doesNotContain("usb");
    }

    @Test
    void disksGoOnTheDatastoreOfTheirNodesFilesystem() throws Exception {
        String main = main(BrokenSite.reference());
        assertThat(vmBlock(main, "k3s-cp-1")).contains("datastore   = \"local-zfs\""); // pve1: zfs
        assertThat(vmBlock(main, "k3s-cp-3")).contains("datastore   = \"local-lvm\""); // pve3: ext4
        String btrfs = main(BrokenSite.reference().replace("boot_disks: { filesystem: ext4, disks: [sda] }\n          devices:",
                "boot_disks: { filesystem: btrfs, raid: raid0, disks: [sda] }\n          devices:"));
        assertThat(vmBlock(btrfs, "k3s-cp-3")).contains("datastore   = \"local-btrfs\"");
    }

    @Test
    void cloudImagesAreImportedAndIsosAttached() throws Exception {
        String main = main(BrokenSite.reference());
        assertThat(vmBlock(main, "k3s-cp-1")).contains("{ interface = \"scsi0\", size_gib = 40, datastore = \"local-zfs\", format = \"raw\", image = \"pve1/debian-13-amd64\", file = null }");
        assertThat(vmBlock(main, "k3s-w-1")).contains("{ interface = \"scsi1\", size_gib = 200, datastore = \"local-zfs\", format = \"raw\", image = null, file = null }");
        assertThat(vmBlock(main, "truenas")).contains("iso         = \"pve1/truenas-scale\"", "cloud_init  = false");
        assertThat(vmBlock(main, "pdm")).contains("iso         = \"pve3/pdm-auto\"");
        assertThat(main).contains("content_type       = \"import\"", "checksum_algorithm = \"sha512\"");
        Image img = new Image("u", null, Image.Kind.CLOUD_IMAGE, null, "https://x/noble-server-cloudimg-amd64.img", Optional.empty(), false, Optional.empty());
        assertThat(TerraformFamily.importFileName(img)).isEqualTo("noble-server-cloudimg-amd64.qcow2");
    }

    @Test
    void secretsAreVariablesWithoutValues() throws Exception {
        var files = BrokenSite.reference().generate(dir);
        String variables = files.get("terraform/clusters/pve/variables.tf").text();
        assertThat(variables).contains("variable \"pbs_password\" {\n  description = ")
                .contains("  type        = string\n  sensitive   = true\n}");
        assertThat(variables.substring(variables.indexOf("variable \"pbs_password\""))
                .substring(0, 300)).doesNotContain("default");
        assertThat(files.get("terraform/clusters/pve/providers.tf").text()).doesNotContain("api_token")
                .contains("agent    = true");
        files.values().forEach(f -> assertThat(f.text()).as(f.path()).doesNotContainPattern("password\\s*=\\s*\"[^$\"]"));
    }

    @Test
    void backupsCoverPetsAndTheProtectList() throws Exception {
        var site = BrokenSite.reference().validate(dir).site().orElseThrow();
        String main = main(BrokenSite.reference());
        List<String> ids = new ArrayList<>();
        for (String vm : List.of("truenas", "pdm", "k3s-cp-1")) {
            ids.add("\"" + site.vms().get(vm).vmId() + "\"");
        }
        ids.sort(null);
        assertThat(main).contains("vm_ids      = [" + String.join(", ", ids) + "]")
                .contains("schedule    = \"02:00\"")
                .contains("prune = { \"keep-last\" = \"3\", \"keep-daily\" = \"7\", \"keep-weekly\" = \"4\", \"keep-monthly\" = \"6\" }");
        assertThat(TerraformFamily.calendarEvent("daily 02:00")).isEqualTo("02:00");
        assertThat(TerraformFamily.calendarEvent("sun 03:30")).isEqualTo("sun 03:30");
    }

    @Test
    void stateBackendsComeFromTheSite() throws Exception {
        String pg = BrokenSite.reference().replace("\nproxmox:\n", "\nterraform:\n  backend:\n    pg: {}\n\nproxmox:\n")
                .generate(Files.createTempDirectory(dir, "pg")).get("terraform/clusters/pve/versions.tf").text();
        assertThat(pg).contains("backend \"pg\" {\n    schema_name = \"sitec_pve\"\n  }");
        String local = BrokenSite.reference().generate(Files.createTempDirectory(dir, "l")).get("terraform/clusters/pve/versions.tf").text();
        // Local state lives outside the generated folder: init is given its path (the runbook's init stage).
        assertThat(local).contains("  backend \"local\" {}\n").doesNotContain("backend \"pg\"", "backend \"s3\"")
                .contains("version = \"~> 0.111.1\"");
    }

    /**
     * qemu-server refuses to start a guest whose NIC MTU is above its bridge's, and pve-network's
     * VlanPlugin sets a vnet bridge's MTU only from its zone's mtu: the zone carries the largest MTU.
     */
    @Test
    void theSdnZoneCarriesTheLargestNetworkMtu() throws Exception {
        var files = BrokenSite.reference().generate(dir);
        assertThat(files.get(MAIN).text()).contains("module \"sdn\" {\n  source = \"../../modules/sdn\"\n\n  zone   = \"sitec\"\n"
                + "  bridge = \"vmbr0\"\n  mtu    = 9000\n");
        assertThat(files.get("terraform/modules/sdn/main.tf").text()).contains("  mtu    = var.mtu\n");
        String plain = main(BrokenSite.reference().replace("    cidr: 10.10.30.0/24\n    mtu: 9000\n", "    cidr: 10.10.30.0/24\n"));
        assertThat(plain).contains("  mtu    = 1500\n");
    }

    /**
     * proxmox_sdn_applier applies only when it is created (the provider's
     * fwprovider/cluster/sdn/applier/resource.go, "intended to be used with replace_triggered_by"):
     * it is replaced on any zone or vnet change, and VMs reach the vnets only through an output that
     * waits for it.
     */
    @Test
    void sdnChangesAreAppliedBeforeAnyVmUsesThem() throws Exception {
        var files = BrokenSite.reference().generate(dir);
        assertThat(files.get("terraform/modules/sdn/main.tf").text()).contains("resource \"proxmox_sdn_applier\" \"this\" {\n"
                + "  depends_on = [proxmox_sdn_zone_vlan.this, proxmox_sdn_vnet.this]\n\n  lifecycle {\n"
                + "    replace_triggered_by = [proxmox_sdn_zone_vlan.this, proxmox_sdn_vnet.this]\n  }\n}");
        assertThat(files.get("terraform/modules/sdn/outputs.tf").text()).contains("depends_on  = [proxmox_sdn_applier.this]");
        assertThat(files.get(MAIN).text()).contains("bridge = nic.vnet == null ? nic.bridge : module.sdn.vnets[nic.vnet]");
    }

    /**
     * A snippet's data and a VM's initialization *_file_id are ForceNew in the provider
     * (proxmoxtf/resource/file.go, proxmoxtf/resource/vm/vm.go): an edited user-data must not replace
     * the VMs, so both resources of the vm module ignore their initialization (and USB, which Ansible
     * attaches), and an edit of the admin's SSH key changes no line of a cluster root.
     */
    @Test
    void editingUserDataNeverReplacesAVm() throws Exception {
        var files = BrokenSite.reference().generate(dir);
        String module = files.get("terraform/modules/vm/main.tf").text();
        // Both resources ignore it (the pet its clone block too).
        assertThat(module.split("ignore_changes = \\[initialization, usb, machine, started, scsi_hardware[],]", -1)).hasSize(3);
        BrokenSite otherKey = BrokenSite.reference().replace("DoNotUse0001 ops@workstation", "DoNotUse0002 ops@laptop");
        var edited = otherKey.generate(Files.createTempDirectory(dir, "k"));
        assertThat(edited.get(MAIN).text()).isEqualTo(files.get(MAIN).text());
        assertThat(edited.get("cloud-init/vms/k3s-cp-1/user-data").text()).isNotEqualTo(files.get("cloud-init/vms/k3s-cp-1/user-data").text());
    }

    /** The provider's default upload_timeout (600 s) bounds the whole download (resource_download_file.go). */
    @Test
    void downloadsHaveTimeForALargeImageOnAHomeLink() throws Exception {
        String main = main(BrokenSite.reference());
        assertThat(main).contains("  upload_timeout = 3600\n").contains("  timeout_upload = 3600\n");
    }

    /**
     * PVE decompresses gz, lzo, zst and bz2 ISO downloads (pve-storage API2/Storage/Status.pm): a
     * compressed ISO gets the provider's decompression_algorithm and is stored without the suffix.
     */
    @Test
    void aCompressedIsoIsDecompressedIntoItsPlainName() throws Exception {
        String main = main(BrokenSite.reference().replace("TrueNAS-SCALE-25.04.2.iso\n", "TrueNAS-SCALE-25.04.2.iso.zst\n"));
        assertThat(main).contains("      url                = \"https://download.truenas.com/TrueNAS-SCALE-Fangtooth/25.04.2/TrueNAS-SCALE-25.04.2.iso.zst\"\n"
                + "      file_name          = \"TrueNAS-SCALE-25.04.2.iso\"\n");
        assertThat(main).contains("      decompression      = \"zst\"\n");
        assertThat(main).contains("  decompression_algorithm = each.value.decompression\n");
    }

    /**
     * PVE 9 marks vzdump's mailto and mailnotification deprecated, and without mailto sends job
     * results through the notification system (pve-guest-common src/PVE/VZDump/Common.pm).
     */
    @Test
    void theBackupJobUsesPve9sNotificationSystem() throws Exception {
        var files = BrokenSite.reference().generate(dir);
        String job = files.get("terraform/modules/backup/main.tf").text();
        assertThat(job).contains("resource \"proxmox_backup_job\"");
        assertThat(job.replaceAll("(?m)^\\s*#.*$", "")).doesNotContain("mailto").doesNotContain("mailnotification");
        assertThat(files.get(MAIN).text()).doesNotContain("mailto");
    }
}
