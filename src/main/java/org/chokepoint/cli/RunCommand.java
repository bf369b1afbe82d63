package org.chokepoint.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.chokepoint.analysis.MonteCarlo;
import org.chokepoint.analysis.RunSummary;
import org.chokepoint.api.Chokepoint;
import org.chokepoint.io.AtomicFiles;
import org.chokepoint.io.OutputFolder;
import org.chokepoint.io.ParquetTables;
import org.chokepoint.io.ResultsWriter;
import org.chokepoint.model.Scenario;
import org.chokepoint.report.PdfReport;
import org.chokepoint.report.Png;
import org.chokepoint.report.RunFigures;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Simulate a scenario with its measures and write results.csv and summary.json.",
                "Uncertain inputs (license approvals, escalations) are drawn from the scenario's seed."})
final class RunCommand implements java.util.concurrent.Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "The scenario file (.yaml, .yml or .json).")
    Path scenario;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: reports/<scenario>/).")
    Path out;

    @CommandLine.Mixin
    ForceOption force;

    @Option(names = "--all-series",
            description = "Write every site's series to results.csv and every site's row to summary.json. By default"
                    + " networks of more than " + ResultsWriter.ALL_SITES_UP_TO + " sites get the " + ResultsWriter.ALL_SITES_UP_TO
                    + " hardest hit, with revenue totals by country in results.csv.")
    boolean allSeries;

    @Option(names = "--restoration-time", paramLabel = "PERIODS",
            description = "Periods over which a site closes the gap to its target stock (default: the scenario's behaviour, else 4).")
    Double restorationTime;

    @Option(names = "--carrying-cost", paramLabel = "RATE",
            description = "Inventory carrying cost a year, as a fraction of value: what a license delay adds to the"
                    + " price of the goods it holds up, per year of delay (default: the scenario's behaviour, else 0.20).")
    Double carryingCost;

    @Option(names = "--runs", paramLabel = "N",
            description = "Monte Carlo runs over the uncertain inputs (default: the scenario's uncertainty.runs, else 1).")
    Integer runs;

    @CommandLine.Mixin
    ThreadsOption threads;

    @Option(names = "--seed", paramLabel = "S", description = "Seed (default: the scenario's).")
    Long seed;

    @CommandLine.Mixin
    ChartOptions charts;

    @Option(names = "--formats", paramLabel = "LIST", split = ",", defaultValue = "csv,json,png,pdf",
            description = "What to write, any of csv, parquet, json, png, pdf (default: ${DEFAULT-VALUE}); parquet writes"
                    + " the tables of results, links, calendar spans, bands and totals as .parquet files, for large runs.")
    List<String> formats;

    @Option(names = "--per", paramLabel = "LIST", split = ",", defaultValue = "quarter",
            description = "Calendar spans to aggregate results.csv to, any of month, quarter, year, each written as"
                    + " results-by-SPAN.csv (flows summed, levels averaged over days; default: ${DEFAULT-VALUE}).")
    List<String> per;

    @Option(names = "--rationing", paramLabel = "RULE",
            description = "How a short supplier shares its output: proportional or final-demand-first (default: the"
                    + " scenario's behaviour, else proportional).")
    String rationing;

    @Override
    public Integer call() throws IOException {
        org.chokepoint.model.Behaviour options;
        try {
            options = new org.chokepoint.model.Behaviour(rationing, restorationTime, carryingCost);
        } catch (org.chokepoint.model.FieldException e) {
            String option = "--" + e.field().substring(e.field().indexOf('.') + 1);
            throw new Main.UsageException(option + ": " + e.bareMessage() + ". " + e.advice());
        }
        charts.check();
        for (String f : formats) {
            if (!List.of("csv", "parquet", "json", "png", "pdf").contains(f)) {
                throw new Main.UsageException("unknown format '" + f + "' in --formats; use csv, parquet, json, png or pdf, separated by commas");
            }
        }
        for (String p : per) {
            if (org.chokepoint.model.Observed.Per.of(p) == null) {
                throw new Main.UsageException("unknown span '" + p + "' in --per; use month, quarter or year, separated by commas");
            }
        }
        if (runs != null && (runs < 1 || runs > MAX_RUNS)) {
            throw new Main.UsageException("--runs takes 1 to " + String.format(java.util.Locale.ROOT, "%,d", MAX_RUNS) + " (" + runs + ")");
        }
        int nThreads = threads.resolve();
        Scenario loaded = LoadProgress.scenario(scenario);
        Scenario seeded = seed == null ? loaded : loaded.withSeed(seed);
        // The options go into the scenario's behaviour, so that runs drawing behaviour keep them.
        Scenario s = seeded.withBehaviour(seeded.behaviour().overriddenBy(options));
        if (runs == null) {
            runs = s.uncertainty().runs();
        }
        org.chokepoint.engine.Parameters params = org.chokepoint.engine.Parameters.of(s);
        if (restorationTime != null) { // the scenario's own value was checked when it was read
            org.chokepoint.engine.Stability.Instability unstable = org.chokepoint.engine.Stability.check(s, params.restorationTime());
            if (unstable != null) {
                throw new Main.UsageException("--restoration-time " + org.chokepoint.model.Checks.fmt(restorationTime) + ": "
                        + unstable.message() + ".\n    " + unstable.advice().replace("behaviour.restoration-time", "--restoration-time"));
            }
        }
        Path dir = out != null ? out : Path.of("reports", s.id());
        List<String> sure = new ArrayList<>();
        for (String table : tableFormats()) {
            sure.add("results." + table);
            if (perLink(s)) {
                sure.add("links." + table);
            }
            per.forEach(p -> sure.add("results-by-" + p + "." + table));
            if (runs > 1) {
                sure.add("bands." + table);
                sure.add("totals." + table);
            }
        }
        if (formats.contains("csv")) {
            if (!s.backtest().observed().isEmpty()) {
                sure.add("observed.csv");
                sure.add("fit.csv");
            }
        }
        if (formats.contains("png")) {
            s.backtest().observed().forEach(o -> sure.add("observed-" + o.id() + ".png"));
        }
        if (formats.contains("json")) {
            sure.add("summary.json");
        }
        if (formats.contains("pdf")) {
            sure.add("report.pdf");
        }
        sure.add("inputs.json");
        org.chokepoint.io.InputDigest inputs = org.chokepoint.io.InputDigest.of(scenario, s, Chokepoint.version());
        List<String> written = new ArrayList<>();
        Chokepoint.Run run;
        MonteCarlo.Result mc;
        try (OutputFolder folder = OutputFolder.open(dir, "run", force.force, Inputs.files(scenario, s), sure)) {
            run = simulate(s, params, nThreads);
            mc = runs > 1 ? monteCarlo(s, params, nThreads) : null;
            folder.write(tmp -> write(tmp, s, params, run, mc, nThreads, inputs, written));
            folder.commit();
        }
        print(spec.commandLine().getOut(), s, run);
        if (mc != null) {
            spec.commandLine().getOut().printf("%nMonte Carlo, %d runs (seed %d): total shortfall value P5 %s, P50 %s, P95 %s, mean %s USD%n",
                    mc.runs(), s.seed(), units(mc.totalPercentile(5)), units(mc.totalPercentile(50)),
                    units(mc.totalPercentile(95)), units(mc.totalMean()));
        }
        spec.commandLine().getOut().println("wrote " + dir + "/: " + String.join(", ", written));
        spec.commandLine().getOut().flush();
        return Main.OK;
    }

    /** Writes the outputs asked for into {@code tmp}, adding each name to {@code written}. */
    private void write(Path tmp, Scenario s, org.chokepoint.engine.Parameters params, Chokepoint.Run run, MonteCarlo.Result mc,
                       int nThreads, org.chokepoint.io.InputDigest inputs, List<String> written) throws IOException {
        AtomicFiles.write(tmp.resolve("inputs.json"), o -> ResultsWriter.writeInputs(inputs, o));
        written.add("inputs.json");
        boolean[] sites = allSeries ? ResultsWriter.allSites(run.network()) : ResultsWriter.defaultSites(run.network(), run.summary());
        List<org.chokepoint.analysis.Backtests.Fit> fits = org.chokepoint.analysis.Backtests.fits(s, run.probes(), run.observedModel(),
                run.observedBaseline(), mc);
        if (formats.contains("csv") && !fits.isEmpty()) {
            AtomicFiles.write(tmp.resolve("observed.csv"), o -> org.chokepoint.io.BacktestWriter.writeObserved(fits, o));
            AtomicFiles.write(tmp.resolve("fit.csv"), o -> org.chokepoint.io.BacktestWriter.writeFit(fits, o));
            written.add("observed.csv");
            written.add("fit.csv");
        }
        table(tmp, "results", ParquetTables.Kind.PERIODS, o -> ResultsWriter.writeCsv(s, run.network(), run.series(), sites, o), written);
        if (run.series().perLink()) {
            table(tmp, "links", ParquetTables.Kind.PERIODS, o -> ResultsWriter.writeLinks(s, run.network(), run.series(), o), written);
        }
        for (String p : per) {
            table(tmp, "results-by-" + p, ParquetTables.Kind.CALENDAR, o -> ResultsWriter.writeAggregated(s, run.network(), run.series(),
                    sites, org.chokepoint.model.Observed.Per.of(p), o), written);
        }
        if (mc != null) {
            table(tmp, "bands", ParquetTables.Kind.PERIODS, o -> ResultsWriter.writeBands(s, run.network(), mc, o), written);
            table(tmp, "totals", ParquetTables.Kind.RUNS, o -> ResultsWriter.writeTotals(s, mc, o), written);
        }
        if (formats.contains("json")) {
            AtomicFiles.write(tmp.resolve("summary.json"),
                    o -> ResultsWriter.writeSummary(s, run.network(), run.summary(), Chokepoint.version(), mc, sites, fits,
                            org.chokepoint.policy.PolicyEvaluator.unpricedTariffs(run.decisions()), inputs, o));
            written.add("summary.json");
        }
        if (!formats.contains("png") && !formats.contains("pdf")) {
            return;
        }
        org.chokepoint.analysis.ExposureReport exposure = run.network().siteCount() <= EXPOSURE_LIMIT
                ? org.chokepoint.analysis.ExposureReport.of(s, params, recoveryPeriods(s), 0, true, nThreads, d -> { })
                : null;
        List<PdfReport.Figure> figures = RunFigures.of(s, run, mc, exposure);
        if (formats.contains("png")) {
            for (PdfReport.Figure f : figures) {
                Png.write(f.chart(), tmp.resolve(f.file()), charts.pngWidth, charts.pngHeight(), charts.pngScale);
                written.add(f.file());
            }
        }
        if (formats.contains("pdf")) {
            PdfReport.Content content = new PdfReport.Content(s, run, mc, figures, Chokepoint.version(), scenario.toString(),
                    inputs.sha256(), charts.runDate(), exposure);
            AtomicFiles.write(tmp.resolve("report.pdf"), o -> PdfReport.write(content, o));
            written.add("report.pdf");
        }
    }

    /** Writes one tidy table in each table format asked for (CSV, Parquet), adding each file's name to {@code written}. */
    private void table(Path tmp, String name, ParquetTables.Kind kind, AtomicFiles.Content csv, List<String> written) throws IOException {
        if (formats.contains("csv")) {
            AtomicFiles.write(tmp.resolve(name + ".csv"), csv);
            written.add(name + ".csv");
        }
        if (formats.contains("parquet")) {
            if (formats.contains("csv")) { // from the CSV just written: the table is made once
                ParquetTables.fromCsv(tmp.resolve(name + ".parquet"), tmp.resolve(name + ".csv"), kind);
            } else {
                ParquetTables.write(tmp.resolve(name + ".parquet"), csv, kind);
            }
            written.add(name + ".parquet");
        }
    }

    /** The table formats asked for, as file extensions. */
    private List<String> tableFormats() {
        return formats.stream().filter(f -> f.equals("csv") || f.equals("parquet")).distinct().toList();
    }

    /** Whether to keep and write every link's shipments: networks up to {@link ResultsWriter#LINKS_UP_TO} links, or all with --all-series. */
    private boolean perLink(Scenario s) {
        return !tableFormats().isEmpty() && (allSeries || s.network().links().size() + s.network().alternates().size() <= ResultsWriter.LINKS_UP_TO);
    }

    /** The most Monte Carlo runs, as in a scenario's uncertainty block. */
    static final int MAX_RUNS = 10_000_000;

    /** At most this many end items and markets in the printed table, the worst hit first when there are more. */
    static final int PRINTED_DEMAND_ROWS = 30;

    /** Networks up to this many sites get the exposure analysis in their report; larger ones: chokepoint exposure. */
    static final int EXPOSURE_LIMIT = 1000;

    /** Eight weeks of outage for the report's criticality ranking, in the scenario's periods. */
    private static int recoveryPeriods(Scenario s) {
        return (int) Math.round(org.chokepoint.model.Duration.weeks(8).inPeriods(s.step()));
    }

    /**
     * Link-periods (links and alternates × periods, the two runs each) from which the single run
     * shows its progress: about a second of simulating, on the build machine.
     */
    static final long PROGRESS_FROM = 10_000_000;

    /** The run with the measures and the one without, with a progress bar on a terminal where they are long. */
    private Chokepoint.Run simulate(Scenario s, org.chokepoint.engine.Parameters params, int threads) {
        long links = s.network().links().size() + s.network().alternates().size();
        if (links * s.periods() < PROGRESS_FROM) {
            return Chokepoint.simulate(s, params, perLink(s), threads);
        }
        try (Progress progress = new Progress("periods", 2L * s.periods())) {
            return Chokepoint.simulate(s, params, perLink(s), threads, progress);
        }
    }

    /** Runs the Monte Carlo with a progress bar on a terminal. */
    private MonteCarlo.Result monteCarlo(Scenario s, org.chokepoint.engine.Parameters params, int threads) {
        try (Progress progress = new Progress("runs", runs)) {
            return MonteCarlo.run(s, params, runs, threads, new double[] {5, 50, 95}, progress);
        }
    }

    private void print(PrintWriter out, Scenario s, Chokepoint.Run run) {
        out.printf("%s%n%s to %s, %d %s periods%n", s.title(), s.start(), s.end(), s.periods(),
                s.step() == org.chokepoint.model.Step.DAY ? "daily" : "weekly");
        long restricted = run.decisions().effective().stream().map(d -> d.linkName()).distinct().count();
        out.printf("%d measures; %d links or demand entries affected (chokepoint explain %s lists them)%n",
                s.measures().size(), restricted, scenario);
        for (String site : run.network().overCapacity()) {
            out.printf("warning: site %s needs more than its capacity even without measures%n", site);
        }
        for (String w : s.warnings()) {
            out.printf("warning: %s%n", w);
        }
        for (String w : org.chokepoint.policy.PolicyEvaluator.unpricedTariffs(run.decisions())) {
            out.printf("warning: %s%n", w);
        }
        out.println();
        List<RunSummary.DemandRow> demand = run.summary().demand();
        List<Integer> shown = RunSummary.worstHit(demand, PRINTED_DEMAND_ROWS); // large networks: the worst hit only
        int width = 24;
        for (int i : shown) {
            width = Math.max(width, demand.get(i).label(demand).length());
        }
        String row = "%-" + width + "s %12s %12s %12s %16s %16s %12s%n";
        out.printf(row, "end item @ market", "demand", "delivered", "short", "short (USD)", "without measures", "first short");
        for (int i : shown) {
            RunSummary.DemandRow d = demand.get(i);
            RunSummary.DemandRow b = run.baseline().demand().get(i);
            out.printf(row, d.label(run.summary().demand()), units(d.demanded()),
                    units(d.delivered()), units(d.shortfall()), units(d.shortfallValue()), units(b.shortfallValue()),
                    date(s, d.firstShort()));
        }
        if (shown.size() < demand.size()) {
            out.printf("... and %d more end items and markets with smaller shortfalls (all in results.csv and summary.json)%n",
                    demand.size() - shown.size());
        }
        out.println();
        long hit = run.summary().sites().stream().filter(x -> x.firstBelow() != RunSummary.NEVER).count();
        out.printf("%d of %d sites fell below 99%% of their baseline output; time to survive after the first cut input,"
                + " and to recover, in periods:%n", hit, run.summary().sites().size());
        run.summary().sites().stream().filter(x -> x.firstBelow() != RunSummary.NEVER || x.firstCut() != RunSummary.NEVER)
                .sorted(java.util.Comparator.comparingDouble(RunSummary.SiteRow::minOutputRatio).thenComparing(RunSummary.SiteRow::site))
                .limit(12)
                .forEach(x -> out.printf("  %-22s lowest %5.1f%%  below from %-10s  survive %-8s recover %s%n", x.site(),
                        100 * x.minOutputRatio(), date(s, x.firstBelow()),
                        x.timeToSurvive() == RunSummary.NEVER ? "-" : (x.survivedRun() ? ">" : "") + x.timeToSurvive(),
                        x.timeToRecover() == RunSummary.NEVER ? "-" : Integer.toString(x.timeToRecover())));
        out.println();
        out.printf("%-10s %20s %22s %18s%n", "country", "lost value added", "lost gross sales", "extra input cost");
        for (RunSummary.Totals c : run.summary().countries()) {
            out.printf("%-10s %20s %22s %18s%n", c.key(), units(c.lostValueAdded()), units(c.lostRevenue()),
                    units(c.extraProcurementCost()));
        }
        out.println("(USD over the run, against the run without the measures; value added is sales less inputs used,"
                + " gross sales count a part again in every tier that contains it; negative: a gain)");
    }

    private static String units(double v) {
        return String.format(java.util.Locale.ROOT, "%,.0f", v);
    }

    private static String date(Scenario s, int period) {
        return period == RunSummary.NEVER ? "-" : s.dateOf(period).toString();
    }
}
