package org.chokepoint.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What a scenario needs to be a back-test: the day its event became known, the dates of the facts
 * the scenario itself carries (its network carries its own, {@link Network#facts()}), and what was
 * observed afterwards.
 *
 * @param event the day the event was known, or null: the earliest announcement of a measure that
 *     takes effect within the run
 * @param facts dated facts of the scenario file (the scenario's {@code as-of}, uncertain parameters)
 * @param observed observed series, in file order
 */
public record Backtest(LocalDate event, List<Fact> facts, List<Observed> observed) {

    public static final Backtest NONE = new Backtest(null, List.of(), List.of());

    public Backtest {
        facts = facts == null ? List.of() : List.copyOf(facts);
        observed = observed == null ? List.of() : List.copyOf(observed);
    }

    /**
     * The day the back-test stands on: the scenario's {@code event}, else the earliest
     * announcement among measures taking effect on or after the start (those in force at the start
     * are the regime, not the event), else the start.
     */
    public static LocalDate eventOf(Scenario s) {
        if (s.backtest().event() != null) {
            return s.backtest().event();
        }
        LocalDate first = null;
        for (Measure m : s.measures()) {
            if (!m.effective().isBefore(s.start()) && (first == null || m.announced().isBefore(first))) {
                first = m.announced();
            }
        }
        return first == null ? s.start() : first;
    }

    /** Every dated fact of a scenario: its network's, then its own. */
    public static List<Fact> factsOf(Scenario s) {
        List<Fact> all = new ArrayList<>(s.network().facts());
        all.addAll(s.backtest().facts());
        return all;
    }

    /** The facts public only after the event and not marked calibrated: what a back-test may not rest on. */
    public static List<Fact> lateFacts(Scenario s) {
        LocalDate event = eventOf(s);
        return factsOf(s).stream().filter(f -> f.asOf() != null && f.asOf().isAfter(event) && !f.isCalibrated()).toList();
    }

    /** The figures fitted to an outcome. */
    public static List<Fact> calibrated(Scenario s) {
        return factsOf(s).stream().filter(Fact::isCalibrated).toList();
    }

    /** Elements carrying figures with no date: neither their own {@code as-of} nor their file's. */
    public static List<Fact> undated(Scenario s) {
        return factsOf(s).stream().filter(f -> f.asOf() == null && !f.isCalibrated()).toList();
    }

    /**
     * What {@code validate --strict} refuses, each at its file position: facts public after the
     * event and not calibrated; and, in a scenario that dates its facts or observes anything,
     * elements with no date.
     */
    public static List<Problem> strictProblems(Scenario s) {
        List<Problem> out = new ArrayList<>();
        LocalDate event = eventOf(s);
        for (Fact f : lateFacts(s)) {
            Problem w = f.where();
            out.add(new Problem(w.file(), w.line(), w.column(), w.path().isEmpty() ? f.element() : w.path(),
                    f.element() + " rests on a fact public on " + f.asOf() + ", after the event (" + event + ")",
                    "A back-test may use only what was known before the event: use a figure published before " + event
                            + ", or mark this one calibrated: \"what it was fitted to\", so that reports list it as such."));
        }
        if (datesItsFacts(s)) {
            for (Fact f : undated(s)) {
                Problem w = f.where();
                out.add(new Problem(w.file(), w.line(), w.column(), w.path().isEmpty() ? f.element() : w.path(),
                        f.element() + " gives no as-of date", "Give the element, or its file, as-of: YYYY-MM-DD, the day its"
                                + " figures were public."));
            }
        }
        return out;
    }

    /** Whether a scenario is meant as a back-test: it observes something, or dates some of its facts. */
    public static boolean datesItsFacts(Scenario s) {
        return !s.backtest().observed().isEmpty() || factsOf(s).stream().anyMatch(f -> f.asOf() != null);
    }
}
