package org.chokepoint.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A network under a set of measures, over a span of time.
 *
 * @param id short name, used for the default output folder
 * @param title one-line title for reports
 * @param description what the scenario asks, in a few sentences
 * @param network the supply network
 * @param networkSource where the network came from (a path, or {@code inline})
 * @param start first day of period 0
 * @param step length of a period
 * @param periods number of periods simulated
 * @param seed base seed for every random stream
 * @param measures the measures, in file order
 * @param sources public sources the scenario rests on
 * @param assumptions what the scenario assumes without a source
 * @param uncertainty Monte Carlo runs and uncertain parameters ({@link Uncertainty#NONE} if none)
 * @param controls the control table (classification to destinations needing a license); empty:
 *     the default table
 * @param behaviour how firms behave, where the scenario sets it ({@link Behaviour#DEFAULT} if not)
 * @param law the legal tables the rules read (country groups, de minimis, the Country Chart, FDP
 *     rules, parameter sets, ownership rules): the shipped tables with the scenario's own; {@link
 *     Law#EMPTY} if none
 * @param backtest the event's date, the scenario's dated facts and what was observed ({@link Backtest#NONE} if none)
 */
public record Scenario(String id, String title, String description, Network network, String networkSource,
                       LocalDate start, Step step, int periods, long seed, List<Measure> measures,
                       List<String> sources, List<String> assumptions, List<ControlRule> controls, Uncertainty uncertainty,
                       Behaviour behaviour, Law law, Backtest backtest) {

    /** The longest run: a century of daily periods. */
    public static final int MAX_PERIODS = 36_525;

    public Scenario {
        Checks.id(id, "scenario");
        title = title == null || title.isBlank() ? id : title;
        description = description == null ? "" : description;
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(step, "step");
        if (periods < 1 || periods > MAX_PERIODS) {
            throw new FieldException("periods", "must be between 1 and " + MAX_PERIODS + " (" + periods + ")",
                    "The number of periods to simulate: at most a century of daily periods.");
        }
        measures = measures == null ? List.of() : List.copyOf(measures);
        sources = sources == null ? List.of() : List.copyOf(sources);
        assumptions = assumptions == null ? List.of() : List.copyOf(assumptions);
        controls = controls == null ? List.of() : List.copyOf(controls);
        uncertainty = uncertainty == null ? Uncertainty.NONE : uncertainty;
        behaviour = behaviour == null ? Behaviour.DEFAULT : behaviour;
        law = law == null ? Law.EMPTY : law;
        backtest = backtest == null ? Backtest.NONE : backtest;
    }

    /** A scenario that is no back-test. */
    public Scenario(String id, String title, String description, Network network, String networkSource, LocalDate start,
                    Step step, int periods, long seed, List<Measure> measures, List<String> sources, List<String> assumptions,
                    List<ControlRule> controls, Uncertainty uncertainty, Behaviour behaviour, Law law) {
        this(id, title, description, network, networkSource, start, step, periods, seed, measures, sources, assumptions,
                controls, uncertainty, behaviour, law, null);
    }

    /** A scenario with no law tables of its own (see {@link Law#EMPTY}). */
    public Scenario(String id, String title, String description, Network network, String networkSource, LocalDate start,
                    Step step, int periods, long seed, List<Measure> measures, List<String> sources, List<String> assumptions,
                    List<ControlRule> controls, Uncertainty uncertainty, Behaviour behaviour) {
        this(id, title, description, network, networkSource, start, step, periods, seed, measures, sources, assumptions,
                controls, uncertainty, behaviour, null);
    }

    /** A scenario with the default behaviour. */
    public Scenario(String id, String title, String description, Network network, String networkSource, LocalDate start,
                    Step step, int periods, long seed, List<Measure> measures, List<String> sources, List<String> assumptions,
                    List<ControlRule> controls, Uncertainty uncertainty) {
        this(id, title, description, network, networkSource, start, step, periods, seed, measures, sources, assumptions,
                controls, uncertainty, Behaviour.DEFAULT, null);
    }

    /** The same scenario under other law tables. */
    public Scenario withLaw(Law newLaw) {
        return new Scenario(id, title, description, network, networkSource, start, step, periods, seed, measures, sources,
                assumptions, controls, uncertainty, behaviour, newLaw, backtest);
    }

    /** The same scenario with other behaviour. */
    public Scenario withBehaviour(Behaviour b) {
        return new Scenario(id, title, description, network, networkSource, start, step, periods, seed, measures, sources,
                assumptions, controls, uncertainty, b, law, backtest);
    }

    /** The same scenario with another seed. */
    public Scenario withSeed(long newSeed) {
        return new Scenario(id, title, description, network, networkSource, start, step, periods, newSeed, measures, sources,
                assumptions, controls, uncertainty, behaviour, law, backtest);
    }

    /** The same scenario with another uncertainty block. */
    public Scenario withUncertainty(Uncertainty u) {
        return new Scenario(id, title, description, network, networkSource, start, step, periods, seed, measures, sources,
                assumptions, controls, u, behaviour, law, backtest);
    }

    /** The same scenario with another network and measures (one Monte Carlo run's draw). */
    public Scenario with(Network newNetwork, List<Measure> newMeasures) {
        return new Scenario(id, title, description, newNetwork, networkSource, start, step, periods, seed, newMeasures, sources,
                assumptions, controls, uncertainty, behaviour, law, backtest);
    }

    /** The same scenario as another back-test. */
    public Scenario withBacktest(Backtest b) {
        return new Scenario(id, title, description, network, networkSource, start, step, periods, seed, measures, sources,
                assumptions, controls, uncertainty, behaviour, law, b);
    }

    /** The first day of the last period plus one step: the end of the simulated span. */
    public LocalDate end() {
        return start.plusDays((long) periods * step.days());
    }

    /**
     * What is valid but probably not meant: measures that take effect after the simulated span
     * ends, or end before it starts, and so change nothing.
     */
    public List<String> warnings() {
        List<String> out = new java.util.ArrayList<>();
        for (Measure m : measures) {
            if (!m.effective().isBefore(end())) {
                out.add("measure " + m.id() + " takes effect on " + m.effective() + ", after the simulated span (" + start + " to "
                        + end() + "): it changes nothing");
            } else if (m.ends() != null && !m.ends().isAfter(start)) {
                out.add("measure " + m.id() + " ends on " + m.ends() + ", before the simulated span starts (" + start
                        + "): it changes nothing");
            }
        }
        out.addAll(backtestWarnings());
        return out;
    }

    /**
     * What a back-test should not rest on: facts public only after its event and not marked
     * calibrated; and, once the scenario is a back-test (it observes something, or dates its facts),
     * elements whose figures carry no date. {@code validate --strict} refuses both.
     */
    public List<String> backtestWarnings() {
        List<String> out = new java.util.ArrayList<>();
        List<Fact> late = Backtest.lateFacts(this);
        LocalDate event = Backtest.eventOf(this);
        if (!late.isEmpty()) {
            out.add(late.size() + " fact" + (late.size() == 1 ? "" : "s") + " dated after the event (" + event + ") and not marked"
                    + " calibrated: " + String.join(", ", late.stream().limit(5).map(f -> f.element() + " (as of " + f.asOf() + ")")
                    .toList()) + (late.size() > 5 ? ", ..." : ""));
        }
        boolean dated = Backtest.datesItsFacts(this);
        List<Fact> undated = Backtest.undated(this);
        if (dated && !undated.isEmpty()) {
            out.add(undated.size() + " element" + (undated.size() == 1 ? "" : "s") + " with no as-of date: " + String.join(", ",
                    undated.stream().limit(5).map(Fact::element).toList()) + (undated.size() > 5 ? ", ..." : ""));
        }
        return out;
    }

    /** The first day of period {@code p}. */
    public LocalDate dateOf(int p) {
        return start.plusDays((long) p * step.days());
    }
}
