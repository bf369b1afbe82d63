package org.chokepoint.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaSparkContext;
import org.chokepoint.analysis.Sweep;
import org.chokepoint.cli.Main;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample sweep on Spark in local[2] mode gives the same bytes as the sweep command run here:
 * in one go, with a task that fails once and is retried, and resumed after the job stopped half way.
 * One Spark context serves every test (starting one takes seconds).
 */
class SparkSweepTest {

    /** The sample sweep of the main project: 25 points of 30 runs. */
    static final Path SAMPLE = Path.of("..", "scenarios", "sweeps", "inspur-license-vs-stockpile.yaml").toAbsolutePath().normalize();

    /** Two worker threads, and each task may fail once and be tried again (local[N,F]: F attempts). */
    static JavaSparkContext spark;

    @TempDir
    static Path shared;

    static Map<String, byte[]> local;

    @BeforeAll
    static void start() throws IOException {
        spark = new JavaSparkContext(SparkMain.conf("local[2,2]"));
        spark.setLogLevel("OFF"); // the tasks made to fail would fill the log
        local = sweep(shared.resolve("local"), Sweep.HERE);
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    @Test
    void onSparkTheOutputsAreTheLocalBytes() throws IOException {
        Map<String, byte[]> onSpark = sweep(shared.resolve("spark"), executor(null));
        assertThat(onSpark.keySet()).containsExactlyElementsOf(local.keySet()).contains("sweep.csv", "design.json", "report.pdf");
        onSpark.forEach((name, bytes) -> assertThat(bytes).as(name).isEqualTo(local.get(name)));
    }

    /** Each point's 30 runs in tasks of 7 (the last of 2), put back together: the same bytes. */
    @Test
    void aPointsRunsSplitAcrossTasksGiveTheSameBytes() throws IOException {
        Map<String, byte[]> split = sweep(shared.resolve("split"), executor(null).runsPerTask(7));
        split.forEach((name, bytes) -> assertThat(bytes).as(name).isEqualTo(local.get(name)));
    }

    /** A task that fails on its first attempt is run again by Spark, and nothing in the outputs shows it. */
    @Test
    void aTaskThatFailsOnceIsRetriedWithTheSameResult() throws IOException {
        Path marker = shared.resolve("failed-once");
        String markerFile = marker.toString(); // the hook goes to the tasks: a String, not a Path
        SparkExecutor.PointHook failOnce = point -> {
            if (point == 7) {
                try {
                    Files.createFile(Path.of(markerFile)); // only the first attempt gets here without the file existing
                } catch (java.nio.file.FileAlreadyExistsException e) {
                    return;
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                throw new IllegalStateException("a task made to fail once");
            }
        };
        Map<String, byte[]> retried = sweep(shared.resolve("retried"), executor(failOnce));
        assertThat(marker).exists();
        retried.forEach((name, bytes) -> assertThat(bytes).as(name).isEqualTo(local.get(name)));
    }

    /** Stopped after ten points, the job keeps them; --resume runs only the rest and ends with the same bytes. */
    @Test
    void resumedAfterAStopTheOutputsAreTheSame() throws IOException {
        Path out = shared.resolve("resumed");
        SparkExecutor spark = executor(null);
        int[] ran = {0};
        Sweep.Executor stopsHalfWay = (sweep, from, to, sink, done) -> {
            spark.run(sweep, from, Math.min(to, from + 10), rows -> {
                sink.accept(rows);
                ran[0]++;
            }, done);
            throw new IllegalStateException("job stopped");
        };
        int code = quietly(() -> Main.execute(new String[] {"sweep", SAMPLE.toString(), "--out", out.toString(), "--no-run-date"},
                stopsHalfWay));
        assertThat(code).isNotZero();
        assertThat(out.resolve("sweep.csv")).doesNotExist();
        assertThat(ran[0]).isEqualTo(10);

        int[] resumedFrom = {-1};
        Sweep.Executor counting = (sweep, from, to, sink, done) -> {
            resumedFrom[0] = from;
            spark.run(sweep, from, to, sink, done);
        };
        code = quietly(() -> Main.execute(new String[] {"sweep", SAMPLE.toString(), "--out", out.toString(), "--no-run-date",
            "--resume"}, counting));
        assertThat(code).isZero();
        assertThat(resumedFrom[0]).as("points already done are not run again").isEqualTo(10);
        files(out).forEach((name, bytes) -> assertThat(bytes).as(name).isEqualTo(local.get(name)));
    }

    /**
     * An output folder on a Hadoop file system (here file:, the same code as hdfs: or s3a:) gets the
     * same bytes; a job that fails half way leaves its finished blocks there, and --resume goes on
     * from them to the same bytes, the partial file gone.
     */
    @Test
    void onAHadoopFileSystemTheOutputsAndResumeAreTheSame() throws IOException {
        Path remote = shared.resolve("remote");
        String uri = remote.toUri().toString();
        assertThat(RemoteFolder.isRemote(uri)).isTrue();
        assertThat(RemoteFolder.isRemote(remote.toString())).isFalse();
        Path stop = shared.resolve("stop-at-12");
        Files.createFile(stop);
        String stopFile = stop.toString();
        SparkExecutor failsAt12 = new SparkExecutor(() -> spark, SAMPLE, 2, 2, point -> {
            if (point == 12 && Files.exists(Path.of(stopFile))) {
                throw new IllegalStateException("a task that always fails");
            }
        });
        List<String> args = List.of("sweep", SAMPLE.toString(), "--out", uri, "--no-run-date");
        int code = quietly(() -> SparkMain.onRemoteOut(args, SparkMain.conf("local[2,2]"), failsAt12));
        assertThat(code).isNotZero();
        // blocks of 4 points: three finished before the failing one, and are kept up there
        assertThat(Files.readAllLines(remote.resolve("sweep.csv.partial")).stream().filter(l -> !l.startsWith("#")).count())
                .isEqualTo(1 + 12L * 2);
        assertThat(remote.resolve("sweep.csv")).doesNotExist();
        Files.delete(stop);
        List<String> resume = new java.util.ArrayList<>(args);
        resume.add("--resume");
        code = quietly(() -> SparkMain.onRemoteOut(resume, SparkMain.conf("local[2,2]"), executor(null)));
        assertThat(code).isZero();
        assertThat(remote.resolve("sweep.csv.partial")).doesNotExist();
        Map<String, byte[]> up = files(remote);
        assertThat(up.keySet()).containsExactlyElementsOf(local.keySet());
        up.forEach((name, bytes) -> assertThat(bytes).as(name).isEqualTo(local.get(name)));
        // a file of the user's up there is never touched, and is refused without --force
        Files.writeString(remote.resolve("notes.txt"), "mine");
        code = quietly(() -> SparkMain.onRemoteOut(args, SparkMain.conf("local[2,2]"), executor(null)));
        assertThat(code).isEqualTo(Main.BAD_INPUT);
        assertThat(Files.readString(remote.resolve("notes.txt"))).isEqualTo("mine");
    }

    /** Tornado and Sobol studies with their evaluations on Spark write the bytes they write here. */
    @Test
    void sensitivityOnSparkIsTheLocalBytes() throws IOException {
        Path scenario = SAMPLE.getParent().resolve("../inspur-entity-list-2025.yaml").normalize();
        for (String[] method : new String[][] {{"tornado"}, {"sobol", "--samples", "8"}}) {
            List<String> args = new java.util.ArrayList<>(List.of("sensitivity", scenario.toString(), "--runs", "10", "--method"));
            args.addAll(List.of(method));
            Path here = shared.resolve("sensitivity-here-" + method[0]);
            Path there = shared.resolve("sensitivity-spark-" + method[0]);
            List<String> a = new java.util.ArrayList<>(args);
            a.addAll(List.of("--out", here.toString()));
            assertThat(quietly(() -> Main.execute(a.toArray(String[]::new), Sweep.HERE, null))).isZero();
            List<String> b = new java.util.ArrayList<>(args);
            b.addAll(List.of("--out", there.toString()));
            assertThat(quietly(() -> Main.execute(b.toArray(String[]::new), Sweep.HERE,
                    new SparkEvaluator(() -> spark, scenario, 2, 2)))).isZero();
            Map<String, byte[]> expected = files(here);
            assertThat(expected).containsKey(method[0] + ".csv");
            Map<String, byte[]> got = files(there);
            assertThat(got.keySet()).isEqualTo(expected.keySet());
            got.forEach((name, bytes) -> assertThat(bytes).as(method[0] + " " + name).isEqualTo(expected.get(name)));
        }
    }

    /** A sweep file with an error is refused with its line and column before Spark is asked for anything. */
    @Test
    void aBadSweepFileIsRefusedBeforeSparkStarts() throws IOException {
        Path bad = shared.resolve("bad.yaml");
        Files.writeString(bad, "sweep: bad\nscenario: " + SAMPLE.getParent().resolve("../inspur-entity-list-2025.yaml").normalize()
                + "\nruns: 0\nparameters:\n  - {path: measures.bis-2025-inspur.license.approval, values: [0, 1]}\n");
        boolean[] asked = {false};
        SparkExecutor never = new SparkExecutor(() -> {
            asked[0] = true;
            return spark;
        }, bad, 0, 1, null);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream was = System.err;
        int code;
        try {
            System.setErr(new PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
            code = Main.execute(new String[] {"sweep", bad.toString(), "--out", shared.resolve("bad").toString()}, never);
        } finally {
            System.setErr(was);
        }
        assertThat(code).isEqualTo(Main.BAD_INPUT);
        assertThat(err.toString(java.nio.charset.StandardCharsets.UTF_8)).contains(bad + ":3:");
        assertThat(asked[0]).isFalse();
    }

    private static SparkExecutor executor(SparkExecutor.PointHook hook) {
        return new SparkExecutor(() -> spark, SAMPLE, 2, 2, hook);
    }

    /** Runs the sample sweep into {@code out} with {@code executor}; the files written, by name. */
    private static Map<String, byte[]> sweep(Path out, Sweep.Executor executor) throws IOException {
        int code = quietly(() -> Main.execute(new String[] {"sweep", SAMPLE.toString(), "--out", out.toString(), "--no-run-date"},
                executor));
        assertThat(code).as("exit code").isZero();
        return files(out);
    }

    /** Every file of an output folder but its manifest, which records when each file was written. */
    private static Map<String, byte[]> files(Path dir) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path p : list.filter(Files::isRegularFile).toList()) {
                String name = p.getFileName().toString();
                if (!name.startsWith(".")) {
                    out.put(name, Files.readAllBytes(p));
                }
            }
        }
        return out;
    }

    private static int quietly(java.util.function.IntSupplier command) {
        PrintStream was = System.out;
        try {
            System.setOut(new PrintStream(new ByteArrayOutputStream(), true, java.nio.charset.StandardCharsets.UTF_8));
            return command.getAsInt();
        } finally {
            System.setOut(was);
        }
    }

    static List<String> names(Map<String, byte[]> files) {
        return List.copyOf(files.keySet());
    }
}
