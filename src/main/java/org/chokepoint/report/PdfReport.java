package org.chokepoint.report;

import static org.chokepoint.report.PdfPages.usd;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.chokepoint.analysis.MonteCarlo;
import org.chokepoint.analysis.RunSummary;
import org.chokepoint.api.Chokepoint;
import org.chokepoint.model.Measure;
import org.chokepoint.model.Scenario;
import org.chokepoint.policy.CountryControl;
import org.chokepoint.policy.Decision;
import org.chokepoint.policy.EntityListing;
import org.chokepoint.policy.ExportRestriction;
import org.chokepoint.policy.LicensePolicy;
import org.chokepoint.policy.PolicyMeasure;
import org.jfree.chart.JFreeChart;

/**
 * The report an analyst hands on: a title page, one page of headline figures, the measures, the
 * charts (drawn as vector graphics, so they stay sharp when printed or zoomed), the scenario's
 * sources and assumptions, and a short methods appendix. Every page carries its number and a line
 * that pins down how to reproduce it: the SHA-256 over every input (scenario, network, law tables,
 * version), the seed, the runs and the version.
 *
 * <p>The text font is DejaVu Sans, embedded (the same font the charts use, installed by
 * {@code .ci/run}); the document carries no creation date and a document id derived from its
 * reproducibility line, so the same scenario and seed give the same bytes.
 */
public final class PdfReport {

    /**
     * A chart with the sentence under it that says what it shows.
     *
     * @param file the name of its PNG next to the report
     */
    public record Figure(String file, JFreeChart chart, String caption) {}

    /**
     * @param scenarioFile the scenario file as the user named it, for the line that reproduces the report
     * @param scenarioHash SHA-256 over every input (scenario, network, law tables, version: {@code InputDigest}), hex
     * @param runDate shown on the title page, or {@code null} to leave it out
     */
    public record Content(Scenario scenario, Chokepoint.Run run, MonteCarlo.Result mc, List<Figure> figures,
                          String version, String scenarioFile, String scenarioHash, LocalDate runDate,
                          org.chokepoint.analysis.ExposureReport exposure) {

        /** A report without the exposure section. */
        public Content(Scenario scenario, Chokepoint.Run run, MonteCarlo.Result mc, List<Figure> figures, String version,
                       String scenarioFile, String scenarioHash, LocalDate runDate) {
            this(scenario, run, mc, figures, version, scenarioFile, scenarioHash, runDate, null);
        }
    }

    static final Path FONT_DIR = PdfPages.FONT_DIR;
    private static final float MARGIN = PdfPages.MARGIN;
    private static final float WIDTH = PdfPages.WIDTH;
    private static final int MAX_DECISIONS = 40;
    /** At most this many end items and markets in the table of end items: the worst hit where there are more. */
    static final int MAX_END_ITEMS = 40;
    private static final List<Decision.Effect> SEVERITY = List.of(Decision.Effect.BLOCK, Decision.Effect.LICENSE,
            Decision.Effect.PARTIAL, Decision.Effect.DEMAND, Decision.Effect.MARKUP, Decision.Effect.NONE);

    private final Content c;
    private final PdfPages p;

    private PdfReport(Content c, PdfPages p) {
        this.c = c;
        this.p = p;
    }

    /** Writes the report to {@code target}. */
    public static void write(Content c, OutputStream target) throws IOException {
        PdfPages p = new PdfPages();
        try {
            PdfReport r = new PdfReport(c, p);
            r.titlePage();
            r.summaryPage();
            r.measures();
            if (c.exposure() != null) {
                r.exposure(c.exposure());
            }
            p.figures(c.figures());
            r.backtest();
            r.sourcesAndMethods();
            p.save(c.scenario().title(), c.version(), reproducibility(c), target);
        } finally {
            p.discard();
        }
    }

