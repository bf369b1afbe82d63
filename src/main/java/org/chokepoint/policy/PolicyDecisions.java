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
     * One run's timeline. Draws, in a fixed order so a seed always gives the same run: one per
     * escalation (does it fire?), then one per license decision (is the license granted?).
     */
    public Timeline timeline(UniformRandomProvider rng) {
        Map<String, Boolean> fired = new HashMap<>();
        for (Escalation e : escalations) {
            fired.put(e.id(), rng.nextDouble() < e.probability());
        }
        // An escalation whose trigger is itself a response fires only if that response happened.
        Map<String, String> conditionOfResponse = new HashMap<>();
        for (Escalation e : escalations) {
            conditionOfResponse.put(e.response(), e.id());
        }
        for (Escalation e : escalations) {
            String upstream = conditionOfResponse.get(e.trigger());
            while (upstream != null) {
                if (!fired.get(upstream)) {
                    fired.put(e.id(), false);
                    break;
                }
                upstream = conditionOfResponse.get(escalationById(upstream).trigger());
            }
        }
        int end = scenario.periods();
        Timeline.Builder b = Timeline.builder(network);
        for (Decision d : decisions) {
            boolean active = d.condition() == null || fired.get(d.condition());
            if (d.effect() == Decision.Effect.LICENSE) {
                double draw = rng.nextDouble(); // drawn even when inactive, so other draws do not shift
                if (!active) {
                    continue;
                }
                int from = period(d.from());
                int to = d.to() == null ? end : Math.min(end, period(d.to()));
                if (from >= to) {
                    continue;
                }
                LicensePolicy lp = d.license();
                double leakMarkup = lp.leakage() > 0 ? lp.leakagePremium() : 0;
                if (draw < lp.approval()) {
                    int review = (int) Math.round(lp.review().inPeriods(scenario.step()));
                    int granted = Math.min(to, from + review);
                    b.restrict(d.link(), from, granted, lp.leakage(), 0, leakMarkup);
                    b.restrict(d.link(), granted, to, lp.approvedShare(), 0, 0);
                } else {
                    b.restrict(d.link(), from, to, lp.leakage(), 0, leakMarkup);
                }
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
            switch (d.effect()) {
                case BLOCK -> b.block(d.link(), from, to);
                case PARTIAL -> b.restrict(d.link(), from, to, d.factor(), 0, 0);
                case MARKUP -> b.restrict(d.link(), from, to, 1, 0, d.markup());
                case DEMAND -> b.demand(d.demand(), from, to, d.factor());
                default -> { }
            }
        }
        return b.build();
    }

    private void stockpile(Timeline.Builder b, Decision d, int effective) {
        if (d.stockpile() > 1 && d.announced().isBefore(d.from())) {
            int announced = period(d.announced());
            if (announced < effective) {
                int customerSite = network.linkCustomer(d.link());
                b.stockpile(network.slot(network.siteId(customerSite), d.item()), announced, effective, d.stockpile());
            }
        }
    }

    private Escalation escalationById(String id) {
        for (Escalation e : escalations) {
            if (e.id().equals(id)) {
                return e;
            }
        }
        throw new IllegalStateException(id);
    }
}
