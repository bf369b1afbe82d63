package org.chokepoint.policy;

import java.util.List;

/**
 * An ad valorem tariff: a cost markup on shipments from sites in the origins to sites in the
 * destinations.
 *
 * @param rate the rate, a fraction (0.34 for 34%)
 * @param origins countries or groups goods come from
 * @param destinations countries or groups goods go to (default: the authority)
 * @param items item ids it applies to; empty: all
 */
public record Tariff(MeasureHeader header, double rate, List<String> origins, List<String> destinations, List<String> items)
        implements PolicyMeasure {

    public Tariff {
        org.chokepoint.model.Checks.nonNegative(rate, "rate");
        if (rate > 10) {
            throw new org.chokepoint.model.FieldException("rate", "a tariff of " + org.chokepoint.model.Checks.fmt(rate * 100) + "% is implausible",
                    "Rates are fractions: 0.25 for 25%.");
        }
        origins = List.copyOf(origins);
        destinations = List.copyOf(destinations);
        items = items == null ? List.of() : List.copyOf(items);
    }
}
