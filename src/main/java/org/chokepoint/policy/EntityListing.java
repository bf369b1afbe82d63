package org.chokepoint.policy;

import java.util.List;
import java.util.Locale;

/**
 * Listed parties need a license for items subject to the authority's export rules.
 *
 * @param firms the legal entities listed
 * @param affiliates whether the listing reaches related firms: a listing names legal entities only,
 *     so the default is {@link Affiliates#LISTED_ONLY}
 * @param eccns the classifications in scope (prefixes, e.g. {@code 3A090}); empty: all items
 *     subject to the EAR, EAR99 included
 * @param fdp made-with facts that make a foreign-made item subject as a foreign direct product
 *     (the listing's FDP footnote); empty: no FDP rule
 * @param ownership for {@link Affiliates#OWNERSHIP}: the share of ownership by listed parties
 *     (direct or indirect, alone or in aggregate) that extends the listing to a firm; NaN otherwise
 * @param ownershipRule for {@link Affiliates#OWNERSHIP}: the name of a dated ownership rule of the
 *     law (e.g. {@code bis-affiliates-rule}) whose threshold applies on each day, instead of a fixed
 *     share; null otherwise
 * @param license how applications are decided
 * @param stockpile target-cover multiplier for affected customers between announcement and
 *     effective date (1: no stockpiling)
 */
public record EntityListing(MeasureHeader header, List<String> firms, Affiliates affiliates, List<String> eccns,
                            List<String> fdp, LicensePolicy license, double stockpile, double ownership,
                            String ownershipRule) implements PolicyMeasure {

    /** How far a listing reaches through ownership. */
    public enum Affiliates {
        /** Only the named legal entities. */
        LISTED_ONLY,
        /** The named entities and every firm below them. */
        SUBSIDIARIES,
        /** Every firm in the same top-level group as a named entity. */
        GROUP,
        /** Firms owned by listed parties to at least a threshold, directly or indirectly, alone or together. */
        OWNERSHIP;

        public String key() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Affiliates of(String key) {
            for (Affiliates a : values()) {
                if (a.key().equals(key)) {
                    return a;
                }
            }
            return null;
        }
    }

    public EntityListing {
        firms = List.copyOf(firms);
        eccns = eccns == null ? List.of() : List.copyOf(eccns);
        fdp = fdp == null ? List.of() : List.copyOf(fdp);
        affiliates = affiliates == null ? Affiliates.LISTED_ONLY : affiliates;
        license = license == null ? LicensePolicy.of(LicensePolicy.Kind.PRESUMPTION_OF_DENIAL) : license;
        Rules.stockpile(stockpile);
        if (affiliates == Affiliates.OWNERSHIP && ownershipRule == null) {
            org.chokepoint.model.Checks.fraction(ownership, "affiliates.ownership");
            if (ownership <= 0) {
                throw new org.chokepoint.model.FieldException("affiliates.ownership", "an ownership threshold must be above 0",
                        "0.5 extends the listing to firms listed parties own 50% or more of.");
            }
        }
    }

    /** A listing that reaches affiliates by a fixed rule, not by ownership shares. */
    public EntityListing(MeasureHeader header, List<String> firms, Affiliates affiliates, List<String> eccns, List<String> fdp,
                         LicensePolicy license, double stockpile) {
        this(header, firms, affiliates, eccns, fdp, license, stockpile, Double.NaN, null);
    }

    /** The same listing with another header, license policy or stockpiling factor. */
    public EntityListing with(MeasureHeader h, LicensePolicy lp, double sp) {
        return new EntityListing(h, firms, affiliates, eccns, fdp, lp, sp, ownership, ownershipRule);
    }
}
