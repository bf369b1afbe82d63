package org.chokepoint.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import org.apache.commons.math3.random.SobolSequenceGenerator;
import org.apache.commons.rng.UniformRandomProvider;
import org.chokepoint.engine.Parameters;
import org.chokepoint.model.Scenario;
import org.chokepoint.model.Uncertainty;

/**
 * A parameter sweep: the scenario at each point of a design, each point a Monte Carlo of
 * {@link #runs} runs with the same seed (common random numbers, so differences between points come
 * from the parameters, not from the draws).
 *
 * <pre>
 * SweepResult r = Sweep.of(scenario)
 *         .vary("measures.bis-2025-inspur.license.approval", 0, 1, 11)
 *         .vary("sites.inspur-ai-line.stock.gpu-hopper", 4, 12, 5)
 *         .runs(200).seed(42).run();
 * </pre>
 */
public final class Sweep {

    /** How points are chosen. */
    public enum Design {
        /** Every combination of every parameter's values. */
        GRID,
        /** {@code points} points, each parameter's range cut in {@code points} strata, one point per stratum. */
        LATIN_HYPERCUBE,
        /** {@code points} points of a Sobol low-discrepancy sequence. */
        SOBOL;

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * The metrics a sweep can keep, per point: mean and percentiles over its runs. Besides these,
     * {@code shortfall-value-XX} for each buyers' country XX of the scenario's final demand.
     * <ul>
     *   <li>{@code total-shortfall-value}: USD, end items not delivered valued at their prices;</li>
     *   <li>{@code fill-rate}: share of the value of final demand delivered (value-weighted, so
     *       units of unlike items are never added);</li>
     *   <li>{@code shortfall-value-XX}: USD, the shortfall value of buyers in country XX;</li>
     *   <li>{@code value-added-loss-K}: USD, the value added the firms of country K (an ISO code)
     *       or firm K (an id) lost over the run against the same point without the measures
     *       (negative: a gain);</li>
     *   <li>{@code peak-price-ITEM@MARKET}: the highest price of the item to buyers in the price
     *       market over the run, as a multiple of its baseline price (1: unchanged).</li>
     * </ul>
     */
    public static final List<String> METRICS = List.of("total-shortfall-value", "fill-rate");

    /** The prefix of the per-market metrics. */
    public static final String BY_MARKET = "shortfall-value-";
    /** The prefix of lost value added by country or firm. */
    public static final String VALUE_ADDED_LOSS = "value-added-loss-";
    /** The prefix of peak prices by item and market. */
    public static final String PEAK_PRICE = "peak-price-";

    /** Why a metric name is not one this scenario has, or null if it is. */
    public static String metricProblem(Scenario scenario, String metric) {
        if (METRICS.contains(metric)) {
            return null;
        }
        java.util.SortedSet<String> markets = new java.util.TreeSet<>();
        scenario.network().demand().forEach(d -> markets.add(d.market()));
        if (metric.startsWith(BY_MARKET) && markets.contains(metric.substring(BY_MARKET.length()))) {
            return null;
        }
        java.util.SortedSet<String> sides = new java.util.TreeSet<>();
        scenario.network().firms().forEach(f -> {
            sides.add(f.country());
            sides.add(f.id());
        });
        if (metric.startsWith(VALUE_ADDED_LOSS) && sides.contains(metric.substring(VALUE_ADDED_LOSS.length()))) {
            return null;
        }
        java.util.SortedSet<String> cells = pricedCells(scenario); // compiles the network: only past the cheap checks
        if (metric.startsWith(PEAK_PRICE) && cells.contains(metric.substring(PEAK_PRICE.length()))) {
            return null;
        }
        List<String> known = new ArrayList<>(METRICS);
        markets.forEach(m -> known.add(BY_MARKET + m));
        sides.forEach(k -> known.add(VALUE_ADDED_LOSS + k));
        cells.forEach(k -> known.add(PEAK_PRICE + k));
        if (metric.equals("total-shortfall")) {
            return "metric 'total-shortfall' was removed: it added units of unlike items; use total-shortfall-value or the"
                    + " value-weighted fill-rate";
        }
        return "unknown metric '" + metric + "'; allowed: " + String.join(", ", known) + "." + org.chokepoint.model.Names.didYouMean(metric, known);
    }

