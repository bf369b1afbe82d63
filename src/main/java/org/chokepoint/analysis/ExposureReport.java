package org.chokepoint.analysis;

import java.util.List;
import java.util.function.IntConsumer;
import org.chokepoint.engine.CompiledNetwork;
import org.chokepoint.engine.Parameters;
import org.chokepoint.model.Scenario;
import org.chokepoint.policy.PolicyDecisions;

/**
 * The static picture of a scenario's network before any simulation of the measures: control
 * exposure, where the network has no second way, and which supplier's outage hurts most.
 *
 * @param exposure each end item's exposure to each measure
 * @param risk single sources, single points of failure, minimum cuts, concentration (empty lists
 *     above {@link #RISK_LIMIT} sites)
 * @param criticality suppliers ranked by the knock-out simulation
 * @param program the same ranked by the linear program (empty above {@link #LP_LIMIT} sites)
 * @param recovery the outage length, in periods
 * @param horizon periods simulated per knock-out
 */
public record ExposureReport(List<Exposure.Row> exposure, SupplyRisk.Result risk, List<Criticality.Impact> criticality,
                             List<Criticality.Impact> program, int recovery, int horizon) {

    /** Networks above this many sites skip the single-point search (one fixpoint per site). */
    public static final int RISK_LIMIT = 3000;
    /** Networks above this many sites skip the linear program. */
    public static final int LP_LIMIT = 150;

    /**
     * @param recovery periods each supplier is down
     * @param horizon periods per knock-out run; 0: enough for stocks and pipelines to refill
     *     (recovery + twice the longest lead time and the longest cover, + 8)
     * @param survive also find each supplier's time to survive
     */
    public static ExposureReport of(Scenario s, Parameters p, int recovery, int horizon, boolean survive, int threads,
                                    IntConsumer progress) {
        CompiledNetwork c = CompiledNetwork.of(s.network(), s.step());
        PolicyDecisions decisions = org.chokepoint.policy.PolicyEvaluator.evaluate(s, c);
        int h = horizon > 0 ? horizon : defaultHorizon(c, recovery);
        SupplyRisk.Result risk = c.siteCount() <= RISK_LIMIT ? SupplyRisk.of(c)
                : new SupplyRisk.Result(SupplyRisk.singleSources(c), List.of(), SupplyRisk.concentration(c));
        List<Criticality.Impact> sim = Criticality.simulate(c, p, recovery, h, survive, threads, progress);
        List<Criticality.Impact> lp = c.siteCount() <= LP_LIMIT ? Criticality.linearProgram(c, recovery, survive) : List.of();
        return new ExposureReport(Exposure.of(c, decisions), risk, sim, lp, recovery, h);
    }

    static int defaultHorizon(CompiledNetwork c, int recovery) {
        double cover = 0;
        for (int k = 0; k < c.slotCount(); k++) {
            cover = Math.max(cover, c.slotCover(k));
        }
        return recovery + 2 * (c.maxLead() + (int) Math.ceil(cover)) + 8;
    }

    /** Suppliers the knock-out ranking covers: those shipping to another site. */
    public static int suppliers(CompiledNetwork c) {
        return Criticality.suppliers(c).size();
    }
}
