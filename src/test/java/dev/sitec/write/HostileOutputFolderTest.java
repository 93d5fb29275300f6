package dev.sitec.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sitec.plan.FileMode;
import dev.sitec.render.RenderedFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cloned output folder is input from whoever last pushed: its commit record, manifest, recorded
 * site and links. Each test is the shape of an attack reproduced on an earlier sitec (issue 23): the
 * folder tries to make sitec write, delete, move or read something outside it, or delete a file sitec
 * never wrote. Each must be refused at its place, with nothing changed inside or outside the folder.
 */
class HostileOutputFolderTest {

    private static final String ATTACKER_KEY = "ssh-ed25519 AAAA attacker\n";

    @TempDir
    Path root;

    private Path out;
    private Path victim;
    private final OutputWriter writer = new OutputWriter();

    @BeforeEach
    void aGeneratedTreeAndAFolderOutsideIt() throws IOException {
        out = root.resolve("generated");
        writer.write(out, tree(file("ansible/site.yml", "v1\n"), file("README.md", "r\n")));
        victim = Files.createDirectories(root.resolve("victim"));
        Files.writeString(victim.resolve("authorized_keys"), "ssh-ed25519 AAAA owner\n");
        Files.writeString(victim.resolve("id_ed25519"), "PRIVATE KEY\n");
    }

    private static RenderedFile file(String path, String content) {
        return new RenderedFile(path, content.getBytes(StandardCharsets.UTF_8), FileMode.REGULAR);
    }

    private static List<RenderedFile> tree(RenderedFile... files) {
        List<RenderedFile> all = new ArrayList<>(List.of(files));
        Map<String, byte[]> contents = new TreeMap<>();
        Stream.of(files).forEach(f -> contents.put(f.path(), f.content()));
        all.add(new RenderedFile(Manifest.FILE_NAME, Manifest.render(contents), FileMode.REGULAR));
        return all;
    }

    private static List<RenderedFile> nextTree() {
        return tree(file("ansible/site.yml", "v2\n"), file("README.md", "r\n"));
    }

