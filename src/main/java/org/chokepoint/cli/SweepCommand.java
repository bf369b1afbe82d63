package org.chokepoint.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.chokepoint.analysis.Sweep;
import org.chokepoint.analysis.SweepEffects;
import org.chokepoint.api.Chokepoint;
import org.chokepoint.io.Digests;
import org.chokepoint.report.PdfReport;
import org.chokepoint.report.SweepReport;
import org.chokepoint.io.AtomicFiles;
import org.chokepoint.io.OutputFolder;
import org.chokepoint.report.Png;
import org.chokepoint.report.SweepCharts;
import org.chokepoint.io.SweepReader;
import org.chokepoint.io.SweepWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Run a parameter sweep: the scenario at each point of a design, each point a Monte Carlo.",
                "Writes sweep.csv (one row per point and metric) and design.json; --resume continues after an interruption."})
final class SweepCommand implements java.util.concurrent.Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The sweep file.")
    Path file;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: reports/<sweep>/).")
    Path out;

    @CommandLine.Mixin
    ThreadsOption threads;

    @CommandLine.Mixin
    ForceOption force;

    @Option(names = "--resume", description = "Skip the points a previous, interrupted run of this sweep completed.")
    boolean resume;

    @CommandLine.Mixin
    ChartOptions charts;

    @Override
    public Integer call() throws IOException {
        charts.check();
        SweepReader.Loaded loaded = SweepReader.read(file);
        Sweep sweep = loaded.sweep();
        sweep.threads(threads.resolve());
        Path dir = out != null ? out : Path.of("reports", loaded.id());
        List<Path> inputs = new java.util.ArrayList<>(List.of(file));
        inputs.addAll(Inputs.files(loaded.scenarioFile(), loaded.scenario()));
        int total = sweep.points().size();
        PrintWriter o = spec.commandLine().getOut();
        List<String> written = new java.util.ArrayList<>(List.of("sweep.csv", "design.json"));
        try (OutputFolder folder = OutputFolder.open(dir, "sweep", force.force, inputs, List.of("sweep.csv", "design.json", "report.pdf"))) {
            Path partial = folder.growing("sweep.csv.partial");
            SweepWriter.Fingerprint fp = SweepWriter.Fingerprint.of(file, loaded.scenarioFile(),
                    Inputs.network(loaded.scenarioFile(), loaded.scenario()), Chokepoint.version());
            int skip = resume ? SweepWriter.resume(partial, sweep, fp) : 0;
            if (skip == 0) {
                SweepWriter.start(partial, sweep, fp);
            }
            if (skip > 0) {
                o.printf("resuming: %d of %d points already done%n", skip, total);
            }
            try (Progress progress = new Progress("points", total, skip)) {
                sweep.run(skip, rows -> {
                    try {
                        SweepWriter.append(partial, rows);
                    } catch (IOException e) {
                        throw new org.chokepoint.io.OutputException("could not add to " + partial + ": " + OutputFolder.reason(e),
                                "The points finished so far are kept: free some space and continue with --resume.");
                    }
                }, progress, Main.sweepExecutor());
            }
            folder.write(tmp -> {
                Path csv = tmp.resolve("sweep.csv");
                SweepWriter.finish(partial, csv);
                AtomicFiles.write(tmp.resolve("design.json"), os -> SweepWriter.design(loaded.id(), file, loaded.scenarioFile(), sweep, total, os));
                List<String> axes = sweep.axes().stream().map(Sweep.Axis::path).toList();
                List<Sweep.Row> rows = SweepWriter.read(csv, sweep);
                List<SweepEffects.Effect> effects = SweepEffects.of(rows, axes);
                String title = loaded.scenario().title();
                List<PdfReport.Figure> figures = new java.util.ArrayList<>();
                for (SweepCharts.Named c : SweepCharts.charts(title, rows, axes, sweep.design() == Sweep.Design.GRID, sweep.percentiles())) {
                    figures.add(new PdfReport.Figure(c.file(), c.chart(), caption(c.file(), axes)));
                }
                figures.add(new PdfReport.Figure("sweep-effects.png", SweepCharts.effects(title, effects), "Spearman's rank correlation"
                        + " of each swept parameter with each metric over the points' means: a long bar right means the metric rises"
                        + " with the parameter, left that it falls; a short one that the parameter hardly moves it within the range"
                        + " swept."));
                for (PdfReport.Figure f : figures) {
                    Png.write(f.chart(), tmp.resolve(f.file()), charts.pngWidth, charts.pngHeight(), charts.pngScale);
                    written.add(f.file());
                }
                SweepReport.Content content = new SweepReport.Content(loaded, rows, effects, figures, Chokepoint.version(),
                        file.toString(), Digests.sha256Hex(file), charts.runDate());
                AtomicFiles.write(tmp.resolve("report.pdf"), os -> SweepReport.write(content, os));
                written.add("report.pdf");
            });
            folder.commit();
        }
        o.printf("%s: %d points × %d runs (%s design); wrote %s/: %s%n", loaded.id(), total, sweep.runs(),
                sweep.design().key(), dir, String.join(", ", written));
        o.flush();
        return Main.OK;
    }

    private static String caption(String file, List<String> axes) {
        String metric = file.substring("sweep-".length(), file.length() - ".png".length());
        if (axes.size() == 1) {
            return "The mean " + metric + " over each point's runs against " + axes.get(0) + ", with the band between the"
                    + " lowest and highest percentile kept: how far the outcome moves with the parameter, and how uncertain"
                    + " it stays at each value.";
        }
        return "The mean " + metric + " over each point's runs on the grid of " + axes.get(0) + " (across) and " + axes.get(1)
                + " (up); darker is more. Read along a row or column for one parameter's effect with the other fixed.";
    }
}