    /** The line on every page that says how to get this report again. */
    static String reproducibility(Content c) {
        int runs = c.mc() == null ? 1 : c.mc().runs();
        return String.format(Locale.ROOT, "inputs sha256 %s · seed %d · %d run%s · Chokepoint %s",
                c.scenarioHash().substring(0, Math.min(16, c.scenarioHash().length())), c.scenario().seed(), runs,
                runs == 1 ? "" : "s", c.version());
    }

    // ---- pages ------------------------------------------------------------------------------

    private void titlePage() throws IOException {
        Scenario s = c.scenario();
        p.titlePage(s.title(), s.start() + " to " + s.end() + ", " + s.periods() + " "
                        + (s.step() == org.chokepoint.model.Step.DAY ? "daily" : "weekly") + " periods",
                s.description(),
                "Supply-chain impact report by Chokepoint " + c.version() + (c.runDate() == null ? "" : ", run on " + c.runDate()));
    }

    private void summaryPage() throws IOException {
        p.newPage();
        RunSummary sum = c.run().summary();
        p.heading("Summary");
        double total = sum.demand().stream().mapToDouble(RunSummary.DemandRow::shortfallValue).sum();
        if (c.mc() != null) {
            p.bullet("Value of end items not delivered over the run: " + PdfPages.money(c.mc().totalPercentile(50)) + " (median of "
                    + c.mc().runs() + " runs; 90% of them between " + PdfPages.money(c.mc().totalPercentile(5)) + " and "
                    + PdfPages.money(c.mc().totalPercentile(95)) + ").");
            p.bullet("In the run the tables below describe (the scenario's first draw): " + PdfPages.money(total) + " (USD " + usd(total)
                    + ").");
        } else {
            p.bullet("Value of end items not delivered over the run: " + PdfPages.money(total) + " (USD " + usd(total) + ").");
        }
        Map<String, Double> byItem = new LinkedHashMap<>();
        for (RunSummary.DemandRow d : sum.demand()) {
            byItem.merge(d.item(), d.shortfallValue(), Double::sum);
        }
        String worst = null;
        for (Map.Entry<String, Double> e : byItem.entrySet()) {
            if (e.getValue() > 0 && (worst == null || e.getValue() > byItem.get(worst))) {
                worst = e.getKey();
            }
        }
        p.bullet(worst == null ? "No end item ran short." : "Worst-hit end item: " + Names.item(c.scenario(), worst) + ", " + PdfPages.money(byItem.get(worst))
                + " short.");
        int first = sum.demand().stream().mapToInt(RunSummary.DemandRow::firstShort).filter(p -> p != RunSummary.NEVER)
                .min().orElse(RunSummary.NEVER);
        if (first != RunSummary.NEVER) {
            p.bullet("First shortfall: week of " + c.scenario().dateOf(first) + ".");
        }
        p.y -= 10;
        p.subheading("Lost by country, against the same run without the measures (USD)");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"country", "lost value added", "lost gross sales", "of which exports", "extra input cost"});
        for (RunSummary.Totals t : sum.countries()) {
            rows.add(new String[] {t.key(), usd(t.lostValueAdded()), usd(t.lostRevenue()), usd(t.lostExports()),
                usd(t.extraProcurementCost())});
        }
        p.table(rows, new float[] {0.16f, 0.21f, 0.21f, 0.21f, 0.21f});
        p.y -= 6;
        p.paragraph(p.regular, 8.5f, "Value added is sales less the inputs used; summed over countries it is the value of final demand"
                + " (plus stock changes, less tariffs and premiums paid). Gross sales count a part again in every tier"
                + " that contains it. Negative figures are gains.", 11);
        p.y -= 10;
        p.subheading("End items");
        rows = new ArrayList<>();
        rows.add(new String[] {"end item @ market", "demanded", "delivered", "short (USD)", "first short"});
        List<Integer> shown = RunSummary.worstHit(sum.demand(), MAX_END_ITEMS);
        for (int i : shown) {
            RunSummary.DemandRow d = sum.demand().get(i);
            rows.add(new String[] {endItem(d, sum.demand()), usd(d.demanded()), usd(d.delivered()),
                usd(d.shortfallValue()), d.firstShort() == RunSummary.NEVER ? "-" : c.scenario().dateOf(d.firstShort()).toString()});
        }
        p.table(rows, new float[] {0.40f, 0.15f, 0.15f, 0.16f, 0.14f});
        if (shown.size() < sum.demand().size()) {
            p.y -= 4;
            boolean anyShort = sum.demand().get(shown.get(0)).shortfallValue() > 0;
            p.paragraph(p.regular, 8.5f, String.format(Locale.ROOT, anyShort
                    ? "The %d end items and markets with the largest shortfalls, of %,d; all of them are in summary.json and results.csv."
                    : "None of the %2$,d end items and markets ran short; the first %1$d are shown, and all of them are in summary.json"
                            + " and results.csv.", shown.size(), sum.demand().size()), 11);
        }
    }

    private void measures() throws IOException {
        p.newPage();
        p.heading("The measures");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"measure", "type", "by", "effective", "ends"});
        for (Measure m : c.scenario().measures()) {
            rows.add(new String[] {m.id(), m.type(), m.authority(), m.effective().toString(),
                m.ends() == null ? "-" : m.ends().toString()});
        }
        p.table(rows, new float[] {0.34f, 0.22f, 0.08f, 0.18f, 0.18f});
        p.y -= 4;
        for (Measure m : c.scenario().measures()) {
            p.bullet(scope(m));
        }
        p.y -= 6;
        restrictions();
    }

    /** The static picture: what each measure reaches, where there is no second way, whose outage hurts most. */
    private void exposure(org.chokepoint.analysis.ExposureReport x) throws IOException {
        p.newPage();
        p.heading("Exposure");
        p.paragraph(p.regular, 10, "Before any simulation: the share of each end item's cost that each measure reaches,"
                + " counting inputs restricted anywhere upstream by value, and the rule that catches the largest of them (made"
                + " in the measuring country, its controlled content above a de minimis share, a foreign-direct-product rule,"
                + " or the measure's scope), from the same rule steps as the restrictions above.", 14);
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"end item", "measure", "share", "largest input caught", "caught by"});
        for (org.chokepoint.analysis.Exposure.Row r : x.exposure()) {
            if (r.share() <= 0) {
                continue;
            }
            var top = r.inputs().get(0);
            rows.add(new String[] {Names.site(c.scenario(), r.site()), r.measure() + (r.condition() == null ? "" : " (if it fires)"),
                String.format(Locale.ROOT, "%.1f%%", 100 * r.share()),
                String.format(Locale.ROOT, "%s (%.1f%%)", Names.link(c.scenario(), top.link(), top.item()), 100 * top.share()),
                top.basis().describe(r.authority())});
        }
        if (rows.size() == 1) {
            p.paragraph(p.regular, 10, "No measure reaches any end item's inputs.", 14);
        } else {
            p.table(rows, new float[] {0.22f, 0.18f, 0.09f, 0.32f, 0.19f});
        }
        p.y -= 8;
        p.subheading("Where there is no second way");
        List<String> safe = new ArrayList<>();
        for (var e : x.risk().endItems()) {
            if (e.cutInput() == null) {
                continue;
            }
            if (e.singlePoints().isEmpty()) {
                safe.add(Names.site(c.scenario(), e.site()) + " (" + e.cut().size() + ")");
                continue;
            }
            p.bullet(Names.site(c.scenario(), e.site()) + " stops if any of "
                    + String.join("; ", e.singlePoints().stream().map(point -> Names.site(c.scenario(), point)).toList()) + " stops.");
        }
        if (!safe.isEmpty()) {
            p.bullet("No single point of failure (fewest sites cutting one input off): " + String.join(", ", safe) + ".");
        }
        p.bullet(x.risk().singleSources().size() + " inputs have a single source and no alternate.");
        p.y -= 8;
        String unit = c.scenario().step() == org.chokepoint.model.Step.DAY ? "days" : "weeks";
        p.subheading("Whose outage hurts most: each supplier down " + x.recovery() + " " + unit + ", without the measures");
        rows = new ArrayList<>();
        rows.add(new String[] {"rank", "supplier (what it makes, by whom)", "lost (USD)", "index", "survives (" + unit + ")"});
        int rank = 0;
        for (var i : x.criticality().subList(0, Math.min(ExposureCharts.TOP, x.criticality().size()))) {
            rows.add(new String[] {Integer.toString(++rank), Names.site(c.scenario(), i.site()), usd(i.lostValue()),
                String.format(Locale.ROOT, "%.2f", i.index()), i.timeToSurvive() < 0 ? "-" : Integer.toString(i.timeToSurvive())});
        }
        p.table(rows, new float[] {0.07f, 0.47f, 0.18f, 0.10f, 0.18f});
        p.y -= 4;
        p.paragraph(p.regular, 9.5f, "Lost: value of end items not delivered over " + x.horizon() + " " + unit + " of the"
                + " knock-out simulation; index: relative to the worst; survives: the longest outage, in " + unit + ", with"
                + " nothing lost. chokepoint exposure " + c.scenarioFile() + " gives every table in full.", 13);
    }

    /** One measure in a sentence: whom it names, its license policy, its sources. */
    static String scope(Measure m) {
        StringBuilder b = new StringBuilder(m.id()).append(": ");
        if (!m.firms().isEmpty()) {
            b.append("names ").append(String.join(", ", m.firms())).append("; ");
        }
        LicensePolicy license = m instanceof EntityListing e ? e.license()
                : m instanceof CountryControl cc ? cc.license()
                : m instanceof ExportRestriction r ? r.license() : null;
        if (license != null) {
            b.append("licenses: ").append(license.describe()).append("; ");
        }
        List<String> sources = m instanceof PolicyMeasure pm ? pm.header().sources() : List.of();
        b.append(sources.isEmpty() ? "no source given in the scenario" : "source: " + String.join("; ", sources));
        return b.append('.').toString();
    }

    /** An end item and market by name, with the serving site's name where several sites serve that item there. */
    private String endItem(RunSummary.DemandRow d, List<RunSummary.DemandRow> all) {
        long same = all.stream().filter(x -> x.item().equals(d.item()) && x.market().equals(d.market())).count();
        return Names.item(c.scenario(), d.item()) + " @ " + d.market() + (same > 1 ? " (by " + Names.firm(c.scenario(), d.site()) + ")" : "");
    }

    /** The restricted links, harshest effect first, each with the rule step that caught it. */
    private void restrictions() throws IOException {
        List<Decision> effective = new ArrayList<>(c.run().decisions().effective());
        effective.sort(Comparator.comparingInt((Decision d) -> SEVERITY.indexOf(d.effect())).thenComparing(Decision::from)
                .thenComparing(Decision::linkName).thenComparing(Decision::measure));
        p.subheading("What the measures restrict, and why (" + effective.size() + " decisions)");
        int shown = Math.min(effective.size(), MAX_DECISIONS);
        for (Decision d : effective.subList(0, shown)) {
            p.room(40);
            p.y -= 13;
            List<String> title = PdfPages.wrapBreaking(p.bold, 9.5f, PdfPages.clean(Names.link(c.scenario(), d.linkName(), d.item())
                    + (c.run().decisions().isAlternate(d) ? " (alternate source, standing by)" : "") + " · " + d.linkName()), WIDTH);
            for (int i = 0; i < title.size(); i++) {
                if (i > 0) {
                    p.room(12);
                    p.y -= 11.5f;
                }
                PdfPages.text(p.out, p.bold, 9.5f, MARGIN, p.y, title.get(i));
            }
            p.y -= 1;
            for (String line : PdfPages.wrap(p.regular, 9, PdfPages.clean(d.effectText() + " from " + d.from() + " under " + d.measure()
                    + (d.condition() == null ? "" : ", if " + d.condition() + " fires") + ". Because: " + d.decisiveStep()),
                    WIDTH - 12)) {
                p.room(12);
                p.y -= 12;
                PdfPages.text(p.out, p.regular, 9, MARGIN + 12, p.y, line);
            }
        }
        p.y -= 6;
        p.paragraph(p.regular, 9.5f, (shown < effective.size() ? "And " + (effective.size() - shown) + " more. " : "")
                + "chokepoint explain " + c.scenarioFile() + " --link FROM->TO gives every rule step behind a decision.", 13);
    }

    /**
     * How the model compares with what happened, series by series, and the facts it rests on:
     * those dated after the event, those fitted to the outcome. Left out when the scenario neither
     * observes nor dates anything.
     */
    private void backtest() throws IOException {
        Scenario s = c.scenario();
        List<org.chokepoint.analysis.Backtests.Fit> fits = org.chokepoint.analysis.Backtests.fits(s, c.run().probes(),
                c.run().observedModel(), c.run().observedBaseline(), c.mc());
        List<org.chokepoint.model.Fact> calibrated = org.chokepoint.model.Backtest.calibrated(s);
        List<org.chokepoint.model.Fact> late = org.chokepoint.model.Backtest.lateFacts(s);
        boolean dated = org.chokepoint.model.Backtest.datesItsFacts(s);
        if (fits.isEmpty() && calibrated.isEmpty() && !dated) {
            return;
        }
        p.newPage();
        p.heading("Back-test: the model against what happened");
        java.time.LocalDate event = org.chokepoint.model.Backtest.eventOf(s);
        p.paragraph(p.regular, 10, "The event was known on " + event + ". A back-test may rest only on facts public before it;"
                + " every figure of this scenario carries the date it was public (as-of), and a figure fitted to what happened"
                + " afterwards is marked calibrated and listed below. Observed series are compared "
                + (c.mc() == null ? "with the run with the measures" : "with the median of the " + c.mc().runs() + " runs")
                + "; an index divides each series by its own mean over the observations before the event, so it compares"
                + " shapes, not levels. The errors are over the observations after the event: MAE, the mean absolute error in"
                + " index points (or model units), and MAPE, the mean absolute error as a percentage of the observed value, taken"
                + " over the observations at least " + Math.round(100 * org.chokepoint.analysis.Backtests.MAPE_FLOOR)
                + "% of the level before the event, as it grows without bound where the observed value nears zero. A fall is the first observation below the level"
                + " before the event by the stated fraction.", 14);
        p.y -= 6;
        if (!fits.isEmpty()) {
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"series", "per", "points", "MAE", "MAPE", "fall seen", "fall modelled"});
            for (var f : fits) {
                var o = f.series();
                rows.add(new String[] {o.name() + (o.calibrated() ? " (calibrated)" : ""), o.per().key(),
                    Long.toString(f.pointsAfterEvent()), Double.isNaN(f.mae()) ? "-"
                            : FitNumbers.compact(f.mae(), o.compare() == org.chokepoint.model.Observed.Compare.INDEX),
                    Double.isNaN(f.mape()) ? "-" : String.format(Locale.ROOT, "%.0f%%", 100 * f.mape()),
                    Double.isNaN(o.onset()) ? "not asked" : f.onsetObserved() == null ? "none" : o.per().label(f.onsetObserved()),
                    Double.isNaN(o.onset()) ? "-" : f.onsetModel() == null ? "none" : o.per().label(f.onsetModel())});
            }
            p.table(rows, new float[] {0.34f, 0.10f, 0.10f, 0.08f, 0.08f, 0.14f, 0.16f});
            p.y -= 6;
            for (var f : fits) {
                p.bullet(f.series().name() + ": " + Names.subject(c.scenario(), f.series()) + ", in " + f.series().unit() + ", compared "
                        + (f.series().compare() == org.chokepoint.model.Observed.Compare.INDEX ? "as an index" : "as a level")
                        + "; points after the event " + f.pointsAfterEvent() + " of " + f.points().size()
                        + (Double.isNaN(f.series().onset()) ? "" : "; a fall is " + Math.round(100 * f.series().onset())
                                + "% below the level before the event") + ". Source: "
                        + String.join("; ", f.series().sources()) + (f.note().isEmpty() ? "" : ". " + f.note()) + ".");
            }
            p.y -= 6;
        }
        p.subheading("Facts public after the event");
        if (late.isEmpty()) {
            p.paragraph(p.regular, 10, "None: every dated figure was public by " + event + ".", 14);
        }
        for (var f : late) {
            p.bullet(f.element() + ", as of " + f.asOf() + " (" + org.chokepoint.io.BacktestWriter.where(f) + ")");
        }
        int undated = org.chokepoint.model.Backtest.undated(s).size();
        if (undated > 0) {
            p.paragraph(p.regular, 10, undated + " element" + (undated == 1 ? " gives" : "s give") + " no date (validate --strict"
                    + " lists them).", 14);
        }
        p.y -= 6;
        p.subheading("Calibrated figures");
        if (calibrated.isEmpty()) {
            p.paragraph(p.regular, 10, "None: no figure was fitted to what happened.", 14);
        }
        for (var f : calibrated) {
            p.bullet(f.element() + ": fitted to " + f.calibrated() + (f.asOf() == null ? "" : ", as of " + f.asOf()) + ".");
        }
    }

    private void sourcesAndMethods() throws IOException {
        p.newPage();
        Scenario s = c.scenario();
        p.heading("Sources");
        if (s.sources().isEmpty()) {
            p.paragraph(p.regular, 10, "The scenario lists no sources.", 14);
        }
        for (String src : s.sources()) {
            p.bullet(src);
        }
        p.y -= 8;
        p.heading("Assumptions");
        if (s.assumptions().isEmpty()) {
            p.paragraph(p.regular, 10, "The scenario lists no assumptions.", 14);
        }
        for (String a : s.assumptions()) {
            p.bullet(a);
        }
        p.y -= 8;
        networkNotes(s);
        p.y -= 8;
        p.heading("Methods");
        java.util.Set<String> ranked = s.behaviour().priority() == null ? java.util.Set.of() : s.behaviour().priority().keySet();
        p.paragraph(p.regular, 10, "Each site makes one output from inputs in fixed amounts per unit (a Leontief recipe), up to"
                + " its capacity, and orders enough to meet what its customers ordered and to close the gap to its target"
                + " stock over the restoration time. A supplier short of output shares it among its customers in proportion"
                + " to their orders, unless the scenario ranks final demand first"
                + (ranked.isEmpty() ? "" : "; " + String.join(", ", ranked) + " serve" + (ranked.size() == 1 ? "s" : "")
                        + " the customers on " + (ranked.size() == 1 ? "its" : "their") + " priority list first, in order")
                + ". Goods arrive after each link's lead time."
                + " Measures act on links: a listing, control or ban stops a link (or lets a licensed share through after the"
                + " license delay), a tariff raises its price; escalations add measures when their trigger fires.", 14);
        p.y -= 6;
        p.paragraph(p.regular, 10, pricesAndPools(s), 14);
        p.y -= 6;
        p.paragraph(p.regular, 10, "Every figure is compared with the same run without the measures, so costs and shortfalls are"
                + " what the measures caused. Uncertain inputs (license approvals, escalation, ranges in the uncertainty"
                + " block) are drawn once per Monte Carlo run from its own random stream, split from the scenario seed, so"
                + " the results are the same for any number of threads."
                + (c.mc() == null ? "" : c.mc().exactBands()
                        ? " The bands (P5, median, P95 of each period) are the percentiles of all runs' values."
                        : " The bands (P5, median, P95 of each period) are estimated with one t-digest per end item,"
                                + " market and period, as all runs' values would not fit in memory."), 14);
        p.y -= 6;
        p.paragraph(p.regular, 10, "Reproduce this report with: chokepoint run " + c.scenarioFile() + " --seed " + s.seed()
                + (c.mc() == null ? "" : " --runs " + c.mc().runs()) + " (" + reproducibility(c) + ").", 14);
    }

    /** At most this many of the network's element notes on the sources page; the rest are in the network file. */
    static final int MAX_NOTES = 120;

    /** The network's own sources and assumptions, then its elements', each under the element's name. */
    private void networkNotes(Scenario s) throws IOException {
        List<org.chokepoint.model.Note> notes = s.network().notes().stream()
                .filter(n -> n.kind() != org.chokepoint.model.Note.Kind.NOTE).toList();
        if (notes.isEmpty()) {
            return;
        }
        p.heading("The network's sources and assumptions");
        p.paragraph(p.regular, 9, "Figures with a source name it; the others are assumptions, to be replaced with better data."
                + " Each element's date (as-of) is in the network file.", 12);
        int shown = 0;
        for (org.chokepoint.model.Note.Kind kind : List.of(org.chokepoint.model.Note.Kind.SOURCE, org.chokepoint.model.Note.Kind.ASSUMPTION)) {
            p.subheading(kind == org.chokepoint.model.Note.Kind.SOURCE ? "Sources" : "Assumptions");
            for (org.chokepoint.model.Note n : notes) {
                if (n.kind() != kind || shown >= MAX_NOTES) {
                    continue;
                }
                p.bullet((n.element().equals("network") ? "" : n.element() + ": ") + n.text());
                shown++;
            }
        }
        if (notes.size() > shown) {
            p.paragraph(p.regular, 9, "... and " + (notes.size() - shown) + " more in " + c.scenario().networkSource() + ".", 12);
        }
    }

    /** The price rule and the pools in force, with their settings: assumptions, stated as such. */
    static String pricesAndPools(Scenario s) {
        org.chokepoint.engine.PriceRule rule = org.chokepoint.engine.Parameters.of(s).prices();
        StringBuilder b = new StringBuilder();
        if (rule == null) {
            b.append("Prices follow costs alone: the scenario turns scarcity prices off.");
        } else {
            b.append("Prices are each seller's cost times a scarcity multiplier per item and market (markets: ")
                    .append(String.join(", ", rule.markets())).append("). Each period the multiplier moves toward (what the")
                    .append(" market's buyers order over what its sellers could offer, against the same ratio without shocks)")
                    .append(" to the power 1/(demand elasticity + supply elasticity), with demand elasticities of ")
                    .append(fmt(rule.elasticity())).append(" for materials and components and ").append(fmt(rule.endElasticity()))
                    .append(" for end items, a supply elasticity of ").append(fmt(rule.supplyElasticity()))
                    .append(", a time constant of ").append(fmt(rule.adjustment())).append(" ").append(s.step().key())
                    .append("s, and between ").append(fmt(rule.floor())).append(" and ").append(fmt(rule.ceiling()))
                    .append(" times cost: assumptions, not estimates for these markets (docs/model.md).");
        }
        java.util.Set<String> pools = new java.util.TreeSet<>();
        s.network().demand().forEach(d -> {
            if (d.pool() != null) {
                pools.add(d.item() + " in " + d.market() + " (switching after " + d.switching() + ")");
            }
        });
        if (!pools.isEmpty()) {
            b.append(" End buyers of ").append(String.join(", ", pools)).append(" left short by one maker move to makers with")
                    .append(" spare capacity after the switching time, and back when it can serve them again.");
        }
        return b.toString();
    }

    private static String fmt(double x) {
        return org.chokepoint.model.Checks.fmt(x);
    }
}
