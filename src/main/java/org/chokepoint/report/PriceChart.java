package org.chokepoint.report;

import java.awt.Font;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.chokepoint.engine.CompiledNetwork;
import org.chokepoint.engine.SeriesRecorder;
import org.chokepoint.model.Scenario;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The price of one item in each market over time, in % of its price without the measures at the
 * start: with the measures (solid) and without them (dashed), measures' dates marked. The price
 * is the scarcity multiplier of the market times the sellers' unit cost, weighted by output.
 */
public final class PriceChart {

    /** At most this many items are charted: those whose price the measures moved most. */
    public static final int MAX_CHARTS = 6;

    /**
     * @param markets market names in order; {@code with[m][t]}, {@code without[m][t]} in % of the baseline price
     */
    public record Data(String item, String name, List<LocalDate> dates, List<String> markets, double[][] with, double[][] without,
                       double moved) {}

    private PriceChart() {}

    /** The items whose price in some market the measures moved by more than 1%, most moved first; empty with prices off. */
    public static List<Data> data(Scenario s, CompiledNetwork n, SeriesRecorder run, SeriesRecorder baseline) {
        List<Data> out = new ArrayList<>();
        List<String> markets = run.markets();
        if (markets.isEmpty()) {
            return out;
        }
        List<LocalDate> dates = new ArrayList<>();
        for (int t = 0; t < run.periods(); t++) {
            dates.add(s.dateOf(t));
        }
        for (int i = 0; i < n.itemCount(); i++) {
            List<String> shown = new ArrayList<>();
            List<double[]> with = new ArrayList<>();
            List<double[]> without = new ArrayList<>();
            double moved = 0;
            for (int m = 0; m < markets.size(); m++) {
                if (!run.priced(i, m)) {
                    continue;
                }
                double[] w = new double[run.periods()];
                double[] b = new double[run.periods()];
                for (int t = 0; t < run.periods(); t++) {
                    w[t] = 100 * run.priceIndex(t, i, m);
                    b[t] = 100 * baseline.priceIndex(t, i, m);
                    moved = Math.max(moved, Math.abs(w[t] - b[t]));
                }
                shown.add(markets.get(m));
                with.add(w);
                without.add(b);
            }
            if (moved > 1) {
                String id = n.itemId(i);
                String name = s.network().item(id).name();
                out.add(new Data(id, name, dates, shown, with.toArray(double[][]::new), without.toArray(double[][]::new), moved));
            }
        }
        out.sort(Comparator.comparingDouble((Data d) -> -d.moved()).thenComparing(Data::item));
        return out.size() > MAX_CHARTS ? out.subList(0, MAX_CHARTS) : out;
    }

    /** How a market is named in a legend. */
    static String buyers(String market) {
        return market.equals(org.chokepoint.model.Behaviour.REST) ? "buyers elsewhere" : "buyers in " + market;
    }

    public static JFreeChart chart(Scenario s, Data d) {
        XYSeriesCollection lines = new XYSeriesCollection();
        for (int m = 0; m < d.markets().size(); m++) {
            XYSeries with = new XYSeries(buyers(d.markets().get(m)) + ", with measures");
            XYSeries without = new XYSeries(buyers(d.markets().get(m)) + ", without");
            for (int t = 0; t < d.dates().size(); t++) {
                long x = ShortfallChart.millis(d.dates().get(t));
                with.add(x, d.with()[m][t]);
                without.add(x, d.without()[m][t]);
            }
            lines.addSeries(with);
            lines.addSeries(without);
        }
        DateAxis time = new DateAxis("date");
        NumberAxis index = new NumberAxis("price, % of baseline");
        index.setAutoRangeIncludesZero(false);
        index.setAutoRangeMinimumSize(10);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        XYPlot plot = new XYPlot(lines, time, index, renderer);
        JFreeChart chart = new JFreeChart("Price of " + d.name(), new Font(Theme.FONT, Font.BOLD, 20), plot, true);
        chart.addSubtitle(new TextTitle(s.title(), new Font(Theme.FONT, Font.PLAIN, 13)));
        Theme.apply(chart);
        for (int m = 0; m < d.markets().size(); m++) {
            java.awt.Paint paint = Theme.PALETTE[m % Theme.PALETTE.length];
            renderer.setSeriesPaint(2 * m, paint);
            renderer.setSeriesStroke(2 * m, Theme.line(2.4f));
            renderer.setSeriesPaint(2 * m + 1, paint);
            renderer.setSeriesStroke(2 * m + 1, Theme.dashed(1.4f));
        }
        ShortfallChart.markMeasures(chart, plot, s, s.measures());
        return chart;
    }
}
