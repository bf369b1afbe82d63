package org.chokepoint.report;

import java.awt.Color;
import java.awt.Font;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.chokepoint.analysis.Sweep;
import org.chokepoint.analysis.SweepEffects;
import org.chokepoint.io.ResultsWriter;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.LookupPaintScale;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Charts of a finished sweep: a metric against one swept
 * parameter (the mean with the band between the lowest and highest percentile), or against two
 * on a grid (a heat map of the mean); and for any design, the rank correlation of each swept
 * parameter with each metric. Designs that scatter points (Latin hypercube, Sobol) get only the
 * latter: a scatter of means over several parameters is better read with the sensitivity tools.
 */
public final class SweepCharts {

    /** One chart per metric, named for its file. */
    public record Named(String file, JFreeChart chart) {}

    private SweepCharts() {}

    /**
     * @param rows the sweep's rows (every point and metric)
     * @param axes the swept parameter paths, in the sweep's order
     * @param grid whether the design is a full grid
     * @param percentiles the percentiles each row holds, ascending
     */
    public static List<Named> charts(String title, List<Sweep.Row> rows, List<String> axes, boolean grid, double[] percentiles) {
        List<String> metrics = rows.stream().map(Sweep.Row::metric).distinct().toList();
        List<Named> out = new ArrayList<>();
        for (String metric : metrics) {
            List<Sweep.Row> mine = rows.stream().filter(r -> r.metric().equals(metric)).toList();
            if (axes.size() == 1) {
                out.add(new Named("sweep-" + metric + ".png", line(title, mine, axes.get(0), metric, percentiles)));
            } else if (axes.size() == 2 && grid) {
                out.add(new Named("sweep-" + metric + ".png", heat(title, mine, axes.get(0), axes.get(1), metric)));
            }
        }
        return out;
    }

    /** Spearman's ρ of each swept parameter with each metric, as bars from −1 to 1. */
    public static DefaultCategoryDataset effectsData(List<SweepEffects.Effect> effects) {
        DefaultCategoryDataset d = new DefaultCategoryDataset();
        for (SweepEffects.Effect e : effects) {
            d.addValue(Double.isNaN(e.rho()) ? 0 : e.rho(), label(e.metric()), parameterLabel(e.parameter()));
        }
        return d;
    }

    public static JFreeChart effects(String title, List<SweepEffects.Effect> effects) {
        NumberAxis rho = new NumberAxis("Spearman rank correlation with the metric (ρ)");
        rho.setRange(-1.05, 1.05);
        BarRenderer r = new BarRenderer();
        CategoryAxis params = new CategoryAxis("swept parameter");
        params.setMaximumCategoryLabelLines(3);
        CategoryPlot plot = new CategoryPlot(effectsData(effects), params, rho, r);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setRangeAxisLocation(org.jfree.chart.axis.AxisLocation.BOTTOM_OR_LEFT);
        JFreeChart chart = new JFreeChart("Which swept parameter moves each metric", new Font(Theme.FONT, Font.BOLD, 20), plot, true);
        chart.addSubtitle(new TextTitle(title + " — ρ over the points' means; ±1: the metric follows the parameter's rank exactly",
                new Font(Theme.FONT, Font.PLAIN, 13)));
        Theme.apply(chart);
        for (int i = 0; i < Theme.PALETTE.length; i++) {
            r.setSeriesPaint(i, Theme.PALETTE[(i + 2) % Theme.PALETTE.length]);
        }
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setItemMargin(0.05);
        r.setMaximumBarWidth(0.2);
        return chart;
    }

