package dev.sitec.cli;

import static dev.sitec.cli.CliTest.sitec;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sitec.BrokenSite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sitec plan as a user and a CI job run it, and the refusals generate shares with it. */
class PlanCommandTest {

    @TempDir
    Path dir;

    private Path out() {
        return dir.resolve("generated");
    }

    private Path generateReference() {
        Path site = BrokenSite.reference().writeTo(dir);
        assertThat(sitec("generate", "-f", site.toString(), "-o", out().toString()).exit()).isZero();
        return site;
    }

    @Test
    void anUnchangedSitePlansNothing() {
        Path site = generateReference();
        CliTest.Run run = sitec("plan", "-f", site.toString(), "-o", out().toString(), "--fail-on", "reboot");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).endsWith("no changes: applying the tree changes nothing in the lab\n");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void aTreeWithoutARecordedSiteIsExplained() {
        Path site = BrokenSite.reference().writeTo(dir);
        CliTest.Run run = sitec("plan", "-f", site.toString(), "-o", out().toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("sitec: " + out() + " holds no record of the site it was generated from\n"
                + "    hint: run generate first (a tree made by an older sitec has none), or compare with a commit:"
                + " plan --against HEAD\n");
    }

    /**
     * Issue 23, item 6: a cloned tree's recorded site linked to a secret file had plan print that file's
     * lines in its validation errors. The record is never read through a link: plan refuses it, located.
     */
    @Test
    void aRecordedSiteLinkedToAnotherFileIsRefusedWithoutReadingIt() throws Exception {
        Path site = generateReference();
        Path secret = Files.writeString(dir.resolve("secret.txt"), "aws_secret_access_key: hunter2-do-not-print\n");
        Path recorded = out().resolve(".sitec-site.yaml");
        Files.delete(recorded);
        Files.createSymbolicLink(recorded, secret);
        CliTest.Run run = sitec("plan", "-f", site.toString(), "-o", out().toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out() + run.err()).doesNotContain("hunter2");
        assertThat(run.err()).isEqualTo("sitec: cannot read the site " + out() + " was made from: " + out()
                + "/.sitec-site.yaml: error: a symbolic link where sitec keeps a record of its own: sitec reads no record"
                + " through a link; nothing was changed\n    hint: move it away and run again\n");
    }

    /** Issue 23, item 7: an output folder that is a link is refused by generate, naming the way to write there. */
    @Test
    void generateRefusesAnOutputFolderThatIsALink() throws Exception {
        Path site = BrokenSite.reference().writeTo(dir);
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Files.createSymbolicLink(out(), elsewhere);
        CliTest.Run run = sitec("generate", "-f", site.toString(), "-o", out().toString());
        assertThat(run.exit()).isEqualTo(1);
        // Refused before anything else: no warning about the recorded site it would have read through the link.
        assertThat(run.err()).isEqualTo(out() + ": error: the output folder is a symbolic link (to " + elsewhere
                + "): sitec writes only into a real folder, so that a cloned repository cannot point it elsewhere\n"
                + "    hint: to write into the link's target, name it: -o " + elsewhere + "; else replace the link with a folder\n"
                + "nothing written: " + out() + " is as it was\n");
        try (var files = Files.list(elsewhere)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void failOnReplaceFailsForACattleReplacementButNotForAReboot() throws Exception {
        Path site = generateReference();
        String moved = BrokenSite.reference().replace("k3s-w-1:  { node: pve1,", "k3s-w-1:  { node: pve2,").text();
        Files.writeString(site, moved);
        CliTest.Run run = sitec("plan", "-f", site.toString(), "-o", out().toString(), "--fail-on", "replace");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("  replace        vm k3s-w-1: node pve1 -> pve2; node_name is ForceNew unless"
                + " migrate is set (bpg/proxmox resource/vm/vm.go, CustomizeDiff)\n");
        assertThat(run.err()).isEqualTo("sitec: a change at level 'replace' or worse is present\n");
        assertThat(sitec("plan", "-f", site.toString(), "-o", out().toString(), "--fail-on", "destroy").exit()).isZero();

        Files.writeString(site, BrokenSite.reference().replace("    cores: 2\n    memory_mib: 4096", "    cores: 4\n    memory_mib: 4096").text());
        assertThat(sitec("plan", "-f", site.toString(), "-o", out().toString(), "--fail-on", "replace").exit()).isZero();
        assertThat(sitec("plan", "-f", site.toString(), "-o", out().toString(), "--fail-on", "reboot").exit()).isEqualTo(1);
    }

    @Test
    void jsonSaysTheSameForMachines() throws Exception {
        Path site = generateReference();
        Files.writeString(site, BrokenSite.reference().replace("    cores: 2\n    memory_mib: 4096", "    cores: 4\n    memory_mib: 4096").text());
        CliTest.Run run = sitec("plan", "-f", site.toString(), "-o", out().toString(), "--json");
        assertThat(run.exit()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.path("changes")).hasSize(1);
        JsonNode change = json.path("changes").get(0);
        assertThat(change.path("class").asText()).isEqualTo("reboot");
        assertThat(change.path("subject").asText()).isEqualTo("vm pdm");
        assertThat(change.path("change").asText()).isEqualTo("cores 2 -> 4");
        assertThat(change.path("reboot").asBoolean()).isTrue();
        assertThat(change.path("refused").asBoolean()).isFalse();
        assertThat(change.path("message").isNull()).isTrue();
        assertThat(change.path("at").asText()).isEqualTo("/vms/pdm/cores");
        assertThat(json.path("counts").path("reboot").asInt()).isEqualTo(1);
    }

    @Test
    void anUnknownFailLevelIsAUsageError() {
        CliTest.Run run = sitec("plan", "--fail-on", "everything");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("'everything' is not a level: use destroy, replace or reboot");
    }

    @Test
    void againstComparesWithTheFileAtAGitCommit() throws Exception {
        Path site = BrokenSite.reference().writeTo(dir);
        git("init", "-q");
        git("add", "site.yaml");
        git("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "site");
        Files.writeString(site, BrokenSite.reference().replace("    cores: 2\n    memory_mib: 4096", "    cores: 4\n    memory_mib: 4096").text());
        CliTest.Run run = sitec("plan", "-f", site.toString(), "-o", out().toString(), "--against", "HEAD");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).startsWith(site + " compared with " + site + " at HEAD:\n")
                .contains("  reboot         vm pdm: cores 2 -> 4;");
        CliTest.Run missing = sitec("plan", "-f", site.toString(), "--against", "no-such-ref");
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).startsWith("sitec: git cannot show no-such-ref:./site.yaml: ");
    }

    @Test
    void generateRefusesToReplaceAPetAndLeavesTheTree() throws Exception {
        Path site = generateReference();
        Map<Path, String> before = snapshot(out());
        BrokenSite moved = BrokenSite.reference().replace("    node: pve3\n    lifecycle: pet", "    node: pve3\n    vm_id: 4242\n    lifecycle: pet");
        Files.writeString(site, moved.text());
        CliTest.Run run = sitec("generate", "-f", site.toString(), "-o", out().toString());
        assertThat(run.exit()).isEqualTo(1);
        var at = moved.at("    vm_id: 4242\n", "vm_id");
        assertThat(run.err()).isEqualTo(site + ":" + at.line() + ":" + at.column() + ": error: pet vm pdm would be replaced: vm_id 840189274 -> 4242\n"
                + "    hint: vm_id is ForceNew (bpg/proxmox resource/vm/vm.go, CustomizeDiff);"
                + " keep the old value, or set allow_replace: true on vm pdm, generate and apply it, then make the change"
                + " (restore its data from a backup afterwards)\n"
                + "1 error in what this edit does to the lab (sitec plan lists every change)\n"
                + "nothing written: " + out() + " is as it was\n");
        assertThat(snapshot(out())).isEqualTo(before);
    }

    /**
     * Issue 25 item 11: a profile change restarts every K3s server in one apply (scripts/apply-edits
     * "K3s servers memory"); generate writes it, and says how to roll it instead.
     */
    @Test
    void generateWarnsWhenAChangeRestartsEveryK3sServerAndSaysHowToRollIt() throws Exception {
        Path site = generateReference();
        BrokenSite bigger = BrokenSite.reference().replace("    cores: 4\n    memory_mib: 8192\n    disks: [{ size_gib: 40 }]\n",
                "    cores: 4\n    memory_mib: 12288\n    disks: [{ size_gib: 40 }]\n");
        Files.writeString(site, bigger.text());
        CliTest.Run run = sitec("generate", "-f", site.toString(), "-o", out().toString());
        assertThat(run.exit()).isZero();
        var at = bigger.at("servers: [k3s-cp-1, k3s-cp-2, k3s-cp-3]", "servers");
        String root = "terraform -chdir=generated/terraform/clusters/pve apply -target=";
        assertThat(run.err()).startsWith(site + ":" + at.line() + ":" + at.column() + ": warning: restarting 3 of 3 K3s"
                + " servers in one apply loses etcd's quorum: the cluster's API is down until a majority is back\n"
                + "    hint: roll it, one server per apply, each once the one before is Ready again (kubectl get nodes): "
                + root + "'module.vm[\"k3s-cp-1\"]', then " + root + "'module.vm[\"k3s-cp-2\"]', then " + root
                + "'module.vm[\"k3s-cp-3\"]'; then apply the rest\n");
    }

    @Test
    void allowReplaceLiftsTheProtectionForOneGenerationAndWarns() throws Exception {
        Path site = generateReference();
        // Lifted and changed in one apply: PVE would refuse to destroy the still-protected VM.
        BrokenSite both = BrokenSite.reference().replace("    node: pve3\n    lifecycle: pet",
                "    node: pve2\n    lifecycle: pet\n    allow_replace: true");
        Files.writeString(site, both.text());
        CliTest.Run refused = sitec("generate", "-f", site.toString(), "-o", out().toString());
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("error: pet vm pdm would be replaced in the same apply that lifts its protection,"
                + " which PVE refuses (the guest is still protected when Terraform destroys it)\n"
                + "    hint: lift it first: this edit without the change, sitec generate, make guests (protection comes off);"
                + " then the change, sitec generate, make guests\n");

        BrokenSite lifted = BrokenSite.reference().replace("    node: pve3\n    lifecycle: pet",
                "    node: pve3\n    lifecycle: pet\n    allow_replace: true");
        Files.writeString(site, lifted.text());
        CliTest.Run run = sitec("generate", "-f", site.toString(), "-o", out().toString());
        assertThat(run.exit()).isZero();
        assertThat(run.err()).contains("warning: allow_replace lifts the protection of pet vm 'pdm'");
        String main = Files.readString(out().resolve("terraform/clusters/pve/main.tf"));
        assertThat(main).contains("moved {\n  from = module.vm[\"pdm\"].proxmox_virtual_environment_vm.pet[0]\n"
                + "  to   = module.vm[\"pdm\"].proxmox_virtual_environment_vm.cattle[0]\n}");
        assertThat(main).doesNotContain("from = module.vm[\"pdm\"].proxmox_virtual_environment_vm.cattle[0]");

        // Applied, the next generation may replace it; the one after, without allow_replace, protects it again.
        Files.writeString(site, both.text());
        assertThat(sitec("generate", "-f", site.toString(), "-o", out().toString()).exit()).isZero();
        Files.writeString(site, BrokenSite.reference().replace("    node: pve3\n    lifecycle: pet", "    node: pve2\n    lifecycle: pet").text());
        CliTest.Run next = sitec("generate", "-f", site.toString(), "-o", out().toString());
        assertThat(next.exit()).isZero();
        assertThat(next.err()).isEmpty();
    }

    @Test
    void aPetIsDeletedOnlyAfterAGenerationThatAllowedIt() throws Exception {
        Path site = generateReference();
        String withoutPdm = BrokenSite.reference()
                .replace("  pdm:\n    node: pve3\n    lifecycle: pet\n    image: pdm\n    cores: 2\n    memory_mib: 4096\n"
                        + "    disks: [{ size_gib: 40 }]\n    address: { mgmt: 10.10.10.5 }\n", "")
                .replace("  datacenter_manager:\n    vm: pdm                               # PDM runs as a VM on the cluster\n"
                        + "    remotes: [pve, pbs1]\n", "").text();
        Files.writeString(site, withoutPdm);
        CliTest.Run refused = sitec("generate", "-f", site.toString(), "-o", out().toString());
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("error: pet vm pdm would be deleted with its data: it is no longer in the site\n"
                + "    hint: put it back; to delete it: set allow_replace: true on it, sitec generate, make guests (its"
                + " protection comes off), then remove it, sitec generate, make guests (Terraform destroys it)");

        Files.writeString(site, BrokenSite.reference().replace("    node: pve3\n    lifecycle: pet",
                "    node: pve3\n    lifecycle: pet\n    allow_replace: true").text());
        assertThat(sitec("generate", "-f", site.toString(), "-o", out().toString()).exit()).isZero();
        Files.writeString(site, withoutPdm);
        CliTest.Run deleted = sitec("generate", "-f", site.toString(), "-o", out().toString());
        assertThat(deleted.exit()).isZero();
        assertThat(deleted.err()).isEmpty();
    }

    private void git(String... args) throws Exception {
        String[] command = new String[args.length + 3];
        command[0] = "git";
        command[1] = "-C";
        command[2] = dir.toString();
        System.arraycopy(args, 0, command, 3, args.length);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(output).isZero();
    }

    /** Every file and its bytes (as text: byte arrays compare by identity). */
    private static Map<Path, String> snapshot(Path root) throws Exception {
        Map<Path, String> files = new TreeMap<>();
        try (var walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(p), java.util.Base64.getEncoder().encodeToString(Files.readAllBytes(p)));
            }
        }
        return files;
    }
}
