package org.chokepoint.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.chokepoint.engine.CompiledNetwork;
import org.chokepoint.engine.Parameters;
import org.chokepoint.engine.Recorder;
import org.chokepoint.engine.RunState;
import org.chokepoint.engine.Simulation;
import org.chokepoint.engine.Timeline;

/**
 * Which supplier's loss hurts most: every site is knocked out in turn for its time to recover
 * (TTR) and the value of end items not delivered is counted — the time-to-recover analysis of
 * Simchi-Levi, Schmidt and Wei (2014). Two ways:
 * <ul>
 *   <li><b>simulation</b>: the engine, with the site's capacity at zero for the first TTR periods
 *       of a run without measures, over a horizon long enough for stocks and pipelines to refill;
 *       one run per site, in parallel, on the shared compiled network;</li>
 *   <li><b>linear program</b> (small networks): over the TTR window, choose production x_s and
 *       shipments y_l to minimise the value of demand lost, Σ price_j · lost_j, subject to
 *       capacity (zero at the disrupted site), each input's use within its stock plus what was in
 *       transit plus what is shipped to it, each site shipping no more than it makes, and
 *       lost_j ≥ demand_j · TTR − delivered_j. Solved with Commons Math's simplex.</li>
 * </ul>
 * The two differ by design: the program lets any supplier with spare capacity take over at once
 * and ignores lead times inside the window; the simulation keeps each customer's shares (the
 * engine reroutes around policy blocks, not outages) and has goods arrive after their lead times.
 * On single-sourced networks they rank sites alike (a test). Time to survive (TTS) is the longest
 * outage with no loss, found by bisection on either method.
 */
public final class Criticality {

    private Criticality() {}

    /**
     * @param lostValue value of end items not delivered because of the outage, USD
     * @param index lost value relative to the worst site's (the risk-exposure index, 0 to 1)
     * @param timeToSurvive longest outage with no loss, in periods (-1 when not computed)
     */
    public record Impact(String site, String firm, String item, double lostValue, double index, int timeToSurvive) {}

