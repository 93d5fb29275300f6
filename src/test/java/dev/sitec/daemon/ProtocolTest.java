package dev.sitec.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProtocolTest {

    @Test
    void aRequestArrivesAsItWasSent() throws IOException {
        Request sent = new Request("/opt/sitec.jar:1:2", Path.of("/home/me/lab"), List.of("generate", "-o", "gé né"),
                Map.of("XDG_CACHE_HOME", "/tmp/c", "EMPTY", ""), "UTF-8");
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(wire);
        Protocol.writeHeader(out, Protocol.Kind.RUN);
        Protocol.writeRequest(out, sent);

        DataInputStream in = new DataInputStream(new ByteArrayInputStream(wire.toByteArray()));
        assertThat(Protocol.readHeader(in)).isEqualTo(Protocol.Kind.RUN);
        assertThat(Protocol.readRequest(in)).isEqualTo(sent);
    }

    @Test
    void theReplyKeepsTheOrderOfOutputAndErrorsAndEndsWithTheExitCode() throws IOException {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(wire);
        Protocol.writeOutput(out, Protocol.STDERR, bytes("warning\n"), 8);
        Protocol.writeOutput(out, Protocol.STDOUT, bytes("done\n"), 5);
        Protocol.writeExit(out, 1);

        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int[] firstFrames = {0};
        int code = Protocol.readReply(new DataInputStream(new ByteArrayInputStream(wire.toByteArray())), stdout, stderr,
                () -> firstFrames[0]++);
        assertThat(code).isEqualTo(1);
        assertThat(stdout.toString(StandardCharsets.UTF_8)).isEqualTo("done\n");
        assertThat(stderr.toString(StandardCharsets.UTF_8)).isEqualTo("warning\n");
        assertThat(firstFrames[0]).isEqualTo(1);
    }

    @Test
    void largeOutputIsSplitIntoFramesTheReaderAccepts() throws IOException {
        byte[] big = new byte[200_000];
        java.util.Arrays.fill(big, (byte) 'x');
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(wire);
        Protocol.writeOutput(out, Protocol.STDOUT, big, big.length);
        Protocol.writeExit(out, 0);
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        Protocol.readReply(new DataInputStream(new ByteArrayInputStream(wire.toByteArray())), stdout,
                new ByteArrayOutputStream(), () -> { });
        assertThat(stdout.toByteArray()).isEqualTo(big);
    }

    @Test
    void aConnectionThatEndsBeforeTheExitCodeIsAnError() {
        assertThatThrownBy(() -> Protocol.readReply(new DataInputStream(new ByteArrayInputStream(new byte[0])),
                new ByteArrayOutputStream(), new ByteArrayOutputStream(), () -> { }))
                .isInstanceOf(EOFException.class);
    }

    @Test
    void somethingElseThanASitecClientIsRefused() {
        byte[] http = bytes("GET / HTTP/1.1\r\n\r\n");
        assertThatThrownBy(() -> Protocol.readHeader(new DataInputStream(new ByteArrayInputStream(http))))
                .isInstanceOf(IOException.class).hasMessageContaining("not a sitec client");
    }

    @Test
    void absurdLengthsAreRefusedBeforeAnythingIsAllocated() throws IOException {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        new DataOutputStream(wire).writeInt(Integer.MAX_VALUE);
        assertThatThrownBy(() -> Protocol.readRequest(new DataInputStream(new ByteArrayInputStream(wire.toByteArray()))))
                .isInstanceOf(IOException.class).hasMessageContaining("bad string length");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
