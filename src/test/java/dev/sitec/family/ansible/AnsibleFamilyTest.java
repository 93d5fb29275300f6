package dev.sitec.family.ansible;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.sitec.BrokenSite;
import dev.sitec.render.RenderedFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnsibleFamilyTest {

    @TempDir
    Path dir;

    private Map<String, RenderedFile> files;

    @BeforeEach
    void generate() {
        files = BrokenSite.reference().generate(dir);
    }

    private JsonNode yaml(String path) throws Exception {
        return new YAMLMapper().readTree(files.get(path).text());
    }

    private static List<String> strings(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(n -> out.add(n.asText()));
        return out;
    }

    /**
     * No server's config says cluster-init or server: k3s_server decides at a server's first start
     * (a cluster behind the VIP is joined; only the first server creates one, and only when none
     * answers), so a rebuilt k3s-cp-1 joins instead of starting a second cluster.
     */
    @Test
    void serversDecideAtTheirFirstStartWhetherToCreateOrJoinAndAgentsJoinThroughTheVip() throws Exception {
        JsonNode first = yaml("ansible/host_files/k3s-cp-1/k3s-server.yaml");
        assertThat(first.has("cluster-init")).isFalse();
        assertThat(first.has("server")).isFalse();
        assertThat(strings(first.path("tls-san"))).containsExactly("10.10.20.20", "homelab.lab.example.org",
                "k3s-cp-1.lab.example.org");
        assertThat(strings(first.path("disable"))).containsExactly("local-storage");
        JsonNode second = yaml("ansible/host_files/k3s-cp-2/k3s-server.yaml");
        assertThat(second.has("cluster-init")).isFalse();
        assertThat(second.has("server")).isFalse();
        assertThat(yaml("ansible/inventory/host_vars/k3s-cp-1.yml").path("k3s_first_server").asBoolean()).isTrue();
        JsonNode agent = yaml("ansible/host_files/rpi-1/k3s-agent.yaml");
        assertThat(agent.path("server").asText()).isEqualTo("https://10.10.20.20:6443");
        assertThat(agent.path("node-ip").asText()).isEqualTo("10.10.20.41");
        assertThat(agent.path("flannel-iface").asText()).isEqualTo("net0");
    }

    @Test
    void noTokenIsWrittenAnywhere() {
        files.values().stream().filter(f -> f.path().startsWith("ansible/"))
                .forEach(f -> assertThat(f.text()).as(f.path()).doesNotContainPattern("(?m)^token:"));
        assertThat(files.get("ansible/inventory/group_vars/all.yml").text())
                .contains("sitec_secret_k3s_token: \"{{ lookup('ansible.builtin.env', 'K3S_TOKEN') }}\"")
                .contains("sitec_secret_flux_git_deploy_key: \"{{ lookup('ansible.builtin.file', '~/.ssh/flux-homelab' | expanduser");
    }

    @Test
    void nodesGetTheSitesLabelsAndTheDerivedOnes() throws Exception {
        assertThat(strings(yaml("ansible/host_files/k3s-w-gpu/k3s-agent.yaml").path("node-label"))).containsExactly(
                "accelerator=nvidia", "node.longhorn.io/create-default-disk=true", "nvidia.com/gpu.present=true",
                "sitec.dev/gpu=nvidia");
        assertThat(strings(yaml("ansible/host_files/k3s-w-tpu/k3s-agent.yaml").path("node-label")))
                .contains("accelerator=coral-tpu", "sitec.dev/tpu=coral");
        // rpi-3 has no dedicated disk: Longhorn puts no replica on its SD card.
        assertThat(strings(yaml("ansible/host_files/rpi-3/k3s-agent.yaml").path("node-label")))
                .doesNotContain("node.longhorn.io/create-default-disk=true");
    }

    @Test
    void hostVarsCarryTheHardwareDecisions() throws Exception {
        // The boot loader is read on the node (efibootmgr), not guessed from the filesystem.
        assertThat(yaml("ansible/inventory/host_vars/pve1.yml").has("proxmox_node_boot_loader")).isFalse();
        assertThat(yaml("ansible/inventory/host_vars/pve1.yml").path("proxmox_node_uplink_mtu").asInt()).isEqualTo(9000);
        assertThat(yaml("ansible/inventory/host_vars/pve1.yml").path("proxmox_node_uplink_interface").asText()).isEqualTo("enp1s0");
        JsonNode usb = null;
        for (JsonNode guest : yaml("ansible/inventory/host_vars/pve3.yml").path("proxmox_node_guest_settings")) {
            if (guest.path("guest").asText().equals("k3s-w-tpu")) {
                usb = guest;
            }
        }
        assertThat(usb).isNotNull();
        assertThat(usb.path("tool").asText()).isEqualTo("qm");
        assertThat(usb.path("pet").asBoolean()).isFalse();
        assertThat(usb.path("settings").path("usb0").asText()).isEqualTo("host=2-1,usb3=1");
        assertThat(strings(yaml("ansible/inventory/host_vars/pve2.yml").path("proxmox_node_gpu_ids"))).containsExactly("10de:2704");
        assertThat(yaml("ansible/inventory/host_vars/k3s-w-1.yml").path("k3s_prereqs_longhorn_disk").asText())
                .isEqualTo("/dev/disk/by-id/scsi-0QEMU_QEMU_HARDDISK_drive-scsi1");
        assertThat(yaml("ansible/inventory/host_vars/rpi-1.yml").path("k3s_prereqs_longhorn_disk").asText()).isEqualTo("/dev/sda");
        assertThat(yaml("ansible/inventory/host_vars/rpi-1.yml").path("k3s_arch").asText()).isEqualTo("arm64");
        assertThat(yaml("ansible/inventory/host_vars/pbs1.yml").path("pbs_datastore_raid").asText()).isEqualTo("mirror");
    }

    @Test
    void theDatacenterManagerRegistersItsRemotesWithTokensMadeForIt() throws Exception {
        assertThat(yaml("ansible/inventory/host_vars/pve1.yml").path("proxmox_node_pdm_remote").asBoolean()).isTrue();
        assertThat(yaml("ansible/inventory/host_vars/pbs1.yml").path("pbs_pdm_remote").asBoolean()).isTrue();
        JsonNode remotes = yaml("ansible/inventory/host_vars/pdm.yml").path("pdm_remotes");
        assertThat(remotes.get(0).path("id").asText()).isEqualTo("pve");
        assertThat(remotes.get(0).path("type").asText()).isEqualTo("pve");
        // Every node of the cluster, so PDM reaches it when its first node is down.
        assertThat(remotes.get(0).path("nodes").findValuesAsText("address")).containsExactly("10.10.10.11", "10.10.10.12", "10.10.10.13");
        assertThat(remotes.get(0).path("nodes").findValuesAsText("host")).containsExactly("pve1", "pve2", "pve3");
        assertThat(remotes.get(1).path("id").asText()).isEqualTo("pbs1");
        assertThat(remotes.get(1).path("type").asText()).isEqualTo("pbs");
        assertThat(files.get("ansible/roles/pdm/tasks/main.yml").text())
                .contains("'proxmox-datacenter-manager-admin', 'remote', 'add'", "no_log: true")
                .contains("(['--nodes'] | product(item.nodes | map(attribute='host') | map('extract', pdm_node_specs)) | flatten)");
    }

    private String text(String path) {
        return files.get(path).text();
    }

    /**
     * K3s's own k3s-killall.sh unmounts everything below /run/k3s, /var/lib/kubelet/pods and
     * /var/lib/kubelet/plugins before anything is removed: a recursive delete of /var/lib/kubelet
     * with an NFS or Longhorn volume still mounted would delete that volume's data.
     */
    @Test
    void uninstallUnmountsTheVolumesBeforeDeletingKubeletsFolder() {
        String uninstall = text("ansible/playbooks/k3s-uninstall.yml");
        int unmount = uninstall.indexOf("state: unmounted");
        int remove = uninstall.indexOf("- /var/lib/kubelet\n");
        assertThat(unmount).isPositive().isLessThan(remove);
        assertThat(uninstall).contains("\"^(/run/k3s|/var/lib/kubelet/pods|/var/lib/kubelet/plugins|/run/netns/cni-)\"")
                .contains("sort(reverse=true)");
    }

    /** DKMS rebuilds the NVIDIA module for each kernel whose headers are installed: the flavour's metapackage follows updates. */
    @Test
    void theGpuRoleInstallsTheHeadersMetapackageOfTheKernelsFlavour() {
        String gpu = text("ansible/roles/gpu/tasks/main.yml");
        assertThat(gpu).contains("linux-headers-{{ ansible_facts.kernel | regex_search('(cloud-amd64|rt-amd64|amd64|cloud-arm64|rt-arm64|arm64)$') }}")
                .doesNotContain("linux-headers-{{ ansible_facts.kernel }}");
    }

    /** flux2 cmd/flux/main.go: the CLI's logger writes to stderr, so that is where "created" or "configured" appear. */
    @Test
    void fluxBootstrapReadsWhatTheFluxCliWritesToStderr() {
        String flux = text("ansible/roles/flux_bootstrap/tasks/main.yml");
        assertThat(flux).contains("changed_when: \"'configured' in flux_bootstrap_install.stderr or 'created' in flux_bootstrap_install.stderr\"")
                .contains("changed_when: \"'configured' in flux_bootstrap_secret.stderr or 'created' in flux_bootstrap_secret.stderr\"");
    }

    /**
     * A Longhorn disk that fails to mount must not let Longhorn write to the root filesystem: K3s
     * requires the mount (systemd RequiresMountsFor), while nofail keeps the node bootable.
     */
    @Test
    void k3sStartsOnlyWithTheLonghornDiskMounted() {
        String prereqs = text("ansible/roles/k3s_prereqs/tasks/main.yml");
        assertThat(prereqs).contains("RequiresMountsFor={{ k3s_prereqs_longhorn_path }}")
                .contains("dest: \"/etc/systemd/system/{{ item }}.service.d/10-longhorn-disk.conf\"")
                .contains("loop: [k3s, k3s-agent]");
    }

    /**
     * K3s applies node-label only when a node registers: later label changes reach nodes through the
     * API. And a service this run just started already runs its new configuration: no restart then.
     */
    @Test
    void labelsFollowSiteYamlAndAFreshServiceIsNotRestarted() {
        // Each node is labelled and tainted from the first server of its own cluster, on every run (what the
        // task file does is run in AnsibleRolesOnFakeHostsTest.nodeLabelsAndTaintsFollowTheSiteAndOnlySitecsOwnAreRemoved).
        assertThat(text("ansible/playbooks/k3s.yml")).contains("  hosts: k3s_cluster\n  gather_facts: false\n  tasks:\n"
                + "    - name: Label and taint the node from its cluster's first server\n      ansible.builtin.include_role:\n"
                + "        name: k3s_server\n        tasks_from: node_labels.yml\n");
        assertThat(text("ansible/roles/k3s_server/tasks/node_labels.yml")).contains("delegate_to: \"{{ k3s_cluster_first_server }}\"");
        assertThat(text("ansible/inventory/host_vars/k3s-w-gpu.yml")).contains("k3s_node_labels:\n  - !unsafe \"accelerator=nvidia\"")
                .contains("k3s_node_taints:\n  - !unsafe \"nvidia.com/gpu=true:NoSchedule\"\n");
        assertThat(text("ansible/roles/k3s_server/handlers/main.yml")).contains("when: not k3s_server_start is changed");
        assertThat(text("ansible/roles/k3s_agent/handlers/main.yml")).contains("when: not k3s_agent_start is changed");
        assertThat(text("ansible/roles/k3s_server/tasks/main.yml")).contains("register: k3s_server_start");
    }
}
