package dev.sitec.family.runbook;

import dev.sitec.model.Container;
import dev.sitec.model.Device;
import dev.sitec.model.K3sNode;
import dev.sitec.model.K3sNodes;
import dev.sitec.model.Kubernetes;
import dev.sitec.model.Machine;
import dev.sitec.model.Nic;
import dev.sitec.model.PveNode;
import dev.sitec.model.Site;
import dev.sitec.model.Vm;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The lab as a Mermaid flowchart (GitHub, GitLab and Gitea render it in a README): networks, each
 * Proxmox VE node as a box holding its guests, the backup server, the Raspberry Pis, passed-through
 * devices, and the K3s roles as styles. It stays readable as the lab grows: edges join hosts to
 * networks (not each guest), and a node with many guests shows them as one line.
 */
final class TopologyDiagram {

    /** More guests than this on one node are listed in one box instead of one box each. */
    static final int GUESTS_DRAWN = 8;

    private TopologyDiagram() {
    }

    static String of(Site site) {
        Map<String, K3sNode.Role> roles = new TreeMap<>();
        K3sNodes.of(site).forEach(n -> roles.put(n.name(), n.role()));
        List<String> out = new ArrayList<>();
        out.add("flowchart LR");
        for (var network : site.networks().values()) {
            String label = network.name() + network.vlan().stream().mapToObj(v -> " · VLAN " + v).findFirst().orElse("")
                    + network.cidr().map(c -> "<br/>" + c).orElse("<br/>dhcp");
            out.add("  " + id("net", network.name()) + "([\"" + label + "\"])");
        }
        Set<String> edges = new LinkedHashSet<>();
        Map<String, String> drawnIn = new TreeMap<>();
        for (var cluster : site.clusters().values()) {
            out.add("  subgraph " + id("cluster", cluster.name()) + "[\"Proxmox VE cluster " + cluster.name() + "\"]");
            for (PveNode node : cluster.nodes().values()) {
                node(site, node, roles, out, edges, drawnIn);
            }
            out.add("  end");
        }
        for (var pbs : site.backupServers().values()) {
            out.add("  " + id("host", pbs.name()) + "[(\"" + pbs.name() + "<br/>backup server\")]");
            site.networkContaining(pbs.address()).ifPresent(n -> edges.add(id("host", pbs.name()) + " --- " + id("net", n.name())));
            pbs.clusters().forEach(c -> edges.add(id("cluster", c) + " -. backups .-> " + id("host", pbs.name())));
        }
        if (!site.machines().isEmpty()) {
            out.add("  subgraph pis[\"Raspberry Pis\"]");
            for (Machine m : site.machines().values()) {
                out.add("    " + id("guest", m.name()) + "[\"" + m.name() + "<br/>" + m.board().id() + role(roles, m.name()) + "\"]"
                        + style(roles, m.name()));
                m.nics().forEach(nic -> edges.add(id("guest", m.name()) + " --- " + id("net", nic.network())));
            }
            out.add("  end");
        }
        for (Kubernetes k8s : site.kubernetes().values()) {
            List<String> storage = new ArrayList<>();
            k8s.longhorn().ifPresent(l -> storage.add("Longhorn ×" + l.defaultReplicas()));
            k8s.nfs().ifPresent(n -> storage.add("NFS from " + n.server()));
            out.add("  " + id("k3s", k8s.name()) + "{{\"K3s " + k8s.name() + "<br/>API " + k8s.api()
                    + (storage.isEmpty() ? "" : "<br/>" + String.join(", ", storage)) + "\"}}");
            site.networkContaining(k8s.api()).ifPresent(n -> edges.add(id("k3s", k8s.name()) + " --- " + id("net", n.name())));
            k8s.nfs().ifPresent(n -> edges.add(id("k3s", k8s.name()) + " -. NFS .-> "
                    + drawnIn.getOrDefault(n.server(), id("guest", n.server()))));
        }
        edges.forEach(e -> out.add("  " + e));
        out.add("  classDef k3sServer fill:#e8f0fe,stroke:#1a73e8,stroke-width:2px");
        out.add("  classDef k3sAgent fill:#e6f4ea,stroke:#188038");
        out.add("  classDef device fill:#fef7e0,stroke:#e37400");
        return String.join("\n", out) + "\n";
    }

