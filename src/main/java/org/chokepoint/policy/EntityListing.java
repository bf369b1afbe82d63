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
 * @param license how applications are decided
 * @param stockpile target-cover multiplier for affected customers between announcement and
 *     effective date (1: no stockpiling)
 */
public record EntityListing(MeasureHeader header, List<String> firms, Affiliates affiliates, List<String> eccns,
                            List<String> fdp, LicensePolicy license, double stockpile) implements PolicyMeasure {

    /** How far a listing reaches through ownership. */
    public enum Affiliates {
        /** Only the named legal entities. */
        LISTED_ONLY,
        /** The named entities and every firm below them. */
        SUBSIDIARIES,
        /** Every firm in the same top-level group as a named entity. */
        GROUP;

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
    }
}
