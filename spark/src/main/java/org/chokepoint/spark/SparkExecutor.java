package org.chokepoint.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.chokepoint.analysis.Sweep;

/**
 * Runs a sweep's points as Spark tasks. The driver broadcasts the sweep's input files once; each
 * task reads the sweep from them (once per executor JVM) and runs its points with
 * {@link Sweep#point}, the same code and the same per-point, per-run random streams as a local
 * sweep, so the rows, and the files written from them, are the same bytes. Points go out in
 * blocks of {@link #block} (a Spark job each); the driver writes each block's rows in point order
 * before the next starts, so an interrupted job keeps every finished block for {@code --resume}.
 * A task that fails is run again by Spark (spark.task.maxFailures) and gives the same rows.
 */
public final class SparkExecutor implements Sweep.Executor {

    private final java.util.function.Supplier<JavaSparkContext> sparkContext;
    private final Path sweepFile;
    private final int partitionsAsked;
    private final int pointsPerTask;
    private JavaSparkContext spark;
    private int partitions;
    private int block;
    private final PointHook hook;
    private Broadcast<Inputs> inputs;
    private Runnable afterEachBlock = () -> { };
    private int runsPerTask;

    /**
     * Splits each point's runs into tasks of {@code runs} runs (0: a point's runs stay in one task),
     * for sweeps of few points and many runs; the blocks are put back together in run order, so the
     * rows are those of the whole point.
     */
    public SparkExecutor runsPerTask(int runs) {
        if (runs < 0) {
            throw new IllegalArgumentException("runs per task must be at least 0");
        }
        this.runsPerTask = runs;
        return this;
    }

    /** Something to do on the driver after each block's rows are written (copying them to a remote folder). */
    public SparkExecutor afterEachBlock(Runnable r) {
        this.afterEachBlock = r;
        return this;
    }

    /** Something to do at the start of a point's task (tests use it to fail a task once). */
    public interface PointHook extends java.io.Serializable {
        void before(int point);
    }

    /**
     * @param partitions tasks per block (0: Spark's default parallelism)
     * @param pointsPerTask points each task runs in a block: more amortises Spark's per-task overhead,
     *     fewer keep the cores evenly busy to the end and lose less on an interruption
     */
    public SparkExecutor(java.util.function.Supplier<JavaSparkContext> spark, Path sweepFile, int partitions, int pointsPerTask,
                         PointHook hook) {
        if (pointsPerTask < 1 || partitions < 0) {
            throw new IllegalArgumentException("points per task must be at least 1, partitions at least 0");
        }
        this.sparkContext = spark;
        this.sweepFile = sweepFile;
        this.partitionsAsked = partitions;
        this.pointsPerTask = pointsPerTask;
        this.hook = hook == null ? p -> { } : hook;
    }

    /** Spark, started when the first point is due: a sweep file with errors is refused without it. */
    private void start() {
        if (spark == null) {
            spark = sparkContext.get();
            partitions = partitionsAsked == 0 ? spark.defaultParallelism() : partitionsAsked;
            block = partitions * pointsPerTask;
        }
    }

    @Override
    public void run(Sweep sweep, int from, int to, Sweep.RowSink sink, IntConsumer pointsDone) {
        if (from >= to) {
            return;
        }
        start();
        Broadcast<Inputs> shipped = broadcast();
        PointHook before = hook;
        for (int start = from; start < to; start += block) {
            int end = Math.min(to, start + block);
            List<Integer> points = new ArrayList<>(end - start);
            for (int i = start; i < end; i++) {
                points.add(i);
            }
            int slices = Math.min(partitions, points.size());
            spark.setJobDescription("chokepoint sweep: points " + (start + 1) + "-" + end + " of " + to);
            List<List<Sweep.Row>> rows;
            try {
                rows = runsPerTask == 0 || runsPerTask >= sweep.runs()
                        ? spark.parallelize(points, slices).map(i -> {
                            before.before(i);
                            return shipped.value().sweep().point(i);
                        }).collect() // in point order: collect keeps the order of the partitions and within them
                        : inRunBlocks(sweep, points, shipped, before);
            } catch (RuntimeException e) {
                throw failed("points " + (start + 1) + " to " + end, "The " + start + " points before them are kept: mend the cause"
                        + " (the executors' logs tell more) and run the same command again with --resume.", e);
            }
            for (int k = 0; k < rows.size(); k++) {
                sink.accept(rows.get(k));
                pointsDone.accept(start + k + 1);
            }
            afterEachBlock.run();
        }
    }

    /** The points' rows from tasks of {@link #runsPerTask} runs each, joined per point in run order. */
    private List<List<Sweep.Row>> inRunBlocks(Sweep sweep, List<Integer> points, Broadcast<Inputs> shipped, PointHook before) {
        int runs = sweep.runs();
        List<int[]> tasks = new ArrayList<>();
        for (int i : points) {
            for (int first = 0; first < runs; first += runsPerTask) {
                tasks.add(new int[] {i, first, Math.min(runsPerTask, runs - first)});
            }
        }
        int slices = Math.max(1, Math.min(tasks.size(), Math.max(partitions, tasks.size() / pointsPerTask)));
        List<double[][]> blocks = spark.parallelize(tasks, slices).map(t -> {
            before.before(t[0]);
            return shipped.value().sweep().pointRuns(t[0], t[1], t[2]);
        }).collect();
        List<List<Sweep.Row>> out = new ArrayList<>();
        int b = 0;
        for (int i : points) {
            List<double[][]> mine = new ArrayList<>();
            for (int first = 0; first < runs; first += runsPerTask) {
                mine.add(blocks.get(b++));
            }
            double[][] joined = new double[mine.get(0).length][runs];
            for (int m = 0; m < joined.length; m++) {
                int at = 0;
                for (double[][] block : mine) {
                    System.arraycopy(block[m], 0, joined[m], at, block[m].length);
                    at += block[m].length;
                }
            }
            out.add(sweep.rowsOf(i, joined));
        }
        return out;
    }

    /** A Spark job's failure as the command reports it: what could not be finished, the root cause, what to do. */
    static Sweep.PointsFailed failed(String what, String advice, RuntimeException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return new Sweep.PointsFailed("Spark could not finish " + what + ": " + root, advice, e);
    }

    private Broadcast<Inputs> broadcast() {
        if (inputs == null) {
            try {
                inputs = spark.broadcast(Inputs.of(sweepFile));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return inputs;
    }
}
