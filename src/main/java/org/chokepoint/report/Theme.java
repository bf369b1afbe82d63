package org.chokepoint.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.plot.XYPlot;

/**
 * The look of every chart: DejaVu Sans by name (installed by .ci/run; never whatever the machine
 * falls back to), sizes readable at the default resolution, white background, light grid, and a
 * palette that stays distinguishable in greyscale and for the common colour-vision deficiencies.
 */
public final class Theme {

    public static final String FONT = "DejaVu Sans";

    /** Scenario, baseline, band, median, then more series. */
    public static final Color SCENARIO = new Color(0xC0392B);
    public static final Color BASELINE = new Color(0x2C3E50);
    public static final Color BAND = new Color(0xC0392B, false);
    public static final Color MEDIAN = new Color(0x8E44AD);
    public static final Color MARKER = new Color(0x7F8C8D);
    public static final Paint[] PALETTE = {SCENARIO, BASELINE, new Color(0x2980B9), new Color(0xE67E22),
        new Color(0x27AE60), MEDIAN, new Color(0x16A085), new Color(0xD35400)};

    private Theme() {}

    public static void apply(JFreeChart chart) {
        StandardChartTheme t = new StandardChartTheme("chokepoint");
        t.setExtraLargeFont(new Font(FONT, Font.BOLD, 20));
        t.setLargeFont(new Font(FONT, Font.BOLD, 15));
        t.setRegularFont(new Font(FONT, Font.PLAIN, 13));
        t.setSmallFont(new Font(FONT, Font.PLAIN, 11));
        t.setChartBackgroundPaint(Color.WHITE);
        t.setPlotBackgroundPaint(Color.WHITE);
        t.setDomainGridlinePaint(new Color(0xDDDDDD));
        t.setRangeGridlinePaint(new Color(0xDDDDDD));
        t.setLegendBackgroundPaint(Color.WHITE);
        t.apply(chart);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        if (chart.getPlot() instanceof XYPlot p) {
            p.setOutlineVisible(false);
            if (p.getDomainAxis() instanceof org.jfree.chart.axis.DateAxis) {
                // a date label on the last tick is centred on the plot's right edge: room for its right half
                chart.setPadding(new org.jfree.chart.ui.RectangleInsets(4, 4, 4, 28));
            }
        }
    }

    static BasicStroke line(float width) {
        return new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }

    static BasicStroke dotted(float width) {
        return new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f, new float[] {1.5f, 4f}, 0f);
    }

    static BasicStroke dashed(float width) {
        return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {6f, 4f}, 0f);
    }
}
