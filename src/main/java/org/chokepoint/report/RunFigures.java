package org.chokepoint.report;

import java.util.ArrayList;
import java.util.List;
import org.chokepoint.analysis.MonteCarlo;
import org.chokepoint.api.Chokepoint;
import org.chokepoint.model.Scenario;

/** The figures of a run's report, in report order: each chart with its file name and caption. */
public final class RunFigures {

    private RunFigures() {}

    /** @param mc the Monte Carlo of the scenario, or {@code null} for a single run */
    public static List<PdfReport.Figure> of(Scenario s, Chokepoint.Run run, MonteCarlo.Result mc) {
        return of(s, run, mc, null);
    }

    /**
     * @param mc the Monte Carlo of the scenario, or {@code null} for a single run
     * @param exposure the exposure analysis, or {@code null} to leave its charts out
     */
    public static List<PdfReport.Figure> of(Scenario s, Chokepoint.Run run, MonteCarlo.Result mc,
                                            org.chokepoint.analysis.ExposureReport exposure) {
        List<PdfReport.Figure> figures = new ArrayList<>();
        for (org.chokepoint.analysis.Backtests.Fit f : org.chokepoint.analysis.Backtests.fits(s, run.probes(), run.observedModel(),
                run.observedBaseline(), mc)) {
            org.chokepoint.model.Observed o = f.series();
            figures.add(new PdfReport.Figure("observed-" + o.id() + ".png", ObservedChart.chart(s, f, mc != null), "What the model"
                    + " says against what was observed: " + Names.subject(s, o) + " per " + o.per().key() + (o.compare()
                    == org.chokepoint.model.Observed.Compare.INDEX ? ", each as an index of its own mean before the event" : "")
                    + ". Observed: " + String.join("; ", o.sources()) + "." + (mc == null ? "" : " The line is the median of "
                    + mc.runs() + " Monte Carlo runs, the band holds 90% of them.") + (o.calibrated()
                    ? " Model figures were calibrated to this series: its fit is no test of the model."
                    : " No model figure was set from this series.") + " The fit is on the back-test page."));
        }
        List<ShortfallChart.Data> shortfalls = ShortfallChart.data(s, run.network(), run.series(), run.baselineSeries(), mc);
        // Only the end items the measures touch; the rest are flat lines, listed in the summary table.
        List<ShortfallChart.Data> bitten = shortfalls.stream().filter(ShortfallChart.Data::measuresBite).toList();
        for (ShortfallChart.Data d : largest(bitten.isEmpty() ? aimedAt(s, shortfalls) : bitten)) {
            figures.add(new PdfReport.Figure("shortfall-" + d.item() + ".png", ShortfallChart.chart(s, d), "Units of " + d.name()
                    + " ordered but not delivered in each period, with the measures and without them" + (mc == null ? ""
                    : "; the shaded band holds 90% of " + mc.runs() + " Monte Carlo runs (P5 to P95) and the line inside it is"
                    + " their median") + ". Vertical lines mark the dates measures take effect (not responses to escalations, which come"
                    + " at different times in different runs)."));
        }
        figures.add(new PdfReport.Figure("costs-by-country.png", CostChart.chart(s, run.summary()), "Value added lost by the"
                + " firms of each country over the run (their sales less the inputs they used), against the same run without the"
                + " measures; a bar below zero is a gain. The grey bar is gross sales lost, for reference: summed over tiers it counts"
                + " a part again inside everything that contains it."));
        figures.add(new PdfReport.Figure("costs-by-firm.png", CostChart.byFirm(s, run.summary()), "The same by firm, for the "
                + CostChart.MAX_BARS + " firms with the largest change in value added, on both sides of the measures; a bar left of"
                + " zero is a gain, sales won from the firms cut off."));
        for (PriceChart.Data d : PriceChart.data(s, run.network(), run.series(), run.baselineSeries())) {
            figures.add(new PdfReport.Figure("price-" + d.item() + ".png", PriceChart.chart(s, d), "The price of " + d.name()
                    + " to buyers in each market, in % of its price without the measures at the start: solid with the measures,"
                    + " dashed without. Orders beyond what sellers serving a market can offer raise its price; sellers cut off from"
                    + " buyers abroad, with capacity idle, lower it at home (scarcity prices, docs/model.md); costs passed on from"
                    + " inputs move it as well."));
        }
        for (var u : UnitCostChart.rows(run.summary())) {
            figures.add(new PdfReport.Figure("unit-cost-" + u.site() + ".png", UnitCostChart.chart(s, u), "Where the change in"
                    + " the unit cost of " + Names.item(s, u.item()) + " made by " + Names.firm(s, u.site()) + " comes from, as a mean over the run in % of its"
                    + " unit cost without the measures: tariffs and other markups, premiums paid to alternate suppliers, the"
                    + " carrying cost of goods held up by license delays, scarcity prices above or below sellers' costs (anywhere up"
                    + " the chain, passed on in prices), and the"
                    + " sourcing mix, what buying from dearer or cheaper sources changed; the last bar is the total."));
        }
        SitesChart.Data hit = SitesChart.data(s, run.network(), run.summary(), run.series(), run.baselineSeries());
        if (!hit.sites().isEmpty()) {
            figures.add(new PdfReport.Figure("sites.png", SitesChart.chart(s, hit), "Output of the " + hit.sites().size()
                    + " hardest-hit sites (those cut off from an input first, then those whose output fell lowest), above, and the"
                    + " stock of each one's scarcest input, below; both in % of the same figure in the run without the measures"
                    + " (one run: the scenario's first draw)."));
        }
        if (!SurviveRecoverChart.points(run.summary()).isEmpty()) {
            figures.add(new PdfReport.Figure("survive-recover.png", SurviveRecoverChart.chart(s, run.summary()), "Each site whose"
                    + " inputs the measures cut: how long it kept its output up after the first cut (time to survive) against how"
                    + " long it then took to get back within 1% of its output without the measures (time to recover). Sites above"
                    + " the dashed diagonal cannot hold out until they recover; squares had not recovered by the end of the run"
                    + " and sit at the time they had been down, a lower bound."));
        }
        if (mc != null && !MarketLossChart.markets(mc).isEmpty()) {
            figures.add(new PdfReport.Figure("runs-by-market.png", MarketLossChart.chart(s, mc), "The value of end items not"
                    + " delivered to buyers in each country, in % of what they would have bought over the run, across the "
                    + mc.runs() + " Monte Carlo runs: where the losses fall, side by side, and how much the uncertain inputs"
                    + " (license approvals, whether and when escalations fire) spread them. The line in each box is the median run,"
                    + " the box holds the middle half of the runs (P25 to P75) and the whiskers 90% of them (P5 to P95);"
                    + " shortfall values per run and market are in totals.csv."));
        }
        if (exposure != null && ExposureCharts.hasExposure(exposure.exposure())) {
            figures.add(new PdfReport.Figure("exposure.png", ExposureCharts.exposure(s, exposure.exposure()), "The share of each"
                    + " end item's cost each measure reaches: inputs it restricts anywhere upstream, weighted by the value they"
                    + " carry into the end item, before any stock, substitute or license softens the blow."));
        }
        if (exposure != null && !ExposureCharts.charted(exposure).isEmpty()) {
            figures.add(new PdfReport.Figure("criticality.png", ExposureCharts.criticality(s, exposure), "The "
                    + ExposureCharts.charted(exposure).size() + " supplier sites whose outage costs most: the"
                    + " value of end items not delivered when the site is down for its time to recover, in the network without"
                    + " the measures" + (exposure.program().isEmpty() ? "" : "; the linear program lets other suppliers with"
                    + " spare capacity step in at once and ignores lead times inside the outage, so it is the lower bound")
                    + "."));
        }
        if (mc != null) {
            figures.add(new PdfReport.Figure("runs-histogram.png", RunsHistogram.chart(s, mc), "How the total value of end items"
                    + " not delivered spreads across the " + mc.runs() + " Monte Carlo runs, each drawing the uncertain inputs"
                    + " afresh; dashed lines mark P5, the median and P95."));
        }
        return figures;
    }

