package org.chokepoint.policy;

import java.time.LocalDate;
import java.util.List;
import org.chokepoint.model.Checks;
import org.chokepoint.model.Countries;
import org.chokepoint.model.Measure;

/** The part every measure has. {@code announced} defaults to {@code effective}. */
public record MeasureHeader(String id, String type, String authority, LocalDate announced, LocalDate effective,
                            LocalDate ends, List<String> sources) {

    public MeasureHeader {
        Checks.id(id, "id");
        Countries.check(authority, "authority");
        Measure.checkDates(announced, effective, ends);
        announced = announced == null ? effective : announced;
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    public static MeasureHeader of(String id, String type, String authority, LocalDate effective) {
        return new MeasureHeader(id, type, authority, null, effective, null, null);
    }

    /** In force on {@code day}. */
    public boolean inForce(LocalDate day) {
        return !day.isBefore(effective) && (ends == null || day.isBefore(ends));
    }

    /** A copy in force from another date (an escalation's response), the same length if it ends. */
    public MeasureHeader startingOn(LocalDate day) {
        LocalDate newEnd = ends == null ? null : day.plusDays(java.time.temporal.ChronoUnit.DAYS.between(effective, ends));
        return new MeasureHeader(id, type, authority, day, day, newEnd, sources);
    }
}
