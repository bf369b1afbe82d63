package org.chokepoint.engine;

/**
 * The causes a unit-cost change is traced to, when a recorder asks for them
 * ({@link Recorder#detailedAccounts()}). Each site's unit cost carries one component per cause: what the
 * cause added to the price of its own inputs, plus the components its suppliers' prices carried.
 * Whatever the components do not explain (a dearer or cheaper source, a conversion factor) is the
 * sourcing mix, left to the caller as the remainder.
 */
public enum CostCause {
    /** Tariffs and other markups on a link: supplier price × markup. */
    MARKUP("tariffs and markups"),
    /** Premiums paid to alternates: marked-up price × premium. */
    PREMIUM("alternate premiums"),
    /** Carrying cost of goods held up by license delays: paid × carrying rate × delay. */
    LICENSE_DELAY("license delays"),
    /** Scarcity: what market prices above (or below) sellers' costs add, supplier cost × (multiplier − 1). */
    SCARCITY("scarcity prices");

    /** Number of causes: the stride of the per-slot and per-site cause arrays. */
    public static final int COUNT = values().length;

    private final String label;

    CostCause(String label) {
        this.label = label;
    }

    /** How reports name it. */
    public String label() {
        return label;
    }
}
