package dev.sitec.doctor;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the person's own tools (ssh, git) as they would, bounded in time, with the run's environment. */
public final class Commands {

    /** What a command printed and how it ended; exit -1 when it could not run or did not end in time. */
    record Result(int exit, String out) {
        boolean ok() {
            return exit == 0;
        }
    }

    private final Map<String, String> environment;
    private final long timeoutSeconds;

    public Commands(Map<String, String> environment, long timeoutSeconds) {
        this.environment = environment;
        this.timeoutSeconds = timeoutSeconds;
    }

    Result run(List<String> command, Map<String, String> extra) {
        Path log = null;
        try {
            log = Files.createTempFile("sitec-doctor", ".log");
            Optional<String> program = executable(command.get(0));
            if (program.isEmpty()) {
                return new Result(-1, "cannot run " + command.get(0) + ": it is not on PATH");
            }
            List<String> resolved = new ArrayList<>(command);
            resolved.set(0, program.get());
            ProcessBuilder builder = new ProcessBuilder(resolved).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
            builder.environment().clear();
            builder.environment().putAll(environment);
            builder.environment().putAll(extra);
            Process process = builder.start();
            process.getOutputStream().close(); // nothing answers a prompt: BatchMode fails instead of waiting
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                return new Result(-1, "did not answer in " + timeoutSeconds + " s");
            }
            return new Result(process.exitValue(), tail(log));
        } catch (IOException e) {
            return new Result(-1, "cannot run " + command.get(0) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted");
        } finally {
            if (log != null) {
                try {
                    Files.deleteIfExists(log);
                } catch (IOException e) {
                    // a temporary file the system cleans
                }
            }
        }
    }

    /** The program as this run's PATH finds it (Java would look on sitec's own PATH, and the run's is the one meant). */
    private Optional<String> executable(String name) {
        if (name.contains("/")) {
            return Optional.of(name);
        }
        for (String folder : environment.getOrDefault("PATH", "").split(":")) {
            Path candidate = Path.of(folder.isEmpty() ? "." : folder, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate.toString());
            }
        }
        return Optional.empty();
    }

    /** The last 4 KiB of what the command printed: its error is at the end, and the size is bounded. */
    private static String tail(Path log) throws IOException {
        try (SeekableByteChannel channel = Files.newByteChannel(log)) {
            long size = channel.size();
            channel.position(Math.max(0, size - 4096));
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(size, 4096));
            while (buffer.hasRemaining() && channel.read(buffer) > 0) {
                // read to the end
            }
            return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).strip();
        }
    }
}
