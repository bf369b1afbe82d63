package org.chokepoint.model;

/**
 * Final demand for an end item in a market, served by one site.
 *
 * @param item the end item
 * @param market ISO country of the buyers
 * @param site the site that serves this demand
 * @param quantity units per period
 * @param price price per unit in USD, or {@code NaN} for the item's value
 * @param path factors of {@code quantity} from dates on (growth, a boom, a slump); empty: none
 */
public record Demand(String item, String market, String site, double quantity, double price,
                     java.util.NavigableMap<java.time.LocalDate, Double> path) {

    public Demand {
        Checks.id(item, "item");
        Countries.check(market, "market");
        Checks.id(site, "site");
        Checks.nonNegative(quantity, "quantity");
        if (!Double.isNaN(price)) {
            Checks.nonNegative(price, "price");
        }
        path = Paths.frozen(path, "path");
    }

    public Demand(String item, String market, String site, double quantity, double price) {
        this(item, market, site, quantity, price, null);
    }

    /** The same entry with another quantity (a sampled or swept parameter), its path kept. */
    public Demand withQuantity(double newQuantity) {
        return new Demand(item, market, site, newQuantity, price, path);
    }

    public static Demand of(String item, String market, String site, double quantity) {
        return new Demand(item, market, site, quantity, Double.NaN);
    }
}
