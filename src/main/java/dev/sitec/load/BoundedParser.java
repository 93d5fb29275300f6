package dev.sitec.load;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.parser.Parser;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * The YAML parser, stopping at a nesting depth and at a number of nodes. The composer recurses once
 * per level of nesting (a 100,000-deep flow sequence overflowed the stack there), while the parser's
 * event stream does not; and composing two million scalars of a 4 MB file took 11 s and a gigabyte,
 * while counting their events costs nothing. Both bounds hold before the composer builds anything.
 * (What aliases multiply is counted on the composed graph: ExpandedSize.)
 */
final class BoundedParser implements Parser {

    /** Thrown at the first collection past the bound, where it starts. */
    static final class TooDeep extends RuntimeException {
        private final transient Mark mark;

        TooDeep(Mark mark) {
            super(null, null, false, false);
            this.mark = mark;
        }

        Mark mark() {
            return mark;
        }
    }

    /** Thrown at the first node past the bound. */
    static final class TooMany extends RuntimeException {
        private final transient Mark mark;

        TooMany(Mark mark) {
            super(null, null, false, false);
            this.mark = mark;
        }

        Mark mark() {
            return mark;
        }
    }

    private final Parser parser;
    private final int maxDepth;
    private final int maxNodes;
    private int depth;
    private int nodes;

    BoundedParser(LoadSettings settings, String text, int maxDepth, int maxNodes) {
        this.parser = new ParserImpl(settings, new StreamReader(settings, text));
        this.maxDepth = maxDepth;
        this.maxNodes = maxNodes;
    }

    @Override
    public boolean checkEvent(Event.ID choice) {
        return parser.checkEvent(choice);
    }

    @Override
    public Event peekEvent() {
        return parser.peekEvent();
    }

    @Override
    public boolean hasNext() {
        return parser.hasNext();
    }

    @Override
    public Event next() {
        Event event = parser.next();
        switch (event.getEventId()) {
            case MappingStart, SequenceStart -> {
                if (++depth > maxDepth) {
                    throw new TooDeep(event.getStartMark().orElse(null));
                }
                count(event);
            }
            case Scalar, Alias -> count(event);
            case MappingEnd, SequenceEnd -> depth--;
            default -> {
            }
        }
        return event;
    }

    private void count(Event event) {
        if (++nodes > maxNodes) {
            throw new TooMany(event.getStartMark().orElse(null));
        }
    }
}
