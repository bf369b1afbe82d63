package org.chokepoint.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.chokepoint.analysis.Distributions;
import org.chokepoint.analysis.ParameterPaths;
import org.chokepoint.analysis.Sweep;
import org.chokepoint.model.InvalidInputException;
import org.chokepoint.model.Names;
import org.chokepoint.model.Problem;
import org.chokepoint.model.Scenario;
import org.chokepoint.model.Uncertainty;

/**
 * Reads a sweep file:
 * <pre>
 * sweep: inspur-license-vs-stockpile
 * scenario: ../inspur-entity-list-2025.yaml
 * design: grid                 # grid, latin-hypercube or sobol (with points: N)
 * runs: 50
 * seed: 7
 * metrics: [total-shortfall-value, fill-rate]
 * parameters:
 *   - {path: measures.bis-2025-inspur.license.approval, values: [0, 0.25, 0.5, 0.75, 1]}
 *   - {path: sites.inspur-ai-line.stock.gpu-hopper, from: 2, to: 12, steps: 6}
 * </pre>
 */
public final class SweepReader {

    static final List<String> KEYS = List.of("sweep", "title", "scenario", "design", "points", "runs", "seed", "metrics",
            "parameters", "description", "sources", "assumptions");

    /**
     * A sweep as read: its name, its scenario, the configured sweep, and what the file says of
     * itself (title and description may be null; sources and assumptions may be empty).
     */
    public record Loaded(String id, Scenario scenario, Path scenarioFile, Sweep sweep, String title, String description,
                         List<String> sources, List<String> assumptions) {}

    private SweepReader() {}

