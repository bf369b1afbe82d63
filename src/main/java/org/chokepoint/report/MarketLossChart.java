package org.chokepoint.report;

import java.awt.Color;
import java.awt.Font;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.List;
import org.chokepoint.analysis.MonteCarlo;
import org.chokepoint.model.Scenario;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BoxAndWhiskerRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.statistics.DefaultBoxAndWhiskerCategoryDataset;

/**
 * How the value of end items not delivered spreads across Monte Carlo runs, market by market:
 * the buyers on each side of the measures, one box each (quartiles, median line, whiskers to the
 * furthest run within 1.5 interquartile ranges), in % of what the market would have bought over
 * the run — so a small market's losses show next to a large one's.
 */
public final class MarketLossChart {

    private MarketLossChart() {}

    /** Markets where some run fell short. */
    public static List<String> markets(MonteCarlo.Result mc) {
        List<String> out = new ArrayList<>();
        for (String m : mc.markets()) {
            for (double v : mc.marketTotals(m)) {
                if (v > 0) {
                    out.add(m);
                    break;
                }
            }
        }
        return out;
    }

    /**
     * Each market's run totals in % of the value of its demand over the run without measures: the
     * box from the 25th to the 75th percentile with the median, the whiskers from the 5th to the
     * 95th (the band the other charts shade), no outliers drawn.
     */
    public static DefaultBoxAndWhiskerCategoryDataset data(Scenario s, MonteCarlo.Result mc) {
        DefaultBoxAndWhiskerCategoryDataset d = new DefaultBoxAndWhiskerCategoryDataset();
        for (String m : markets(mc)) {
            double demand = demandValue(s, m);
            double[] totals = mc.marketTotals(m);
            double[] values = new double[totals.length];
            for (int r = 0; r < totals.length; r++) {
                values[r] = demand > 0 ? 100 * totals[r] / demand : 0;
            }
            org.apache.commons.math3.stat.descriptive.rank.Percentile q = new org.apache.commons.math3.stat.descriptive.rank.Percentile();
            q.setData(values);
            double mean = java.util.Arrays.stream(values).average().orElse(0);
            d.add(new org.jfree.data.statistics.BoxAndWhiskerItem(mean, q.evaluate(50), q.evaluate(25), q.evaluate(75), q.evaluate(5),
                    q.evaluate(95), null, null, List.of()), "shortfall across runs", m);
        }
        return d;
    }

    /** What buyers in the market order over the run, at their prices, without measures. */
    static double demandValue(Scenario s, String market) {
        double v = 0;
        for (var d : s.network().demand()) {
            if (d.market().equals(market)) {
                v += d.quantity() * s.network().price(d) * s.periods();
            }
        }
        return v;
    }

    public static JFreeChart chart(Scenario s, MonteCarlo.Result mc) {
        NumberAxis pct = new NumberAxis("value not delivered, % of the market's demand over the run");
        pct.setNumberFormatOverride(new DecimalFormat("0.#"));
        pct.setAutoRangeIncludesZero(true);
        BoxAndWhiskerRenderer boxes = new BoxAndWhiskerRenderer();
        CategoryPlot plot = new CategoryPlot(data(s, mc), new CategoryAxis("buyers' country"), pct, boxes);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setRangeAxisLocation(org.jfree.chart.axis.AxisLocation.BOTTOM_OR_LEFT);
        JFreeChart chart = new JFreeChart("Shortfall by market across " + mc.runs() + " runs", new Font(Theme.FONT, Font.BOLD, 20),
                plot, false);
        chart.addSubtitle(new TextTitle(s.title(), new Font(Theme.FONT, Font.PLAIN, 13)));
        chart.addSubtitle(new TextTitle("line: the median run; box: the middle half of the runs; whiskers: 90% of them (P5 to P95)",
                new Font(Theme.FONT, Font.PLAIN, 12)));
        Theme.apply(chart);
        boxes.setSeriesPaint(0, new Color(0xC0, 0x39, 0x2B, 150));
        boxes.setSeriesOutlinePaint(0, Theme.BASELINE);
        boxes.setUseOutlinePaintForWhiskers(true);
        boxes.setMeanVisible(false);
        boxes.setMaximumBarWidth(0.18);
        boxes.setDefaultOutlineStroke(Theme.line(1.2f));
        return chart;
    }
}
