package org.chokepoint.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The legal parameters the rules read, as dated data: country groups, de minimis thresholds, the
 * reasons for control of each classification and the destinations each reason needs a license to,
 * foreign-direct-product rules with their scopes, performance parameter sets, and ownership rules.
 * Each value takes effect on a date and cites its legal reference, the way law-as-code projects
 * keep legislation; the shipped tables are read from {@code src/main/resources/law/} and a scenario
 * may add to or replace any entry. The code holds the logic, never a threshold.
 */
public final class Law {

    /** Where a value comes from: a title, the legal citation (paragraph), and a link if any. */
    public record Reference(String title, String citation, String href) {

        public Reference {
            title = title == null ? "" : title;
            citation = citation == null ? "" : citation;
            href = href == null ? "" : href;
        }

        /** The citation ("15 CFR 734.4(c); BIS de minimis guidelines"), or the title if there is none, for traces. */
        public String cite() {
            return citation.isEmpty() ? title : citation;
        }
    }

    /** A value with the day it took effect and the reference that set it. */
    public record Dated<T>(LocalDate from, T value, Reference reference) {}

    /**
     * A value that changes over time: each entry holds from its date until the next. Before the
     * first date there is no value.
     */
    public static final class Timeline<T> {
        private final NavigableMap<LocalDate, Dated<T>> values = new TreeMap<>();

        public Timeline(List<Dated<T>> entries) {
            for (Dated<T> d : entries) {
                values.put(d.from(), d);
            }
        }

        /** The entry in force on {@code day}, or null before the first. */
        public Dated<T> at(LocalDate day) {
            Map.Entry<LocalDate, Dated<T>> e = values.floorEntry(day);
            return e == null ? null : e.getValue();
        }

        /**
         * For a membership timeline: the entry from which {@code member} has belonged without a
         * break up to {@code day}, or null if it does not belong on that day.
         */
        public Dated<T> memberSince(String member, LocalDate day) {
            Dated<T> since = null;
            for (Dated<T> d : values.headMap(day, true).descendingMap().values()) {
                if (!(d.value() instanceof Set<?> set) || !set.contains(member)) {
                    break;
                }
                since = d;
            }
            return since;
        }

        /** The days on which the value changes. */
        public Set<LocalDate> dates() {
            return values.keySet();
        }

        public List<Dated<T>> entries() {
            return List.copyOf(values.values());
        }
    }

    /** A named group of countries of one authority, with its membership over time. */
    public record CountryGroup(String name, String authority, String description, Timeline<Set<String>> members) {}

    /**
     * A de minimis row: the threshold for foreign-made items of these classifications going to
     * these destinations (empty lists: any). Rows are tried in order; the first that matches
     * applies. A threshold of 0 means there is no de minimis level: any controlled content makes
     * the item subject.
     */
    public record DeMinimisRow(String name, List<String> eccns, List<String> destinations, Timeline<Double> threshold) {}

    /** The reasons for control of classifications matching {@code eccns} (the first matching row applies). */
    public record ReasonRow(List<String> eccns, List<String> reasons, Reference reference) {}

    /**
     * A foreign-direct-product rule: a foreign-made item is subject when it is in the product
     * scope, goes to a destination in scope (if the rule has one), and its maker has one of the
     * facts the rule names (made with US-origin technology, or by a plant or major equipment that
     * is itself such a direct product).
     */
    public record FdpScope(List<String> facts, List<String> products, List<String> destinations, String description) {}

    public record FdpRule(String name, String paragraph, Timeline<FdpScope> versions) {}

    /** One condition of a criterion: {@code spec op value}, e.g. {@code tpp >= 4800}. */
    public record Condition(String spec, String op, double value) {

        public boolean holds(double x) {
            return switch (op) {
                case ">=" -> x >= value;
                case ">" -> x > value;
                case "<" -> x < value;
                case "<=" -> x <= value;
                default -> throw new IllegalStateException(op);
            };
        }

        @Override
        public String toString() {
            return spec + " " + op + " " + Checks.fmt(value);
        }
    }

    /** A named test an item meets when all its conditions hold, toward these destinations (empty: any). */
    public record Criterion(String name, List<Condition> all, List<String> destinations) {}

    /** A family of criteria that changes by date (e.g. advanced computing: 2022, 2023, 2024, 2025). */
    public record ParameterSet(String name, String description, Timeline<List<Criterion>> versions) {}

    /** An ownership threshold over time (null value: suspended or not in force). */
    public record OwnershipRule(String name, String description, Timeline<Double> threshold) {}

    private final Map<String, CountryGroup> groups;
    private final List<DeMinimisRow> deMinimis;
    private final List<ReasonRow> reasons;
    private final Map<String, Timeline<List<String>>> chart;
    private final Map<String, FdpRule> fdpRules;
    private final Map<String, ParameterSet> parameterSets;
    private final Map<String, OwnershipRule> ownershipRules;
    private List<String> files = List.of();

