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
 */
public record LicensePolicy(Kind kind, double approval, Duration review, double approvedShare, double leakage,
                            double leakagePremium, Duration shipmentDelay) {

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

    /** The policy with its default approval probability. */
    public static LicensePolicy of(Kind kind) {
        return new LicensePolicy(kind, kind.defaultApproval, Duration.ZERO, 1, 0, 0);
    }

    /** The same policy with another value of one of its numbers (a sampled or swept parameter). */
    public LicensePolicy with(String key, double v) {
        return switch (key) {
            case "approval" -> new LicensePolicy(kind, v, review, approvedShare, leakage, leakagePremium, shipmentDelay);
            case "review" -> new LicensePolicy(kind, approval, Duration.periods(v), approvedShare, leakage, leakagePremium, shipmentDelay);
            case "approved-share" -> new LicensePolicy(kind, approval, review, v, leakage, leakagePremium, shipmentDelay);
            case "leakage" -> new LicensePolicy(kind, approval, review, approvedShare, v, leakagePremium, shipmentDelay);
            case "leakage-premium" -> new LicensePolicy(kind, approval, review, approvedShare, leakage, v, shipmentDelay);
            case "shipment-delay" -> new LicensePolicy(kind, approval, review, approvedShare, leakage, leakagePremium, Duration.periods(v));
            default -> throw new IllegalArgumentException(key);
        };
    }

    /** The numbers {@link #with} sets, as paths spell them. */
    public static final java.util.List<String> NUMBERS = java.util.List.of("approval", "approved-share", "leakage",
            "leakage-premium", "review", "shipment-delay");

    /** One line for traces: "presumption-of-denial: approval 5%, review 8w, leakage 10% at +30%". */
    public String describe() {
        StringBuilder b = new StringBuilder(kind.key()).append(": approval ").append(pct(approval));
        if (!review.isZero()) {
            b.append(", review ").append(review);
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
