package org.chokepoint.policy;

import java.util.Locale;

/**
 * A condition on the simulated run that sets off an escalation: the share of final demand for an
 * item (optionally in one market) left unmet in a period rises above a threshold, or a site's
 * output falls below a share of its baseline.
 *
 * @param metric what is watched
 * @param subject the item (for {@link Metric#SHORTFALL}) or the site (for {@link Metric#OUTPUT})
 * @param market for a shortfall, the market, or {@code null} for all
 * @param threshold the share in [0, 1]: above it for a shortfall, below it for output
 */
public record MetricTrigger(Metric metric, String subject, String market, double threshold) {

    public enum Metric {
        SHORTFALL, OUTPUT;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public MetricTrigger {
        java.util.Objects.requireNonNull(metric, "metric");
        org.chokepoint.model.Checks.id(subject, metric == Metric.SHORTFALL ? "item" : "site");
        org.chokepoint.model.Checks.fraction(threshold, metric == Metric.SHORTFALL ? "above" : "below");
    }

    public String describe() {
        return metric == Metric.SHORTFALL
                ? "the shortfall of " + subject + (market == null ? "" : " in " + market) + " rises above "
                        + LicensePolicy.pct(threshold) + " of demand"
                : "the output of " + subject + " falls below " + LicensePolicy.pct(threshold) + " of its baseline";
    }
}
