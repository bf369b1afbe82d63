package org.chokepoint.policy;

import java.util.List;

/**
 * A license requirement for items by classification or performance to destinations, listed or not
 * (e.g. advanced computing items to China from October 2023).
 *
 * @param destinations countries or country groups ({@code D:5}, {@code E:1})
 * @param eccns classifications in scope (prefixes); an item matching any is in scope
 * @param performance performance thresholds; an item meeting any is in scope
 * @param fdp made-with facts that make foreign-made items subject as direct products
 */
public record CountryControl(MeasureHeader header, List<String> destinations, List<String> eccns,
                             List<Performance> performance, List<String> fdp, LicensePolicy license, double stockpile)
        implements PolicyMeasure {

    /**
     * A performance threshold: TPP at least {@code tpp}, and performance density at least
     * {@code density} unless that is NaN.
     */
    public record Performance(double tpp, double density) {

        public Performance {
            org.chokepoint.model.Checks.nonNegative(tpp, "tpp");
            if (!Double.isNaN(density)) {
                org.chokepoint.model.Checks.nonNegative(density, "density");
            }
        }

        public String describe() {
            return "TPP ≥ " + org.chokepoint.model.Checks.fmt(tpp)
                    + (Double.isNaN(density) ? "" : " and performance density ≥ " + org.chokepoint.model.Checks.fmt(density));
        }
    }

    public CountryControl {
        destinations = List.copyOf(destinations);
        eccns = eccns == null ? List.of() : List.copyOf(eccns);
        performance = performance == null ? List.of() : List.copyOf(performance);
        fdp = fdp == null ? List.of() : List.copyOf(fdp);
        license = license == null ? LicensePolicy.of(LicensePolicy.Kind.PRESUMPTION_OF_DENIAL) : license;
        Rules.stockpile(stockpile);
        if (eccns.isEmpty() && performance.isEmpty()) {
            throw new org.chokepoint.model.FieldException("eccn", "a country control needs classifications or performance thresholds",
                    "Add eccn: [3A090, 4A090] and/or performance: [{tpp: 4800}].");
        }
    }
}
