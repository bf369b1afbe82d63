package org.chokepoint.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.chokepoint.cli.Main;

/**
 * {@code chokepoint sweep} with its points run on Apache Spark:
 *
 * <pre>
 * spark-submit --class org.chokepoint.spark.SparkMain chokepoint-spark-all.jar sweep FILE [sweep options]
 *     [--partitions N] [--points-per-task K]
 * </pre>
 *
 * Everything but where the points run is the sweep command's own: the file is read and checked on
 * the driver (with the same FILE:LINE:COLUMN errors, before Spark starts), and the outputs
 * ({@code sweep.csv}, {@code design.json}, charts, {@code report.pdf}), their folder's safety rules,
 * {@code --resume} and progress are those of a local sweep. The master comes from spark-submit
 * (or {@code --master}, default {@code local[2]} when run directly).
 */
public final class SparkMain {

    private SparkMain() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line; returns its exit code. */
    public static int run(String[] args) {
        List<String> rest = new ArrayList<>();
        String master = null;
        int partitions = 0;
        int pointsPerTask = 2;
        int runsPerTask = 0;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--master" -> master = value(args, ++i, "--master");
                    case "--partitions" -> partitions = count(value(args, ++i, "--partitions"), "--partitions", 0);
                    case "--points-per-task" -> pointsPerTask = count(value(args, ++i, "--points-per-task"), "--points-per-task", 1);
                    case "--runs-per-task" -> runsPerTask = count(value(args, ++i, "--runs-per-task"), "--runs-per-task", 1);
                    default -> rest.add(args[i]);
                }
            }
        } catch (IllegalArgumentException e) {
            System.err.println("chokepoint-spark: " + e.getMessage());
            return Main.BAD_INPUT;
        }
        if (rest.isEmpty() || rest.get(0).equals("--help") || rest.get(0).equals("-h")) {
            System.out.println("Usage: chokepoint-spark sweep FILE [sweep options] [--master URL] [--partitions N] [--points-per-task K]");
            System.out.println("       chokepoint-spark sensitivity SCENARIO [sensitivity options] [--master URL] [--partitions N]");
            System.out.println("  Runs chokepoint sweep (its points) or sensitivity (its evaluations) as Spark tasks; see chokepoint");
            System.out.println("  sweep --help and sensitivity --help for their options.");
            System.out.println("  --partitions N       tasks per block of points (default: Spark's default parallelism)");
            System.out.println("  --points-per-task K  points each task runs in a block (default: 2)");
            System.out.println("  --runs-per-task R    split each point's runs into tasks of R runs (default: a point is one task)");
            return Main.OK;
        }
        String command = rest.get(0);
        if (!command.equals("sweep") && !command.equals("sensitivity")) {
            System.err.println("chokepoint-spark: sweep and sensitivity run on Spark ('" + command + "' given); run other commands"
                    + " with ./chokepoint");
            return Main.BAD_INPUT;
        }
        Path file = sweepFile(rest);
        if (file == null) {
            return Main.commandLine().execute(rest.toArray(String[]::new)); // picocli says what is missing
        }
        String chosenMaster = master;
        JavaSparkContext[] started = {null};
        java.util.function.Supplier<JavaSparkContext> spark = () -> {
            if (started[0] == null) {
                started[0] = new JavaSparkContext(conf(chosenMaster));
                started[0].setLogLevel("WARN");
            }
            return started[0];
        };
        try {
            if (command.equals("sensitivity")) {
                return Main.execute(rest.toArray(String[]::new), org.chokepoint.analysis.Sweep.HERE,
                        new SparkEvaluator(spark, file, partitions, pointsPerTask));
            }
            return onRemoteOut(rest, conf(chosenMaster), new SparkExecutor(spark, file, partitions, pointsPerTask, null)
                    .runsPerTask(runsPerTask));
        } finally {
            if (started[0] != null) {
                started[0].stop();
            }
        }
    }

    /**
     * Runs the sweep command; an --out on a Hadoop file system (hdfs://, s3a://, file:/) is worked
     * on through a local copy, brought down first and taken back up after every block of points.
     */
    static int onRemoteOut(List<String> args, SparkConf conf, SparkExecutor executor) {
        int at = args.indexOf("--out");
        if (at < 0 || at + 1 >= args.size() || !RemoteFolder.isRemote(args.get(at + 1))) {
            return Main.execute(args.toArray(String[]::new), executor);
        }
        java.net.URI uri = java.net.URI.create(args.get(at + 1));
        org.apache.hadoop.conf.Configuration hadoop = new org.apache.hadoop.conf.Configuration();
        for (scala.Tuple2<String, String> kv : conf.getAllWithPrefix("spark.hadoop.")) {
            hadoop.set(kv._1(), kv._2());
        }
        RemoteFolder folder;
        try {
            Path local = Path.of(System.getProperty("java.io.tmpdir"), "chokepoint-spark",
                    Integer.toHexString(uri.toString().hashCode()) + "-" + ProcessHandle.current().pid());
            folder = new RemoteFolder(uri, hadoop, local);
            folder.pull();
        } catch (java.io.IOException e) {
            System.err.println("chokepoint-spark: cannot read the output folder " + uri + ": " + e.getMessage());
            System.err.println("    Nothing was changed. Check the path and the cluster's file system settings (spark.hadoop.*).");
            return Main.BAD_INPUT;
        }
        List<String> local = new ArrayList<>(args);
        local.set(at + 1, folder.local().toString());
        System.err.println("chokepoint-spark: writing " + uri + " through a local copy, " + folder.local());
        executor.afterEachBlock(() -> {
            try {
                folder.push();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("could not copy the partial results to " + uri, e);
            }
        });
        int code = Main.execute(local.toArray(String[]::new), executor);
        try {
            folder.push();
        } catch (java.io.IOException e) {
            System.err.println("chokepoint-spark: could not copy the outputs to " + uri + ": " + e.getMessage());
            System.err.println("    They are in " + folder.local() + "; copy them by hand, or run again with --resume.");
            return Main.INTERNAL_ERROR;
        }
        System.out.println("copied to " + uri);
        try {
            folder.discard();
        } catch (java.io.IOException e) {
            System.err.println("chokepoint-spark: could not remove the local copy " + folder.local() + ": " + e.getMessage());
        }
        return code;
    }

    /** The Spark configuration: spark-submit's, else local[2]; the web UI off unless asked for. */
    static SparkConf conf(String master) {
        SparkConf conf = new SparkConf().setAppName("chokepoint sweep");
        if (master != null) {
            conf.setMaster(master);
        } else {
            conf.setIfMissing("spark.master", "local[2]");
        }
        conf.setIfMissing("spark.ui.enabled", "false");
        return conf;
    }

    /** The sweep or scenario file: the first argument after the command that is not an option or an option's value. */
    static Path sweepFile(List<String> args) {
        // (the Spark options are taken out before this is asked)
        List<String> takesValue = List.of("--out", "--threads", "--png-width", "--png-scale", "--method", "--runs", "--samples");
        for (int i = 1; i < args.size(); i++) {
            String a = args.get(i);
            if (takesValue.contains(a)) {
                i++;
            } else if (!a.startsWith("-")) {
                return Path.of(a);
            }
        }
        return null;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static int count(String v, String option, int least) {
        try {
            int n = Integer.parseInt(v);
            if (n >= least) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException(option + " takes a whole number of at least " + least + " ('" + v + "')");
    }
}
