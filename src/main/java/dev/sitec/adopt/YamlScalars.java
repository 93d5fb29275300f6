package dev.sitec.adopt;

import java.io.StringWriter;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.StreamDataWriter;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.emitter.Emitter;
import org.snakeyaml.engine.v2.events.DocumentEndEvent;
import org.snakeyaml.engine.v2.events.DocumentStartEvent;
import org.snakeyaml.engine.v2.events.ImplicitTuple;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.events.SequenceEndEvent;
import org.snakeyaml.engine.v2.events.SequenceStartEvent;
import org.snakeyaml.engine.v2.events.StreamEndEvent;
import org.snakeyaml.engine.v2.events.StreamStartEvent;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Text as a YAML scalar, written by snakeyaml-engine's emitter (not by hand) with the core schema
 * sitec's loader reads with: plain where that reads back as the same string, quoted where it would not
 * ({@code a: b #c}, {@code null}, {@code 123}). The emitter is asked for the scalar inside a flow
 * sequence, whose rules are the stricter, so what it gives is valid in the template's [ ] and { } as
 * well as in a block; and a scalar it would fold over lines is asked for in double quotes, where a
 * line break is an escape: every scalar stays on its line.
 */
final class YamlScalars {

    private static final DumpSettings SETTINGS = DumpSettings.builder().setSchema(new CoreSchema())
            .setSplitLines(false).setWidth(Integer.MAX_VALUE).setUseUnicodeEncoding(true).build();

    private static final Pattern LINE_ENDS = Pattern.compile("[\\u0085\\u2028\\u2029]");

    private YamlScalars() {
    }

    /**
     * Plain if it reads back as itself, else quoted as the emitter chooses. Text with a character some
     * reader takes for a line's end (U+0085, U+2028, U+2029: YAML 1.1's, and snakeyaml-engine's
     * emitter's, though not its 1.2 scanner's) is double-quoted, where the two agree.
     */
    static String plainOrQuoted(String text) {
        if (LINE_ENDS.matcher(text).find()) {
            return doubleQuoted(text);
        }
        String scalar = emit(text, ScalarStyle.PLAIN);
        return scalar.indexOf('\n') < 0 ? scalar : doubleQuoted(text);
    }

    /** In double quotes, always (where the site has always quoted: MACs, keys, paths, descriptions). */
    static String doubleQuoted(String text) {
        return emit(text, ScalarStyle.DOUBLE_QUOTED);
    }

    private static String emit(String text, ScalarStyle style) {
        Text out = new Text();
        Emitter emitter = new Emitter(SETTINGS, out);
        boolean readsAsText = SETTINGS.getSchema().getScalarResolver().resolve(text, true).equals(Tag.STR);
        emitter.emit(new StreamStartEvent());
        emitter.emit(new DocumentStartEvent(false, Optional.empty(), Map.of()));
        emitter.emit(new SequenceStartEvent(Optional.empty(), Optional.empty(), true, FlowStyle.FLOW));
        emitter.emit(new ScalarEvent(Optional.empty(), Optional.empty(), new ImplicitTuple(readsAsText, true), text, style));
        emitter.emit(new SequenceEndEvent());
        emitter.emit(new DocumentEndEvent(false));
        emitter.emit(new StreamEndEvent());
        String document = out.toString();
        if (!document.startsWith("[") || !document.endsWith("]\n")) {
            throw new IllegalStateException("the YAML emitter wrote " + document + " for one scalar");
        }
        return document.substring(1, document.length() - 2);
    }

    /** The emitter's output, as text. */
    private static final class Text extends StringWriter implements StreamDataWriter {
        @Override
        public void flush() {
            // nothing is buffered
        }
    }
}