    public static Loaded read(Path file) {
        Problems problems = new Problems();
        Node root = TreeReader.read(file, file.toString(), problems);
        Fields f = Fields.of(root, "", problems, "a sweep");
        if (f == null) {
            problems.throwIfAny();
        }
        f.allow(KEYS);
        String id = f.text("sweep", true, "A short name for the sweep, used for its output folder.");
        String scenarioPath = f.text("scenario", true, "The scenario file, relative to this file.");
        String title = f.text("title", false, "");
        String description = f.text("description", false, "");
        List<String> sources = f.texts("sources");
        List<String> assumptions = f.texts("assumptions");
        problems.throwIfAny();
        Path scenarioFile = file.getParent() == null ? Path.of(scenarioPath) : file.getParent().resolve(scenarioPath).normalize();
        if (!java.nio.file.Files.exists(scenarioFile)) {
            throw new InvalidInputException(new TreeOrigin(f.node, "").problem("scenario", "file not found: " + scenarioFile,
                    "Paths are relative to the sweep file's folder."));
        }
        Scenario scenario = ScenarioReader.read(scenarioFile);
        Sweep sweep = Sweep.of(scenario);
        String design = f.text("design", false, "");
        Sweep.Design d = Sweep.Design.GRID;
        if (design != null) {
            d = null;
            for (Sweep.Design x : Sweep.Design.values()) {
                if (x.key().equals(design)) {
                    d = x;
                }
            }
            if (d == null) {
                f.fail(f.raw("design"), "design", "unknown design '" + design + "'", "Allowed: grid, latin-hypercube, sobol.");
            }
        }
        long points = f.longValue("points", false, 16, "The number of points of a latin-hypercube or sobol design.");
        long runs = f.longValue("runs", false, 100, "Monte Carlo runs per point.");
        if (runs < 1) {
            f.fail(f.raw("runs"), "runs", "must be at least 1 (" + runs + ")", "Monte Carlo runs per point.");
        }
        if (points < 1) {
            f.fail(f.raw("points"), "points", "must be at least 1 (" + points + ")", "The number of design points.");
        }
        long seed = f.longValue("seed", false, scenario.seed(), "A whole number.");
        List<String> metrics = f.texts("metrics");
        for (int i = 0; i < metrics.size(); i++) {
            if (!Sweep.METRICS.contains(metrics.get(i))) {
                Node at = f.raw("metrics") instanceof Node.ListNode l && i < l.values.size() ? l.values.get(i) : f.raw("metrics");
                f.fail(at, "metrics[" + i + "]", "unknown metric '" + metrics.get(i) + "'",
                        "Allowed: " + String.join(", ", Sweep.METRICS) + "." + Names.didYouMean(metrics.get(i), Sweep.METRICS));
            }
        }
        List<Sweep.Axis> axes = new ArrayList<>();
        List<Node> list = f.list("parameters");
        if (list.isEmpty() && !f.failed()) {
            f.fail(null, "parameters", "a sweep needs at least one parameter", "parameters: [{path: ..., values: [...]}]");
        }
        for (int i = 0; i < list.size(); i++) {
            Fields p = Fields.of(list.get(i), "parameters[" + i + "]", problems, "a swept parameter");
            if (p == null) {
                continue;
            }
            p.allow(List.of("path", "values", "from", "to", "steps", "distribution", "min", "max", "mode", "mean", "sd", "mu",
                    "sigma", "alpha", "beta", "p"));
            String path = p.text("path", true, "What is varied, e.g. measures.ID.license.approval.");
            List<Double> values = new ArrayList<>();
            Uncertainty.Parameter dist = null;
            if (p.has("values")) {
                for (Node n : p.list("values")) {
                    double x = p.numberOf(n, "values", "A number.");
                    if (!Double.isNaN(x)) {
                        values.add(x);
                    }
                }
            } else if (p.has("from")) {
                double from = p.requiredNumber("from", "The first value.");
                double to = p.requiredNumber("to", "The last value.");
                long steps = p.longValue("steps", true, 2, "How many values, evenly spaced.");
                for (int k = 0; k < steps && steps >= 1; k++) {
                    values.add(steps == 1 ? from : from + (to - from) * k / (steps - 1));
                }
            } else if (p.has("distribution")) {
                String kind = p.text("distribution", false, "");
                Map<String, Double> numbers = new LinkedHashMap<>();
                for (String key : Distributions.NUMBERS.getOrDefault(kind, List.of())) {
                    String k = key.replace("?", "");
                    double x = key.endsWith("?") ? p.number(k, Double.NaN, "A number.") : p.requiredNumber(k, "A number.");
                    if (!Double.isNaN(x)) {
                        numbers.put(k, x);
                    }
                }
                dist = new Uncertainty.Parameter(path == null ? "" : path, kind, numbers, null, null);
                try {
                    Distributions.of(dist);
                } catch (IllegalArgumentException e) {
                    p.fail(p.raw("distribution"), "distribution", e.getMessage(), "uniform, triangular, normal, lognormal, beta, bernoulli.");
                }
            } else {
                p.fail(null, "values", "give values, a range (from, to, steps) or a distribution", "");
            }
            if (path != null && !p.failed()) {
                String why = ParameterPaths.problem(scenario, path);
                if (why != null) {
                    p.fail(p.raw("path"), "path", why, "See docs/format.md for the parameter paths.");
                } else if (d == Sweep.Design.GRID && dist != null) {
                    p.fail(p.raw("distribution"), "distribution", "a grid needs values, not a distribution",
                            "Use design: latin-hypercube or sobol, or give values / from, to, steps.");
                } else {
                    axes.add(new Sweep.Axis(path, values, dist));
                }
            }
        }
        problems.throwIfAny();
        sweep.design(d, (int) points).runs((int) runs).seed(seed);
        if (!metrics.isEmpty()) {
            sweep.metrics(metrics);
        }
        axes.forEach(sweep::vary);
        if (id == null) {
            throw new InvalidInputException(Problem.at("sweep", "missing sweep name", ""));
        }
        return new Loaded(id, scenario, scenarioFile, sweep, title, description, sources, assumptions);
    }
}
