package dev.sitec.daemon;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The wire format between client and daemon, over a Unix domain socket. A request is a header (magic,
 * version, kind) and, for a run, the {@link Request}; strings are UTF-8 with an int length. The reply
 * is a stream of frames: standard output bytes, standard error bytes, in the order the run wrote
 * them, then its exit code. A connection closed before any frame means the daemon did not take it.
 */
final class Protocol {

    static final int MAGIC = 0x53495443; // "SITC"
    static final int VERSION = 1;

    /** What the client asks for. */
    enum Kind {
        RUN, STOP
    }

    static final byte STDOUT = 1;
    static final byte STDERR = 2;
    static final byte EXIT = 3;

    private static final int MAX_STRING = 1 << 20;
    private static final int MAX_ITEMS = 1 << 16;
    private static final int MAX_FRAME = 1 << 16;

    private Protocol() {
    }

    static void writeHeader(DataOutputStream out, Kind kind) throws IOException {
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.writeByte(kind.ordinal());
    }

    /** The kind asked for; an IOException when the bytes are not this protocol's. */
    static Kind readHeader(DataInputStream in) throws IOException {
        if (in.readInt() != MAGIC || in.readInt() != VERSION) {
            throw new IOException("not a sitec client of protocol version " + VERSION);
        }
        int kind = in.readUnsignedByte();
        if (kind >= Kind.values().length) {
            throw new IOException("unknown request kind " + kind);
        }
        return Kind.values()[kind];
    }

    static void writeRequest(DataOutputStream out, Request request) throws IOException {
        writeString(out, request.build());
        writeString(out, request.workingDirectory().toString());
        writeString(out, request.charset());
        out.writeInt(request.args().size());
        for (String arg : request.args()) {
            writeString(out, arg);
        }
        out.writeInt(request.environment().size());
        for (Map.Entry<String, String> variable : request.environment().entrySet()) {
            writeString(out, variable.getKey());
            writeString(out, variable.getValue());
        }
        out.flush();
    }

    static Request readRequest(DataInputStream in) throws IOException {
        String build = readString(in);
        Path workingDirectory = Path.of(readString(in));
        String charset = readString(in);
        int argc = count(in);
        List<String> args = new ArrayList<>(argc);
        for (int i = 0; i < argc; i++) {
            args.add(readString(in));
        }
        int envc = count(in);
        Map<String, String> environment = new LinkedHashMap<>();
        for (int i = 0; i < envc; i++) {
            environment.put(readString(in), readString(in));
        }
        return new Request(build, workingDirectory, args, environment, charset);
    }

    static void writeOutput(DataOutputStream out, byte stream, byte[] bytes, int length) throws IOException {
        for (int start = 0; start < length; start += MAX_FRAME) {
            int size = Math.min(MAX_FRAME, length - start);
            out.writeByte(stream);
            out.writeInt(size);
            out.write(bytes, start, size);
        }
        out.flush();
    }

    static void writeExit(DataOutputStream out, int code) throws IOException {
        out.writeByte(EXIT);
        out.writeInt(code);
        out.flush();
    }

    /**
     * Copies the reply's output to {@code stdout} and {@code stderr} as it comes and returns the exit
     * code; {@link EOFException} when the connection ends first.
     */
    static int readReply(DataInputStream in, OutputStream stdout, OutputStream stderr, Runnable onFirstFrame)
            throws IOException {
        boolean first = true;
        while (true) {
            int kind = in.read();
            if (kind < 0) {
                throw new EOFException("the daemon closed the connection");
            }
            if (first) {
                onFirstFrame.run();
                first = false;
            }
            switch (kind) {
                case STDOUT -> copy(in, stdout);
                case STDERR -> copy(in, stderr);
                case EXIT -> {
                    return in.readInt();
                }
                default -> throw new IOException("unknown reply frame " + kind);
            }
        }
    }

    private static void copy(DataInputStream in, OutputStream to) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > MAX_FRAME) {
            throw new IOException("bad frame length " + length);
        }
        to.write(in.readNBytes(length));
        to.flush();
    }

    private static void writeString(DataOutputStream out, String value) throws IOException {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readString(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > MAX_STRING) {
            throw new IOException("bad string length " + length);
        }
        byte[] bytes = in.readNBytes(length);
        if (bytes.length != length) {
            throw new EOFException();
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static int count(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > MAX_ITEMS) {
            throw new IOException("bad count " + n);
        }
        return n;
    }

    /** Output of a run, sent as frames of one stream whenever the run flushes. */
    static final class FrameStream extends OutputStream {

        private final DataOutputStream out;
        private final byte stream;
        private final java.io.ByteArrayOutputStream pending = new java.io.ByteArrayOutputStream();

        FrameStream(DataOutputStream out, byte stream) {
            this.out = out;
            this.stream = stream;
        }

        @Override
        public void write(int b) {
            pending.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            pending.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            if (pending.size() > 0) {
                synchronized (out) {
                    writeOutput(out, stream, pending.toByteArray(), pending.size());
                }
                pending.reset();
            }
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
