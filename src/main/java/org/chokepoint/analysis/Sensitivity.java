package org.chokepoint.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.random.SobolSequenceGenerator;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.rng.UniformRandomProvider;
import org.chokepoint.engine.Parameters;
import org.chokepoint.model.Scenario;
import org.chokepoint.model.Uncertainty;

/**
 * Which uncertain inputs matter: one at a time ({@link #tornado}) and variance-based
 * ({@link #sobol}).
 */
public final class Sensitivity {

    private Sensitivity() {}

    /**
     * One tornado bar: the metric with the parameter at its low and at its high value, the others at
     * their medians.
     */
    public record Bar(String path, double low, double high, double metricAtLow, double metricAtHigh) {

        public double swing() {
            return Math.abs(metricAtHigh - metricAtLow);
        }
    }

    /**
     * One at a time: each uncertain parameter of the scenario at its 5th and 95th percentile, the
     * others at their medians; the metric is the mean total shortfall value over {@code runs} runs
     * (with the same seed throughout). Bars sorted by swing, largest first.
     */
    public static List<Bar> tornado(Scenario scenario, Parameters parameters, int runs, int threads) {
        return tornado(scenario, parameters, runs, here(threads));
    }

    /**
     * Where a study's evaluations run: each point (values by path, set on the scenario without its
     * uncertain parameters) gives the mean total shortfall value over {@code runs} runs from the
     * scenario's seed, {@link #meanTotal}; an evaluator may run them anywhere (a cluster) and in
     * any order, as long as it gives each point's value back in the order of the points.
     */
    public interface Evaluator {
        double[] meanTotals(Scenario scenario, Parameters parameters, int runs, List<Map<String, Double>> points);
    }

    /** Evaluates the points one after the other here, each point's runs on {@code threads} threads. */
    public static Evaluator here(int threads) {
        return (scenario, parameters, runs, points) -> {
            double[] out = new double[points.size()];
            for (int k = 0; k < out.length; k++) {
                out[k] = meanTotal(scenario, parameters, runs, threads, points.get(k));
            }
            return out;
        };
    }

    /** One evaluation: the mean total shortfall value over {@code runs} runs with the uncertain parameters set as {@code at}. */
    public static double meanTotal(Scenario scenario, Parameters parameters, int runs, int threads, Map<String, Double> at) {
        return MonteCarlo.run(ParameterPaths.apply(fixed(scenario), at), parameters, runs, threads, new double[] {50}, r -> { })
                .totalMean();
    }

