package org.chokepoint.model;

import java.util.List;
import java.util.Map;

/**
 * Where a firm makes one item.
 *
 * @param id unique id
 * @param firm id of the owning firm
 * @param makes id of the item made here
 * @param location ISO country where the site is (defaults to the firm's country)
 * @param capacity maximum output per period, in units of {@code makes}
 * @param recipe input item id to quantity per unit of output, in file order
 * @param stock input item id to target stock, as a duration of cover
 * @param price output price per unit in USD, or {@code NaN} for the item's value
 * @param madeWith facts that foreign-direct-product rules test, e.g. {@code us-semiconductor-equipment}
 * @param capacityPath factors of {@code capacity} from dates on (an expansion, 1.5; a closure, 0; a
 *     plant that starts later, 0 from before the run and 1 from its start); empty: none
 * @param ownerPath the firm that owns the site from each date on (a divestiture, an acquisition);
 *     before the first date, {@code firm}; empty: none
 */
public record Site(String id, String firm, String makes, String location, double capacity,
                   Map<String, Double> recipe, Map<String, Duration> stock, double price, List<String> madeWith,
                   java.util.NavigableMap<java.time.LocalDate, Double> capacityPath,
                   java.util.NavigableMap<java.time.LocalDate, String> ownerPath) {

    public Site {
        Checks.id(id, "id");
        Checks.id(firm, "firm");
        Checks.id(makes, "makes");
        if (location != null) {
            Countries.check(location, "location");
        }
        Checks.nonNegative(capacity, "capacity");
        recipe = CompactMap.of(recipe == null ? Map.of() : recipe);
        for (Map.Entry<String, Double> input : recipe.entrySet()) {
            Checks.id(input.getKey(), "recipe");
            Checks.positive(input.getValue(), "recipe." + input.getKey());
        }
        stock = CompactMap.of(stock == null ? Map.of() : stock, recipe);
        for (String input : stock.keySet()) {
            if (!recipe.containsKey(input)) {
                throw new FieldException("stock." + input, "'" + input + "' is not an input of this site",
                        "Stock targets name recipe inputs: " + String.join(", ", recipe.keySet()) + ".");
            }
        }
        if (!Double.isNaN(price)) {
            Checks.nonNegative(price, "price");
        }
        madeWith = madeWith == null ? List.of() : List.copyOf(madeWith);
        for (String fact : madeWith) {
            Checks.id(fact, "made-with");
        }
        capacityPath = Paths.frozen(capacityPath, "capacity-path");
        ownerPath = ownerPath == null || ownerPath.isEmpty() ? java.util.Collections.emptyNavigableMap()
                : java.util.Collections.unmodifiableNavigableMap(new java.util.TreeMap<>(ownerPath));
        for (var e : ownerPath.entrySet()) {
            Checks.id(e.getValue(), "owner-path." + e.getKey());
        }
    }

    public Site(String id, String firm, String makes, String location, double capacity, Map<String, Double> recipe,
                Map<String, Duration> stock, double price, List<String> madeWith) {
        this(id, firm, makes, location, capacity, recipe, stock, price, madeWith, null, null);
    }

    public Site(String id, String firm, String makes, String location, double capacity, Map<String, Double> recipe,
                Map<String, Duration> stock, double price, List<String> madeWith,
                java.util.NavigableMap<java.time.LocalDate, Double> capacityPath) {
        this(id, firm, makes, location, capacity, recipe, stock, price, madeWith, capacityPath, null);
    }

    /** The firm that owns the site on {@code day}. */
    public String firmOn(java.time.LocalDate day) {
        var e = ownerPath.floorEntry(day);
        return e == null ? firm : e.getValue();
    }

    /** The same site owned by {@code owner}, without an owner path (how it stands on one day). */
    public Site ownedBy(String owner) {
        return new Site(id, owner, makes, location, capacity, recipe, stock, price, madeWith, capacityPath, null);
    }

    /** The same site with another capacity (a sampled or swept parameter), its path kept. */
    public Site withCapacity(double newCapacity) {
        return new Site(id, firm, makes, location, newCapacity, recipe, stock, price, madeWith, capacityPath, ownerPath);
    }

    public static Site of(String id, String firm, String makes, double capacity, Map<String, Double> recipe) {
        return new Site(id, firm, makes, null, capacity, recipe, null, Double.NaN, null);
    }

    public Site withLocation(String country) {
        return new Site(id, firm, makes, country, capacity, recipe, stock, price, madeWith, capacityPath, ownerPath);
    }

    public Site withStock(Map<String, Duration> newStock) {
        return new Site(id, firm, makes, location, capacity, recipe, newStock, price, madeWith, capacityPath, ownerPath);
    }

    public Site withMadeWith(List<String> facts) {
        return new Site(id, firm, makes, location, capacity, recipe, stock, price, facts, capacityPath, ownerPath);
    }
}
