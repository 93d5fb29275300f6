package dev.sitec.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon uses a folder, socket, lock and log only when they are its user's alone and not links
 * (issue 23, item 13). Tests that hand a folder to another user need root, and are skipped otherwise.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS) // a client that sent a request would wait for the answer
class DaemonTrustTest {

    private static final int NOBODY = 65534;
    private static final String SECRET = "root's secret\n";

    @TempDir
    Path dir;

    private Path victim;
    private FileTime victimTime;

    /** A file of ours outside the daemon's folder that links must not let the daemon write. */
    @BeforeEach
    void victim() throws IOException {
        victim = Files.writeString(Files.createDirectories(dir.resolve("elsewhere")).resolve("victim"), SECRET);
        Files.setPosixFilePermissions(victim, PosixFilePermissions.fromString("rw-------"));
        victimTime = FileTime.fromMillis(1_000_000);
        Files.setLastModifiedTime(victim, victimTime);
    }

    @Test
    void aFolderOfAnotherUserIsNotUsed() throws Exception {
        assumeRoot();
        DaemonAddress address = address(dir.resolve("run"));
        Files.createDirectories(address.folder(), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        giveAway(address.folder());

        String why = address.folder() + " belongs to nobody, not to you";
        assertThat(address.distrust()).hasValue(why);
        assertThat(address.preparePrivateFolder()).hasValue(why);
        assertThat(DaemonLauncher.start(address, List.of("true"), Duration.ofSeconds(5))).isFalse();
        assertThat(address.logFile()).doesNotExist();
    }

    @Test
    void nothingIsMadeInAFolderOfAnotherUser() throws Exception {
        assumeRoot();
        Path theirs = Files.createDirectories(dir.resolve("theirs"));
        giveAway(theirs);
        DaemonAddress address = address(theirs);

        assertThat(address.preparePrivateFolder()).hasValue(theirs + " belongs to nobody, not to you or root");
        assertThat(address.folder()).doesNotExist();
    }

    @Test
    void aFolderAboveThatOthersCanChangeIsNotUsedUnlessSticky() throws Exception {
        Path open = Files.createDirectories(dir.resolve("open"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
        DaemonAddress address = address(open);
        assertThat(address.preparePrivateFolder()).hasValue(open + " can be changed by others (mode 777)");
        assertThat(address.folder()).doesNotExist();

        Files.setAttribute(open, "unix:mode", 01777);
        assertThat(address.preparePrivateFolder()).isEmpty();
    }

    @Test
    void aFolderThatIsALinkIsNotUsedThoughItLeadsToAPrivateFolder() throws Exception {
        Path real = Files.createDirectory(dir.resolve("real"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        DaemonAddress address = address(Files.createDirectories(dir.resolve("run")));
        Files.createSymbolicLink(address.folder(), real);

        assertThat(address.preparePrivateFolder()).hasValue(address.folder() + " is a symbolic link");
    }

    @Test
    void linksOnTheWayToTheFolderAreFollowedAndWhatTheyLeadThroughChecked() throws Exception {
        assumeRoot();
        Path theirs = Files.createDirectories(dir.resolve("theirs"));
        giveAway(theirs);
        Path link = Files.createSymbolicLink(dir.resolve("run"), theirs);
        assertThat(address(link).preparePrivateFolder()).hasValue(theirs + " belongs to nobody, not to you or root");

        Path ours = Files.createDirectories(dir.resolve("ours"));
        Files.createSymbolicLink(dir.resolve("run2"), Path.of("ours"));
        assertThat(address(dir.resolve("run2")).preparePrivateFolder()).isEmpty();
        assertThat(ours.resolve("sitec")).isDirectory();
    }

    @Test
    void aLockOrLogThatLinksElsewhereIsRefusedAndWhatItNamesStaysUntouched() throws Exception {
        DaemonAddress address = address(Files.createDirectories(dir.resolve("run")));
        assertThat(address.preparePrivateFolder()).isEmpty();
        Files.createSymbolicLink(address.lockFile(), victim);
        Files.createSymbolicLink(address.logFile(), victim);

        assertThat(address.distrust()).hasValue(address.lockFile() + " is a symbolic link");
        assertThatThrownBy(address::openLock).isInstanceOf(IOException.class);
        assertThatThrownBy(address::prepareLog).isInstanceOf(IOException.class);
        assertThat(DaemonLauncher.start(address, List.of("true"), Duration.ofSeconds(5))).isFalse();
        assertVictimUntouched();
    }

    @Test
    void aLockThatLinksToAFileNotThereYetDoesNotMakeIt() throws Exception {
        DaemonAddress address = address(Files.createDirectories(dir.resolve("run")));
        assertThat(address.preparePrivateFolder()).isEmpty();
        Path planted = dir.resolve("elsewhere").resolve("planted");
        Files.createSymbolicLink(address.lockFile(), planted);
        Files.createSymbolicLink(address.logFile(), planted);

        assertThatThrownBy(address::openLock).isInstanceOf(IOException.class);
        assertThatThrownBy(address::prepareLog).isInstanceOf(IOException.class);
        assertThat(planted).doesNotExist();
    }

    @Test
    void aLockWithAnotherNameIsRefusedBeforeItIsWritten() throws Exception {
        DaemonAddress address = address(Files.createDirectories(dir.resolve("run")));
        assertThat(address.preparePrivateFolder()).isEmpty();
        Files.createLink(address.lockFile(), victim);

        assertThat(address.distrust()).hasValue(address.lockFile() + " has other names (hard links)");
        assertThatThrownBy(address::openLock).hasMessage(address.lockFile() + " has other names (hard links)");
        assertVictimUntouched();
    }

    @Test
    void aLockAndLogOfOursAreMadePrivate() throws Exception {
        DaemonAddress address = address(Files.createDirectories(dir.resolve("run")));
        assertThat(address.preparePrivateFolder()).isEmpty();
        address.openLock().close();
        address.prepareLog();
        for (Path file : List.of(address.lockFile(), address.logFile())) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
        assertThat(address.distrust()).isEmpty();
    }

    @Test
    void aFakeDaemonInAFolderOfAnotherUserNeverHearsFromTheClient() throws Exception {
        assumeRoot();
        DaemonAddress address = address(Files.createDirectories(dir.resolve("run")));
        assertThat(address.preparePrivateFolder()).isEmpty();
        try (ServerSocketChannel fake = fakeDaemon(address.socket())) {
            giveAway(address.socket());
            giveAway(address.folder());
            assertNeverContacted(fake, address.socket());
        }
    }

    @Test
    void aFakeDaemonSocketOfAnotherUserInOurFolderNeverHearsFromTheClient() throws Exception {
        assumeRoot();
        DaemonAddress address = address(Files.createDirectories(dir.resolve("run")));
        assertThat(address.preparePrivateFolder()).isEmpty();
        try (ServerSocketChannel fake = fakeDaemon(address.socket())) {
            giveAway(address.socket());
            assertThat(address.distrust()).hasValue(address.socket() + " belongs to nobody, not to you");
            assertNeverContacted(fake, address.socket());
        }
    }

    @Test
    void aDaemonDoesNotServeNorTouchAnythingInAFolderOfAnotherUser() throws Exception {
        assumeRoot();
        Path theirs = Files.createDirectories(dir.resolve("theirs"));
        Path socket = Files.writeString(theirs.resolve("d.sock"), "not a socket");
        giveAway(theirs);
        DaemonServer server = new DaemonServer(socket, "b", (request, out, err) -> 0,
                new DaemonServer.Lifetime(Duration.ofMinutes(1), () -> false, () -> { }));

        assertThatThrownBy(server::serve).hasMessage("not serving: " + theirs + " belongs to nobody, not to you");
        assertThat(socket).hasContent("not a socket");
    }

    private static ServerSocketChannel fakeDaemon(Path socket) throws IOException {
        ServerSocketChannel fake = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        fake.bind(UnixDomainSocketAddress.of(socket));
        fake.configureBlocking(false);
        return fake;
    }

    /** Not a byte, not even a connection: a connection pending on the fake would show in accept. */
    private static void assertNeverContacted(ServerSocketChannel fake, Path socket) throws IOException {
        Request request = new Request("b", Path.of("/"), List.of("generate"),
                Map.of("PROXMOX_VE_API_TOKEN", "root@pam!t=secret"), "UTF-8");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(DaemonClient.run(socket, request, out, out)).isEmpty();
        assertThat(DaemonClient.stop(socket)).isFalse();
        assertThat(DaemonClient.isListening(socket)).isFalse();
        assertThat(out.size()).isZero();
        assertThat(fake.accept()).isNull();
    }

    private void assertVictimUntouched() throws IOException {
        assertThat(victim).hasContent(SECRET);
        assertThat(Files.getLastModifiedTime(victim)).isEqualTo(victimTime);
    }

    private static DaemonAddress address(Path runtimeDir) {
        return DaemonAddress.of("b", Optional.of(runtimeDir.toString()), "/jdk", "17").orElseThrow();
    }

    private static void giveAway(Path path) throws IOException {
        Files.setAttribute(path, "unix:uid", NOBODY, LinkOption.NOFOLLOW_LINKS);
    }

    private static void assumeRoot() {
        assumeTrue(Ownership.uid() == 0, "only root can hand a folder to another user");
    }
}
