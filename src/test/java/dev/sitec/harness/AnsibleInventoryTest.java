package dev.sitec.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sitec.BrokenSite;
import dev.sitec.write.OutputWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `ansible-inventory --list` of the generated inventory: exactly the site's hosts, in the expected groups. */
class AnsibleInventoryTest {

    @TempDir
    Path dir;

    private JsonNode inventory;

    @BeforeEach
    void listInventory() throws Exception {
        assumeTrue(System.getenv("CI") != null || ExternalTool.available("ansible-inventory"), "ansible-inventory is not installed");
        Path out = dir.resolve("generated");
        new OutputWriter().write(out, List.copyOf(BrokenSite.reference().generate(dir).values()));
        ExternalTool.Result result = ExternalTool.run(out.resolve("ansible"),
                Map.of("ANSIBLE_CONFIG", out.resolve("ansible/ansible.cfg").toString()),
                List.of("ansible-inventory", "-i", "inventory", "--list"));
        assertThat(result.exit()).as(result.output()).isZero();
        String json = result.output().substring(result.output().indexOf('{'));
        inventory = new ObjectMapper().readTree(json);
    }

    private List<String> hosts(String group) {
        List<String> hosts = new ArrayList<>();
        inventory.path(group).path("hosts").forEach(h -> hosts.add(h.asText()));
        return hosts;
    }

    private List<String> children(String group) {
        List<String> children = new ArrayList<>();
        inventory.path(group).path("children").forEach(h -> children.add(h.asText()));
        return children;
    }

    @Test
    void everyManagedHostOfTheSiteOnceAndNoOther() {
        TreeSet<String> all = new TreeSet<>();
        inventory.path("_meta").path("hostvars").fieldNames().forEachRemaining(all::add);
        // TrueNAS is an appliance configured through its own interface: not an Ansible host.
        assertThat(all).containsExactly("k3s-cp-1", "k3s-cp-2", "k3s-cp-3", "k3s-w-1", "k3s-w-gpu", "k3s-w-tpu",
                "pbs1", "pdm", "pve1", "pve2", "pve3", "rpi-1", "rpi-2", "rpi-3");
    }

    @Test
    void hostsAreInTheExpectedGroups() {
        assertThat(children("proxmox")).containsExactly("proxmox_pve");
        assertThat(hosts("proxmox_pve")).containsExactly("pve1", "pve2", "pve3");
        assertThat(hosts("pbs")).containsExactly("pbs1");
        assertThat(hosts("pdm")).containsExactly("pdm");
        // One group per K3s cluster (its group_vars, --limit k3s_cluster_homelab), under the groups the plays target.
        assertThat(children("k3s_cluster")).containsExactly("k3s_cluster_homelab");
        assertThat(children("k3s_cluster_homelab")).containsExactlyInAnyOrder("k3s_servers_homelab", "k3s_agents_homelab");
        assertThat(children("k3s_servers")).containsExactly("k3s_servers_homelab");
        assertThat(children("k3s_agents")).containsExactly("k3s_agents_homelab");
        assertThat(hosts("k3s_servers_homelab")).containsExactly("k3s-cp-1", "k3s-cp-2", "k3s-cp-3");
        assertThat(hosts("k3s_agents_homelab")).containsExactly("k3s-w-1", "k3s-w-gpu", "k3s-w-tpu", "rpi-1", "rpi-2", "rpi-3");
        assertThat(hosts("nvidia_gpu")).containsExactly("k3s-w-gpu");
        assertThat(hosts("raspberry_pi")).containsExactly("rpi-1", "rpi-2", "rpi-3");
        assertThat(hosts("arm64")).containsExactly("rpi-1", "rpi-2", "rpi-3");
        assertThat(hosts("amd64")).containsExactlyInAnyOrder("k3s-cp-1", "k3s-cp-2", "k3s-cp-3", "k3s-w-1", "k3s-w-gpu",
                "k3s-w-tpu", "pbs1", "pdm", "pve1", "pve2", "pve3");
    }

    @Test
    void addressesAndUsersAreRight() {
        JsonNode vars = inventory.path("_meta").path("hostvars");
        assertThat(vars.at("/pve1/ansible_host").asText()).isEqualTo("10.10.10.11");
        assertThat(vars.at("/pve1/ansible_user").asText()).isEqualTo("root");
        assertThat(vars.at("/pdm/ansible_user").asText()).isEqualTo("root");
        assertThat(vars.at("/k3s-cp-1/ansible_host").asText()).isEqualTo("10.10.20.21");
        assertThat(vars.at("/rpi-1/ansible_host").asText()).isEqualTo("10.10.20.41");
        assertThat(vars.at("/k3s-w-gpu/gpu_nvidia").asBoolean()).isTrue();
        assertThat(vars.at("/k3s-cp-1/k3s_first_server").asBoolean()).isTrue();
        assertThat(vars.at("/k3s-cp-2/k3s_first_server").asBoolean()).isFalse();
        // The cluster's group_vars reach its nodes (an !unsafe value comes back wrapped).
        assertThat(vars.at("/rpi-3/k3s_cluster_first_server/__ansible_unsafe").asText()).isEqualTo("k3s-cp-1");
        assertThat(vars.at("/rpi-3/k3s_token").asText()).isEqualTo("{{ sitec_secret_k3s_token }}");
    }
}
