package org.chokepoint.model;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Dated paths of a quantity: factors that hold from each date until the next (a demand that
 * grows, a plant that expands, starts or closes). Before the first date the factor is 1.
 */
public final class Paths {

    private Paths() {}

    /** An unmodifiable copy with every factor checked: finite and not negative. */
    static NavigableMap<LocalDate, Double> frozen(NavigableMap<LocalDate, Double> path, String field) {
        if (path == null || path.isEmpty()) {
            return Collections.emptyNavigableMap();
        }
        for (Map.Entry<LocalDate, Double> e : path.entrySet()) {
            double f = e.getValue();
            if (!(f >= 0) || Double.isInfinite(f) || f > 1e6) {
                throw new FieldException(field + "." + e.getKey(), "a factor must be between 0 and 1,000,000 (" + Checks.fmt(f) + ")",
                        "1.5 is half as much again; 0 is none (a closure, or a plant not yet started).");
            }
        }
        return Collections.unmodifiableNavigableMap(new TreeMap<>(path));
    }
}
