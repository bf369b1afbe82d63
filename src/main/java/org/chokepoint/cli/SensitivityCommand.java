package org.chokepoint.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.chokepoint.analysis.Sensitivity;
import org.chokepoint.engine.Parameters;
import org.chokepoint.io.AtomicFiles;
import org.chokepoint.io.OutputFolder;
import org.chokepoint.report.Png;
import org.chokepoint.report.SensitivityCharts;
import org.chokepoint.io.ResultsWriter;
import org.chokepoint.model.Scenario;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "sensitivity", mixinStandardHelpOptions = true,
        description = {"Which uncertain parameters of a scenario drive its total shortfall value.",
                "tornado: each parameter at its 5th and 95th percentile, the others at their medians.",
                "sobol: first-order and total Sobol indices with bootstrap 95%% intervals (samples × (parameters + 2) Monte Carlos)."})
final class SensitivityCommand implements java.util.concurrent.Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Parameters(index = "0", paramLabel = "SCENARIO", description = "A scenario with an uncertainty block.")
    Path scenario;

    @Option(names = "--method", defaultValue = "tornado", paramLabel = "M", description = "tornado or sobol (default: ${DEFAULT-VALUE}).")
    String method;

    @Option(names = "--runs", defaultValue = "50", paramLabel = "N", description = "Runs per evaluation (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--samples", defaultValue = "64", paramLabel = "N", description = "Sobol base samples (default: ${DEFAULT-VALUE}).")
    int samples;

    @CommandLine.Mixin
    ThreadsOption threads;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: reports/<scenario>/).")
    Path out;

    @CommandLine.Mixin
    ForceOption force;

    @Override
    public Integer call() throws IOException {
        if (!method.equals("tornado") && !method.equals("sobol")) {
            throw new Main.UsageException("unknown method '" + method + "'; use tornado or sobol.");
        }
        if (runs < 1 || samples < 2 || runs > 1_000_000 || samples > 1_000_000) {
            throw new Main.UsageException("--runs takes 1 to 1,000,000 and --samples 2 to 1,000,000");
        }
        Scenario s = LoadProgress.scenario(scenario);
        if (s.uncertainty().parameters().isEmpty()) {
            throw new Main.UsageException(scenario + " has no uncertain parameters: add an uncertainty block (docs/format.md)");
        }
        int t = threads.resolve();
        Path dir = out != null ? out : Path.of("reports", s.id());
        PrintWriter o = spec.commandLine().getOut();
        String stem = method;
        try (OutputFolder folder = OutputFolder.open(dir, "sensitivity-" + method, force.force, Inputs.files(scenario, s),
                List.of(stem + ".csv", stem + ".png"))) {
            if (method.equals("tornado")) {
                tornado(folder, s, t, o);
            } else {
                sobol(folder, s, t, o);
            }
            folder.commit();
        }
        o.println("wrote " + dir.resolve(stem + ".csv") + ", " + stem + ".png");
        o.flush();
        return Main.OK;
    }

    private void tornado(OutputFolder folder, Scenario s, int t, PrintWriter o) {
        Sensitivity.Evaluator where = Main.sensitivityEvaluator(t);
        List<Sensitivity.Bar> bars = Sensitivity.tornado(s, Parameters.of(s), runs, where);
        o.printf("%-50s %12s %12s %18s %18s%n", "parameter", "low (P5)", "high (P95)", "shortfall at low", "at high (USD)");
        for (Sensitivity.Bar b : bars) {
            o.printf("%-50s %12s %12s %18s %18s%n", b.path(), num(b.low()), num(b.high()), usd(b.metricAtLow()), usd(b.metricAtHigh()));
        }
        double centre = Sensitivity.atMedians(s, Parameters.of(s), runs, where);
        folder.write(tmp -> {
            AtomicFiles.write(tmp.resolve("tornado.csv"), os -> {
                Writer w = new java.io.OutputStreamWriter(os, StandardCharsets.UTF_8);
                w.write("parameter,low,high,metric-at-low,metric-at-high,swing\n");
                for (Sensitivity.Bar b : bars) {
                    w.write(String.join(",", b.path(), ResultsWriter.number(b.low()), ResultsWriter.number(b.high()),
                            ResultsWriter.number(b.metricAtLow()), ResultsWriter.number(b.metricAtHigh()),
                            ResultsWriter.number(b.swing())) + "\n");
                }
                w.flush();
            });
            Png.write(SensitivityCharts.tornado(s, bars, centre), tmp.resolve("tornado.png"), 1100, 616, 1);
        });
    }

    private void sobol(OutputFolder folder, Scenario s, int t, PrintWriter o) {
        List<Sensitivity.Index> ix = Sensitivity.sobol(s, Parameters.of(s), samples, runs, 200, Main.sensitivityEvaluator(t));
        o.printf("%-50s %22s %22s%n", "parameter", "first order [95% CI]", "total [95% CI]");
        for (Sensitivity.Index x : ix) {
            o.printf("%-50s %6.3f [%6.3f, %6.3f] %6.3f [%6.3f, %6.3f]%n", x.name(), x.first(), x.firstLow(), x.firstHigh(),
                    x.total(), x.totalLow(), x.totalHigh());
        }
        folder.write(tmp -> {
            AtomicFiles.write(tmp.resolve("sobol.csv"), os -> {
                Writer w = new java.io.OutputStreamWriter(os, StandardCharsets.UTF_8);
                w.write("parameter,first,first-low,first-high,total,total-low,total-high\n");
                for (Sensitivity.Index x : ix) {
                    w.write(String.join(",", x.name(), ResultsWriter.number(x.first()), ResultsWriter.number(x.firstLow()),
                            ResultsWriter.number(x.firstHigh()), ResultsWriter.number(x.total()), ResultsWriter.number(x.totalLow()),
                            ResultsWriter.number(x.totalHigh())) + "\n");
                }
                w.flush();
            });
            Png.write(SensitivityCharts.sobol(s, ix), tmp.resolve("sobol.png"), 1100, 616, 1);
        });
    }

    private static String num(double x) {
        return String.format(Locale.ROOT, "%.3g", x);
    }

    private static String usd(double x) {
        return String.format(Locale.ROOT, "%,.0f", x);
    }
}
