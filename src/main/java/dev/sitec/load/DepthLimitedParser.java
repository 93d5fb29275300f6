package dev.sitec.load;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.parser.Parser;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * The YAML parser, stopping at a nesting depth: the composer recurses once per level of nesting
 * (a 100,000-deep flow sequence overflowed the stack there), while the parser's event stream does
 * not. Counting the collections this stream opens keeps the bound before any recursion reaches it.
 */
final class DepthLimitedParser implements Parser {

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

    private final Parser parser;
    private final int maxDepth;
    private int depth;

    DepthLimitedParser(LoadSettings settings, String text, int maxDepth) {
        this.parser = new ParserImpl(settings, new StreamReader(settings, text));
        this.maxDepth = maxDepth;
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
            }
            case MappingEnd, SequenceEnd -> depth--;
            default -> {
            }
        }
        return event;
    }
}
