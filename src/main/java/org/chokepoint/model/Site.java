package org.chokepoint.model;

import java.util.Collections;
import java.util.LinkedHashMap;
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
 */
public record Site(String id, String firm, String makes, String location, double capacity,
                   Map<String, Double> recipe, Map<String, Duration> stock, double price, List<String> madeWith) {

    public Site {
        Checks.id(id, "id");
        Checks.id(firm, "firm");
        Checks.id(makes, "makes");
        if (location != null) {
            Countries.check(location, "location");
        }
        Checks.nonNegative(capacity, "capacity");
        recipe = frozen(recipe == null ? Map.of() : recipe);
        for (Map.Entry<String, Double> input : recipe.entrySet()) {
            Checks.id(input.getKey(), "recipe");
            Checks.positive(input.getValue(), "recipe." + input.getKey());
        }
        stock = frozen(stock == null ? Map.of() : stock);
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
    }

    public static Site of(String id, String firm, String makes, double capacity, Map<String, Double> recipe) {
        return new Site(id, firm, makes, null, capacity, recipe, null, Double.NaN, null);
    }

    public Site withLocation(String country) {
        return new Site(id, firm, makes, country, capacity, recipe, stock, price, madeWith);
    }

    public Site withStock(Map<String, Duration> newStock) {
        return new Site(id, firm, makes, location, capacity, recipe, newStock, price, madeWith);
    }

    public Site withMadeWith(List<String> facts) {
        return new Site(id, firm, makes, location, capacity, recipe, stock, price, facts);
    }

    private static <V> Map<String, V> frozen(Map<String, V> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
