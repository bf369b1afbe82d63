package org.chokepoint.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.chokepoint.analysis.MonteCarlo;
import org.chokepoint.analysis.RunSummary;
import org.chokepoint.api.Chokepoint;
import org.chokepoint.engine.Parameters;
import org.chokepoint.model.Scenario;
import org.junit.jupiter.api.Test;

class PdfReportTest {

    static final Scenario SAMPLE = Chokepoint.loadScenario(Path.of("scenarios/inspur-entity-list-2025.yaml"));

    static byte[] report(LocalDate runDate) throws Exception {
        Chokepoint.Run run = Chokepoint.simulate(SAMPLE, Parameters.DEFAULT);
        MonteCarlo.Result mc = MonteCarlo.run(SAMPLE, Parameters.DEFAULT, 20, 2, new double[] {5, 50, 95}, r -> { });
        var data = ShortfallChart.data(SAMPLE, run.network(), run.series(), run.baselineSeries(), mc);
        List<PdfReport.Figure> figures = List.of(
                new PdfReport.Figure("a.png", ShortfallChart.chart(SAMPLE, data.get(0)), "first caption"),
                new PdfReport.Figure("b.png", ShortfallChart.chart(SAMPLE, data.get(1)), "second caption"),
                new PdfReport.Figure("c.png", CostChart.chart(SAMPLE, run.summary()), "third caption"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfReport.write(new PdfReport.Content(SAMPLE, run, mc, figures, "test-version", "scenarios/x.yaml",
                "ab".repeat(32), runDate), out);
        return out.toByteArray();
    }

    @Test
    void holdsTheSectionsAndTheHeadlineFiguresOfTheAnalysis() throws Exception {
        byte[] pdf = report(LocalDate.of(2026, 1, 2));
        RunSummary sum = Chokepoint.simulate(SAMPLE, Parameters.DEFAULT).summary();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            // title, summary, measures (and their restrictions), two pages of charts (two to a page), the
            // back-test, sources and methods
            int pages = doc.getNumberOfPages();
            assertThat(pages).isGreaterThanOrEqualTo(7);
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(text).contains(SAMPLE.title(), "run on 2026-01-02", "Summary", "The measures", "Sources",
                    "Assumptions", "Methods", "first caption", "third caption", "page " + pages + " of " + pages,
                    "Back-test: the model against what happened", "Inspur Information revenue", "Calibrated figures",
                    "The network's sources and assumptions", "items/gpu-hopper: price about USD 12,000",
                    "seed " + SAMPLE.seed() + " · 20 runs · Chokepoint test-version",
                    "chokepoint run scenarios/x.yaml --seed " + SAMPLE.seed() + " --runs 20");
            double total = sum.demand().stream().mapToDouble(RunSummary.DemandRow::shortfallValue).sum();
            // the median and band of the runs first, in USD bn; the run the tables describe after, to the dollar
            assertThat(text).containsPattern("Value of end items not delivered over the run: USD [0-9.]+ bn \\(median of 20 runs; 90% of them"
                    + " between USD [0-9.]+ (bn|m) and USD [0-9.]+ bn\\)")
                    .contains("(USD " + String.format(Locale.ROOT, "%,.0f", total) + ")");
            for (RunSummary.Totals t : sum.countries()) {
                // Value added first, then gross sales: the row reads "CN -4,437,... 5,329,..."
                assertThat(text).contains(t.key() + " " + String.format(Locale.ROOT, "%,.0f", t.lostValueAdded()) + " "
                        + String.format(Locale.ROOT, "%,.0f", t.lostRevenue()));
            }
            // Every restriction is listed with the rule step that caused it.
            var decisions = Chokepoint.simulate(SAMPLE, Parameters.DEFAULT).decisions().effective();
            assertThat(decisions).isNotEmpty().hasSizeLessThan(40);
            assertThat(text).contains("(" + decisions.size() + " decisions)");
            for (var d : decisions) {
                // by name, and by the ids `explain --link` takes
                assertThat(text).contains(Names.link(SAMPLE, d.linkName(), d.item())).contains(" · " + d.linkName());
                assertThat(text).contains(d.decisiveStep().substring(0, 30));
            }
            for (var m : SAMPLE.measures()) {
                assertThat(text).contains(m.id());
            }
            // Each measure's scope: whom it names, its license policy, its source.
            assertThat(text).contains("bis-2025-inspur: names inspur-beijing, inspur-electronic",
                    "licenses: presumption-of-denial", "source: 90 FR 14046 (2025-03-28)");
            for (String src : SAMPLE.sources()) {
                assertThat(text).contains(src.replaceAll("\\s+", " ").substring(0, 20));
            }
        }
    }

    @Test
    void sameInputsGiveTheSameBytes() throws Exception {
        assertThat(report(null)).isEqualTo(report(null));
    }

    /** With the exposure analysis, the report gains its section: each measure's reach and the criticality ranking. */
    @Test
    void exposureSection() throws Exception {
        Chokepoint.Run run = Chokepoint.simulate(SAMPLE, Parameters.DEFAULT);
        var exposure = org.chokepoint.analysis.ExposureReport.of(SAMPLE, Parameters.DEFAULT, 8, 0, false, 2, d -> { });
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfReport.write(new PdfReport.Content(SAMPLE, run, null, RunFigures.of(SAMPLE, run, null, exposure), "v", "x.yaml",
                "ab".repeat(32), null, exposure), out);
        try (PDDocument doc = Loader.loadPDF(out.toByteArray())) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(text).contains("Exposure", "Where there is no second way", "Whose outage hurts most");
            var ai = exposure.exposure().stream().filter(r -> r.site().equals("inspur-ai-line")).findFirst().orElseThrow();
            // (a cell wraps after a hyphen where an id is wider than its column)
            assertThat(text.replace("- ", "-")).contains(Names.site(SAMPLE, "inspur-ai-line") + " bis-2025-inspur "
                    + String.format(Locale.ROOT, "%.1f%%", 100 * ai.share()));
            var worst = exposure.criticality().get(0);
            assertThat(text).contains("1 " + Names.site(SAMPLE, worst.site()) + " " + String.format(Locale.ROOT, "%,.0f", worst.lostValue()));
            // every cell whole: no cell of the tables is cut short
            assertThat(text).doesNotContain("…");
        }
    }

