package dev.sitec.load;

import java.util.IdentityHashMap;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * How many values a composed YAML graph expands to once every alias is followed, counted on the
 * graph itself (each node once, its size remembered), so that a "billion laughs" file is measured in
 * microseconds instead of being expanded until memory runs out. Sizes saturate at a cap.
 */
final class ExpandedSize {

    private final long cap;
    private final Map<Node, Long> sizes = new IdentityHashMap<>();

    ExpandedSize(long cap) {
        this.cap = cap;
    }

    /** The node's expanded value count, at most {@code cap + 1}. */
    long of(Node node) {
        Long known = sizes.get(node);
        if (known != null) {
            return known;
        }
        sizes.put(node, cap + 1); // a node met again while being measured is recursive: too big
        long size = 1;
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                // A key is a value too: a map of a million empty entries is a million and a half, not half a million.
                size = Math.min(cap + 1, size + 1 + of(tuple.getValueNode()));
            }
        } else if (node instanceof SequenceNode sequence) {
            for (Node item : sequence.getValue()) {
                size = Math.min(cap + 1, size + of(item));
            }
        }
        sizes.put(node, size);
        return size;
    }

    /**
     * The node to blame for a graph too big to expand: descends into the first child that is too big
     * on its own, and stops at a node whose children each fit (so the error points at the anchor
     * that multiplies them).
     */
    Node culprit(Node node) {
        Node at = node;
        while (true) {
            Node next = null;
            if (at instanceof MappingNode mapping) {
                for (NodeTuple tuple : mapping.getValue()) {
                    if (of(tuple.getValueNode()) > cap) {
                        next = tuple.getValueNode();
                        break;
                    }
                }
            } else if (at instanceof SequenceNode sequence) {
                for (Node item : sequence.getValue()) {
                    if (of(item) > cap) {
                        next = item;
                        break;
                    }
                }
            }
            if (next == null || next == at) {
                return at;
            }
            at = next;
        }
    }
}
