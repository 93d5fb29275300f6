package dev.sitec.render;

import freemarker.core.CommonMarkupOutputFormat;
import freemarker.core.CommonTemplateMarkupOutputModel;
import java.io.IOException;
import java.io.Writer;
import java.util.function.UnaryOperator;

/**
 * A FreeMarker output format that auto-escapes every interpolation with one of {@link Escapers}.
 * Templates get it from their file name ({@code *.tf.ftl} → HCL, …), so no template can forget.
 */
public final class EscapingOutputFormat extends CommonMarkupOutputFormat<EscapingOutputFormat.Escaped> {

    public static final EscapingOutputFormat HCL = new EscapingOutputFormat("HCL", "text/x-hcl", Escapers::hcl);
    public static final EscapingOutputFormat YAML = new EscapingOutputFormat("YAML", "application/yaml", Escapers::yaml);
    public static final EscapingOutputFormat TOML = new EscapingOutputFormat("TOML", "application/toml", Escapers::toml);
    public static final EscapingOutputFormat SHELL = new EscapingOutputFormat("Shell", "text/x-shellscript", Escapers::shell);
    public static final EscapingOutputFormat JSON = new EscapingOutputFormat("JSONString", "application/json", Escapers::json);

    private final String name;
    private final String mimeType;
    private final UnaryOperator<String> escaper;

    private EscapingOutputFormat(String name, String mimeType, UnaryOperator<String> escaper) {
        this.name = name;
        this.mimeType = mimeType;
        this.escaper = escaper;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public String getMimeType() {
        return mimeType;
    }

    @Override
    public void output(String textToEsc, Writer out) throws IOException {
        out.write(escaper.apply(textToEsc));
    }

    @Override
    public String escapePlainText(String plainTextContent) {
        return escaper.apply(plainTextContent);
    }

    @Override
    public boolean isLegacyBuiltInBypassed(String builtInName) {
        return false;
    }

    @Override
    protected Escaped newTemplateMarkupOutputModel(String plainTextContent, String markupContent) {
        return new Escaped(plainTextContent, markupContent, this);
    }

    /** Text already escaped for one format. */
    public static final class Escaped extends CommonTemplateMarkupOutputModel<Escaped> {
        private final EscapingOutputFormat format;

        Escaped(String plainTextContent, String markupContent, EscapingOutputFormat format) {
            super(plainTextContent, markupContent);
            this.format = format;
        }

        @Override
        public EscapingOutputFormat getOutputFormat() {
            return format;
        }
    }
}
