package dev.sitec.adopt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sitec.Toolchain;
import dev.sitec.load.SiteLoader;
import dev.sitec.load.SourceDocument;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 23 item 10: whatever text the cluster holds, the site import writes is YAML that sitec's own
 * loader reads back to the same text, in every value and key the template writes, and every comment
 * stays one line. The text is put straight into the view, so that every field is met, including those
 * import fills from values it checked first.
 */
class HostileTextTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<String> hostile() {
        List<String> texts = new ArrayList<>(List.of("\"", "'", "\"quoted\"", "'single'", "a: b", "a: b - c ? d &x *x #",
                "#x", "x #y", "x#y", "&a", "*a", "!tag", "!!str", "%YAML 1.2", "@x", "`x`", "-", "- x", "-x", "--x",
                "?", "? x", "?x", ":", ":x", "x:", "x: ", "[x]", "{x: y}", "a,b", "a, b", "]", "}", "|", "|-", ">", ">+",
                "\n", "a\nb", "a\r\nb", "a\rb", "\na", "a\n", "\u2028", "x\u2028y", "\u2029", "x\u0085y", "\u0085",
                "\0", "nul\0x", "\t", "a\tb", "\tx", "\uFEFF", "\uFEFFx", "x\uFEFF", "", " ", " x", "x ", "  ",
                "yes", "no", "Yes", "NO", "on", "off", "y", "n", "true", "False", "TRUE", "null", "Null", "NULL", "~",
                "0", "123", "-1", "+1", "0x1F", "0o17", "017", "1e3", "1.5", ".5", ".inf", "-.Inf", ".nan", "1_000",
                "12:34", "2024-01-01", "<<", "=", "---", "...", "--- x", "\\", "\\n", "\\L", "${x}", "%{x}", "[=v.name]",
                "<#if x>", "\u001b[31mred", "\u0090", "\u009b", "\u007f", "\u00a0", "\u00e9t\u00e9", "\u65e5\u672c",
                "\ud83d\ude00", "\ufffd", "\ufffe", "\uffff", "a  b", "a\u00a0#b", "x\\\"y", "'\"'", "\"'\""));
        texts.add("x".repeat(20_000));
        texts.add("a: b # ".repeat(3_000));
        texts.add("line\n".repeat(2_000));
        return texts.stream();
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void everyWrittenTextLoadsBackAsItself(String text) throws Exception {
        String key = text.length() > 200 ? "k" : text;
        String site = render(view(text, key));
        SourceDocument loaded = new SiteLoader().parse(site, "site.yaml");
        JsonNode root = loaded.root();
        for (Object[] path : paths(key)) {
            JsonNode at = root;
            for (Object step : path) {
                at = step instanceof Integer index ? at.path(index) : at.path((String) step);
            }
            String where = java.util.Arrays.toString(path);
            assertThat(at.isTextual()).as(where).isTrue();
            assertThat(at.textValue()).as(where).isEqualTo(text);
        }
        // Every comment stays one line: the site has as many lines as one with plain text everywhere.
        assertThat(site.split("\n", -1)).hasSameSizeAs(render(view("x", "k")).split("\n", -1));
    }

