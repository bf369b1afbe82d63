package org.chokepoint.report;

import java.awt.Font;
import java.text.DecimalFormat;
import org.chokepoint.analysis.MonteCarlo;
import org.chokepoint.model.Scenario;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.statistics.HistogramDataset;
import org.jfree.data.statistics.HistogramType;

/** How the total shortfall value spreads across Monte Carlo runs, with P5, median and P95 marked. */
public final class RunsHistogram {

    private RunsHistogram() {}

    /** Bins of the run totals in USD millions; about the square root of the runs, between 10 and 40. */
    public static HistogramDataset data(MonteCarlo.Result mc) {
        double[] millions = new double[mc.totals().length];
        for (int i = 0; i < millions.length; i++) {
            millions[i] = mc.totals()[i] / 1e6;
        }
        HistogramDataset d = new HistogramDataset();
        d.setType(HistogramType.FREQUENCY);
        int bins = (int) Math.max(10, Math.min(40, Math.round(Math.sqrt(mc.runs()))));
        double min = java.util.Arrays.stream(millions).min().orElse(0);
        double max = java.util.Arrays.stream(millions).max().orElse(0);
        if (max <= min) { // every run the same: one bar, centred
            min -= 0.5;
            max += 0.5;
        }
        d.addSeries("runs per bin", millions, bins, min, max);
        return d;
    }

    public static JFreeChart chart(Scenario s, MonteCarlo.Result mc) {
        NumberAxis usd = new NumberAxis("total value of end items not delivered (USD millions)");
        usd.setNumberFormatOverride(new DecimalFormat("#,##0"));
        usd.setAutoRangeIncludesZero(false);
        NumberAxis count = new NumberAxis("runs");
        count.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        count.setUpperMargin(0.2); // room above the tallest bar for the percentile labels, which never cover a bar
        XYBarRenderer bars = new XYBarRenderer(0.05);
        XYPlot plot = new XYPlot(data(mc), usd, count, bars);
        JFreeChart chart = new JFreeChart("Total shortfall across " + mc.runs() + " runs",
                new Font(Theme.FONT, Font.BOLD, 20), plot, true);
        chart.addSubtitle(new TextTitle(s.title(), new Font(Theme.FONT, Font.PLAIN, 13)));
        Theme.apply(chart);
        bars.setBarPainter(new StandardXYBarPainter());
        bars.setShadowVisible(false);
        bars.setSeriesPaint(0, Theme.BASELINE);
        String[] names = {"P5", "median", "P95"};
        double[] ps = {5, 50, 95};
        for (int i = 0; i < ps.length; i++) {
            ValueMarker m = new ValueMarker(mc.totalPercentile(ps[i]) / 1e6, Theme.SCENARIO, Theme.dashed(1.5f));
            m.setLabel(names[i]);
            m.setLabelFont(new Font(Theme.FONT, Font.PLAIN, 11));
            m.setLabelPaint(Theme.SCENARIO);
            m.setLabelBackgroundColor(java.awt.Color.WHITE);
            m.setLabelAnchor(i == 2 ? RectangleAnchor.TOP_LEFT : RectangleAnchor.TOP_RIGHT);
            m.setLabelTextAnchor(i == 2 ? TextAnchor.TOP_RIGHT : TextAnchor.TOP_LEFT);
            // the median's label a line lower, so it cannot sit on a close P5's or P95's
            m.setLabelOffset(new org.jfree.chart.ui.RectangleInsets(i == 1 ? 20 : 3, 3, 3, 3));
            plot.addDomainMarker(m);
        }
        return chart;
    }
}