    private static String sha256(String text) {
        return Manifest.sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Every file and link below {@code dir}, with its bytes or its target. */
    private static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.toList()) {
                String key = dir.relativize(p).toString();
                if (Files.isSymbolicLink(p)) {
                    files.put(key, "-> " + Files.readSymbolicLink(p));
                } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    files.put(key, Files.readString(p, StandardCharsets.ISO_8859_1));
                }
            }
        }
        return files;
    }

    private void journal(String... lines) throws IOException {
        Files.writeString(out.resolve(CommitJournal.FILE_NAME), String.join("\n", lines) + "\n");
    }

    private Path staging(String suffix) throws IOException {
        return Files.createDirectories(root.resolve(".generated.sitec-" + suffix));
    }

    /** Refused at {@code location}, with that message start; nothing changed anywhere under the temp folder. */
    private void refused(String location, String message) throws IOException {
        Map<String, String> before = snapshot(root);
        assertThatThrownBy(() -> writer.write(out, nextTree(), true)).isInstanceOfSatisfying(RefusedOutputException.class, e -> {
            assertThat(e.location("generated")).isEqualTo(location);
            assertThat(e.getMessage()).startsWith(message).endsWith("nothing was changed");
        });
        assertThat(snapshot(root)).isEqualTo(before);
    }

    /** Item 1: a record moving a staged file through a linked subfolder would overwrite a file outside. */
    @Test
    void aRecordCannotMoveAFileThroughALinkedSubfolder() throws IOException {
        Path staging = staging("1");
        Files.createDirectories(staging.resolve("ansible"));
        Files.writeString(staging.resolve("ansible/authorized_keys"), ATTACKER_KEY);
        OutputWriter.deleteRecursively(out.resolve("ansible"));
        Files.createSymbolicLink(out.resolve("ansible"), victim);
        journal("sitec-journal 2", "staging .generated.sitec-1",
                "move\tansible/authorized_keys\t" + sha256(ATTACKER_KEY) + "\t" + sha256("ssh-ed25519 AAAA owner\n"));
        refused("generated/ansible", "a symbolic link where sitec keeps a folder");
        assertThat(victim.resolve("authorized_keys")).hasContent("ssh-ed25519 AAAA owner\n");
    }

    /** Item 2: a delete through a linked subfolder would delete a file outside and prune its folder. */
    @Test
    void aRecordCannotDeleteThroughALinkedSubfolder() throws IOException {
        OutputWriter.deleteRecursively(out.resolve("ansible"));
        Files.createSymbolicLink(out.resolve("ansible"), victim);
        journal("sitec-journal 2", "staging .generated.sitec-2",
                "delete\tansible/authorized_keys\t" + sha256("ssh-ed25519 AAAA owner\n"));
        refused("generated/ansible", "a symbolic link where sitec keeps a folder");
        assertThat(victim.resolve("authorized_keys")).exists();
    }

    /** Item 3: a "staging folder" that is a link (to ~/.ssh) would move private files into the tree. */
    @Test
    void aRecordCannotNameALinkAsItsStagingFolder() throws IOException {
        Files.createSymbolicLink(root.resolve(".generated.sitec-3"), victim);
        journal("sitec-journal 2", "staging .generated.sitec-3",
                "move\tid_ed25519\t" + sha256("PRIVATE KEY\n") + "\t-");
        refused("generated/.sitec-journal:2:1", "the commit record names .generated.sitec-3, which is a symbolic link");
        assertThat(out.resolve("id_ed25519")).doesNotExist();
    }

    /** Item 3, the other way round: a staged file that is itself a link is not moved in. */
    @Test
    void aStagedFileThatIsALinkIsNotMovedIn() throws IOException {
        Path staging = staging("33");
        Files.createSymbolicLink(staging.resolve("id_ed25519"), victim.resolve("id_ed25519"));
        journal("sitec-journal 2", "staging .generated.sitec-33", "move\tid_ed25519\t" + sha256("PRIVATE KEY\n") + "\t-");
        Map<String, String> before = snapshot(root);
        assertThatThrownBy(() -> writer.write(out, nextTree())).isInstanceOf(RefusedOutputException.class)
                .hasMessage("a symbolic link where sitec keeps a file; nothing was changed");
        assertThat(snapshot(root)).isEqualTo(before);
    }

    /** Item 4: a linked temporary record would have generate truncate its target and write the record there. */
    @Test
    void aLinkedTemporaryRecordIsReplacedNotFollowed() throws IOException {
        Files.createSymbolicLink(out.resolve(CommitJournal.TMP_NAME), victim.resolve("authorized_keys"));
        writer.write(out, nextTree());
        assertThat(victim.resolve("authorized_keys")).hasContent("ssh-ed25519 AAAA owner\n");
        assertThat(out.resolve(CommitJournal.TMP_NAME)).doesNotExist();
        assertThat(out.resolve("ansible/site.yml")).hasContent("v2\n");
    }

    /**
     * Item 5: a manifest line without a hash, naming a file sitec never wrote (a person's notes), deletes
     * nothing. (A Terraform state is refused before any hash is looked at: whatTheToolsLeave...)
     */
    @Test
    void aManifestLineWithoutAHashDeletesNothing() throws IOException {
        Files.writeString(out.resolve("notes.md"), "{\"state\": 1}\n");
        Files.writeString(out.resolve(Manifest.FILE_NAME), "notes.md\n", java.nio.file.StandardOpenOption.APPEND);
        WriteReport report = writer.write(out, nextTree());
        assertThat(out.resolve("notes.md")).hasContent("{\"state\": 1}\n");
        assertThat(report.deleted()).isEmpty();
        assertThat(report.disowned()).containsExactly("notes.md");
        assertThat(Manifest.read(out)).doesNotContain("notes.md");
    }

    /** Item 5: with a wrong hash it is "edited by hand", and even --force does not delete it. */
    @Test
    void aManifestLineWithAnotherFilesHashDeletesNothingEvenForced() throws IOException {
        Files.writeString(out.resolve("notes.md"), "{\"state\": 1}\n");
        Files.writeString(out.resolve(Manifest.FILE_NAME), "notes.md\t" + sha256("other") + "\n",
                java.nio.file.StandardOpenOption.APPEND);
        assertThatThrownBy(() -> writer.write(out, nextTree())).isInstanceOfSatisfying(EditedByHandException.class,
                e -> assertThat(e.paths()).containsExactly("notes.md"));
        writer.write(out, nextTree(), true);
        assertThat(out.resolve("notes.md")).hasContent("{\"state\": 1}\n");
    }

    /** Item 5: a record line that is not move or delete was read as a delete. */
    @Test
    void aRecordLineThatIsNoStepIsRefused() throws IOException {
        Files.writeString(out.resolve("terraform.tfstate"), "{}\n");
        journal("sitec-journal 2", "staging .generated.sitec-5", "frobnicate\tterraform.tfstate");
        refused("generated/.sitec-journal:3:1", "the commit record is not a step sitec writes");
        assertThat(out.resolve("terraform.tfstate")).exists();
    }

    /** Item 5: a delete whose hash is not that of the file's bytes deletes nothing. */
    @Test
    void aRecordCannotDeleteBytesItDidNotWrite() throws IOException {
        Files.writeString(out.resolve("notes.md"), "{}\n");
        journal("sitec-journal 2", "staging .generated.sitec-6", "delete\tnotes.md\t" + sha256("guess"));
        refused("generated/.sitec-journal:3:1", "the commit record deletes notes.md, whose bytes are not the ones sitec wrote");
    }

    /** Item 5: a move cannot replace a file whose bytes the record does not know. */
    @Test
    void aRecordCannotReplaceBytesItDidNotRecord() throws IOException {
        Files.writeString(out.resolve("notes.md"), "{}\n");
        Path staging = staging("7");
        Files.writeString(staging.resolve("notes.md"), "{\"evil\": 1}\n");
        journal("sitec-journal 2", "staging .generated.sitec-7", "move\tnotes.md\t" + sha256("{\"evil\": 1}\n") + "\t-");
        refused("generated/.sitec-journal:3:1", "the commit record replaces notes.md, whose bytes are not the ones sitec recorded");
    }

    @Test
    void aRecordNamingAPathOutsideTheFolderIsRefused() throws IOException {
        journal("sitec-journal 2", "staging .generated.sitec-8", "delete\t../victim/authorized_keys\t" + sha256("x"));
        refused("generated/.sitec-journal:3:1", "the commit record names a path outside the output folder: '../victim/authorized_keys'");
    }

    @Test
    void aRecordNamingAnotherFolderAsStagingIsRefused() throws IOException {
        journal("sitec-journal 2", "staging ../victim");
        refused("generated/.sitec-journal:2:1", "the commit record does not name a staging folder of this output folder");
    }

    /** Item 15: a record that deletes a folder gave a bare DirectoryNotEmptyException. */
    @Test
    void aRecordDeletingAFolderIsRefused() throws IOException {
        journal("sitec-journal 2", "staging .generated.sitec-9", "delete\tansible\t" + sha256("x"));
        refused("generated/ansible", "a folder where sitec keeps a file");
    }

    /** Item 6: the recorded site is never read through a link (plan printed a secret file's lines in its errors). */
    @Test
    void theRecordedSiteIsNotReadThroughALink() throws IOException {
        Files.writeString(victim.resolve("secret"), "password: hunter2\n");
        Files.createSymbolicLink(out.resolve(RecordedSite.FILE_NAME), victim.resolve("secret"));
        assertThatThrownBy(() -> RecordedSite.read(out)).isInstanceOfSatisfying(RefusedOutputException.class, e -> {
            assertThat(e.location("generated")).isEqualTo("generated/.sitec-site.yaml");
            assertThat(e.getMessage()).startsWith("a symbolic link where sitec keeps a record of its own").doesNotContain("hunter2");
        });
    }

    /** Item 7: an output folder that is a link is refused, not followed (it wrote the whole tree into the target). */
    @Test
    void anOutputFolderThatIsALinkIsRefused() throws IOException {
        Path linked = root.resolve("linked");
        Files.createSymbolicLink(linked, victim);
        Map<String, String> before = snapshot(root);
        assertThatThrownBy(() -> writer.write(linked, nextTree())).isInstanceOfSatisfying(RefusedOutputException.class,
                e -> assertThat(e.format("linked")).isEqualTo("linked: error: the output folder is a symbolic link (to " + victim
                        + "): sitec writes only into a real folder, so that a cloned repository cannot point it elsewhere\n"
                        + "    hint: to write into the link's target, name it: -o " + victim + "; else replace the link with a folder"));
        assertThatThrownBy(() -> writer.check(linked, nextTree())).isInstanceOf(RefusedOutputException.class);
        assertThatThrownBy(() -> RecordedSite.read(linked)).isInstanceOf(RefusedOutputException.class);
        assertThat(snapshot(root)).isEqualTo(before);
    }

    /** Item 15: a manifest that is not UTF-8 gave "Input length = 1". */
    @Test
    void aManifestThatIsNotUtf8IsRefusedAtItsLine() throws IOException {
        Files.write(out.resolve(Manifest.FILE_NAME), new byte[] {'#', '\n', 'a', '\t', (byte) 0xC3, (byte) 0x28, '\n'});
        Map<String, String> before = snapshot(root);
        assertThatThrownBy(() -> writer.write(out, nextTree())).isInstanceOfSatisfying(RefusedOutputException.class,
                e -> assertThat(e.format("generated")).isEqualTo("generated/.sitec-manifest:2:1: error: a line that is not UTF-8"
                        + " text: sitec did not write it\n    hint: move .sitec-manifest away and run again"));
        assertThat(snapshot(root)).isEqualTo(before);
    }

    @Test
    void aManifestLineThatIsNoPathIsRefusedAtItsLine() throws IOException {
        Files.writeString(out.resolve(Manifest.FILE_NAME), "README.md\tnot-a-hash\n");
        assertThatThrownBy(() -> writer.write(out, nextTree())).isInstanceOfSatisfying(RefusedOutputException.class,
                e -> assertThat(e.location("generated")).isEqualTo("generated/.sitec-manifest:1:1"));
        Files.writeString(out.resolve(Manifest.FILE_NAME), "../outside\n");
        assertThatThrownBy(() -> writer.write(out, nextTree())).isInstanceOfSatisfying(RefusedOutputException.class,
                e -> assertThat(e.getMessage()).contains("'../outside'"));
    }

    @Test
    void aLinkedManifestIsRefused() throws IOException {
        Files.delete(out.resolve(Manifest.FILE_NAME));
        Files.createSymbolicLink(out.resolve(Manifest.FILE_NAME), victim.resolve("id_ed25519"));
        assertThatThrownBy(() -> writer.write(out, nextTree())).isInstanceOfSatisfying(RefusedOutputException.class,
                e -> assertThat(e.location("generated")).isEqualTo("generated/.sitec-manifest"));
    }

    /** Item 15: a folder named .sitec-journal left a .sitec-journal.tmp behind. */
    @Test
    void aFolderWhereTheRecordBelongsIsRefusedAndLeavesNothing() throws IOException {
        Files.createDirectories(out.resolve(CommitJournal.FILE_NAME).resolve("x"));
        Map<String, String> before = snapshot(root);
        assertThatThrownBy(() -> writer.write(out, nextTree())).isInstanceOfSatisfying(RefusedOutputException.class,
                e -> assertThat(e.format("generated")).isEqualTo("generated/.sitec-journal: error: a folder where sitec keeps its"
                        + " commit record; nothing was changed\n    hint: move it away and run again"));
        assertThat(snapshot(root)).isEqualTo(before);
        try (Stream<Path> siblings = Files.list(root)) {
            assertThat(siblings.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("generated", "victim");
        }
    }

    /** A staging-named sibling another run could not have made (a link) is never removed as a leftover. */
    @Test
    void aLinkNamedLikeAStagingFolderIsLeftAlone() throws IOException {
        Path link = root.resolve(".generated.sitec-77");
        Files.createSymbolicLink(link, victim);
        writer.write(out, nextTree());
        assertThat(link).isSymbolicLink();
        assertThat(victim.resolve("id_ed25519")).exists();
    }

    /**
     * Review of issue 23: a manifest line of 50,000 segments ran generate and check out of memory
     * (each folder on the way was kept). Paths are bounded: refused at the line.
     */
    @Test
    void aManifestPathLongerThanAnyFileSystemsIsRefused() throws IOException {
        Files.writeString(out.resolve(Manifest.FILE_NAME), "a/".repeat(50_000) + "f\t" + sha256("x") + "\n",
                java.nio.file.StandardOpenOption.APPEND);
        assertThatThrownBy(() -> writer.write(out, nextTree())).isInstanceOfSatisfying(RefusedOutputException.class,
                e -> assertThat(e.location("generated")).isEqualTo("generated/.sitec-manifest:6:1"));
        assertThatThrownBy(() -> writer.check(out, nextTree())).isInstanceOf(RefusedOutputException.class);
    }

    /**
     * Review of issue 23: a hash shows what the bytes are, not who wrote them. A manifest naming
     * Terraform's workspace file (bytes "prod") or an empty file in .terraform/ with their hashes had
     * generate delete them and prune .terraform/. What the tools leave, and hidden files below the
     * top, are never sitec's: such a line is refused.
     */
    @Test
    void whatTheToolsLeaveIsNeverDeletedWhateverItsHash() throws IOException {
        Files.createDirectories(out.resolve("terraform/.terraform"));
        Files.writeString(out.resolve("terraform/.terraform/environment"), "prod");
        Files.writeString(out.resolve("terraform/prod.tfstate"), "");
        for (String line : List.of("terraform/.terraform/environment\t" + sha256("prod"), "terraform/prod.tfstate\t" + sha256(""),
                "isos/pve1-auto.iso\t" + sha256(""))) {
            Files.writeString(out.resolve(Manifest.FILE_NAME), new String(manifestOf("README.md", "r\n", "ansible/site.yml", "v1\n")
                    .content(), StandardCharsets.UTF_8) + line + "\n");
            Map<String, String> before = snapshot(root);
            assertThatThrownBy(() -> writer.write(out, nextTree(), true)).as(line).isInstanceOfSatisfying(
                    RefusedOutputException.class, e -> assertThat(e.getMessage()).contains("not a file sitec writes"));
            assertThat(snapshot(root)).isEqualTo(before);
        }
        journal("sitec-journal 2", "staging .generated.sitec-11", "delete\tterraform/.terraform/environment\t" + sha256("prod"));
        assertThatThrownBy(() -> writer.write(out, nextTree())).isInstanceOfSatisfying(RefusedOutputException.class,
                e -> assertThat(e.location("generated")).isEqualTo("generated/.sitec-journal:3:1"));
        assertThat(out.resolve("terraform/.terraform/environment")).hasContent("prod");
    }

    /** Review of issue 23: a FIFO named by the manifest made generate block forever reading it. */
    @Test
    void aPipeWhereSitecKeepsAFileIsRefusedNotRead() throws Exception {
        Process mkfifo = new ProcessBuilder("mkfifo", out.resolve("pipe").toString()).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(mkfifo.waitFor() == 0, "mkfifo is not available");
        Files.writeString(out.resolve(Manifest.FILE_NAME), "pipe\t" + sha256("x") + "\n", java.nio.file.StandardOpenOption.APPEND);
        assertThat(org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(20), () ->
                org.junit.jupiter.api.Assertions.assertThrows(RefusedOutputException.class, () -> writer.write(out, nextTree()))))
                .hasMessage("a special file (a pipe, socket or device) where sitec keeps a file; nothing was changed");
    }

    /**
     * Review of issue 23: an unchanged file that is a hard link to a file outside had its mode set
     * through the link. A file with a second name is rewritten by rename instead.
     */
    @Test
    void aHardLinkedFileIsReplacedNotChangedInPlace() throws IOException {
        Path outside = Files.writeString(victim.resolve("copy.sh"), "r\n");
        Files.setPosixFilePermissions(outside, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        Files.delete(out.resolve("README.md"));
        Files.createLink(out.resolve("README.md"), outside);
        writer.write(out, List.of(new RenderedFile("README.md", "r\n".getBytes(StandardCharsets.UTF_8), FileMode.EXECUTABLE),
                file("ansible/site.yml", "v1\n"), manifestOf("README.md", "r\n", "ansible/site.yml", "v1\n")));
        assertThat(Files.getPosixFilePermissions(outside)).isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.isExecutable(out.resolve("README.md"))).isTrue();
        assertThat(Files.isSameFile(outside, out.resolve("README.md"))).isFalse();
    }

    /** Review of issue 23: a repository's folder named like a staging folder (no lock in it) was deleted. */
    @Test
    void aFolderNamedLikeStagingWithoutSitecsLockIsLeftAlone() throws IOException {
        Path notes = Files.createDirectories(root.resolve(".generated.sitec-1"));
        Files.writeString(notes.resolve("notes.txt"), "mine\n");
        writer.write(out, nextTree());
        assertThat(notes.resolve("notes.txt")).hasContent("mine\n");
    }

    /** Review of issue 23: -o / ended in an internal error. */
    @Test
    void theFileSystemsRootIsNoOutputFolder() {
        assertThatThrownBy(() -> writer.write(Path.of("/"), nextTree())).isInstanceOfSatisfying(RefusedOutputException.class,
                e -> assertThat(e.format("/")).isEqualTo("/: error: the output folder is the file system's root: sitec writes"
                        + " its tree into a folder of its own, beside which it stages the next one\n"
                        + "    hint: name a folder with -o, e.g. -o generated"));
    }

    private static RenderedFile manifestOf(String... pathsAndContents) {
        Map<String, byte[]> contents = new TreeMap<>();
        for (int i = 0; i < pathsAndContents.length; i += 2) {
            contents.put(pathsAndContents[i], pathsAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return new RenderedFile(Manifest.FILE_NAME, Manifest.render(contents), FileMode.REGULAR);
    }

    /** The record sitec writes is one it reads back, and a kill at any step is finished from it. */
    @Test
    void theRecordSitecWritesIsOneItAccepts() throws IOException {
        OutputFolder folder = OutputFolder.of(out);
        CommitJournal.Commit commit = new CommitJournal.Commit(".generated.sitec-42",
                List.of(new CommitJournal.Move("ansible/site.yml", sha256("v2\n"), sha256("v1\n"))),
                List.of(new CommitJournal.Delete("README.md", sha256("r\n"))));
        CommitJournal.write(folder, commit);
        assertThat(CommitJournal.read(folder)).contains(commit);
    }
}
