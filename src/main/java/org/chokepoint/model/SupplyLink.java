package org.chokepoint.model;

import java.util.Objects;

/**
 * A supplier site delivering one item to a customer site.
 *
 * @param from supplier site id
 * @param to customer site id
 * @param item the item delivered; {@code null} means "what the supplier makes", filled in by
 *     {@link NetworkBuilder#build()}
 * @param share base share of the customer's need for this item, in [0, 1]
 * @param leadTime time from shipment to arrival
 * @param markup transport cost or margin, as a fraction of the price (0.05 = 5%)
 */
public record SupplyLink(String from, String to, String item, double share, Duration leadTime, double markup) {

    public SupplyLink {
        Checks.id(from, "from");
        Checks.id(to, "to");
        if (item != null) {
            Checks.id(item, "item");
        }
        Checks.fraction(share, "share");
        leadTime = Objects.requireNonNullElse(leadTime, Duration.ZERO);
        Checks.nonNegative(markup, "markup");
    }

    public static SupplyLink of(String from, String to, String item, double share, Duration leadTime) {
        return new SupplyLink(from, to, item, share, leadTime, 0);
    }

    public SupplyLink withItem(String newItem) {
        return new SupplyLink(from, to, newItem, share, leadTime, markup);
    }

    /** {@code from->to}, the form users type to name a link. */
    public String key() {
        return from + "->" + to;
    }
}
