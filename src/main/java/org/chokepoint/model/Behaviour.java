package org.chokepoint.model;

/**
 * How firms behave in a scenario, where it differs from the defaults: the scenario file's
 * {@code behaviour} block. Unset values are null; command-line options override set ones.
 *
 * @param rationing {@code proportional} or {@code final-demand-first} (contracts and end buyers
 *     served before new orders from other sites)
 * @param restorationTime periods over which a site closes the gap to its target stock
 * @param carryingCost inventory carrying cost a year, a fraction of value
 * @param priority supplier site id to the customers it serves first, place by place: each place
 *     holds one or more customer site ids, or {@link #FINAL_DEMAND} for its own end buyers, sharing
 *     it in proportion to their orders (rated defence orders, contracted or domestic buyers);
 *     everyone unlisted shares what is left by the rationing rule. Checked against the network by
 *     the reader.
 * @param prices how scarcity moves prices, or null for the defaults; {@link Prices#NONE} turns
 *     scarcity prices off (costs alone pass through)
 * @param finalDemandElasticity the price elasticity of final demand (0: end buyers take the same
 *     quantity at any price), as a positive number
 */
public record Behaviour(String rationing, Double restorationTime, Double carryingCost,
                        java.util.Map<String, java.util.List<java.util.List<String>>> priority,
                        Prices prices, Double finalDemandElasticity) {

    /** Nothing set: the defaults throughout. */
    public static final Behaviour DEFAULT = new Behaviour(null, null, null, null, null, null);

    /** In a priority list: the site's own final demand. */
    public static final String FINAL_DEMAND = "final-demand";

    /**
     * The scarcity-price rule's settings, each null where the default holds.
     *
     * @param elasticity the short-run price elasticity of demand the rule assumes (positive) for
     *     materials, components and sub-assemblies; the price moves by (orders ÷ what can be
     *     offered, against the baseline)^(1/elasticity)
     * @param endElasticity the same for end items (those sold to final demand): buyers of servers
     *     or phones put purchases off, which materials' buyers cannot
     * @param items item id to its own elasticity, over the two above
     * @param supplyElasticity how far sellers' output answers the price (0: not at all)
     * @param adjustment how long the price takes to close the gap to that level (a time constant)
     * @param ceiling the highest multiple of the cost-based price a market reaches
     * @param floor the lowest
     * @param markets named markets, each a list of countries; buyers elsewhere form one more market,
     *     {@code rest}. Null: each country whose government takes a measure is a market of its own
     * @param off true to switch scarcity prices off
     */
    public record Prices(Double elasticity, Double endElasticity, java.util.Map<String, Double> items, Double supplyElasticity,
                         Duration adjustment, Double ceiling, Double floor, java.util.Map<String, java.util.List<String>> markets,
                         boolean off) {

        /** Scarcity prices off. */
        public static final Prices NONE = new Prices(null, null, null, null, null, null, null, null, true);

        public Prices {
            items = items == null ? null : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(items));
            if (endElasticity != null && !(endElasticity >= 0.05 && endElasticity <= 20)) {
                throw new FieldException("behaviour.prices.end-item-elasticity", "must be between 0.05 and 20 (" + endElasticity + ")",
                        "A positive price elasticity of demand for end items: 2 means a 1% shortfall raises the price 0.5%.");
            }
            if (supplyElasticity != null && !(supplyElasticity >= 0 && supplyElasticity <= 20)) {
                throw new FieldException("behaviour.prices.supply-elasticity", "must be between 0 and 20 (" + supplyElasticity + ")",
                        "How far sellers' output answers the price: 1 means a 1% higher price calls 1% more.");
            }
            if (items != null) {
                for (var e : items.entrySet()) {
                    if (!(e.getValue() >= 0.05 && e.getValue() <= 20)) {
                        throw new FieldException("behaviour.prices.items." + e.getKey(), "must be between 0.05 and 20 (" + e.getValue() + ")",
                                "A positive price elasticity of demand for this item.");
                    }
                }
            }
            if (markets != null) {
                java.util.Map<String, java.util.List<String>> copy = new java.util.LinkedHashMap<>();
                markets.forEach((k, v) -> copy.put(k, java.util.List.copyOf(v)));
                markets = java.util.Collections.unmodifiableMap(copy);
            }
            if (elasticity != null && !(elasticity >= 0.05 && elasticity <= 20)) {
                throw new FieldException("behaviour.prices.elasticity", "must be between 0.05 and 20 (" + elasticity + ")",
                        "A positive price elasticity of demand: 0.5 means a 1% shortfall raises the price 2%.");
            }
            if (ceiling != null && !(ceiling >= 1 && ceiling <= 1000)) {
                throw new FieldException("behaviour.prices.ceiling", "must be between 1 and 1000 (" + ceiling + ")",
                        "The highest multiple of the cost-based price: 5 is five times.");
            }
            if (floor != null && !(floor > 0 && floor <= 1)) {
                throw new FieldException("behaviour.prices.floor", "must be above 0 and at most 1 (" + floor + ")",
                        "The lowest multiple of the cost-based price: 0.2 is a fifth.");
            }
            if (adjustment != null && adjustment.tooLong()) {
                throw new FieldException("behaviour.prices.adjustment", "is longer than a century (" + adjustment + ")",
                        "A time constant such as 8w or 60d.");
            }
            if (markets != null) {
                java.util.Set<String> seen = new java.util.HashSet<>();
                for (var e : markets.entrySet()) {
                    if (e.getKey().equals(REST)) {
                        throw new FieldException("behaviour.prices.markets." + REST, "'" + REST + "' is the market of everyone unlisted",
                                "Name the market otherwise.");
                    }
                    for (String c : e.getValue()) {
                        Countries.check(c, "behaviour.prices.markets." + e.getKey());
                        if (!seen.add(c)) {
                            throw new FieldException("behaviour.prices.markets." + e.getKey(), c + " is in two markets",
                                    "Each country belongs to one market.");
                        }
                    }
                }
            }
        }

        /**
         * This rule, on, with one number set: {@code elasticity}, {@code end-item-elasticity},
         * {@code supply-elasticity}, {@code adjustment} (periods), {@code ceiling} or {@code floor}.
         */
        public Prices with(String key, double v) {
            Double e = key.equals("elasticity") ? Double.valueOf(v) : elasticity;
            Double end = key.equals("end-item-elasticity") ? Double.valueOf(v) : endElasticity;
            Double supply = key.equals("supply-elasticity") ? Double.valueOf(v) : supplyElasticity;
            Duration adjust = key.equals("adjustment") ? Duration.periods(v) : adjustment;
            Double top = key.equals("ceiling") ? Double.valueOf(v) : ceiling;
            Double bottom = key.equals("floor") ? Double.valueOf(v) : floor;
            if (!java.util.List.of("elasticity", "end-item-elasticity", "supply-elasticity", "adjustment", "ceiling", "floor").contains(key)) {
                throw new IllegalArgumentException("prices have no number '" + key + "'");
            }
            return new Prices(e, end, items, supply, adjust, top, bottom, markets, false);
        }

        /** This rule with whatever {@code other} sets in its place. */
        Prices overriddenBy(Prices other) {
            if (other == null) {
                return this;
            }
            if (other.off) {
                return other;
            }
            return new Prices(other.elasticity != null ? other.elasticity : elasticity,
                    other.endElasticity != null ? other.endElasticity : endElasticity,
                    other.items != null ? other.items : items,
                    other.supplyElasticity != null ? other.supplyElasticity : supplyElasticity,
                    other.adjustment != null ? other.adjustment : adjustment,
                    other.ceiling != null ? other.ceiling : ceiling,
                    other.floor != null ? other.floor : floor,
                    other.markets != null ? other.markets : markets, false);
        }
    }

    /** The market of buyers in no named market. */
    public static final String REST = "rest";

    /** Rationing, restoration time and carrying cost only (the command line's part). */
    public Behaviour(String rationing, Double restorationTime, Double carryingCost) {
        this(rationing, restorationTime, carryingCost, null, null, null);
    }

    /** The spellings {@code rationing} takes. */
    public static final java.util.List<String> RATIONING = java.util.List.of("proportional", "final-demand-first");

    public Behaviour {
        if (priority != null) {
            java.util.Map<String, java.util.List<java.util.List<String>>> copy = new java.util.LinkedHashMap<>();
            priority.forEach((k, v) -> copy.put(k, v.stream().map(java.util.List::copyOf).toList()));
            priority = java.util.Collections.unmodifiableMap(copy);
        }
        if (rationing != null && !RATIONING.contains(rationing)) {
            throw new FieldException("behaviour.rationing", "unknown rationing '" + rationing + "'",
                    "Allowed: " + String.join(", ", RATIONING) + ".");
        }
        if (restorationTime != null && !(restorationTime >= 1)) {
            throw new FieldException("behaviour.restoration-time", "must be at least 1 period (" + restorationTime + ")",
                    "Periods over which a site closes the gap to its target stock.");
        }
        if (carryingCost != null && !(carryingCost >= 0 && carryingCost <= 10)) {
            throw new FieldException("behaviour.carrying-cost", "must be a yearly fraction between 0 and 10 (" + carryingCost + ")",
                    "0.2 is 20% of the value a year.");
        }
        if (finalDemandElasticity != null && !(finalDemandElasticity >= 0 && finalDemandElasticity <= 10)) {
            throw new FieldException("behaviour.final-demand-elasticity", "must be between 0 and 10 (" + finalDemandElasticity + ")",
                    "A positive number: 0.3 means a 10% dearer end item sells about 3% fewer units.");
        }
    }

    /** This behaviour with other prices. */
    public Behaviour withPrices(Prices p) {
        return new Behaviour(rationing, restorationTime, carryingCost, priority, p, finalDemandElasticity);
    }

    /** This behaviour with whatever {@code other} sets in place of its own values (a command line over a file). */
    public Behaviour overriddenBy(Behaviour other) {
        Prices p = prices == null ? other.prices : prices.overriddenBy(other.prices);
        return new Behaviour(other.rationing != null ? other.rationing : rationing,
                other.restorationTime != null ? other.restorationTime : restorationTime,
                other.carryingCost != null ? other.carryingCost : carryingCost,
                other.priority != null ? other.priority : priority, p,
                other.finalDemandElasticity != null ? other.finalDemandElasticity : finalDemandElasticity);
    }
}
