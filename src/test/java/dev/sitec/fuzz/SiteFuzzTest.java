package dev.sitec.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.sitec.Compilation;
import dev.sitec.SiteCompiler;
import dev.sitec.diagnostic.Diagnostic;
import dev.sitec.render.RenderedFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;

/**
 * The whole pipeline (load, validate, model, plan, render) under mutated sites: each try takes a
 * kept site (site.yaml, sites/*.yaml, the user's site), applies a few structured mutations (a value
 * swapped for a hostile one, a key dropped or added, an entry copied, a type changed) and compiles
 * it. A finding is any exception, a diagnostic without a place in the file, or a generated file its
 * own format's parser refuses. Bounded here (150 tries); longer by scripts/fuzz. A plain seeded
 * generator rather than a library: every finding is replayed from its seed and try.
 */
class SiteFuzzTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));
    private static final List<JsonNode> CORPUS = corpus();
    /** Every scalar the corpus holds under each key name: swapping among them keeps most sites valid. */
    private static final Map<String, List<JsonNode>> VALUES_BY_KEY = valuesByKey();

    private static Map<String, List<JsonNode>> valuesByKey() {
        Map<String, List<JsonNode>> values = new java.util.TreeMap<>();
        for (JsonNode site : CORPUS) {
            List<Object[]> slots = new ArrayList<>();
            collect(site, slots);
            for (Object[] slot : slots) {
                JsonNode value = get((JsonNode) slot[0], slot[1]);
                if (slot[1] instanceof String key && value.isValueNode()) {
                    values.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
                }
            }
        }
        return values;
    }

    /** Values a user, a typo or an attacker could write anywhere. */
    private static final List<Object> HOSTILE = List.of("", " ", "..", ".", "a/../b", "x//y", "/", "\u0000", "\t", "\n",
            "x".repeat(5000), "dhcp", "DHCP", "-1", "0", "65536", "2147483648", "4294967310", "9".repeat(40), "1e400",
            "é", "日本", "${var}", "{{ x }}", "'\"", "a: b", "*", "&x", "- x", "#", "0000:00:00.0", "ff:ff:ff:ff:ff:ff",
            "00:00:00:00:00:00", "01:00:5e:00:00:01", "10.0.0.0/8", "255.255.255.255", "0.0.0.0", "10.10.10.1",
            "192.168.1.0/24", "v1.2", "~1", ">=1 <2", "vmbr0", "vmbr1", "local", "ceph-rbd", "win11", "windows",
            "appliance", "lxc", "iso", "pet", "cattle", "pve1", "k3s-cp-1", "mgmt", "storage", "https://x.example/a.iso",
            "http://x", "ssh://git@x/y.git", "latest", -1, 0, 1, 4094, 4095, 65535, 2147483647, -2147483648L,
            4294967310L, 1.5, true, false);
    private static final List<String> KEYS = List.of("vlan", "bridge", "cidr", "gateway", "dns", "mtu", "address",
            "mac", "interface", "boot_disks", "datastore", "snippets_datastore", "devices", "passthrough", "image",
            "profile", "lifecycle", "os", "os_type", "drivers", "balloon_min_mib", "startup", "vm_id", "macs", "labels",
            "disks", "template", "features", "mounts", "node", "roles", "clusters", "protect", "retention", "kind",
            "firmware", "url", "checksum", "version", "values", "path", "tree", "export", "server");

    private static List<JsonNode> corpus() {
        List<Path> files = new ArrayList<>(List.of(Path.of("site.yaml")));
        try (Stream<Path> kept = Files.list(Path.of("sites"))) {
            kept.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path shared = Path.of("..", "shared", "site", "site.yaml");
        if (Files.exists(shared)) {
            files.add(shared);
        }
        List<JsonNode> sites = new ArrayList<>();
        for (Path file : files) {
            try {
                sites.add(YAML.readTree(file.toFile()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return List.copyOf(sites);
    }

    /** One mutation: which kind, where (an index into the tree's nodes) and with what. */
    record Mutation(int kind, int where, int what) {
    }

    /**
     * Tries {@code sitec.fuzz.tries} mutated sites (default 150) from {@code sitec.fuzz.seed} (default:
     * a fresh one, printed): a failure names its seed and try, which replay it exactly.
     */
    @Test
    void noMutatedSiteBreaksThePipeline() throws IOException {
        long seed = Long.getLong("sitec.fuzz.seed", System.nanoTime());
        int tries = Integer.getInteger("sitec.fuzz.tries", 150);
        System.out.println("SiteFuzzTest seed " + seed + ", " + tries + " tries");
        Random random = new Random(seed);
        int generated = 0;
        for (int attempt = 0; attempt < tries; attempt++) {
            int site = random.nextInt(CORPUS.size());
            List<Mutation> mutations = new ArrayList<>();
            for (int i = 0, n = 1 + random.nextInt(4); i < n; i++) {
                // Half the mutations swap a value for one the corpus has under the same key (mostly valid
                // sites, which reach the renderers); the others break things on purpose.
                int kind = random.nextBoolean() ? 6 : random.nextInt(6);
                mutations.add(new Mutation(kind, random.nextInt(Integer.MAX_VALUE), random.nextInt(Integer.MAX_VALUE)));
            }
            try {
                generated += tryOnce(site, mutations) ? 1 : 0;
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("finding (seed " + seed + ", try " + attempt + ", site " + site + ", mutations "
                        + mutations + "): " + e.getMessage(), e);
            }
        }
        // Tries that pass validation reach the model, the planner and every renderer.
        System.out.println("SiteFuzzTest: " + generated + " of " + tries + " mutated sites generated a tree");
        assertThat(generated).as("mutated sites that reach the renderers").isPositive();
    }

    /** One try; true when the site was valid, so that every family rendered it. */
    private static boolean tryOnce(int site, List<Mutation> mutations) throws IOException {
        JsonNode tree = CORPUS.get(site).deepCopy();
        for (Mutation mutation : mutations) {
            apply(tree, mutation);
        }
        String text = YAML.writeValueAsString(tree);
        Path dir = Files.createTempDirectory("sitec-fuzz");
        try {
            Path file = dir.resolve("site.yaml");
            Files.writeString(file, text, StandardCharsets.UTF_8);
            Compilation result = new SiteCompiler().compile(file, "site.yaml");
            long lines = text.lines().count();
            for (Diagnostic d : result.diagnostics()) {
                assertThat(d.location().line()).as("line of %s in\n%s", d, text).isBetween(1, (int) lines + 1);
                assertThat(d.location().column()).as("column of %s", d).isPositive();
                assertThat(d.message()).as("message").isNotBlank().doesNotContain("Exception");
            }
            if (!result.failed()) {
                assertThat(result.files()).isNotEmpty();
                result.files().forEach(SiteFuzzTest::parsesInItsOwnFormat);
            }
            return !result.failed();
        } finally {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** A generated YAML, JSON or TOML file is one its format's parser reads. */
    private static void parsesInItsOwnFormat(RenderedFile file) {
        String path = file.path();
        String text = new String(file.content(), StandardCharsets.UTF_8);
        try {
            if (path.endsWith(".yaml") || path.endsWith(".yml") || path.endsWith("/user-data")
                    || path.endsWith("/meta-data") || path.endsWith("/network-config")) {
                // Composed, not constructed: Ansible's files carry its own tags (!unsafe).
                Compose compose = new Compose(LoadSettings.builder().setAllowDuplicateKeys(false).build());
                for (Object ignored : compose.composeAllFromString(text)) {
                    // every document must compose
                }
            } else if (path.endsWith(".json")) {
                new ObjectMapper().readTree(text);
            } else if (path.endsWith(".toml")) {
                new TomlMapper().readTree(text);
            }
        } catch (Exception e) {
            throw new AssertionError(path + " does not parse: " + e.getMessage() + "\n" + text, e);
        }
    }

    private static void apply(JsonNode root, Mutation m) {
        List<Object[]> slots = new ArrayList<>(); // {parent, key or index}
        collect(root, slots);
        if (slots.isEmpty()) {
            return;
        }
        Object[] slot = slots.get(m.where() % slots.size());
        JsonNode parent = (JsonNode) slot[0];
        Object key = slot[1];
        JsonNodeFactory json = JsonNodeFactory.instance;
        switch (m.kind()) {
            case 0, 1 -> set(parent, key, hostile(m.what()));
            case 2 -> remove(parent, key);
            case 3 -> {
                if (parent instanceof ObjectNode object && key instanceof String name) {
                    object.set(name + "-" + (m.what() % 3), get(parent, key).deepCopy());
                }
            }
            case 4 -> set(parent, key, m.what() % 2 == 0 ? json.objectNode() : json.arrayNode().add(hostile(m.what())));
            case 5 -> {
                JsonNode target = get(parent, key);
                if (target instanceof ObjectNode object) {
                    object.set(KEYS.get(m.what() % KEYS.size()), hostile(m.what() / 7));
                }
            }
            default -> {
                List<JsonNode> seen = key instanceof String name ? VALUES_BY_KEY.get(name) : null;
                if (seen != null && get(parent, key).isValueNode()) {
                    set(parent, key, seen.get(m.what() % seen.size()).deepCopy());
                }
            }
        }
    }

    private static JsonNode hostile(int index) {
        return new ObjectMapper().valueToTree(HOSTILE.get(index % HOSTILE.size()));
    }

    private static void collect(JsonNode node, List<Object[]> slots) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                slots.add(new Object[] {object, field.getKey()});
                collect(field.getValue(), slots);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                slots.add(new Object[] {array, i});
                collect(array.get(i), slots);
            }
        }
    }

    private static JsonNode get(JsonNode parent, Object key) {
        return key instanceof String name ? parent.get(name) : parent.get((Integer) key);
    }

    private static void set(JsonNode parent, Object key, JsonNode value) {
        if (parent instanceof ObjectNode object) {
            object.set((String) key, value);
        } else {
            ((ArrayNode) parent).set((Integer) key, value);
        }
    }

    private static void remove(JsonNode parent, Object key) {
        if (parent instanceof ObjectNode object) {
            object.remove((String) key);
        } else {
            ((ArrayNode) parent).remove((int) (Integer) key);
        }
    }
}
