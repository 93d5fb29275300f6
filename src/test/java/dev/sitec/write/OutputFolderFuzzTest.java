package dev.sitec.write;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitec.plan.FileMode;
import dev.sitec.render.RenderedFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The output folder as a hostile repository brings it (issue 23): each try generates a small tree,
 * then mutates the folder at random (a commit record of random steps with right and wrong hashes,
 * staging folders that are links or files, links in place of folders, files and records, manifests
 * with foreign lines or bytes that are not UTF-8, a folder where a record belongs), and runs
 * generate (forced or not), check and the recorded site's reader. A finding is: anything outside the
 * folder changed; a file sitec never wrote (a Terraform state with bytes no record can know) changed
 * or gone; a refusal that changed the folder; an exception that is not a located refusal or an I/O
 * error with a message. Bounded here (200 tries); longer with -Dsitec.fuzz.tries (scripts/fuzz).
 */
class OutputFolderFuzzTest {

    private static final List<String> PLANNED = List.of("README.md", "ansible/site.yml", "ansible/roles/a/tasks/main.yml",
            "terraform/clusters/pve/main.tf", RecordedSite.FILE_NAME);
    private static final String STATE = "terraform/clusters/pve/terraform.tfstate";
    private static final List<String> PATHS = List.of("README.md", "ansible/site.yml", "ansible", "ansible/roles",
            "terraform/clusters/pve/main.tf", STATE, "../victim/authorized_keys", "victim/authorized_keys", "a/../b",
            "/etc/passwd", "", "x\ty", ".sitec-manifest", ".sitec-journal", "new/file.txt", "ansible/roles/a/tasks/main.yml");

    @TempDir
    Path dir;

    @Test
    void noHostileOutputFolderMakesSitecReachOutsideIt() throws IOException {
        long seed = Long.getLong("sitec.fuzz.seed", System.nanoTime());
        int tries = Integer.getInteger("sitec.fuzz.tries", 200);
        System.out.println("OutputFolderFuzzTest seed " + seed + ", " + tries + " tries");
        Random random = new Random(seed);
        int refused = 0;
        for (int attempt = 0; attempt < tries; attempt++) {
            String context = "seed " + seed + ", try " + attempt;
            try {
                refused += oneTry(random, dir.resolve("try-" + attempt), context) ? 1 : 0;
            } catch (AssertionError e) {
                throw new AssertionError(context + ": " + e.getMessage(), e);
            }
        }
        System.out.println("OutputFolderFuzzTest: " + refused + " of " + tries + " hostile folders refused");
        assertThat(refused).as("a fuzzer that never makes sitec refuse proves nothing").isPositive();
    }

    /** One hostile folder; true when sitec refused it. */
    private boolean oneTry(Random random, Path root, String context) throws IOException {
        Path out = root.resolve("generated");
        Path victim = Files.createDirectories(root.resolve("victim"));
        Files.writeString(victim.resolve("authorized_keys"), "ssh-ed25519 AAAA owner\n");
        Files.writeString(victim.resolve("id_ed25519"), "PRIVATE KEY\n");
        OutputWriter writer = new OutputWriter();
        writer.write(out, tree(1));
        String state = "{\"serial\": " + random.nextLong() + "}\n"; // bytes no record can know
        Files.writeString(out.resolve(STATE), state);
        List<String> done = new ArrayList<>();
        int mutations = 1 + random.nextInt(4);
        for (int i = 0; i < mutations; i++) {
            try {
                done.add(mutate(random, root, out, victim));
            } catch (IOException e) {
                done.add("(a mutation that did not fit: " + e.getMessage() + ")");
            }
        }
        Map<String, String> victimBefore = snapshot(victim);
        Map<String, String> outBefore = snapshot(out);
        String what = context + " after " + done;
        boolean force = random.nextBoolean();
        boolean wasRefused = false;
        try {
            writer.write(out, tree(2), force);
        } catch (RefusedOutputException e) {
            wasRefused = true;
            assertThat(e.getMessage()).as(what).isNotBlank();
            assertThat(e.hint()).as(what).isNotBlank();
            assertThat(snapshot(out)).as(what + ": a refusal changes nothing: " + e.getMessage()).isEqualTo(outBefore);
        } catch (EditedByHandException e) {
            wasRefused = true;
            if (!outBefore.containsKey(CommitJournal.FILE_NAME)) { // else a checked commit was finished first, as it should be
                assertThat(snapshot(out)).as(what).isEqualTo(outBefore);
            }
        } catch (IOException e) {
            wasRefused = true;
            assertThat(e.getMessage()).as(what + ": " + e).isNotNull();
        }
        for (ThrowingRun run : List.<ThrowingRun>of(() -> writer.check(out, tree(2)), () -> RecordedSite.read(out))) {
            try {
                run.run();
            } catch (IOException e) {
                assertThat(e.getMessage()).as(what + ": " + e).isNotNull();
            }
        }
        assertThat(snapshot(victim)).as(what + ": outside the folder").isEqualTo(victimBefore);
        Path stateFile = out.resolve(STATE);
        if (!Files.isSymbolicLink(out) && !Files.isSymbolicLink(out.resolve("terraform"))
                && !Files.isSymbolicLink(out.resolve("terraform/clusters")) && !Files.isSymbolicLink(out.resolve("terraform/clusters/pve"))) {
            assertThat(Files.isRegularFile(stateFile, LinkOption.NOFOLLOW_LINKS)).as(what + ": the Terraform state is gone").isTrue();
            assertThat(Files.readString(stateFile)).as(what + ": the Terraform state").isEqualTo(state);
        }
        return wasRefused;
    }

