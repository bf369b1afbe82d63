package org.chokepoint.engine;

/**
 * How firms behave, as parameters of the dynamics.
 *
 * @param restorationTime periods over which a site closes the gap to its target stock (τ)
 * @param rationing how a short supplier shares its output among those who ordered
 * @param overproduction capacity multiplier (1: none); the ARIO overproduction factor α
 * @param initialStockFactor stocks at the start as a fraction of target (1: in equilibrium)
 * @param carryingCost what holding goods costs a year as a fraction of their value; a shipment held
 *     up by a license delay adds this rate × the delay to the price its buyer pays (capital tied up
 *     while the goods wait)
 * @param checked verify invariants every period (mass balance, non-negative stock, capacity);
 *     on in tests, off in sweeps
 * @param priority supplier site id to the customers it serves first, place by place (customer
 *     site ids, or {@code final-demand}; several at one place share it); see
 *     {@link org.chokepoint.model.Behaviour#priority()}
 * @param prices the scarcity-price rule, or null: prices move with costs alone
 * @param finalDemandElasticity how end buyers' quantities answer their price: quantity × (price ÷
 *     baseline price)^−e; 0 (the default) leaves them fixed
 */
public record Parameters(double restorationTime, Rationing rationing, double overproduction,
                         double initialStockFactor, double carryingCost, boolean checked,
                         java.util.Map<String, java.util.List<java.util.List<String>>> priority,
                         PriceRule prices, double finalDemandElasticity) {

    /** How a supplier's output is shared when it cannot meet every order. */
    public enum Rationing {
        /** Everyone gets the same fraction of their order. */
        PROPORTIONAL,
        /** Final demand is served in full first, the rest shared proportionally among sites. */
        FINAL_DEMAND_FIRST
    }

    /**
     * Inventory carrying cost a year: 20%, the low end of the 20–30% range textbooks give for
     * capital, storage and risk together; an assumption the report states.
     */
    public static final double CARRYING_COST = 0.20;

    public static final Parameters DEFAULT = new Parameters(4, Rationing.PROPORTIONAL, 1, 1, CARRYING_COST, false);

    /** Without priority lists. */
    public Parameters(double restorationTime, Rationing rationing, double overproduction,
                      double initialStockFactor, double carryingCost, boolean checked) {
        this(restorationTime, rationing, overproduction, initialStockFactor, carryingCost, checked, java.util.Map.of(), null, 0);
    }

    /** Without prices or an elasticity of final demand. */
    public Parameters(double restorationTime, Rationing rationing, double overproduction, double initialStockFactor,
                      double carryingCost, boolean checked, java.util.Map<String, java.util.List<java.util.List<String>>> priority) {
        this(restorationTime, rationing, overproduction, initialStockFactor, carryingCost, checked, priority, null, 0);
    }

    public Parameters {
        priority = java.util.Objects.requireNonNull(priority, "priority");
        if (!(restorationTime >= 1)) {
            throw new IllegalArgumentException("restoration time must be at least 1 period: " + restorationTime);
        }
        if (!(overproduction >= 1)) {
            throw new IllegalArgumentException("overproduction must be at least 1: " + overproduction);
        }
        if (!(initialStockFactor >= 0)) {
            throw new IllegalArgumentException("initial stock factor must not be negative: " + initialStockFactor);
        }
        if (!(carryingCost >= 0)) {
            throw new IllegalArgumentException("carrying cost must not be negative: " + carryingCost);
        }
        java.util.Objects.requireNonNull(rationing, "rationing");
        if (!(finalDemandElasticity >= 0)) {
            throw new IllegalArgumentException("final demand elasticity must not be negative: " + finalDemandElasticity);
        }
    }

    public Parameters withChecked(boolean on) {
        return new Parameters(restorationTime, rationing, overproduction, initialStockFactor, carryingCost, on, priority, prices, finalDemandElasticity);
    }

    public Parameters withRationing(Rationing r) {
        return new Parameters(restorationTime, r, overproduction, initialStockFactor, carryingCost, checked, priority, prices, finalDemandElasticity);
    }

    public Parameters withRestorationTime(double tau) {
        return new Parameters(tau, rationing, overproduction, initialStockFactor, carryingCost, checked, priority, prices, finalDemandElasticity);
    }

    public Parameters withInitialStockFactor(double f) {
        return new Parameters(restorationTime, rationing, overproduction, f, carryingCost, checked, priority, prices, finalDemandElasticity);
    }

    /**
     * The defaults with what the scenario's {@code behaviour} block sets. Scarcity prices are on
     * unless the block turns them off; without named markets, each country whose government takes
     * one of the scenario's measures is a market of its own, and everyone else one more.
     */
    public static Parameters of(org.chokepoint.model.Scenario s) {
        return of(s, s.behaviour());
    }

    /** The defaults with what {@code b} sets, for scenario {@code s} (its step and measures). */
    public static Parameters of(org.chokepoint.model.Scenario s, org.chokepoint.model.Behaviour b) {
        Parameters p = DEFAULT;
        if (b.rationing() != null) {
            p = p.withRationing(b.rationing().equals("final-demand-first") ? Rationing.FINAL_DEMAND_FIRST : Rationing.PROPORTIONAL);
        }
        if (b.restorationTime() != null) {
            p = p.withRestorationTime(b.restorationTime());
        }
        if (b.carryingCost() != null) {
            p = p.withCarryingCost(b.carryingCost());
        }
        if (b.priority() != null) {
            p = p.withPriority(b.priority());
        }
        if (b.finalDemandElasticity() != null) {
            p = p.withFinalDemandElasticity(b.finalDemandElasticity());
        }
        return p.withPrices(priceRule(s, b.prices()));
    }

    /** The scenario's price rule, or null when its behaviour turns prices off. */
    static PriceRule priceRule(org.chokepoint.model.Scenario s, org.chokepoint.model.Behaviour.Prices set) {
        if (set != null && set.off()) {
            return null;
        }
        java.util.Map<String, java.util.List<String>> markets = set == null ? null : set.markets();
        if (markets == null) {
            markets = new java.util.TreeMap<>();
            for (org.chokepoint.model.Measure m : s.measures()) {
                markets.put(m.authority(), java.util.List.of(m.authority()));
            }
        }
        double days = set != null && set.adjustment() != null ? set.adjustment().inPeriods(org.chokepoint.model.Step.DAY)
                : PriceRule.ADJUSTMENT_DAYS;
        return PriceRule.of(set != null && set.elasticity() != null ? set.elasticity() : PriceRule.ELASTICITY,
                set != null && set.endElasticity() != null ? set.endElasticity() : PriceRule.END_ELASTICITY,
                set != null && set.items() != null ? set.items() : java.util.Map.of(),
                set != null && set.supplyElasticity() != null ? set.supplyElasticity() : PriceRule.SUPPLY_ELASTICITY,
                days / s.step().days(),
                set != null && set.ceiling() != null ? set.ceiling() : PriceRule.CEILING,
                set != null && set.floor() != null ? set.floor() : PriceRule.FLOOR, markets);
    }

    public Parameters withCarryingCost(double perYear) {
        return new Parameters(restorationTime, rationing, overproduction, initialStockFactor, perYear, checked, priority, prices, finalDemandElasticity);
    }

    /** These priority lists (supplier site id to the customers it serves first, place by place). */
    public Parameters withPriority(java.util.Map<String, java.util.List<java.util.List<String>>> lists) {
        return new Parameters(restorationTime, rationing, overproduction, initialStockFactor, carryingCost, checked, lists, prices,
                finalDemandElasticity);
    }

    /** With this price rule (null: prices follow costs alone). */
    public Parameters withPrices(PriceRule rule) {
        return new Parameters(restorationTime, rationing, overproduction, initialStockFactor, carryingCost, checked, priority, rule,
                finalDemandElasticity);
    }

    public Parameters withFinalDemandElasticity(double e) {
        return new Parameters(restorationTime, rationing, overproduction, initialStockFactor, carryingCost, checked, priority, prices, e);
    }
}
