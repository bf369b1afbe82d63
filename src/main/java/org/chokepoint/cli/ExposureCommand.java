package org.chokepoint.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.chokepoint.analysis.Criticality;
import org.chokepoint.analysis.Exposure;
import org.chokepoint.analysis.ExposureReport;
import org.chokepoint.analysis.SupplyRisk;
import org.chokepoint.api.Chokepoint;
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

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", description = "text, json or csv (default: ${DEFAULT-VALUE}).")
    String format;

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
        Scenario s = Chokepoint.loadScenario(scenario);
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
            case "csv" -> out.print(csv(r));
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
    private static String csv(ExposureReport r) throws Exception {
        List<Row> rows = new ArrayList<>();
        for (Exposure.Row x : r.exposure()) {
            rows.add(new Row("exposure", x.site(), x.measure(), x.share(), x.condition() == null ? "" : "if " + x.condition() + " fires"));
            for (String a : x.alternates()) {
                rows.add(new Row("exposure-alternate", x.site() + "/" + x.measure(), a, 0, "alternate source restricted"));
            }
            for (Exposure.Input i : x.inputs()) {
                rows.add(new Row("exposure-input", x.site() + "/" + x.measure(), i.link(), i.share(), i.basis().label()));
            }
        }
        for (SupplyRisk.SingleSource x : r.risk().singleSources()) {
            rows.add(new Row("single-source", x.site(), x.item(), 1, x.supplier()));
        }
        for (SupplyRisk.EndItemRisk e : r.risk().endItems()) {
            for (String p : e.singlePoints()) {
                rows.add(new Row("single-point-of-failure", e.site(), p, 1, ""));
            }
            rows.add(new Row("minimum-cut", e.site(), String.join(" ", e.cut()), e.cut().size(), e.cutInput()));
        }
        for (SupplyRisk.Concentration k : r.risk().concentration()) {
            rows.add(new Row("hhi-by-country", k.item(), "", k.byCountry(), ""));
            rows.add(new Row("hhi-by-firm", k.item(), k.largestFirm(), k.byFirm(), ""));
        }
        for (Criticality.Impact i : r.criticality()) {
            rows.add(new Row("lost-value", i.site(), i.item(), i.lostValue(), "knock-out " + r.recovery() + " periods"));
            if (i.timeToSurvive() >= 0) {
                rows.add(new Row("time-to-survive", i.site(), i.item(), i.timeToSurvive(), "periods"));
            }
        }
        for (Criticality.Impact i : r.program()) {
            rows.add(new Row("lost-value-program", i.site(), i.item(), i.lostValue(), "linear program"));
        }
        CsvMapper mapper = new CsvMapper();
        CsvSchema schema = mapper.schemaFor(Row.class).withHeader();
        return mapper.writer(schema).writeValueAsString(rows);
    }

    @com.fasterxml.jackson.annotation.JsonPropertyOrder({"table", "subject", "detail", "value", "note"})
    record Row(String table, String subject, String detail, double value, String note) {}
}
