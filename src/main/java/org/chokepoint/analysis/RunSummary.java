package org.chokepoint.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.chokepoint.engine.CompiledNetwork;
import org.chokepoint.engine.CostCause;
import org.chokepoint.engine.SeriesRecorder;
import org.chokepoint.model.Demand;
import org.chokepoint.model.Firm;
import org.chokepoint.model.Network;

/**
 * Headline figures of one run, computed from its recorded series and, where a comparison is
 * meant, against the same scenario run without its measures (the baseline).
 *
 * @param demand one row per final-demand entry
 * @param sites one row per site
 * @param firms per firm: revenue with the measures and without, and what buying inputs cost extra
 * @param groups the same, summed per top-level group (parent chain followed to the root)
 * @param countries the same, summed per firm country — both sides of a measure
 * @param unitCosts per site serving final demand, its unit-cost change traced to causes (empty
 *     unless the run traced them)
 * @param periods number of periods run
 */
public record RunSummary(List<DemandRow> demand, List<SiteRow> sites, List<Totals> firms, List<Totals> groups,
                         List<Totals> countries, List<UnitCostRow> unitCosts, int periods) {

    /** A period index that never happened. */
    public static final int NEVER = -1;

    /**
     * The positions of at most {@code max} of {@code rows}: all of them, in order, where there are
     * no more; else the {@code max} largest shortfalls by value, largest first (equal ones in order).
     * What a table for people shows of a large network's end items.
     */
    public static List<Integer> worstHit(List<DemandRow> rows, int max) {
        List<Integer> shown = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            shown.add(i);
        }
        if (rows.size() <= max) {
            return shown;
        }
        shown.sort(java.util.Comparator.comparingDouble((Integer i) -> -rows.get(i).shortfallValue()).thenComparing(i -> i));
        return List.copyOf(shown.subList(0, max));
    }

    /**
     * @param firstShort first period with a shortfall above 0.01% of demand, or {@link #NEVER}
     * @param worst period of the largest shortfall, or {@link #NEVER}
     * @param longestShortRun the longest run of consecutive short periods
     */
    public record DemandRow(String item, String market, String site, double demanded, double delivered,
                            double shortfall, double shortfallValue, int firstShort, int worst, double worstShortfall,
                            int longestShortRun) {

        public double fillRate() {
            return demanded > 0 ? delivered / demanded : 1;
        }

        /** The first period with a shortfall, or empty if the entry never ran short ({@link #firstShort} is then {@link #NEVER}). */
        public java.util.OptionalInt firstShortPeriod() {
            return firstShort == NEVER ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(firstShort);
        }

        /** "item @ market", or with the serving site when several sites serve that item there. */
        public String label(List<DemandRow> all) {
            long same = all.stream().filter(d -> d.item.equals(item) && d.market.equals(market)).count();
            return item + " @ " + market + (same > 1 ? " (" + site + ")" : "");
        }
    }

    /**
     * @param minOutputRatio lowest output relative to the site's baseline (1 when never below)
     * @param firstBelow first period output fell below 99% of baseline, or {@link #NEVER}
     * @param firstCut first period a link into the site was restricted, or {@link #NEVER}
     * @param timeToSurvive periods from the first cut to the first period below 99% (if never below:
     *     to the end of the run, and {@code survivedRun} is true); {@link #NEVER} if never cut
     * @param timeToRecover periods from the first period below 99% to the first period back within
     *     1% of baseline; {@link #NEVER} if it never fell or never recovered
     * @param unitCostChange mean change in unit cost against the baseline over the run, USD per unit
     * @param extraProcurementCost what buying its inputs cost more than in the baseline, USD in total
     */
    public record SiteRow(String site, String firm, double baseOutput, double minOutputRatio, int firstBelow, int firstCut,
                          int timeToSurvive, boolean survivedRun, int timeToRecover, double unitCostChange,
                          double extraProcurementCost) {}

    /**
     * @param key a firm, group or country
     * @param revenue revenue with the measures, USD
     * @param baselineRevenue revenue without them
     * @param extraProcurementCost extra cost of inputs bought, USD
     * @param exportRevenue the part of {@code revenue} from buyers in other countries
     * @param baselineExportRevenue the same without the measures
     * @param valueAdded value added with the measures: revenue less the inputs used at average
     *     cost, USD (what the key's sites earn themselves; summed over tiers it never counts a part
     *     twice, as gross sales do)
     * @param baselineValueAdded the same without the measures
     */
    public record Totals(String key, double revenue, double baselineRevenue, double extraProcurementCost,
                         double exportRevenue, double baselineExportRevenue, double valueAdded, double baselineValueAdded) {

        /** Value added lost to the measures, USD; negative: a gain. */
        public double lostValueAdded() {
            return baselineValueAdded - valueAdded;
        }

        /** Gross sales lost, USD: summed over tiers it counts a part again in everything that contains it. */
        public double lostRevenue() {
            return baselineRevenue - revenue;
        }

        /** Revenue lost on sales abroad: part of {@link #lostRevenue()}. */
        public double lostExports() {
            return baselineExportRevenue - exportRevenue;
        }

        /** Revenue lost at home: the rest of {@link #lostRevenue()}. */
        public double lostDomesticRevenue() {
            return lostRevenue() - lostExports();
        }
    }

    /**
     * An end item's unit cost, mean over the run, against the baseline, with the change traced to
     * its causes; what the causes do not explain is the sourcing mix (dearer or cheaper sources,
     * conversion factors).
     *
     * @param byCause mean change each {@link CostCause} made, USD per unit, in cause order
     */
    public record UnitCostRow(String site, String item, double baseline, double scenario, double[] byCause) {

        public double change() {
            return scenario - baseline;
        }

        public double change(CostCause cause) {
            return byCause[cause.ordinal()];
        }

        /** The change the traced causes leave unexplained. */
        public double sourcingMix() {
            double v = change();
            for (double c : byCause) {
                v -= c;
            }
            return v;
        }
    }

    /** Figures of one run on its own (no baseline: lost revenue and extra costs are 0). */
    public static RunSummary of(CompiledNetwork n, SeriesRecorder r) {
        return of(n, r, r);
    }

    /** Figures of a run against its baseline run (same network and periods, no measures); owners as at the start. */
    public static RunSummary of(CompiledNetwork n, SeriesRecorder r, SeriesRecorder baseline) {
        return of(n, r, baseline, null, null);
    }

    /**
     * The same, with period t starting on {@code start} + t steps: a site that changes owner counts
     * for each owner (its firm, group and country) in the periods it owns it. Null dates: owners as
     * at the start throughout.
     */
    public static RunSummary of(CompiledNetwork n, SeriesRecorder r, SeriesRecorder baseline, java.time.LocalDate start,
                                org.chokepoint.model.Step step) {
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
            int run = 0;
            int longest = 0;
            for (int t = 0; t < periods; t++) {
                double short_ = r.shortfall(t, j);
                demanded += r.demanded(t, j);
                delivered += r.delivered(t, j);
                value += short_ * n.demandPrice(j);
                boolean isShort = short_ > 1e-4 * Math.max(r.demanded(t, j), 1e-9);
                if (isShort && first == NEVER) {
                    first = t;
                }
                run = isShort ? run + 1 : 0;
                longest = Math.max(longest, run);
                if (short_ > worstShort + 1e-12) {
                    worstShort = short_;
                    worst = t;
                }
            }
            demand.add(new DemandRow(d.item(), d.market(), d.site(), demanded, delivered, demanded - delivered,
                    value, first, worst, worstShort, longest));
        }

        List<SiteRow> sites = new ArrayList<>();
        double[] siteRevenue = new double[n.siteCount()];
        double[] siteBaseRevenue = new double[n.siteCount()];
        double[] siteExtra = new double[n.siteCount()];
        double[] siteExport = new double[n.siteCount()];
        double[] siteBaseExport = new double[n.siteCount()];
        double[] siteVa = new double[n.siteCount()];
        double[] siteBaseVa = new double[n.siteCount()];
        for (int s = 0; s < n.siteCount(); s++) {
            double base = n.baseOutput(s);
            double min = 1;
            int below = NEVER;
            int recovered = NEVER;
            for (int t = 0; t < periods && base > 0; t++) {
                double ratio = r.output(t, s) / base;
                min = Math.min(min, ratio);
                if (ratio < 0.99 && below == NEVER) {
                    below = t;
                } else if (below != NEVER && recovered == NEVER && ratio >= 0.99) {
                    recovered = t;
                }
            }
            int cut = r.firstCut(s) == SeriesRecorder.NEVER ? NEVER : r.firstCut(s);
            int survive = NEVER;
            boolean survivedRun = false;
            if (cut != NEVER) {
                if (below == NEVER || below < cut) {
                    survive = below == NEVER ? periods - cut : 0;
                    survivedRun = below == NEVER;
                } else {
                    survive = below - cut;
                }
            }
            double costChange = 0;
            double extra = 0;
            for (int t = 0; t < periods; t++) {
                double change = r.unitCost(t, s) - baseline.unitCost(t, s);
                costChange += change;
                extra += change * r.output(t, s);
                siteRevenue[s] += r.revenue(t, s);
                siteBaseRevenue[s] += baseline.revenue(t, s);
                siteExport[s] += r.exportRevenue(t, s);
                siteBaseExport[s] += baseline.exportRevenue(t, s);
                siteVa[s] += r.valueAdded(t, s);
                siteBaseVa[s] += baseline.valueAdded(t, s);
            }
            siteExtra[s] = extra;
            sites.add(new SiteRow(n.siteId(s), n.firmOf(s), base, min, below, cut, survive, survivedRun,
                    below == NEVER || recovered == NEVER ? NEVER : recovered - below, costChange / Math.max(1, periods), extra));
        }

        Network net = n.network();
        TreeMap<String, double[]> byFirm = new TreeMap<>();
        TreeMap<String, double[]> byGroup = new TreeMap<>();
        TreeMap<String, double[]> byCountry = new TreeMap<>();
        for (int s = 0; s < n.siteCount(); s++) {
            if (start == null || !n.changesOwner(s)) {
                book(net, net.firm(n.firmOf(s)), byFirm, byGroup, byCountry, siteRevenue[s], siteBaseRevenue[s], siteExtra[s],
                        siteExport[s], siteBaseExport[s], siteVa[s], siteBaseVa[s]);
                continue;
            }
            for (int t = 0; t < periods; t++) {
                Firm owner = net.firm(n.firmOn(s, lastDay(start, step, t)));
                book(net, owner, byFirm, byGroup, byCountry, r.revenue(t, s), baseline.revenue(t, s),
                        (r.unitCost(t, s) - baseline.unitCost(t, s)) * r.output(t, s), r.exportRevenue(t, s),
                        baseline.exportRevenue(t, s), r.valueAdded(t, s), baseline.valueAdded(t, s));
            }
        }
        return new RunSummary(List.copyOf(demand), List.copyOf(sites), totals(byFirm), totals(byGroup), totals(byCountry),
                unitCosts(n, r, baseline), periods);
    }

    /** The last day of period t: an owner from a date on owns the period containing that date. */
    public static java.time.LocalDate lastDay(java.time.LocalDate start, org.chokepoint.model.Step step, int t) {
        return start.plusDays((long) (t + 1) * step.days() - 1);
    }

    /** Adds a site's figures to its owner's firm, group and country. */
    private static void book(Network net, Firm f, TreeMap<String, double[]> byFirm, TreeMap<String, double[]> byGroup,
                             TreeMap<String, double[]> byCountry, double... figures) {
        for (TreeMap<String, double[]> m : List.of(byFirm, byGroup, byCountry)) {
            String key = m == byFirm ? f.id() : m == byGroup ? net.group(f).id() : f.country();
            double[] acc = m.computeIfAbsent(key, k -> new double[figures.length]);
            for (int i = 0; i < figures.length; i++) {
                acc[i] += figures[i];
            }
        }
    }

    private static List<Totals> totals(TreeMap<String, double[]> m) {
        List<Totals> out = new ArrayList<>();
        m.forEach((k, v) -> out.add(new Totals(k, v[0], v[1], v[2], v[3], v[4], v[5], v[6])));
        return List.copyOf(out);
    }

    /** Each end-item site's mean unit cost and what each cause changed of it, if the runs traced causes. */
    private static List<UnitCostRow> unitCosts(CompiledNetwork n, SeriesRecorder r, SeriesRecorder baseline) {
        if (!r.isDetailed() || !baseline.isDetailed()) {
            return List.of();
        }
        int[] served = n.demandSites();
        int periods = Math.max(1, r.periods());
        List<UnitCostRow> rows = new ArrayList<>();
        for (int s : served) {
            double base = 0;
            double now = 0;
            double[] byCause = new double[CostCause.COUNT];
            for (int t = 0; t < r.periods(); t++) {
                base += baseline.unitCost(t, s);
                now += r.unitCost(t, s);
                for (CostCause c : CostCause.values()) {
                    byCause[c.ordinal()] += r.unitCost(t, s, c) - baseline.unitCost(t, s, c);
                }
            }
            for (int c = 0; c < byCause.length; c++) {
                byCause[c] /= periods;
            }
            rows.add(new UnitCostRow(n.siteId(s), n.network().site(n.siteId(s)).makes(), base / periods, now / periods, byCause));
        }
        return List.copyOf(rows);
    }

    public double totalShortfallValue() {
        double v = 0;
        for (DemandRow d : demand) {
            v += d.shortfallValue();
        }
        return v;
    }
}
