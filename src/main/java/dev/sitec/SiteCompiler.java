package dev.sitec;

import dev.sitec.diagnostic.Diagnostic;
import dev.sitec.diagnostic.InvalidInputException;
import dev.sitec.family.OutputFamilies;
import dev.sitec.load.SiteLoader;
import dev.sitec.load.SourceDocument;
import dev.sitec.model.ModelBuilder;
import dev.sitec.model.Site;
import dev.sitec.plan.OutputFamily;
import dev.sitec.plan.PlannedFile;
import dev.sitec.render.RenderedFile;
import dev.sitec.render.TemplateRenderer;
import dev.sitec.validate.ControlCharacters;
import dev.sitec.validate.SemanticValidator;
import dev.sitec.write.Manifest;
import dev.sitec.write.RecordedSite;
import dev.sitec.plan.FileMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The pipeline: load → validate (schema, then semantics) → model → plan files → render.
 * Writing is the caller's: {@code generate} writes the files, {@code check} compares them.
 * A stage runs only when the one before it found no error, so every error reported is real.
 */
public final class SiteCompiler {

    private final SiteLoader loader = new SiteLoader();
    private final List<OutputFamily> families;

    public SiteCompiler() {
        this(OutputFamilies.all());
    }

    public SiteCompiler(List<OutputFamily> families) {
        this.families = List.copyOf(families);
    }

    /** Load and validate only: the findings, and the model if there is no error. */
    public Compilation validate(Path siteFile, String displayName) {
        // Building the schema validator takes as long as reading a large site: do both at once.
        Toolchain.prepareSchemaValidator();
        try {
            return validate(loader.load(siteFile, displayName));
        } catch (InvalidInputException e) {
            return new Compilation(foundBy(e.diagnostics(), "yaml"), Optional.empty(), Optional.empty(), List.of());
        }
    }

    private static List<Diagnostic> foundBy(List<Diagnostic> diagnostics, String finder) {
        return diagnostics.stream().map(d -> d.foundBy(finder)).toList();
    }

    /** Validates a site given as text: one recorded by an earlier generate, or read from git. */
    public Compilation validateText(String text, String displayName) {
        Toolchain.prepareSchemaValidator();
        try {
            return validate(loader.parse(text, displayName));
        } catch (InvalidInputException e) {
            return new Compilation(foundBy(e.diagnostics(), "yaml"), Optional.empty(), Optional.empty(), List.of());
        }
    }

    private Compilation validate(SourceDocument document) {
        List<Diagnostic> controls = foundBy(ControlCharacters.check(document), "text");
        List<Diagnostic> schemaErrors = foundBy(Toolchain.schemaValidator().validate(document), "schema");
        if (!controls.isEmpty() || !schemaErrors.isEmpty()) {
            List<Diagnostic> all = new ArrayList<>(controls);
            all.addAll(schemaErrors);
            return new Compilation(all, Optional.empty(), Optional.of(document), List.of());
        }
        Site site = new ModelBuilder().build(document);
        List<Diagnostic> findings = new SemanticValidator().validate(site, document.sources());
        boolean failed = findings.stream().anyMatch(Diagnostic::isError);
        return new Compilation(findings, failed ? Optional.empty() : Optional.of(site), Optional.of(document), List.of());
    }

    /**
     * The whole pipeline up to rendered files: the families' files, a copy of the site they were
     * made from (what {@code plan} compares the next edit with) and the manifest that lists them.
     */
    public Compilation compile(Path siteFile, String displayName) {
        Compilation validated = validate(siteFile, displayName);
        if (validated.site().isEmpty()) {
            return validated;
        }
        List<RenderedFile> files = render(plan(validated.site().get()), validated.document().orElseThrow().text());
        return new Compilation(validated.diagnostics(), validated.site(), validated.document(), files);
    }

    public List<PlannedFile> plan(Site site) {
        List<PlannedFile> planned = new ArrayList<>();
        for (OutputFamily family : families) {
            planned.addAll(family.plan(site));
        }
        planned.sort(Comparator.comparing(PlannedFile::path));
        return planned;
    }

    /** Renders every planned file; in parallel (files are independent), in the plan's order. */
    public static List<RenderedFile> render(List<PlannedFile> planned, String siteText) {
        TemplateRenderer renderer = Toolchain.templateRenderer();
        List<RenderedFile> files = new ArrayList<>(planned.size() + 2);
        files.addAll(planned.parallelStream().map(renderer::render).toList());
        files.add(RecordedSite.file(siteText));
        java.util.Map<String, byte[]> contents = new java.util.LinkedHashMap<>();
        files.forEach(f -> contents.put(f.path(), f.content()));
        files.add(new RenderedFile(Manifest.FILE_NAME, Manifest.render(contents), FileMode.REGULAR));
        return files;
    }
}
