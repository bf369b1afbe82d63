package org.chokepoint.policy;

import org.chokepoint.model.Duration;

/**
 * Tit for tat: when {@code trigger} comes into force — or, with {@code when}, when a recorded
 * metric crosses a threshold — {@code response} follows after {@code lag} with probability
 * {@code probability} (drawn once per run). A measure named as a response is in force only when
 * its escalation fires.
 *
 * @param trigger the id of the measure that sets it off, or {@code null} with {@code when}
 * @param when the metric that sets it off, or {@code null} with {@code trigger}
 */
public record Escalation(MeasureHeader header, String trigger, MetricTrigger when, String response, Duration lag,
                         double probability) implements PolicyMeasure {

    public Escalation {
        if ((trigger == null) == (when == null)) {
            throw new org.chokepoint.model.FieldException("trigger", "an escalation needs either a trigger measure or a 'when' condition",
                    "trigger: bis-2025-inspur, or when: {metric: shortfall, item: ai-server, above: 0.2}.");
        }
        if (trigger != null) {
            org.chokepoint.model.Checks.id(trigger, "trigger");
        }
        org.chokepoint.model.Checks.id(response, "response");
        lag = lag == null ? Duration.ZERO : lag;
        org.chokepoint.model.Checks.fraction(probability, "probability");
    }
}
