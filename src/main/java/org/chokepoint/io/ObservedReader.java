package org.chokepoint.io;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.chokepoint.model.Network;
import org.chokepoint.model.Observed;
import org.chokepoint.model.Observed.Metric;
import org.chokepoint.model.Problem;
import org.chokepoint.model.Scenario;

/**
 * Reads a scenario's {@code observed} block: series of what happened, each bound to one recorded
 * series of the model and checked against the network and the simulated span.
 * <pre>
 * observed:
 *   - id: inspur-revenue
 *     metric: revenue
 *     firm: inspur-electronic
 *     per: quarter
 *     compare: index
 *     onset: 0.2
 *     unit: CNY bn
 *     sources: "000977.SZ quarterly reports"
 *     values: {2024-Q1: 17.6, 2024-Q2: 24.4}
 * </pre>
 */
final class ObservedReader {

    static final List<String> KEYS = List.of("id", "name", "metric", "site", "firm", "item", "market", "from", "to", "per",
            "compare", "scale", "onset", "base", "unit", "values", "sources", "note", "assumption", "calibrated");

    private ObservedReader() {}

    /** Reads the block of a scenario whose other parts are known good; problems go to {@code f}'s list. */
    static List<Observed> read(Fields f, Scenario s, List<String> markets) {
        List<Observed> out = new ArrayList<>();
        List<Node> list = f.list("observed");
        Set<String> seen = new TreeSet<>();
        Network n = s.network();
        for (int i = 0; i < list.size(); i++) {
            String path = f.pathOf("observed") + "[" + i + "]";
            Fields o = Fields.of(list.get(i), path, f.problems, "an observed series");
            if (o == null) {
                continue;
            }
            o.allow(KEYS);
            String id = o.text("id", true, "A short name for the series, used in file names.");
            if (id != null && !seen.add(id)) {
                o.fail(o.raw("id"), "id", "a second observed series with id '" + id + "'", "Give each series its own id.");
            }
            String metricKey = o.text("metric", true, "What the series measures: output, revenue, exports, delivered or price.");
            Metric metric = metricKey == null ? null : Metric.of(metricKey);
            if (metricKey != null && metric == null) {
                o.fail(o.raw("metric"), "metric", "unknown metric '" + metricKey + "'",
                        "Allowed: output, revenue, exports, delivered, price.");
            }
            String site = o.text("site", false, "");
            String firm = o.text("firm", false, "");
            String item = o.text("item", false, "");
            String market = o.text("market", false, "");
            String from = o.text("from", false, "");
            String to = o.text("to", false, "");
            known(o, "site", site, n.sites().stream().map(x -> x.id()).toList(), "site");
            known(o, "firm", firm, n.firms().stream().map(x -> x.id()).toList(), "firm");
            known(o, "item", item, n.items().stream().map(x -> x.id()).toList(), "item");
            if (metric != null) {
                scope(o, metric, site, firm, item, market, from, to, markets);
            }
            String perKey = o.text("per", true, "The span of each observation: month, quarter or year.");
            Observed.Per per = perKey == null ? null : Observed.Per.of(perKey);
            if (perKey != null && per == null) {
                o.fail(o.raw("per"), "per", "unknown span '" + perKey + "'", "Allowed: month, quarter, year.");
            }
            String compareKey = o.text("compare", false, "");
            Observed.Compare compare = compareKey == null ? Observed.Compare.INDEX : Observed.Compare.of(compareKey);
            if (compare == null) {
                o.fail(o.raw("compare"), "compare", "unknown comparison '" + compareKey + "'",
                        "index (each series over its own level before the event) or level (observed × scale against model units).");
            }
            double scale = o.number("scale", 1, "Model units per observed unit, e.g. 1e6 when the series is in millions.");
            if (o.has("scale") && !(scale > 0)) {
                o.fail(o.raw("scale"), "scale", "must be above 0 (" + org.chokepoint.model.Checks.fmt(scale) + ")",
                        "Model units per observed unit, e.g. 1e6 when the series is in millions.");
            }
            if (o.has("scale") && compare == Observed.Compare.INDEX) {
                o.fail(o.raw("scale"), "scale", "a scale means nothing when series are compared as indexes",
                        "Remove scale, or set compare: level.");
            }
            double onset = o.number("onset", Double.NaN, "A fraction: 0.2 marks the first observation 20% below the level before the event.");
            if (o.has("onset") && !(onset > 0 && onset < 1)) {
                o.fail(o.raw("onset"), "onset", "must be between 0 and 1, exclusive (" + org.chokepoint.model.Checks.fmt(onset) + ")",
                        "A fraction: 0.2 marks the first observation 20% below the level before the event.");
            }
            double base = o.number("base", Double.NaN, "The observed level before the event, per " + (per == null ? "observation"
                    : per.key()) + ", in the series' unit.");
            if (o.has("base") && !(base > 0)) {
                o.fail(o.raw("base"), "base", "must be above 0 (" + org.chokepoint.model.Checks.fmt(base) + ")",
                        "The observed level before the event, in the series' unit.");
            }
            if (o.has("base") && compare == Observed.Compare.LEVEL) {
                o.fail(o.raw("base"), "base", "a base is for series compared as indexes", "Remove base, or set compare: index.");
            }
            String unit = o.text("unit", true, "The values' unit as the source gives it, e.g. CNY bn, million units, tonnes.");
            List<String> sources = o.texts("sources");
            if (sources.isEmpty() && !o.has("sources")) {
                o.fail(null, "sources", "missing required key 'sources'", "Where the values come from: an observed series needs its source.");
            }
            Node c = o.raw("calibrated");
            boolean calibrated = c instanceof Node.Scalar sc && (sc.type == Node.Scalar.Type.BOOLEAN || sc.loose)
                    ? Boolean.parseBoolean(sc.text.trim()) : c != null;
            List<LocalDate> dates = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            if (per != null) {
                values(o, per, s, dates, values);
            }
            if (compare == Observed.Compare.INDEX && per != null && !dates.isEmpty() && !o.has("base")) {
                LocalDate event = org.chokepoint.model.Backtest.eventOf(s);
                boolean before = dates.stream().anyMatch(d -> !per.next(d).isAfter(event));
                if (!before) {
                    o.fail(o.raw("values"), "values", "no observation ends on or before the event (" + event + ")",
                            "An index divides each series by its mean before the event: observe at least one " + per.key()
                                    + " before it, give the level before it as base, or compare: level.");
                }
            }
            if (o.failed() || metric == null || per == null || compare == null) {
                continue;
            }
            Node.MapNode at = o.node;
            out.add(new Observed(id, o.text("name", false, ""), metric, site, firm, item, market, from, to, per, compare, scale, onset,
                    base, unit, sources, calibrated, dates, values.stream().mapToDouble(Double::doubleValue).toArray(),
                    new Problem(at.file, at.line, at.column, path, "", "")));
        }
        return out;
    }

