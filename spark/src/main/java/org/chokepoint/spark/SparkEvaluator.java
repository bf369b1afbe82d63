package org.chokepoint.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.chokepoint.analysis.Sensitivity;
import org.chokepoint.engine.Parameters;
import org.chokepoint.model.Scenario;

/**
 * Runs the evaluations of a sensitivity study (tornado or Sobol) as Spark tasks: the scenario's
 * input files broadcast once, each task reading the scenario once per executor and evaluating its
 * points with {@link Sensitivity#meanTotal}, as the study does here; the values come back in the
 * order of the points, so the study's estimates and files are the same bytes.
 */
final class SparkEvaluator implements Sensitivity.Evaluator {

    private final java.util.function.Supplier<JavaSparkContext> sparkContext;
    private final Path scenarioFile;
    private final int partitions;
    private final int pointsPerTask;
    private Broadcast<Inputs> inputs;

    SparkEvaluator(java.util.function.Supplier<JavaSparkContext> spark, Path scenarioFile, int partitions, int pointsPerTask) {
        this.sparkContext = spark;
        this.scenarioFile = scenarioFile;
        this.partitions = partitions;
        this.pointsPerTask = pointsPerTask;
    }

    @Override
    public double[] meanTotals(Scenario scenario, Parameters parameters, int runs, List<Map<String, Double>> points) {
        JavaSparkContext spark = sparkContext.get();
        if (inputs == null) {
            try {
                inputs = spark.broadcast(Inputs.ofScenario(scenarioFile));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Broadcast<Inputs> shipped = inputs;
        List<Integer> index = new ArrayList<>();
        for (int k = 0; k < points.size(); k++) {
            index.add(k);
        }
        int cores = partitions == 0 ? spark.defaultParallelism() : partitions;
        int slices = Math.max(1, Math.min(points.size(), Math.max(cores, points.size() / pointsPerTask)));
        List<Map<String, Double>> shippedPoints = List.copyOf(points);
        spark.setJobDescription("chokepoint sensitivity: " + points.size() + " evaluations of " + runs + " runs");
        List<Double> values;
        try {
            values = spark.parallelize(index, slices).map(k -> {
                Scenario s = shipped.value().scenario();
                return Sensitivity.meanTotal(s, Parameters.of(s), runs, 1, shippedPoints.get(k));
            }).collect();
        } catch (RuntimeException e) {
            throw SparkExecutor.failed("the " + points.size() + " evaluations", "Nothing was written: mend the cause (the executors'"
                    + " logs tell more) and run the same command again.", e);
        }
        double[] out = new double[values.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = values.get(k);
        }
        return out;
    }
}
