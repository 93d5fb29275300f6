package dev.sitec.family.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitec.BrokenSite;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RUNBOOK.md: this site's steps, in order, with its own commands, and only the ones it needs. */
class RunbookTest {

    @TempDir
    Path dir;

    private String runbook(BrokenSite site) {
        return site.generate(dir).get("RUNBOOK.md").text();
    }

    @Test
    void theReferenceLabsFirstInstallIsInOrderWithItsOwnCommands() {
        String runbook = runbook(BrokenSite.reference());
        assertThat(runbook).containsSubsequence("### 1. Install the hosts from their ISOs",
                "installer/pve1/prepare-iso.sh isos    # Proxmox VE, writes isos/pve1-auto.iso",
                "installer/pbs1/prepare-iso.sh isos    # Proxmox Backup Server",
                "ssh root@10.10.10.11 pveversion",
                "### 2. Flash and seed the Raspberry Pis", "cloud-init/machines/rpi-1/write-seed.sh",
                "### 3. Prepare the Proxmox VE nodes (Ansible)", "ansible-playbook playbooks/proxmox.yml",
                "ssh root@10.10.10.11 pvecm status | grep Quorate",
                "### 4. Create the guests (Terraform)", "terraform -chdir=terraform/clusters/pve apply",
                "### 5. Configure everything else (Ansible)", "ansible-playbook site.yml",
                "ssh ops@10.10.20.21 sudo k3s kubectl get nodes",
                "### 6. Let Flux deliver the apps", "get kustomizations -n flux-system");
        assertThat(runbook).contains("export K3S_TOKEN=… PBS_PASSWORD=… PROXMOX_VE_API_TOKEN=… PROXMOX_ROOT_PASSWORD=…\n");
    }

    @Test
    void dayTwoProceduresNameThisSitesGuestsAndClusters() {
        String runbook = runbook(BrokenSite.reference());
        assertThat(runbook).contains(
                "apply -replace='module.vm[\"k3s-w-1\"].proxmox_virtual_environment_vm.cattle[0]'",
                "ssh root@10.10.10.13 qmrestore pbs1:backup/vm/840189274/<timestamp> 840189274 --force 1",
                "(cd ansible && ansible-playbook playbooks/k3s-upgrade.yml --limit k3s_homelab)",
                "latest\nv1.37.x release", "sudo k3s token rotate --new-token", "give `K3S_TOKEN` the new value");
    }

    @Test
    void aSmallLabGetsOnlyTheStepsItNeeds() {
        String runbook = runbook(BrokenSite.of(read("sites/minimal.yaml")));
        assertThat(runbook).contains("### 1. Prepare the Proxmox VE nodes (Ansible)", "### 2. Create the guests (Terraform)",
                "### Replace a cattle VM");
        assertThat(runbook).doesNotContain("ISO", "Raspberry", "K3s", "Flux", "backup", "Restore");
    }

    private static String read(String path) {
        try {
            return Files.readString(Path.of(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
