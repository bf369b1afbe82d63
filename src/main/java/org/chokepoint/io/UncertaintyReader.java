package org.chokepoint.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.chokepoint.analysis.Distributions;
import org.chokepoint.analysis.ParameterPaths;
import org.chokepoint.model.Names;
import org.chokepoint.model.Scenario;
import org.chokepoint.model.Uncertainty;

/**
 * Reads a scenario's {@code uncertainty} block:
 * <pre>
 * uncertainty:
 *   runs: 1000
 *   parameters:
 *     - {path: measures.bis-2025-inspur.license.approval, distribution: beta, alpha: 2, beta: 8}
 *     - {path: sites.inspur-ai-line.stock.gpu-hopper, distribution: triangular, min: 4, mode: 6, max: 12}
 * </pre>
 * Each path must name a settable parameter of this scenario and each distribution valid numbers.
 */
final class UncertaintyReader {

    private static final List<String> NUMBER_KEYS = List.of("min", "max", "mode", "mean", "sd", "mu", "sigma", "alpha", "beta", "p");

    /** The most Monte Carlo runs a scenario or a sweep point may ask for. */
    static final long MAX_RUNS = 10_000_000;

    static final String RANGE_ADVICE = "Every value drawn must be allowed: give normal and lognormal a min and max inside"
            + " the parameter's range (draws are then truncated to [min, max]), or narrow the distribution.";

    private UncertaintyReader() {}

    /** Reads the block; problems go to the block's problem list, which the caller checks. */
    static Uncertainty read(Fields f, Scenario scenario, List<String> assumptions) {
        if (f == null) {
            return null;
        }
        f.allow(List.of("runs", "parameters"));
        long runs = f.whole("runs", false, 1, 1, MAX_RUNS, "The number of Monte Carlo runs, e.g. 1000.");
        List<Uncertainty.Parameter> out = new ArrayList<>();
        List<Node> list = f.list("parameters");
        Set<String> seen = new TreeSet<>();
        for (int i = 0; i < list.size(); i++) {
            Fields p = Fields.of(list.get(i), f.pathOf("parameters") + "[" + i + "]", f.problems, "an uncertain parameter");
            if (p == null) {
                continue;
            }
            List<String> allowed = new ArrayList<>(List.of("path", "distribution", "values", "weights", "note", "sources",
                    "assumption", "as-of", "calibrated"));
            allowed.addAll(NUMBER_KEYS);
            p.allow(allowed);
            String path = p.text("path", true, "What the value replaces, e.g. measures.ID.license.approval.");
            String dist = p.text("distribution", true, "uniform, triangular, normal, lognormal, beta, bernoulli or choice.");
            if (dist != null && !Distributions.NUMBERS.containsKey(dist)) {
                Set<String> kinds = new TreeSet<>(Distributions.NUMBERS.keySet());
                p.fail(p.raw("distribution"), "distribution", "unknown distribution '" + dist + "'",
                        "Allowed: " + String.join(", ", kinds) + "." + Names.didYouMean(dist, kinds));
                continue;
            }
            if (path != null && !seen.add(path)) {
                p.fail(p.raw("path"), "path", "'" + path + "' is already uncertain above", "Give each parameter one distribution.");
            }
            Map<String, Double> numbers = new LinkedHashMap<>();
            if (dist != null) {
                for (String key : Distributions.NUMBERS.get(dist)) {
                    boolean optional = key.endsWith("?");
                    String k = optional ? key.substring(0, key.length() - 1) : key;
                    boolean time = path != null && ParameterPaths.inPeriods(path) && DURATION_NUMBERS.contains(k)
                            && p.raw(k) instanceof Node.Scalar sc && sc.type == Node.Scalar.Type.STRING;
                    double x = time ? periods(p, k, scenario)
                            : optional ? p.number(k, Double.NaN, "A number.")
                            : p.requiredNumber(k, "The " + dist + " distribution takes " + String.join(", ", Distributions.NUMBERS.get(dist)).replace("?", " (optional)") + ".");
                    if (!Double.isNaN(x)) {
                        numbers.put(k, x);
                    }
                }
            }
            List<Double> values = new ArrayList<>();
            List<Double> weights = new ArrayList<>();
            if ("choice".equals(dist)) {
                numberList(p, "values", values, path != null && ParameterPaths.inPeriods(path) ? scenario : null);
                numberList(p, "weights", weights, null);
                if (values.isEmpty() && !p.failed()) {
                    p.fail(null, "values", "missing required key 'values'", "The values to choose among, e.g. [4, 6, 8].");
                }
            }
            if (p.failed() || path == null || dist == null) {
                continue;
            }
            Uncertainty.Parameter param = new Uncertainty.Parameter(path, dist, numbers, values, weights);
            try {
                Distributions.of(param);
            } catch (IllegalArgumentException e) {
                p.fail(p.raw("distribution"), "distribution", "invalid " + dist + " distribution: " + e.getMessage(),
                        "Check its numbers: " + String.join(", ", Distributions.NUMBERS.get(dist)).replace("?", " (optional)") + ".");
                continue;
            }
            String why = ParameterPaths.problem(scenario, path);
            if (why != null) {
                p.fail(p.raw("path"), "path", why, "See docs/format.md for the parameter paths.");
                continue;
            }
            String range = ParameterPaths.rangeProblem(scenario, path, param);
            if (range != null) {
                p.fail(p.raw("distribution"), "distribution", "the " + dist + " distribution " + range, RANGE_ADVICE);
                continue;
            }
            out.add(param);
            String assumption = p.text("assumption", false, "");
            if (assumption != null) {
                assumptions.add("uncertain " + path + ": " + assumption);
            }
        }
        if (f.failed()) {
            return null;
        }
        return new Uncertainty((int) runs, out);
    }

    /** The numbers of a distribution that are lengths of time when the parameter is (not shapes such as mu or sigma). */
    private static final Set<String> DURATION_NUMBERS = Set.of("min", "max", "mode", "mean", "sd");

    /** A duration written for a parameter in periods (90d, 12w), in the scenario's periods. */
    private static double periods(Fields p, String key, Scenario scenario) {
        org.chokepoint.model.Duration d = p.duration(key, null);
        return d == null ? Double.NaN : d.inPeriods(scenario.step());
    }

    private static double durationOrNaN(Fields p, Node n, String key, Scenario s) {
        org.chokepoint.model.Duration d = p.durationOf(n, key);
        return d == null ? Double.NaN : d.inPeriods(s.step());
    }

    private static void numberList(Fields p, String key, List<Double> out, Scenario inPeriods) {
        for (Node n : p.list(key)) {
            double x = inPeriods != null && n instanceof Node.Scalar sc && sc.type == Node.Scalar.Type.STRING
                    ? durationOrNaN(p, n, key, inPeriods) : p.numberOf(n, key, "A number.");
            if (!Double.isNaN(x)) {
                out.add(x);
            }
        }
    }
}