    private static JFreeChart line(String title, List<Sweep.Row> rows, String axis, String metric, double[] ps) {
        int n = ps.length;
        YIntervalSeries s = new YIntervalSeries(n == 0 ? "mean" : "mean, P" + ResultsWriter.number(ps[0]) + "–P"
                + ResultsWriter.number(ps[n - 1]) + " band");
        for (Sweep.Row r : rows) {
            double mean = r.mean();
            s.add(r.values().get(axis), mean, n == 0 ? mean : r.percentiles()[0], n == 0 ? mean : r.percentiles()[n - 1]);
        }
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        data.addSeries(s);
        DeviationRenderer r = new DeviationRenderer(true, true);
        NumberAxis y = new NumberAxis(label(metric));
        y.setAutoRangeIncludesZero(true);
        y.setNumberFormatOverride(new DecimalFormat("#,##0.###"));
        XYPlot plot = new XYPlot(data, new NumberAxis(parameterLabel(axis)), y, r);
        JFreeChart chart = new JFreeChart(capitalised(label(metric)) + " across the sweep", new Font(Theme.FONT, Font.BOLD, 20), plot, true);
        chart.addSubtitle(new TextTitle(title, new Font(Theme.FONT, Font.PLAIN, 13)));
        Theme.apply(chart);
        r.setSeriesPaint(0, Theme.SCENARIO);
        r.setSeriesFillPaint(0, new Color(0xC0, 0x39, 0x2B, 60));
        r.setSeriesStroke(0, Theme.line(2f));
        return chart;
    }

