package dev.sitec.model;

import java.util.Optional;
import java.util.SortedMap;

/**
 * A K3s node as the Ansible and Flux families need it: where it is, what it runs on, and the
 * labels it registers with (the site's, plus those sitec derives from its hardware). An agent on
 * DHCP has no fixed node IP: K3s takes the address of the interface its default route leaves by.
 *
 * @param longhornDisk the node's dedicated Longhorn disk, mounted at Longhorn's data path
 * @param longhornReplicas Longhorn may keep replicas here: on its dedicated disk, else on its root disk
 *                         (the data path is then a folder of it); never on a Pi that boots, or may boot,
 *                         from an SD card
 */
public record K3sNode(String name, Role role, boolean raspberryPi, Arch arch, Optional<Ipv4> nodeIp, String nodeInterface,
                      Optional<String> longhornDisk, boolean longhornReplicas, boolean nvidiaGpu, SortedMap<String, String> labels,
                      java.util.List<Taint> taints) {

    /** A node taint, as K3s's node-taint and kubectl take it: key=value:effect. */
    public record Taint(String key, String value, String effect) {
        @Override
        public String toString() {
            return key + "=" + value + ":" + effect;
        }
    }

    /** True when every label of {@code selector} is on this node: a pod with that nodeSelector may land here. */
    public boolean matches(java.util.Map<String, String> selector) {
        return selector.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }

    public enum Role {
        SERVER("server"), AGENT("agent");

        private final String id;

        Role(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    public boolean isServer() {
        return role == Role.SERVER;
    }
}
