package org.chokepoint.report;

import java.awt.Font;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.chokepoint.analysis.RunSummary;
import org.chokepoint.model.Scenario;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * What the measures cost each country over the run, against the run without them: the value
 * added its firms lost (sales less the inputs they used: what a country's accounts would show,
 * never counting a part twice), beside the gross sales they lost for reference (which count a
 * part again in every tier that contains it) — both sides of a measure in one picture; gains
 * are bars below zero.
 */
public final class CostChart {

    private CostChart() {}

    /** Bars charted at most; the rest are left to summary.json. */
    public static final int MAX_BARS = 12;

    /** Series of the bars, in order: value added first. */
    public static final List<String> SERIES = List.of("lost value added", "lost gross sales (counts parts again in each tier)");

    /** Lost value added and lost gross sales per country, USD millions, largest loss or gain of value added first. */
    public static DefaultCategoryDataset data(RunSummary summary) {
        return data(summary.countries());
    }

    /** The same for any rows (firms, groups, countries), the {@link #MAX_BARS} largest. */
    public static DefaultCategoryDataset data(List<RunSummary.Totals> totals) {
        return data(totals, key -> key);
    }

    /** The same, each row under the label {@code label} gives its key (a firm's name for its id). */
    public static DefaultCategoryDataset data(List<RunSummary.Totals> totals, java.util.function.UnaryOperator<String> label) {
        List<RunSummary.Totals> rows = new ArrayList<>(totals);
        rows.sort(Comparator.comparingDouble((RunSummary.Totals t) -> -Math.abs(t.lostValueAdded()))
                .thenComparingDouble(t -> -Math.abs(t.lostRevenue())).thenComparing(RunSummary.Totals::key));
        DefaultCategoryDataset d = new DefaultCategoryDataset();
        for (RunSummary.Totals t : rows.subList(0, Math.min(MAX_BARS, rows.size()))) {
            d.addValue(t.lostValueAdded() / 1e6, SERIES.get(0), label.apply(t.key()));
            d.addValue(t.lostRevenue() / 1e6, SERIES.get(1), label.apply(t.key()));
        }
        return d;
    }

    public static JFreeChart chart(Scenario s, RunSummary summary) {
        return chart(s, data(summary), "Value added lost to the measures, by country", "country (of the firms)", PlotOrientation.VERTICAL);
    }

    /** By firm: the firms that gained or lost most, both sides of the measures; bars lie flat so names fit. */
    public static JFreeChart byFirm(Scenario s, RunSummary summary) {
        return chart(s, data(summary.firms(), id -> s.network().hasFirm(id) ? s.network().firm(id).name() : id),
                "Value added lost to the measures, by firm", "firm", PlotOrientation.HORIZONTAL);
    }

    private static JFreeChart chart(Scenario s, DefaultCategoryDataset data, String title, String categoryLabel,
                                    PlotOrientation orientation) {
        CategoryAxis categories = new CategoryAxis(categoryLabel);
        categories.setMaximumCategoryLabelLines(2);
        NumberAxis usd = new NumberAxis("USD millions over the run");
        usd.setNumberFormatOverride(new DecimalFormat("#,##0"));
        usd.setAutoRangeMinimumSize(10); // no cost at all: a readable axis, not a band around 0
        org.jfree.chart.renderer.category.BarRenderer bars = new org.jfree.chart.renderer.category.BarRenderer();
        bars.setItemMargin(0.05);
        CategoryPlot plot = new CategoryPlot(data, categories, usd, bars);
        plot.setOrientation(orientation);
        plot.setRangeAxisLocation(org.jfree.chart.axis.AxisLocation.BOTTOM_OR_LEFT); // values below, as read
        JFreeChart chart = new JFreeChart(title, new Font(Theme.FONT, Font.BOLD, 20), plot, true);
        chart.addSubtitle(new TextTitle(s.title() + " — against the same run without the measures",
                new Font(Theme.FONT, Font.PLAIN, 13)));
        Theme.apply(chart); // first: it resets series paints
        bars.setSeriesPaint(0, Theme.SCENARIO);
        bars.setSeriesPaint(1, new java.awt.Color(0xBDC3C7));
        bars.setShadowVisible(false);
        bars.setBarPainter(new org.jfree.chart.renderer.category.StandardBarPainter());
        bars.setMaximumBarWidth(0.12);
        if (orientation == PlotOrientation.HORIZONTAL) {
            // room for the last value label, which is centred on the plot's right edge
            chart.setPadding(new org.jfree.chart.ui.RectangleInsets(4, 4, 4, 24));
        }
        return chart;
    }
}