    /** {@link #tornado(Scenario, Parameters, int, int)} with its evaluations run by {@code evaluator}. */
    public static List<Bar> tornado(Scenario scenario, Parameters parameters, int runs, Evaluator evaluator) {
        List<Uncertainty.Parameter> ps = scenario.uncertainty().parameters();
        List<DoubleUnaryOperator> inv = new ArrayList<>();
        for (Uncertainty.Parameter p : ps) {
            inv.add(Distributions.of(p));
        }
        Map<String, Double> centre = medians(scenario);
        List<Map<String, Double>> points = new ArrayList<>();
        for (int i = 0; i < ps.size(); i++) {
            for (double q : new double[] {0.05, 0.95}) {
                Map<String, Double> at = new LinkedHashMap<>(centre);
                at.put(ps.get(i).path(), inv.get(i).applyAsDouble(q));
                points.add(at);
            }
        }
        double[] metric = evaluator.meanTotals(scenario, parameters, runs, points);
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < ps.size(); i++) {
            String path = ps.get(i).path();
            bars.add(new Bar(path, points.get(2 * i).get(path), points.get(2 * i + 1).get(path), metric[2 * i], metric[2 * i + 1]));
        }
        bars.sort(Comparator.comparingDouble(Bar::swing).reversed().thenComparing(Bar::path));
        return bars;
    }

    /**
     * The tornado's centre line: the same metric (mean total shortfall value over {@code runs}
     * runs, same seed) with every uncertain parameter at its median.
     */
    public static double atMedians(Scenario scenario, Parameters parameters, int runs, int threads) {
        return atMedians(scenario, parameters, runs, here(threads));
    }

    /** {@link #atMedians(Scenario, Parameters, int, int)} evaluated by {@code evaluator}. */
    public static double atMedians(Scenario scenario, Parameters parameters, int runs, Evaluator evaluator) {
        return evaluator.meanTotals(scenario, parameters, runs, List.of(medians(scenario)))[0];
    }

    private static Map<String, Double> medians(Scenario scenario) {
        Map<String, Double> centre = new LinkedHashMap<>();
        for (Uncertainty.Parameter p : scenario.uncertainty().parameters()) {
            centre.put(p.path(), Distributions.of(p).applyAsDouble(0.5));
        }
        return centre;
    }

    /** The scenario with its uncertain parameters taken out, to be set by path. */
    private static Scenario fixed(Scenario scenario) {
        return scenario.withUncertainty(new Uncertainty(scenario.uncertainty().runs(), List.of()));
    }

    /**
     * Sobol indices of one input, with bootstrap 95% intervals.
     *
     * @param first first-order index S_i: the share of variance due to the input alone
     * @param total total index ST_i: its share including all interactions
     */
    public record Index(String name, double first, double firstLow, double firstHigh, double total, double totalLow,
                        double totalHigh) {}

    /**
     * Variance-based sensitivity of {@code f} over the unit cube of {@code d} inputs: Saltelli's
     * design on a Sobol sequence of dimension 2d (matrices A and B of {@code n} rows, and A with
     * column i from B), the Saltelli (2010) estimator for first-order and Jansen's for total
     * indices, and a percentile bootstrap over rows ({@code resamples}, seeded) for their intervals.
     * {@code f} is evaluated {@code n (d + 2)} times.
     */
    public static List<Index> sobol(List<String> names, ToDoubleFunction<double[]> f, int n, int resamples, long seed) {
        return sobolOf(names, inputs -> {
            double[] out = new double[inputs.length];
            for (int k = 0; k < inputs.length; k++) {
                out[k] = f.applyAsDouble(inputs[k]);
            }
            return out;
        }, n, resamples, seed);
    }

    /** {@link #sobol(List, ToDoubleFunction, int, int, long)} with all {@code n (d + 2)} inputs evaluated in one batch, in order. */
    public static List<Index> sobolOf(List<String> names, java.util.function.Function<double[][], double[]> batch, int n, int resamples,
                                      long seed) {
        int d = names.size();
        SobolSequenceGenerator seq = new SobolSequenceGenerator(2 * d);
        seq.nextVector(); // skip the origin
        double[][] a = new double[n][d];
        double[][] b = new double[n][d];
        for (int r = 0; r < n; r++) {
            double[] v = seq.nextVector();
            System.arraycopy(v, 0, a[r], 0, d);
            System.arraycopy(v, d, b[r], 0, d);
        }
        double[][] inputs = new double[n * (d + 2)][];
        for (int r = 0; r < n; r++) {
            inputs[r * (d + 2)] = a[r];
            inputs[r * (d + 2) + 1] = b[r];
            for (int i = 0; i < d; i++) {
                double[] x = a[r].clone();
                x[i] = b[r][i];
                inputs[r * (d + 2) + 2 + i] = x;
            }
        }
        double[] values = batch.apply(inputs);
        double[] fa = new double[n];
        double[] fb = new double[n];
        double[][] fab = new double[d][n];
        for (int r = 0; r < n; r++) {
            fa[r] = values[r * (d + 2)];
            fb[r] = values[r * (d + 2) + 1];
            for (int i = 0; i < d; i++) {
                fab[i][r] = values[r * (d + 2) + 2 + i];
            }
        }
        UniformRandomProvider rng = Streams.forParameters(seed, -2);
        List<Index> out = new ArrayList<>();
        int[] all = new int[n];
        for (int r = 0; r < n; r++) {
            all[r] = r;
        }
        int[][] boot = new int[resamples][n];
        for (int k = 0; k < resamples; k++) {
            for (int r = 0; r < n; r++) {
                boot[k][r] = rng.nextInt(n);
            }
        }
        for (int i = 0; i < d; i++) {
            double[] point = estimate(fa, fb, fab[i], all);
            double[] firsts = new double[resamples];
            double[] totals = new double[resamples];
            for (int k = 0; k < resamples; k++) {
                double[] e = estimate(fa, fb, fab[i], boot[k]);
                firsts[k] = e[0];
                totals[k] = e[1];
            }
            out.add(new Index(names.get(i), point[0], pct(firsts, 2.5), pct(firsts, 97.5), point[1], pct(totals, 2.5), pct(totals, 97.5)));
        }
        return out;
    }

    /** {first, total} over the rows given. */
    private static double[] estimate(double[] fa, double[] fb, double[] fabi, int[] rows) {
        int n = rows.length;
        double mean = 0;
        for (int r : rows) {
            mean += fa[r] + fb[r];
        }
        mean /= 2 * n;
        double var = 0;
        double first = 0;
        double total = 0;
        for (int r : rows) {
            var += (fa[r] - mean) * (fa[r] - mean) + (fb[r] - mean) * (fb[r] - mean);
            first += fb[r] * (fabi[r] - fa[r]);
            total += (fa[r] - fabi[r]) * (fa[r] - fabi[r]);
        }
        var /= 2 * n - 1;
        if (!(var > 0)) {
            return new double[] {0, 0};
        }
        return new double[] {first / n / var, total / (2.0 * n) / var};
    }

    private static double pct(double[] x, double p) {
        double[] s = x.clone();
        java.util.Arrays.sort(s);
        return new Percentile(p).evaluate(s);
    }

    /**
     * Sobol indices of the scenario's uncertain parameters for the mean total shortfall value over
     * {@code runs} runs per evaluation; inputs map through each parameter's inverse CDF.
     */
    public static List<Index> sobol(Scenario scenario, Parameters parameters, int n, int runs, int threads, int resamples) {
        return sobol(scenario, parameters, n, runs, resamples, here(threads));
    }

    /** {@link #sobol(Scenario, Parameters, int, int, int, int)} with its evaluations run by {@code evaluator}. */
    public static List<Index> sobol(Scenario scenario, Parameters parameters, int n, int runs, int resamples, Evaluator evaluator) {
        List<Uncertainty.Parameter> ps = scenario.uncertainty().parameters();
        List<String> names = new ArrayList<>();
        List<DoubleUnaryOperator> inv = new ArrayList<>();
        for (Uncertainty.Parameter p : ps) {
            names.add(p.path());
            inv.add(Distributions.of(p));
        }
        return sobolOf(names, inputs -> {
            List<Map<String, Double>> points = new ArrayList<>();
            for (double[] u : inputs) {
                Map<String, Double> at = new LinkedHashMap<>();
                for (int i = 0; i < u.length; i++) {
                    at.put(names.get(i), inv.get(i).applyAsDouble(Math.min(u[i], 1 - 1e-12)));
                }
                points.add(at);
            }
            return evaluator.meanTotals(scenario, parameters, runs, points);
        }, n, resamples, scenario.seed());
    }
}
