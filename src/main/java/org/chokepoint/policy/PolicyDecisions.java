package org.chokepoint.policy;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.chokepoint.engine.CompiledNetwork;
import org.chokepoint.engine.Timeline;
import org.chokepoint.model.Scenario;

/**
 * Every decision the policy engine made for a scenario, and the draws that turn them into one
 * run's timeline: whether each escalation fires, and whether each license is granted.
 */
public final class PolicyDecisions {

    private final Scenario scenario;
    private final CompiledNetwork network;
    private final List<Decision> decisions;
    private final List<Escalation> escalations;

    PolicyDecisions(Scenario scenario, CompiledNetwork network, List<Decision> decisions, List<Escalation> escalations) {
        this.scenario = scenario;
        this.network = network;
        this.decisions = List.copyOf(decisions);
        this.escalations = List.copyOf(escalations);
    }

    /** The same decisions with other license policies for some measures (by measure id). */
    public PolicyDecisions withLicenses(Map<String, LicensePolicy> licenses) {
        if (licenses.isEmpty()) {
            return this;
        }
        List<Decision> changed = new java.util.ArrayList<>(decisions.size());
        org.chokepoint.model.Network net = scenario.network();
        for (Decision d : decisions) {
            LicensePolicy lp = d.effect() == Decision.Effect.LICENSE ? licenses.get(d.measure()) : null;
            if (lp != null && !lp.cases().isEmpty()) {
                // The path keeps the case it fell under: a drawn number changes the measure's own policy only.
                String customer = d.linkName().substring(d.linkName().indexOf("->") + 2);
                lp = lp.forPath(d.item(), net.item(d.item()).eccn(), net.site(customer).firm());
            }
            changed.add(lp == null ? d : new Decision(d.measure(), d.effect(), d.link(), d.demand(), d.linkName(), d.item(),
                    d.from(), d.to(), d.announced(), lp, d.factor(), d.markup(), d.stockpile(), d.condition(), d.trace()));
        }
        return new PolicyDecisions(scenario, network, changed, escalations);
    }

    /** The same decisions for a network compiled with other capacities or covers (same links). */
    public PolicyDecisions on(CompiledNetwork other) {
        return new PolicyDecisions(scenario, other, decisions, escalations);
    }

    /** All decisions, including links examined and not affected, in measure then link order. */
    public List<Decision> all() {
        return decisions;
    }

    /** Decisions that restrict, mark up or cut something. */
    public List<Decision> effective() {
        return decisions.stream().filter(d -> d.effect() != Decision.Effect.NONE).toList();
    }

    public List<Escalation> escalations() {
        return escalations;
    }

    /** The first period on or after {@code day} (period 0 for days before the start). */
    public int period(LocalDate day) {
        long days = ChronoUnit.DAYS.between(scenario.start(), day);
        if (days <= 0) {
            return 0;
        }
        long p = days / scenario.step().days();
        return (int) Math.min(Integer.MAX_VALUE / 2, p);
    }

    /**
     * One run's timeline when no escalation depends on a metric (or none has fired yet): see
     * {@link #sample}.
     */
    public Timeline timeline(UniformRandomProvider rng) {
        return sample(rng, Map.of()).timeline();
    }

    /**
     * What one run draws, and the timeline that follows.
     *
     * @param timeline the restrictions of the run
     * @param armed metric-triggered escalations drawn to fire that have not fired yet: the run
     *     must watch their conditions (see {@code org.chokepoint.analysis.PolicyRun})
     */
    public record Sampled(Timeline timeline, List<Escalation> armed) {}

    /**
     * One run's draws, in a fixed order so a seed always gives the same run: one per escalation
     * (does it fire?), then one per license decision (is it granted?). Responses are moved to when
     * their escalation fires: lag after the trigger measure comes into force, after the upstream
     * response does, or — for metric triggers — after the day given in {@code fired} (the first day
     * after the period the metric crossed its threshold).
     */
    public Sampled sample(UniformRandomProvider rng, Map<String, LocalDate> fired) {
        Map<String, Boolean> drawn = new HashMap<>();
        for (Escalation e : escalations) {
            drawn.put(e.id(), rng.nextDouble() < e.probability());
        }
        Map<String, LocalDate> start = new HashMap<>();
        List<Escalation> armed = new java.util.ArrayList<>();
        Map<String, Escalation> byResponse = new HashMap<>();
        for (Escalation e : escalations) {
            byResponse.put(e.response(), e);
        }
        for (Escalation e : escalations) {
            LocalDate s = startOf(e, drawn, fired, byResponse, 0);
            if (s != null) {
                start.put(e.id(), s);
            } else if (e.when() != null && drawn.get(e.id()) && !fired.containsKey(e.id())) {
                armed.add(e);
            }
        }
        int end = scenario.periods();
        Timeline.Builder b = Timeline.builder(network).paths(network, scenario.start(), scenario.step(), end);
        for (Decision d0 : decisions) {
            Decision d = d0;
            boolean active = true;
            if (d.condition() != null) {
                LocalDate s = start.get(d.condition());
                active = s != null;
                if (active) {
                    d = shifted(d, ChronoUnit.DAYS.between(scenario.start(), s));
                }
            }
            if (d.effect() == Decision.Effect.LICENSE) {
                LicensePolicy lp = d.license();
                // A fixed number of draws per decision, taken even when inactive, so other draws do not shift.
                double[] draws = new double[lp.drawsPerLink()];
                for (int k = 0; k < draws.length; k++) {
                    draws[k] = rng.nextDouble();
                }
                if (!active) {
                    continue;
                }
                int from = period(d.from());
                int to = d.to() == null ? end : Math.min(end, period(d.to()));
                if (from >= to) {
                    continue;
                }
                license(b, d, lp, draws, from, to);
                stockpile(b, d, from);
                continue;
            }
            if (!active || d.effect() == Decision.Effect.NONE) {
                continue;
            }
            int from = period(d.from());
            int to = d.to() == null ? end : Math.min(end, period(d.to()));
            if (from >= to) {
                continue;
            }
            if (d.effect() != Decision.Effect.DEMAND && d.demand() >= 0) {
                // sales to end buyers abroad: held back, not priced (tariffs there are left out, with a warning)
                switch (d.effect()) {
                    case BLOCK -> b.sales(d.demand(), from, to, 0);
                    case PARTIAL -> b.sales(d.demand(), from, to, d.factor());
                    default -> { }
                }
                continue;
            }
            switch (d.effect()) {
                case BLOCK -> b.block(d.link(), from, to);
                case PARTIAL -> b.restrict(d.link(), from, to, d.factor(), 0, 0);
                case MARKUP -> b.restrict(d.link(), from, to, 1, 0, d.markup());
                case DEMAND -> b.buyers(d.demand(), from, to, d.factor());
                default -> { }
            }
        }
        return new Sampled(b.build(), List.copyOf(armed));
    }

