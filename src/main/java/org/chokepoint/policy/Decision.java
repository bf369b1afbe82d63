package org.chokepoint.policy;

import java.time.LocalDate;
import java.util.List;

/**
 * What one measure does to one link (or demand entry), from when, and why: the rule steps that
 * led to it, with the numbers used, so an analyst can check each against the regulation.
 *
 * @param measure the measure's id
 * @param effect what happens
 * @param link the engine's link index, or -1 for a demand decision
 * @param demand the demand entry index, or -1
 * @param linkName {@code from->to} (or the demand entry's site) for people
 * @param item the item concerned
 * @param from first day in force
 * @param to first day no longer in force, or {@code null}
 * @param announced when it was announced (for stockpiling)
 * @param license for {@link Effect#LICENSE}: how applications are decided
 * @param factor open fraction ({@link Effect#PARTIAL}) or demand factor ({@link Effect#DEMAND})
 * @param markup for {@link Effect#MARKUP}: the rate
 * @param stockpile target-cover multiplier for the customer between announcement and effect
 * @param condition the escalation that must fire for this to happen, or {@code null}
 * @param trace the rule steps, in order
 */
public record Decision(String measure, Effect effect, int link, int demand, String linkName, String item, LocalDate from,
                       LocalDate to, LocalDate announced, LicensePolicy license, double factor, double markup,
                       double stockpile, String condition, List<String> trace) {

    public enum Effect {
        /** Subject to a license requirement: approval per the license policy. */
        LICENSE,
        /** Prohibited outright. */
        BLOCK,
        /** Only a share gets through. */
        PARTIAL,
        /** A cost markup (tariff). */
        MARKUP,
        /** Final demand falls by a share. */
        DEMAND,
        /** Examined and not caught; the trace says why. */
        NONE;

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The same decision in force from {@code newFrom} to {@code newTo} (null: open-ended). */
    public Decision during(LocalDate newFrom, LocalDate newTo) {
        return new Decision(measure, effect, link, demand, linkName, item, newFrom, newTo, announced, license, factor, markup,
                stockpile, condition, trace);
    }

    /** The same decision with other rule steps. */
    public Decision withTrace(List<String> steps) {
        return new Decision(measure, effect, link, demand, linkName, item, from, to, announced, license, factor, markup, stockpile,
                condition, steps);
    }

    public Decision {
        trace = List.copyOf(trace);
    }

    /** A short statement of the effect: "license (presumption-of-denial: approval 0%)", "markup 25%". */
    public String effectText() {
        return switch (effect) {
            case LICENSE -> "license required (" + license.describe() + ")";
            case BLOCK -> "blocked";
            case PARTIAL -> LicensePolicy.pct(1 - factor) + " of orders refused";
            case MARKUP -> "markup " + LicensePolicy.pct(markup);
            case DEMAND -> "demand down " + LicensePolicy.pct(1 - factor);
            case NONE -> "not affected";
        };
    }

    /** The step that decided: the last one that says "subject", or else the second step (what caught it). */
    public String decisiveStep() {
        for (int i = trace.size() - 1; i >= 0; i--) {
            String step = trace.get(i);
            if (step.endsWith(": subject") || step.endsWith("subject to the EAR")) {
                return step;
            }
        }
        return trace.size() > 1 ? trace.get(1) : trace.get(0);
    }

    public boolean inForce(LocalDate day) {
        return effect != Effect.NONE && !day.isBefore(from) && (to == null || day.isBefore(to));
    }
}
