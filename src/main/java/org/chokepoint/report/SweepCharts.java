package org.chokepoint.report;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jfree.chart.JFreeChart;
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
 * Charts of a finished sweep, read back from its {@code sweep.csv}: a metric against one swept
 * parameter (the mean with the band between the lowest and highest percentile), or against two
 * on a grid (a heat map of the mean). Designs that scatter points (Latin hypercube, Sobol) are
 * better read with the sensitivity tools and get no chart here.
 */
public final class SweepCharts {

    /** One chart per metric, named for its file. */
    public record Named(String file, JFreeChart chart) {}

    private SweepCharts() {}

    /** Rows of sweep.csv as column name to text. */
    static List<Map<String, String>> read(Path csv) throws IOException {
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        try (MappingIterator<Map<String, String>> it = new CsvMapper().readerForMapOf(String.class).with(schema).readValues(csv.toFile())) {
            return it.readAll();
        }
    }

    /**
     * @param axes the swept parameter paths, in the sweep's order
     * @param grid whether the design is a full grid
     */
    public static List<Named> charts(String title, Path csv, List<String> axes, boolean grid) throws IOException {
        List<Map<String, String>> rows = read(csv);
        List<String> metrics = rows.stream().map(r -> r.get("metric")).distinct().toList();
        List<String> ps = rows.isEmpty() ? List.of() : rows.get(0).keySet().stream().filter(k -> k.matches("p[0-9.]+")).toList();
        List<Named> out = new ArrayList<>();
        for (String metric : metrics) {
            List<Map<String, String>> mine = rows.stream().filter(r -> r.get("metric").equals(metric)).toList();
            if (axes.size() == 1) {
                out.add(new Named("sweep-" + metric + ".png", line(title, mine, axes.get(0), metric, ps)));
            } else if (axes.size() == 2 && grid) {
                out.add(new Named("sweep-" + metric + ".png", heat(title, mine, axes.get(0), axes.get(1), metric)));
            }
        }
        return out;
    }

    private static double num(Map<String, String> row, String column) {
        return Double.parseDouble(row.get(column));
    }

    private static JFreeChart line(String title, List<Map<String, String>> rows, String axis, String metric, List<String> ps) {
        YIntervalSeries s = new YIntervalSeries(ps.isEmpty() ? "mean" : "mean, " + ps.get(0).toUpperCase() + "–"
                + ps.get(ps.size() - 1).toUpperCase() + " band");
        for (Map<String, String> r : rows) {
            double mean = num(r, "mean");
            s.add(num(r, axis), mean, ps.isEmpty() ? mean : num(r, ps.get(0)), ps.isEmpty() ? mean : num(r, ps.get(ps.size() - 1)));
        }
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        data.addSeries(s);
        DeviationRenderer r = new DeviationRenderer(true, true);
        NumberAxis y = new NumberAxis(label(metric));
        y.setAutoRangeIncludesZero(true);
        y.setNumberFormatOverride(new DecimalFormat("#,##0.###"));
        XYPlot plot = new XYPlot(data, new NumberAxis(axis), y, r);
        JFreeChart chart = new JFreeChart(capitalised(label(metric)) + " across the sweep", new Font(Theme.FONT, Font.BOLD, 20), plot, true);
        chart.addSubtitle(new TextTitle(title, new Font(Theme.FONT, Font.PLAIN, 13)));
        Theme.apply(chart);
        r.setSeriesPaint(0, Theme.SCENARIO);
        r.setSeriesFillPaint(0, new Color(0xC0, 0x39, 0x2B, 60));
        r.setSeriesStroke(0, Theme.line(2f));
        return chart;
    }

    private static JFreeChart heat(String title, List<Map<String, String>> rows, String ax, String ay, String metric) {
        TreeSet<Double> xs = new TreeSet<>();
        TreeSet<Double> ys = new TreeSet<>();
        double[][] xyz = new double[3][rows.size()];
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < rows.size(); i++) {
            xyz[0][i] = num(rows.get(i), ax);
            xyz[1][i] = num(rows.get(i), ay);
            xyz[2][i] = num(rows.get(i), "mean");
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
        // White to deep red in 20 steps: darker is more of the metric.
        LookupPaintScale scale = new LookupPaintScale(lo, hi, Color.WHITE);
        for (int k = 0; k < 20; k++) {
            float f = k / 19f;
            scale.add(lo + (hi - lo) * k / 20, new Color(1f - 0.25f * f, 1f - 0.78f * f, 1f - 0.83f * f));
        }
        r.setPaintScale(scale);
        NumberAxis x = new NumberAxis(ax);
        NumberAxis y = new NumberAxis(ay);
        x.setRange(xs.first() - step(xs) / 2, xs.last() + step(xs) / 2);
        y.setRange(ys.first() - step(ys) / 2, ys.last() + step(ys) / 2);
        XYPlot plot = new XYPlot(data, x, y, r);
        JFreeChart chart = new JFreeChart(capitalised(label(metric)) + " across the sweep", new Font(Theme.FONT, Font.BOLD, 20), plot, false);
        chart.addSubtitle(new TextTitle(title + " — mean over the runs of each point", new Font(Theme.FONT, Font.PLAIN, 13)));
        Theme.apply(chart);
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

    private static double step(TreeSet<Double> values) {
        if (values.size() < 2) {
            return 1;
        }
        return (values.last() - values.first()) / (values.size() - 1);
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String label(String metric) {
        return switch (metric) {
            case "total-shortfall-value" -> "total shortfall value (USD)";
            case "total-shortfall" -> "total shortfall (units)";
            case "fill-rate" -> "fill rate (share of demand delivered)";
            default -> metric;
        };
    }
}
