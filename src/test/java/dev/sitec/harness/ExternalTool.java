package dev.sitec.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a real tool and captures what it says. A missing tool is a problem, never a pass. */
final class ExternalTool {

    record Result(int exit, String output) {
        boolean ok() {
            return exit == 0;
        }
    }

    private ExternalTool() {
    }

    static boolean available(String binary) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, binary))) {
                return true;
            }
        }
        return false;
    }

    static Result run(Path workingDir, Map<String, String> env, List<String> command) {
        try {
            ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).directory(workingDir.toFile())
                    .redirectErrorStream(true);
            builder.environment().putAll(env);
            Process process = builder.start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return new Result(124, "timed out: " + String.join(" ", command));
            }
            return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Result(127, "cannot run " + command.get(0) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(130, "interrupted");
        }
    }

    /** What a tool wrote to stdout and to stderr, apart, for tools whose stdout is data. */
    record Output(int exit, String stdout, String stderr) {
        boolean ok() {
            return exit == 0;
        }
    }

    /** Runs a tool with {@code input} (or nothing) on its stdin, keeping stdout and stderr apart. */
    static Output runApart(Path workingDir, List<String> command, String input) {
        try {
            Path err = Files.createTempFile("sitec-tool", ".stderr");
            try {
                Process process = new ProcessBuilder(new ArrayList<>(command)).directory(workingDir.toFile())
                        .redirectError(err.toFile()).start();
                try (var stdin = process.getOutputStream()) {
                    if (input != null) {
                        stdin.write(input.getBytes(StandardCharsets.UTF_8));
                    }
                }
                byte[] output = process.getInputStream().readAllBytes();
                if (!process.waitFor(10, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    return new Output(124, "", "timed out: " + String.join(" ", command));
                }
                return new Output(process.exitValue(), new String(output, StandardCharsets.UTF_8), Files.readString(err));
            } finally {
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            return new Output(127, "", "cannot run " + command.get(0) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Output(130, "", "interrupted");
        }
    }

    static Result run(Path workingDir, List<String> command) {
        return run(workingDir, Map.of(), command);
    }

    static Problem missing(String binary) {
        return new Problem("(harness)", binary + " is not installed; run scripts/install-validators");
    }
}