    /**
     * When no end item runs short, the ones the measures were aimed at: those made by a firm in the
     * group of a firm a measure names (a flat line there is the finding); else all of them.
     */
    /** At most this many shortfall charts: on large networks, the end items the measures hit hardest. */
    static final int MAX_SHORTFALL_CHARTS = 12;

    /** The end items with the largest shortfall (in units) caused by the measures, largest first, then by item. */
    static List<ShortfallChart.Data> largest(List<ShortfallChart.Data> all) {
        if (all.size() <= MAX_SHORTFALL_CHARTS) {
            return all;
        }
        return all.stream().sorted(java.util.Comparator.comparingDouble((ShortfallChart.Data d) -> -caused(d))
                .thenComparing(ShortfallChart.Data::item)).limit(MAX_SHORTFALL_CHARTS).toList();
    }

    private static double caused(ShortfallChart.Data d) {
        double sum = 0;
        for (int t = 0; t < d.withMeasures().length; t++) {
            sum += Math.abs(d.withMeasures()[t] - d.withoutMeasures()[t]);
        }
        return sum;
    }

    private static List<ShortfallChart.Data> aimedAt(Scenario s, List<ShortfallChart.Data> all) {
        var net = s.network();
        java.util.Set<String> groups = new java.util.HashSet<>();
        for (var m : s.measures()) {
            for (String f : m.firms()) {
                if (net.hasFirm(f)) {
                    groups.add(net.group(net.firm(f)).id());
                }
            }
        }
        java.util.Set<String> items = new java.util.HashSet<>();
        for (var d : net.demand()) {
            if (groups.contains(net.group(net.firm(net.site(d.site()).firm())).id())) {
                items.add(d.item());
            }
        }
        List<ShortfallChart.Data> aimed = all.stream().filter(d -> items.contains(d.item())).toList();
        return aimed.isEmpty() ? all : aimed;
    }
}
