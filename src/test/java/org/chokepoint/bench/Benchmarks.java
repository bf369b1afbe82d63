package org.chokepoint.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs Chokepoint's JMH benchmarks and prints the derived rates.
 *
 * <pre>
 *   mvn -q test-compile exec:exec                          # all benchmarks, full settings
 *   mvn -q test-compile exec:exec -Dbench.args="--smoke"   # a quick check that they run
 *   mvn -q test-compile exec:exec -Dbench.args="Load -p sites=100000"
 * </pre>
 * Arguments: {@code --smoke}, an optional benchmark name pattern, and JMH's {@code -p name=v,..}.
 */
public final class Benchmarks {

    private Benchmarks() {}

    public static void main(String[] args) throws RunnerException {
        Collection<RunResult> results = run(args);
        System.out.println();
        System.out.println("Derived rates:");
        java.util.Map<String, Double> csr = new java.util.HashMap<>();
        for (RunResult r : results) {
            if (r.getParams().getBenchmark().endsWith("csrPass")) {
                csr.put(r.getParams().getParam("sites"), r.getPrimaryResult().getScore());
            }
        }
        for (RunResult r : results) {
            String bench = r.getParams().getBenchmark();
            if (bench.endsWith(".period") || bench.endsWith(".leastPeriod")) {
                String sites = r.getParams().getParam("sites");
                double us = r.getPrimaryResult().getScore();
                double links = Integer.parseInt(sites) * 10.0;
                Double pass = csr.get(sites);
                System.out.printf("  %-11s %,9d sites %,10.0f links  %,10.1f µs/period  %,8.0f periods/s  %,14.0f link-periods/s%s%n",
                        bench.replaceFirst(".*\\.", ""), Integer.parseInt(sites), links, us, 1e6 / us, links * 1e6 / us,
                        pass == null ? "" : String.format("  %.2f× a CSR pass (%,.1f µs)", us / pass, pass));
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

    static Collection<RunResult> run(String... args) throws RunnerException {
        boolean smoke = false;
        String include = "org\\.chokepoint\\.bench\\..*";
        List<String[]> params = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--smoke")) {
                smoke = true;
            } else if (args[i].equals("-p") && i + 1 < args.length) {
                String[] kv = args[++i].split("=", 2);
                params.add(new String[] {kv[0], kv[1]});
            } else if (!args[i].isBlank()) {
                include = ".*" + args[i] + ".*";
            }
        }
        ChainedOptionsBuilder o = new OptionsBuilder().include(include).shouldFailOnError(true);
        if (smoke) {
            o.forks(0).warmupIterations(0).measurementIterations(1).measurementTime(TimeValue.milliseconds(100))
                    .param("sites", "200").param("runs", "20").mode(org.openjdk.jmh.annotations.Mode.AverageTime);
        } else {
            o.forks(1).warmupIterations(4).warmupTime(TimeValue.seconds(3)).measurementIterations(5)
                    .measurementTime(TimeValue.seconds(5)).jvmArgs("-Xmx2g", "-XX:+UseParallelGC");
        }
        for (String[] p : params) {
            o.param(p[0], p[1].split(","));
        }
        return new Runner(o.build()).run();
    }
}
