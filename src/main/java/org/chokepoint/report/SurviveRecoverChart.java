package org.chokepoint.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.chokepoint.analysis.RunSummary;
import org.chokepoint.model.Scenario;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Time to survive against time to recover for each site whose inputs the measures cut: the
 * picture Simchi-Levi and colleagues use to find the nodes that matter. A site above the diagonal
 * takes longer to recover than it can hold out, so it stops. Sites that had not recovered by the
 * end of the run are drawn at the time they had been down by then, a lower bound.
 */
public final class SurviveRecoverChart {

    /** One site: periods it held out, periods to recover (or down so far), and whether it recovered. */
    public record Point(String site, int survive, int recover, boolean recovered) {

        public boolean atRisk() {
            return recover > survive;
        }
    }

    private SurviveRecoverChart() {}

    /** Sites whose inputs were cut, in the summary's order. */
    public static List<Point> points(RunSummary summary) {
        List<Point> points = new ArrayList<>();
        for (RunSummary.SiteRow r : summary.sites()) {
            if (r.timeToSurvive() == RunSummary.NEVER) {
                continue;
            }
            boolean fell = r.firstBelow() != RunSummary.NEVER;
            boolean recovered = r.timeToRecover() != RunSummary.NEVER;
            int recover = !fell ? 0 : recovered ? r.timeToRecover() : summary.periods() - r.firstBelow();
            points.add(new Point(r.site(), r.timeToSurvive(), recover, recovered || !fell));
        }
        return points;
    }

    /**
     * The label of the sites at one point: a site's name; several making one item, the item once and
     * their firms ("Processed memory wafer: SK hynix, Samsung Electronics"); else their names.
     */
    static String label(Scenario s, List<String> sites) {
        if (sites.size() == 1) {
            return Names.site(s, sites.get(0));
        }
        java.util.Set<String> items = new java.util.TreeSet<>();
        sites.forEach(site -> items.add(s.network().site(site).makes()));
        if (items.size() == 1) {
            return Names.item(s, items.iterator().next()) + ": "
                    + String.join(", ", sites.stream().map(site -> s.network().firm(s.network().site(site).firm()).name()).toList());
        }
        return String.join("; ", sites.stream().map(site -> Names.site(s, site)).toList());
    }

    public static JFreeChart chart(Scenario s, RunSummary summary) {
        String unit = s.step() == org.chokepoint.model.Step.DAY ? "days" : "weeks";
        XYSeries safe = new XYSeries("recovers within the time it holds out", true, true);
        XYSeries risk = new XYSeries("recovery takes longer: output stops", true, true);
        XYSeries open = new XYSeries("not recovered by the end of the run (down so far)", true, true);
        int max = 1;
        // each point's label: the site's name, sites at the same point together
        java.util.Map<String, List<String>> sitesAt = new java.util.HashMap<>();
        for (Point p : points(summary)) {
            XYSeries to = !p.recovered() ? open : p.atRisk() ? risk : safe;
            String key = to.getKey() + "|" + p.survive() + "|" + p.recover();
            if (!sitesAt.containsKey(key)) {
                to.add(p.survive(), p.recover());
            }
            sitesAt.computeIfAbsent(key, k -> new ArrayList<>()).add(p.site());
            max = Math.max(max, Math.max(p.survive(), p.recover()));
        }
        java.util.Map<String, String> names = new java.util.HashMap<>();
        sitesAt.forEach((key, sites) -> names.put(key, label(s, sites)));
        XYSeriesCollection data = new XYSeriesCollection();
        // only the kinds of point there are: a legend entry with nothing drawn says nothing
        for (XYSeries series : List.of(safe, risk, open)) {
            if (series.getItemCount() > 0) {
                data.addSeries(series);
            }
        }
        NumberAxis x = new NumberAxis("time to survive (" + unit + " from the first cut input to falling short)");
        NumberAxis y = new NumberAxis("time to recover (" + unit + ")");
        for (NumberAxis a : new NumberAxis[] {x, y}) {
            a.setRange(0, max * 1.08 + 1);
            a.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        }
        double rightHalf = (max * 1.08 + 1) / 2;
        double low = (max * 1.08 + 1) * 0.04;
        XYLineAndShapeRenderer dots = new XYLineAndShapeRenderer(false, true) {
            // a point in the right half has its label on its left, so that it stays inside the plot
            @Override
            public org.jfree.chart.labels.ItemLabelPosition getPositiveItemLabelPosition(int series, int item) {
                boolean left = data.getXValue(series, item) > rightHalf;
                if (data.getYValue(series, item) < low) { // above the point, clear of the axis
                    return new org.jfree.chart.labels.ItemLabelPosition(org.jfree.chart.labels.ItemLabelAnchor.OUTSIDE12,
                            left ? org.jfree.chart.ui.TextAnchor.BOTTOM_RIGHT : org.jfree.chart.ui.TextAnchor.BOTTOM_LEFT);
                }
                return left
                        ? new org.jfree.chart.labels.ItemLabelPosition(org.jfree.chart.labels.ItemLabelAnchor.OUTSIDE9,
                                org.jfree.chart.ui.TextAnchor.CENTER_RIGHT)
                        : super.getPositiveItemLabelPosition(series, item);
            }
        };
        XYPlot plot = new XYPlot(data, x, y, dots);
        plot.addAnnotation(new XYLineAnnotation(0, 0, max * 1.08 + 1, max * 1.08 + 1,
                new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {4f, 4f}, 0f), Theme.MARKER));
        JFreeChart chart = new JFreeChart("Time to survive and time to recover, by site", new Font(Theme.FONT, Font.BOLD, 20),
                plot, true);
        chart.addSubtitle(new TextTitle(s.title() + " — sites whose inputs the measures cut", new Font(Theme.FONT, Font.PLAIN, 13)));
        Theme.apply(chart);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            XYSeries series = data.getSeries(i);
            dots.setSeriesPaint(i, series == safe ? new Color(0x27AE60) : Theme.SCENARIO);
            dots.setSeriesShape(i, series == open ? new Rectangle2D.Double(-5, -5, 10, 10) : new Ellipse2D.Double(-5, -5, 10, 10));
        }
        dots.setDefaultItemLabelGenerator((dataset, series, item) -> names.getOrDefault(
                dataset.getSeriesKey(series) + "|" + (int) dataset.getXValue(series, item) + "|" + (int) dataset.getYValue(series, item),
                ""));
        dots.setDefaultItemLabelsVisible(true);
        dots.setDefaultItemLabelFont(new Font(Theme.FONT, Font.PLAIN, 11));
        dots.setDefaultPositiveItemLabelPosition(new org.jfree.chart.labels.ItemLabelPosition(
                org.jfree.chart.labels.ItemLabelAnchor.OUTSIDE3, org.jfree.chart.ui.TextAnchor.CENTER_LEFT));
        return chart;
    }
}
