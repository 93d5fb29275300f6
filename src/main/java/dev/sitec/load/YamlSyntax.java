package dev.sitec.load;

import dev.sitec.diagnostic.Diagnostic;
import dev.sitec.diagnostic.Quote;
import dev.sitec.diagnostic.SourceLocation;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;

/**
 * A YAML syntax error in a person's words. The parser says what token it expected ("expected
 * &lt;block end&gt;, but found '&lt;block mapping start&gt;'"); what a person did wrong is almost
 * always one of a few things (a key indented to no map's column, a tab, a list item among keys, an
 * unclosed bracket or quote), which the text around the error shows. Anything else keeps the
 * parser's words.
 */
final class YamlSyntax {

    /** A key at the start of a line (after its indentation and an optional "- "): {@code name:}. */
    private static final Pattern KEY = Pattern.compile("^\\s*(?:-\\s+)?([^\\s#'\"\\[{][^:#]*?|'[^']*'|\"[^\"]*\")\\s*:(?:\\s|$)");

    private final String file;
    private final List<String> lines;

    private YamlSyntax(String file, String text) {
        this.file = file;
        this.lines = text.lines().toList();
    }

    static Diagnostic describe(String file, String text, MarkedYamlEngineException e) {
        return new YamlSyntax(file, text).describe(e);
    }

    private Diagnostic describe(MarkedYamlEngineException e) {
        Mark problem = e.getProblemMark().orElse(null);
        Mark context = e.getContextMark().orElse(null);
        String what = e.getProblem() == null ? "" : e.getProblem();
        String where = e.getContext() == null ? "" : e.getContext();
        Optional<Diagnostic> worded = Optional.empty();
        if (problem != null) {
            if (what.equals("mapping values are not allowed here")) {
                worded = indentedMoreThanAKeyWithAValue(problem).or(() -> Optional.of(error(problem.getLine(), problem.getColumn(),
                        "a value cannot hold ': ' unless it is quoted (this reads as a second key on the line)",
                        "put the value in quotes, or start its map on a line of its own")));
            } else if (what.endsWith("but found '<block mapping start>'")
                    && (where.equals("while parsing a block mapping") || what.startsWith("expected '<document start>'"))) {
                worded = Optional.of(indentedToNoMap(problem, context));
            } else if (what.endsWith("but found '-'") && where.equals("while parsing a block mapping")) {
                worded = Optional.of(error(problem.getLine(), problem.getColumn(),
                        "a list item ('- ') stands among the keys of a map: a map holds 'key: value' lines, a list '- item' lines",
                        "put the items under a key of their own (the key alone on its line, the items indented below it)"));
            } else if (what.endsWith("but found '?'") && where.equals("while parsing a block collection")) {
                worded = Optional.of(error(problem.getLine(), problem.getColumn(),
                        "a key stands among the items of a list: a list holds '- item' lines, a map 'key: value' lines",
                        "start it with '- ' to make it an item, or indent it as the key that holds the list"));
            } else if (what.startsWith("found character '\\t(TAB)'")) {
                worded = Optional.of(error(problem.getLine(), problem.getColumn(),
                        "a tab indents this line: YAML indents with spaces only", "replace the tab with spaces, as on the lines around it"));
            } else if (what.equals("could not find expected ':'") && context != null) {
                worded = Optional.of(error(context.getLine(), context.getColumn(),
                        "this line is neither 'key: value' nor a list item: a key needs ':' after it",
                        "to continue the value above on this line, put that value in quotes"));
            } else if (where.startsWith("while parsing a flow ") && context != null) {
                worded = Optional.of(unclosed(problem, context, where.endsWith("sequence") ? "list" : "map",
                        where.endsWith("sequence") ? "]" : "}", what.endsWith("<stream end>")));
            } else if (where.equals("while scanning a quoted scalar") && context != null && what.contains("end of stream")) {
                String quote = charAt(context).map(String::valueOf).orElse("\"");
                worded = Optional.of(error(context.getLine(), context.getColumn(), "the quote (" + quote + ") that starts this value"
                        + " is never closed", "end the value with " + quote + " on the same line"));
            } else if (what.startsWith("found undefined alias ")) {
                String name = what.substring("found undefined alias ".length()).trim();
                worded = Optional.of(error(problem.getLine(), problem.getColumn(), "*" + Quote.of(name) + " refers to no anchor"
                        + " &" + Quote.of(name) + " above it", "a value that starts with '*' must be quoted"));
            }
        }
        return worded.orElseGet(() -> {
            Mark at = problem != null ? problem : context;
            return error(at == null ? 0 : at.getLine(), at == null ? 0 : at.getColumn(),
                    (what.isEmpty() ? "a syntax error" : what) + (where.isEmpty() ? "" : " (" + where + ")"), null);
        });
    }

