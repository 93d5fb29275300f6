package dev.sitec.change;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.stream.Collectors;

/** A change plan as plan prints it: one line per change, grouped by class; or the same as JSON. */
public final class ChangeReport {

    private static final int LABEL_WIDTH = ChangeKind.DESTROYS_DATA.label().length();

    private ChangeReport() {
    }

    public static String text(ChangePlan plan, String site, String baseline) {
        StringBuilder out = new StringBuilder();
        out.append(site).append(" compared with ").append(baseline).append(":\n");
        if (plan.isEmpty()) {
            return out.append("no changes: applying the tree changes nothing in the lab\n").toString();
        }
        for (Change change : plan.changes()) {
            String label = change.kind().label();
            out.append("  ").append(label).append(" ".repeat(LABEL_WIDTH - label.length() + 2))
                    .append(change.line());
            if (change.reboots() && change.kind() != ChangeKind.REBOOT) {
                out.append(" [reboot]");
            }
            if (change.isRefused()) {
                out.append(" [refused]");
            } else if (change.concern().isPresent()) {
                out.append(" [warning]");
            }
            out.append('\n');
        }
        out.append(summary(plan)).append('\n');
        return out.toString();
    }

    public static String summary(ChangePlan plan) {
        Map<ChangeKind, Long> counts = plan.counts();
        String each = counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().label())
                .collect(Collectors.joining(", "));
        long refused = plan.refused().size();
        long warned = plan.concerns().size() - refused;
        return plan.changes().size() + (plan.changes().size() == 1 ? " change: " : " changes: ") + each
                + (refused > 0 ? "; " + refused + " refused" : "") + (warned > 0 ? "; " + warned + " warned of" : "");
    }

    public static String json(ChangePlan plan, String site, String baseline) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("site", site);
        root.put("against", baseline);
        ArrayNode changes = root.putArray("changes");
        for (Change change : plan.changes()) {
            ObjectNode node = changes.addObject();
            node.put("class", change.kind().label());
            node.put("subject", change.subject());
            node.put("change", change.detail());
            change.cause().ifPresentOrElse(c -> node.put("cause", c), () -> node.putNull("cause"));
            node.put("reboot", change.reboots());
            node.put("refused", change.isRefused());
            change.concern().ifPresentOrElse(c -> node.put("message", c.message()), () -> node.putNull("message"));
            node.put("at", change.at().toString());
        }
        ObjectNode counts = root.putObject("counts");
        plan.counts().forEach((kind, n) -> counts.put(kind.label(), n));
        try {
            return mapper.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings always serialises", e);
        }
    }
}
