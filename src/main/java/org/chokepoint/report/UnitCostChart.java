package org.chokepoint.report;

import java.awt.Color;
import java.awt.Font;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.chokepoint.analysis.RunSummary;
import org.chokepoint.engine.CostCause;
import org.chokepoint.model.Scenario;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.category.WaterfallBarRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * An end item's unit-cost change as a waterfall: what tariffs and markups, alternate premiums,
 * license delays and the sourcing mix each added (mean over the run, in % of the unit cost without
 * the measures), then the total change.
 */
public final class UnitCostChart {

    /** End items charted at most, the largest changes first. */
    public static final int MAX_ITEMS = 4;

    static final String TOTAL = "total change";
    static final String MIX = "sourcing mix";
    private static final Color UP = new Color(0xC0392B);
    private static final Color DOWN = new Color(0x27AE60);

    private UnitCostChart() {}

    /**
     * The end items to chart: of those whose unit cost the measures changed, the {@link #MAX_ITEMS}
     * that changed most (relative), ties by site.
     */
    public static List<RunSummary.UnitCostRow> rows(RunSummary summary) {
        List<RunSummary.UnitCostRow> rows = new ArrayList<>();
        for (RunSummary.UnitCostRow u : summary.unitCosts()) {
            boolean moved = Math.abs(u.change()) > 1e-9 * u.baseline();
            for (CostCause c : CostCause.values()) {
                moved |= Math.abs(u.change(c)) > 1e-9 * u.baseline();
            }
            if (moved) {
                rows.add(u);
            }
        }
        rows.sort(Comparator.comparingDouble((RunSummary.UnitCostRow u) -> -Math.abs(percent(u, u.change())))
                .thenComparing(RunSummary.UnitCostRow::site));
        return rows.subList(0, Math.min(MAX_ITEMS, rows.size()));
    }

    /** One bar per cause, the sourcing mix, then the total: % of the baseline unit cost. */
    public static DefaultCategoryDataset data(RunSummary.UnitCostRow u) {
        DefaultCategoryDataset d = new DefaultCategoryDataset();
        for (CostCause c : CostCause.values()) {
            d.addValue(percent(u, u.change(c)), "change", c.label());
        }
        d.addValue(percent(u, u.sourcingMix()), "change", MIX);
        d.addValue(percent(u, u.change()), "change", TOTAL);
        return d;
    }

    /** Whole dollars for large prices, cents for small ones. */
    private static String money(double usd) {
        return new DecimalFormat(Math.abs(usd) >= 1000 ? "#,##0" : "#,##0.00").format(usd);
    }

    static double percent(RunSummary.UnitCostRow u, double usd) {
        return u.baseline() > 0 ? 100 * usd / u.baseline() : 0;
    }

    public static JFreeChart chart(Scenario s, RunSummary.UnitCostRow u) {
        DefaultCategoryDataset data = data(u);
        CategoryAxis causes = new CategoryAxis("cause");
        causes.setMaximumCategoryLabelLines(2);
        NumberAxis pct = new NumberAxis("change, % of base unit cost (mean over the run)");
        pct.setNumberFormatOverride(new SignedFormat(false));
        pct.setUpperMargin(0.12); // room for the labels above and below the bars
        pct.setLowerMargin(0.12);
        pct.setAutoRangeMinimumSize(1); // no change at all: an axis of ±0.5%, not of rounding noise
        WaterfallBarRenderer bars = new WaterfallBarRenderer();
        CategoryPlot plot = new CategoryPlot(data, causes, pct, bars);
        plot.setOrientation(PlotOrientation.VERTICAL);
        JFreeChart chart = new JFreeChart("Unit cost of " + Names.item(s, u.item()) + " by cause", new Font(Theme.FONT, Font.BOLD, 20), plot, false);
        chart.addSubtitle(new TextTitle(s.title(), new Font(Theme.FONT, Font.PLAIN, 13)));
        chart.addSubtitle(new TextTitle(String.format(java.util.Locale.ROOT, "%s: USD %s a unit without the measures,"
                + " %s with them", s.network().hasSite(u.site()) ? Names.firm(s, u.site()) : u.site(), money(u.baseline()), money(u.scenario())),
                new Font(Theme.FONT, Font.PLAIN, 12)));
        Theme.apply(chart); // first: it resets paints
        double first = data.getValue(0, 0).doubleValue();
        bars.setFirstBarPaint(first < 0 ? DOWN : UP);
        bars.setPositiveBarPaint(UP);
        bars.setNegativeBarPaint(DOWN);
        bars.setLastBarPaint(Theme.BASELINE);
        bars.setShadowVisible(false);
        bars.setBarPainter(new StandardBarPainter());
        bars.setMaximumBarWidth(0.14);
        bars.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}%", new SignedFormat()));
        bars.setDefaultItemLabelsVisible(true);
        bars.setDefaultItemLabelFont(new Font(Theme.FONT, Font.PLAIN, 12));
        LegendItemCollection legend = new LegendItemCollection();
        legend.add(new LegendItem("raises the unit cost", UP));
        legend.add(new LegendItem("lowers it", DOWN));
        legend.add(new LegendItem("total change", Theme.BASELINE));
        plot.setFixedLegendItems(legend);
        LegendTitle key = new LegendTitle(plot);
        key.setItemFont(new Font(Theme.FONT, Font.PLAIN, 13));
        key.setPosition(org.jfree.chart.ui.RectangleEdge.BOTTOM);
        chart.addLegend(key);
        return chart;
    }

    /**
     * A change in percent with its sign and enough digits to see it: +1.25, -0.03, +0.004; and 0
     * for nothing at all, never "+0" or "-0" for a change too small for two decimals.
     */
    static final class SignedFormat extends java.text.NumberFormat {
        private final boolean signed;

        SignedFormat() {
            this(true);
        }

        /** @param signed a + before positive values (bar labels), or not (the axis) */
        SignedFormat(boolean signed) {
            this.signed = signed;
        }

        @Override
        public StringBuffer format(double v, StringBuffer to, java.text.FieldPosition pos) {
            double a = Math.abs(v);
            if (a < 1e-9) {
                return to.append('0');
            }
            String digits = a >= 0.01 ? new DecimalFormat("0.##").format(a)
                    : new java.math.BigDecimal(a).round(new java.math.MathContext(1)).stripTrailingZeros().toPlainString();
            return to.append(v < 0 ? "-" : signed ? "+" : "").append(digits);
        }

        @Override
        public StringBuffer format(long v, StringBuffer to, java.text.FieldPosition pos) {
            return format((double) v, to, pos);
        }

        @Override
        public Number parse(String source, java.text.ParsePosition pos) {
            throw new UnsupportedOperationException("for display only");
        }
    }
}
