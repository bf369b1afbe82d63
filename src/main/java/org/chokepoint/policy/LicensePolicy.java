package org.chokepoint.policy;

import java.util.Locale;
import org.chokepoint.model.Checks;
import org.chokepoint.model.Duration;
import org.chokepoint.model.FieldException;

/**
 * How license applications for a restricted link are decided.
 *
 * @param kind the review policy
 * @param approval probability that a link's license is granted (sampled once per run and link)
 * @param review time from the effective date until a license can be used
 * @param approvedShare share of the requested volume an approved license allows
 * @param leakage share that still gets through when denied or under review (diversion through
 *     third parties)
 * @param leakagePremium extra cost of leaked volume, a fraction of the price
 * @param shipmentDelay extra time every shipment under a granted license takes (paperwork,
 *     end-use checks); goods waiting carry the carrying cost
 * @param reviewMin with {@code reviewMax}: review time drawn per application from a triangular
 *     distribution with this least value, {@code review} as its mode and {@code reviewMax} as its
 *     greatest; null: every application takes {@code review}
 * @param reviewMax see {@code reviewMin}
 * @param approvalPath approval probability by the day an application is filed, each value from
 *     its date (e.g. rising once the first licences are granted); before its first date, or if
 *     empty, {@code approval}
 * @param attempts applications per link: after a denial the firm applies again, up to this many
 *     times in all
 * @param reapplyDelay time between a denial and the next application
 * @param cases other policies for some of the measure's paths, by the item's classification, the
 *     item, or the customer firm; the first case that matches applies, else this policy
 */