    private static void known(Fields o, String key, String id, List<String> ids, String kind) {
        if (id != null && !ids.contains(id)) {
            o.failUnknown(key, kind, id, new TreeSet<>(ids));
        }
    }

    /** Which of site, firm, item, market, from and to each metric takes, and needs. */
    private static void scope(Fields o, Metric metric, String site, String firm, String item, String market, String from, String to,
                              List<String> markets) {
        List<String> allowed = switch (metric) {
            case OUTPUT -> List.of("site", "firm", "item");
            case REVENUE -> List.of("site", "firm");
            case EXPORTS -> List.of("item", "from", "to");
            case DELIVERED -> List.of("item", "market");
            case PRICE -> List.of("item", "market");
        };
        String[] keys = {"site", "firm", "item", "market", "from", "to"};
        String[] given = {site, firm, item, market, from, to};
        int named = 0;
        for (int k = 0; k < keys.length; k++) {
            if (given[k] != null && !allowed.contains(keys[k])) {
                o.fail(o.raw(keys[k]), keys[k], "a " + metric.key() + " series takes no " + keys[k],
                        "A " + metric.key() + " series names " + describe(metric) + ".");
            }
            named += given[k] != null && List.of("site", "firm", "item").contains(keys[k]) ? 1 : 0;
        }
        boolean ok = switch (metric) {
            case OUTPUT -> named == 1;
            case REVENUE -> named == 1 && item == null;
            case EXPORTS -> item != null && from != null;
            case DELIVERED -> item != null;
            case PRICE -> item != null && market != null;
        };
        if (!ok) {
            o.fail(o.raw("metric"), "metric", "a " + metric.key() + " series names " + describe(metric), "");
        }
        if (metric == Metric.PRICE && market != null && !markets.contains(market)) {
            o.fail(o.raw("market"), "market", markets.isEmpty() ? "prices are off in this scenario, so there is no price to compare"
                    : "unknown price market '" + market + "'", markets.isEmpty() ? "Remove behaviour.prices: none, or drop the series."
                    : "Price markets: " + String.join(", ", markets) + " (behaviour.prices.markets)." + org.chokepoint.model.Names
                            .didYouMean(market, new TreeSet<>(markets)));
        }
    }

