package org.chokepoint.engine;

/**
 * A value became NaN or infinite during a run: never written to an output. It names where it
 * first appeared. The stability check ({@link Stability}) refuses the configurations known to
 * cause it, so one that gets here is worth reporting.
 */
public final class NumericalFailure extends RuntimeException {

    public NumericalFailure(String what, int period) {
        super(what + " became " + "not a finite number in period " + period, null, false, false);
    }
}
