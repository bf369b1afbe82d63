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
    static final List<String> PARAMETER_KEYS = List.of("path", "values", "from", "to", "steps", "distribution", "min", "max", "mode",
            "mean", "sd", "mu", "sigma", "alpha", "beta", "p");

    /**
     * A sweep as read: its name, its scenario, the configured sweep, and what the file says of
     * itself (title and description may be null; sources and assumptions may be empty).
     */
    public record Loaded(String id, Scenario scenario, Path scenarioFile, Sweep sweep, String title, String description,
                         List<String> sources, List<String> assumptions) {}

    /** The most points a sweep may have, on a grid or in a sampled design. */
    static final long MAX_POINTS = 1_000_000;
    static final String RANGE_ADVICE = "Every value swept must be allowed for the parameter; see docs/format.md for its range.";

    private SweepReader() {}

    /** Whether a file is a sweep file: YAML or JSON whose top-level mapping has a {@code sweep} key. */
    public static boolean isSweepFile(Path file) {
        if (!TreeReader.isTreeFile(file) || !java.nio.file.Files.isRegularFile(file)) {
            return false;
        }
        try {
            return TreeReader.read(file, file.toString(), new Problems()) instanceof Node.MapNode m && m.values.containsKey("sweep");
        } catch (InvalidInputException e) {
            return false; // read again as a scenario, which reports the problem
        }
    }

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
        long points = f.whole("points", false, 16, 1, MAX_POINTS, "The number of points of a latin-hypercube or sobol design.");
        long runs = f.whole("runs", false, 100, 1, UncertaintyReader.MAX_RUNS, "Monte Carlo runs per point.");
        long seed = f.whole("seed", false, scenario.seed(), Long.MIN_VALUE, Long.MAX_VALUE, "A whole number.");
        List<String> metrics = f.texts("metrics");
        for (int i = 0; i < metrics.size(); i++) {
            String problem = Sweep.metricProblem(scenario, metrics.get(i));
            if (problem != null) {
                Node at = f.raw("metrics") instanceof Node.ListNode l && i < l.values.size() ? l.values.get(i) : f.raw("metrics");
                int cut = problem.indexOf("; ");
                f.fail(at, "metrics[" + i + "]", problem.substring(0, cut), Character.toUpperCase(problem.charAt(cut + 2))
                        + problem.substring(cut + 3));
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
            p.allow(PARAMETER_KEYS);
            String path = p.text("path", true, "What is varied, e.g. measures.ID.license.approval.");
            List<Double> values = new ArrayList<>();
            Uncertainty.Parameter dist = null;
            boolean pathOk = path != null && ParameterPaths.problem(scenario, path) == null;
            if (p.has("values") || p.raw("values") instanceof Node.ListNode) {
                List<Node> given = p.raw("values") instanceof Node.ListNode l ? l.values : p.list("values");
                if (given.isEmpty() && !p.failed()) {
                    p.fail(p.raw("values"), "values", "the list of values is empty", "Give at least one value, e.g. values: [0, 0.5, 1].");
                }
                for (int k = 0; k < given.size(); k++) {
                    Node n = given.get(k);
                    double x = p.numberOf(n, "values[" + k + "]", "A number.");
                    if (!Double.isNaN(x)) {
                        values.add(x);
                        String why = pathOk ? ParameterPaths.valueProblem(scenario, path, x) : null;
                        if (why != null) {
                            p.fail(n, "values[" + k + "]", "value " + Fields.fmt(x) + " is not allowed: " + why, RANGE_ADVICE);
                        }
                    }
                }
            } else if (p.has("from")) {
                double from = p.requiredNumber("from", "The first value.");
                double to = p.requiredNumber("to", "The last value.");
                long steps = p.whole("steps", true, 2, 1, MAX_POINTS, "How many values, evenly spaced.");
                for (String end : new String[] {"from", "to"}) {
                    double x = end.equals("from") ? from : to;
                    String why = pathOk && !Double.isNaN(x) ? ParameterPaths.valueProblem(scenario, path, x) : null;
                    if (why != null) {
                        p.fail(p.raw(end), end, "value " + Fields.fmt(x) + " is not allowed: " + why, RANGE_ADVICE);
                    }
                }
                if (!p.failed()) {
                    for (int k = 0; k < steps; k++) {
                        values.add(steps == 1 ? from : from + (to - from) * k / (steps - 1));
                    }
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
                    String range = pathOk ? ParameterPaths.rangeProblem(scenario, path, dist) : null;
                    if (range != null) {
                        p.fail(p.raw("distribution"), "distribution", "the " + kind + " distribution " + range, UncertaintyReader.RANGE_ADVICE);
                    }
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
        if (d == Sweep.Design.GRID && !axes.isEmpty()) {
            long size = 1;
            for (Sweep.Axis a : axes) {
                size = a.values().isEmpty() ? size : Math.min(MAX_POINTS + 1, size * a.values().size());
            }
            if (size > MAX_POINTS) {
                StringBuilder dims = new StringBuilder();
                axes.forEach(a -> dims.append(dims.length() == 0 ? "" : " × ").append(a.values().size()));
                f.fail(f.raw("parameters"), "parameters", "the grid has " + dims + " points, more than " + MAX_POINTS,
                        "Use fewer values per parameter, or design: latin-hypercube or sobol with points: N.");
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
