package org.chokepoint.model;

import java.util.Objects;

/**
 * A source a customer can switch to when its links for an item fail.
 *
 * @param site the customer site
 * @param item the recipe input it replaces
 * @param from the alternate supplier site
 * @param as the substitute item that site makes ({@code null}: the same item)
 * @param factor units of the substitute needed per unit of {@code item} (a performance factor)
 * @param qualify delay before the first delivery
 * @param ramp time from the first delivery to the maximum share
 * @param maxShare the largest share of the need the alternate can cover, in [0, 1]
 * @param premium extra cost as a fraction of the price (0.15 = 15%)
 */
public record Alternate(String site, String item, String from, String as, double factor,
                        Duration qualify, Duration ramp, double maxShare, double premium) {

    public Alternate {
        Checks.id(site, "site");
        Checks.id(item, "item");
        Checks.id(from, "from");
        if (as != null) {
            Checks.id(as, "as");
        }
        Checks.positive(factor, "factor");
        qualify = Objects.requireNonNullElse(qualify, Duration.ZERO);
        ramp = Objects.requireNonNullElse(ramp, Duration.ZERO);
        Checks.fraction(maxShare, "max-share");
        Checks.nonNegative(premium, "premium");
    }

    /** The item actually delivered. */
    public String deliveredItem() {
        return as == null ? item : as;
    }

    public Alternate withAs(String substitute) {
        return new Alternate(site, item, from, substitute, factor, qualify, ramp, maxShare, premium);
    }
}
