package dev.sitec.adopt;

import dev.sitec.render.EscapingOutputFormat;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the import template reads: the site import writes, value by value, each with the comment it
 * carries ({@code notes}, by key: "guess: ..." where import had to choose). Null means "leave the key out".
 * Every text of it the template writes as a value or a key goes through {@link #yaml} or {@link #quoted}
 * (a YAML emitter's quoting); every text it writes in a comment is made one line here.
 */
public record DraftView(String source, String version, String name, String domain, String timezone, String country,
                        String keyboard, String adminEmail, List<String> sshKeys, Map<String, String> notes,
                        List<Network> networks, List<Image> images, String cluster, String endpoint, List<Node> nodes,
                        List<Vm> vms, List<Container> containers, List<String> unexpressed) {

    /**
     * What a comment may not hold: what YAML does not allow in a file at all (C0 and C1 controls but
     * tab, a surrogate that is half of a pair, U+FFFE, U+FFFF), what some reader takes for a line's end
     * (U+0085, U+2028, U+2029) or a file's start (U+FEFF), and tabs.
     */
    private static final Pattern NOT_IN_COMMENT = Pattern.compile(
            "(?:[^\\x20-\\x7E\\xA0-\\uD7FF\\uE000-\\uFFFD\\x{10000}-\\x{10FFFF}]|[\\u2028\\u2029\\uFEFF])+");

    public DraftView {
        source = comment(source);
        version = comment(version);
        notes = comments(notes);
        unexpressed = unexpressed.stream().map(DraftView::comment).toList();
    }

    /** The site's first line, a comment: where it was read from. */
    public String heading() {
        return comment("Written by `sitec import` from " + source + " (Proxmox VE " + version + ", cluster " + cluster + ").");
    }

    /** For the template: what the password hash says until the person gives theirs (PVE keeps none sitec can read). */
    public String placeholderHash() {
        return dev.sitec.model.Placeholders.PASSWORD_HASH;
    }

    /** For the template: the text as a YAML scalar, plain where it reads back as itself, else quoted. */
    public TemplateModel yaml(String text) throws TemplateModelException {
        return EscapingOutputFormat.YAML.fromMarkup(YamlScalars.plainOrQuoted(text));
    }

    /** For the template: the text as a YAML scalar in double quotes. */
    public TemplateModel quoted(String text) throws TemplateModelException {
        return EscapingOutputFormat.YAML.fromMarkup(YamlScalars.doubleQuoted(text));
    }

    /**
     * Text for a YAML comment, which ends at the line's end and needs no other escape: PVE's values
     * (a description, a name) may hold a line break or a control character, which become spaces.
     */
    static String comment(String text) {
        return text == null ? null : NOT_IN_COMMENT.matcher(text).replaceAll(" ");
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

    /**
     * An image: a download (kind, arch, url), or a template VM on the cluster (kind template, its
     * VMID and node, the datastore its disks are on when not the node's, and whether that is shared).
     */
    public record Image(String name, String kind, String arch, String url, String note, Integer vmId, String node,
                        String datastore, boolean shared) {
        public Image {
            note = comment(note);
        }

        public Image(String name, String kind, String arch, String url, String note) {
            this(name, kind, arch, url, note, null, null, null, false);
        }
    }

    public record Node(String name, String address, String iface, String datastore, List<Device> devices,
                       boolean subscription, Map<String, String> notes) {
        public Node {
            notes = comments(notes);
        }
    }

    public record Device(String name, String type, String address, String id, String subsystemId, Integer iommuGroup,
                         boolean allFunctions, boolean primaryGpu, String port, boolean existing, String note) {
        public Device {
            note = comment(note);
        }
    }

    public record Vm(String name, String node, int vmId, Map<String, String> notes, int cores, int memoryMib,
                     Integer balloonMinMib, String os, String firmware, String machine, boolean agent,
                     boolean serialConsole, String cpuType, String scsiController, Boolean agentTrim, String datastore,
                     List<Disk> disks, List<Nic> nics, List<String> passthrough, List<String> tags, Boolean onBoot,
                     Startup startup, String description) {
        public Vm {
            notes = comments(notes);
        }
    }

    public record Disk(int sizeGib, String iface, String datastore, String format, String note) {
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
