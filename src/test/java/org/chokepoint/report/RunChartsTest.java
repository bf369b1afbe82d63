package org.chokepoint.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.chokepoint.analysis.MonteCarlo;
import org.chokepoint.analysis.RunSummary;
import org.chokepoint.api.Chokepoint;
import org.chokepoint.engine.Parameters;
import org.chokepoint.model.Scenario;
import org.jfree.data.statistics.HistogramDataset;
import org.junit.jupiter.api.Test;

/** The survive/recover scatter and the histogram of run totals plot what the analysis computed. */
class RunChartsTest {

    static final Scenario SAMPLE = Chokepoint.loadScenario(Path.of("scenarios/inspur-entity-list-2025.yaml"));

    @Test
    void scatterHoldsEveryCutSiteWithItsTimes() {
        RunSummary sum = Chokepoint.simulate(SAMPLE, Parameters.DEFAULT).summary();
        List<SurviveRecoverChart.Point> points = SurviveRecoverChart.points(sum);
        List<RunSummary.SiteRow> cut = sum.sites().stream().filter(r -> r.timeToSurvive() != RunSummary.NEVER).toList();
        assertThat(points).hasSameSizeAs(cut).isNotEmpty();
        for (int i = 0; i < cut.size(); i++) {
            RunSummary.SiteRow r = cut.get(i);
            SurviveRecoverChart.Point p = points.get(i);
            assertThat(p.site()).isEqualTo(r.site());
            assertThat(p.survive()).isEqualTo(r.timeToSurvive());
            if (r.timeToRecover() != RunSummary.NEVER) {
                assertThat(p.recover()).isEqualTo(r.timeToRecover());
            } else if (r.firstBelow() != RunSummary.NEVER) {
                // not recovered: down from its first short period to the end of the run
                assertThat(p.recovered()).isFalse();
                assertThat(p.recover()).isEqualTo(sum.periods() - r.firstBelow());
            }
        }
        // In the 2025 sample the Inspur lines fall short and stay short: they are the sites at risk.
        assertThat(points).filteredOn(SurviveRecoverChart.Point::atRisk).extracting(SurviveRecoverChart.Point::site)
                .contains("inspur-ai-line", "inspur-gp-line");
        // only the kinds of point there are get a legend entry, and every point carries the names of its sites
        var plot = SurviveRecoverChart.chart(SAMPLE, sum).getXYPlot();
        long kinds = points.stream().map(p -> !p.recovered() ? 2 : p.atRisk() ? 1 : 0).distinct().count();
        assertThat(plot.getDataset().getSeriesCount()).isEqualTo((int) kinds);
        var labels = plot.getRenderer().getDefaultItemLabelGenerator();
        List<String> all = new java.util.ArrayList<>();
        for (int sIdx = 0; sIdx < plot.getDataset().getSeriesCount(); sIdx++) {
            for (int i = 0; i < plot.getDataset().getItemCount(sIdx); i++) {
                all.add(labels.generateLabel(plot.getDataset(), sIdx, i));
            }
        }
        assertThat(String.join("; ", all)).contains(Names.site(SAMPLE, "inspur-ai-line"))
                .contains("AI server (8 H20-class accelerators), by Inspur Electronic Information Industry Co. Ltd.");
    }

