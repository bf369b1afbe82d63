package org.chokepoint.engine;

/**
 * How firms behave, as parameters of the dynamics.
 *
 * @param restorationTime periods over which a site closes the gap to its target stock (τ)
 * @param rationing how a short supplier shares its output among those who ordered
 * @param overproduction capacity multiplier (1: none); the ARIO overproduction factor α
 * @param initialStockFactor stocks at the start as a fraction of target (1: in equilibrium)
 * @param checked verify invariants every period (mass balance, non-negative stock, capacity);
 *     on in tests, off in sweeps
 */
public record Parameters(double restorationTime, Rationing rationing, double overproduction,
                         double initialStockFactor, boolean checked) {

    /** How a supplier's output is shared when it cannot meet every order. */
    public enum Rationing {
        /** Everyone gets the same fraction of their order. */
        PROPORTIONAL,
        /** Final demand is served in full first, the rest shared proportionally among sites. */
        FINAL_DEMAND_FIRST
    }

    public static final Parameters DEFAULT = new Parameters(4, Rationing.PROPORTIONAL, 1, 1, false);

    public Parameters {
        if (!(restorationTime >= 1)) {
            throw new IllegalArgumentException("restoration time must be at least 1 period: " + restorationTime);
        }
        if (!(overproduction >= 1)) {
            throw new IllegalArgumentException("overproduction must be at least 1: " + overproduction);
        }
        if (!(initialStockFactor >= 0)) {
            throw new IllegalArgumentException("initial stock factor must not be negative: " + initialStockFactor);
        }
        java.util.Objects.requireNonNull(rationing, "rationing");
    }

    public Parameters withChecked(boolean on) {
        return new Parameters(restorationTime, rationing, overproduction, initialStockFactor, on);
    }

    public Parameters withRationing(Rationing r) {
        return new Parameters(restorationTime, r, overproduction, initialStockFactor, checked);
    }

    public Parameters withRestorationTime(double tau) {
        return new Parameters(tau, rationing, overproduction, initialStockFactor, checked);
    }

    public Parameters withInitialStockFactor(double f) {
        return new Parameters(restorationTime, rationing, overproduction, f, checked);
    }
}
