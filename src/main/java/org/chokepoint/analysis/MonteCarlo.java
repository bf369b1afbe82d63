package org.chokepoint.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Executors;
import java.util.function.IntConsumer;
import com.tdunning.math.stats.MergingDigest;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
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
 * folded in run order, block by block, so the bands are bit-identical for any number of threads
 * and memory does not grow with the number of runs (only the per-run totals are kept, one number
 * each).
 */
public final class MonteCarlo {

    /** For tests: take the full rebuild path even when patching would do. */
    static boolean REBUILD_ALWAYS = false;

    /**
     * Bands are exact while every run's value of every cell fits in this many numbers (128 MB): the
     * percentiles of all values, as {@link Result#totalPercentile} computes them. Beyond, one
     * t-digest per cell estimates them in bounded memory. A package knob so tests take both paths.
     */
    static long exactLimit = 1L << 24;

    /**
     * Compression of the bands' t-digests (Dunning's merging digest): at most about 2 × 50
     * centroids a cell, smallest at the tails where P5 and P95 are read; about 7 KB a cell
     * whatever the number of runs. Commons Math's P² estimator needed less memory (about 2.8 KB a
     * cell for three percentiles) but its updates took twice as long as the simulation itself, and
     * both misplace a percentile that falls where a cell's values jump (say from none short to a
     * whole line short): hence exact bands whenever they fit.
     */
    private static final double DIGEST_COMPRESSION = 50;
    /** Values buffered before a digest merges them: small, as there is one digest per cell. */
    private static final int DIGEST_BUFFER = 50;

    /** Runs per block: two blocks of results are held at most, whatever the number of runs. */
    private static final int BLOCK = 256;

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
     * @param markets the buyers' countries of the demand entries, sorted
     * @param byMarket shortfall value (USD) of each run by market: run r, market m at {@code r * markets.size() + m}
     * @param exactBands whether the bands are the exact percentiles of all runs' values (else t-digest estimates)
     * @param accounts every run's value added by country and firm and peak prices
     */
    public record Result(int runs, int periods, int demand, double[] percentiles, double[][] bands, double[] mean,
                         double[] totals, double[] totalUnits, List<String> markets, double[] byMarket, boolean exactBands,
                         Accounts accounts) {

        /** Every run's shortfall value in one market, in run order. */
        public double[] marketTotals(String market) {
            int m = markets.indexOf(market);
            if (m < 0) {
                throw new IllegalArgumentException("no demand in market " + market);
            }
            double[] out = new double[runs];
            for (int r = 0; r < runs; r++) {
                out[r] = byMarket[r * markets.size() + m];
            }
            return out;
        }


        public double band(int i, int t, int j) {
            return bands[i][t * demand + j];
        }

        /**
         * Percentile {@code p} of the run totals, {@code p} from 0 to 100 ({@code totalPercentile(50)}
         * is the median; {@code 0.5} would be the half-percentile): exact. See {@link #totalQuantile}
         * for a fraction.
         */
        public double totalPercentile(double p) {
            if (!(p > 0 && p <= 100)) {
                throw new IllegalArgumentException("a percentile is above 0 and at most 100 (" + p + "); for a fraction use totalQuantile");
            }
            return new Percentile(p).evaluate(totals); // works on its own copy
        }

        /** Quantile {@code q} of the run totals, {@code q} a fraction above 0 and at most 1: {@code totalQuantile(0.5)} is the median. */
        public double totalQuantile(double q) {
            if (!(q > 0 && q <= 1)) {
                throw new IllegalArgumentException("a quantile is a fraction above 0 and at most 1 (" + q + ")");
            }
            return totalPercentile(100 * q);
        }

        public double totalMean() {
            double s = 0;
            for (double x : totals) {
                s += x;
            }
            return s / totals.length;
        }
    }