    /**
     * Knock-out simulation of every site that supplies some other site, TTR periods each.
     *
     * @param horizon periods simulated per knock-out (TTR plus time for stock to refill)
     * @param survive also find each site's time to survive (a bisection: about log2(horizon) runs more per site)
     */
    public static List<Impact> simulate(CompiledNetwork c, Parameters p, int ttr, int horizon, boolean survive, int threads,
                                        IntConsumer progress) {
        Simulation sim = new Simulation(c, p);
        double base = lostValue(sim, Timeline.NONE, horizon, sim.newState());
        List<Integer> suppliers = suppliers(c);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "chokepoint-knockout");
            t.setDaemon(true);
            return t;
        });
        ThreadLocal<RunState> states = ThreadLocal.withInitial(sim::newState);
        try {
            List<Future<double[]>> futures = new ArrayList<>();
            for (int site : suppliers) {
                futures.add(pool.submit(() -> {
                    RunState st = states.get();
                    double lost = lostValue(sim, outage(c, site, ttr), horizon, st) - base;
                    int tts = -1;
                    if (survive) {
                        tts = survive(t -> lostValue(sim, outage(c, site, t), Math.max(horizon, t + horizon - ttr), st) - base,
                                horizon);
                    }
                    return new double[] {site, Math.max(0, lost), tts};
                }));
            }
            List<double[]> results = new ArrayList<>();
            int done = 0;
            for (Future<double[]> f : futures) {
                results.add(Futures.get(f));
                progress.accept(++done);
            }
            return rank(c, results);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Sites that ship to another site: the ones whose loss can spread. */
    static List<Integer> suppliers(CompiledNetwork c) {
        java.util.TreeSet<Integer> set = new java.util.TreeSet<>();
        for (int l = 0; l < c.linkCount(); l++) {
            set.add(c.linkFrom(l));
        }
        return List.copyOf(set);
    }

    private static Timeline outage(CompiledNetwork c, int site, int periods) {
        return Timeline.builder(c).capacity(site, 0, periods, 0).build();
    }

    /** Value of final demand not delivered over the horizon. */
    private static double lostValue(Simulation sim, Timeline t, int horizon, RunState st) {
        CompiledNetwork c = sim.network();
        double[] lost = new double[1];
        sim.run(t, horizon, st, new Recorder() {
            @Override
            public void period(int p, RunState s) {
                for (int j = 0; j < c.demandCount(); j++) {
                    lost[0] += s.shortfall(j) * c.demandPrice(j);
                }
            }
        });
        return lost[0];
    }

    /** The largest outage length in [0, max] with no loss (loss rises with length): bisection. */
    static int survive(java.util.function.IntToDoubleFunction loss, int max) {
        double tol = 1e-6;
        if (loss.applyAsDouble(max) <= tol) {
            return max;
        }
        int lo = 0;
        int hi = max;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (loss.applyAsDouble(mid) <= tol) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    static List<Impact> rank(CompiledNetwork c, List<double[]> results) {
        double worst = 0;
        for (double[] r : results) {
            worst = Math.max(worst, r[1]);
        }
        List<Impact> out = new ArrayList<>();
        for (double[] r : results) {
            int s = (int) r[0];
            out.add(new Impact(c.siteId(s), c.firmOf(s), c.network().site(c.siteId(s)).makes(), r[1],
                    worst > 0 ? r[1] / worst : 0, (int) r[2]));
        }
        // Equal losses: the site that holds out for less time is the more critical; then by id, to be the same every time.
        out.sort(Comparator.comparingDouble((Impact i) -> -i.lostValue())
                .thenComparingInt(i -> i.timeToSurvive() < 0 ? Integer.MAX_VALUE : i.timeToSurvive())
                .thenComparing(Impact::site));
        return List.copyOf(out);
    }

    // ---- the linear program ------------------------------------------------------------------

    /** The program's ranking of every supplier site for an outage of {@code ttr} periods. */
    public static List<Impact> linearProgram(CompiledNetwork c, int ttr, boolean survive) {
        List<double[]> results = new ArrayList<>();
        for (int site : suppliers(c)) {
            double lost = lpLoss(c, site, ttr);
            int tts = survive ? survive(t -> lpLoss(c, site, t), Math.max(ttr, 1) * 8) : -1;
            results.add(new double[] {site, lost, tts});
        }
        return rank(c, results);
    }

    /**
     * Minimum value of demand lost when {@code down} makes nothing for {@code periods}. Variables:
     * x_s (production over the window), y_l (shipments on supply links), u_j (demand lost).
     */
    static double lpLoss(CompiledNetwork c, int down, int periods) {
        if (periods <= 0) {
            return 0;
        }
        int n = c.siteCount();
        int links = c.linkCount();
        int demand = c.demandCount();
        int vars = n + links + demand;
        List<LinearConstraint> cons = new ArrayList<>();
        double[] objective = new double[vars];
        for (int j = 0; j < demand; j++) {
            objective[n + links + j] = c.demandPrice(j);
        }
        for (int s = 0; s < n; s++) {
            // capacity
            double[] row = new double[vars];
            row[s] = 1;
            cons.add(new LinearConstraint(row, Relationship.LEQ, s == down ? 0 : c.capacity(s) * periods));
            // each input: use ≤ stock + in transit at the start + shipped in the window
            for (int k = c.slotStart(s); k < c.slotEnd(s); k++) {
                double[] in = new double[vars];
                in[s] = c.slotQuantity(k);
                double have = c.slotCover(k) * c.slotQuantity(k) * c.baseOutput(s);
                for (int l : c.slotLinks(k)) {
                    in[n + l] = -1;
                    have += c.linkLead(l) * c.baseFlow(l);
                }
                cons.add(new LinearConstraint(in, Relationship.LEQ, have));
            }
            // shipments and final demand served come out of production
            double[] out = new double[vars];
            out[s] = -1;
            double served = 0;
            for (int l = 0; l < links; l++) {
                if (c.linkFrom(l) == s) {
                    out[n + l] = 1;
                }
            }
            for (int j = 0; j < demand; j++) {
                if (c.demandSite(j) == s) {
                    out[n + links + j] = -1; // delivered = demand − lost
                    served += c.demandQuantity(j) * periods;
                }
            }
            cons.add(new LinearConstraint(out, Relationship.LEQ, -served));
        }
        for (int j = 0; j < demand; j++) {
            double[] cap = new double[vars];
            cap[n + links + j] = 1;
            cons.add(new LinearConstraint(cap, Relationship.LEQ, c.demandQuantity(j) * periods));
        }
        PointValuePair best = new SimplexSolver().optimize(new MaxIter(100_000), new LinearObjectiveFunction(objective, 0),
                new LinearConstraintSet(cons), GoalType.MINIMIZE, new NonNegativeConstraint(true));
        return Math.max(0, best.getValue());
    }
}
