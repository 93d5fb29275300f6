package dev.sitec.family.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitec.BrokenSite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The clone block each VM of sites/clones.yaml gets (bpg/proxmox v0.111.1 proxmoxtf/resource/vm/vm.go
 * vmCreateClone): a full copy names its datastore; a linked clone none, as PVE refuses a target storage
 * for one (qemu-server src/PVE/API2/Qemu.pm clone_vm: "parameter 'storage' not allowed for linked
 * clones"); nothing is downloaded for a template; a UEFI template's clones boot OVMF.
 */
class ClonesTerraformTest {

    @TempDir
    Path dir;

    private static BrokenSite site() throws IOException {
        return BrokenSite.of(Files.readString(Path.of("sites/clones.yaml")));
    }

    private String root(BrokenSite site) {
        return site.generate(dir).get("terraform/clusters/home/main.tf").text();
    }

    @Test
    void eachVmGetsItsCloneBlockAndNothingIsDownloaded() throws IOException {
        String root = root(site());
        assertThat(root).contains(
                "clone       = { vm_id = 9000, node = \"pve1\", full = false, datastore = null }",
                "clone       = { vm_id = 9001, node = \"pve1\", full = false, datastore = null }",
                "clone       = { vm_id = 9000, node = \"pve1\", full = true, datastore = \"local-lvm\" }");
        assertThat(root).contains("  downloads = {\n  }");
        assertThat(root).doesNotContain("image = \"");
    }

    @Test
    void aUefiTemplatesClonesBootOvmf() throws IOException {
        String root = root(site().replace("    vm_id: 9000\n    node: pve1\n", "    vm_id: 9000\n    node: pve1\n    firmware: uefi\n"));
        String web = root.substring(root.indexOf("    \"web\" = {"));
        assertThat(web.substring(0, web.indexOf("disks = ["))).contains("bios        = \"ovmf\"");
        String runner = root.substring(root.indexOf("    \"runner\" = {"));
        assertThat(runner.substring(0, runner.indexOf("disks = ["))).contains("bios        = \"seabios\"");
    }
}
