package org.chokepoint.report;

import java.awt.Font;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.chokepoint.analysis.RunSummary;
import org.chokepoint.engine.CompiledNetwork;
import org.chokepoint.engine.SeriesRecorder;
import org.chokepoint.model.Scenario;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Production and input stock over time at the sites the measures hit hardest, each as a share of
 * the same site's figure in the run without the measures: the top panel shows when a site's
 * output falls, the bottom one the stock of its scarcest input running down before it.
 */
public final class SitesChart {

    /** Sites charted at most. */
    public static final int MAX_SITES = 5;

    /**
     * @param sites the sites, hardest hit first
     * @param output {@code output[i][t]}: site i's output at period t, % of its output without measures
     * @param stock {@code stock[i][t]}: the lowest stock of any of site i's inputs at t, % of that
     *     input's stock without measures; NaN (no line) where the site holds no input stock
     */
    /** @param scarcest per site, the input whose stock fell lowest against the baseline over the run */
    public record Data(List<String> sites, List<LocalDate> dates, double[][] output, double[][] stock, List<String> scarcest) {}

    private SitesChart() {}

    /** Up to {@link #MAX_SITES} sites whose output fell below 99% of baseline. */
    public static Data data(Scenario s, CompiledNetwork n, RunSummary summary, SeriesRecorder run, SeriesRecorder baseline) {
        // Sites cut off from an input come first: theirs is the story of stock running down. Then
        // the ones whose customers stopped buying.
        List<String> sites = summary.sites().stream().filter(r -> r.firstBelow() != RunSummary.NEVER)
                .sorted(Comparator.comparing((RunSummary.SiteRow r) -> r.firstCut() == RunSummary.NEVER)
                        .thenComparingDouble(RunSummary.SiteRow::minOutputRatio).thenComparing(RunSummary.SiteRow::site))
                .limit(MAX_SITES).map(RunSummary.SiteRow::site).toList();
        int periods = run.periods();
        List<LocalDate> dates = new ArrayList<>();
        for (int t = 0; t < periods; t++) {
            dates.add(s.dateOf(t));
        }
        double[][] output = new double[sites.size()][periods];
        double[][] stock = new double[sites.size()][periods];
        List<String> scarcest = new ArrayList<>();
        for (int i = 0; i < sites.size(); i++) {
            int site = n.site(sites.get(i));
            double worst = Double.POSITIVE_INFINITY;
            String worstInput = "";
            for (int t = 0; t < periods; t++) {
                output[i][t] = percent(run.output(t, site), baseline.output(t, site));
                double lowest = Double.NaN;
                for (int k = n.slotStart(site); k < n.slotEnd(site); k++) {
                    if (baseline.stock(t, k) > 0) {
                        double p = percent(run.stock(t, k), baseline.stock(t, k));
                        lowest = Double.isNaN(lowest) ? p : Math.min(lowest, p);
                        if (p < worst) {
                            worst = p;
                            worstInput = n.slotItemId(k);
                        }
                    }
                }
                stock[i][t] = lowest;
            }
            scarcest.add(worstInput);
        }
        return new Data(sites, dates, output, stock, List.copyOf(scarcest));
    }

    private static double percent(double value, double base) {
        return base > 0 ? 100 * value / base : 100;
    }

    public static JFreeChart chart(Scenario s, Data d) {
        XYPlot out = panel(s, d, d.output(), "output (%)");
        XYPlot stock = panel(s, d, d.stock(), "its scarcest input's stock (%)");
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(new DateAxis("date"));
        plot.setGap(12);
        plot.add(out, 1);
        plot.add(stock, 1);
        JFreeChart chart = new JFreeChart("Output and input stock of the hardest-hit sites", new Font(Theme.FONT, Font.BOLD, 20),
                plot, true);
        chart.addSubtitle(new TextTitle(s.title(), new Font(Theme.FONT, Font.PLAIN, 13)));
        Theme.apply(chart);
        for (XYPlot p : List.of(out, stock)) {
            for (int i = 0; i < d.sites().size(); i++) {
                p.getRenderer().setSeriesPaint(i, Theme.PALETTE[i % Theme.PALETTE.length]);
                p.getRenderer().setSeriesStroke(i, Theme.line(2f));
                p.getRenderer().setSeriesVisibleInLegend(i, p == out);
            }
        }
        return chart;
    }

    private static XYPlot panel(Scenario s, Data d, double[][] values, String label) {
        XYSeriesCollection lines = new XYSeriesCollection();
        for (int i = 0; i < d.sites().size(); i++) {
            String scarce = d.scarcest().get(i);
            XYSeries series = new XYSeries(Names.site(s, d.sites().get(i))
                    + (scarce.isEmpty() ? "" : " (its scarcest input: " + Names.item(s, scarce) + ")"));
            for (int t = 0; t < d.dates().size(); t++) {
                series.add(ShortfallChart.millis(d.dates().get(t)), values[i][t]);
            }
            lines.addSeries(series);
        }
        NumberAxis pct = new NumberAxis(label);
        pct.setNumberFormatOverride(NumberFormat.getIntegerInstance(Locale.ROOT));
        pct.setAutoRangeIncludesZero(true);
        return new XYPlot(lines, null, pct, new XYLineAndShapeRenderer(true, false));
    }
}
