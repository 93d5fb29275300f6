package dev.sitec.adopt;

import java.util.List;
import java.util.Map;

/**
 * What the import template reads: the site import writes, value by value, each with the comment it
 * carries ({@code notes}, by key: "guess: ..." where import had to choose). Null means "leave the key out".
 */
public record DraftView(String source, String version, String name, String domain, String timezone, String country,
                        String keyboard, String adminEmail, List<String> sshKeys, Map<String, String> notes,
                        List<Network> networks, List<Image> images, String cluster, String endpoint, List<Node> nodes,
                        List<Vm> vms, List<Container> containers, List<String> unexpressed) {

    public DraftView {
        notes = comments(notes);
        unexpressed = unexpressed.stream().map(DraftView::comment).toList();
    }

    /**
     * Text for a YAML comment, which ends at the line's end and needs no other escape: PVE's values
     * (a description, a name) may hold a line break or a control character, which become spaces.
     */
    static String comment(String text) {
        return text == null ? null : text.replaceAll("[\\p{Cntrl}\\u0085\\u2028\\u2029]+", " ");
    }

    static Map<String, String> comments(Map<String, String> notes) {
        Map<String, String> clean = new java.util.LinkedHashMap<>();
        notes.forEach((key, value) -> clean.put(key, comment(value)));
        return java.util.Collections.unmodifiableMap(clean);
    }

    public record Network(String name, Integer vlan, String bridge, String cidr, String gateway, List<String> dns,
                          Integer mtu, String note) {
        public Network {
            note = comment(note);
        }
    }

    public record Image(String name, String kind, String arch, String url, String note) {
        public Image {
            note = comment(note);
        }
    }

    public record Node(String name, String address, String iface, String datastore, List<Device> devices,
                       boolean subscription, Map<String, String> notes) {
        public Node {
            notes = comments(notes);
        }
    }

    public record Device(String name, String type, String address, String id, String subsystemId, Integer iommuGroup,
                         String port, boolean existing, String note) {
        public Device {
            note = comment(note);
        }
    }

    public record Vm(String name, String node, int vmId, Map<String, String> notes, int cores, int memoryMib,
                     Integer balloonMinMib, String os, String firmware, String machine, boolean agent,
                     boolean serialConsole, String datastore,
                     List<Disk> disks, List<Nic> nics, List<String> passthrough, Boolean onBoot, Startup startup,
                     String description) {
        public Vm {
            notes = comments(notes);
        }
    }

    public record Disk(int sizeGib, String iface, String datastore, String note) {
        public Disk {
            note = comment(note);
        }
    }

    public record Nic(String network, String address, String mac, String note) {
        public Nic {
            note = comment(note);
        }
    }

    public record Startup(int order, Integer up, Integer down) {
    }

    public record Container(String name, String node, int vmId, String template, Map<String, String> notes, int cores,
                            int memoryMib, int swapMib, int diskGib, String diskDatastore, List<Nic> nics,
                            Boolean unprivileged, List<String> features, List<Mount> mounts, List<String> devices,
                            List<String> tags, Boolean onBoot, Startup startup, String description) {
        public Container {
            notes = comments(notes);
        }
    }

    public record Mount(String path, String hostPath, String datastore, Integer sizeGib) {
    }
}
