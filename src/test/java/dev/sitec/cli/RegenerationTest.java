package dev.sitec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitec.BrokenSite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Regenerating after an edit touches exactly what the edit is about. */
class RegenerationTest {

    @TempDir
    Path dir;

    private static Map<String, String> tree(Path out) throws Exception {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(out)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(out.relativize(p).toString(), Files.readString(p));
            }
        }
        return files;
    }

    /** A file of the VM's own: a folder or file named after it (k3s-w-1/…, k3s-w-1.yml). */
    private static boolean namesTheVm(String path) {
        for (String segment : path.split("/")) {
            if (segment.equals("k3s-w-1") || segment.startsWith("k3s-w-1.")) {
                return true;
            }
        }
        return false;
    }

    @Test
    void deletingOneVmDeletesExactlyItsFilesAndEditsOnlyWhatMentionsIt() throws Exception {
        Path out = dir.resolve("generated");
        Path before = BrokenSite.reference().writeTo(Files.createDirectories(dir.resolve("a")));
        assertThat(CliTest.sitec("generate", "-f", before.toString(), "-o", out.toString()).exit()).isZero();
        Map<String, String> old = tree(out);

        Path after = BrokenSite.reference()
                .replace("  k3s-w-1:  { node: pve1, profile: k3s-agent,  address: { servers: 10.10.20.31, storage: 10.10.30.31 } }\n", "")
                .replace("agents: [k3s-w-1, ", "agents: [")
                .writeTo(Files.createDirectories(dir.resolve("b")));
        assertThat(CliTest.sitec("generate", "-f", after.toString(), "-o", out.toString()).exit()).isZero();
        Map<String, String> now = tree(out);

        List<String> deleted = new ArrayList<>(old.keySet());
        deleted.removeAll(now.keySet());
        assertThat(deleted).isNotEmpty().allMatch(RegenerationTest::namesTheVm);
        assertThat(old.keySet().stream().filter(RegenerationTest::namesTheVm)).containsExactlyInAnyOrderElementsOf(deleted);
        assertThat(now.keySet()).isSubsetOf(old.keySet());
        for (String path : now.keySet()) {
            if (!now.get(path).equals(old.get(path))) {
                assertThat(old.get(path)).as("%s changed, so it must have mentioned the VM", path).contains("k3s-w-1");
            }
        }
    }
}