    /**
     * Per run: value added over the run (USD) by country of the firms and by firm, and the highest
     * price index (1: the baseline price) each priced item reaches in each market. Memory: 8 × runs ×
     * (countries + firms + item-markets) bytes.
     *
     * @param keys the countries, then the firms, then {@code item@market} cells
     * @param values run r, key k at {@code r * keys.size() + k}
     * @param probes the scenario's observed series, bound
     * @param observed every run's buckets of every observed series: run r, series i, bucket b at
     *     {@code r * width + offset(i) + b} (day-weighted sums for levels: see {@link #observedPercentile})
     */
    public record Accounts(List<String> countries, List<String> firms, List<String> cells, List<String> keys, double[] values,
                           List<Backtests.Probe> probes, double[] observed) {

        /** Percentile {@code p} (0-100) across runs of observed series {@code i}, bucket by bucket. */
        public double[] observedPercentile(int i, double p) {
            int[] at = Backtests.offsets(probes);
            int width = at[probes.size()];
            int runs = observed.length / width;
            double[] out = new double[at[i + 1] - at[i]];
            double[] column = new double[runs];
            Percentile percentile = new Percentile(p);
            for (int b = 0; b < out.length; b++) {
                for (int r = 0; r < runs; r++) {
                    column[r] = observed[r * width + at[i] + b];
                }
                out[b] = percentile.evaluate(column);
            }
            probes.get(i).finish(out, 0);
            return out;
        }

        /** Every run's value for one key, in run order, or null if there is no such key. */
        public double[] of(String key) {
            int k = keys.indexOf(key);
            if (k < 0) {
                return null;
            }
            int runs = values.length / keys.size();
            double[] out = new double[runs];
            for (int r = 0; r < runs; r++) {
                out[r] = values[r * keys.size() + k];
            }
            return out;
        }
    }

    /** What one run adds to its accounts row, period by period: value added by country and firm, peak prices. */
    private static final class Books {
        final int[] siteCountry;
        final int[] siteFirm;
        final int countries;
        final int firms;
        /** Per priced cell: its item and market. */
        final int[] cellItem;
        final int[] cellMarket;
        final List<String> keys = new ArrayList<>();
        final List<String> countryIds;
        final List<String> firmIds;
        final List<String> cellIds = new ArrayList<>();
        final List<Backtests.Probe> probes;
        final int[] probeAt;
        /** Per site that changes owner, per period: its firm's and its country's index; null for the others. */
        final int[][] firmAt;
        final int[][] countryAt;

        Books(Scenario scenario, CompiledNetwork c, Simulation sim) {
            var net = scenario.network();
            countryIds = new ArrayList<>(new java.util.TreeSet<>(net.firms().stream().map(org.chokepoint.model.Firm::country).toList()));
            firmIds = new ArrayList<>(new java.util.TreeSet<>(net.firms().stream().map(org.chokepoint.model.Firm::id).toList()));
            siteCountry = new int[c.siteCount()];
            siteFirm = new int[c.siteCount()];
            for (int s = 0; s < c.siteCount(); s++) {
                siteFirm[s] = firmIds.indexOf(c.firmOf(s));
                siteCountry[s] = countryIds.indexOf(net.firm(c.firmOf(s)).country());
            }
            countries = countryIds.size();
            firms = firmIds.size();
            firmAt = new int[c.siteCount()][];
            countryAt = new int[c.siteCount()][];
            for (int s = 0; s < c.siteCount(); s++) {
                if (c.changesOwner(s)) {
                    firmAt[s] = new int[scenario.periods()];
                    countryAt[s] = new int[scenario.periods()];
                    for (int t = 0; t < scenario.periods(); t++) {
                        String owner = c.firmOn(s, RunSummary.lastDay(scenario.start(), scenario.step(), t));
                        firmAt[s][t] = firmIds.indexOf(owner);
                        countryAt[s][t] = countryIds.indexOf(net.firm(owner).country());
                    }
                }
            }
            List<int[]> cells = new ArrayList<>();
            var rule = sim.priceRule();
            if (rule != null) {
                RunState probe = sim.newState();
                for (int i = 0; i < c.itemCount(); i++) {
                    for (int m = 0; m < rule.markets().size(); m++) {
                        if (probe.priced(i, m)) {
                            cells.add(new int[] {i, m});
                            cellIds.add(c.itemId(i) + "@" + rule.markets().get(m));
                        }
                    }
                }
            }
            cellItem = cells.stream().mapToInt(x -> x[0]).toArray();
            cellMarket = cells.stream().mapToInt(x -> x[1]).toArray();
            keys.addAll(countryIds);
            keys.addAll(firmIds);
            keys.addAll(cellIds);
            probes = Backtests.probes(scenario, c);
            probeAt = Backtests.offsets(probes);
        }

