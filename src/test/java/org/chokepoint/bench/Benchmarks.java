package org.chokepoint.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs Chokepoint's JMH benchmarks and prints the derived rates.
 *
 * <pre>
 *   mvn -q test-compile exec:exec                          # all benchmarks, full settings
 *   mvn -q test-compile exec:exec -Dbench.args="--smoke"   # a quick check that they run
 *   mvn -q test-compile exec:exec -Dbench.args="Load -p sites=100000"
 *   mvn -q test-compile exec:exec -Dbench.args="Dense -f 1 -wi 2 -i 3"
 *   mvn -q test-compile exec:exec -Dbench.args="--footprint synthetic 1000000"   # memory, see Footprint
 * </pre>
 * Arguments: {@code --smoke}, and any of JMH's own options (a benchmark name pattern, {@code -f 1
 * -wi 3 -i 5}, {@code -p name=v,..}; {@code -h} lists them), which win over the defaults below.
 */
public final class Benchmarks {

    private Benchmarks() {}

    public static void main(String[] args) throws RunnerException {
        if (args.length > 0 && args[0].equals("--footprint")) {
            Footprint.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        Collection<RunResult> results = run(args);
        System.out.println();
        System.out.println("Derived rates:");
        java.util.Map<String, Double> csr = new java.util.HashMap<>();
        java.util.Map<String, Double> least = new java.util.HashMap<>();
        for (RunResult r : results) {
            String key = classOf(r.getParams().getBenchmark()) + "/" + r.getParams().getParam("sites") + "/" + r.getParams().getParam("markets");
            if (r.getParams().getBenchmark().endsWith("csrPass")) {
                csr.put(key, r.getPrimaryResult().getScore());
            } else if (r.getParams().getBenchmark().endsWith(".leastPeriod")) {
                least.put(key, r.getPrimaryResult().getScore());
            }
        }
        for (RunResult r : results) {
            String bench = r.getParams().getBenchmark();
            if (bench.endsWith(".period") || bench.contains(".leastPeriod")) {
                String sites = r.getParams().getParam("sites");
                double us = r.getPrimaryResult().getScore();
                // The dense table has every site buy from every site; the synthetic networks ten links a site.
                double links = Integer.parseInt(sites) * (bench.contains("DenseTable") ? Double.parseDouble(sites) : 10.0);
                String key = classOf(bench) + "/" + sites + "/" + r.getParams().getParam("markets");
                Double pass = csr.get(key);
                Double floor = bench.endsWith(".leastPeriod") ? null : least.get(key);
                System.out.printf("  %-26s %-12s %,9d sites %,10.0f links  %,10.1f µs/period  %,14.0f link-periods/s%s%s%n",
                        bench.replaceFirst(".*\\.", ""), bench.contains("DenseTable") ? "dense" : "markets " + r.getParams().getParam("markets"),
                        Integer.parseInt(sites), links, us, links * 1e6 / us,
                        pass == null ? "" : String.format("  %.2f× a CSR pass (%,.1f µs)", us / pass, pass),
                        floor == null ? "" : String.format("  %.2f× leastPeriod", us / floor));
            }
        }
        for (RunResult r : results) {
            if (r.getParams().getBenchmark().endsWith("monteCarlo")) {
                double ms = r.getPrimaryResult().getScore();
                int runs = Integer.parseInt(r.getParams().getParam("runs"));
                System.out.printf("  monteCarlo %s thread(s) %,d runs  %,10.1f ms  %,10.0f runs/s%n",
                        r.getParams().getParam("threads"), runs, ms, runs / (ms / 1000));
            }
        }
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark().replaceFirst(".*\\.", "");
            double ms = r.getPrimaryResult().getScore();
            String sites = r.getParams().getParam("sites");
            if (sites != null && name.startsWith("loadCsv")) {
                double links = Integer.parseInt(sites) * 10.0;
                System.out.printf("  %-10s %,9d sites %,10.0f links  %,10.1f ms  %,12.0f links/s%n",
                        name, Integer.parseInt(sites), links, ms, links / (ms / 1000));
            }
        }
    }

    private static String classOf(String benchmark) {
        return benchmark.substring(0, benchmark.lastIndexOf('.'));
    }

    static Collection<RunResult> run(String... args) throws RunnerException {
        boolean smoke = false;
        List<String> jmh = new ArrayList<>();
        for (String a : args) {
            if (a.equals("--smoke")) {
                smoke = true;
            } else if (!a.isBlank()) {
                jmh.add(a);
            }
        }
        // Every other argument is JMH's own: a benchmark pattern, -f, -wi, -i, -w, -r, -p name=v,.. (see -h).
        CommandLineOptions given;
        try {
            given = new CommandLineOptions(jmh.toArray(String[]::new));
        } catch (CommandLineOptionException e) {
            throw new RunnerException(e.getMessage());
        }
        ChainedOptionsBuilder o = new OptionsBuilder().parent(given).shouldFailOnError(true);
        if (given.getIncludes().isEmpty()) {
            o.include("org\\.chokepoint\\.bench\\..*");
        } else {
            // A bare name such as Engine matches anywhere in the benchmark's name.
            given.getIncludes().forEach(i -> o.include(".*" + i + ".*"));
        }
        if (smoke) {
            o.forks(0).warmupIterations(0).measurementIterations(1).measurementTime(TimeValue.milliseconds(100))
                    .param("sites", "200").param("runs", "20").mode(org.openjdk.jmh.annotations.Mode.AverageTime);
        } else {
            // Our defaults, where the command line gave none.
            if (!given.getForkCount().hasValue()) {
                o.forks(1);
            }
            if (!given.getWarmupIterations().hasValue()) {
                o.warmupIterations(4);
            }
            if (!given.getWarmupTime().hasValue()) {
                o.warmupTime(TimeValue.seconds(3));
            }
            if (!given.getMeasurementIterations().hasValue()) {
                o.measurementIterations(5);
            }
            if (!given.getMeasurementTime().hasValue()) {
                o.measurementTime(TimeValue.seconds(5));
            }
            if (!given.getJvmArgs().hasValue()) {
                o.jvmArgs("-Xmx2g", "-XX:+UseParallelGC");
            }
        }
        return new Runner(o.build()).run();
    }
}
