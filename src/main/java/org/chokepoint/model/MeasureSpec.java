package org.chokepoint.model;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A measure as written in a scenario: the parts every measure has (id, type, authority, dates,
 * the firms it names), checked here, and its type-specific settings, which the policy engine
 * reads and checks.
 *
 * @param id unique id within the scenario
 * @param type one of {@link #TYPES}
 * @param authority ISO country of the government imposing it
 * @param announced date announced (defaults to the effective date)
 * @param effective date in force
 * @param ends date it stops, or {@code null}
 * @param firms ids of the firms it names (listed parties, targets), possibly empty
 * @param settings the remaining keys, as plain values (String, Number, Boolean, List, Map)
 */
public record MeasureSpec(String id, String type, String authority, LocalDate announced, LocalDate effective,
                          LocalDate ends, List<String> firms, Map<String, Object> settings) {

    /** The measure types a scenario may use. */
    public static final Set<String> TYPES = Collections.unmodifiableSet(new java.util.TreeSet<>(List.of(
            "entity-listing", "country-control", "de-minimis", "export-ban", "export-licensing",
            "unreliable-entity", "procurement-ban", "tariff", "escalation")));

    public MeasureSpec {
        Checks.id(id, "id");
        if (!TYPES.contains(type)) {
            throw new FieldException("type", "unknown measure type '" + type + "'",
                    "Allowed: " + String.join(", ", TYPES) + "." + Names.didYouMean(type, TYPES));
        }
        Countries.check(authority, "authority");
        java.util.Objects.requireNonNull(effective, "effective");
        announced = announced == null ? effective : announced;
        if (announced.isAfter(effective)) {
            throw new FieldException("effective", "effective date " + effective + " is before the announcement " + announced,
                    "A measure comes into force on or after the day it is announced.");
        }
        if (ends != null && !ends.isAfter(effective)) {
            throw new FieldException("ends", "end date " + ends + " is not after the effective date " + effective,
                    "Leave 'ends' out for a measure still in force.");
        }
        firms = firms == null ? List.of() : List.copyOf(firms);
        settings = settings == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }
}
