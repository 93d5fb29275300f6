package dev.sitec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitec.render.RenderedFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generated READMEs, the runbook and the plays speak of the tree each site gets, not of the
 * reference lab's: every file or folder they name is there, every role a play runs is there, every
 * role there is one a play runs and the Ansible README lists, and the runbook's stages are numbered
 * 1, 2, 3 ... (issue 25, item 16). Run for every kept site: they differ in what they have.
 */
class GeneratedDocsAgreeWithTreeTest {

    /** A path a document names: under one of the tree's folders, in backticks or a link. */
    private static final Pattern NAMED_PATH = Pattern.compile(
            "[`(]((?:\\.\\./)?(?:ansible/|terraform/|cloud-init/|flux/|installer/)?"
                    + "(?:playbooks|roles|modules|clusters|inventory|host_files|group_vars|host_vars)/[A-Za-z0-9_./-]*)[`)]");
    private static final Pattern PLAYED_ROLE = Pattern.compile("(?m)^\\s*(?:- role|name): ([a-z0-9_]+)$");
    private static final Pattern STAGE = Pattern.compile("(?m)^### (\\d+)\\. ");

    @TempDir
    Path dir;

    static Stream<Path> keptSites() throws Exception {
        return ReferenceSiteTest.keptSites();
    }

    @ParameterizedTest
    @MethodSource("keptSites")
    void everyPathTheDocumentsNameIsInTheTree(Path site) {
        Map<String, String> tree = tree(site);
        List<String> missing = new ArrayList<>();
        tree.forEach((path, text) -> {
            if (!path.endsWith(".md")) {
                return;
            }
            Path folder = Path.of(path).getParent();
            Matcher m = NAMED_PATH.matcher(text);
            while (m.find()) {
                String named = m.group(1);
                if (bases(folder).stream().noneMatch(base -> exists(tree, base.resolve(named).normalize().toString()))) {
                    missing.add(path + " names " + named);
                }
            }
        });
        assertThat(missing).as("paths the generated documents name that are not in the tree of " + site).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("keptSites")
    void theRolesThereAreTheRolesThePlaysRunAndTheReadmeLists(Path site) {
        Map<String, String> tree = tree(site);
        TreeSet<String> present = new TreeSet<>();
        tree.keySet().stream().filter(p -> p.startsWith("ansible/roles/")).forEach(p -> present.add(p.split("/")[2]));
        assertThat(present).as("roles in the tree of " + site).isEqualTo(playedRoles(tree));
        for (String role : present) {
            assertThat(tree.get("ansible/README.md")).as("ansible/README.md of " + site).contains("`" + role + "`");
        }
    }

    @ParameterizedTest
    @MethodSource("keptSites")
    void theRunbookStagesAreNumberedInOrder(Path site) {
        Matcher m = STAGE.matcher(tree(site).get("RUNBOOK.md"));
        int expected = 1;
        while (m.find()) {
            assertThat(Integer.parseInt(m.group(1))).as("stage number in RUNBOOK.md of " + site).isEqualTo(expected++);
        }
        assertThat(expected).as("stages in RUNBOOK.md of " + site).isGreaterThan(2);
    }

    /** The roles the playbooks run by name, and the roles those depend on, as far as the tree has them. */
    private static TreeSet<String> playedRoles(Map<String, String> tree) {
        TreeSet<String> roles = new TreeSet<>();
        List<String> texts = new ArrayList<>();
        tree.forEach((path, text) -> {
            if (path.startsWith("ansible/playbooks/") || path.startsWith("ansible/roles/") && path.endsWith("/meta/main.yml")) {
                texts.add(text);
            }
        });
        for (String text : texts) {
            Matcher m = PLAYED_ROLE.matcher(text);
            while (m.find()) {
                if (tree.keySet().stream().anyMatch(p -> p.startsWith("ansible/roles/" + m.group(1) + "/"))) {
                    roles.add(m.group(1));
                } else if (!m.group(1).contains(".")) {
                    roles.add(m.group(1) + " (run by a play, missing from the tree)");
                }
            }
        }
        return roles;
    }

    /**
     * Where a named path may start: the document's folder or one above it, or ansible/ (where the
     * Ansible commands run, so documents name playbooks from there).
     */
    private static List<Path> bases(Path folder) {
        List<Path> bases = new ArrayList<>(List.of(Path.of(""), Path.of("ansible")));
        for (Path f = folder; f != null; f = f.getParent()) {
            bases.add(f);
        }
        return bases;
    }

    private static boolean exists(Map<String, String> tree, String path) {
        String folder = path.endsWith("/") ? path : path + "/";
        return tree.containsKey(path) || tree.keySet().stream().anyMatch(p -> p.startsWith(folder));
    }

    private Map<String, String> tree(Path site) {
        Compilation compiled = new SiteCompiler().compile(KeptSites.finishedCopy(site, dir), site.toString());
        assertThat(compiled.failed()).as(site + " compiles").isFalse();
        Map<String, String> tree = new TreeMap<>();
        for (RenderedFile file : compiled.files()) {
            tree.put(file.path(), file.text());
        }
        return tree;
    }
}
