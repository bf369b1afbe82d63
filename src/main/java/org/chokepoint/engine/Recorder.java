package org.chokepoint.engine;

/**
 * Receives the state at the end of every period. Implementations copy what they need: the state
 * is overwritten by the next period. Called from the run's thread; must not allocate per period
 * if the run is to stay allocation-free.
 */
public interface Recorder {

    /** Called once before period 0. */
    default void start(CompiledNetwork network, int periods) {}

    /** Called at the end of period {@code t}. */
    void period(int t, RunState state);

    /** Records nothing (benchmarks, or callers that read only the final state). */
    Recorder NONE = (t, s) -> { };
}