    /** The scenario's priced {@code item@market} cells (none with prices off), sorted. */
    static java.util.SortedSet<String> pricedCells(Scenario scenario) {
        java.util.SortedSet<String> out = new java.util.TreeSet<>();
        Parameters p = Parameters.of(scenario);
        if (p.prices() == null) {
            return out;
        }
        org.chokepoint.engine.CompiledNetwork c = org.chokepoint.engine.CompiledNetwork.of(scenario.network(), scenario.step());
        org.chokepoint.engine.RunState state = new org.chokepoint.engine.Simulation(c, p).newState();
        for (int i = 0; i < c.itemCount(); i++) {
            for (int m = 0; m < p.prices().markets().size(); m++) {
                if (state.priced(i, m)) {
                    out.add(c.itemId(i) + "@" + p.prices().markets().get(m));
                }
            }
        }
        return out;
    }

    /**
     * One varied parameter: a list of values, or (for Latin hypercube and Sobol designs) a
     * distribution to draw from; a range {@code from, to, steps} is a list of evenly spaced values.
     */
    public record Axis(String path, List<Double> values, Uncertainty.Parameter distribution) {

        public Axis {
            values = values == null ? List.of() : List.copyOf(values);
            if (values.isEmpty() && distribution == null) {
                throw new IllegalArgumentException(path + ": give values or a distribution");
            }
        }

        /** The value at u in [0, 1): the u-quantile of the distribution, or the value in that share of the list. */
        double at(double u) {
            if (distribution != null) {
                return Distributions.of(distribution).applyAsDouble(u);
            }
            return values.get(Math.min(values.size() - 1, (int) Math.floor(u * values.size())));
        }
    }

    private final Scenario scenario;
    private final List<Axis> axes = new ArrayList<>();
    private Design design = Design.GRID;
    private int points = 16;
    private int runs = 100;
    private long seed;
    private int threads = Runtime.getRuntime().availableProcessors();
    private Parameters parameters = Parameters.DEFAULT;
    private List<String> metrics = METRICS;
    private double[] percentiles = {5, 50, 95};

    private Sweep(Scenario scenario) {
        this.scenario = scenario;
        this.seed = scenario.seed();
        this.parameters = Parameters.of(scenario);
    }

    public static Sweep of(Scenario scenario) {
        return new Sweep(scenario);
    }

    /** Varies {@code path} over {@code steps} evenly spaced values from {@code from} to {@code to}. */
    public Sweep vary(String path, double from, double to, int steps) {
        pointCache = null; // the design or its base changes
        if (steps < 1) {
            throw new org.chokepoint.model.InvalidInputException(org.chokepoint.model.Problem.at(path, "steps must be at least 1 ("
                    + steps + ")", "The number of evenly spaced values from 'from' to 'to'."));
        }
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < steps; i++) {
            values.add(steps == 1 ? from : from + (to - from) * i / (steps - 1));
        }
        return vary(new Axis(path, values, null));
    }

    /** Varies {@code path} over these values. */
    public Sweep vary(String path, double... values) {
        pointCache = null; // the design or its base changes
        List<Double> list = new ArrayList<>();
        for (double v : values) {
            list.add(v);
        }
        return vary(new Axis(path, list, null));
    }

    public Sweep vary(Axis axis) {
        pointCache = null; // the design or its base changes
        String problem = ParameterPaths.problem(scenario, axis.path());
        if (problem != null) {
            throw new org.chokepoint.model.InvalidInputException(org.chokepoint.model.Problem.at(axis.path(), problem,
                    "See docs/format.md for the parameter paths."));
        }
        axes.add(axis);
        return this;
    }

    public Sweep design(Design d, int pointCount) {
        pointCache = null; // the design or its base changes
        this.design = d;
        this.points = pointCount;
        return this;
    }

    public Sweep runs(int n) {
        pointCache = null; // the design or its base changes
        if (n < 1) {
            throw new org.chokepoint.model.InvalidInputException(org.chokepoint.model.Problem.at("runs", "must be at least 1 (" + n + ")",
                    "Monte Carlo runs per point."));
        }
        this.runs = n;
        return this;
    }

    public Sweep seed(long s) {
        pointCache = null; // the design or its base changes
        this.seed = s;
        return this;
    }

    public Sweep threads(int t) {
        pointCache = null; // the design or its base changes
        this.threads = t;
        return this;
    }

    public Sweep parameters(Parameters p) {
        pointCache = null; // the design or its base changes
        this.parameters = p;
        return this;
    }

    public Sweep metrics(List<String> keep) {
        pointCache = null; // the design or its base changes
        for (String m : keep) {
            String problem = metricProblem(scenario, m);
            if (problem != null) {
                throw new org.chokepoint.model.InvalidInputException(org.chokepoint.model.Problem.at("metrics", problem, ""));
            }
        }
        this.metrics = List.copyOf(keep);
        return this;
    }

    public List<Axis> axes() {
        return List.copyOf(axes);
    }

    public Design design() {
        return design;
    }

    public int runs() {
        return runs;
    }

    public long seed() {
        return seed;
    }

