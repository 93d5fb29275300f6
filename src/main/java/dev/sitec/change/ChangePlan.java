package dev.sitec.change;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Every change from one site to the next, most severe first, then by subject. */
public record ChangePlan(List<Change> changes) {

    private static final Comparator<Change> ORDER = Comparator.comparing(Change::kind)
            .thenComparing(Change::subject).thenComparing(Change::detail);

    public ChangePlan {
        changes = changes.stream().sorted(ORDER).toList();
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    public List<Change> refused() {
        return changes.stream().filter(Change::isRefused).toList();
    }

    /** Changes sitec says something about: the refused ones and the ones it warns of. */
    public List<Change> concerns() {
        return changes.stream().filter(c -> c.concern().isPresent()).toList();
    }

    public Map<ChangeKind, Long> counts() {
        Map<ChangeKind, Long> counts = new EnumMap<>(ChangeKind.class);
        changes.forEach(c -> counts.merge(c.kind(), 1L, Long::sum));
        return counts;
    }

    /** True when a change at {@code level} or worse is present ({@code plan --fail-on}). */
    public boolean reaches(FailLevel level) {
        return changes.stream().anyMatch(level::matches);
    }
}