    public Law(Map<String, CountryGroup> groups, List<DeMinimisRow> deMinimis, List<ReasonRow> reasons,
               Map<String, Timeline<List<String>>> chart, Map<String, FdpRule> fdpRules,
               Map<String, ParameterSet> parameterSets, Map<String, OwnershipRule> ownershipRules) {
        this.groups = Collections.unmodifiableMap(new LinkedHashMap<>(groups));
        this.deMinimis = List.copyOf(deMinimis);
        this.reasons = List.copyOf(reasons);
        this.chart = Collections.unmodifiableMap(new LinkedHashMap<>(chart));
        this.fdpRules = Collections.unmodifiableMap(new LinkedHashMap<>(fdpRules));
        this.parameterSets = Collections.unmodifiableMap(new LinkedHashMap<>(parameterSets));
        this.ownershipRules = Collections.unmodifiableMap(new LinkedHashMap<>(ownershipRules));
    }

    /** The files (absolute paths) a scenario's own tables were read from, besides the shipped ones. */
    public List<String> files() {
        return files;
    }

    /** The same law, remembering the files its scenario tables came from. */
    public Law readFrom(List<String> paths) {
        Law copy = new Law(groups, deMinimis, reasons, chart, fdpRules, parameterSets, ownershipRules);
        copy.files = List.copyOf(paths);
        return copy;
    }

    /** No tables at all: a law for tests that spell everything out. */
    public static final Law EMPTY = new Law(Map.of(), List.of(), List.of(), Map.of(), Map.of(), Map.of(), Map.of());

    public Map<String, CountryGroup> groups() {
        return groups;
    }

    public List<DeMinimisRow> deMinimis() {
        return deMinimis;
    }

    public List<ReasonRow> reasons() {
        return reasons;
    }

    public Map<String, Timeline<List<String>>> chart() {
        return chart;
    }

    public Map<String, FdpRule> fdpRules() {
        return fdpRules;
    }

    public Map<String, ParameterSet> parameterSets() {
        return parameterSets;
    }

    public Map<String, OwnershipRule> ownershipRules() {
        return ownershipRules;
    }

    /**
     * This law with the entries of {@code other} added, replacing those of the same name. De
     * minimis rows are tried in order: a replacement keeps the place of the row it replaces, new
     * rows go before the others; reasons rows of {@code other} are tried first.
     */
    public Law with(Law other) {
        Map<String, CountryGroup> g = new LinkedHashMap<>(groups);
        g.putAll(other.groups);
        // A row of the same name replaces the row where it stands (order decides); new rows go first.
        List<DeMinimisRow> dm = new ArrayList<>();
        for (DeMinimisRow o : other.deMinimis) {
            if (deMinimis.stream().noneMatch(r -> r.name().equals(o.name()))) {
                dm.add(o);
            }
        }
        for (DeMinimisRow r : deMinimis) {
            dm.add(other.deMinimis.stream().filter(o -> o.name().equals(r.name())).findFirst().orElse(r));
        }
        List<ReasonRow> rs = new ArrayList<>(other.reasons);
        rs.addAll(reasons);
        Map<String, Timeline<List<String>>> ch = new LinkedHashMap<>(chart);
        ch.putAll(other.chart);
        Map<String, FdpRule> f = new LinkedHashMap<>(fdpRules);
        f.putAll(other.fdpRules);
        Map<String, ParameterSet> p = new LinkedHashMap<>(parameterSets);
        p.putAll(other.parameterSets);
        Map<String, OwnershipRule> o = new LinkedHashMap<>(ownershipRules);
        o.putAll(other.ownershipRules);
        return new Law(g, dm, rs, ch, f, p, o);
    }

    // ---- country groups ----


    /** Whether a name is a country code, a group of this law, or "all". */
    public boolean isDestination(String name) {
        return name.equals("all") || groups.containsKey(name) || Countries.isCode(name);
    }

    /** Countries named directly or through groups on {@code day}; "all" gives null (every country). */
    public Set<String> countries(List<String> names, LocalDate day) {
        Set<String> out = new TreeSet<>();
        for (String n : names) {
            if (n.equals("all")) {
                return null;
            }
            CountryGroup g = groups.get(n);
            if (g == null) {
                out.add(n);
            } else {
                Dated<Set<String>> m = g.members().at(day);
                if (m != null) {
                    out.addAll(m.value());
                }
            }
        }
        return out;
    }

    /** Whether {@code country} is among {@code names} on {@code day} (an empty list: nowhere). */
    public boolean among(String country, List<String> names, LocalDate day) {
        Set<String> c = countries(names, day);
        return c == null || c.contains(country);
    }