public record LicensePolicy(Kind kind, double approval, Duration review, double approvedShare, double leakage,
                            double leakagePremium, Duration shipmentDelay, Duration reviewMin, Duration reviewMax,
                            java.util.NavigableMap<java.time.LocalDate, Double> approvalPath, int attempts,
                            Duration reapplyDelay, java.util.List<Case> cases) {

    /**
     * A policy for some paths of a measure: those carrying items of these classifications
     * (prefixes) or these items, or delivering to these customer firms; an empty selector matches
     * anything.
     */
    public record Case(String name, java.util.List<String> eccns, java.util.List<String> items, java.util.List<String> customers,
                       LicensePolicy policy) {

        public Case {
            eccns = eccns == null ? java.util.List.of() : java.util.List.copyOf(eccns);
            items = items == null ? java.util.List.of() : java.util.List.copyOf(items);
            customers = customers == null ? java.util.List.of() : java.util.List.copyOf(customers);
        }

        boolean matches(String item, String eccn, String customerFirm) {
            return (eccns.isEmpty() || Rules.matches(eccn, eccns)) && (items.isEmpty() || items.contains(item))
                    && (customers.isEmpty() || customers.contains(customerFirm));
        }

        /** "case 'samsung-first' (customers samsung)", for traces. */
        String describe() {
            java.util.List<String> parts = new java.util.ArrayList<>();
            if (!eccns.isEmpty()) {
                parts.add("classifications " + String.join(", ", eccns));
            }
            if (!items.isEmpty()) {
                parts.add("items " + String.join(", ", items));
            }
            if (!customers.isEmpty()) {
                parts.add("customers " + String.join(", ", customers));
            }
            return "case '" + name + "' (" + String.join("; ", parts) + ")";
        }
    }

    /** Review policies, with the approval probability each implies unless the scenario says otherwise. */
    public enum Kind {
        DENIAL(0), PRESUMPTION_OF_DENIAL(0), CASE_BY_CASE(0.5), APPROVAL(1);

        final double defaultApproval;

        Kind(double defaultApproval) {
            this.defaultApproval = defaultApproval;
        }

        public String key() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Kind of(String key) {
            for (Kind k : values()) {
                if (k.key().equals(key)) {
                    return k;
                }
            }
            return null;
        }

        public double defaultApproval() {
            return defaultApproval;
        }
    }

    public static final LicensePolicy DENY = new LicensePolicy(Kind.DENIAL, 0, Duration.ZERO, 1, 0, 0, Duration.ZERO);

    public LicensePolicy {
        java.util.Objects.requireNonNull(kind, "policy");
        Checks.fraction(approval, "approval");
        review = review == null ? Duration.ZERO : review;
        shipmentDelay = shipmentDelay == null ? Duration.ZERO : shipmentDelay;
        approvalPath = approvalPath == null ? java.util.Collections.emptyNavigableMap()
                : java.util.Collections.unmodifiableNavigableMap(new java.util.TreeMap<>(approvalPath));
        for (java.util.Map.Entry<java.time.LocalDate, Double> e : approvalPath.entrySet()) {
            Checks.fraction(e.getValue(), "approval." + e.getKey());
            if (kind == Kind.DENIAL && e.getValue() > 0) {
                throw new FieldException("approval." + e.getKey(), "a policy of denial grants no licenses", "");
            }
        }
        if ((reviewMin == null) != (reviewMax == null)) {
            throw new FieldException("review", "a review range needs both min and max", "review: {min: 4w, mode: 8w, max: 26w}");
        }
        if (reviewMin != null && (reviewMin.inPeriods(org.chokepoint.model.Step.DAY) > review.inPeriods(org.chokepoint.model.Step.DAY)
                || review.inPeriods(org.chokepoint.model.Step.DAY) > reviewMax.inPeriods(org.chokepoint.model.Step.DAY))) {
            throw new FieldException("review", "the review range must have min ≤ mode ≤ max (" + reviewMin + ", " + review + ", "
                    + reviewMax + ")", "e.g. review: {min: 4w, mode: 8w, max: 26w}");
        }
        if (attempts < 1 || attempts > 100) {
            throw new FieldException("reapply.attempts", "must be between 1 and 100 (" + attempts + ")",
                    "The number of applications in all, the first included.");
        }
        reapplyDelay = reapplyDelay == null ? Duration.ZERO : reapplyDelay;
        cases = cases == null ? java.util.List.of() : java.util.List.copyOf(cases);
        Checks.fraction(approvedShare, "approved-share");
        Checks.fraction(leakage, "leakage");
        Checks.nonNegative(leakagePremium, "leakage-premium");
        if (kind == Kind.DENIAL && approval > 0) {
            throw new FieldException("approval", "a policy of denial grants no licenses (" + Checks.fmt(approval) + ")",
                    "Use case-by-case or presumption-of-denial for a policy with approvals.");
        }
    }

    /** A policy whose licensed shipments take no extra time. */
    public LicensePolicy(Kind kind, double approval, Duration review, double approvedShare, double leakage, double leakagePremium) {
        this(kind, approval, review, approvedShare, leakage, leakagePremium, Duration.ZERO);
    }

    /** A policy with one application per link, a fixed review time and one approval probability. */
    public LicensePolicy(Kind kind, double approval, Duration review, double approvedShare, double leakage, double leakagePremium,
                         Duration shipmentDelay) {
        this(kind, approval, review, approvedShare, leakage, leakagePremium, shipmentDelay, null, null, null, 1, null, null);
    }

    /** The same policy with other dynamics (review range, approval path, re-application) and cases. */
    public LicensePolicy withDynamics(Duration min, Duration max, java.util.NavigableMap<java.time.LocalDate, Double> path,
                                      int tries, Duration delay, java.util.List<Case> newCases) {
        return new LicensePolicy(kind, approval, review, approvedShare, leakage, leakagePremium, shipmentDelay, min, max, path,
                tries, delay, newCases);
    }

    /** The policy for a path: the first case that matches it, else this one. */
    public LicensePolicy forPath(String item, String eccn, String customerFirm) {
        Case c = caseFor(item, eccn, customerFirm);
        return c == null ? this : c.policy();
    }

    /** The case that applies to a path, or null (this policy itself). */
    public Case caseFor(String item, String eccn, String customerFirm) {
        for (Case c : cases) {
            if (c.matches(item, eccn, customerFirm)) {
                return c;
            }
        }
        return null;
    }

    /** The approval probability of an application filed on {@code day}. */
    public double approvalOn(java.time.LocalDate day) {
        java.util.Map.Entry<java.time.LocalDate, Double> e = approvalPath.floorEntry(day);
        return e == null ? approval : e.getValue();
    }

    /** Whether review times are drawn per application. */
    public boolean reviewVaries() {
        return reviewMin != null;
    }

    /** Random numbers one link's applications take from a run's stream: a fixed count, so other draws never shift. */
    public int drawsPerLink() {
        return attempts * (reviewVaries() ? 2 : 1);
    }

    /** The review time in days for the uniform draw {@code u}: triangular over (min, mode, max), or the fixed time. */
    public double reviewDays(double u) {
        double c = review.inPeriods(org.chokepoint.model.Step.DAY);
        if (!reviewVaries()) {
            return c;
        }
        double a = reviewMin.inPeriods(org.chokepoint.model.Step.DAY);
        double b = reviewMax.inPeriods(org.chokepoint.model.Step.DAY);
        if (b <= a) {
            return c;
        }
        double fc = (c - a) / (b - a);
        return u < fc ? a + Math.sqrt(u * (b - a) * (c - a)) : b - Math.sqrt((1 - u) * (b - a) * (b - c));
    }

    /** The policy with its default approval probability. */
    public static LicensePolicy of(Kind kind) {
        return new LicensePolicy(kind, kind.defaultApproval, Duration.ZERO, 1, 0, 0);
    }

    /** The same policy with another value of one of its numbers (a sampled or swept parameter). */
    public LicensePolicy with(String key, double v) {
        LicensePolicy base = switch (key) {
            case "approval" -> new LicensePolicy(kind, v, review, approvedShare, leakage, leakagePremium, shipmentDelay);
            case "review" -> new LicensePolicy(kind, approval, Duration.periods(v), approvedShare, leakage, leakagePremium, shipmentDelay);
            case "approved-share" -> new LicensePolicy(kind, approval, review, v, leakage, leakagePremium, shipmentDelay);
            case "leakage" -> new LicensePolicy(kind, approval, review, approvedShare, v, leakagePremium, shipmentDelay);
            case "leakage-premium" -> new LicensePolicy(kind, approval, review, approvedShare, leakage, v, shipmentDelay);
            case "shipment-delay" -> new LicensePolicy(kind, approval, review, approvedShare, leakage, leakagePremium, Duration.periods(v));
            default -> throw new IllegalArgumentException(key);
        };
        boolean reviewSet = key.equals("review");
        return base.withDynamics(reviewSet ? null : reviewMin, reviewSet ? null : reviewMax,
                key.equals("approval") ? null : approvalPath, attempts, reapplyDelay, cases);
    }

    /** The numbers {@link #with} sets, as paths spell them. */
    public static final java.util.List<String> NUMBERS = java.util.List.of("approval", "approved-share", "leakage",
            "leakage-premium", "review", "shipment-delay");

    /** One line for traces: "presumption-of-denial: approval 5%, review 8w, leakage 10% at +30%". */
    public String describe() {
        StringBuilder b = new StringBuilder(kind.key()).append(": approval ").append(pct(approval));
        for (java.util.Map.Entry<java.time.LocalDate, Double> e : approvalPath.entrySet()) {
            b.append(", ").append(pct(e.getValue())).append(" from ").append(e.getKey());
        }
        if (reviewVaries()) {
            b.append(", review ").append(reviewMin).append("–").append(reviewMax).append(" (mode ").append(review).append(")");
        } else if (!review.isZero()) {
            b.append(", review ").append(review);
        }
        if (attempts > 1) {
            b.append(", up to ").append(attempts).append(" applications");
            if (!reapplyDelay.isZero()) {
                b.append(" ").append(reapplyDelay).append(" apart after a denial");
            }
        }
        if (!shipmentDelay.isZero()) {
            b.append(", each shipment ").append(shipmentDelay).append(" longer");
        }
        if (approvedShare < 1) {
            b.append(", approved share ").append(pct(approvedShare));
        }
        if (leakage > 0) {
            b.append(", leakage ").append(pct(leakage));
            if (leakagePremium > 0) {
                b.append(" at +").append(pct(leakagePremium));
            }
        }
        return b.toString();
    }

    static String pct(double x) {
        return Checks.fmt(Math.round(x * 1000) / 10.0) + "%";
    }
}
