package dev.sitec.family.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitec.BrokenSite;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Mermaid topology at the top of generated/README.md (scripts/diagram-test renders it with
 * mermaid-cli in Chromium): what it draws, and how it stays readable when a node holds many guests.
 */
class TopologyDiagramTest {

    @TempDir
    Path dir;

    private String diagram(BrokenSite site) {
        String readme = site.generate(dir).get("README.md").text();
        int start = readme.indexOf("```mermaid\n") + "```mermaid\n".length();
        return readme.substring(start, readme.indexOf("```\n", start));
    }

    @Test
    void theReferenceLabIsDrawnNodeByNodeWithItsDevicesRolesAndNetworks() {
        String d = diagram(BrokenSite.reference());
        assertThat(d).startsWith("flowchart LR\n").contains(
                "  net_servers([\"servers · VLAN 20<br/>10.10.20.0/24\"])\n",
                "    subgraph node_pve2[\"pve2 · 10.10.10.12\"]\n",
                "      guest_k3s_cp_2[\"k3s-cp-2<br/>VM<br/>K3s server\"]:::k3sServer\n",
                "      device_gpu0[/\"gpu0<br/>NVIDIA GPU\"/]:::device\n",
                "  device_gpu0 ==> guest_k3s_w_gpu\n",
                "  cluster_pve -. backups .-> host_pbs1\n",
                "  k3s_homelab -. NFS .-> guest_truenas\n",
                "      guest_truenas[\"truenas<br/>pet VM\"]\n");
        // One edge per node and network, never one per guest.
        assertThat(d.lines().filter(l -> l.startsWith("  node_pve1 ")).toList())
                .containsExactly("  node_pve1 --- net_mgmt", "  node_pve1 -.- net_servers", "  node_pve1 -.- net_storage");
    }

    @Test
    void aNodeWithManyGuestsListsThemInOneBox() {
        StringBuilder vms = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            vms.append("  extra-").append(i).append(": { node: pve3, image: debian-13-amd64, address: { servers: 10.10.20.")
                    .append(100 + i).append(" } }\n");
        }
        String d = diagram(BrokenSite.reference().replace("\nprofiles:", vms + "\nprofiles:"));
        assertThat(d).contains("      guests_pve3[\"15 guests:<br/>");
        assertThat(d).doesNotContain("guest_extra_0[");
        assertThat(d).contains("      guest_k3s_cp_1[");
    }
}