    /**
     * "mapping values are not allowed here" on a line indented more than the one above it, which
     * has a value: the person meant a key of the same map.
     */
    private Optional<Diagnostic> indentedMoreThanAKeyWithAValue(Mark problem) {
        int line = problem.getLine();
        int above = previousContent(line);
        if (above < 0 || indent(line) <= indent(above) || lines.get(above).stripTrailing().endsWith(":")) {
            return Optional.empty();
        }
        return Optional.of(error(line, indent(line), "this line is indented more than the key above it expects: a key"
                + " must line up with the keys of its map", key(above).map(k -> "indent " + key(line).map(o -> "'" + o + "'")
                .orElse("it") + " as '" + k + "' on line " + (above + 1) + " (column " + (indent(above) + 1) + ")").orElse(null)));
    }

    /** A key between the columns of two maps, an inner one above it and the one that holds that. */
    private Diagnostic indentedToNoMap(Mark problem, Mark context) {
        int line = problem.getLine();
        int column = indent(line);
        StringBuilder hint = new StringBuilder();
        int inner = previousContent(line);
        while (inner >= 0 && indent(inner) <= column) {
            inner = previousContent(inner);
        }
        String name = key(line).map(k -> "'" + k + "'").orElse("it");
        if (inner >= 0 && key(inner).isPresent()) {
            hint.append("indent ").append(name).append(" as '").append(key(inner).get()).append("' on line ").append(inner + 1)
                    .append(" (column ").append(indent(inner) + 1).append(")");
        }
        if (context != null && context.getLine() < line && key(context.getLine()).isPresent()) {
            hint.append(hint.length() == 0 ? "indent " + name + " as '" : ", or as '").append(key(context.getLine()).get())
                    .append("' on line ").append(context.getLine() + 1).append(" (column ").append(context.getColumn() + 1).append(")");
        }
        return error(line, column, "this line's indentation lines up with no map above it: a key must line up with the"
                + " keys of its map",
                hint.length() == 0 ? null : hint.toString());
    }

    private Diagnostic unclosed(Mark problem, Mark opened, String what, String closer, boolean atEnd) {
        String start = "the " + what + " opened with '" + charAt(opened).map(String::valueOf).orElse("") + "' on line "
                + (opened.getLine() + 1) + " (column " + (opened.getColumn() + 1) + ")";
        if (atEnd) {
            return error(opened.getLine(), opened.getColumn(), "this '" + charAt(opened).map(String::valueOf).orElse("")
                    + "' opens a " + what + " that is never closed",
                    "end it with '" + closer + "'");
        }
        return error(problem.getLine(), problem.getColumn(), start + " is not closed before this",
                "end it with '" + closer + "', and separate its items with ','");
    }

    private Diagnostic error(int line, int column, String message, String hint) {
        return Diagnostic.error(new SourceLocation(file, line + 1, column + 1), "invalid YAML: " + message).withHint(hint);
    }

    private int previousContent(int line) {
        for (int i = Math.min(line, lines.size()) - 1; i >= 0; i--) {
            String text = lines.get(i).strip();
            if (!text.isEmpty() && !text.startsWith("#")) {
                return i;
            }
        }
        return -1;
    }

    private int indent(int line) {
        if (line < 0 || line >= lines.size()) {
            return 0;
        }
        String text = lines.get(line);
        int i = 0;
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    private Optional<String> key(int line) {
        if (line < 0 || line >= lines.size()) {
            return Optional.empty();
        }
        Matcher m = KEY.matcher(lines.get(line));
        return m.find() ? Optional.of(Quote.of(m.group(1).strip())) : Optional.empty();
    }

    private Optional<Character> charAt(Mark mark) {
        int line = mark.getLine();
        if (line < 0 || line >= lines.size() || mark.getColumn() >= lines.get(line).length()) {
            return Optional.empty();
        }
        return Optional.of(lines.get(line).charAt(mark.getColumn()));
    }
}
