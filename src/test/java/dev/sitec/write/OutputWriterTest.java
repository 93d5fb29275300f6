package dev.sitec.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sitec.plan.FileMode;
import dev.sitec.render.RenderedFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputWriterTest {

    @TempDir
    Path root;

    private final OutputWriter writer = new OutputWriter();

    private static RenderedFile file(String path, String content) {
        return new RenderedFile(path, content.getBytes(StandardCharsets.UTF_8), FileMode.REGULAR);
    }

    /** Files plus the manifest, as the compiler hands them over. */
    private static List<RenderedFile> tree(RenderedFile... files) {
        List<RenderedFile> all = new ArrayList<>(List.of(files));
        Map<String, byte[]> contents = new TreeMap<>();
        Stream.of(files).forEach(f -> contents.put(f.path(), f.content()));
        all.add(new RenderedFile(Manifest.FILE_NAME, Manifest.render(contents), FileMode.REGULAR));
        return all;
    }

    static String sha256(String text) {
        return Manifest.sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    private Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(p).toString(), Files.readString(p) + " @" + Files.getLastModifiedTime(p).toMillis());
            }
        }
        return files;
    }

    @Test
    void writesFilesAndAManifestOfThem() throws IOException {
        Path out = root.resolve("generated");
        WriteReport report = writer.write(out, tree(file("a/b.tf", "b\n"), file("c.yaml", "c\n")));
        assertThat(report.written()).containsExactly(".sitec-manifest", "a/b.tf", "c.yaml");
        assertThat(Files.readString(out.resolve("a/b.tf"))).isEqualTo("b\n");
        assertThat(Manifest.read(out)).containsExactly("a/b.tf", "c.yaml");
        try (Stream<Path> siblings = Files.list(root)) {
            assertThat(siblings).containsExactly(out); // no staging folder left behind
        }
    }

    @Test
    void unchangedFilesAreNotRewritten() throws IOException {
        Path out = root.resolve("generated");
        writer.write(out, tree(file("a.tf", "a\n"), file("b.tf", "b\n")));
        FileTime old = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(out.resolve("a.tf"), old);
        WriteReport report = writer.write(out, tree(file("a.tf", "a\n"), file("b.tf", "B\n")));
        // The manifest holds each file's hash, so it changes with b.tf.
        assertThat(report.written()).containsExactly(".sitec-manifest", "b.tf");
        assertThat(report.unchanged()).containsExactly("a.tf");
        assertThat(Files.getLastModifiedTime(out.resolve("a.tf"))).isEqualTo(old);
    }

    /**
     * Reproducer from the fuzzing run: with generated/ansible a link to another folder, generate
     * rewrote and deleted files in its target. Nothing below the output folder is written, renamed
     * or deleted through a link: the run is refused, naming the link, and both folders stay as they were.
     */
    @Test
    void neverWritesOrDeletesThroughALinkBelowTheOutputFolder() throws IOException {
        Path out = root.resolve("generated");
        writer.write(out, tree(file("ansible/site.yml", "v1\n"), file("ansible/old.yml", "old\n"), file("README.md", "r\n")));
        Path elsewhere = Files.createDirectories(root.resolve("elsewhere"));
        Files.writeString(elsewhere.resolve("site.yml"), "someone else's\n");
        Files.writeString(elsewhere.resolve("old.yml"), "someone else's too\n");
        deleteTree(out.resolve("ansible"));
        Files.createSymbolicLink(out.resolve("ansible"), elsewhere);
        Map<String, String> before = snapshot(elsewhere);
        Map<String, String> outBefore = snapshot(out);

        assertThatThrownBy(() -> writer.write(out, tree(file("ansible/site.yml", "v2\n"), file("README.md", "r\n"))))
                .isInstanceOfSatisfying(RefusedOutputException.class, e -> assertThat(e.format("generated")).isEqualTo(
                        "generated/ansible: error: a symbolic link where sitec keeps a folder: sitec writes, moves and deletes"
                        + " nothing through a link below its output folder; nothing was changed\n"
                        + "    hint: make it a plain folder (or move it away) and run again"));
        assertThat(snapshot(elsewhere)).isEqualTo(before);
        assertThat(snapshot(out)).isEqualTo(outBefore);
        assertThat(Files.list(root).map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("generated", "elsewhere");
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Test
    void deletesOwnedFilesNoLongerGeneratedAndNothingElse() throws IOException {
        Path out = root.resolve("generated");
        writer.write(out, tree(file("vms/old.tf", "old\n"), file("keep.tf", "k\n")));
        Files.createDirectories(out.resolve("vms/.terraform"));
        Files.writeString(out.resolve("vms/.terraform/state"), "user's");
        Files.writeString(out.resolve("notes.txt"), "user's");
        WriteReport report = writer.write(out, tree(file("keep.tf", "k\n")));
        assertThat(report.deleted()).containsExactly("vms/old.tf");
        assertThat(out.resolve("vms/old.tf")).doesNotExist();
        assertThat(out.resolve("vms/.terraform/state")).hasContent("user's");
        assertThat(out.resolve("notes.txt")).hasContent("user's");
    }

    @Test
    void prunesFoldersLeftEmpty() throws IOException {
        Path out = root.resolve("generated");
        writer.write(out, tree(file("a/b/c.tf", "c\n"), file("keep.tf", "k\n")));
        writer.write(out, tree(file("keep.tf", "k\n")));
        assertThat(out.resolve("a")).doesNotExist();
    }

    @Test
    void refusesToOverwriteAFileItDoesNotOwn() throws IOException {
        Path out = root.resolve("generated");
        Files.createDirectories(out);
        Files.writeString(out.resolve("main.tf"), "hand-written\n");
        assertThatThrownBy(() -> writer.write(out, tree(file("main.tf", "generated\n"))))
                .isInstanceOf(FileAlreadyExistsException.class);
        assertThat(out.resolve("main.tf")).hasContent("hand-written");
    }

    @Test
    void aFailedWriteLeavesThePreviousTreeByteForByte() throws IOException {
        Path out = root.resolve("generated");
        writer.write(out, tree(file("a.tf", "a1\n"), file("b.tf", "b1\n")));
        Map<String, String> before = snapshot(out);
        // "x" as a file and "x/y" as a file cannot both exist: staging fails after writing some files.
        List<RenderedFile> impossible = tree(file("a.tf", "a2\n"), file("b.tf", "b2\n"), file("x", "1\n"), file("x/y", "2\n"));
        assertThatThrownBy(() -> writer.write(out, impossible)).isInstanceOf(IOException.class);
        assertThat(snapshot(out)).isEqualTo(before);
        try (Stream<Path> siblings = Files.list(root)) {
            assertThat(siblings).containsExactly(out);
        }
    }

    @Test
    void pathsCannotEscapeTheOutputFolder() {
        for (String bad : List.of("../x", "/etc/passwd", "a/../../x", "a//b", "./a", "a\\b", "")) {
            assertThatThrownBy(() -> writer.write(root.resolve("generated"), tree(file(bad, "x"))))
                    .as(bad).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not one sitec may own");
        }
        assertThat(root.resolve("generated")).doesNotExist();
    }

    @Test
    void pathsThatDifferOnlyInCaseCollide() {
        assertThatThrownBy(() -> writer.write(root.resolve("g"), tree(file("A.tf", "1"), file("a.tf", "2"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("share a path");
    }

    @Test
    void privateAndExecutableModesAreApplied() throws IOException {
        Path out = root.resolve("generated");
        writer.write(out, tree(new RenderedFile("answer.toml", new byte[] {'x'}, FileMode.PRIVATE),
                new RenderedFile("run.sh", new byte[] {'y'}, FileMode.EXECUTABLE)));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("answer.toml")))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("run.sh")))).isEqualTo("rwxr-xr-x");
    }

    @Test
    void checkReportsMissingChangedModeAndStaleFiles() throws IOException {
        Path out = root.resolve("generated");
        writer.write(out, tree(file("same.tf", "s\n"), file("changed.tf", "old\n"), file("stale.tf", "x\n"),
                file("run.sh", "#!/bin/sh\n")));
        List<RenderedFile> now = tree(file("same.tf", "s\n"), file("changed.tf", "new\n"), file("new.tf", "n\n"),
                new RenderedFile("run.sh", "#!/bin/sh\n".getBytes(StandardCharsets.UTF_8), FileMode.EXECUTABLE));
        assertThat(writer.check(out, now)).containsExactly(
                new Drift(".sitec-manifest", Drift.Kind.CHANGED),
                new Drift("changed.tf", Drift.Kind.CHANGED),
                new Drift("new.tf", Drift.Kind.MISSING),
                new Drift("run.sh", Drift.Kind.MODE),
                new Drift("stale.tf", Drift.Kind.STALE));
        writer.write(out, now);
        assertThat(writer.check(out, now)).isEmpty();
    }

    /**
     * A run killed half-way through its renames leaves its commit record and staging folder; the next
     * run finishes that commit (the rest of the moves, the deletes, the manifest) before its own.
     */
    @Test
    void aCommitKilledHalfWayIsFinishedByTheNextRun() throws IOException {
        Path out = root.resolve("generated");
        writer.write(out, tree(file("a.txt", "a1"), file("old/b.txt", "b1")));
        // What a killed run left: a.txt already moved in, c.txt and the manifest still staged, b.txt to delete.
        Path staging = Files.createDirectory(root.resolve(".generated.sitec-4711"));
        Files.writeString(out.resolve("a.txt"), "a2");
        Files.createDirectories(staging.resolve("new"));
        Files.writeString(staging.resolve("new/c.txt"), "c2");
        byte[] manifest = Manifest.render(Map.of("a.txt", "a2".getBytes(StandardCharsets.UTF_8),
                "new/c.txt", "c2".getBytes(StandardCharsets.UTF_8)));
        Files.write(staging.resolve(Manifest.FILE_NAME), manifest);
        CommitJournal.write(OutputFolder.of(out), new CommitJournal.Commit(staging.getFileName().toString(),
                List.of(new CommitJournal.Move("a.txt", sha256("a2"), sha256("a1")), new CommitJournal.Move("new/c.txt", sha256("c2"), ""),
                        new CommitJournal.Move(Manifest.FILE_NAME, Manifest.sha256(manifest),
                                Manifest.sha256(Files.readAllBytes(out.resolve(Manifest.FILE_NAME))))),
                List.of(new CommitJournal.Delete("old/b.txt", sha256("b1")))));

        List<Drift> drift = writer.check(out, tree(file("a.txt", "a2"), file("new/c.txt", "c2")));
        assertThat(drift).contains(new Drift(CommitJournal.FILE_NAME, Drift.Kind.INTERRUPTED));

        WriteReport report = writer.write(out, tree(file("a.txt", "a2"), file("new/c.txt", "c2")));
        assertThat(report.written()).isEmpty(); // the recovered commit already made the tree
        assertThat(snapshot(out)).containsOnlyKeys("a.txt", "new/c.txt", Manifest.FILE_NAME);
        assertThat(out.resolve("a.txt")).hasContent("a2");
        assertThat(out.resolve("new/c.txt")).hasContent("c2");
        assertThat(out.resolve("old")).doesNotExist();
        assertThat(out.resolve(CommitJournal.FILE_NAME)).doesNotExist();
        assertThat(staging).doesNotExist();
    }

    /**
     * A file edited by hand since sitec wrote it (its bytes no longer match the manifest's hash) is
     * neither overwritten nor deleted: the run writes nothing and names it; forced, it overwrites.
     */
    @Test
    void aHandEditIsNeverOverwrittenUnlessForced() throws IOException {
        Path out = root.resolve("generated");
        writer.write(out, tree(file("a.tf", "a1"), file("b.tf", "b1"), file("gone.tf", "g1")));
        Files.writeString(out.resolve("a.tf"), "fixed by hand");
        Files.writeString(out.resolve("gone.tf"), "kept by hand");
        List<RenderedFile> next = tree(file("a.tf", "a2"), file("b.tf", "b2"));
        Map<String, String> before = snapshot(out);
        assertThatThrownBy(() -> writer.write(out, next)).isInstanceOfSatisfying(EditedByHandException.class,
                e -> assertThat(e.paths()).containsExactly("a.tf", "gone.tf"));
        assertThat(snapshot(out)).isEqualTo(before);
        assertThat(writer.check(out, next)).contains(new Drift("a.tf", Drift.Kind.EDITED), new Drift("b.tf", Drift.Kind.CHANGED));
        WriteReport forced = writer.write(out, next, true);
        assertThat(out.resolve("a.tf")).hasContent("a2");
        // Forced or not, sitec deletes no bytes it cannot show it wrote: the edited file stays, and is no longer owned.
        assertThat(out.resolve("gone.tf")).hasContent("kept by hand");
        assertThat(forced.disowned()).containsExactly("gone.tf");
        assertThat(forced.deleted()).isEmpty();
        assertThat(Manifest.read(out)).doesNotContain("gone.tf");
    }

    /** A staging folder without a record (a run killed before its commit) is removed; `check` names it first. */
    @Test
    void aStagingFolderLeftBeforeTheCommitIsRemoved() throws IOException {
        Path out = root.resolve("generated");
        List<RenderedFile> files = tree(file("a.txt", "a1"));
        writer.write(out, files);
        Path leftover = Files.createDirectory(root.resolve(".generated.sitec-12345"));
        Files.writeString(leftover.resolve("a.txt"), "half");
        Files.writeString(leftover.resolve(CommitJournal.LOCK_FILE), ""); // every staging folder sitec makes has one
        assertThat(writer.check(out, files)).containsExactly(new Drift("../.generated.sitec-12345", Drift.Kind.LEFTOVER));
        writer.write(out, files);
        assertThat(leftover).doesNotExist();
        assertThat(writer.check(out, files)).isEmpty();
    }

    /** A staging folder a live run holds (its lock taken) is left alone. */
    @Test
    void aLiveRunsStagingFolderIsLeftAlone() throws IOException {
        Path out = root.resolve("generated");
        List<RenderedFile> files = tree(file("a.txt", "a1"));
        writer.write(out, files);
        Path live = Files.createDirectory(root.resolve(".generated.sitec-5150"));
        try (var lock = CommitJournal.lock(live)) {
            writer.write(out, files);
            assertThat(live).exists();
        }
        writer.write(out, files);
        assertThat(live).doesNotExist();
    }
}