    @FunctionalInterface
    private interface ThrowingRun {
        void run() throws IOException;
    }

    private static String mutate(Random random, Path root, Path out, Path victim) throws IOException {
        switch (random.nextInt(9)) {
            case 0 -> {
                List<String> lines = new ArrayList<>(List.of(random.nextInt(5) == 0 ? "sitec-journal 1" : "sitec-journal 2",
                        "staging " + pick(random, List.of(".generated.sitec-1", ".generated.sitec-x", "../victim", "victim",
                                ".generated.sitec-2/../../victim"))));
                for (int i = random.nextInt(5); i >= 0; i--) {
                    String path = pick(random, PATHS);
                    lines.add(switch (random.nextInt(4)) {
                        case 0 -> "move\t" + path + "\t" + hash(random) + "\t" + (random.nextBoolean() ? "-" : hash(random));
                        case 1 -> "delete\t" + path + "\t" + hash(random);
                        case 2 -> "frobnicate " + path;
                        default -> "delete " + path;
                    });
                }
                Files.writeString(out.resolve(CommitJournal.FILE_NAME), String.join("\n", lines) + "\n");
                return "record " + lines;
            }
            case 1 -> {
                Path staging = root.resolve(".generated.sitec-" + (1 + random.nextInt(2)));
                if (random.nextBoolean() && !Files.exists(staging, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createSymbolicLink(staging, victim);
                    return "staging link";
                }
                Files.createDirectories(staging.resolve("ansible"));
                String content = "staged " + random.nextInt(3) + "\n";
                Path file = staging.resolve(pick(random, List.of("README.md", "ansible/site.yml", STATE, "id_ed25519")));
                Files.createDirectories(file.getParent());
                if (random.nextBoolean()) {
                    Files.deleteIfExists(file);
                    Files.createSymbolicLink(file, victim.resolve("id_ed25519"));
                } else {
                    Files.writeString(file, content);
                }
                return "staged " + root.relativize(file);
            }
            case 2 -> {
                Path folder = out.resolve(pick(random, List.of("ansible", "ansible/roles", "terraform/clusters")));
                if (Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
                    OutputWriter.deleteRecursively(folder);
                    Files.createSymbolicLink(folder, victim);
                }
                return "link folder " + out.relativize(folder);
            }
            case 3 -> {
                Path file = out.resolve(pick(random, List.of("README.md", "ansible/site.yml", RecordedSite.FILE_NAME,
                        Manifest.FILE_NAME, CommitJournal.TMP_NAME, CommitJournal.FILE_NAME)));
                if (Files.isDirectory(file.getParent(), LinkOption.NOFOLLOW_LINKS)) {
                    Files.deleteIfExists(file);
                    Files.createSymbolicLink(file, victim.resolve(random.nextBoolean() ? "authorized_keys" : "id_ed25519"));
                }
                return "link file " + out.relativize(file);
            }
            case 4 -> {
                String line = pick(random, List.of(STATE, STATE + "\t" + hash(random), "../victim/authorized_keys",
                        "victim\t" + hash(random), "README.md\tzz", "ansible\t" + hash(random)));
                appendTo(out.resolve(Manifest.FILE_NAME), (line + "\n").getBytes(StandardCharsets.UTF_8));
                return "manifest line " + line;
            }
            case 5 -> {
                Path file = out.resolve(pick(random, List.of(Manifest.FILE_NAME, CommitJournal.FILE_NAME, RecordedSite.FILE_NAME)));
                appendTo(file, new byte[] {'x', (byte) 0xC3, (byte) 0x28, '\n'});
                return "not UTF-8 " + out.relativize(file);
            }
            case 6 -> {
                Path record = out.resolve(pick(random, List.of(CommitJournal.FILE_NAME, CommitJournal.TMP_NAME, Manifest.FILE_NAME,
                        RecordedSite.FILE_NAME)));
                if (!Files.exists(record, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(record.resolve("inside"));
                }
                return "folder " + out.relativize(record);
            }
            case 7 -> {
                Path file = out.resolve("ansible/site.yml");
                if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    Files.writeString(file, "edited by hand\n");
                }
                return "hand edit";
            }
            default -> {
                if (random.nextInt(4) == 0 && Files.isDirectory(out, LinkOption.NOFOLLOW_LINKS)) {
                    Files.move(out, root.resolve("moved-away"));
                    Files.createSymbolicLink(out, victim);
                    return "output folder link";
                }
                return "nothing";
            }
        }
    }

    private static void appendTo(Path file, byte[] bytes) throws IOException {
        if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            Files.write(file, bytes, java.nio.file.StandardOpenOption.APPEND);
        }
    }

