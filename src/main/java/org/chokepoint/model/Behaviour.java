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
 */
public record Behaviour(String rationing, Double restorationTime, Double carryingCost,
                        java.util.Map<String, java.util.List<java.util.List<String>>> priority) {

    /** Nothing set: the defaults throughout. */
    public static final Behaviour DEFAULT = new Behaviour(null, null, null, null);

    /** In a priority list: the site's own final demand. */
    public static final String FINAL_DEMAND = "final-demand";

    /** Rationing, restoration time and carrying cost only (the command line's part). */
    public Behaviour(String rationing, Double restorationTime, Double carryingCost) {
        this(rationing, restorationTime, carryingCost, null);
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
    }

    /** This behaviour with whatever {@code other} sets in place of its own values (a command line over a file). */
    public Behaviour overriddenBy(Behaviour other) {
        return new Behaviour(other.rationing != null ? other.rationing : rationing,
                other.restorationTime != null ? other.restorationTime : restorationTime,
                other.carryingCost != null ? other.carryingCost : carryingCost,
                other.priority != null ? other.priority : priority);
    }
}
