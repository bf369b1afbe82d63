package org.chokepoint.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.chokepoint.analysis.Criticality;
import org.chokepoint.analysis.Exposure;
import org.chokepoint.analysis.ExposureReport;
import org.chokepoint.analysis.SupplyRisk;
import org.chokepoint.engine.CompiledNetwork;
import org.chokepoint.engine.Parameters;
import org.chokepoint.model.Duration;
import org.chokepoint.model.Scenario;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "exposure", mixinStandardHelpOptions = true,
        description = {"The static picture before simulating the measures: how much of each end item's bill of materials"
                + " each measure reaches (and by which rule), single sources, single points of failure and minimum cuts,"
                + " supply concentration (HHI), and which supplier's outage hurts most (knock-out simulation, and a linear"
                + " program on small networks)."})
final class ExposureCommand implements java.util.concurrent.Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Parameters(index = "0", paramLabel = "SCENARIO", description = "The scenario file.")
    Path scenario;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
            description = "text, json or csv (default: ${DEFAULT-VALUE}); csv writes one table a file into --out.")
    String format;

    @Option(names = "--out", paramLabel = "DIR", description = "With --format csv, the output folder (default: reports/<scenario>/exposure/).")
    java.nio.file.Path outDir;

    @CommandLine.Mixin
    ForceOption force;

    @Option(names = "--recovery", defaultValue = "8w", paramLabel = "TIME",
            description = "How long each supplier is down in the ranking: its time to recover, e.g. 8w or 30d (default: ${DEFAULT-VALUE}).")
    String recovery;

    @Option(names = "--horizon", defaultValue = "0", paramLabel = "PERIODS",
            description = "Periods simulated per knock-out (default: long enough for stocks to refill).")
    int horizon;

    @Option(names = "--top", defaultValue = "15", paramLabel = "N", description = "Rows of the ranking printed as text (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--no-survival", description = "Skip the time-to-survive search (a bisection per supplier).")
    boolean noSurvival;

    @CommandLine.Mixin
    ThreadsOption threads;

    @Override
    public Integer call() throws Exception {
        if (!List.of("text", "json", "csv").contains(format)) {
            throw new Main.UsageException("unknown format '" + format + "'; use text, json or csv.");
        }
        Scenario s = LoadProgress.scenario(scenario);
        int ttr = periods(recovery, s);
        if (horizon < 0 || top < 1) {
            throw new Main.UsageException("--horizon must not be negative and --top must be at least 1");
        }
        CompiledNetwork c = CompiledNetwork.of(s.network(), s.step());
        ExposureReport r;
        try (Progress progress = new Progress("knock-outs", ExposureReport.suppliers(c))) {
            r = ExposureReport.of(s, Parameters.of(s), ttr, horizon, !noSurvival, threads.resolve(), progress);
        }
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case "json" -> out.print(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(r));
            case "csv" -> {
                java.nio.file.Path dir = outDir != null ? outDir : java.nio.file.Path.of("reports", s.id(), "exposure");
                try (org.chokepoint.io.OutputFolder folder = org.chokepoint.io.OutputFolder.open(dir, "exposure", force.force,
                        Inputs.files(scenario, s), TABLES)) {
                    folder.write(tmp -> {
                        for (var t : tables(r).entrySet()) {
                            org.chokepoint.io.AtomicFiles.write(tmp.resolve(t.getKey()), o -> o.write(t.getValue()
                                    .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                        }
                    });
                    folder.commit();
                }
                out.println("wrote " + dir + "/: " + String.join(", ", TABLES));
            }
            default -> text(out, s, r);
        }
        out.flush();
        return Main.OK;
    }

    static int periods(String text, Scenario s) {
        Duration d = Duration.parse(text);
        if (d == null) {
            throw new Main.UsageException("--recovery takes a time such as 8w or 30d, or a number of periods (" + text + ")");
        }
        int p = (int) Math.round(d.inPeriods(s.step()));
        if (p < 1) {
            throw new Main.UsageException("--recovery must be at least one period (" + text + ")");
        }
        return p;
    }

    private void text(PrintWriter out, Scenario s, ExposureReport r) {
        String unit = s.step() == org.chokepoint.model.Step.DAY ? "days" : "weeks";
        out.println(s.title());
        out.println();
        out.println("Control exposure: share of each end item's cost each measure reaches (anywhere upstream)");
        out.printf("%-24s %-28s %8s  %s%n", "end item (site)", "measure", "share", "largest inputs caught, and why");
        for (Exposure.Row x : r.exposure()) {
            if (x.share() <= 0 && x.alternates().isEmpty()) {
                continue;
            }
            List<String> inputs = new ArrayList<>();
            for (Exposure.Input i : x.inputs().subList(0, Math.min(3, x.inputs().size()))) {
                inputs.add(String.format(Locale.ROOT, "%s %.1f%% (%s)", i.link(), 100 * i.share(), i.basis().label()));
            }
            out.printf("%-24s %-28s %7.1f%%  %s%n", x.site(), x.measure() + (x.condition() == null ? "" : " *"), 100 * x.share(),
                    String.join("; ", inputs));
            if (!x.alternates().isEmpty()) {
                out.printf("%-24s %-28s %8s  alternate sources restricted too: %s%n", "", "", "", String.join("; ", x.alternates()));
            }
        }
        if (r.exposure().stream().anyMatch(x -> x.condition() != null && x.share() > 0)) {
            out.println("  * only if its escalation fires");
        }
        long untouched = r.exposure().stream().filter(x -> x.share() <= 0 && x.alternates().isEmpty()).count();
        if (untouched > 0) {
            out.printf("  (%d end item and measure pairs with nothing caught left out; --format csv lists them all)%n", untouched);
        }
        out.println();
        out.println("Where there is no second way");
        for (SupplyRisk.EndItemRisk e : r.risk().endItems()) {
            if (e.cutInput() == null) {
                continue; // a site with no inputs: nothing upstream to lose
            }
            out.printf("  %-22s single points of failure: %s%n", e.site(), e.singlePoints().isEmpty() ? "none" : String.join(", ", e.singlePoints()));
            out.printf("  %-22s fewest sites cutting it off (%s): %d (%s)%n", "", e.cutInput(), e.cut().size(), String.join(", ", e.cut()));
        }
        out.printf("  %d inputs have a single source and no alternate%s%n", r.risk().singleSources().size(),
                r.risk().singleSources().isEmpty() ? "" : ", e.g. " + String.join(", ", r.risk().singleSources().stream().limit(6)
                        .map(x -> x.site() + "/" + x.item() + " <- " + x.supplier()).toList()));
        out.println();
        out.println("Most concentrated supply (HHI by country of the site, by firm; 10,000 = one source)");
        for (SupplyRisk.Concentration k : r.risk().concentration().stream().limit(top).toList()) {
            out.printf("  %-16s %7.0f %7.0f  largest %s %.0f%% of %d sites%n", k.item(), k.byCountry(), k.byFirm(), k.largestFirm(),
                    100 * k.largestShare(), k.sites());
        }
        out.println();
        out.printf("Criticality: value of end items lost when a supplier is down %d %s (knock-out simulation over %d %s)%n",
                r.recovery(), unit, r.horizon(), unit);
        out.printf("  %-4s %-22s %-16s %18s %7s %8s%s%n", "rank", "site", "item", "lost (USD)", "index", "survives",
                r.program().isEmpty() ? "" : "   program (USD)");
        int rank = 0;
        for (Criticality.Impact i : r.criticality().stream().limit(top).toList()) {
            String lp = r.program().stream().filter(x -> x.site().equals(i.site())).findFirst()
                    .map(x -> String.format(Locale.ROOT, "   %,14.0f", x.lostValue())).orElse("");
            out.printf("  %-4d %-22s %-16s %,18.0f %7.2f %8s%s%n", ++rank, i.site(), i.item(), i.lostValue(), i.index(),
                    i.timeToSurvive() < 0 ? "-" : i.timeToSurvive() + " " + unit.charAt(0), lp);
        }
    }

    /** One row per fact, tidy: table, subject, detail, value, note. */
    /** The exposure analysis's tables, one file each. */
    static final List<String> TABLES = List.of("exposure.csv", "exposure-inputs.csv", "exposure-alternates.csv", "single-sources.csv",
            "single-points.csv", "minimum-cuts.csv", "concentration.csv", "criticality.csv");

    /** Each table's CSV text, tidy: a row per observation, typed columns. */
    static java.util.Map<String, String> tables(ExposureReport r) {
        java.util.Map<String, StringBuilder> t = new java.util.LinkedHashMap<>();
        java.util.function.BiConsumer<String, List<Object>> row = (file, cells) -> {
            StringBuilder b = t.get(file);
            for (int i = 0; i < cells.size(); i++) {
                Object c = cells.get(i);
                b.append(i == 0 ? "" : ",").append(c instanceof Double d ? org.chokepoint.io.ResultsWriter.number(d)
                        : org.chokepoint.io.BacktestWriter.csvCell(String.valueOf(c)));
            }
            b.append('\n');
        };
        t.put("exposure.csv", new StringBuilder("site,item,measure,authority,type,condition,share\n"));
        t.put("exposure-inputs.csv", new StringBuilder("site,measure,link,item,destination,share,basis\n"));
        t.put("exposure-alternates.csv", new StringBuilder("site,measure,alternate\n"));
        t.put("single-sources.csv", new StringBuilder("site,item,supplier\n"));
        t.put("single-points.csv", new StringBuilder("site,item,single-point\n"));
        t.put("minimum-cuts.csv", new StringBuilder("site,item,input,cut-size,cut\n"));
        t.put("concentration.csv", new StringBuilder("item,sites,hhi-by-firm,hhi-by-country,largest-firm,largest-share\n"));
        t.put("criticality.csv", new StringBuilder("method,site,firm,item,lost-value,index,time-to-survive,outage-periods\n"));
        for (Exposure.Row x : r.exposure()) {
            row.accept("exposure.csv", List.of(x.site(), x.item(), x.measure(), x.authority(), x.type(),
                    x.condition() == null ? "" : x.condition(), x.share()));
            for (Exposure.Input i : x.inputs()) {
                row.accept("exposure-inputs.csv", List.of(x.site(), x.measure(), i.link(), i.item(), i.destination(), i.share(),
                        i.basis().label()));
            }
            for (String a : x.alternates()) {
                row.accept("exposure-alternates.csv", List.of(x.site(), x.measure(), a));
            }
        }
        for (SupplyRisk.SingleSource x : r.risk().singleSources()) {
            row.accept("single-sources.csv", List.of(x.site(), x.item(), x.supplier()));
        }
        for (SupplyRisk.EndItemRisk e : r.risk().endItems()) {
            for (String p : e.singlePoints()) {
                row.accept("single-points.csv", List.of(e.site(), e.item(), p));
            }
            row.accept("minimum-cuts.csv", List.of(e.site(), e.item(), e.cutInput() == null ? "" : e.cutInput(), (double) e.cut().size(),
                    String.join(" ", e.cut())));
        }
        for (SupplyRisk.Concentration k : r.risk().concentration()) {
            row.accept("concentration.csv", List.of(k.item(), (double) k.sites(), k.byFirm(), k.byCountry(), k.largestFirm(), k.largestShare()));
        }
        for (Criticality.Impact i : r.criticality()) {
            row.accept("criticality.csv", List.of("knock-out", i.site(), i.firm(), i.item(), i.lostValue(), i.index(),
                    i.timeToSurvive() < 0 ? "" : Integer.toString(i.timeToSurvive()), (double) r.recovery()));
        }
        for (Criticality.Impact i : r.program()) {
            row.accept("criticality.csv", List.of("linear-program", i.site(), i.firm(), i.item(), i.lostValue(), i.index(),
                    i.timeToSurvive() < 0 ? "" : Integer.toString(i.timeToSurvive()), (double) r.recovery()));
        }
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        t.forEach((k, v) -> out.put(k, v.toString()));
        return out;
    }
}
