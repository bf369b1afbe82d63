package org.chokepoint.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.JavaSparkContext;
import org.chokepoint.analysis.Sweep;
import org.chokepoint.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Not a test: the benchmark behind the README's "Beyond one machine" figures, run on demand with
 * {@code mvn -f spark/pom.xml test -Dtest=SparkSweepBenchmark -Dbench=true} (about five minutes).
 * A 1,000-point x 100-run Latin hypercube sweep of the Inspur sample, locally (points one after the
 * other, each point's runs on two threads) and on local[2] Spark with 1, 5 and 25 points per task,
 * in one JVM after a warm-up; then Spark's fixed cost of a job and of a task, from empty jobs.
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
class SparkSweepBenchmark {

    static final int POINTS = Integer.getInteger("bench.points", 1000);
    static final int RUNS = Integer.getInteger("bench.runs", 100);

    @TempDir
    Path dir;

    @Test
    void pointsPerSecond() throws IOException {
        Path sweep = dir.resolve("bench.yaml");
        Files.writeString(sweep, "sweep: bench\nscenario: " + SparkSweepTest.SAMPLE.getParent().resolve("../inspur-entity-list-2025.yaml")
                .normalize() + "\ndesign: latin-hypercube\npoints: " + POINTS + "\nruns: " + RUNS + "\nseed: 7\n"
                + "metrics: [total-shortfall-value, fill-rate]\nparameters:\n"
                + "  - {path: measures.bis-2025-inspur.license.approval, distribution: uniform, min: 0, max: 1}\n"
                + "  - {path: sites.inspur-ai-line.stock.gpu-hopper, distribution: uniform, min: 2, max: 26}\n");
        JavaSparkContext spark = new JavaSparkContext(SparkMain.conf("local[2]"));
        spark.setLogLevel("ERROR");
        List<String> lines = new ArrayList<>();
        try {
            // warm-up: the JIT, and Spark's first job
            time(sweep, dir.resolve("warm-local"), Sweep.HERE, "2");
            time(sweep, dir.resolve("warm-spark"), new SparkExecutor(() -> spark, sweep, 2, 5, null), "1");
            double local = time(sweep, dir.resolve("local"), Sweep.HERE, "2");
            lines.add(row("local, points in turn, 2 threads per point", local));
            for (int perTask : new int[] {1, 5, 25}) {
                double s = time(sweep, dir.resolve("spark-" + perTask), new SparkExecutor(() -> spark, sweep, 2, perTask, null), "1");
                lines.add(row("local[2] Spark, " + perTask + " point(s) per task, 2 tasks per job", s));
            }
            // fixed costs: empty jobs of 2 tasks, and one job of 2,000 empty tasks
            List<Integer> two = List.of(0, 1);
            for (int i = 0; i < 20; i++) {
                spark.parallelize(two, 2).count();
            }
            long t0 = System.nanoTime();
            int jobs = 100;
            for (int i = 0; i < jobs; i++) {
                spark.parallelize(two, 2).count();
            }
            double perJob = (System.nanoTime() - t0) / 1e6 / jobs;
            List<Integer> many = new ArrayList<>();
            for (int i = 0; i < 2000; i++) {
                many.add(i);
            }
            t0 = System.nanoTime();
            spark.parallelize(many, 2000).count();
            double perTask = (System.nanoTime() - t0) / 1e6 / 2000;
            lines.add(String.format(Locale.ROOT, "Spark's fixed cost: %.1f ms per job (2 empty tasks), %.2f ms per task (2,000 empty tasks"
                    + " in one job, on 2 cores)", perJob, perTask));
        } finally {
            spark.stop();
        }
        System.out.println("\n" + POINTS + " points x " + RUNS + " runs of the Inspur sample:");
        lines.forEach(System.out::println);
    }

    private static String row(String what, double seconds) {
        return String.format(Locale.ROOT, "  %-58s %7.1f s  %6.1f points/s", what, seconds, POINTS / seconds);
    }

    private static double time(Path sweep, Path out, Sweep.Executor executor, String threads) {
        long t0 = System.nanoTime();
        int code = Main.execute(new String[] {"sweep", sweep.toString(), "--out", out.toString(), "--no-run-date", "--threads", threads},
                executor);
        if (code != 0) {
            throw new IllegalStateException("sweep failed: " + code);
        }
        return (System.nanoTime() - t0) / 1e9;
    }
}