    /**
     * One link's applications: each filed application is decided after its review time (drawn
     * per application if the policy gives a range) with the approval probability of the day it
     * was filed; a denied firm applies again after the re-application delay while it has
     * attempts left. Until a grant only leakage gets through; after it, the approved share, each
     * shipment delayed as the policy says.
     */
    private void license(Timeline.Builder b, Decision d, LicensePolicy lp, double[] draws, int from, int to) {
        double leakMarkup = lp.leakage() > 0 ? lp.leakagePremium() : 0;
        long filed = ChronoUnit.DAYS.between(scenario.start(), d.from());
        int k = 0;
        for (int attempt = 0; attempt < lp.attempts(); attempt++) {
            double approveDraw = draws[k++];
            double reviewDraw = lp.reviewVaries() ? draws[k++] : 0;
            LocalDate filedOn = scenario.start().plusDays(filed);
            long decided = filed + Math.round(lp.reviewDays(reviewDraw));
            if (approveDraw < lp.approvalOn(filedOn)) {
                int granted = Math.min(to, Math.max(from, period(scenario.start().plusDays(decided))));
                gate(b, d, from, granted, lp.leakage(), 0, leakMarkup);
                int delay = (int) Math.round(lp.shipmentDelay().inPeriods(scenario.step()));
                gate(b, d, granted, to, lp.approvedShare(), delay, 0);
                return;
            }
            filed = decided + Math.round(lp.reapplyDelay().inPeriods(org.chokepoint.model.Step.DAY));
        }
        gate(b, d, from, to, lp.leakage(), 0, leakMarkup);
    }

    /**
     * Lets {@code open} of a path's goods through in {@code [from, to)}: on a link with its delay
     * and markup; on sales to end buyers abroad, the share of their orders the site may deliver
     * (end buyers are not charged the leakage premium, nor kept waiting: the model has no channel
     * for either).
     */
    private static void gate(Timeline.Builder b, Decision d, int from, int to, double open, int delay, double markup) {
        if (d.demand() >= 0) {
            b.sales(d.demand(), from, to, open);
        } else {
            b.restrict(d.link(), from, to, open, delay, markup);
        }
    }

    /** When escalation e's response comes into force in this run, or null if it does not. */
    private LocalDate startOf(Escalation e, Map<String, Boolean> drawn, Map<String, LocalDate> fired,
                              Map<String, Escalation> byResponse, int depth) {
        if (!drawn.get(e.id()) || depth > escalations.size()) {
            return null;
        }
        LocalDate triggered;
        if (e.when() != null) {
            triggered = fired.get(e.id());
        } else {
            Escalation upstream = byResponse.get(e.trigger());
            triggered = upstream == null ? measure(e.trigger()).effective()
                    : startOf(upstream, drawn, fired, byResponse, depth + 1);
        }
        return triggered == null ? null : triggered.plusDays(Math.round(e.lag().inPeriods(org.chokepoint.model.Step.DAY)));
    }

    private org.chokepoint.model.Measure measure(String id) {
        for (org.chokepoint.model.Measure m : scenario.measures()) {
            if (m.id().equals(id)) {
                return m;
            }
        }
        throw new IllegalStateException("no measure " + id);
    }

    private static Decision shifted(Decision d, long days) {
        return new Decision(d.measure(), d.effect(), d.link(), d.demand(), d.linkName(), d.item(), d.from().plusDays(days),
                d.to() == null ? null : d.to().plusDays(days), d.announced().plusDays(days), d.license(), d.factor(), d.markup(),
                d.stockpile(), d.condition(), d.trace());
    }

    /** Whether the decision is about an alternate source rather than a supply link. */
    public boolean isAlternate(Decision d) {
        return d.link() >= network.linkCount();
    }

    /** The scenario these decisions belong to. */
    public Scenario scenario() {
        return scenario;
    }

    private void stockpile(Timeline.Builder b, Decision d, int effective) {
        // end buyers keep no stocks in the model
        if (d.demand() < 0 && d.stockpile() > 1 && d.announced().isBefore(d.from())) {
            int announced = period(d.announced());
            if (announced < effective) {
                b.stockpile(network.linkSlot(d.link()), announced, effective, d.stockpile());
            }
        }
    }

}
