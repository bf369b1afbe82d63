package org.chokepoint.policy;

import java.util.List;

/**
 * A license requirement for items by classification or performance to destinations, listed or not
 * (e.g. advanced computing items to China from October 2023).
 *
 * @param destinations countries or country groups ({@code D:5}, {@code E:1})
 * @param eccns classifications in scope (prefixes); an item matching any is in scope
 * @param performance performance thresholds; an item meeting any is in scope
 * @param fdp made-with facts, or names of the law's FDP rules, that make foreign-made items subject
 *     as direct products
 * @param parameters the name of a dated parameter set of the law (e.g. {@code advanced-computing}):
 *     an item meeting a criterion in force on the day is in scope; null: none
 * @param except countries or groups taken out of {@code destinations}
 */
public record CountryControl(MeasureHeader header, List<String> destinations, List<String> eccns,
                             List<Performance> performance, List<String> fdp, LicensePolicy license, double stockpile,
                             String parameters, List<String> except)
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
        except = except == null ? List.of() : List.copyOf(except);
        if (eccns.isEmpty() && performance.isEmpty() && parameters == null) {
            throw new org.chokepoint.model.FieldException("eccn", "a country control needs classifications, performance thresholds or a parameter set",
                    "Add eccn: [3A090, 4A090], performance: [{tpp: 4800}] or parameters: advanced-computing.");
        }
    }

    /** A control without a parameter set or exceptions. */
    public CountryControl(MeasureHeader header, List<String> destinations, List<String> eccns, List<Performance> performance,
                          List<String> fdp, LicensePolicy license, double stockpile) {
        this(header, destinations, eccns, performance, fdp, license, stockpile, null, null);
    }

    /** The same control with another header, license policy or stockpiling factor. */
    public CountryControl with(MeasureHeader h, LicensePolicy lp, double sp) {
        return new CountryControl(h, destinations, eccns, performance, fdp, lp, sp, parameters, except);
    }
}