        /** Numbers of the observed series' buckets in a run. */
        int observedWidth() {
            return probeAt[probes.size()];
        }

        int width() {
            return keys.size();
        }

        void start(double[] row, double[] observed) {
            java.util.Arrays.fill(row, 0);
            java.util.Arrays.fill(observed, 0);
        }

        void period(RunState s, double[] row, double[] observed) {
            Backtests.addAll(probes, probeAt, s, observed);
            int t = s.period();
            for (int site = 0; site < siteCountry.length; site++) {
                double va = s.valueAdded(site);
                boolean moves = firmAt[site] != null;
                row[moves ? countryAt[site][t] : siteCountry[site]] += va;
                row[countries + (moves ? firmAt[site][t] : siteFirm[site])] += va;
            }
            for (int k = 0; k < cellItem.length; k++) {
                double index = s.priceIndex(cellItem[k], cellMarket[k]);
                int at = countries + firms + k;
                row[at] = Math.max(row[at], index);
            }
        }
    }

    /** Runs the scenario {@code runs} times on {@code threads} threads; {@code progress} hears each run done. */
    public static Result run(Scenario scenario, Parameters parameters, int runs, int threads, double[] percentiles,
                             IntConsumer progress) {
        return run(scenario, parameters, 0, runs, threads, percentiles, progress);
    }

