package dev.sitec.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DaemonAddressTest {

    @TempDir
    Path dir;

    @Test
    void eachBuildAndJdkHasItsOwnSocketInTheRuntimeFolder() {
        DaemonAddress address = of("/opt/sitec.jar:10:20", "/usr/lib/jvm/17");
        assertThat(address.folder()).isEqualTo(dir.resolve("sitec"));
        assertThat(address.socket().getFileName().toString()).matches("sitec-[0-9a-f]{16}\\.sock");
        assertThat(of("/opt/sitec.jar:10:20", "/usr/lib/jvm/17")).isEqualTo(address);
        assertThat(of("/opt/sitec.jar:10:21", "/usr/lib/jvm/17")).isNotEqualTo(address);
        assertThat(of("/opt/sitec.jar:10:20", "/usr/lib/jvm/25")).isNotEqualTo(address);
        assertThat(address.lockFile().getFileName().toString()).isEqualTo(
                address.socket().getFileName().toString().replace(".sock", ".lock"));
    }

    @Test
    void withoutARuntimeFolderTheUsersCacheIsUsed() {
        DaemonAddress address = DaemonAddress.of("b", Optional.empty(), "/jdk", "17").orElseThrow();
        assertThat(address.folder()).isEqualTo(Path.of(System.getProperty("user.home"), ".cache", "sitec", "daemon"));
    }

    @Test
    void aSocketPathTooLongForUnixSocketsMeansNoDaemon() {
        String deep = dir.resolve("a".repeat(60)).resolve("b".repeat(60)).toString();
        assertThat(DaemonAddress.of("b", Optional.of(deep), "/jdk", "17")).isEmpty();
    }

    @Test
    void theFolderIsMadePrivateAndAFolderOthersCanEnterIsNotTrusted() throws Exception {
        DaemonAddress address = of("b", "/jdk");
        assertThat(address.preparePrivateFolder()).isEmpty();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(address.folder()))).isEqualTo("rwx------");
        assertThat(address.distrust()).isEmpty();

        Files.setPosixFilePermissions(address.folder(), PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(address.distrust())
                .hasValue(address.folder() + " is not private to its user (mode 755); chmod 700 it");
        assertThat(address.preparePrivateFolder()).isEqualTo(address.distrust());
    }

    @Test
    void whatEndedDaemonsLeftIsRemovedAndLiveOnesAreLeftAlone() throws Exception {
        DaemonAddress mine = of("mine", "/jdk");
        DaemonAddress dead = of("dead", "/jdk");
        DaemonAddress alive = of("alive", "/jdk");
        mine.preparePrivateFolder();
        for (DaemonAddress a : new DaemonAddress[] {mine, dead, alive}) {
            Files.writeString(a.lockFile(), "");
            Files.writeString(a.logFile(), "log");
            Files.writeString(a.socket(), "");
        }
        // A live daemon holds its lock (here this JVM does, which the sweep sees the same way).
        try (FileChannel channel = FileChannel.open(alive.lockFile(), StandardOpenOption.WRITE);
             FileLock held = channel.lock()) {
            mine.removeDeadNeighbours();
        }
        assertThat(dead.lockFile()).doesNotExist();
        assertThat(dead.socket()).doesNotExist();
        assertThat(dead.logFile()).doesNotExist();
        assertThat(alive.socket()).exists();
        assertThat(alive.lockFile()).exists();
        assertThat(mine.socket()).exists();
    }

    private DaemonAddress of(String build, String javaHome) {
        return DaemonAddress.of(build, Optional.of(dir.toString()), javaHome, "17.0.15").orElseThrow();
    }
}
