package org.chokepoint.report;

import java.awt.Color;
import java.awt.Font;
import java.text.DecimalFormat;
import java.util.List;
import org.chokepoint.analysis.Sensitivity;
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

/** The tornado of one-at-a-time sensitivity and the bars of Sobol indices. */
public final class SensitivityCharts {

    private SensitivityCharts() {}

    /**
     * Change of the metric from its value with every parameter at its median, in USD millions,
     * with the parameter at P5 and at P95; parameters in the order given (largest swing first).
     */
    public static DefaultCategoryDataset tornadoData(List<Sensitivity.Bar> bars, double centre) {
        DefaultCategoryDataset d = new DefaultCategoryDataset();
        for (Sensitivity.Bar b : bars) {
            d.addValue((b.metricAtLow() - centre) / 1e6, "parameter at its P5", SweepCharts.parameterLabel(b.path()));
            d.addValue((b.metricAtHigh() - centre) / 1e6, "parameter at its P95", SweepCharts.parameterLabel(b.path()));
        }
        return d;
    }

    public static JFreeChart tornado(Scenario s, List<Sensitivity.Bar> bars, double centre) {
        NumberAxis usd = new NumberAxis("change in mean total shortfall value (USD millions)");
        usd.setNumberFormatOverride(new DecimalFormat("#,##0"));
        usd.setAutoRangeMinimumSize(10);
        JFreeChart chart = bars(tornadoData(bars, centre), usd, "What drives the shortfall: one parameter at a time");
        chart.addSubtitle(new TextTitle(s.title() + String.format(java.util.Locale.ROOT,
                " — all at their medians: USD %,.0f million", centre / 1e6), new Font(Theme.FONT, Font.PLAIN, 13)));
        return chart;
    }

    /** First-order and total Sobol index of each parameter. */
    public static DefaultCategoryDataset sobolData(List<Sensitivity.Index> indices) {
        DefaultCategoryDataset d = new DefaultCategoryDataset();
        for (Sensitivity.Index x : indices) {
            d.addValue(x.first(), "first order (alone)", SweepCharts.parameterLabel(x.name()));
            d.addValue(x.total(), "total (with interactions)", SweepCharts.parameterLabel(x.name()));
        }
        return d;
    }

    /** Each index's 95% bootstrap interval, {@code [series][parameter] = {low, high}}, series as in {@link #sobolData}. */
    public static double[][][] sobolIntervals(List<Sensitivity.Index> indices) {
        double[][][] iv = new double[2][indices.size()][];
        for (int i = 0; i < indices.size(); i++) {
            Sensitivity.Index x = indices.get(i);
            iv[0][i] = new double[] {x.firstLow(), x.firstHigh()};
            iv[1][i] = new double[] {x.totalLow(), x.totalHigh()};
        }
        return iv;
    }

    public static JFreeChart sobol(Scenario s, List<Sensitivity.Index> indices) {
        NumberAxis share = new NumberAxis("share of the variance of total shortfall value");
        // wide enough for the estimates and their intervals, which may pass 0 and 1, up to -0.5 and 1.5:
        // beyond that an interval says only "too few samples", and the subtitle says so
        double lo = 0;
        double hi = 1.05;
        boolean cut = false;
        for (Sensitivity.Index x : indices) {
            for (double v : new double[] {x.first(), x.total(), x.firstLow(), x.firstHigh(), x.totalLow(), x.totalHigh()}) {
                if (!Double.isNaN(v)) {
                    lo = Math.min(lo, Math.max(-0.5, v - 0.05));
                    hi = Math.max(hi, Math.min(1.5, v + 0.05));
                    cut |= v < -0.5 || v > 1.5;
                }
            }
        }
        share.setRange(lo, hi);
        JFreeChart chart = bars(sobolData(indices), share, "Sobol sensitivity indices", new IntervalBars(sobolIntervals(indices)));
        chart.addSubtitle(new TextTitle(s.title() + " — whiskers: 95% bootstrap intervals" + (cut
                ? "; some run past the axis, cut at its edge: too few samples to say more" : ""), new Font(Theme.FONT, Font.PLAIN, 13)));
        List<String> odd = indices.stream().filter(x -> x.first() > x.total() + 1e-9).map(x -> SweepCharts.parameterLabel(x.name())).toList();
        if (!odd.isEmpty()) {
            chart.addSubtitle(new TextTitle("First order above total for " + String.join(", ", odd) + ": sampling error of the"
                    + " estimators (a first-order index cannot exceed the total); take more samples.", new Font(Theme.FONT, Font.ITALIC, 12)));
        }
        return chart;
    }

