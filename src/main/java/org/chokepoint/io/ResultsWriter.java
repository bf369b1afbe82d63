package org.chokepoint.io;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.chokepoint.analysis.MonteCarlo;
import org.chokepoint.analysis.RunSummary;
import org.chokepoint.engine.CompiledNetwork;
import org.chokepoint.engine.CostCause;
import org.chokepoint.engine.SeriesRecorder;
import org.chokepoint.model.Demand;
import org.chokepoint.model.Scenario;

/**
 * Writes a run's results: {@code results.csv}, tidy (one row per period × metric × what it is
 * about, columns {@code period,date,metric,unit,site,firm,item,market,input,country,value}, each
 * key in a column of its own and blank where it does not apply, in a fixed order), its calendar
 * aggregation, the Monte Carlo tables, and {@code summary.json}. Numbers are written in their
 * shortest exact form, so the same run writes the same bytes.
 */
public final class ResultsWriter {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private ResultsWriter() {}

    /** Metric names, in the order rows are written within a period. */
    public static final List<String> METRICS = List.of("demand", "delivered", "shortfall", "output", "unit-cost",
            "revenue", "value-added", "purchases", "inputs-used", "stock-value-change", "flows-out", "export-revenue", "price-index", "stock", "country-revenue", "country-value-added", "country-export-revenue");

    /** Networks up to this many sites get every site's series in {@code results.csv} by default. */
    public static final int ALL_SITES_UP_TO = 1000;

    /** Every series of every site, slot and demand entry. */
    public static void writeCsv(Scenario scenario, CompiledNetwork n, SeriesRecorder r, OutputStream out) throws IOException {
        writeCsv(scenario, n, r, allSites(n), out);
    }

    /** Every site marked, for {@link #writeCsv(Scenario, CompiledNetwork, SeriesRecorder, boolean[], OutputStream)}. */
    public static boolean[] allSites(CompiledNetwork n) {
        boolean[] all = new boolean[n.siteCount()];
        java.util.Arrays.fill(all, true);
        return all;
    }

    /**
     * The sites whose series a run writes by default: all of them on networks up to
     * {@link #ALL_SITES_UP_TO} sites; on larger ones that many of the hardest hit (lowest output
     * against the run without measures, then by id), the rest in the totals by country.
     */
    public static boolean[] defaultSites(CompiledNetwork n, RunSummary summary) {
        if (n.siteCount() <= ALL_SITES_UP_TO) {
            return allSites(n);
        }
        boolean[] keep = new boolean[n.siteCount()];
        summary.sites().stream()
                .sorted(java.util.Comparator.comparingDouble(RunSummary.SiteRow::minOutputRatio).thenComparing(RunSummary.SiteRow::site))
                .limit(ALL_SITES_UP_TO)
                .forEach(x -> keep[n.site(x.site())] = true);
        return keep;
    }