    private static void node(Site site, PveNode node, Map<String, K3sNode.Role> roles, List<String> out, Set<String> edges,
                             Map<String, String> drawnIn) {
        out.add("    subgraph " + id("node", node.name()) + "[\"" + node.name() + " · " + node.address() + "\"]");
        List<String> guests = new ArrayList<>();
        site.vms().values().stream().filter(vm -> vm.node().equals(node.name())).forEach(vm -> guests.add(vm.name()));
        site.containers().values().stream().filter(ct -> ct.node().equals(node.name())).forEach(ct -> guests.add(ct.name()));
        if (guests.size() > GUESTS_DRAWN) {
            out.add("      " + id("guests", node.name()) + "[\"" + guests.size() + " guests:<br/>"
                    + wrap(guests) + "\"]");
            guests.forEach(g -> drawnIn.put(g, id("guests", node.name())));
        } else {
            for (String guest : guests) {
                drawnIn.put(guest, id("guest", guest));
                Vm vm = site.vms().get(guest);
                Container ct = site.containers().get(guest);
                String kind = vm != null ? (vm.isPet() ? "pet VM" : "VM") : (ct.isPet() ? "pet container" : "container");
                out.add("      " + id("guest", guest) + "[\"" + guest + "<br/>" + kind + role(roles, guest) + "\"]" + style(roles, guest));
                if (vm != null) {
                    for (String name : vm.passthrough()) {
                        site.deviceFor(vm, name).ifPresent(d -> {
                            out.add("      " + id("device", d.name()) + "[/\"" + d.name() + "<br/>" + describe(d) + "\"/]:::device");
                            edges.add(id("device", d.name()) + " ==> " + id("guest", guest));
                        });
                    }
                }
            }
        }
        out.add("    end");
        var own = site.networkContaining(node.address());
        own.ifPresent(n -> edges.add(id("node", node.name()) + " --- " + id("net", n.name())));
        // A node carries the networks its guests are on: one edge per network, not per guest.
        Set<String> carried = new java.util.TreeSet<>();
        site.vms().values().stream().filter(vm -> vm.node().equals(node.name())).flatMap(vm -> vm.nics().stream())
                .map(Nic::network).forEach(carried::add);
        site.containers().values().stream().filter(ct -> ct.node().equals(node.name())).flatMap(ct -> ct.nics().stream())
                .map(Nic::network).forEach(carried::add);
        own.ifPresent(n -> carried.remove(n.name()));
        carried.forEach(n -> edges.add(id("node", node.name()) + " -.- " + id("net", n)));
    }

    private static String describe(Device d) {
        return d.isNvidiaGpu() ? "NVIDIA GPU" : d.isCoralTpu() ? "Coral TPU" : d.type() == Device.Type.PCI ? "PCI " + d.id() : "USB " + d.id();
    }

    private static String role(Map<String, K3sNode.Role> roles, String host) {
        K3sNode.Role role = roles.get(host);
        return role == null ? "" : "<br/>K3s " + role.id();
    }

    private static String style(Map<String, K3sNode.Role> roles, String host) {
        K3sNode.Role role = roles.get(host);
        return role == null ? "" : role == K3sNode.Role.SERVER ? ":::k3sServer" : ":::k3sAgent";
    }

    /** Names in lines of four, for a box that lists many guests. */
    private static String wrap(List<String> names) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < names.size(); i += 4) {
            lines.add(names.subList(i, Math.min(names.size(), i + 4)).stream().collect(Collectors.joining(", ")));
        }
        return String.join("<br/>", lines);
    }

    /** Mermaid ids: letters, digits and '_' only, and kept apart by kind. */
    private static String id(String kind, String name) {
        return kind + "_" + name.replaceAll("[^A-Za-z0-9]", "_");
    }
}
