package dev.sitec.cli;

import dev.sitec.Compilation;
import dev.sitec.diagnostic.Diagnostic;
import dev.sitec.render.RenderedFile;
import dev.sitec.write.GenerationStamp;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The no-op fast path of generate and check: when the site file, sitec itself and every output file
 * are as the last successful run left them, nothing needs compiling. Only when sitec runs from its
 * jar (a known build); never in tests or from class folders.
 */
final class Stamps {

    private final Optional<GenerationStamp> stamp;
    private final Optional<String> key;

    private Stamps(Optional<GenerationStamp> stamp, Optional<String> key) {
        this.stamp = stamp;
        this.key = key;
    }

    static Stamps of(SiteFileOption site, Invocation invocation) {
        if (invocation.env("SITEC_NO_STAMP").isPresent()) {
            return new Stamps(Optional.empty(), Optional.empty());
        }
        byte[] bytes = site.bytesOrNull(invocation);
        Optional<String> build = bytes == null ? Optional.empty() : RunningBuild.identity();
        return new Stamps(GenerationStamp.forUser(invocation.env("XDG_CACHE_HOME")),
                build.map(b -> GenerationStamp.key(bytes, b)));
    }

    Optional<GenerationStamp.Match> matching(Path output) {
        return stamp.isEmpty() || key.isEmpty() ? Optional.empty() : stamp.get().matching(output, key.get());
    }

    void record(Path output, Compilation compilation) {
        if (stamp.isPresent() && key.isPresent()) {
            stamp.get().record(output, key.get(), compilation.files().stream().map(RenderedFile::path).toList(),
                    compilation.diagnostics().stream().map(Diagnostic::format).toList());
        }
    }
}
