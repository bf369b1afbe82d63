package org.chokepoint.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntConsumer;
import org.apache.commons.math3.stat.descriptive.rank.PSquarePercentile;
import org.chokepoint.engine.CompiledNetwork;
import org.chokepoint.engine.Parameters;
import org.chokepoint.engine.Recorder;
import org.chokepoint.engine.RunState;
import org.chokepoint.engine.Simulation;
import org.chokepoint.model.Scenario;
import org.chokepoint.model.Uncertainty;
import org.chokepoint.policy.PolicyDecisions;
import org.chokepoint.policy.PolicyEvaluator;

/**
 * Many runs of one scenario under its uncertain inputs (license approvals, escalations), in
 * parallel. Run {@code r} draws from its own stream ({@link Streams#forRun}) and results are
 * folded in run order, through a bounded window, so the bands are bit-identical for any number of threads
 * and memory does not grow with the number of runs (only the per-run totals are kept, one number
 * each).
 */
public final class MonteCarlo {

    /** Runs in flight ahead of the fold: bounds memory whatever the number of runs. */
    private static final int WINDOW = 256;

    private MonteCarlo() {}

    /**
     * Bands of the shortfall of each demand entry in each period, across runs, and the total
     * shortfall value of every run. Arrays are period-major: entry j at period t is at
     * {@code t * demand + j}.
     *
     * @param percentiles the percentiles of the bands, e.g. {5, 50, 95}
     * @param bands {@code bands[i]} holds percentile {@code percentiles[i]} of each cell
     * @param mean the mean of each cell
     * @param totals total shortfall value (USD) of each run, in run order
     * @param totalUnits total shortfall in units of each run (all end items together)
     */
    public record Result(int runs, int periods, int demand, double[] percentiles, double[][] bands, double[] mean,
                         double[] totals, double[] totalUnits) {

        public double band(int i, int t, int j) {
            return bands[i][t * demand + j];
        }

        /** Percentile {@code p} (0-100) of the run totals, by sorting them: exact. */
        public double totalPercentile(double p) {
            double[] sorted = totals.clone();
            java.util.Arrays.sort(sorted);
            return new org.apache.commons.math3.stat.descriptive.rank.Percentile(p).evaluate(sorted);
        }

        public double totalMean() {
            double s = 0;
            for (double x : totals) {
                s += x;
            }
            return s / totals.length;
        }
    }

