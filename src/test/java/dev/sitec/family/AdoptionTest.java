package dev.sitec.family;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitec.BrokenSite;
import dev.sitec.SiteCompiler;
import dev.sitec.change.ChangePlan;
import dev.sitec.change.SiteComparison;
import dev.sitec.model.Site;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A guest that exists already (issue 17, item 2): an import block adopts it at its address, with the
 * provider's import id (node/vm_id: proxmoxtf/resource/vm/vm.go parseImportIDWithNodeName, the same for
 * containers), and plan calls it an import, not a create.
 */
class AdoptionTest {

    @TempDir
    Path dir;

    private static BrokenSite twoClusters() {
        try {
            return BrokenSite.of(java.nio.file.Files.readString(Path.of("sites/two-k3s-clusters.yaml")));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void anExistingCattleVmIsImportedAtItsAddress() {
        String main = twoClusters().generate(dir).get("terraform/clusters/shop/main.tf").text();
        assertThat(main).contains("import {\n  to = module.vm[\"prod-w-1\"].proxmox_virtual_environment_vm.cattle[0]\n"
                + "  id = \"pve/121\"\n}\n");
    }

    @Test
    void anExistingPetVmIsImportedAtItsProtectedAddress() {
        BrokenSite site = BrokenSite.realLabs().replace("  haos:\n    node: pve-b\n    lifecycle: pet\n",
                "  haos:\n    node: pve-b\n    lifecycle: pet\n    vm_id: 105\n    existing: true\n");
        String main = site.generate(dir).get("terraform/clusters/home/main.tf").text();
        assertThat(main).contains("import {\n  to = module.vm[\"haos\"].proxmox_virtual_environment_vm.pet[0]\n"
                + "  id = \"pve-b/105\"\n}\n");
    }

    @Test
    void anExistingCattleContainerIsImportedToo() {
        BrokenSite site = BrokenSite.realLabs().replace("    node: pve-b\n    template: debian-12-lxc",
                "    node: pve-b\n    vm_id: 210\n    existing: true\n    template: debian-12-lxc");
        String main = site.generate(dir).get("terraform/clusters/home/main.tf").text();
        assertThat(main).contains("import {\n  to = module.container[\"jellyfin\"].proxmox_virtual_environment_container.cattle[0]\n"
                + "  id = \"pve-b/210\"\n}\n");
    }

    /**
     * An adopted VM keeps what it has (issue 24 item 9, issue 26 item 11): its pool (pool_id null), its
     * notes as they are, its boot order (null: the provider reads it back), its CPU model, SCSI
     * controller, agent trim and disk formats as the site says, and a GPU it has by address by that
     * address (only root@pam may change it, qemu-server check_hostpci_perm), with its x-vga.
     */
    @Test
    void anAdoptedVmKeepsItsHardware() throws Exception {
        BrokenSite site = BrokenSite.of(dev.sitec.KeptSites.finished(
                java.nio.file.Files.readString(Path.of("sites/imported-pve9.yaml"))));
        var files = site.generate(dir);
        String main = files.get("terraform/clusters/pve/main.tf").text();
        String plex = main.substring(main.indexOf("    \"plex\" = {"));
        assertThat(plex).contains("description = \"\"", "cpu_type    = \"x86-64-v2-AES\"", "agent_trim  = false",
                "scsi        = \"virtio-scsi-single\"", "existing    = true",
                "{ interface = \"scsi1\", size_gib = 8, datastore = \"nas-nfs\", format = \"qcow2\",");
        String gpuBox = main.substring(main.indexOf("    \"gpu-box\" = {"));
        assertThat(gpuBox).contains("pci = [{ mapping = \"pci-01-00-0\", id = \"0000:01:00\", pcie = true, xvga = true }]");
        assertThat(main).contains("      path         = \"0000:01:00\"\n")
                .contains("  pool_id     = each.value.existing ? null : ");
        assertThat(files.get("terraform/modules/vm/main.tf").text())
                .contains("boot_order      = var.adopted ? null : ", "for_each = var.adopted && !var.agent ? [] : [1]");
    }

    @Test
    void existingNeedsTheGuestsVmId() {
        BrokenSite site = twoClusters().replace("vm_id: 121, existing: true,", "existing: true,");
        assertThat(site.errors(dir)).singleElement().satisfies(d ->
                assertThat(d.message()).isEqualTo("vms.prod-w-1 is missing the key 'vm_id', which 'existing' needs"));
    }

    @Test
    void planCallsAnAdoptedGuestAnImport() {
        BrokenSite without = twoClusters().replace("  prod-w-1: { node: pve, profile: k3s, vm_id: 121, existing: true, address: { lan:"
                + " 10.20.0.21 } }   # made before sitec: adopted\n", "").replace("    agents: [prod-w-1]\n", "");
        ChangePlan plan = SiteComparison.compare(model(without), model(twoClusters()));
        assertThat(plan.changes()).anySatisfy(c -> {
            assertThat(c.kind().label()).isEqualTo("import");
            assertThat(c.subject()).isEqualTo("vm prod-w-1");
            assertThat(c.detail()).isEqualTo("imported as pve/121");
        });
    }

    private static Site model(BrokenSite site) {
        return new SiteCompiler().validateText(site.text(), "site.yaml").site().orElseThrow();
    }
}