    public List<String> metrics() {
        return metrics;
    }

    public double[] percentiles() {
        return percentiles.clone();
    }

    /** The points of the design, in the order they are run: values by path. */
    public List<Map<String, Double>> points() {
        List<Map<String, Double>> out = new ArrayList<>();
        int d = axes.size();
        switch (design) {
            case GRID -> {
                int total = 1;
                for (Axis a : axes) {
                    total *= a.values().size();
                }
                for (int i = 0; i < total; i++) {
                    Map<String, Double> p = new LinkedHashMap<>();
                    int rest = i;
                    for (int k = d - 1; k >= 0; k--) { // the last parameter varies fastest
                        Axis a = axes.get(k);
                        p.put(a.path(), a.values().get(rest % a.values().size()));
                        rest /= a.values().size();
                    }
                    out.add(order(p));
                }
            }
            case SOBOL -> {
                SobolSequenceGenerator sobol = new SobolSequenceGenerator(d);
                sobol.nextVector(); // the first Sobol point is the origin: skip it
                for (int i = 0; i < points; i++) {
                    double[] u = sobol.nextVector();
                    out.add(point(u));
                }
            }
            case LATIN_HYPERCUBE -> {
                UniformRandomProvider rng = Streams.forParameters(seed, -1);
                int[][] strata = new int[d][points];
                for (int k = 0; k < d; k++) {
                    for (int i = 0; i < points; i++) {
                        strata[k][i] = i;
                    }
                    org.apache.commons.rng.sampling.ArraySampler.shuffle(rng, strata[k]);
                }
                for (int i = 0; i < points; i++) {
                    double[] u = new double[d];
                    for (int k = 0; k < d; k++) {
                        u[k] = (strata[k][i] + rng.nextDouble()) / points;
                    }
                    out.add(point(u));
                }
            }
        }
        return out;
    }

    private Map<String, Double> point(double[] u) {
        Map<String, Double> p = new LinkedHashMap<>();
        for (int k = 0; k < axes.size(); k++) {
            p.put(axes.get(k).path(), axes.get(k).at(u[k]));
        }
        return p;
    }

    private Map<String, Double> order(Map<String, Double> p) {
        Map<String, Double> ordered = new LinkedHashMap<>();
        for (Axis a : axes) {
            ordered.put(a.path(), p.get(a.path()));
        }
        return ordered;
    }

    /** One row of a sweep's results: a point, a metric, its mean and percentiles over the point's runs. */
    public record Row(int point, Map<String, Double> values, String metric, double mean, double[] percentiles)
            implements java.io.Serializable {}

    /**
     * Runs a range of a sweep's points, here or elsewhere (a cluster), and hands each point's rows
     * to the sink in point order. Every point's rows come from {@link #point} alone, so where a
     * point runs does not change them.
     */
    public interface Executor {
        /** Runs points {@code from} to {@code to - 1}; {@code pointsDone} hears the count done so far, {@code from} included. */
        void run(Sweep sweep, int from, int to, RowSink sink, IntConsumer pointsDone);
    }

    /**
     * Points an executor could not finish (a cluster's job failed): the message says which and why,
     * the advice what to do; the points written before them are kept for --resume.
     */
    public static final class PointsFailed extends RuntimeException {
        private final String advice;

        public PointsFailed(String message, String advice, Throwable cause) {
            super(message, cause);
            this.advice = advice;
        }

        public String advice() {
            return advice;
        }
    }

    /** Runs the points one after the other in this process (each point's runs on {@link #threads} threads). */
    public static final Executor HERE = (sweep, from, to, sink, pointsDone) -> {
        for (int i = from; i < to; i++) {
            sink.accept(sweep.point(i));
            pointsDone.accept(i + 1);
        }
    };

    /** Listens to rows as each point finishes (e.g. to write them as it goes). */
    public interface RowSink {
        void accept(List<Row> pointRows);
    }

    /** Runs every point; {@code skip} points (already written) are passed over. */
    public List<Row> run(int skip, RowSink sink, IntConsumer pointsDone) {
        return run(skip, sink, pointsDone, HERE);
    }

    /** Runs every point with {@code executor}; {@code skip} points (already written) are passed over. */
    public List<Row> run(int skip, RowSink sink, IntConsumer pointsDone, Executor executor) {
        List<Row> all = new ArrayList<>();
        executor.run(this, skip, points().size(), rows -> {
            sink.accept(rows);
            all.addAll(rows);
        }, pointsDone);
        return all;
    }

    /** The point design and the scenario the points start from, made once per sweep. */
    private List<Map<String, Double>> pointCache;
    private Scenario baseCache;