    @Test
    void sitesChartShowsOutputAndScarcestStockAgainstTheBaseline() {
        Chokepoint.Run run = Chokepoint.simulate(SAMPLE, Parameters.DEFAULT);
        SitesChart.Data d = SitesChart.data(SAMPLE, run.network(), run.summary(), run.series(), run.baselineSeries());
        // The Inspur lines are cut off from their inputs, so they lead; at most MAX_SITES sites.
        assertThat(d.sites()).hasSizeBetween(2, SitesChart.MAX_SITES).startsWith("inspur-ai-line", "inspur-gp-line");
        var n = run.network();
        for (int i = 0; i < d.sites().size(); i++) {
            int site = n.site(d.sites().get(i));
            for (int t = 0; t < SAMPLE.periods(); t += 7) {
                double base = run.baselineSeries().output(t, site);
                double expected = base > 0 ? 100 * run.series().output(t, site) / base : 100;
                assertThat(d.output()[i][t]).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-9));
                double lowest = Double.NaN;
                for (int k = 0; k < n.slotCount(); k++) {
                    if (n.slotSite(k) == site && run.baselineSeries().stock(t, k) > 0) {
                        double p = 100 * run.series().stock(t, k) / run.baselineSeries().stock(t, k);
                        lowest = Double.isNaN(lowest) ? p : Math.min(lowest, p);
                    }
                }
                assertThat(Double.valueOf(d.stock()[i][t])).isEqualTo(Double.valueOf(lowest)); // NaN: no input stock
            }
        }
        // The AI line's stock runs out before its output falls.
        int fell = run.summary().sites().stream().filter(r -> r.site().equals("inspur-ai-line")).findFirst().orElseThrow().firstBelow();
        assertThat(d.stock()[0][fell - 1]).isLessThan(50);
        assertThat(d.output()[0][fell - 1]).isGreaterThan(99);
        // and the legend says which input is the scarcest
        assertThat(d.sites()).contains("inspur-ai-line");
        var combined = (org.jfree.chart.plot.CombinedDomainXYPlot) SitesChart.chart(SAMPLE, d).getXYPlot();
        String legend = combined.getSubplots().get(0).getDataset().getSeriesKey(d.sites().indexOf("inspur-ai-line")).toString();
        assertThat(legend).startsWith(Names.site(SAMPLE, "inspur-ai-line") + " (its scarcest input: ")
                .doesNotContain("inspur-ai-line");
        String scarce = d.scarcest().get(d.sites().indexOf("inspur-ai-line"));
        assertThat(legend).endsWith("(its scarcest input: " + SAMPLE.network().item(scarce).name() + ")");
    }

    /** runs-by-market.png: the whiskers are P5 and P95 of the runs, the box P25-P75 around the median, as the subtitle says. */
    @Test
    void marketBoxesAreTheRunsPercentiles() {
        MonteCarlo.Result mc = MonteCarlo.run(SAMPLE, Parameters.DEFAULT, 60, 2, new double[] {5, 50, 95}, r -> { });
        var d = MarketLossChart.data(SAMPLE, mc);
        assertThat(MarketLossChart.markets(mc)).isNotEmpty();
        for (String m : MarketLossChart.markets(mc)) {
            double demand = MarketLossChart.demandValue(SAMPLE, m);
            double[] pct = java.util.Arrays.stream(mc.marketTotals(m)).map(v -> 100 * v / demand).toArray();
            var q = new org.apache.commons.math3.stat.descriptive.rank.Percentile();
            q.setData(pct);
            assertThat(d.getMinRegularValue(0, d.getColumnIndex(m)).doubleValue()).as(m).isEqualTo(q.evaluate(5));
            assertThat(d.getMaxRegularValue(0, d.getColumnIndex(m)).doubleValue()).as(m).isEqualTo(q.evaluate(95));
            assertThat(d.getQ1Value(0, d.getColumnIndex(m)).doubleValue()).as(m).isEqualTo(q.evaluate(25));
            assertThat(d.getMedianValue(0, d.getColumnIndex(m)).doubleValue()).as(m).isEqualTo(q.evaluate(50));
            assertThat(d.getOutliers(0, d.getColumnIndex(m))).as(m).isNullOrEmpty();
        }
        assertThat(((org.jfree.chart.title.TextTitle) MarketLossChart.chart(SAMPLE, mc).getSubtitle(1)).getText())
                .contains("whiskers: 90% of them (P5 to P95)");
    }

    @Test
    void histogramCountsEveryRunOnce() {
        MonteCarlo.Result mc = MonteCarlo.run(SAMPLE, Parameters.DEFAULT, 60, 2, new double[] {5, 50, 95}, r -> { });
        HistogramDataset d = RunsHistogram.data(mc);
        double counted = 0;
        double weighted = 0;
        for (int b = 0; b < d.getItemCount(0); b++) {
            counted += d.getYValue(0, b);
            weighted += d.getYValue(0, b) * d.getXValue(0, b);
        }
        assertThat(counted).isEqualTo(60);
        // Bin centres are within half a bin of the runs they hold, so the means agree to half a bin.
        double width = d.getEndXValue(0, 0) - d.getStartXValue(0, 0);
        assertThat(weighted / counted).isCloseTo(mc.totalMean() / 1e6, org.assertj.core.data.Offset.offset(width / 2));
        assertThat(RunsHistogram.chart(SAMPLE, mc).getXYPlot().getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND)).hasSize(3);
    }

    /** Measure dates are numbered markers with a key under the chart, an end dotted: labels never overprint. */
    @Test
    void measureMarkersAreNumberedWithAKeyAndEndsAreMarked() {
        Scenario s = Chokepoint.loadScenario(Path.of("scenarios/china-gallium-germanium-2023.yaml"));
        Chokepoint.Run run = Chokepoint.simulate(s, org.chokepoint.engine.Parameters.of(s));
        var data = PriceChart.data(s, run.network(), run.series(), run.baselineSeries());
        org.jfree.chart.JFreeChart chart = PriceChart.chart(s, data.get(0));
        var markers = chart.getXYPlot().getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND);
        assertThat(markers).extracting(m -> ((org.jfree.chart.plot.ValueMarker) m).getLabel()).containsExactly("1", "2", "3");
        String key = "";
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            if (chart.getSubtitle(i) instanceof org.jfree.chart.title.TextTitle t) {
                key += t.getText() + "\n";
            }
        }
        assertThat(key).contains("1 mofcom-2023-ga-ge-licensing (2023-08-01)", "2 mofcom-2024-us-ban (2024-12-03)",
                "3 end of mofcom-2024-us-ban (2025-11-09)");
    }

    /** The exposure charts name items and firms, and scale to what they show. */
    @Test
    void exposureChartsUseNamesAndAScaleTheirBarsFill() {
        var report = org.chokepoint.analysis.ExposureReport.of(SAMPLE, Parameters.of(SAMPLE), 8, 0, false, 2, d -> { });
        var crit = ExposureCharts.criticality(SAMPLE, report).getCategoryPlot();
        assertThat(crit.getCategories()).extracting(Object::toString).contains("Server power supply (GaN stage), by Delta Electronics");
        var exp = ExposureCharts.exposure(SAMPLE, report.exposure()).getCategoryPlot();
        double top = report.exposure().stream().mapToDouble(org.chokepoint.analysis.Exposure.Row::share).max().orElseThrow() * 100;
        assertThat(exp.getRangeAxis().getUpperBound()).isBetween(top, Math.max(1, top * 1.2));
        assertThat(exp.getRenderer().getDefaultItemLabelsVisible()).isTrue();
    }
}