    /**
     * Writes the demand series, the site and slot series of the sites marked in {@code sites}, and,
     * when some are left out, the revenue and export revenue of all sites summed by the country of
     * their firm ({@code country-revenue}, {@code country-export-revenue}), so totals stay whole.
     */
    public static void writeCsv(Scenario scenario, CompiledNetwork n, SeriesRecorder r, boolean[] sites, OutputStream out)
            throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        w.write("period,date,metric," + KEY_COLUMNS + ",value\n");
        String[] prefixes = new String[r.periods()];
        for (int t = 0; t < prefixes.length; t++) {
            prefixes[t] = t + "," + scenario.dateOf(t) + ",";
        }
        emit(scenario, n, r, sites, (t, metric, key, value) -> row(w, prefixes[t], metric, key, value));
        w.flush();
    }

    /** Receives the rows of {@code results.csv}, period by period: the metric, the key columns joined, the value. */
    interface Rows {
        void row(int t, String metric, String cols, double value) throws IOException;
    }

    /** The metrics that are levels (averaged over time when aggregated); every other one is a flow (summed). */
    static final java.util.Set<String> LEVELS = java.util.Set.of("unit-cost", "price-index", "stock");

    /**
     * Every series of {@code results.csv} summed (flows) or averaged over days (levels: unit cost,
     * price index, stock) per calendar month, quarter or year: columns {@code period,start,end,days,
     * metric}, the key columns of {@code results.csv}, {@code value}, {@code days} being the days of the span the run covers (a span the run
     * covers in part has fewer than its length). Revenue and value added are also summed by firm
     * ({@code firm-revenue}, {@code firm-value-added}), over the sites written, each under the firm
     * that owned it that period.
     */
    public static void writeAggregated(Scenario scenario, CompiledNetwork n, SeriesRecorder r, boolean[] sites,
                                       org.chokepoint.model.Observed.Per per, OutputStream out) throws IOException {
        var cal = org.chokepoint.analysis.Backtests.Calendar.of(scenario.start(), scenario.step(), r.periods(), per);
        java.util.Map<String, double[]> sums = new java.util.LinkedHashMap<>();
        SiteColumns sc = new SiteColumns(scenario, n);
        // Every period emits the same series in the same order: the i-th row of a period adds to
        // what the i-th row of the last one did, unless its metric or key differ (an owner changed).
        List<Seen> seen = new ArrayList<>();
        int[] at = {-1, 0}; // the period, and the row within it
        emit(scenario, n, r, sites, (t, metric, key, value) -> {
            if (t != at[0]) {
                at[0] = t;
                at[1] = 0;
            }
            int i = at[1]++;
            Seen last = i < seen.size() ? seen.get(i) : null;
            if (last == null || !last.metric().equals(metric) || !last.key().equals(key)) {
                last = new Seen(metric, key, sums.computeIfAbsent(metric + "," + key, k -> new double[cal.buckets()]));
                if (i < seen.size()) {
                    seen.set(i, last);
                } else {
                    seen.add(last);
                }
            }
            cal.add(t, value, !LEVELS.contains(metric), last.sum(), 0);
            if (metric.equals("revenue") || metric.equals("value-added")) {
                // and by firm, the owner of the day: what quarterly reports give
                String firm = sc.firmOf(n.site(key.split(",", -1)[1]), t);
                cal.add(t, value, true, sums.computeIfAbsent("firm-" + metric + "," + cols(USD, "", firm, "", "", "", ""),
                        k -> new double[cal.buckets()]), 0);
            }
        });
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        w.write("period,start,end,days,metric," + KEY_COLUMNS + ",value\n");
        for (int b = 0; b < cal.buckets(); b++) {
            java.time.LocalDate from = cal.starts().get(b);
            String prefix = per.label(from) + "," + from + "," + per.next(from).minusDays(1) + "," + cal.covered()[b] + ",";
            for (var e : sums.entrySet()) {
                String metric = e.getKey().substring(0, e.getKey().indexOf(','));
                double v = e.getValue()[b];
                if (LEVELS.contains(metric)) {
                    v = cal.covered()[b] == 0 ? 0 : v / cal.covered()[b];
                }
                w.write(prefix);
                w.write(e.getKey());
                w.write(',');
                w.write(number(v));
                w.write('\n');
            }
        }
        w.flush();
    }

    /** A row of a period of the aggregate: its metric, its key and the sums it adds to. */
    private record Seen(String metric, String key, double[] sum) {}

    private static void emit(Scenario scenario, CompiledNetwork n, SeriesRecorder r, boolean[] sites, Rows rows) throws IOException {
        String[] demandCols = new String[n.demandCount()];
        for (int j = 0; j < demandCols.length; j++) {
            Demand d = n.demand(j);
            demandCols[j] = cols(UNITS, d.site(), "", d.item(), d.market(), "", "");
        }
        SiteColumns sc = new SiteColumns(scenario, n);
        boolean partial = false;
        for (boolean b : sites) {
            partial |= !b;
        }
        // Countries in sorted order, each site's index into them.
        java.util.TreeMap<String, Integer> countryIndex = new java.util.TreeMap<>();
        int[] siteCountry = new int[n.siteCount()];
        if (partial) {
            for (int s = 0; s < n.siteCount(); s++) {
                countryIndex.putIfAbsent(n.network().firm(n.firmOf(s)).country(), 0);
                for (String owner : n.network().site(n.siteId(s)).ownerPath().values()) {
                    countryIndex.putIfAbsent(n.network().firm(owner).country(), 0);
                }
            }
            int i = 0;
            for (var e : countryIndex.entrySet()) {
                e.setValue(i++);
            }
            for (int s = 0; s < n.siteCount(); s++) {
                siteCountry[s] = countryIndex.get(n.network().firm(n.firmOf(s)).country());
            }
        }
        String[] countries = countryIndex.keySet().toArray(String[]::new);
        String[] countryCols = new String[countries.length];
        for (int c = 0; c < countries.length; c++) {
            countryCols[c] = cols(USD, "", "", "", "", "", countries[c]);
        }
        String[] slotCols = new String[n.slotCount()];
        for (int k = 0; k < n.slotCount(); k++) {
            slotCols[k] = cols(UNITS, n.siteId(n.slotSite(k)), "", "", "", n.slotItemId(k), "");
        }
        String[] priceCols = new String[n.itemCount() * r.markets().size()];
        for (int i = 0; i < n.itemCount(); i++) {
            for (int m = 0; m < r.markets().size(); m++) {
                priceCols[i * r.markets().size() + m] = cols("index", "", "", n.itemId(i), r.markets().get(m), "", "");
            }
        }
        double[] revenue = new double[countries.length];
        double[] export = new double[countries.length];
        double[] valueAdded = new double[countries.length];
        for (int t = 0; t < r.periods(); t++) {
            final int period = t;
            for (int j = 0; j < demandCols.length; j++) {
                rows.row(t, "demand", demandCols[j], r.demanded(t, j));
            }
            for (int j = 0; j < demandCols.length; j++) {
                rows.row(t, "delivered", demandCols[j], r.delivered(t, j));
            }
            for (int j = 0; j < demandCols.length; j++) {
                rows.row(t, "shortfall", demandCols[j], r.shortfall(t, j));
            }
            siteRows(rows, t, "output", UNITS, sc, sites, s -> r.output(period, s));
            siteRows(rows, t, "unit-cost", USD_PER_UNIT, sc, sites, s -> r.unitCost(period, s));
            siteRows(rows, t, "revenue", USD, sc, sites, s -> r.revenue(period, s));
            siteRows(rows, t, "value-added", USD, sc, sites, s -> r.valueAdded(period, s));
            siteRows(rows, t, "purchases", USD, sc, sites, s -> r.purchases(period, s));
            siteRows(rows, t, "inputs-used", USD, sc, sites, s -> r.inputsUsed(period, s));
            siteRows(rows, t, "stock-value-change", USD, sc, sites, s -> r.stockValueChange(period, s));
            siteRows(rows, t, "flows-out", USD, sc, sites, s -> r.flowsOut(period, s));
            siteRows(rows, t, "export-revenue", USD, sc, sites, s -> r.exportRevenue(period, s));
            for (int i = 0; i < n.itemCount(); i++) {
                for (int m = 0; m < r.markets().size(); m++) {
                    if (r.priced(i, m)) {
                        rows.row(t, "price-index", priceCols[i * r.markets().size() + m], r.priceIndex(t, i, m));
                    }
                }
            }
            for (int k = 0; k < n.slotCount(); k++) {
                if (sites[n.slotSite(k)]) {
                    rows.row(t, "stock", slotCols[k], r.stock(t, k));
                }
            }
            if (partial) {
                java.util.Arrays.fill(revenue, 0);
                java.util.Arrays.fill(export, 0);
                java.util.Arrays.fill(valueAdded, 0);
                for (int s = 0; s < n.siteCount(); s++) {
                    int c = n.changesOwner(s) ? countryIndex.get(n.network().firm(n.firmOn(s,
                            org.chokepoint.analysis.RunSummary.lastDay(scenario.start(), scenario.step(), t))).country()) : siteCountry[s];
                    revenue[c] += r.revenue(t, s);
                    export[c] += r.exportRevenue(t, s);
                    valueAdded[c] += r.valueAdded(t, s);
                }
                for (int c = 0; c < countries.length; c++) {
                    rows.row(t, "country-revenue", countryCols[c], revenue[c]);
                }
                for (int c = 0; c < countries.length; c++) {
                    rows.row(t, "country-value-added", countryCols[c], valueAdded[c]);
                }
                for (int c = 0; c < countries.length; c++) {
                    rows.row(t, "country-export-revenue", countryCols[c], export[c]);
                }
            }
        }
    }

    /** The columns that say what a row is about, after {@code metric}: {@link #KEY_COLUMNS}. */
    public static final String KEY_COLUMNS = "unit,site,firm,item,market,input,country";

    static final String UNITS = "units";
    static final String USD = "USD";
    static final String USD_PER_UNIT = "USD/unit";

    static String cols(String unit, String site, String firm, String item, String market, String input, String country) {
        return String.join(",", unit, site, firm, item, market, input, country);
    }

    /** A site's key columns per unit, the firm being the owner of the period for sites that change hands. */
    private static final class SiteColumns {
        private final Scenario scenario;
        private final CompiledNetwork n;
        private final java.util.Map<String, String[]> byUnit = new java.util.HashMap<>();

        SiteColumns(Scenario scenario, CompiledNetwork n) {
            this.scenario = scenario;
            this.n = n;
        }

        String of(String unit, int site, int t) {
            if (n.changesOwner(site)) {
                return cols(unit, n.siteId(site), firmOf(site, t), n.itemId(n.siteItem(site)), "", "", "");
            }
            String[] cached = byUnit.computeIfAbsent(unit, u -> new String[n.siteCount()]);
            if (cached[site] == null) {
                cached[site] = cols(unit, n.siteId(site), n.firmOf(site), n.itemId(n.siteItem(site)), "", "", "");
            }
            return cached[site];
        }

        String firmOf(int site, int t) {
            return n.changesOwner(site) ? n.firmOn(site, RunSummary.lastDay(scenario.start(), scenario.step(), t)) : n.firmOf(site);
        }
    }

    /** One row per site written out, of one metric. */
    private static void siteRows(Rows rows, int t, String metric, String unit, SiteColumns sc, boolean[] sites,
                                 java.util.function.IntToDoubleFunction value) throws IOException {
        for (int s = 0; s < sites.length; s++) {
            if (sites[s]) {
                rows.row(t, metric, sc.of(unit, s, t), value.applyAsDouble(s));
            }
        }
    }

    private static void row(Writer w, String prefix, String metric, String key, double value) throws IOException {
        w.write(prefix);
        w.write(metric);
        w.write(',');
        w.write(key);
        w.write(',');
        w.write(number(value));
        w.write('\n');
    }

    /**
     * {@code links.csv}: what each supply link and alternate shipped (units) and the share of its
     * orders policy let through, period by period. Columns {@code period,date,metric,unit,from,to,
     * item,path,value}; {@code path} is {@code link} or {@code alternate}, {@code item} what it carries.
     */
    public static void writeLinks(Scenario scenario, CompiledNetwork n, SeriesRecorder r, OutputStream out) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        w.write("period,date,metric,unit,from,to,item,path,value\n");
        String[] keys = new String[n.allLinkCount()];
        for (int l = 0; l < keys.length; l++) {
            Object source = n.linkSource(l);
            if (source instanceof org.chokepoint.model.SupplyLink link) {
                keys[l] = link.from() + "," + link.to() + "," + link.item() + ",link,";
            } else {
                org.chokepoint.model.Alternate a = (org.chokepoint.model.Alternate) source;
                keys[l] = a.from() + "," + a.site() + "," + (a.as() != null ? a.as() : a.item()) + ",alternate,";
            }
        }
        for (int t = 0; t < r.periods(); t++) {
            String prefix = t + "," + scenario.dateOf(t) + ",";
            for (int l = 0; l < keys.length; l++) {
                w.write(prefix + "shipped,units," + keys[l] + number(r.shipped(t, l)) + "\n");
            }
            for (int l = 0; l < keys.length; l++) {
                w.write(prefix + "open,share," + keys[l] + number(r.open(t, l)) + "\n");
            }
        }
        w.flush();
    }

    /** Networks up to this many supply links and alternates get {@code links.csv} by default (16 bytes a link and period). */
    public static final int LINKS_UP_TO = 20_000;

    /** {@code inputs.json}: the digest of every input, beside the tables it describes. */
    public static void writeInputs(InputDigest inputs, OutputStream out) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        inputs.json(root);
        JSON.writeValue(out, root);
    }

    /** Shortest exact form; whole numbers without a decimal point; tiny rounding noise as 0. */
    public static String number(double v) {
        if (Math.abs(v) < 1e-9) {
            return "0";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    /** Monte Carlo bands, tidy: period, date, metric (shortfall), stat (p5, p50, p95, mean), the key columns, value. */
    public static void writeBands(Scenario scenario, CompiledNetwork n, MonteCarlo.Result mc, OutputStream out) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        w.write("period,date,metric,stat," + KEY_COLUMNS + ",value\n");
        String[] demandCols = new String[mc.demand()];
        for (int j = 0; j < mc.demand(); j++) {
            Demand d = n.demand(j);
            demandCols[j] = cols(UNITS, d.site(), "", d.item(), d.market(), "", "");
        }
        for (int t = 0; t < mc.periods(); t++) {
            String date = t + "," + scenario.dateOf(t) + ",shortfall,";
            for (int i = 0; i < mc.percentiles().length; i++) {
                String prefix = date + "p" + number(mc.percentiles()[i]) + ",";
                for (int j = 0; j < mc.demand(); j++) {
                    w.write(prefix);
                    w.write(demandCols[j]);
                    w.write(',');
                    w.write(number(mc.band(i, t, j)));
                    w.write('\n');
                }
            }
            for (int j = 0; j < mc.demand(); j++) {
                w.write(date + "mean," + demandCols[j] + "," + number(mc.mean()[t * mc.demand() + j]) + "\n");
            }
        }
        w.flush();
    }

    /** One row per run: run,total-shortfall-value, then the shortfall value of each market (shortfall-value-CN, ...). */
    public static void writeTotals(MonteCarlo.Result mc, OutputStream out) throws IOException {
        writeTotals(null, mc, out);
    }

    /**
     * As above, then one column per uncertain parameter of the scenario (named by its path) with
     * what each run drew, so that outcomes can be regressed on inputs; none when {@code scenario}
     * is null.
     */
    public static void writeTotals(Scenario scenario, MonteCarlo.Result mc, OutputStream out) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        List<org.chokepoint.model.Uncertainty.Parameter> drawn = scenario == null ? List.of() : scenario.uncertainty().parameters();
        w.write("run,total-shortfall-value");
        for (String m : mc.markets()) {
            w.write(",shortfall-value-" + m);
        }
        for (var p : drawn) {
            w.write(',');
            w.write(BacktestWriter.csv(p.path()));
        }
        w.write('\n');
        int k = mc.markets().size();
        for (int r = 0; r < mc.runs(); r++) {
            w.write(r + "," + number(mc.totals()[r]));
            for (int m = 0; m < k; m++) {
                w.write(',');
                w.write(number(mc.byMarket()[r * k + m]));
            }
            if (!drawn.isEmpty()) {
                for (double x : MonteCarlo.draws(scenario, r)) {
                    w.write(',');
                    w.write(Double.toString(x));
                }
            }
            w.write('\n');
        }
        w.flush();
    }

    public static void writeSummary(Scenario scenario, CompiledNetwork n, RunSummary summary, String version,
                                    MonteCarlo.Result mc, OutputStream out) throws IOException {
        writeSummary(scenario, n, summary, version, mc, allSites(n), out);
    }

    /**
     * As above, with the rows of the sites marked in {@code sites} only (see {@link #defaultSites});
     * {@code sites-left-out} counts the others, whose figures are in the firm, group and country totals.
     */
    public static void writeSummary(Scenario scenario, CompiledNetwork n, RunSummary summary, String version,
                                    MonteCarlo.Result mc, boolean[] keep, OutputStream out) throws IOException {
        writeSummary(scenario, n, summary, version, mc, keep, List.of(), List.of(), null, out);
    }

    /**
     * As above, with the fit of each observed series and the facts a back-test checks ({@code backtest}),
     * warnings found while the measures were evaluated, and the digest of the inputs ({@code inputs};
     * left out when null).
     */
    public static void writeSummary(Scenario scenario, CompiledNetwork n, RunSummary summary, String version,
                                    MonteCarlo.Result mc, boolean[] keep, List<org.chokepoint.analysis.Backtests.Fit> fits,
                                    List<String> policyWarnings, InputDigest inputs, OutputStream out) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("scenario", scenario.id());
        root.put("title", scenario.title());
        root.put("start", scenario.start().toString());
        root.put("end", scenario.end().toString());
        root.put("step", scenario.step().key());
        root.put("periods", scenario.periods());
        root.put("seed", scenario.seed());
        root.put("chokepoint", version);
        root.put("measures-applied", true);
        if (inputs != null) {
            inputs.json(root.putObject("inputs"));
        }
        ArrayNode warnings = root.putArray("warnings");
        for (String s : n.overCapacity()) {
            warnings.add("site " + s + " needs more than its capacity even without measures");
        }
        scenario.warnings().forEach(warnings::add);
        policyWarnings.forEach(warnings::add);
        root.put("total-shortfall-value", summary.totalShortfallValue());
        BacktestWriter.json(root, scenario, fits);
        if (mc != null) {
            ObjectNode m = root.putObject("monte-carlo");
            m.put("runs", mc.runs());
            ObjectNode total = m.putObject("total-shortfall-value");
            total.put("mean", mc.totalMean());
            for (double p : mc.percentiles()) {
                total.put("p" + number(p), mc.totalPercentile(p));
            }
        }
        ArrayNode demand = root.putArray("demand");
        for (RunSummary.DemandRow d : summary.demand()) {
            ObjectNode o = demand.addObject();
            o.put("item", d.item());
            o.put("market", d.market());
            o.put("site", d.site());
            o.put("demanded", d.demanded());
            o.put("delivered", d.delivered());
            o.put("shortfall", d.shortfall());
            o.put("shortfall-value", d.shortfallValue());
            o.put("fill-rate", d.fillRate());
            date(o, "first-short", scenario, d.firstShort());
            date(o, "worst", scenario, d.worst());
            o.put("longest-short-run", d.longestShortRun());
        }
        totals(root.putArray("firms"), "firm", summary.firms());
        totals(root.putArray("groups"), "group", summary.groups());
        totals(root.putArray("countries"), "country", summary.countries());
        ArrayNode costs = root.putArray("unit-costs");
        for (RunSummary.UnitCostRow u : summary.unitCosts()) {
            ObjectNode o = costs.addObject();
            o.put("site", u.site());
            o.put("item", u.item());
            o.put("baseline", u.baseline());
            o.put("scenario", u.scenario());
            o.put("change", u.change());
            ObjectNode by = o.putObject("change-by-cause");
            for (CostCause c : CostCause.values()) {
                by.put(c.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), u.change(c));
            }
            by.put("sourcing-mix", u.sourcingMix());
        }
        int left = 0;
        for (boolean b : keep) {
            left += b ? 0 : 1;
        }
        if (left > 0) {
            root.put("sites-left-out", left);
        }
        ArrayNode sites = root.putArray("sites");
        for (RunSummary.SiteRow s : summary.sites()) {
            if (!keep[n.site(s.site())]) {
                continue;
            }
            ObjectNode o = sites.addObject();
            o.put("site", s.site());
            o.put("firm", s.firm());
            o.put("base-output", s.baseOutput());
            o.put("min-output-ratio", s.minOutputRatio());
            date(o, "first-below-99pct", scenario, s.firstBelow());
            date(o, "first-cut", scenario, s.firstCut());
            periods(o, "time-to-survive", s.timeToSurvive());
            o.put("survived-run", s.survivedRun());
            periods(o, "time-to-recover", s.timeToRecover());
            o.put("unit-cost-change", s.unitCostChange());
            o.put("extra-procurement-cost", s.extraProcurementCost());
        }
        JSON.writeValue(out, root);
    }

    private static void totals(ArrayNode array, String name, java.util.List<RunSummary.Totals> rows) {
        for (RunSummary.Totals t : rows) {
            ObjectNode o = array.addObject();
            o.put(name, t.key());
            o.put("value-added", t.valueAdded());
            o.put("baseline-value-added", t.baselineValueAdded());
            o.put("lost-value-added", t.lostValueAdded());
            o.put("revenue", t.revenue());
            o.put("baseline-revenue", t.baselineRevenue());
            o.put("lost-revenue", t.lostRevenue());
            o.put("lost-exports", t.lostExports());
            o.put("extra-procurement-cost", t.extraProcurementCost());
        }
    }

    private static void periods(ObjectNode o, String key, int periods) {
        if (periods == RunSummary.NEVER) {
            o.putNull(key);
        } else {
            o.put(key, periods);
        }
    }

    private static void date(ObjectNode o, String key, Scenario s, int period) {
        if (period == RunSummary.NEVER) {
            o.putNull(key);
        } else {
            LocalDate d = s.dateOf(period);
            o.put(key, d.toString());
        }
    }
}
