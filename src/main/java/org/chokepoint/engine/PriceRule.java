package org.chokepoint.engine;

import java.util.List;
import java.util.Map;

/**
 * Scarcity prices, a partial-equilibrium rule per item and market in the manner of constant-
 * elasticity trade models such as the Global Simulation Model (Francois and Hall, 2003): the
 * price moves so that demand, with elasticity εd, meets supply, with elasticity εs, after a shift
 * of either. Each period, for item i in market m, the engine compares what m's buyers order (each
 * buyer's whole need, the blocked share included, while any source of the item is open to it)
 * with what the sellers that serve m could offer them (each seller's possible output this period,
 * shared over markets by the open orders it holds). Against the same ratio in the baseline, the
 * level the price tends to is
 * <pre>  μ* = clamp((r / r₀)^(1/(εd + εs)), floor, ceiling),   r = ordered / offered</pre>
 * and the market's multiplier on every seller's cost-based price closes the gap with a time
 * constant T: {@code μ ← μ + (μ* − μ) · (1 − e^(−1/T))} per period. Orders above what can be
 * offered raise the price; sellers cut off from their export buyers, with capacity idle, lower it
 * at home. In the baseline r = r₀ and μ stays 1.
 *
 * @param elasticity ε, positive, for materials, components and sub-assemblies
 * @param endElasticity ε for end items (sold to final demand)
 * @param items item id to its own ε, over the two above
 * @param supplyElasticity εs: how far sellers' output answers the price
 * @param adjustment T, periods (0: the price jumps to μ* at once)
 * @param ceiling the largest multiplier
 * @param floor the smallest
 * @param markets market names in order, the last {@link org.chokepoint.model.Behaviour#REST}
 * @param countries country to its market's index; countries not listed are in the last market
 */
public record PriceRule(double elasticity, double endElasticity, Map<String, Double> items, double supplyElasticity,
                        double adjustment, double ceiling, double floor, List<String> markets, Map<String, Integer> countries) {

    /**
     * Defaults, each an assumption the report states and a sweep can vary. Elasticity 0.5: the
     * short run of inputs without substitutes is inelastic (estimates for metals mostly fall
     * between 0.1 and 1). End items 2: their buyers can defer a purchase, and short-run
     * elasticities of durable goods are commonly put above 1. Adjustment 8 weeks: the gallium price outside China rose about half in
     * the weeks after licensing began on 2023-08-01 and about doubled within eight months. Ceiling
     * five times and floor a fifth of the cost-based price: bounds wider than the moves observed.
     */
    public static final double ELASTICITY = 0.5;
    public static final double END_ELASTICITY = 2;
    /** Supply elasticity 1: sellers with capacity idle cut output as well as price. */
    public static final double SUPPLY_ELASTICITY = 1;
    public static final double ADJUSTMENT_DAYS = 56;
    public static final double CEILING = 5;
    public static final double FLOOR = 0.2;

    public PriceRule {
        markets = List.copyOf(markets);
        countries = Map.copyOf(countries);
        items = Map.copyOf(items);
        if (!(elasticity > 0) || !(endElasticity > 0) || !(supplyElasticity >= 0) || items.values().stream().anyMatch(e -> !(e > 0)) || !(adjustment >= 0) || !(ceiling >= 1) || !(floor > 0 && floor <= 1)) {
            throw new IllegalArgumentException("bad price rule " + elasticity + ", " + adjustment + ", " + ceiling + ", " + floor);
        }
    }

    /** The index of the market buyers in {@code country} belong to. */
    public int marketOf(String country) {
        Integer m = countries.get(country);
        return m == null ? markets.size() - 1 : m;
    }

    /** Of the gap to μ*, the part closed in one period. */
    double rate() {
        return adjustment == 0 ? 1 : -Math.expm1(-1 / adjustment);
    }

    /** One market of everyone, at the defaults, with an adjustment of {@code periods}. */
    public static PriceRule oneMarket(double periods) {
        return new PriceRule(ELASTICITY, END_ELASTICITY, Map.of(), SUPPLY_ELASTICITY, periods, CEILING, FLOOR, List.of(org.chokepoint.model.Behaviour.REST),
                Map.of());
    }

    /** These named markets (name to countries), and everyone else. */
    public static PriceRule of(double elasticity, double endElasticity, Map<String, Double> items, double supplyElasticity,
                               double adjustment, double ceiling, double floor, Map<String, List<String>> named) {
        List<String> names = new java.util.ArrayList<>(named.keySet());
        Map<String, Integer> index = new java.util.HashMap<>();
        for (int m = 0; m < names.size(); m++) {
            for (String c : named.get(names.get(m))) {
                index.put(c, m);
            }
        }
        names.add(org.chokepoint.model.Behaviour.REST);
        return new PriceRule(elasticity, endElasticity, items, supplyElasticity, adjustment, ceiling, floor, names, index);
    }

    /** The elasticity item {@code id} has, an end item or not. */
    public double elasticityOf(String id, boolean endItem) {
        Double own = items.get(id);
        return own != null ? own : endItem ? endElasticity : elasticity;
    }

    public PriceRule withElasticity(double e) {
        return new PriceRule(e, endElasticity, items, supplyElasticity, adjustment, ceiling, floor, markets, countries);
    }
}
