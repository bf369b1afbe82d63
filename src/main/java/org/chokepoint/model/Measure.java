package org.chokepoint.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What every measure in a scenario has: an id, a type, the authority imposing it, its dates and the
 * firms it names. The measure types themselves, and the rules that evaluate them, are in
 * {@code org.chokepoint.policy}.
 */
public interface Measure {

    /** The measure types a scenario may use. */
    Set<String> TYPES = java.util.Collections.unmodifiableSet(new TreeSet<>(List.of(
            "entity-listing", "country-control", "de-minimis", "export-ban", "export-licensing",
            "unreliable-entity", "procurement-ban", "tariff", "escalation")));

    String id();

    /** One of {@link #TYPES}. */
    String type();

    /** ISO country of the government imposing it. */
    String authority();

    LocalDate announced();

    LocalDate effective();

    /** The day it stops, or {@code null}. */
    LocalDate ends();

    /** Firms the measure names (listed parties, targets); empty if none. */
    default List<String> firms() {
        return List.of();
    }

    /** Checks the dates: announced ≤ effective < ends. */
    static void checkDates(LocalDate announced, LocalDate effective, LocalDate ends) {
        java.util.Objects.requireNonNull(effective, "effective");
        if (announced != null && announced.isAfter(effective)) {
            throw new FieldException("effective", "effective date " + effective + " is before the announcement " + announced,
                    "A measure comes into force on or after the day it is announced.");
        }
        if (ends != null && !ends.isAfter(effective)) {
            throw new FieldException("ends", "end date " + ends + " is not after the effective date " + effective,
                    "Leave 'ends' out for a measure still in force.");
        }
    }
}
