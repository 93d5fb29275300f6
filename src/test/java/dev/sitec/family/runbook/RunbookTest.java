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

    /**
     * Issue 25, item 5: the Proxmox stage installs the collections the roles use (ansible.posix,
     * community.general) from the generated requirements.yml before its playbook, in the runbook and
     * in the Makefile's target alike.
     */
    @Test
    void theProxmoxStageInstallsTheCollectionsFirst() {
        var files = BrokenSite.reference().generate(dir);
        assertThat(files.get("RUNBOOK.md").text()).containsSubsequence("### 3. Prepare the Proxmox VE nodes",
                "ansible-galaxy collection install -r ansible/requirements.yml", "(cd ansible && ansible-playbook playbooks/proxmox.yml)");
        assertThat(files.get("Makefile").text()).contains("proxmox:\n\tansible-galaxy collection install -r ansible/requirements.yml\n"
                + "\t(cd ansible && ansible-playbook playbooks/proxmox.yml)\n");
        assertThat(files.get("ansible/requirements.yml").text()).contains("name: ansible.posix", "name: community.general");
    }

    /**
     * Issue 26, item 1: VMs cloned from template VMs need them before the apply (sitec never makes one):
     * the guests stage checks each template is there and is one (qm config shows template: 1, as
     * qemu-server's template API leaves it), on the template's node, before Terraform clones it.
     */
    @Test
    void theGuestsStageChecksTheTemplatesItClonesFrom() throws IOException {
        BrokenSite site = BrokenSite.of(Files.readString(Path.of("sites/clones.yaml")));
        var files = site.generate(dir);
        assertThat(files.get("RUNBOOK.md").text()).containsSubsequence("Create the guests (Terraform)",
                "clones of template VMs that must exist before `apply`", "debian-12 (VM 9000 on pve1), ubuntu-24 (VM 9001 on pve1)",
                "ssh root@192.168.7.2 qm config 9000 | grep -qx 'template: 1'    # template debian-12 is there, to clone from",
                "ssh root@192.168.7.2 qm config 9001 | grep -qx 'template: 1'    # template ubuntu-24 is there, to clone from",
                "terraform -chdir=terraform/clusters/home apply");
        assertThat(files.get("Makefile").text()).contains("\tssh root@192.168.7.2 qm config 9000 | grep -qx 'template: 1'\n");
        assertThat(runbook(BrokenSite.reference())).doesNotContain("template VMs");
    }

    @Test
    void theReferenceLabsFirstInstallIsInOrderWithItsOwnCommands() {
        String runbook = runbook(BrokenSite.reference());
        assertThat(runbook).containsSubsequence("### 1. Install the hosts from their ISOs: `make isos`",
                "installer/pve1/prepare-iso.sh isos    # Proxmox VE, writes isos/pve1-auto.iso",
                "installer/pbs1/prepare-iso.sh isos    # Proxmox Backup Server",
                // The Datacenter Manager's VM boots from the ISO the guests stage uploads from isos/.
                "installer/pdm/prepare-iso.sh isos    # Proxmox Datacenter Manager, writes isos/pdm-auto.iso",
                "ssh root@10.10.10.11 pveversion",
                "test -s isos/pdm-auto.iso",
                "### 2. Flash and seed the Raspberry Pis\n", "cloud-init/machines/rpi-1/write-seed.sh",
                "### 3. Prepare the Proxmox VE nodes and backup servers (Ansible): `make proxmox`",
                "ansible-playbook playbooks/proxmox.yml",
                // Terraform's backup storage needs the fingerprints the pbs play writes: before the guests stage.
                "ansible-playbook playbooks/pbs.yml)    # the backup servers, and their fingerprints for Terraform",
                "ssh root@10.10.10.11 pvecm status | grep Quorate",
                "### 4. Initialise Terraform: `make init`",
                "terraform -chdir=terraform/clusters/pve init -backend-config=\"path=${XDG_STATE_HOME:-$HOME/.local/state}"
                        + "/sitec/homelab/pve.tfstate\"",
                "### 5. Create the guests (Terraform): `make guests`", "terraform -chdir=terraform/clusters/pve apply",
                "### 6. Configure everything else (Ansible): `make configure`", "ansible-playbook site.yml",
                "ssh ops@10.10.20.21 sudo k3s kubectl get nodes",
                "### 7. Let Flux deliver the apps\n", "get kustomizations -n flux-system");
    }

    /**
     * Issue 25, item 2: each secret is exported with how to make it; Terraform's token is not among
     * them, it is read at the stage that needs it from the file the Proxmox play writes, and the play's
     * stage says where that is.
     */
    @Test
    void everySecretSaysWhereItComesFrom() {
        String runbook = runbook(BrokenSite.reference());
        assertThat(runbook).contains("export K3S_TOKEN=… PBS_PASSWORD=… PROXMOX_ROOT_PASSWORD=…\n",
                "- `K3S_TOKEN`: a random string you keep (every K3s node joins with the same one): openssl rand -hex 32.",
                "writes each cluster's token, once, to a file only you can read: `~/.config/sitec/homelab/pve-api-token`.",
                "export PROXMOX_VE_API_TOKEN=\"${PROXMOX_VE_API_TOKEN_PVE:-$(cat ~/.config/sitec/homelab/pve-api-token)}\"")
                .doesNotContain("PROXMOX_VE_API_TOKEN=…");
        assertThat(runbook).containsSubsequence("Flux reads the repository over SSH with the deploy key `~/.ssh/flux-homelab`:",
                "add its public half (`~/.ssh/flux-homelab.pub`)", "as a read-only deploy key before you push");
    }

    /**
     * Issue 25, item 6: the Makefile's targets are the runbook's stages, each running exactly the
     * commands the runbook shows under `make TARGET` (make's '$$' being the shell's '$').
     */
    @Test
    void theMakefileRunsExactlyTheRunbooksCommands() {
        var files = BrokenSite.reference().generate(dir);
        String runbook = files.get("RUNBOOK.md").text();
        String makefile = files.get("Makefile").text();
        java.util.regex.Matcher stage = java.util.regex.Pattern
                .compile("### \\d+\\. [^\\n]*: `make (\\w+)`\\n\\n(?:[^`][^\\n]*\\n|\\n)*```sh\\n((?:[^`][^\\n]*\\n)*)```")
                .matcher(runbook);
        int stages = 0;
        while (stage.find()) {
            StringBuilder recipe = new StringBuilder(stage.group(1) + ":[^\\n]*\\n");
            for (String line : stage.group(2).split("\\n")) {
                String command = line.replaceFirst(" {4}# .*$", "").replace("$", "$$");
                recipe.append("\\t").append(java.util.regex.Pattern.quote(command)).append("\\n");
            }
            assertThat(makefile).as("the make target of stage %s", stage.group(1)).containsPattern(recipe.toString());
            stages++;
        }
        assertThat(stages).isEqualTo(5);
        assertThat(makefile).contains("guests: init\n", ".PHONY: help check isos proxmox init guests configure\n");
    }

    @Test
    void dayTwoProceduresNameThisSitesGuestsAndClusters() {
        String runbook = runbook(BrokenSite.reference());
        assertThat(runbook).containsSubsequence(
                "sudo k3s kubectl drain k3s-w-1 --ignore-daemonsets --delete-emptydir-data",
                "sudo k3s kubectl delete node k3s-w-1",
                "export PROXMOX_VE_API_TOKEN=",
                "terraform -chdir=terraform/clusters/pve apply -replace='module.vm[\"k3s-w-1\"].proxmox_virtual_environment_vm.cattle[0]'",
                "make configure    # the new VM joins K3s again");
        // Issue 24, item 13: qmrestore --force dies on a protected, running VM (qemu-server check_protection).
        assertThat(runbook).containsSubsequence(
                "ssh root@10.10.10.13 qm shutdown 840189274 --timeout 180 --forceStop 1",
                "ssh root@10.10.10.13 qm set 840189274 --protection 0",
                "ssh root@10.10.10.13 qmrestore pbs1:backup/vm/840189274/<timestamp> 840189274 --force 1",
                "ssh root@10.10.10.13 qm start 840189274");
        assertThat(runbook).contains("(cd ansible && ansible-playbook playbooks/k3s-upgrade.yml --limit k3s_cluster_homelab)",
                "latest\nv1.37.x release", "sudo k3s token rotate --new-token", "give `K3S_TOKEN` the new value");
    }

    /** Issue 25, item 3: a node installed by hand gets root's SSH key first, and is checked for its name. */
    @Test
    void aSmallLabGetsOnlyTheStepsItNeeds() {
        String runbook = runbook(BrokenSite.of(read("sites/minimal.yaml")));
        assertThat(runbook).containsSubsequence("### 1. Let Ansible in as root on the hosts installed by hand: `make ssh`",
                "ssh-copy-id root@", "ssh -o BatchMode=yes root@", " hostname    # prints ",
                "### 2. Prepare the Proxmox VE nodes (Ansible): `make proxmox`", "### 3. Initialise Terraform: `make init`",
                "### 4. Create the guests (Terraform): `make guests`", "### Replace a cattle VM");
        assertThat(runbook).doesNotContain("ISO", "Raspberry", "K3s", "Flux", "backup", "Restore", "pvecm status | grep Quorate");
    }

    private static String read(String path) {
        try {
            return Files.readString(Path.of(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
