package org.chokepoint.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.chokepoint.analysis.Backtests;
import org.chokepoint.model.Observed;
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
 * What the model says beside what was observed, month by month, quarter by quarter or year by
 * year: the observations (black squares), the model with the measures (the median of the runs,
 * with their P5–P95 band, after a Monte Carlo), and the model without them (dashed). Each value is
 * drawn at the middle of its span; the event and the measures' dates are marked.
 */
public final class ObservedChart {

    private ObservedChart() {}

    /** The value axis: an index with 1 at the level before the event, or the model's units. */
    static String axis(Observed o) {
        return o.compare() == Observed.Compare.INDEX ? "index, level before the event = 1"
                : o.metric() == Observed.Metric.PRICE ? "price index" : unitOf(o);
    }

    private static String unitOf(Observed o) {
        return switch (o.metric()) {
            case REVENUE -> "USD per " + o.per().key();
            case PRICE -> "price index";
            default -> "units per " + o.per().key();
        };
    }

    public static JFreeChart chart(Scenario s, Backtests.Fit f, boolean monteCarlo) {
        Observed o = f.series();
        XYSeriesCollection lines = new XYSeriesCollection();
        XYSeries seen = new XYSeries("observed (" + o.unit() + (o.compare() == Observed.Compare.INDEX ? ", as an index" : "") + ")");
        XYSeries model = new XYSeries("model with the measures");
        XYSeries without = new XYSeries("model without the measures");
        YIntervalSeries band = new YIntervalSeries("model with the measures: median of the runs, 90% of them shaded");
        for (Backtests.Point p : f.points()) {
            long x = middle(p.start(), o.per());
            seen.add(x, p.observed());
            model.add(x, p.model());
            without.add(x, p.baseline());
            band.add(x, p.model(), p.low(), p.high());
        }
        lines.addSeries(seen);
        lines.addSeries(without);
        if (!monteCarlo) {
            lines.addSeries(model);
        }
        DateAxis time = new DateAxis(o.per().key() + " (each value at the middle of its " + o.per().key() + ")");
        NumberAxis value = new NumberAxis(axis(o));
        value.setAutoRangeIncludesZero(true);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        XYPlot plot = new XYPlot(lines, time, value, renderer);
        DeviationRenderer bandRenderer = null;
        if (monteCarlo) {
            YIntervalSeriesCollection bands = new YIntervalSeriesCollection();
            bands.addSeries(band);
            bandRenderer = new DeviationRenderer(true, true);
            plot.setDataset(1, bands);
            plot.setRenderer(1, bandRenderer);
        }
        JFreeChart chart = new JFreeChart(o.name(), new Font(Theme.FONT, Font.BOLD, 20), plot, true);
        chart.addSubtitle(new TextTitle(subtitle(f), new Font(Theme.FONT, Font.PLAIN, 13)));
        Theme.apply(chart);
        renderer.setSeriesPaint(0, Color.BLACK);
        renderer.setSeriesStroke(0, Theme.line(1.2f));
        renderer.setSeriesShape(0, new Rectangle2D.Double(-4.5, -4.5, 9, 9));
        renderer.setSeriesPaint(1, Theme.BASELINE);
        renderer.setSeriesStroke(1, Theme.dashed(1.6f));
        renderer.setSeriesShapesVisible(1, false);
        renderer.setSeriesPaint(2, Theme.SCENARIO);
        renderer.setSeriesStroke(2, Theme.line(2.4f));
        renderer.setSeriesShape(2, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
        if (bandRenderer != null) {
            bandRenderer.setSeriesPaint(0, Theme.SCENARIO);
            bandRenderer.setSeriesFillPaint(0, Theme.SCENARIO);
            bandRenderer.setSeriesStroke(0, Theme.line(2.4f));
            bandRenderer.setSeriesShape(0, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
            bandRenderer.setAlpha(0.18f);
        }
        LocalDate event = Backtests.event(s);
        // from the event or the first observation, whichever is earlier, to the end of the last
        LocalDate first = f.points().get(0).start();
        LocalDate last = o.per().next(f.points().get(f.points().size() - 1).start());
        time.setRange(ShortfallChart.millis(event.isBefore(first) ? event.minusDays(7) : first), ShortfallChart.millis(last));
        ValueMarker marker = new ValueMarker(ShortfallChart.millis(event), new Color(0x34495E), Theme.line(1.4f));
        marker.setLabel("event known " + event);
        marker.setLabelFont(new Font(Theme.FONT, Font.PLAIN, 12));
        marker.setLabelAnchor(RectangleAnchor.BOTTOM_RIGHT);
        marker.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
        plot.addDomainMarker(marker);
        ShortfallChart.markMeasures(chart, plot, s, s.measures());
        return chart;
    }

    /** The fit in one line: error after the event and the onsets. */
    static String subtitle(Backtests.Fit f) {
        StringBuilder sb = new StringBuilder();
        if (f.pointsAfterEvent() == 0 || Double.isNaN(f.mae())) {
            sb.append("no observation after the event to fit");
        } else {
            sb.append(String.format(Locale.ROOT, "after the event (%d %ss): mean absolute error %s", f.pointsAfterEvent(),
                    f.series().per().key(), FitNumbers.compact(f.mae(), f.series().compare() == Observed.Compare.INDEX)));
            if (Double.isNaN(f.mape())) {
                sb.append(" (observed values near zero: no percentage error)");
            } else if (f.mapePoints() < f.pointsAfterEvent()) {
                sb.append(String.format(Locale.ROOT, "; %.0f%% of the observed over the %d %ss not near zero", 100 * f.mape(),
                        f.mapePoints(), f.series().per().key()));
            } else {
                sb.append(String.format(Locale.ROOT, ", %.0f%% of the observed", 100 * f.mape()));
            }
        }
        if (!Double.isNaN(f.series().onset())) {
            sb.append(String.format(Locale.ROOT, "; fall of %.0f%%: observed %s, model %s", 100 * f.series().onset(),
                    f.onsetObserved() == null ? "none" : f.series().per().label(f.onsetObserved()),
                    f.onsetModel() == null ? "none" : f.series().per().label(f.onsetModel())));
        }
        if (f.series().calibrated()) {
            sb.append(" (calibrated to this series)");
        }
        return sb.toString();
    }

    static long middle(LocalDate start, Observed.Per per) {
        long days = ChronoUnit.DAYS.between(start, per.next(start));
        return ShortfallChart.millis(start) + days * 86_400_000L / 2;
    }
}