    /** Bars with a whisker over each one's interval (indices' bootstrap intervals are not symmetric). */
    private static final class IntervalBars extends BarRenderer {
        private static final long serialVersionUID = 1L;
        private final double[][][] intervals;

        IntervalBars(double[][][] intervals) {
            this.intervals = intervals;
        }

        @Override
        public void drawItem(java.awt.Graphics2D g2, org.jfree.chart.renderer.category.CategoryItemRendererState state,
                             java.awt.geom.Rectangle2D dataArea, CategoryPlot plot, CategoryAxis domainAxis,
                             org.jfree.chart.axis.ValueAxis rangeAxis, org.jfree.data.category.CategoryDataset dataset,
                             int row, int column, int pass) {
            super.drawItem(g2, state, dataArea, plot, domainAxis, rangeAxis, dataset, row, column, pass);
            double[] iv = intervals[row][column];
            if (iv == null || Double.isNaN(iv[0]) || Double.isNaN(iv[1])) {
                return;
            }
            PlotOrientation o = plot.getOrientation();
            double w0 = calculateBarW0(plot, o, dataArea, domainAxis, state, row, column);
            double mid = w0 + state.getBarWidth() / 2;
            double cap = state.getBarWidth() / 4;
            var edge = plot.getRangeAxisEdge();
            double lo = rangeAxis.valueToJava2D(iv[0], dataArea, edge);
            double hi = rangeAxis.valueToJava2D(iv[1], dataArea, edge);
            g2.setPaint(Color.BLACK);
            g2.setStroke(new java.awt.BasicStroke(1.5f));
            java.awt.geom.Line2D line = new java.awt.geom.Line2D.Double();
            for (double[] seg : o == PlotOrientation.HORIZONTAL
                    ? new double[][] {{lo, mid, hi, mid}, {lo, mid - cap, lo, mid + cap}, {hi, mid - cap, hi, mid + cap}}
                    : new double[][] {{mid, lo, mid, hi}, {mid - cap, lo, mid + cap, lo}, {mid - cap, hi, mid + cap, hi}}) {
                line.setLine(seg[0], seg[1], seg[2], seg[3]);
                g2.draw(line);
            }
        }
    }

    private static JFreeChart bars(DefaultCategoryDataset data, NumberAxis values, String title) {
        return bars(data, values, title, new BarRenderer());
    }

    private static JFreeChart bars(DefaultCategoryDataset data, NumberAxis values, String title, BarRenderer r) {
        CategoryAxis params = new CategoryAxis("uncertain parameter");
        params.setMaximumCategoryLabelWidthRatio(0.3f); // names wrap, up to three lines, rather than being cut
        params.setMaximumCategoryLabelLines(3);
        CategoryPlot plot = new CategoryPlot(data, params, values, r);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setRangeAxisLocation(org.jfree.chart.axis.AxisLocation.BOTTOM_OR_LEFT); // values below, as read
        JFreeChart chart = new JFreeChart(title, new Font(Theme.FONT, Font.BOLD, 20), plot, true);
        Theme.apply(chart);
        r.setSeriesPaint(0, new Color(0x2980B9));
        r.setSeriesPaint(1, Theme.SCENARIO);
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setItemMargin(0);
        r.setMaximumBarWidth(0.2);
        return chart;
    }
}