    /**
     * The rows of point {@code i} (one per metric): the point's Monte Carlo from the sweep's seed,
     * the same wherever and in whatever order the points run.
     */
    public List<Row> point(int i) {
        return rowsOf(i, pointRuns(i, 0, runs));
    }

    /**
     * Each metric's value in runs {@code firstRun} to {@code firstRun + count - 1} of point {@code i}
     * (one array per metric, in the order of {@link #metrics}): a block of a point's runs, which
     * {@link #rowsOf} turns into the point's rows once every block is there, in run order.
     */
    public double[][] pointRuns(int i, int firstRun, int count) {
        prepare();
        Scenario at = ParameterPaths.apply(baseCache, pointCache.get(i));
        Parameters atParameters = axes.stream().anyMatch(a -> ParameterPaths.behaviour(a.path()))
                ? Parameters.of(at).withChecked(parameters.checked()) : parameters;
        MonteCarlo.Result mc = MonteCarlo.run(at, atParameters, firstRun, count, threads, percentiles, r -> { });
        double[][] out = new double[metrics.size()][];
        RunSummary baseline = null;
        for (int k = 0; k < metrics.size(); k++) {
            String m = metrics.get(k);
            if (m.startsWith(VALUE_ADDED_LOSS) && baseline == null) {
                baseline = org.chokepoint.api.Chokepoint.simulate(at, atParameters).summary();
            }
            out[k] = metric(m, mc, at, baseline);
        }
        return out;
    }

    /** The rows of point {@code i} from every metric's values in all its runs, in run order. */
    public List<Row> rowsOf(int i, double[][] perRun) {
        prepare();
        List<Row> rows = new ArrayList<>();
        for (int k = 0; k < metrics.size(); k++) {
            if (perRun[k].length != runs) {
                throw new IllegalArgumentException("point " + i + " has " + perRun[k].length + " runs of " + metrics.get(k) + ", not " + runs);
            }
            rows.add(new Row(i, pointCache.get(i), metrics.get(k), mean(perRun[k]), percentilesOf(perRun[k])));
        }
        return rows;
    }

    /** Makes the design's points and their base scenario once, until the sweep changes. */
    private void prepare() {
        if (pointCache == null) {
            pointCache = points();
            baseCache = pointBase();
        }
    }

    private Scenario pointBase() {
        // A swept path is set by the sweep, so the scenario's own distribution for it, if any, is dropped.
        java.util.Set<String> swept = new java.util.HashSet<>();
        axes.forEach(a -> swept.add(a.path()));
        List<Uncertainty.Parameter> kept = new ArrayList<>();
        for (Uncertainty.Parameter u : scenario.uncertainty().parameters()) {
            if (!swept.contains(u.path())) {
                kept.add(u);
            }
        }
        return scenario.withSeed(seed).withUncertainty(new Uncertainty(scenario.uncertainty().runs(), kept));
    }

    /** Runs every point. */
    public List<Row> run() {
        return run(0, rows -> { }, p -> { });
    }

    private static double[] metric(String m, MonteCarlo.Result mc, Scenario at, RunSummary baseline) {
        if (m.startsWith(VALUE_ADDED_LOSS)) {
            String key = m.substring(VALUE_ADDED_LOSS.length());
            double[] va = mc.accounts().of(key);
            double base = java.util.stream.Stream.concat(baseline.countries().stream(), baseline.firms().stream())
                    .filter(x -> x.key().equals(key)).mapToDouble(RunSummary.Totals::baselineValueAdded).findFirst().orElse(0);
            double[] loss = new double[va.length];
            for (int r = 0; r < va.length; r++) {
                loss[r] = base - va[r];
            }
            return loss;
        }
        if (m.startsWith(PEAK_PRICE)) {
            return mc.accounts().of(m.substring(PEAK_PRICE.length()));
        }
        if (m.equals("total-shortfall-value")) {
            return mc.totals();
        }
        if (m.startsWith(BY_MARKET)) {
            return mc.marketTotals(m.substring(BY_MARKET.length()));
        }
        // fill-rate: one minus the shortfall value over the value of final demand at its prices.
        double demanded = 0;
        for (var d : at.network().demand()) {
            demanded += d.quantity() * at.network().price(d) * at.periods();
        }
        double[] fill = new double[mc.runs()];
        for (int r = 0; r < fill.length; r++) {
            fill[r] = demanded > 0 ? 1 - mc.totals()[r] / demanded : 1;
        }
        return fill;
    }

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    private double[] percentilesOf(double[] x) {
        double[] sorted = x.clone();
        java.util.Arrays.sort(sorted);
        double[] out = new double[percentiles.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = new org.apache.commons.math3.stat.descriptive.rank.Percentile(percentiles[i]).evaluate(sorted);
        }
        return out;
    }
}