    /** Bytes a hostile record can know: what the tree and the staged files hold (never the state's). */
    private static final List<String> KNOWN = List.of("staged 0\n", "staged 1\n", "staged 2\n", "README.md v1\n",
            "ansible/site.yml v1\n", "ansible/site.yml v2\n", "gone\n", "PRIVATE KEY\n", "ssh-ed25519 AAAA owner\n");

    private static String hash(Random random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return switch (random.nextInt(8)) {
            case 0 -> "not-a-hash";
            case 1, 2, 3 -> Manifest.sha256(pick(random, KNOWN).getBytes(StandardCharsets.UTF_8));
            default -> HexFormat.of().formatHex(bytes);
        };
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** A small tree in its {@code version}th form, with its manifest, as the compiler hands it over. */
    private static List<RenderedFile> tree(int version) {
        List<RenderedFile> files = new ArrayList<>();
        Map<String, byte[]> contents = new TreeMap<>();
        for (String path : PLANNED) {
            byte[] bytes = (path + " v" + (path.startsWith("README") ? 1 : version) + "\n").getBytes(StandardCharsets.UTF_8);
            files.add(new RenderedFile(path, bytes, FileMode.REGULAR));
            contents.put(path, bytes);
        }
        if (version == 1) { // a file the next version no longer generates
            byte[] gone = "gone\n".getBytes(StandardCharsets.UTF_8);
            files.add(new RenderedFile("ansible/gone.yml", gone, FileMode.REGULAR));
            contents.put("ansible/gone.yml", gone);
        }
        files.add(new RenderedFile(Manifest.FILE_NAME, Manifest.render(contents), FileMode.REGULAR));
        return files;
    }

    /** Every file and link below {@code dir} (not following links), with its bytes or its target. */
    private static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        if (Files.isSymbolicLink(dir)) {
            files.put(".", "-> " + Files.readSymbolicLink(dir));
            return files;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.toList()) {
                String key = dir.relativize(p).toString();
                if (Files.isSymbolicLink(p)) {
                    files.put(key, "-> " + Files.readSymbolicLink(p));
                } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    files.put(key, Files.readString(p, StandardCharsets.ISO_8859_1));
                } else {
                    files.put(key + "/", "");
                }
            }
        }
        return files;
    }
}
