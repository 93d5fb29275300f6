package dev.sitec.adopt;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * The whole of one import, bounded: each answer is bounded on its own (a site file's limits), but a
 * cluster that lists many guests, each with a large answer, could still hold an import for hours or
 * run it out of memory (60 answers of 1.9 MB did). The import stops, naming the bound, once the
 * answers it read hold more values than sitec reads from any real cluster, or once it has run too long.
 */
final class BudgetedPveApi implements PveApi {

    /** A 2,000-guest cluster's answers hold about 400,000 values: ten times that is no cluster's. */
    static final long MAX_VALUES = 4_000_000;
    static final Duration MAX_TIME = Duration.ofMinutes(15);

    private final PveApi api;
    private final long maxValues;
    private final long deadlineNanos;
    private long values;

    BudgetedPveApi(PveApi api) {
        this(api, MAX_VALUES, MAX_TIME);
    }

    BudgetedPveApi(PveApi api, long maxValues, Duration maxTime) {
        this.api = api;
        this.maxValues = maxValues;
        this.deadlineNanos = System.nanoTime() + maxTime.toNanos();
    }

    @Override
    public JsonNode get(String path) throws PveApiException {
        return charged(path, api.get(path));
    }

    @Override
    public Optional<JsonNode> find(String path) throws PveApiException {
        Optional<JsonNode> answer = api.find(path);
        if (answer.isPresent()) {
            charged(path, answer.get());
        }
        return answer;
    }

    private JsonNode charged(String path, JsonNode answer) throws PveApiException {
        values += count(answer);
        if (values > maxValues) {
            throw new PveApiException("the answers read from " + api.source() + " hold more than " + maxValues
                    + " values (up to " + where(path) + "), more than any cluster sitec imports",
                    "import a cluster of real guests; answers this large are not what Proxmox VE sends");
        }
        if (System.nanoTime() - deadlineNanos > 0) {
            throw new PveApiException("reading " + api.source() + " took longer than " + MAX_TIME.toMinutes()
                    + " minutes (up to " + where(path) + ")", "check the cluster's load and the network, then run import again");
        }
        return answer;
    }

    /** The values in an answer, counted without recursion (its depth is bounded, its breadth is not). */
    private static long count(JsonNode root) {
        long n = 0;
        Deque<JsonNode> pending = new ArrayDeque<>();
        pending.push(root);
        while (!pending.isEmpty()) {
            JsonNode node = pending.pop();
            n++;
            node.forEach(pending::push);
        }
        return n;
    }

    @Override
    public String source() {
        return api.source();
    }

    @Override
    public String where(String path) {
        return api.where(path);
    }
}