    /** The same through an import of saved answers: a VM's bridge, disk storage and description. */
    @ParameterizedTest
    @MethodSource("hostile")
    void aClustersTextLoadsBackAsItself(String text, @TempDir Path dir) throws Exception {
        Path recorded = Path.of("src/test/resources/pve/pve9-single");
        try (Stream<Path> files = Files.walk(recorded)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = dir.resolve(recorded.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
        // A property string splits at commas (and a bare value has no "="), a volume id at its first colon,
        // and a path is no storage.
        String bridge = text.replace(",", "");
        String storage = text.replaceAll("[,:/=]", "").isEmpty() ? "tank" : text.replaceAll("[,:/=]", "");
        Path file = dir.resolve("nodes/pve/qemu/201/config.json");
        ObjectNode config = (ObjectNode) JSON.readTree(file.toFile()).path("data");
        config.put("description", text).put("net0", "virtio=BC:24:11:9B:02:01,bridge=" + bridge)
                .put("scsi0", storage + ":vm-201-disk-0,size=40G");
        Files.writeString(file, JSON.writeValueAsString(JSON.createObjectNode().set("data", config)));
        String site = ImportedSite.read(new RecordedPveApi(dir, "answers"), Optional.empty()).text();
        JsonNode root = new SiteLoader().parse(site, "site.yaml").root();
        JsonNode plex = root.path("vms").path("plex");
        assertThat(plex.path("description").asText("")).isEqualTo(text.strip());
        assertThat(plex.path("disks").path(0).path("datastore").asText("local-zfs")).isEqualTo(storage);
        String network = plex.path("address").fieldNames().next();
        assertThat(root.path("networks").path(network).path("bridge").asText("vmbr0")).isEqualTo(bridge);
    }

    /**
     * The template writes no text but through the emitter: each interpolation is v.yaml(...), v.quoted(...),
     * a number (?c), or a comment DraftView made one line (?no_esc: a note, the heading, a line of the end).
     */
    @Test
    void theTemplateWritesNoTextByHand() throws Exception {
        String template = Files.readString(Path.of("templates/import/site.yaml.ftl"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\[=((?:[^\\]\\[]|\\[[^\\]]*\\])*)\\]").matcher(template);
        int seen = 0;
        while (m.find()) {
            seen++;
            assertThat(m.group(1)).matches("v\\.(?:yaml|quoted)\\([\\w.]+\\)|[\\w.]+\\?c|(?:[\\w.]*notes\\[[^\\]]+\\]"
                    + "|[\\w.]+\\.note|v\\.heading|line)\\?no_esc");
        }
        assertThat(seen).isGreaterThan(50);
    }

    private static String render(DraftView view) {
        return Toolchain.templateRenderer().renderOwned("import/site.yaml.ftl", view);
    }

    /** Where the view's text lands in the loaded site (#N is a list's item N). */
    private static List<Object[]> paths(String k) {
        List<Object[]> paths = new ArrayList<>();
        for (String p : new String[] {"site/name", "site/domain", "site/timezone", "site/country", "site/keyboard",
                "site/admin_email", "site/ssh_authorized_keys/#0", "networks/K/bridge", "networks/K/cidr",
                "networks/K/gateway", "networks/K/dns/#0", "images/K/kind", "images/K/arch", "images/K/url",
                "proxmox/clusters/K/endpoint", "proxmox/clusters/K/nodes/K/address", "proxmox/clusters/K/nodes/K/interface",
                "proxmox/clusters/K/nodes/K/datastore", "proxmox/clusters/K/nodes/K/devices/K/type",
                "proxmox/clusters/K/nodes/K/devices/K/address", "proxmox/clusters/K/nodes/K/devices/K/id",
                "proxmox/clusters/K/nodes/K/devices/K/subsystem_id", "proxmox/clusters/K/nodes/K/devices/K/port",
                "vms/K/node", "vms/K/os", "vms/K/firmware", "vms/K/machine", "vms/K/cpu_type", "vms/K/scsi_controller",
                "vms/K/datastore", "vms/K/disks/#0/interface", "vms/K/disks/#0/datastore", "vms/K/disks/#0/format", "vms/K/address/K", "vms/K/macs/K", "vms/K/passthrough/#0", "vms/K/tags/#0", "vms/K/description",
                "containers/K/node", "containers/K/template", "containers/K/disk/datastore", "containers/K/address/K",
                "containers/K/macs/K", "containers/K/features/#0", "containers/K/mounts/#0/host_path",
                "containers/K/mounts/#0/path", "containers/K/mounts/#1/datastore", "containers/K/mounts/#1/path",
                "containers/K/devices/#0", "containers/K/tags/#0", "containers/K/description"}) {
            paths.add(java.util.Arrays.stream(p.split("/")).map(s -> s.equals("K") ? k
                    : s.startsWith("#") ? (Object) Integer.valueOf(s.substring(1)) : s).toArray());
        }
        return paths;
    }

    /** A view with the text in every text it has, the key as every name, and the text in every comment. */
    private static DraftView view(String t, String k) {
        Map<String, String> notes = new java.util.HashMap<>(Map.of("name", t, "domain", t, "lifecycle", t, "address", t,
                "template", t, "cores", t, "disk", t, "ssh_authorized_keys", t, "admin_email", t));
        notes.putAll(Map.of("cpu_type", t, "scsi_controller", t));
        DraftView.Startup startup = new DraftView.Startup(1, 2, 3);
        List<DraftView.Nic> nics = List.of(new DraftView.Nic(k, t, t, t));
        DraftView.Vm vm = new DraftView.Vm(k, t, 101, notes, 2, 2048, 1024, t, t, t, true, false, t, t, false, t,
                List.of(new DraftView.Disk(8, t, t, t, t)), nics, List.of(t), List.of(t), false, startup, t);
        DraftView.Container ct = new DraftView.Container(k, t, 102, t, notes, 1, 512, 512, 8, t, nics, false,
                List.of(t), List.of(new DraftView.Mount(t, t, null, null), new DraftView.Mount(t, null, t, 4)), List.of(t),
                List.of(t), false, startup, t);
        DraftView.Node node = new DraftView.Node(k, t, t, t, List.of(new DraftView.Device(k, t, t, t, t, 3, true, true, t, true, t)),
                true, notes);
        return new DraftView(t, t, t, t, t, t, t, t, List.of(t), notes,
                List.of(new DraftView.Network(k, 40, t, t, t, List.of(t), 9000, t)),
                List.of(new DraftView.Image(k, t, t, t, t)), k, t, List.of(node), List.of(vm), List.of(ct), List.of(t, t));
    }
}
