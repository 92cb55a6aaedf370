package dev.iamgate.internal.validate;

import java.util.Locale;
import java.util.Optional;

/** "Did you mean ...?": the closest known name by edit distance, ignoring case. */
final class Suggestions {

    /** Farther than this, a name is a different word rather than a typo. */
    private static final int MAX_DISTANCE = 3;

    private Suggestions() {}

    /** The candidate closest to {@code input}, if one is within a few edits. */
    static Optional<String> closest(String input, Iterable<String> candidates) {
        String needle = input.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = MAX_DISTANCE + 1;
        for (String candidate : candidates) {
            int distance = distance(needle, candidate.toLowerCase(Locale.ROOT), bestDistance);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    /** " Did you mean X?" or nothing. */
    static String didYouMean(String input, Iterable<String> candidates) {
        return closest(input, candidates).map(s -> " Did you mean " + s + "?").orElse("");
    }

    /** Levenshtein distance, or {@code limit} as soon as it cannot be lower than that. */
    static int distance(String a, String b, int limit) {
        if (Math.abs(a.length() - b.length()) >= limit) {
            return limit;
        }
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            int rowMin = current[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1),
                        previous[j - 1] + cost);
                rowMin = Math.min(rowMin, current[j]);
            }
            if (rowMin >= limit) {
                return limit;
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return Math.min(previous[b.length()], limit);
    }
}
