package org.chokepoint.analysis;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.chokepoint.engine.CompiledNetwork;
import org.chokepoint.engine.Recorder;
import org.chokepoint.engine.RunState;
import org.chokepoint.engine.Simulation;
import org.chokepoint.model.Demand;
import org.chokepoint.policy.Escalation;
import org.chokepoint.policy.MetricTrigger;
import org.chokepoint.policy.PolicyDecisions;

/**
 * One run of a scenario with its measures. Escalations set off by a metric are handled exactly
 * without the loop knowing about policy: a response starts after the period its condition is first
 * met, so it cannot change anything before; run, find the earliest condition met, add that response
 * from the next period (plus its lag), run again — once per escalation that fires.
 */
public final class PolicyRun {

    private PolicyRun() {}

    /**
     * Runs {@code decisions}' scenario as run {@code run} of its seed; {@code recorder} sees the
     * final pass. Returns the day each metric-triggered escalation fired, by escalation id.
     */
    public static Map<String, LocalDate> run(Simulation sim, PolicyDecisions decisions, int run, RunState state,
                                             Recorder recorder) {
        var scenario = decisions.scenario();
        Map<String, LocalDate> fired = new HashMap<>();
        while (true) {
            PolicyDecisions.Sampled s = decisions.sample(Streams.forRun(scenario.seed(), run), fired);
            if (s.armed().isEmpty()) {
                sim.run(s.timeline(), scenario.periods(), state, recorder);
                return fired;
            }
            Watch watch = new Watch(sim.network(), s.armed());
            sim.run(s.timeline(), scenario.periods(), state, Recorder.both(recorder, watch));
            if (watch.firstPeriod < 0 || watch.firstPeriod + 1 >= scenario.periods()) {
                return fired; // nothing more fires within the run; the recorder saw this pass
            }
            fired.put(watch.first.id(), scenario.dateOf(watch.firstPeriod + 1));
        }
    }

    /** Watches the armed escalations' conditions and keeps the earliest met (ties: file order). */
    private static final class Watch implements Recorder {
        private final CompiledNetwork n;
        private final List<Escalation> armed;
        private final List<int[]> demandOf = new ArrayList<>();
        private final int[] siteOf;
        Escalation first;
        int firstPeriod = -1;

        Watch(CompiledNetwork n, List<Escalation> armed) {
            this.n = n;
            this.armed = armed;
            siteOf = new int[armed.size()];
            for (int i = 0; i < armed.size(); i++) {
                MetricTrigger m = armed.get(i).when();
                List<Integer> js = new ArrayList<>();
                if (m.metric() == MetricTrigger.Metric.SHORTFALL) {
                    for (int j = 0; j < n.demandCount(); j++) {
                        Demand d = n.demand(j);
                        if (d.item().equals(m.subject()) && (m.market() == null || d.market().equals(m.market()))) {
                            js.add(j);
                        }
                    }
                } else {
                    siteOf[i] = n.site(m.subject());
                }
                demandOf.add(js.stream().mapToInt(Integer::intValue).toArray());
            }
        }

        @Override
        public void period(int t, RunState s) {
            if (firstPeriod >= 0) {
                return;
            }
            for (int i = 0; i < armed.size(); i++) {
                MetricTrigger m = armed.get(i).when();
                boolean met;
                if (m.metric() == MetricTrigger.Metric.SHORTFALL) {
                    double demanded = 0;
                    double short_ = 0;
                    for (int j : demandOf.get(i)) {
                        demanded += s.demanded(j);
                        short_ += s.shortfall(j);
                    }
                    met = demanded > 0 && short_ / demanded > m.threshold();
                } else {
                    double base = n.baseOutput(siteOf[i]);
                    met = base > 0 && s.output(siteOf[i]) / base < m.threshold();
                }
                if (met) {
                    first = armed.get(i);
                    firstPeriod = t;
                    return;
                }
            }
        }
    }
}
