package org.chokepoint.model;

/**
 * Final demand for an end item in a market, served by one site; or one site's part of a pool.
 *
 * <p>Entries with the same {@code pool} are the competing suppliers of one market's demand for one
 * item: their quantities are the baseline split, and buyers a member leaves short for the
 * switching time move to members with spare capacity (and come back when it can serve them again).
 *
 * @param item the end item
 * @param market ISO country of the buyers
 * @param site the site that serves this demand
 * @param quantity units per period
 * @param price price per unit in USD, or {@code NaN} for the item's value
 * @param path factors of {@code quantity} from dates on (growth, a boom, a slump); empty: none
 * @param pool the pool this entry belongs to, or null
 * @param switching how long a pool's buyers stay short with a member before they move; zero outside a pool
 */
public record Demand(String item, String market, String site, double quantity, double price,
                     java.util.NavigableMap<java.time.LocalDate, Double> path, String pool, Duration switching) {

    public Demand {
        Checks.id(item, "item");
        Countries.check(market, "market");
        Checks.id(site, "site");
        Checks.nonNegative(quantity, "quantity");
        if (!Double.isNaN(price)) {
            Checks.nonNegative(price, "price");
        }
        path = Paths.frozen(path, "path");
        if (pool != null) {
            Checks.id(pool, "pool");
        }
        switching = switching == null ? Duration.ZERO : switching;
        if (pool == null && !switching.isZero()) {
            throw new FieldException("switching", "applies to the members of a pool only", "Give the entry a pool, or drop switching.");
        }
        if (switching.tooLong()) {
            throw new FieldException("switching", "is longer than a century (" + switching + ")", "A time such as 8w or 60d.");
        }
    }

    public Demand(String item, String market, String site, double quantity, double price,
                  java.util.NavigableMap<java.time.LocalDate, Double> path) {
        this(item, market, site, quantity, price, path, null, null);
    }

    public Demand(String item, String market, String site, double quantity, double price) {
        this(item, market, site, quantity, price, null);
    }

    /** The same entry with another quantity (a sampled or swept parameter), the rest kept. */
    public Demand withQuantity(double newQuantity) {
        return new Demand(item, market, site, newQuantity, price, path, pool, switching);
    }

    /** The same entry as a member of {@code poolId}, buyers moving after {@code after}. */
    public Demand inPool(String poolId, Duration after) {
        return new Demand(item, market, site, quantity, price, path, poolId, after);
    }

    public static Demand of(String item, String market, String site, double quantity) {
        return new Demand(item, market, site, quantity, Double.NaN);
    }
}
