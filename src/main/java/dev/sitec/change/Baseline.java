package dev.sitec.change;

import dev.sitec.Compilation;
import dev.sitec.SiteCompiler;
import dev.sitec.diagnostic.Diagnostic;
import dev.sitec.model.Site;
import dev.sitec.write.RecordedSite;
import dev.sitec.write.RefusedOutputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The site an edit is compared with: the one the current tree was generated from (recorded beside
 * it), or the site file as a git commit holds it.
 */
public record Baseline(String description, Site site) {

    /** Why there is no baseline to compare with, said so that a person can act on it. */
    public static final class Unavailable extends Exception {
        private final List<Diagnostic> diagnostics;

        public Unavailable(String message, List<Diagnostic> diagnostics) {
            super(message);
            this.diagnostics = List.copyOf(diagnostics);
        }

        public List<Diagnostic> diagnostics() {
            return diagnostics;
        }
    }

    /** The site recorded in {@code outputDir}, if the tree there has one. */
    public static Optional<Baseline> recorded(Path outputDir, String outputName) throws Unavailable {
        return recorded(outputDir, outputName, null);
    }

    /**
     * The site recorded in {@code outputDir}, read once; none to compare with when it is {@code current}
     * byte for byte (the site about to be generated; null when unknown).
     */
    public static Optional<Baseline> recorded(Path outputDir, String outputName, byte[] current) throws Unavailable {
        Optional<String> text;
        try {
            text = RecordedSite.read(outputDir);
        } catch (RefusedOutputException e) {
            throw new Unavailable("cannot read the site " + outputName + " was made from: " + e.format(outputName), List.of());
        } catch (IOException e) {
            throw new Unavailable("cannot read " + outputName + "/" + RecordedSite.FILE_NAME + ": " + e.getMessage(), List.of());
        }
        if (text.isEmpty() || current != null
                && java.util.Arrays.equals(text.get().getBytes(java.nio.charset.StandardCharsets.UTF_8), current)) {
            return Optional.empty();
        }
        String name = outputName + "/" + RecordedSite.FILE_NAME;
        return Optional.of(of(text.get(), name, "the site " + outputName + "/ was made from (" + name + ")"));
    }

    /** The site file as commit {@code ref} holds it: {@code git show REF:./FILE} in the file's folder. */
    public static Baseline fromGit(Path siteFile, String displayName, String ref) throws Unavailable {
        Path folder = siteFile.toAbsolutePath().getParent();
        String spec = ref + ":./" + siteFile.getFileName();
        String text = git(folder, spec);
        return of(text, displayName + "@" + ref, displayName + " at " + ref);
    }

    private static Baseline of(String text, String name, String description) throws Unavailable {
        Compilation validated = new SiteCompiler().validateText(text, name);
        if (validated.site().isEmpty()) {
            List<Diagnostic> errors = validated.diagnostics().stream().filter(Diagnostic::isError).toList();
            throw new Unavailable(description + " does not validate with this sitec (" + errors.size()
                    + (errors.size() == 1 ? " error" : " errors") + ")", errors);
        }
        return new Baseline(description, validated.site().get());
    }

    private static String git(Path folder, String spec) throws Unavailable {
        ProcessBuilder builder = new ProcessBuilder("git", "-C", folder.toString(), "show", spec)
                .redirectErrorStream(false);
        try {
            Process git = builder.start();
            byte[] out;
            byte[] err;
            try (InputStream stdout = git.getInputStream(); InputStream stderr = git.getErrorStream()) {
                // Read both: a large site must not block git on a full pipe.
                var errors = java.util.concurrent.CompletableFuture.supplyAsync(() -> readAll(stderr));
                out = stdout.readAllBytes();
                err = errors.join();
            }
            if (!git.waitFor(60, TimeUnit.SECONDS)) {
                git.destroyForcibly();
                throw new Unavailable("git show " + spec + " did not finish in 60 s", List.of());
            }
            if (git.exitValue() != 0) {
                String reason = new String(err, StandardCharsets.UTF_8).strip();
                throw new Unavailable("git cannot show " + spec + ": " + (reason.isEmpty() ? "exit " + git.exitValue()
                        : reason.lines().findFirst().orElse(reason)), List.of());
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new Unavailable("cannot run git: " + e.getMessage(), List.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted while running git", List.of());
        }
    }

    private static byte[] readAll(InputStream in) {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
