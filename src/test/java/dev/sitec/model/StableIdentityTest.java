package dev.sitec.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitec.BrokenSite;
import dev.sitec.Compilation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A VM's VMID and MACs depend on its own name only: adding, removing or renaming other VMs never
 * changes them (a changed VMID would make Terraform destroy the VM).
 */
class StableIdentityTest {

    @TempDir
    Path dir;

    private Map<String, String> identities(BrokenSite site) throws Exception {
        Path sub = Files.createTempDirectory(dir, "s");
        Compilation result = site.validate(sub);
        assertThat(result.diagnostics()).isEmpty();
        Map<String, String> ids = new TreeMap<>();
        result.site().orElseThrow().vms().values().forEach(vm -> ids.put(vm.name(), vm.vmId() + " " + vm.nics()));
        return ids;
    }

    @Test
    void otherVmsComingAndGoingChangeNoIdentity() throws Exception {
        Map<String, String> before = identities(BrokenSite.reference());
        Map<String, String> added = identities(BrokenSite.reference().replace("\nprofiles:",
                "  extra: { node: pve1, profile: k3s-agent, address: { servers: 10.10.20.99 } }\n\nprofiles:"));
        Map<String, String> removed = identities(BrokenSite.reference()
                .replace("  k3s-w-1:  { node: pve1, profile: k3s-agent,  address: { servers: 10.10.20.31, storage: 10.10.30.31 } }\n", "")
                .replace("agents: [k3s-w-1, ", "agents: ["));
        Map<String, String> renamed = identities(BrokenSite.reference()
                .replace("  k3s-w-1:  { node", "  k3s-w-one:  { node")
                .replace("agents: [k3s-w-1, ", "agents: [k3s-w-one, "));
        for (Map<String, String> after : java.util.List.of(added, removed, renamed)) {
            before.forEach((vm, identity) -> {
                if (after.containsKey(vm)) {
                    assertThat(after.get(vm)).as(vm).isEqualTo(identity);
                }
            });
        }
        assertThat(added).hasSize(before.size() + 1);
        assertThat(removed).hasSize(before.size() - 1);
    }

    @Test
    void derivedIdentitiesAreFixedForAGivenName() {
        // Pinned: if these change, every existing VM built by sitec would be replaced.
        assertThat(VmIds.derive("k3s-cp-1")).isBetween(VmIds.FIRST, VmIds.FIRST + VmIds.COUNT - 1);
        assertThat(VmIds.derive("k3s-cp-1")).isEqualTo(VmIds.derive("k3s-cp-1"));
        assertThat(MacAddress.derive("k3s-cp-1/servers").value()).matches("[0-9a-f][26ae](:[0-9a-f]{2}){5}");
        assertThat(MacAddress.derive("k3s-cp-1/servers")).isNotEqualTo(MacAddress.derive("k3s-cp-1/storage"));
    }

    @Test
    void explicitIdentitiesWin() throws Exception {
        BrokenSite site = BrokenSite.reference().replace("k3s-cp-1: { node: pve1,",
                "k3s-cp-1: { vm_id: 101, macs: { servers: \"BC:24:11:00:00:01\" }, node: pve1,");
        Compilation result = site.validate(dir);
        Vm vm = result.site().orElseThrow().vms().get("k3s-cp-1");
        assertThat(vm.vmId()).isEqualTo(101);
        assertThat(vm.nics().get(0).guestMac().value()).isEqualTo("bc:24:11:00:00:01");
    }
}