    /**
     * Runs {@code firstRun} to {@code firstRun + runs - 1} of the scenario's Monte Carlo: each run
     * draws from its own stream (the seed and its index), so the runs of a study split into blocks,
     * run anywhere, are the runs of the whole study; the result's per-run arrays are the block's.
     */
    public static Result run(Scenario scenario, Parameters parameters, int firstRun, int runs, int threads, double[] percentiles,
                             IntConsumer progress) {
        if (runs < 1 || threads < 1 || firstRun < 0) {
            throw new IllegalArgumentException("runs and threads must be at least 1, the first run at least 0");
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
        List<String> markets = new ArrayList<>(new java.util.TreeSet<>(scenario.network().demand().stream()
                .map(org.chokepoint.model.Demand::market).toList()));
        int[] marketOf = new int[demand];
        for (int j = 0; j < demand; j++) {
            price[j] = c.demandPrice(j);
            marketOf[j] = markets.indexOf(c.demand(j).market());
        }
        double[] byMarket = new double[runs * markets.size()];
        // Every run's value of every cell while they fit, else one t-digest per cell (bounded memory).
        boolean exact = (long) cells * runs <= exactLimit;
        double[][] values = exact ? new double[cells][runs] : null;
        MergingDigest[] digests = exact ? null : new MergingDigest[cells];
        for (int k = 0; !exact && k < cells; k++) {
            digests[k] = new MergingDigest(DIGEST_COMPRESSION, DIGEST_BUFFER);
        }
        double[] sum = new double[cells];
        double[] totals = new double[runs];
        double[] totalUnits = new double[runs];
        Books books = new Books(scenario, c, sim);
        double[] accounts = new double[runs * books.width()];
        double[] observed = new double[runs * books.observedWidth()];
        ThreadLocal<RunState> states = ThreadLocal.withInitial(sim::newState);
        // Runs go in blocks. While block i+1 simulates, block i is folded by one task per stripe of
        // cells, each folding the block's runs in run order; block i+1's folds start only after block
        // i's are done. Every estimator so sees runs in order, whatever the threads did, the fold is
        // spread over the workers, and at most two blocks of results are held.
        int stripes = Math.max(1, Math.min(threads * 2, cells / 16));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "chokepoint-run");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<double[]>> current = submitBlock(pool, firstRun, 0, Math.min(runs, BLOCK), scenario, parameters, sim, decisions,
                    uncertain, draws, states, cells, demand, totals, totalUnits, price, marketOf, byMarket, markets.size(), books, accounts,
                    observed);
            for (int start = 0; start < runs; start += BLOCK) {
                int end = Math.min(runs, start + BLOCK);
                List<Future<double[]>> next = end < runs
                        ? submitBlock(pool, firstRun, end, Math.min(runs, end + BLOCK), scenario, parameters, sim, decisions, uncertain,
                                draws, states, cells, demand, totals, totalUnits, price, marketOf, byMarket, markets.size(), books,
                                accounts, observed)
                        : List.of();
                List<double[]> block = new ArrayList<>();
                for (Future<double[]> f : current) {
                    block.add(Futures.get(f));
                }
                List<Future<?>> folds = new ArrayList<>();
                for (int k = 0; k < stripes; k++) {
                    int from = (int) ((long) cells * k / stripes);
                    int to = (int) ((long) cells * (k + 1) / stripes);
                    final int first = start;
                    folds.add(pool.submit(() -> {
                        for (int b = 0; b < block.size(); b++) {
                            double[] shortfall = block.get(b);
                            for (int cell = from; cell < to; cell++) {
                                double x = shortfall[cell];
                                if (exact) {
                                    values[cell][first + b] = x;
                                } else {
                                    digests[cell].add(x);
                                }
                                sum[cell] += x;
                            }
                        }
                    }));
                }
                for (Future<?> f : folds) {
                    Futures.get(f);
                }
                for (int r = start; r < end; r++) {
                    progress.accept(r + 1);
                }
                current = next;
            }
        } finally {
            pool.shutdownNow();
        }
        double[][] bands = new double[percentiles.length][cells];
        Percentile percentile = new Percentile();
        for (int k = 0; k < cells; k++) {
            if (exact) {
                percentile.setData(values[k]);
                values[k] = null;
            }
            for (int i = 0; i < percentiles.length; i++) {
                bands[i][k] = exact ? percentile.evaluate(percentiles[i]) : digests[k].quantile(percentiles[i] / 100);
            }
        }
        double[] mean = new double[cells];
        for (int k = 0; k < cells; k++) {
            mean[k] = sum[k] / runs;
        }
        return new Result(runs, periods, demand, percentiles.clone(), bands, mean, totals, totalUnits, List.copyOf(markets), byMarket, exact,
                new Accounts(List.copyOf(books.countryIds), List.copyOf(books.firmIds), List.copyOf(books.cellIds), List.copyOf(books.keys),
                        accounts, books.probes, observed));
    }

    private static List<Future<double[]>> submitBlock(ExecutorService pool, int firstRun, int from, int to, Scenario scenario,
                                                     Parameters parameters,
                                                     Simulation sim, PolicyDecisions decisions, List<Uncertainty.Parameter> uncertain,
                                                     List<java.util.function.DoubleUnaryOperator> draws, ThreadLocal<RunState> states,
                                                     int cells, int demand, double[] totals, double[] totalUnits, double[] price,
                                                     int[] marketOf, double[] byMarket, int marketCount, Books books,
                                                     double[] accounts, double[] observed) {
        List<Future<double[]>> out = new ArrayList<>();
        for (int r = from; r < to; r++) {
            final int run = r;
            out.add(pool.submit(() -> {
                double[] row = new double[books.width()];
                double[] seen = new double[books.observedWidth()];
                double[] shortfall = simulateOne(scenario, parameters, sim, decisions, uncertain, draws, states, firstRun + run, cells, demand,
                        books, row, seen);
                System.arraycopy(row, 0, accounts, run * books.width(), row.length);
                System.arraycopy(seen, 0, observed, run * seen.length, seen.length);
                double value = 0;
                double units = 0;
                for (int k = 0; k < cells; k++) {
                    double v = shortfall[k] * price[k % demand];
                    value += v;
                    units += shortfall[k];
                    byMarket[run * marketCount + marketOf[k % demand]] += v;
                }
                totals[run] = value; // each run its own slot: order does not matter
                totalUnits[run] = units;
                return shortfall;
            }));
        }
        return out;
    }

    /**
     * What run {@code run} draws for each uncertain parameter, in file order: one uniform number
     * per parameter from the run's own stream, through the parameter's distribution. The runs and
     * {@code totals.csv} read the same numbers from here.
     */
    public static double[] draws(Scenario scenario, int run) {
        List<java.util.function.DoubleUnaryOperator> of = new ArrayList<>();
        for (Uncertainty.Parameter p : scenario.uncertainty().parameters()) {
            of.add(Distributions.of(p));
        }
        return drawn(scenario, run, of).values().stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static java.util.Map<String, Double> drawn(Scenario scenario, int run, List<java.util.function.DoubleUnaryOperator> draws) {
        var rng = Streams.forParameters(scenario.seed(), run);
        List<Uncertainty.Parameter> uncertain = scenario.uncertainty().parameters();
        java.util.Map<String, Double> values = new java.util.LinkedHashMap<>();
        for (int i = 0; i < uncertain.size(); i++) {
            values.put(uncertain.get(i).path(), draws.get(i).applyAsDouble(rng.nextDouble()));
        }
        return values;
    }

    /** One run's shortfall per demand entry and period, with its own draws. */
    private static double[] simulateOne(Scenario scenario, Parameters parameters, Simulation sim, PolicyDecisions decisions,
                                        List<Uncertainty.Parameter> uncertain, List<java.util.function.DoubleUnaryOperator> draws,
                                        ThreadLocal<RunState> states, int run, int cells, int demand, Books books, double[] row,
                                        double[] seen) {
        double[] shortfall = new double[cells];
        Recorder rec = new Recorder() {
            @Override
            public void start(CompiledNetwork n, int p) {
                java.util.Arrays.fill(shortfall, 0);
                books.start(row, seen);
            }

            @Override
            public void period(int t, RunState s) {
                for (int j = 0; j < demand; j++) {
                    double x = s.shortfall(j);
                    if (!Double.isFinite(x)) {
                        throw new org.chokepoint.engine.NumericalFailure("run " + run + ": the shortfall of " + sim.network().demand(j).item()
                                + " @ " + sim.network().demand(j).market(), t);
                    }
                    shortfall[t * demand + j] = x;
                }
                books.period(s, row, seen);
            }
        };
        if (uncertain.isEmpty()) {
            PolicyRun.run(sim, decisions, run, states.get(), rec);
            return shortfall;
        }
        java.util.Map<String, Double> values = drawn(scenario, run, draws);
        if (values.keySet().stream().allMatch(ParameterPaths::runtimeOnly) && !REBUILD_ALWAYS) {
            // Only capacities, covers and license policies: patch the compiled network and the decisions.
            CompiledNetwork base = sim.network();
            java.util.Map<Integer, Double> cover = new java.util.HashMap<>();
            java.util.Map<Integer, Double> capacity = new java.util.HashMap<>();
            java.util.Map<String, Double> license = new java.util.LinkedHashMap<>();
            for (var e : values.entrySet()) {
                String[] part = e.getKey().split("\\.", 4);
                if (part[0].equals("sites") && part[2].equals("capacity")) {
                    capacity.put(base.site(part[1]), e.getValue());
                } else if (part[0].equals("sites")) {
                    cover.put(base.slot(part[1], e.getKey().substring(("sites." + part[1] + ".stock.").length())), e.getValue());
                } else {
                    license.put(e.getKey(), e.getValue());
                }
            }
            java.util.Map<String, org.chokepoint.policy.LicensePolicy> licenses = new java.util.HashMap<>();
            if (!license.isEmpty()) {
                for (var m : ParameterPaths.apply(scenario, license).measures()) {
                    org.chokepoint.policy.LicensePolicy lp = m instanceof org.chokepoint.policy.EntityListing x ? x.license()
                            : m instanceof org.chokepoint.policy.CountryControl x ? x.license()
                            : m instanceof org.chokepoint.policy.ExportRestriction x ? x.license() : null;
                    if (lp != null) {
                        licenses.put(m.id(), lp);
                    }
                }
            }
            CompiledNetwork patched = base.withOverrides(cover, capacity);
            Simulation ps = new Simulation(patched, parameters);
            // The thread's state serves the patched copy too: same shape, reset for the run.
            PolicyRun.run(ps, decisions.on(patched).withLicenses(licenses), run, states.get(), rec);
            return shortfall;
        }
        // Otherwise this run's own scenario: the network or the measures change.
        Scenario drawn = ParameterPaths.apply(scenario, values);
        CompiledNetwork dc = CompiledNetwork.of(drawn.network(), drawn.step());
        Parameters drawnParameters = values.keySet().stream().anyMatch(ParameterPaths::behaviour)
                ? Parameters.of(drawn).withChecked(parameters.checked()) : parameters;
        Simulation ds = new Simulation(dc, drawnParameters);
        PolicyRun.run(ds, PolicyEvaluator.evaluate(drawn, dc), run, ds.newState(), rec);
        return shortfall;
    }
}
