package org.chokepoint.analysis;

import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.statistics.distribution.BetaDistribution;
import org.apache.commons.statistics.distribution.ContinuousDistribution;
import org.apache.commons.statistics.distribution.LogNormalDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TriangularDistribution;
import org.apache.commons.statistics.distribution.UniformContinuousDistribution;
import org.chokepoint.model.Uncertainty;

/**
 * Turns a parameter's distribution, as written in a scenario, into a function from a uniform draw
 * u in [0, 1) to a value: the inverse CDF of a Commons Statistics distribution. Truncation to
 * [min, max] (normal, lognormal) narrows the draw to [F(min), F(max)] before inverting, so one
 * uniform draw always gives one value and runs stay aligned.
 */
public final class Distributions {

    /** The distributions and the numbers each takes (required, then optional). */
    public static final Map<String, List<String>> NUMBERS = Map.of(
            "uniform", List.of("min", "max"),
            "triangular", List.of("min", "mode", "max"),
            "normal", List.of("mean", "sd", "min?", "max?"),
            "lognormal", List.of("mu", "sigma", "min?", "max?"),
            "beta", List.of("alpha", "beta"),
            "bernoulli", List.of("p"),
            "choice", List.of());

    private Distributions() {}

    /** The inverse CDF; throws IllegalArgumentException (with a reason) for invalid numbers. */
    public static DoubleUnaryOperator of(Uncertainty.Parameter p) {
        Map<String, Double> x = p.numbers();
        return switch (p.distribution()) {
            case "uniform" -> inverse(UniformContinuousDistribution.of(x.get("min"), x.get("max")), Double.NaN, Double.NaN);
            case "triangular" -> inverse(TriangularDistribution.of(x.get("min"), x.get("mode"), x.get("max")), Double.NaN, Double.NaN);
            case "normal" -> inverse(NormalDistribution.of(x.get("mean"), x.get("sd")), opt(x, "min"), opt(x, "max"));
            case "lognormal" -> inverse(LogNormalDistribution.of(x.get("mu"), x.get("sigma")), opt(x, "min"), opt(x, "max"));
            case "beta" -> inverse(BetaDistribution.of(x.get("alpha"), x.get("beta")), Double.NaN, Double.NaN);
            case "bernoulli" -> bernoulli(x.get("p"));
            case "choice" -> choice(p.choices(), p.weights());
            default -> throw new IllegalArgumentException("unknown distribution '" + p.distribution() + "'");
        };
    }

    /** Stands for "no bound" when an unbounded range is tried against a parameter's checks. */
    public static final double UNBOUNDED = 1e15;

    /**
     * The most extreme values a distribution can draw (just inside an open end; {@link #UNBOUNDED}
     * where a normal or lognormal has no min or max), so a parameter's checks can be tried on its
     * whole range before any run: if both ends are allowed, every draw between them is too.
     */
    public static double[] extremes(Uncertainty.Parameter p) {
        Map<String, Double> x = p.numbers();
        return switch (p.distribution()) {
            case "uniform", "triangular" -> new double[] {Math.nextUp(x.get("min")), Math.nextDown(x.get("max"))};
            case "normal" -> new double[] {x.containsKey("min") ? x.get("min") : -UNBOUNDED, x.containsKey("max") ? x.get("max") : UNBOUNDED};
            case "lognormal" -> new double[] {x.containsKey("min") ? Math.max(x.get("min"), Double.MIN_VALUE) : Double.MIN_VALUE,
                    x.containsKey("max") ? x.get("max") : UNBOUNDED};
            case "beta" -> new double[] {Double.MIN_VALUE, Math.nextDown(1.0)};
            case "bernoulli" -> x.get("p") <= 0 ? new double[] {0} : x.get("p") >= 1 ? new double[] {1} : new double[] {0, 1};
            case "choice" -> p.choices().stream().mapToDouble(Double::doubleValue).toArray();
            default -> new double[0];
        };
    }

    private static double opt(Map<String, Double> x, String key) {
        return x.getOrDefault(key, Double.NaN);
    }

    private static DoubleUnaryOperator inverse(ContinuousDistribution d, double min, double max) {
        double lo = Double.isNaN(min) ? 0 : d.cumulativeProbability(min);
        double hi = Double.isNaN(max) ? 1 : d.cumulativeProbability(max);
        if (!(hi > lo)) {
            throw new IllegalArgumentException("the truncation [" + min + ", " + max + "] leaves no probability");
        }
        return u -> d.inverseCumulativeProbability(lo + u * (hi - lo));
    }

    private static DoubleUnaryOperator bernoulli(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("p must be in [0, 1] (" + p + ")");
        }
        return u -> u < p ? 1 : 0;
    }

    private static DoubleUnaryOperator choice(List<Double> values, List<Double> weights) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("a choice needs values");
        }
        if (!weights.isEmpty() && weights.size() != values.size()) {
            throw new IllegalArgumentException(values.size() + " values but " + weights.size() + " weights");
        }
        double[] cumulative = new double[values.size()];
        double total = 0;
        for (int i = 0; i < values.size(); i++) {
            double w = weights.isEmpty() ? 1 : weights.get(i);
            if (!(w >= 0)) {
                throw new IllegalArgumentException("weights must not be negative (" + w + ")");
            }
            total += w;
            cumulative[i] = total;
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException("weights add up to 0");
        }
        final double sum = total;
        return u -> {
            double target = u * sum;
            for (int i = 0; i < cumulative.length; i++) {
                if (target < cumulative[i]) {
                    return values.get(i);
                }
            }
            return values.get(values.size() - 1);
        };
    }
}
