package org.chokepoint.report;

import java.awt.Color;
import java.awt.Font;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import org.chokepoint.analysis.MonteCarlo;
import org.chokepoint.engine.CompiledNetwork;
import org.chokepoint.engine.SeriesRecorder;
import org.chokepoint.model.Measure;
import org.chokepoint.model.Scenario;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Shortfall of one end item over time (all its markets together): with the measures, without
 * them, and — after a Monte Carlo — the P5–P95 band and the median, with each measure's effective
 * date marked.
 */
public final class ShortfallChart {

    /**
     * The numbers a chart shows, in units per period, one entry per period.
     *
     * @param band null without a Monte Carlo; else {p5, p50, p95} per period
     */
    public record Data(String item, String name, List<LocalDate> dates, double[] withMeasures, double[] withoutMeasures,
                       double[][] band, List<Measure> measures, String unit) {

        /** Whether the measures change the shortfall at all, in this run or in any Monte Carlo percentile. */
        public boolean measuresBite() {
            for (int t = 0; t < withMeasures.length; t++) {
                double tol = 1e-9 * (1 + Math.abs(withoutMeasures[t]));
                if (Math.abs(withMeasures[t] - withoutMeasures[t]) > tol) {
                    return true;
                }
                if (band != null && Math.abs(band[band.length - 1][t] - withoutMeasures[t]) > tol) {
                    return true;
                }
            }
            return false;
        }
    }

    private ShortfallChart() {}

    /** The data of each end item, in item order; {@code mc} may be null. */
    public static List<Data> data(Scenario s, CompiledNetwork n, SeriesRecorder run, SeriesRecorder baseline, MonteCarlo.Result mc) {
        TreeMap<String, List<Integer>> byItem = new TreeMap<>();
        for (int j = 0; j < n.demandCount(); j++) {
            byItem.computeIfAbsent(n.demand(j).item(), k -> new ArrayList<>()).add(j);
        }
        int periods = run.periods();
        List<LocalDate> dates = new ArrayList<>();
        for (int t = 0; t < periods; t++) {
            dates.add(s.dateOf(t));
        }
        List<Data> out = new ArrayList<>();
        byItem.forEach((item, entries) -> {
            double[] with = new double[periods];
            double[] without = new double[periods];
            double[][] band = mc == null ? null : new double[3][periods];
            for (int t = 0; t < periods; t++) {
                for (int j : entries) {
                    with[t] += run.shortfall(t, j);
                    without[t] += baseline.shortfall(t, j);
                    if (band != null) {
                        // Percentiles of a sum are not sums of percentiles; with one market per item
                        // they are exact, with several this is the sum of the entries' bands.
                        for (int i = 0; i < 3; i++) {
                            band[i][t] += mc.band(i, t, j);
                        }
                    }
                }
            }
            out.add(new Data(item, s.network().item(item).name(), dates, with, without, band, s.measures(),
                    "units per " + s.step().key()));
        });
        return out;
    }

