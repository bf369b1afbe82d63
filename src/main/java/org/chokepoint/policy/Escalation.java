package org.chokepoint.policy;

import org.chokepoint.model.Duration;

/**
 * Tit for tat: when {@code trigger} comes into force, {@code response} follows after {@code lag}
 * with probability {@code probability} (drawn once per run). A measure named as a response is in
 * force only when some escalation fires it.
 */
public record Escalation(MeasureHeader header, String trigger, String response, Duration lag, double probability)
        implements PolicyMeasure {

    public Escalation {
        org.chokepoint.model.Checks.id(trigger, "trigger");
        org.chokepoint.model.Checks.id(response, "response");
        lag = lag == null ? Duration.ZERO : lag;
        org.chokepoint.model.Checks.fraction(probability, "probability");
    }
}
