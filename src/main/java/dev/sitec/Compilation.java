package dev.sitec;

import dev.sitec.diagnostic.Diagnostic;
import dev.sitec.load.SourceDocument;
import dev.sitec.model.Site;
import dev.sitec.render.RenderedFile;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of compiling a site: every finding; the loaded document when it parsed; the model and
 * files when there was no error.
 */
public record Compilation(List<Diagnostic> diagnostics, Optional<Site> site, Optional<SourceDocument> document,
                          List<RenderedFile> files) {

    public Compilation {
        diagnostics = List.copyOf(diagnostics);
        files = List.copyOf(files);
    }

    public boolean failed() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
}