    public static JFreeChart chart(Scenario s, Data d) {
        XYSeriesCollection lines = new XYSeriesCollection();
        XYSeries with = new XYSeries(d.band() == null ? "with the measures" : "with the measures, one run (the first draw)");
        XYSeries without = new XYSeries("without measures");
        for (int t = 0; t < d.dates().size(); t++) {
            long x = millis(d.dates().get(t));
            with.add(x, d.withMeasures()[t]);
            without.add(x, d.withoutMeasures()[t]);
        }
        lines.addSeries(with);
        lines.addSeries(without);

        DateAxis time = new DateAxis("date");
        NumberAxis amount = new NumberAxis("shortfall (" + d.unit() + ")");
        amount.setNumberFormatOverride(NumberFormat.getIntegerInstance(Locale.ROOT));
        amount.setAutoRangeIncludesZero(true);
        amount.setRangeType(org.jfree.data.RangeType.POSITIVE); // a shortfall is never negative
        amount.setAutoRangeMinimumSize(10); // no shortfall at all: an axis 0 to 10, not a band around 0
        XYLineAndShapeRenderer lineRenderer = new XYLineAndShapeRenderer(true, false);
        XYPlot plot = new XYPlot(lines, time, amount, lineRenderer);
        DeviationRenderer bandRenderer = null;
        if (d.band() != null) {
            YIntervalSeriesCollection bands = new YIntervalSeriesCollection();
            YIntervalSeries b = new YIntervalSeries("Monte Carlo median, P5–P95 band");
            for (int t = 0; t < d.dates().size(); t++) {
                b.add(millis(d.dates().get(t)), d.band()[1][t], d.band()[0][t], d.band()[2][t]);
            }
            bands.addSeries(b);
            bandRenderer = new DeviationRenderer(true, false);
            plot.setDataset(1, bands);
            plot.setRenderer(1, bandRenderer); // drawn first, under the lines
        }
        JFreeChart chart = new JFreeChart("Shortfall of " + d.name(), new Font(Theme.FONT, Font.BOLD, 20), plot, true);
        chart.addSubtitle(new TextTitle(s.title(), new Font(Theme.FONT, Font.PLAIN, 13)));
        Theme.apply(chart); // first: the theme resets series paints, which are set below

        lineRenderer.setSeriesPaint(0, Theme.SCENARIO);
        lineRenderer.setSeriesStroke(0, Theme.line(2.4f));
        lineRenderer.setSeriesPaint(1, Theme.BASELINE);
        lineRenderer.setSeriesStroke(1, Theme.dashed(2.0f));
        if (bandRenderer != null) {
            bandRenderer.setSeriesPaint(0, Theme.MEDIAN);
            bandRenderer.setSeriesFillPaint(0, new Color(0x8E, 0x44, 0xAD));
            bandRenderer.setSeriesStroke(0, Theme.line(1.8f));
            bandRenderer.setAlpha(0.22f);
        }
        markMeasures(chart, plot, s, d.measures());
        return chart;
    }

    /**
     * A numbered marker per date on a time axis where measures take effect (dashed) or end
     * (dotted), and a key under the chart naming them: numbers never overprint, however close the
     * dates. Escalations and their responses are left out: when a response comes differs from run
     * to run. Returns the key added (empty when no date falls inside the run).
     */
    static String markMeasures(JFreeChart chart, XYPlot plot, Scenario s, List<Measure> measures) {
        java.util.Set<String> responses = new java.util.HashSet<>();
        for (Measure m : measures) {
            if (m instanceof org.chokepoint.policy.Escalation e) {
                responses.add(e.response());
            }
        }
        java.util.TreeMap<LocalDate, List<String>> byDate = new java.util.TreeMap<>();
        for (Measure m : measures) {
            if (m instanceof org.chokepoint.policy.Escalation || responses.contains(m.id())) {
                continue;
            }
            if (!m.effective().isBefore(s.start()) && m.effective().isBefore(s.end())) {
                byDate.computeIfAbsent(m.effective(), k -> new ArrayList<>()).add(m.id());
            }
            if (m.ends() != null && !m.ends().isBefore(s.start()) && m.ends().isBefore(s.end())) {
                byDate.computeIfAbsent(m.ends(), k -> new ArrayList<>()).add("end of " + m.id());
            }
        }
        List<String> key = new ArrayList<>();
        int n = 0;
        for (var e : byDate.entrySet()) {
            n++;
            boolean ending = e.getValue().stream().allMatch(x -> x.startsWith("end of "));
            ValueMarker marker = new ValueMarker(millis(e.getKey()), Theme.MARKER, ending ? Theme.dotted(1.2f) : Theme.dashed(1.2f));
            marker.setLabel(Integer.toString(n));
            marker.setLabelFont(new Font(Theme.FONT, Font.BOLD, 12));
            marker.setLabelPaint(new Color(0x34495E));
            marker.setLabelBackgroundColor(new Color(255, 255, 255, 200));
            marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            marker.setLabelTextAnchor(TextAnchor.TOP_LEFT);
            plot.addDomainMarker(marker);
            key.add(n + " " + String.join(", ", e.getValue()) + " (" + e.getKey() + ")");
        }
        String text = String.join("   ", key);
        if (!text.isEmpty()) {
            TextTitle t = new TextTitle(text, new Font(Theme.FONT, Font.PLAIN, 11));
            t.setPosition(org.jfree.chart.ui.RectangleEdge.BOTTOM);
            t.setMaximumLinesToDisplay(3);
            chart.addSubtitle(t);
        }
        return text;
    }

    static long millis(LocalDate d) {
        return d.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }
}
