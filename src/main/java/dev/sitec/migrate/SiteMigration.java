package dev.sitec.migrate;

import com.fasterxml.jackson.core.JsonPointer;
import dev.sitec.Compilation;
import dev.sitec.SiteCompiler;
import dev.sitec.diagnostic.Diagnostic;
import dev.sitec.load.SourceDocument;
import dev.sitec.model.KubernetesReader;
import dev.sitec.model.SiteFormat;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Rewrites a sitec.dev/v1 site file as sitec.dev/v2, as text, so that every comment, blank line,
 * quote and key order stays: apiVersion is set (or added before the first key), and the one cluster
 * under kubernetes: moves one level down, under its name (its Flux folder's, else the site's). A v2
 * file is left as it is. Only a file that validates is rewritten, and the result must validate too.
 */
public final class SiteMigration {

    /** The outcome: the new text (the same when nothing changed) and what was done, for a person. */
    public record Result(String text, boolean changed, String summary, List<Diagnostic> problems) {
    }

    private SiteMigration() {
    }

    public static Result toV2(String text, String displayName) {
        Compilation before = new SiteCompiler().validateText(text, displayName);
        if (before.failed() || before.site().isEmpty()) {
            return new Result(text, false, displayName + " has errors; migrate rewrites only a file that validates",
                    before.diagnostics().stream().filter(Diagnostic::isError).toList());
        }
        SiteFormat format = before.site().get().format();
        if (format.version() == SiteFormat.Version.V2) {
            return new Result(text, false, displayName + " is " + SiteFormat.Version.V2.apiVersion() + " already; nothing to do",
                    List.of());
        }
        SourceDocument document = before.document().orElseThrow();
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        String cluster = KubernetesReader.v1Name(document.root());
        // Edit from the bottom up, so that line numbers above each edit stay valid.
        if (document.root().has("kubernetes")) {
            nestKubernetes(document, lines, cluster);
        }
        setApiVersion(document, lines);
        String migrated = String.join("\n", lines);
        Compilation after = new SiteCompiler().validateText(migrated, displayName);
        if (after.failed()) {
            return new Result(text, false, "sitec could not migrate " + displayName + " (a bug in sitec: the rewritten file"
                    + " does not validate); the file is as it was", after.diagnostics().stream().filter(Diagnostic::isError).toList());
        }
        String moved = document.root().has("kubernetes") ? "; its K3s cluster is now kubernetes." + cluster : "";
        return new Result(migrated, true, displayName + ": migrated from " + SiteFormat.Version.V1.apiVersion() + " to "
                + SiteFormat.Version.V2.apiVersion() + moved, List.of());
    }

    private static void setApiVersion(SourceDocument document, List<String> lines) {
        if (document.root().has("apiVersion")) {
            int line = document.sources().value(JsonPointer.compile("/apiVersion")).line() - 1;
            lines.set(line, lines.get(line).replace(SiteFormat.Version.V1.apiVersion(), SiteFormat.Version.V2.apiVersion()));
            return;
        }
        lines.add(firstKeyLine(document) - 1, "apiVersion: " + SiteFormat.Version.V2.apiVersion());
    }

    /** The line (1-based) of the first top-level key. */
    private static int firstKeyLine(SourceDocument document) {
        int first = Integer.MAX_VALUE;
        for (Iterator<Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>> it = document.root().properties().iterator(); it.hasNext(); ) {
            first = Math.min(first, document.sources().key(JsonPointer.compile("/" + escape(it.next().getKey()))).line());
        }
        return first;
    }

    /**
     * Indents the kubernetes block by two spaces under a new "  <cluster>:" line. The block ends at
     * the next top-level key; blank lines and unindented comments just before that key stay with it.
     */
    private static void nestKubernetes(SourceDocument document, List<String> lines, String cluster) {
        JsonPointer at = JsonPointer.compile("/kubernetes");
        int keyLine = document.sources().key(at).line() - 1;
        int end = lines.size();
        for (Iterator<String> it = document.root().fieldNames(); it.hasNext(); ) {
            int line = document.sources().key(JsonPointer.compile("/" + escape(it.next()))).line() - 1;
            if (line > keyLine && line < end) {
                end = line;
            }
        }
        while (end - 1 > keyLine && (lines.get(end - 1).isBlank() || lines.get(end - 1).startsWith("#"))) {
            end--;
        }
        for (int i = keyLine + 1; i < end; i++) {
            if (!lines.get(i).isBlank()) {
                lines.set(i, "  " + lines.get(i));
            }
        }
        var value = document.sources().value(at);
        String keyText = lines.get(keyLine);
        if (value.line() - 1 == keyLine) {
            // kubernetes: { ... } on the key's line: the value moves to the cluster's line.
            int column = value.column() - 1;
            lines.set(keyLine, keyText.substring(0, column).stripTrailing());
            lines.add(keyLine + 1, "  " + cluster + ": " + keyText.substring(column));
        } else {
            lines.add(keyLine + 1, "  " + cluster + ":");
        }
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
