package org.chokepoint.model;

import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** "Did you mean" suggestions for misspelt ids and keys. */
public final class Names {

    private Names() {}

    /**
     * The candidate closest to {@code wrong} by edit distance, if it is close enough to be a likely
     * typo (at most a third of the length, and at least one edit allowed), else {@code null}. Ties go
     * to the first candidate in iteration order, so callers pass sorted collections.
     */
    public static String nearest(String wrong, Collection<String> candidates) {
        if (wrong == null) {
            return null;
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        int limit = Math.max(2, wrong.length() / 3);
        String lower = wrong.toLowerCase(Locale.ROOT);
        for (String c : candidates) {
            int d = distance(lower, c.toLowerCase(Locale.ROOT), limit);
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        return bestDistance <= limit ? best : null;
    }

    /** " Did you mean 'x'?" or the empty string. */
    public static String didYouMean(String wrong, Collection<String> candidates) {
        String near = nearest(wrong, candidates);
        return near == null ? "" : " Did you mean '" + near + "'?";
    }

    /** Up to {@code max} names joined with commas, with "…" when there are more. */
    public static String list(List<String> names, int max) {
        if (names.size() <= max) {
            return String.join(", ", names);
        }
        return String.join(", ", names.subList(0, max)) + ", … (" + names.size() + " in all)";
    }

    /** Levenshtein distance, giving up early (returning limit + 1) once it must exceed limit. */
    static int distance(String a, String b, int limit) {
        if (Math.abs(a.length() - b.length()) > limit) {
            return limit + 1;
        }
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                rowMin = Math.min(rowMin, cur[j]);
            }
            if (rowMin > limit) {
                return limit + 1;
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
