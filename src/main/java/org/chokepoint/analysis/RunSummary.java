package org.chokepoint.analysis;

import java.util.ArrayList;
import java.util.List;
import org.chokepoint.engine.CompiledNetwork;
import org.chokepoint.engine.SeriesRecorder;
import org.chokepoint.model.Demand;

/**
 * Headline figures of one run, computed from its recorded series.
 *
 * @param demand one row per final-demand entry
 * @param sites one row per site
 * @param firms revenue per firm, summed over its sites and the run, sorted by firm id
 * @param periods number of periods run
 */
public record RunSummary(List<DemandRow> demand, List<SiteRow> sites, List<FirmRow> firms, int periods) {

    /** A period index that never happened. */
    public static final int NEVER = -1;

    /**
     * @param firstShort first period with a shortfall above 0.01% of demand, or {@link #NEVER}
     * @param worst period of the largest shortfall, or {@link #NEVER}
     */
    public record DemandRow(String item, String market, String site, double demanded, double delivered,
                            double shortfall, double shortfallValue, int firstShort, int worst, double worstShortfall) {

        public double fillRate() {
            return demanded > 0 ? delivered / demanded : 1;
        }
    }

    /**
     * @param minOutputRatio lowest output relative to the site's baseline (1 when never below)
     * @param firstBelow first period output fell below 99% of baseline, or {@link #NEVER}
     */
    public record SiteRow(String site, String firm, double baseOutput, double minOutputRatio, int firstBelow) {}

    /** @param revenue total revenue over the run, USD; @param output total units made */
    public record FirmRow(String firm, double revenue, double output) {}

    public static RunSummary of(CompiledNetwork n, SeriesRecorder r) {
        int periods = r.periods();
        List<DemandRow> demand = new ArrayList<>();
        for (int j = 0; j < n.demandCount(); j++) {
            Demand d = n.demand(j);
            double demanded = 0;
            double delivered = 0;
            double value = 0;
            int first = NEVER;
            int worst = NEVER;
            double worstShort = 0;
            for (int t = 0; t < periods; t++) {
                double short_ = r.shortfall(t, j);
                demanded += r.demanded(t, j);
                delivered += r.delivered(t, j);
                value += short_ * n.demandPrice(j);
                if (short_ > 1e-4 * Math.max(r.demanded(t, j), 1e-9) && first == NEVER) {
                    first = t;
                }
                if (short_ > worstShort + 1e-12) {
                    worstShort = short_;
                    worst = t;
                }
            }
            demand.add(new DemandRow(d.item(), d.market(), d.site(), demanded, delivered, demanded - delivered,
                    value, first, worst, worstShort));
        }
        List<SiteRow> sites = new ArrayList<>();
        for (int s = 0; s < n.siteCount(); s++) {
            double base = n.baseOutput(s);
            double min = 1;
            int first = NEVER;
            for (int t = 0; t < periods && base > 0; t++) {
                double ratio = r.output(t, s) / base;
                min = Math.min(min, ratio);
                if (ratio < 0.99 && first == NEVER) {
                    first = t;
                }
            }
            sites.add(new SiteRow(n.siteId(s), n.firmOf(s), base, min, first));
        }
        java.util.TreeMap<String, double[]> byFirm = new java.util.TreeMap<>();
        for (int s = 0; s < n.siteCount(); s++) {
            double[] acc = byFirm.computeIfAbsent(n.firmOf(s), f -> new double[2]);
            for (int t = 0; t < periods; t++) {
                acc[0] += r.revenue(t, s);
                acc[1] += r.output(t, s);
            }
        }
        List<FirmRow> firms = new ArrayList<>();
        byFirm.forEach((f, acc) -> firms.add(new FirmRow(f, acc[0], acc[1])));
        return new RunSummary(List.copyOf(demand), List.copyOf(sites), List.copyOf(firms), periods);
    }

    public double totalShortfallValue() {
        double v = 0;
        for (DemandRow d : demand) {
            v += d.shortfallValue();
        }
        return v;
    }
}