    /**
     * A large network's report lists the end items with the largest shortfalls, not every one of
     * thousands (a 100,000-site network made a report of 311 pages, 300 of them this table).
     */
    @Test
    void aLargeNetworksEndItemsAreTheWorstHitWithANote() throws Exception {
        var net = org.chokepoint.analysis.SyntheticNetworks.generate(600, 6000, 7);
        List<String> cn = net.sites().stream().filter(x -> net.firm(x.firm()).country().equals("CN"))
                .map(org.chokepoint.model.Site::makes).distinct().sorted().toList();
        var ban = new org.chokepoint.policy.ExportRestriction(org.chokepoint.policy.MeasureHeader.of("ban", "export-ban", "CN",
                LocalDate.of(2025, 2, 3)), true, cn, List.of("US", "JP", "DE"), null, Double.NaN, 1);
        Scenario s = new Scenario("large", null, null, net, "inline", LocalDate.of(2025, 1, 6), org.chokepoint.model.Step.WEEK, 16, 1,
                List.of(ban), null, null, null, null);
        Chokepoint.Run run = Chokepoint.simulate(s, Parameters.of(s));
        List<RunSummary.DemandRow> rows = run.summary().demand();
        List<Integer> shown = RunSummary.worstHit(rows, PdfReport.MAX_END_ITEMS);
        assertThat(rows.size()).isGreaterThan(PdfReport.MAX_END_ITEMS);
        RunSummary.DemandRow worst = rows.get(shown.get(0));
        assertThat(worst.shortfallValue()).as("the ban leaves some end item short").isPositive();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfReport.write(new PdfReport.Content(s, run, null, List.of(), "v", "x.yaml", "ab".repeat(32), null), out);
        try (PDDocument doc = Loader.loadPDF(out.toByteArray())) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(text).contains(String.format(Locale.ROOT, "The %d end items and markets with the largest shortfalls, of %,d;"
                    + " all of them are in summary.json and results.csv.", PdfReport.MAX_END_ITEMS, rows.size()));
            assertThat(text).contains(worst.item() + " @ " + worst.market() + " ");
            long tableRows = java.util.regex.Pattern.compile(" i\\d+ @ [A-Z]{2}[ (]").matcher(text).results().count();
            assertThat(tableRows).isEqualTo(PdfReport.MAX_END_ITEMS);
            assertThat(doc.getNumberOfPages()).isLessThan(12);
        }
    }
}
