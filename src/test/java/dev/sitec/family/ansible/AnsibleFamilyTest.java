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
        JsonNode usb = yaml("ansible/inventory/host_vars/pve3.yml").path("proxmox_node_usb_devices").get(0);
        assertThat(usb.path("vm").asText()).isEqualTo("k3s-w-tpu");
        assertThat(usb.path("slot").asText()).isEqualTo("usb0");
        assertThat(usb.path("host").asText()).isEqualTo("2-1");
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
}
