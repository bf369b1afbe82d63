package org.chokepoint.report;

import java.awt.Font;
import java.text.DecimalFormat;
import java.util.List;
import org.chokepoint.analysis.Criticality;
import org.chokepoint.analysis.Exposure;
import org.chokepoint.analysis.ExposureReport;
import org.chokepoint.model.Scenario;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.category.DefaultCategoryDataset;

/** Charts of the exposure analysis: what each measure reaches, and which supplier's outage hurts most. */
public final class ExposureCharts {

    /** Suppliers charted in the ranking. */
    public static final int TOP = 15;

    private ExposureCharts() {}

    /** % of each end item's cost each measure reaches; only pairs where it reaches something. */
    public static DefaultCategoryDataset exposureData(List<Exposure.Row> rows) {
        DefaultCategoryDataset d = new DefaultCategoryDataset();
        for (Exposure.Row r : rows) {
            if (r.share() > 0) {
                d.addValue(100 * r.share(), r.measure() + (r.condition() == null ? "" : " (if it fires)"), r.site());
            }
        }
        return d;
    }

    public static boolean hasExposure(List<Exposure.Row> rows) {
        return rows.stream().anyMatch(r -> r.share() > 0);
    }

    public static JFreeChart exposure(Scenario s, List<Exposure.Row> rows) {
        NumberAxis pct = new NumberAxis("share of the end item's cost the measure reaches (%)");
        // scaled to the largest share, not to 100%: a small share of a critical input must stay visible; each bar says its value
        double top = rows.stream().mapToDouble(Exposure.Row::share).max().orElse(0) * 100;
        pct.setRange(0, Math.max(1, Math.min(100, top * 1.18)));
        DefaultCategoryDataset named = bySiteName(s, exposureData(rows));
        JFreeChart chart = bars(named, pct, "end item (and the firm that makes it)", "Exposure of each end item, by measure");
        BarRenderer r = (BarRenderer) chart.getCategoryPlot().getRenderer();
        r.setDefaultItemLabelGenerator(new org.jfree.chart.labels.StandardCategoryItemLabelGenerator("{2}%",
                new DecimalFormat("#,##0.##")));
        r.setDefaultItemLabelsVisible(true);
        r.setDefaultItemLabelFont(new Font(Theme.FONT, Font.PLAIN, 11));
        // the value just right of the bar's end, so a thin bar's label is not cut by the axis
        r.setDefaultPositiveItemLabelPosition(new org.jfree.chart.labels.ItemLabelPosition(org.jfree.chart.labels.ItemLabelAnchor.OUTSIDE3,
                org.jfree.chart.ui.TextAnchor.CENTER_LEFT));
        r.setItemLabelAnchorOffset(4);
        chart.addSubtitle(new TextTitle(s.title() + " — inputs restricted anywhere upstream, by value", new Font(Theme.FONT, Font.PLAIN, 13)));
        return chart;
    }

    /** The suppliers charted: the {@link #TOP} worst, those whose outage costs anything. */
    public static List<Criticality.Impact> charted(ExposureReport r) {
        return r.criticality().stream().filter(i -> i.lostValue() > 0).limit(TOP).toList();
    }

    /** Lost value of the worst suppliers' outages, USD millions: simulation, and the program where it ran. */
    public static DefaultCategoryDataset criticalityData(ExposureReport r) {
        DefaultCategoryDataset d = new DefaultCategoryDataset();
        for (Criticality.Impact i : charted(r)) {
            d.addValue(i.lostValue() / 1e6, "knock-out simulation", i.site());
            if (!r.program().isEmpty()) {
                double lp = r.program().stream().filter(x -> x.site().equals(i.site())).mapToDouble(Criticality.Impact::lostValue)
                        .findFirst().orElse(0);
                d.addValue(lp / 1e6, "linear program", i.site());
            }
        }
        return d;
    }

    public static JFreeChart criticality(Scenario s, ExposureReport r) {
        NumberAxis usd = new NumberAxis("value of end items lost (USD millions)");
        usd.setNumberFormatOverride(new DecimalFormat("#,##0.#"));
        usd.setAutoRangeMinimumSize(1);
        String unit = s.step() == org.chokepoint.model.Step.DAY ? "days" : "weeks";
        DefaultCategoryDataset named = bySiteName(s, criticalityData(r));
        JFreeChart chart = bars(named, usd, "supplier (the item it makes)", "Which supplier's outage hurts most");
        chart.addSubtitle(new TextTitle(s.title() + " — each down " + r.recovery() + " " + unit + ", without the measures",
                new Font(Theme.FONT, Font.PLAIN, 13)));
        return chart;
    }

    /** The same values with each column (a site id) under the site's name. */
    private static DefaultCategoryDataset bySiteName(Scenario s, DefaultCategoryDataset data) {
        DefaultCategoryDataset named = new DefaultCategoryDataset();
        for (Object row : data.getRowKeys()) {
            for (Object col : data.getColumnKeys()) {
                Number v = data.getValue((Comparable<?>) row, (Comparable<?>) col);
                if (v != null) {
                    named.addValue(v, (Comparable<?>) row, Names.site(s, col.toString()));
                }
            }
        }
        return named;
    }

    private static JFreeChart bars(DefaultCategoryDataset data, NumberAxis values, String categoryLabel, String title) {
        BarRenderer bars = new BarRenderer();
        CategoryAxis categories = new CategoryAxis(categoryLabel);
        // names wrap onto up to three lines rather than being cut
        categories.setMaximumCategoryLabelWidthRatio(0.3f);
        categories.setMaximumCategoryLabelLines(3);
        CategoryPlot plot = new CategoryPlot(data, categories, values, bars);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setRangeAxisLocation(org.jfree.chart.axis.AxisLocation.BOTTOM_OR_LEFT);
        JFreeChart chart = new JFreeChart(title, new Font(Theme.FONT, Font.BOLD, 20), plot, true);
        Theme.apply(chart);
        for (int i = 0; i < Theme.PALETTE.length; i++) {
            bars.setSeriesPaint(i, Theme.PALETTE[i]);
        }
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setItemMargin(0.05);
        bars.setMaximumBarWidth(0.12);
        return chart;
    }
}
