package org.chokepoint.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.nio.file.StandardCopyOption;
import org.chokepoint.analysis.Sweep;
import org.chokepoint.io.AtomicFiles;
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

    @Option(names = "--resume", description = "Skip the points a previous, interrupted run of this sweep completed.")
    boolean resume;

    @Override
    public Integer call() throws IOException {
        SweepReader.Loaded loaded = SweepReader.read(file);
        Sweep sweep = loaded.sweep();
        sweep.threads(threads.resolve());
        Path dir = out != null ? out : Path.of("reports", loaded.id());
        Files.createDirectories(dir);
        Path partial = dir.resolve("sweep.csv.partial");
        int skip = resume ? SweepWriter.resume(partial, sweep) : 0;
        if (skip == 0) {
            SweepWriter.start(partial, sweep);
        }
        int total = sweep.points().size();
        PrintWriter o = spec.commandLine().getOut();
        if (skip > 0) {
            o.printf("resuming: %d of %d points already done%n", skip, total);
        }
        try (Progress progress = new Progress("points", total)) {
            progress.accept(skip);
            sweep.run(skip, rows -> {
                try {
                    SweepWriter.append(partial, rows);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }, progress);
        }
        Files.move(partial, dir.resolve("sweep.csv"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        AtomicFiles.write(dir.resolve("design.json"), os -> SweepWriter.design(loaded.id(), file, sweep, total, os));
        List<String> axes = sweep.axes().stream().map(org.chokepoint.analysis.Sweep.Axis::path).toList();
        List<String> written = new java.util.ArrayList<>(List.of("sweep.csv", "design.json"));
        for (SweepCharts.Named c : SweepCharts.charts(loaded.id(), dir.resolve("sweep.csv"), axes,
                sweep.design() == org.chokepoint.analysis.Sweep.Design.GRID)) {
            Png.write(c.chart(), dir.resolve(c.file()), 1100, 616, 1);
            written.add(c.file());
        }
        o.printf("%s: %d points × %d runs (%s design); wrote %s/: %s%n", loaded.id(), total, sweep.runs(),
                sweep.design().key(), dir, String.join(", ", written));
        o.flush();
        return Main.OK;
    }
}