    /** Runs the scenario {@code runs} times on {@code threads} threads; {@code progress} hears each run done. */
    public static Result run(Scenario scenario, Parameters parameters, int runs, int threads, double[] percentiles,
                             IntConsumer progress) {
        if (runs < 1 || threads < 1) {
            throw new IllegalArgumentException("runs and threads must be at least 1");
        }
        CompiledNetwork c = CompiledNetwork.of(scenario.network(), scenario.step());
        PolicyDecisions decisions = PolicyEvaluator.evaluate(scenario, c);
        Simulation sim = new Simulation(c, parameters);
        List<Uncertainty.Parameter> uncertain = scenario.uncertainty().parameters();
        List<java.util.function.DoubleUnaryOperator> draws = new ArrayList<>();
        for (Uncertainty.Parameter p : uncertain) {
            draws.add(Distributions.of(p));
        }
        int periods = scenario.periods();
        int demand = c.demandCount();
        int cells = periods * demand;
        double[] price = new double[demand];
        for (int j = 0; j < demand; j++) {
            price[j] = c.demandPrice(j);
        }
        PSquarePercentile[][] estimators = new PSquarePercentile[percentiles.length][cells];
        for (int i = 0; i < percentiles.length; i++) {
            for (int k = 0; k < cells; k++) {
                estimators[i][k] = new PSquarePercentile(percentiles[i]);
            }
        }
        double[] sum = new double[cells];
        double[] totals = new double[runs];
        double[] totalUnits = new double[runs];
        ThreadLocal<RunState> states = ThreadLocal.withInitial(sim::newState);
        // Results are folded in run order by whichever worker finishes the next run due (and any
        // finished ones after it), under a lock: the fold happens on the workers, one thread is
        // really one thread, and at most WINDOW runs wait in memory.
        double[][] done = new double[WINDOW][];
        java.util.concurrent.Semaphore slots = new java.util.concurrent.Semaphore(WINDOW);
        java.util.concurrent.CountDownLatch finished = new java.util.concurrent.CountDownLatch(runs);
        int[] next = {0};
        Throwable[] failure = {null};
        Runnable fold = () -> {
            synchronized (done) {
                while (next[0] < runs && done[next[0] % WINDOW] != null) {
                    int r = next[0];
                    double[] shortfall = done[r % WINDOW];
                    done[r % WINDOW] = null;
                    double value = 0;
                    double units = 0;
                    for (int k = 0; k < cells; k++) {
                        double x = shortfall[k];
                        for (PSquarePercentile[] e : estimators) {
                            e[k].increment(x);
                        }
                        sum[k] += x;
                        value += x * price[k % demand];
                        units += x;
                    }
                    totals[r] = value;
                    totalUnits[r] = units;
                    next[0] = r + 1;
                    progress.accept(r + 1);
                    slots.release();
                    finished.countDown();
                }
            }
        };
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "chokepoint-run");
            t.setDaemon(true);
            return t;
        });
        try {
            for (int r = 0; r < runs && failure[0] == null; r++) {
                slots.acquireUninterruptibly();
                final int run = r;
                pool.execute(() -> {
                    try {
                        double[] shortfall = simulateOne(scenario, parameters, sim, decisions, uncertain, draws, states, run, cells, demand);
                        synchronized (done) {
                            done[run % WINDOW] = shortfall;
                        }
                        fold.run();
                    } catch (Throwable e) {
                        synchronized (done) {
                            failure[0] = e;
                        }
                        while (finished.getCount() > 0) {
                            finished.countDown();
                        }
                        slots.release(WINDOW);
                    }
                });
            }
            try {
                finished.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            if (failure[0] instanceof RuntimeException re) {
                throw re;
            } else if (failure[0] != null) {
                throw new IllegalStateException(failure[0]);
            }
        } finally {
            pool.shutdownNow();
        }
        double[][] bands = new double[percentiles.length][cells];
        for (int i = 0; i < percentiles.length; i++) {
            for (int k = 0; k < cells; k++) {
                bands[i][k] = estimators[i][k].getResult();
            }
        }
        double[] mean = new double[cells];
        for (int k = 0; k < cells; k++) {
            mean[k] = sum[k] / runs;
        }
        return new Result(runs, periods, demand, percentiles.clone(), bands, mean, totals, totalUnits);
    }

    /** One run's shortfall per demand entry and period, with its own draws. */
    private static double[] simulateOne(Scenario scenario, Parameters parameters, Simulation sim, PolicyDecisions decisions,
                                        List<Uncertainty.Parameter> uncertain, List<java.util.function.DoubleUnaryOperator> draws,
                                        ThreadLocal<RunState> states, int run, int cells, int demand) {
        double[] shortfall = new double[cells];
        Recorder rec = new Recorder() {
            @Override
            public void start(CompiledNetwork n, int p) {
                java.util.Arrays.fill(shortfall, 0);
            }

            @Override
            public void period(int t, RunState s) {
                for (int j = 0; j < demand; j++) {
                    shortfall[t * demand + j] = s.shortfall(j);
                }
            }
        };
        if (uncertain.isEmpty()) {
            PolicyRun.run(sim, decisions, run, states.get(), rec);
        } else {
            // This run's values, then its own scenario: the network and measures change.
            var rng = Streams.forParameters(scenario.seed(), run);
            java.util.Map<String, Double> values = new java.util.LinkedHashMap<>();
            for (int i = 0; i < uncertain.size(); i++) {
                values.put(uncertain.get(i).path(), draws.get(i).applyAsDouble(rng.nextDouble()));
            }
            Scenario drawn = ParameterPaths.apply(scenario, values);
            CompiledNetwork dc = CompiledNetwork.of(drawn.network(), drawn.step());
            Simulation ds = new Simulation(dc, parameters);
            PolicyRun.run(ds, PolicyEvaluator.evaluate(drawn, dc), run, ds.newState(), rec);
        }
        return shortfall;
    }
}