    private static JFreeChart heat(String title, List<Sweep.Row> rows, String ax, String ay, String metric) {
        TreeSet<Double> xs = new TreeSet<>();
        TreeSet<Double> ys = new TreeSet<>();
        double[][] xyz = new double[3][rows.size()];
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < rows.size(); i++) {
            xyz[0][i] = rows.get(i).values().get(ax);
            xyz[1][i] = rows.get(i).values().get(ay);
            xyz[2][i] = rows.get(i).mean();
            xs.add(xyz[0][i]);
            ys.add(xyz[1][i]);
            lo = Math.min(lo, xyz[2][i]);
            hi = Math.max(hi, xyz[2][i]);
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries(metric, xyz);
        XYBlockRenderer r = new XYBlockRenderer();
        r.setBlockWidth(step(xs));
        r.setBlockHeight(step(ys));
        if (hi <= lo) {
            hi = lo + 1;
        }
        // A pale tint to deep red in 20 steps: darker is worse (more shortfall or loss, less fill rate);
        // the best cells still show as cells, not as the white of the background.
        boolean higherIsBetter = higherIsBetter(metric);
        LookupPaintScale scale = new LookupPaintScale(lo, hi, Color.WHITE);
        for (int k = 0; k < 20; k++) {
            float f = 0.06f + 0.94f * (higherIsBetter ? 19 - k : k) / 19f;
            scale.add(lo + (hi - lo) * k / 20, new Color(1f - 0.25f * f, 1f - 0.78f * f, 1f - 0.83f * f));
        }
        r.setPaintScale(scale);
        NumberAxis x = new NumberAxis(parameterLabel(ax));
        NumberAxis y = new NumberAxis(parameterLabel(ay));
        x.setRange(xs.first() - step(xs) / 2, xs.last() + step(xs) / 2);
        y.setRange(ys.first() - step(ys) / 2, ys.last() + step(ys) / 2);
        XYPlot plot = new XYPlot(data, x, y, r);
        JFreeChart chart = new JFreeChart(capitalised(label(metric)) + " across the sweep", new Font(Theme.FONT, Font.BOLD, 20), plot, false);
        chart.addSubtitle(new TextTitle(title + " — mean over the runs of each point; darker is worse", new Font(Theme.FONT, Font.PLAIN, 13)));
        Theme.apply(chart); // before the cells' values: the theme would repaint annotations
        // every cell says its value, dark text on pale cells and white on dark ones
        for (int i = 0; i < rows.size(); i++) {
            double v = xyz[2][i];
            double f = (v - lo) / (hi - lo);
            boolean dark = higherIsBetter ? f < 0.45 : f > 0.55;
            org.jfree.chart.annotations.XYTextAnnotation a = new org.jfree.chart.annotations.XYTextAnnotation(cell(metric, v),
                    xyz[0][i], xyz[1][i]);
            a.setFont(new Font(Theme.FONT, Font.PLAIN, 11));
            a.setPaint(dark ? Color.WHITE : new Color(0x2C3E50));
            plot.addAnnotation(a);
        }

        NumberAxis legendAxis = new NumberAxis(label(metric));
        legendAxis.setNumberFormatOverride(new DecimalFormat("#,##0.###"));
        legendAxis.setTickLabelFont(new Font(Theme.FONT, Font.PLAIN, 11));
        legendAxis.setLabelFont(new Font(Theme.FONT, Font.PLAIN, 12));
        PaintScaleLegend legend = new PaintScaleLegend(scale, legendAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setMargin(4, 12, 40, 4);
        legend.setStripWidth(14);
        chart.addSubtitle(legend);
        return chart;
    }

    /** Whether more of the metric is good (the fill rate): its dark end is then the low one. */
    static boolean higherIsBetter(String metric) {
        return metric.equals("fill-rate");
    }

    /** A cell's value: a share as a percentage, money in USD millions or billions, else three digits. */
    static String cell(String metric, double v) {
        if (metric.equals("fill-rate")) {
            return String.format(java.util.Locale.ROOT, "%.1f%%", 100 * v);
        }
        if (metric.startsWith("peak-price-")) {
            return String.format(java.util.Locale.ROOT, "%.2f×", v);
        }
        double a = Math.abs(v);
        return a >= 1e9 ? String.format(java.util.Locale.ROOT, "%.2f bn", v / 1e9) : a >= 1e6
                ? String.format(java.util.Locale.ROOT, "%.0f m", v / 1e6) : String.format(java.util.Locale.ROOT, "%,.0f", v);
    }

    /**
     * A swept parameter in words: {@code measures.bis-2025-inspur.license.approval} is "license approval
     * probability, bis-2025-inspur"; {@code sites.X.stock.Y} "stock of Y at X (periods)";
     * {@code alternates[3].qualify} "qualification time of alternate 3 (periods)".
     */
    static String parameterLabel(String path) {
        String[] p = path.split("\\.");
        if (path.startsWith("sites.") && p.length >= 4 && p[2].equals("stock")) {
            return "stock of " + path.substring(path.indexOf(".stock.") + 7) + " at " + p[1] + " (periods of cover)";
        }
        if (path.startsWith("sites.") && p.length == 3 && p[2].equals("capacity")) {
            return "capacity of " + p[1];
        }
        if (path.startsWith("measures.") && path.contains(".license.")) {
            String what = path.substring(path.indexOf(".license.") + 9);
            String words = switch (what) {
                case "approval" -> "license approval probability";
                case "review" -> "license review time (periods)";
                case "approved-share" -> "share a license lets through";
                case "leakage" -> "share leaking past the control";
                case "leakage-premium" -> "premium on leaked goods";
                case "shipment-delay" -> "extra delay of licensed shipments (periods)";
                default -> what;
            };
            return words + ", " + p[1];
        }
        if (path.startsWith("measures.") && p.length == 3) {
            return p[2] + " of " + p[1] + (p[2].equals("lag") ? " (periods)" : "");
        }
        java.util.regex.Matcher alt = java.util.regex.Pattern.compile("alternates\\[(\\d+)]\\.(.+)").matcher(path);
        if (alt.matches()) {
            String what = switch (alt.group(2)) {
                case "qualify" -> "qualification time (periods)";
                case "ramp" -> "ramp time (periods)";
                case "max-share" -> "largest share";
                case "factor" -> "units needed per unit replaced";
                case "premium" -> "price premium";
                default -> alt.group(2);
            };
            return what + " of alternate " + alt.group(1);
        }
        java.util.regex.Matcher demand = java.util.regex.Pattern.compile("demand\\[(\\d+)]\\.quantity").matcher(path);
        if (demand.matches()) {
            return "quantity of final demand entry " + demand.group(1);
        }
        return path.replace("behaviour.", "").replace("prices.", "price ").replace('-', ' ');
    }

    private static double step(TreeSet<Double> values) {
        if (values.size() < 2) {
            return 1;
        }
        return (values.last() - values.first()) / (values.size() - 1);
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    static String label(String metric) {
        return switch (metric) {
            case "total-shortfall-value" -> "total shortfall value (USD)";
            case "fill-rate" -> "fill rate (share of the value of demand delivered)";
            default -> metric.startsWith(org.chokepoint.analysis.Sweep.BY_MARKET)
                    ? "shortfall value, buyers in " + metric.substring(org.chokepoint.analysis.Sweep.BY_MARKET.length()) + " (USD)"
                    : metric;
        };
    }
}
