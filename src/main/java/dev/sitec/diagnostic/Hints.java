package dev.sitec.diagnostic;

import java.util.Collection;
import java.util.Optional;

/** "Did you mean …?" suggestions: the closest candidate by edit distance, if it is close enough. */
public final class Hints {

    private Hints() {
    }

    public static Optional<String> closest(String wrong, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates.stream().sorted().toList()) {
            int distance = editDistance(wrong, candidate);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        // Close enough to be a typo: at most a third of the word, and never the whole of it.
        int allowed = Math.max(1, wrong.length() / 3);
        return best != null && bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }

    /** "did you mean 'x'?" when one candidate is close, else the list of valid names (or nothing). */
    public static Optional<String> didYouMean(String wrong, Collection<String> candidates, String what) {
        Optional<String> close = closest(wrong, candidates);
        if (close.isPresent()) {
            return Optional.of("did you mean '" + close.get() + "'?");
        }
        if (candidates.isEmpty()) {
            return Optional.of("no " + what + " is defined");
        }
        return Optional.of("known " + what + ": " + String.join(", ", candidates.stream().sorted().toList()));
    }

    /**
     * Edits between two words: insertions, deletions, substitutions and swaps of two neighbouring
     * letters (optimal string alignment). A swap is one slip of the fingers ("coers" for "cores",
     * "domian" for "domain"), not two substitutions: counted as two, it put short keys' typos past
     * the "close enough" bound, so a VM's {@code coers} got a list of keys instead of "did you mean".
     */
    static int editDistance(String a, String b) {
        // Three rows (two back, for a swap), not the whole table: a fuzzed key may be megabytes long.
        int[] twoBack = new int[b.length() + 1];
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(previous[j - 1] + cost, Math.min(previous[j], current[j - 1]) + 1);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    current[j] = Math.min(current[j], twoBack[j - 2] + 1);
                }
            }
            int[] swap = twoBack;
            twoBack = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