    /**
     * Why {@code country} is among {@code names} on {@code day}, for traces: "CN, in D:5 (15 CFR
     * Part 740 Supp. 1, from 2000-01-01)"; null if it is not.
     */
    public String whyAmong(String country, List<String> names, LocalDate day) {
        for (String n : names) {
            if (n.equals("all")) {
                return "all destinations";
            }
            if (n.equals(country)) {
                return country + ", named";
            }
            CountryGroup g = groups.get(n);
            if (g != null) {
                Dated<Set<String>> since = g.members().memberSince(country, day);
                if (since != null) {
                    return country + ", in Country Group " + n + " of " + g.authority() + " (" + since.reference().cite()
                            + ", membership from " + since.from() + ")";
                }
            }
        }
        return null;
    }

    /** The days on which any of the named groups changes its members. */
    public Set<LocalDate> groupDates(List<String> names) {
        Set<LocalDate> out = new TreeSet<>();
        for (String n : names) {
            CountryGroup g = groups.get(n);
            if (g != null) {
                out.addAll(g.members().dates());
            }
        }
        return out;
    }

    // ---- de minimis and controlled content ----

    /** A de minimis row that matched, by name, and its threshold in force with the reference that set it. */
    public record DeMinimisMatch(String row, Dated<Double> threshold) {}

    /** The de minimis row in force for a classification and destination on a day (the first that matches), or null. */
    public DeMinimisMatch deMinimis(String eccn, String destination, LocalDate day) {
        for (DeMinimisRow r : deMinimis) {
            if ((r.eccns().isEmpty() || matches(eccn, r.eccns()))
                    && (r.destinations().isEmpty() || among(destination, r.destinations(), day))) {
                Dated<Double> t = r.threshold().at(day);
                if (t != null && t.value() != null) {
                    return new DeMinimisMatch(r.name(), t);
                }
            }
        }
        return null;
    }

    /** The reasons for control of a classification: the first matching row, else by the CCL's numbering. */
    public ReasonRow reasonsFor(String eccn) {
        for (ReasonRow r : reasons) {
            if (matches(eccn, r.eccns())) {
                return r;
            }
        }
        return reasonsByNumber(eccn);
    }

    /**
     * Whether an item of this classification needs a license to {@code destination} on
     * {@code day} under the Country Chart: the reason that requires one, or null.
     */
    public String licenseReason(String eccn, String destination, LocalDate day) {
        for (String reason : reasonsFor(eccn).reasons()) {
            Timeline<List<String>> column = chart.get(reason);
            Dated<List<String>> where = column == null ? null : column.at(day);
            if (where != null && among(destination, where.value(), day)) {
                return reason;
            }
        }
        return null;
    }

    /** The Country Chart column's entry in force, for traces. */
    public Dated<List<String>> chartEntry(String reason, LocalDate day) {
        Timeline<List<String>> column = chart.get(reason);
        return column == null ? null : column.at(day);
    }

    /** Every day on which some table changes: groups, de minimis rows, chart columns. */
    public Set<LocalDate> controlDates() {
        Set<LocalDate> out = new TreeSet<>();
        groups.values().forEach(g -> out.addAll(g.members().dates()));
        deMinimis.forEach(r -> out.addAll(r.threshold().dates()));
        chart.values().forEach(c -> out.addAll(c.dates()));
        return out;
    }

    /**
     * Whether classification {@code eccn} falls under a pattern: a prefix such as {@code 3A090}
     * or {@code 3A}, where {@code ?} stands for any one character ({@code ?A6} is every 600-series
     * end item).
     */
    public static boolean matches(String eccn, List<String> patterns) {
        for (String p : patterns) {
            if (p.equals(eccn) || startsWith(eccn, p)) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWith(String eccn, String pattern) {
        if (pattern.length() > eccn.length()) {
            return false;
        }
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c != '?' && c != eccn.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static final Reference NUMBERING = new Reference("Commerce Control List structure",
            "15 CFR 738.2(d)(2)", "https://www.ecfr.gov/current/title-15/subtitle-B/chapter-VII/subchapter-C/part-738");

    /**
     * Reasons for control read from the ECCN's third character, for a classification the reasons
     * table does not list: 0 national security, 1 missile technology, 2 nuclear nonproliferation,
     * 3 chemical and biological weapons, 5 and 6 the 9x515 and 600 series, 9 anti-terrorism and
     * other foreign-policy reasons; every ECCN also carries AT. EAR99 items have no reason.
     */
    public static ReasonRow reasonsByNumber(String eccn) {
        if (eccn.equals("EAR99") || eccn.length() < 3) {
            return new ReasonRow(List.of(eccn), List.of("EAR99"), new Reference("EAR99: subject to the EAR, not on the CCL",
                    "15 CFR 734.3(c)", ""));
        }
        List<String> reasons = switch (eccn.charAt(2)) {
            case '0' -> List.of("NS", "AT");
            case '1' -> List.of("MT", "AT");
            case '2' -> List.of("NP", "AT");
            case '3' -> List.of("CB", "AT");
            case '5', '6' -> List.of("NS", "RS", "AT");
            default -> List.of("AT");
        };
        return new ReasonRow(List.of(eccn.substring(0, Math.min(3, eccn.length()))), reasons, NUMBERING);
    }

}
