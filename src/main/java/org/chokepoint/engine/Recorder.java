package org.chokepoint.engine;

/**
 * Receives the state at the end of every period. Implementations copy what they need: the state
 * is overwritten by the next period. Called from the run's thread; must not allocate per period
 * if the run is to stay allocation-free.
 */
public interface Recorder {

    /**
     * Whether the run should keep detailed accounts: unit costs traced to their {@link CostCause}s
     * and revenue from buyers abroad (read at the start of a run; costs a little per link, so off
     * unless asked for: a Monte Carlo needs neither).
     */
    default boolean detailedAccounts() {
        return false;
    }

    /** Called once before period 0. */
    default void start(CompiledNetwork network, int periods) {}

    /** Called at the end of period {@code t}. */
    void period(int t, RunState state);

    /**
     * {@code first}, and {@code then} after it each period: a watch on the run (escalation
     * conditions, progress) beside what it records. Detailed accounts if either asks; both are
     * started.
     */
    static Recorder both(Recorder first, Recorder then) {
        return new Recorder() {
            @Override
            public boolean detailedAccounts() {
                return first.detailedAccounts() || then.detailedAccounts();
            }

            @Override
            public void start(CompiledNetwork network, int periods) {
                first.start(network, periods);
                then.start(network, periods);
            }

            @Override
            public void period(int t, RunState state) {
                first.period(t, state);
                then.period(t, state);
            }
        };
    }

    /** Records nothing (benchmarks, or callers that read only the final state). */
    Recorder NONE = (t, s) -> { };
}
