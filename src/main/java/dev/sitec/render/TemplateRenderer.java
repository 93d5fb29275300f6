package dev.sitec.render;

import dev.sitec.plan.PlannedFile;
import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.ConditionalTemplateConfigurationFactory;
import freemarker.cache.FileNameGlobMatcher;
import freemarker.cache.FirstMatchTemplateConfigurationFactory;
import freemarker.core.TemplateConfiguration;
import freemarker.ext.beans.ZeroArgumentNonVoidMethodPolicy;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

/**
 * Renders planned files with FreeMarker. Templates use square-bracket interpolation ({@code [=x]})
 * so that Terraform's and shell's {@code ${…}} pass through untouched; every interpolation is
 * escaped for the file's format; output is normalised to LF and ends with one newline; the
 * generated-file header is added here, once, for every format that has comments.
 */
public final class TemplateRenderer {

    private static final String TEMPLATE_ROOT = "/sitec/templates";

    private final Configuration configuration;

    public TemplateRenderer() {
        Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
        ClassTemplateLoader loader = new ClassTemplateLoader(TemplateRenderer.class, TEMPLATE_ROOT);
        // Templates ship in sitec's jar and never change while it runs: open the jar once (uncached,
        // every template would open and index it again), never look for locale variants or re-check
        // modification times.
        loader.setURLConnectionUsesCaches(true);
        cfg.setTemplateLoader(loader);
        cfg.setLocalizedLookup(false);
        cfg.setTemplateUpdateDelayMilliseconds(Long.MAX_VALUE);
        cfg.setDefaultEncoding("UTF-8");
        cfg.setInterpolationSyntax(Configuration.SQUARE_BRACKET_INTERPOLATION_SYNTAX);
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setWrapUncheckedExceptions(true);
        cfg.setFallbackOnNullLoopVariable(false);
        // Same bytes on every machine: no locale-dependent numbers, no time zone, no grouping.
        cfg.setLocale(Locale.ROOT);
        cfg.setTimeZone(TimeZone.getTimeZone("UTC"));
        cfg.setNumberFormat("c");
        cfg.setBooleanFormat("c");
        cfg.setWhitespaceStripping(true);
        DefaultObjectWrapperBuilder wrapper = new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34);
        wrapper.setIterableSupport(true);
        // Views are records: let templates read `vm.name` as well as `vm.name()`.
        wrapper.setRecordZeroArgumentNonVoidMethodPolicy(
                ZeroArgumentNonVoidMethodPolicy.BOTH_METHOD_AND_PROPERTY_UNLESS_BEAN_PROPERTY_READ_METHOD);
        cfg.setObjectWrapper(wrapper.build());
        List<ConditionalTemplateConfigurationFactory> byFormat = new ArrayList<>();
        for (FileFormat format : FileFormat.values()) {
            TemplateConfiguration tc = new TemplateConfiguration();
            tc.setOutputFormat(format.outputFormat());
            byFormat.add(new ConditionalTemplateConfigurationFactory(new FileNameGlobMatcher(format.templateGlob()), tc));
        }
        cfg.setRegisteredCustomOutputFormats(List.of(EscapingOutputFormat.HCL, EscapingOutputFormat.YAML,
                EscapingOutputFormat.TOML, EscapingOutputFormat.SHELL, EscapingOutputFormat.JSON));
        cfg.setTemplateConfigurations(new FirstMatchTemplateConfigurationFactory(
                byFormat.toArray(new ConditionalTemplateConfigurationFactory[0])).allowNoMatch(true));
        this.configuration = cfg;
    }

    public RenderedFile render(PlannedFile file) {
        FileFormat format = FileFormat.ofTemplate(file.template());
        String text = renderText(file.template(), file.view());
        return new RenderedFile(file.path(), withHeader(normalise(text), format).getBytes(StandardCharsets.UTF_8),
                file.mode());
    }

    /** A file the user owns once written (a starter site.yaml): no generated-file header. */
    public String renderOwned(String templateName, Object view) {
        return normalise(renderText(templateName, view));
    }

    private String renderText(String templateName, Object view) {
        try {
            Template template = configuration.getTemplate(templateName);
            StringWriter out = new StringWriter();
            template.process(Map.of("v", view), out);
            return out.toString();
        } catch (IOException | TemplateException e) {
            // A template or view bug, never bad input: the input was fully validated before this.
            throw new IllegalStateException("template " + templateName + " failed: " + e.getMessage(), e);
        }
    }

    /** LF line ends, no trailing blanks at line ends, exactly one newline at the end. */
    static String normalise(String text) {
        String lf = text.replace("\r\n", "\n");
        StringBuilder out = new StringBuilder(lf.length() + 1);
        for (String line : lf.split("\n", -1)) {
            out.append(line.stripTrailing()).append('\n');
        }
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == '\n') {
            end--;
        }
        if (end == 0) {
            return ""; // nothing but blank lines: an empty file
        }
        out.setLength(end + 1); // the last line's own newline stays
        return out.toString();
    }

    /**
     * The header goes first, or second after a line that must stay first: a shebang, or
     * {@code #cloud-config} which cloud-init requires on line one.
     */
    static String withHeader(String text, FileFormat format) {
        if (format.header().isEmpty()) {
            return text;
        }
        String header = format.header().get() + "\n";
        if (text.startsWith("#!") || text.startsWith("#cloud-config")) {
            int end = text.indexOf('\n') + 1;
            return text.substring(0, end) + header + text.substring(end);
        }
        return header + text;
    }
}
