package org.chokepoint.policy;

import java.util.List;

/**
 * A de minimis threshold in force from its effective date: foreign-made items with more
 * authority-origin controlled content than this share of their value are subject to its rules.
 *
 * @param threshold the share, in [0, 1] (0.25 for most destinations, 0.10 for E:1, 0 for some)
 * @param destinations where it applies; empty: everywhere
 * @param eccns classifications it applies to (prefixes); empty: all
 */
public record DeMinimis(MeasureHeader header, double threshold, List<String> destinations, List<String> eccns)
        implements PolicyMeasure {

    public DeMinimis {
        org.chokepoint.model.Checks.fraction(threshold, "threshold");
        destinations = destinations == null ? List.of() : List.copyOf(destinations);
        eccns = eccns == null ? List.of() : List.copyOf(eccns);
    }
}