    private static String describe(Metric metric) {
        return switch (metric) {
            case OUTPUT -> "one of site, firm or item";
            case REVENUE -> "a site or a firm";
            case EXPORTS -> "an item and the exporting country (from), optionally the importing one (to)";
            case DELIVERED -> "an item, optionally the buyers' market";
            case PRICE -> "an item and a price market";
        };
    }

    /** The {@code values} mapping: keys are the first days of their spans, or 2024-Q3, 2024-07, 2024. */
    private static void values(Fields o, Observed.Per per, Scenario s, List<LocalDate> dates, List<Double> values) {
        if (!o.has("values")) {
            o.fail(null, "values", "missing required key 'values'", "A mapping from each " + per.key() + " to its value: {"
                    + example(per) + "}.");
            return;
        }
        Fields m = o.nested("values");
        if (m == null) {
            return;
        }
        if (m.node.values.isEmpty()) {
            o.fail(o.raw("values"), "values", "no values", "A mapping from each " + per.key() + " to its value: {" + example(per) + "}.");
            return;
        }
        LocalDate last = null;
        for (String key : m.node.values.keySet()) {
            Node at = m.raw(key);
            LocalDate day = day(key, per);
            if (day == null) {
                atKey(m, key, "'" + key + "' is not a " + per.key(), "Write the first day of the " + per.key() + " (YYYY-MM-DD) or "
                        + example(per).replaceAll(": [0-9.]+", "") + ".");
                continue;
            }
            double x = m.numberOf(at, key, "The observed value, in the series' unit.");
            if (last != null && !day.isAfter(last)) {
                atKey(m, key, per.label(day) + " comes after " + per.label(last), "List observations in time order, each once.");
            } else if (day.isBefore(s.start()) || per.next(day).isAfter(s.end())) {
                atKey(m, key, per.label(day) + " (" + day + " to " + per.next(day).minusDays(1) + ") is not wholly inside the run ("
                        + s.start() + " to " + s.end().minusDays(1) + ")", "Compare only " + per.key() + "s the run covers in full:"
                        + " start the scenario earlier, simulate longer, or drop the observation.");
            }
            last = day;
            dates.add(day);
            values.add(x);
        }
        if (m.failed()) {
            o.markFailed();
        }
    }

    /** A problem with a key of a mapping, pointed at the key itself. */
    private static void atKey(Fields m, String key, String message, String advice) {
        int[] pos = m.node.keyPositions.get(key);
        m.problems.add(new Problem(m.node.file, pos[0], pos[1], m.pathOf(key), message, advice));
        m.markFailed();
    }

    private static String example(Observed.Per per) {
        return switch (per) {
            case MONTH -> "2023-08: 0.0, 2023-09: 1.2";
            case QUARTER -> "2024-Q1: 17.6, 2024-Q2: 24.4";
            case YEAR -> "2023: 65.9, 2024: 115.1";
        };
    }

    /** The span's first day from {@code 2024-07-01}, {@code 2024-Q3}, {@code 2024-07} or {@code 2024}, or null. */
    static LocalDate day(String key, Observed.Per per) {
        String k = key.trim();
        try {
            LocalDate d;
            if (k.matches("\\d{4}-\\d{2}-\\d{2}")) {
                d = LocalDate.parse(k);
            } else if (per == Observed.Per.QUARTER && k.matches("\\d{4}-Q[1-4]")) {
                d = LocalDate.of(Integer.parseInt(k.substring(0, 4)), 3 * (k.charAt(6) - '1') + 1, 1);
            } else if (per == Observed.Per.MONTH && k.matches("\\d{4}-\\d{2}")) {
                d = LocalDate.parse(k + "-01");
            } else if (per == Observed.Per.YEAR && k.matches("\\d{4}")) {
                d = LocalDate.of(Integer.parseInt(k), 1, 1);
            } else {
                return null;
            }
            return per.isBucketStart(d) ? d : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
