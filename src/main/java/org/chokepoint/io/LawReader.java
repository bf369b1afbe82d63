package org.chokepoint.io;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chokepoint.model.Countries;
import org.chokepoint.model.Names;
import org.chokepoint.model.Law;

/**
 * Reads law tables: the reference tables shipped in {@code law/} and a scenario's own
 * {@code law} block, with the same located problems as every other file. A table's values are
 * keyed by the date each took effect; the reference of a value is the one its {@code changes}
 * entry names for that date, else the value's own, else the table entry's.
 */
public final class LawReader {

    static final List<String> TABLES = List.of("country-groups", "de-minimis", "control-reasons", "country-chart", "fdp-rules",
            "parameter-sets", "ownership-rules");
    static final List<String> RESOURCES = List.of("country-groups.yaml", "de-minimis.yaml", "controls.yaml", "fdp-rules.yaml",
            "parameters.yaml", "ownership.yaml");
    /** Specs a criterion may test: item attributes. */
    public static final List<String> SPECS = specs();
    private static final Pattern CONDITION = Pattern.compile("\\s*([a-z-]+)\\s*(>=|<=|>|<)\\s*([0-9]+(\\.[0-9]+)?)\\s*");
    private static final Pattern ECCN_PATTERN = Pattern.compile("EAR99|[0-9?][A-E?]([0-9?]{1,3})?(\\.[a-z0-9]+)*|[0-9?]");

    private static Law shipped;

    private static List<String> specs() {
        List<String> out = new ArrayList<>(List.of("tpp", "performance-density"));
        out.addAll(org.chokepoint.model.Item.SPECS);
        return List.copyOf(out);
    }

    private final Problems problems;
    /** Group names known while reading (the shipped ones and those read so far), for destination checks. */
    private final Set<String> groups = new TreeSet<>();

    private LawReader(Problems problems, Set<String> knownGroups) {
        this.problems = problems;
        this.groups.addAll(knownGroups);
    }

    /** The law shipped with Chokepoint. A problem in it is a defect of the build, not of the user's input. */
    public static synchronized Law shipped() {
        if (shipped == null) {
            Problems problems = new Problems();
            Law law = Law.EMPTY;
            LawReader reader = new LawReader(problems, Set.of());
            for (String r : RESOURCES) {
                Node root = TreeReader.readResource("/law/" + r, "law/" + r, problems);
                Fields f = Fields.of(root, "", problems, "a law table");
                if (f != null) {
                    law = law.with(reader.tables(f, true));
                }
            }
            if (!problems.isEmpty()) {
                throw new IllegalStateException("the shipped law tables have problems: " + problems.list());
            }
            shipped = law;
        }
        return shipped;
    }

    /**
     * A scenario's {@code law} block: files to read ({@code files: [...]}, relative to the
     * scenario) and tables written inline, each entry adding to or replacing the shipped one of
     * its name. Returns the shipped law if the block is absent.
     */
    static Law scenario(Fields scenario, Path scenarioFile) {
        Law base = shipped();
        Fields f = scenario.nested("law");
        if (f == null) {
            return base;
        }
        List<String> allowed = new ArrayList<>(TABLES);
        allowed.add("files");
        f.allow(allowed);
        LawReader reader = new LawReader(scenario.problems, base.groups().keySet());
        Law law = base;
        List<String> read = new ArrayList<>();
        List<String> files = f.texts("files");
        for (int i = 0; i < files.size(); i++) {
            Path folder = scenarioFile.toAbsolutePath().getParent();
            Path file = folder == null ? Path.of(files.get(i)) : folder.resolve(files.get(i)).normalize();
            String shown = scenarioFile.getParent() == null ? files.get(i) : scenarioFile.getParent().resolve(files.get(i)).toString();
            if (!java.nio.file.Files.isRegularFile(file)) {
                f.fail(element(f, "files", i), "files[" + i + "]", "file not found: " + shown,
                        "Paths are relative to the scenario file's folder; a law file is YAML with the keys " + String.join(", ", TABLES) + ".");
                continue;
            }
            read.add(file.toString());
            Node root = TreeReader.read(file, shown, scenario.problems);
            Fields t = Fields.of(root, "", scenario.problems, "a law table");
            if (t != null) {
                law = law.with(reader.tables(t, true));
            }
        }
        return law.with(reader.tables(f, false)).readFrom(read);
    }

    // ---- tables ----

    /** The tables of a law file, or of a scenario's law block (whose keys the caller has checked). */
    private Law tables(Fields f, boolean checkKeys) {
        if (checkKeys) {
            f.allow(TABLES);
        }
        Map<String, Law.CountryGroup> g = countryGroups(f);
        List<Law.DeMinimisRow> dm = deMinimis(f);
        List<Law.ReasonRow> reasons = reasons(f);
        Map<String, Law.Timeline<List<String>>> chart = chart(f);
        Map<String, Law.FdpRule> fdp = fdpRules(f);
        Map<String, Law.ParameterSet> sets = parameterSets(f);
        Map<String, Law.OwnershipRule> owners = ownershipRules(f);
        return new Law(g, dm, reasons, chart, fdp, sets, owners);
    }

    private Map<String, Law.CountryGroup> countryGroups(Fields f) {
        // Names first, so a group's destinations can be checked whatever the order.
        if (f.raw("country-groups") instanceof Node.MapNode m) {
            groups.addAll(m.values.keySet());
        }
        return named(f, "country-groups", List.of("authority", "description", "reference", "values", "changes"), (name, g) -> {
            String authority = g.text("authority", true, "The ISO code of the government whose group it is, e.g. US or JP.");
            if (authority != null && !Countries.isCode(authority)) {
                g.fail(g.raw("authority"), "authority", "'" + authority + "' is not an ISO country code", "E.g. US, JP, CN.");
            }
            String description = g.text("description", false, "");
            Law.Timeline<Set<String>> members = timeline(g, (v, key) -> {
                List<String> codes = strings(g, v, key);
                for (int i = 0; i < codes.size(); i++) {
                    if (!Countries.isCode(codes.get(i))) {
                        Node at = v instanceof Node.ListNode l ? l.values.get(i) : v;
                        g.fail(at, key + "[" + i + "]", "'" + codes.get(i) + "' is not an ISO country code",
                                "A group lists countries by ISO code (CN, HK, KR)." + Names.didYouMean(codes.get(i), Countries.codes()));
                    }
                }
                return Set.copyOf(codes);
            });
            return new Law.CountryGroup(name, authority, description, members);
        });
    }

    private List<Law.DeMinimisRow> deMinimis(Fields f) {
        return rows(f, "de-minimis", "a de minimis row", List.of("name", "description", "eccn", "destinations", "reference", "values",
                "changes"), r -> {
            String name = r.text("name", true, "A name for the row, e.g. E:1 or general; a scenario row of the same name replaces it.");
            List<String> eccns = eccns(r, "eccn");
            List<String> dest = destinations(r, "destinations");
            Law.Timeline<Double> t = timeline(r, (v, key) -> {
                double x = r.numberOf(v, key, "A share of value in [0, 1]: 0.25 for 25%; 0 for no de minimis level.");
                if (!Double.isNaN(x) && (x < 0 || x > 1)) {
                    r.fail(v, key, "a de minimis threshold must be between 0 and 1 (" + Fields.fmt(x) + ")", "0.25 is 25%.");
                }
                return x;
            });
            return new Law.DeMinimisRow(name, eccns, dest, t);
        });
    }

    private List<Law.ReasonRow> reasons(Fields f) {
        return rows(f, "control-reasons", "a reasons-for-control row", List.of("eccn", "reasons", "reference"), r -> {
            if (!r.has("eccn")) {
                r.fail(null, "eccn", "missing required key 'eccn'", "Classifications (prefixes), e.g. [3A090, 4A090].");
            }
            List<String> eccns = eccns(r, "eccn");
            if (!r.has("reasons")) {
                r.fail(null, "reasons", "missing required key 'reasons'", "Reasons for control: Country Chart columns such as NS, RS, AT.");
            }
            return new Law.ReasonRow(eccns, r.texts("reasons"), reference(r, "reference"));
        });
    }

    /** A table of rows ({@code - {...}}): each row's keys checked and bound by {@code build}; rows with problems left out. */
    private <T> List<T> rows(Fields f, String table, String what, List<String> keys, java.util.function.Function<Fields, T> build) {
        List<T> out = new ArrayList<>();
        List<Node> rows = f.list(table);
        for (int i = 0; i < rows.size(); i++) {
            Fields r = Fields.of(rows.get(i), f.pathOf(table) + "[" + i + "]", problems, what);
            if (r == null) {
                continue;
            }
            r.allow(keys);
            T value = build.apply(r);
            if (!r.failed()) {
                out.add(value);
            }
        }
        return out;
    }

    private Map<String, Law.Timeline<List<String>>> chart(Fields f) {
        return named(f, "country-chart", List.of("reference", "values", "changes"),
                (reason, c) -> timeline(c, (v, key) -> destinationList(c, v, key)));
    }

    private Map<String, Law.FdpRule> fdpRules(Fields f) {
        return named(f, "fdp-rules", List.of("paragraph", "reference", "values", "changes"), (name, r) -> {
            String paragraph = r.text("paragraph", true, "The paragraph of the regulation, e.g. 15 CFR 734.9(e)(1).");
            Law.Timeline<Law.FdpScope> t = timeline(r, (v, key) -> {
                Fields s = Fields.of(v, r.pathOf(key), problems, "a foreign-direct-product scope");
                if (s == null) {
                    r.markFailed();
                    return null;
                }
                s.allow(List.of("description", "facts", "products", "destinations", "reference"));
                if (!s.has("facts")) {
                    s.fail(null, "facts", "missing required key 'facts'",
                            "Made-with facts that bring an item in, e.g. [us-technology, us-semiconductor-equipment].");
                }
                Law.FdpScope scope = new Law.FdpScope(s.texts("facts"), eccns(s, "products"), destinations(s, "destinations"),
                        s.text("description", false, ""));
                if (s.failed()) {
                    r.markFailed();
                }
                return scope;
            });
            return new Law.FdpRule(name, paragraph, t);
        });
    }

    private Map<String, Law.ParameterSet> parameterSets(Fields f) {
        return named(f, "parameter-sets", List.of("description", "reference", "values", "changes"), (name, p) -> {
            String description = p.text("description", false, "");
            Law.Timeline<List<Law.Criterion>> t = timeline(p, (v, key) -> {
                Fields version = Fields.of(v, p.pathOf(key), problems, "a parameter-set version");
                if (version == null) {
                    p.markFailed();
                    return null;
                }
                version.allow(List.of("criteria", "reference"));
                List<Law.Criterion> criteria = new ArrayList<>();
                List<Node> list = version.list("criteria");
                if (list.isEmpty()) {
                    version.fail(version.raw("criteria"), "criteria", "a version needs criteria",
                            "criteria: [{name: 3A090.a, all: [\"tpp >= 4800\"]}]");
                }
                for (int i = 0; i < list.size(); i++) {
                    Fields c = Fields.of(list.get(i), version.pathOf("criteria") + "[" + i + "]", problems, "a criterion");
                    if (c == null) {
                        version.markFailed();
                        continue;
                    }
                    c.allow(List.of("name", "all", "destinations"));
                    String cname = c.text("name", true, "What the criterion is called in traces, e.g. 3A090.a.");
                    List<Law.Condition> conditions = new ArrayList<>();
                    List<String> texts = c.texts("all");
                    if (texts.isEmpty()) {
                        c.fail(c.raw("all"), "all", "a criterion needs conditions", "all: [\"tpp >= 4800\", \"transfer-rate >= 600\"]");
                    }
                    for (int j = 0; j < texts.size(); j++) {
                        Matcher m = CONDITION.matcher(texts.get(j));
                        Node at = element(c, "all", j);
                        if (!m.matches()) {
                            c.fail(at, "all[" + j + "]", "'" + texts.get(j) + "' is not a condition",
                                    "Write SPEC OP NUMBER with OP one of >=, >, <, <=, e.g. \"tpp >= 4800\".");
                        } else if (!SPECS.contains(m.group(1))) {
                            c.fail(at, "all[" + j + "]", "unknown spec '" + m.group(1) + "'",
                                    "Allowed: " + String.join(", ", SPECS) + "." + Names.didYouMean(m.group(1), SPECS));
                        } else {
                            conditions.add(new Law.Condition(m.group(1), m.group(2), Double.parseDouble(m.group(3))));
                        }
                    }
                    List<String> dest = destinations(c, "destinations");
                    if (c.failed()) {
                        version.markFailed();
                    } else {
                        criteria.add(new Law.Criterion(cname, conditions, dest));
                    }
                }
                if (version.failed()) {
                    p.markFailed();
                }
                return List.copyOf(criteria);
            });
            return new Law.ParameterSet(name, description, t);
        });
    }

    private Map<String, Law.OwnershipRule> ownershipRules(Fields f) {
        return named(f, "ownership-rules", List.of("description", "reference", "values", "changes"), (name, r) -> {
            String description = r.text("description", false, "");
            Law.Timeline<Double> t = timeline(r, (v, key) -> {
                if (v instanceof Node.Scalar s && s.type == Node.Scalar.Type.NULL) {
                    return null;
                }
                double x = r.numberOf(v, key, "An ownership share in (0, 1], e.g. 0.5; null while the rule is not in force.");
                if (!Double.isNaN(x) && (x <= 0 || x > 1)) {
                    r.fail(v, key, "an ownership threshold must be in (0, 1] (" + Fields.fmt(x) + ")", "0.5 is 50%.");
                }
                return x;
            });
            return new Law.OwnershipRule(name, description, t);
        });
    }

    // ---- helpers ----

    /**
     * A table of named entries ({@code NAME: {...}}): each entry's keys checked against
     * {@code keys} and bound by {@code build}; entries with problems are left out (and reported).
     */
    private <T> Map<String, T> named(Fields f, String table, List<String> keys, java.util.function.BiFunction<String, Fields, T> build) {
        Map<String, T> out = new LinkedHashMap<>();
        Fields all = f.nested(table);
        if (all == null) {
            return out;
        }
        for (String name : all.node.values.keySet()) {
            Fields e = all.nested(name);
            if (e == null) {
                continue;
            }
            e.allow(keys);
            T value = build.apply(name, e);
            if (!e.failed() && value != null) {
                out.put(name, value);
            }
        }
        return out;
    }


    private interface ValueReader<T> {
        T read(Node value, String key);
    }

    /**
     * The {@code values} mapping of a table entry: date keys, each a value read by {@code read};
     * the reference for a date is {@code changes[date]}, the value's own {@code reference}, or
     * the entry's.
     */
    private <T> Law.Timeline<T> timeline(Fields entry, ValueReader<T> read) {
        List<Law.Dated<T>> out = new ArrayList<>();
        Law.Reference common = entry.has("reference") ? reference(entry, "reference") : null;
        Map<LocalDate, Law.Reference> changes = new LinkedHashMap<>();
        Fields ch = entry.nested("changes");
        if (ch != null) {
            for (String key : ch.node.values.keySet()) {
                LocalDate day = dateKey(ch, key);
                if (day != null) {
                    changes.put(day, reference(ch, key));
                }
            }
        }
        Fields values = entry.nested("values");
        if (values == null) {
            if (!entry.has("values")) {
                entry.fail(null, "values", "missing required key 'values'",
                        "Values keyed by the date each took effect, e.g. values: {2020-12-23: ...}.");
            }
            return new Law.Timeline<>(out);
        }
        if (values.node.values.isEmpty()) {
            entry.fail(values.node, "values", "no values", "Give at least one value with the date it took effect.");
        }
        for (Map.Entry<String, Node> e : values.node.values.entrySet()) {
            LocalDate day = dateKey(values, e.getKey());
            T v = read.read(e.getValue(), "values." + e.getKey());
            Law.Reference ref = changes.get(day);
            if (ref == null && e.getValue() instanceof Node.MapNode m && m.get("reference") != null) {
                Fields own = Fields.of(m, values.pathOf(e.getKey()), problems, "a value");
                ref = reference(own, "reference");
            }
            if (ref == null) {
                ref = common;
            }
            if (ref == null) {
                entry.fail(e.getValue(), "values." + e.getKey(), "the value of " + e.getKey() + " has no reference",
                        "Give the entry a reference: {title: ..., citation: ...}, or the date one under changes.");
            }
            if (day != null) {
                out.add(new Law.Dated<>(day, v, ref));
            }
        }
        for (LocalDate day : changes.keySet()) {
            if (!values.node.values.containsKey(day.toString())) {
                entry.fail(ch.raw(day.toString()), "changes." + day, "no value takes effect on " + day,
                        "A change names the reference of a value in 'values' with the same date.");
            }
        }
        if (entry.failed()) {
            return new Law.Timeline<>(List.of());
        }
        return new Law.Timeline<>(out);
    }

    private LocalDate dateKey(Fields map, String key) {
        int[] at = map.node.keyPositions.get(key);
        try {
            return LocalDate.parse(key);
        } catch (DateTimeParseException e) {
            problems.add(new org.chokepoint.model.Problem(map.node.file, at == null ? map.node.line : at[0],
                    at == null ? map.node.column : at[1], map.pathOf(key), "'" + key + "' is not a date",
                    "Values are keyed by the ISO date each took effect, e.g. 2020-12-23."));
            map.markFailed();
            return null;
        }
    }

    private Law.Reference reference(Fields f, String key) {
        Node v = f.raw(key);
        if (v instanceof Node.Scalar s && s.type == Node.Scalar.Type.STRING) {
            return new Law.Reference(null, s.text, null);
        }
        Fields r = f.nested(key);
        if (r == null) {
            return null;
        }
        r.allow(List.of("title", "citation", "href"));
        String title = r.text("title", false, "");
        String citation = r.text("citation", true, "The legal citation: the CFR paragraph, Federal Register page or order number.");
        String href = r.text("href", false, "");
        if (r.failed()) {
            f.markFailed();
            return null;
        }
        return new Law.Reference(title, citation, href);
    }

    private List<String> strings(Fields f, Node v, String key) {
        List<String> out = new ArrayList<>();
        if (v instanceof Node.ListNode list) {
            for (int i = 0; i < list.values.size(); i++) {
                Node e = list.values.get(i);
                if (e instanceof Node.Scalar s && s.type == Node.Scalar.Type.STRING) {
                    out.add(s.text);
                } else {
                    f.fail(e, key + "[" + i + "]", "expected text, got " + Fields.describe(e), "");
                }
            }
        } else if (v instanceof Node.Scalar s && s.type == Node.Scalar.Type.STRING) {
            out.add(s.text);
        } else {
            f.fail(v, key, "expected a list, got " + Fields.describe(v), "Write [A, B, C].");
        }
        return out;
    }

    private List<String> destinationList(Fields f, Node v, String key) {
        List<String> names = strings(f, v, key);
        for (int i = 0; i < names.size(); i++) {
            checkDestination(f, v instanceof Node.ListNode l ? l.values.get(i) : v, key + "[" + i + "]", names.get(i));
        }
        return List.copyOf(names);
    }

    private List<String> destinations(Fields f, String key) {
        List<String> names = f.texts(key);
        for (int i = 0; i < names.size(); i++) {
            checkDestination(f, element(f, key, i), key + "[" + i + "]", names.get(i));
        }
        return List.copyOf(names);
    }

    private void checkDestination(Fields f, Node at, String key, String name) {
        if (!name.equals("all") && !groups.contains(name) && !Countries.isCode(name)) {
            f.fail(at, key, "'" + name + "' is not a country, a country group or 'all'",
                    "Use ISO codes (CN, US) or groups (" + String.join(", ", groups) + ")." + Names.didYouMean(name, groups));
        }
    }

    private static List<String> eccns(Fields f, String key) {
        List<String> out = f.texts(key);
        for (int j = 0; j < out.size(); j++) {
            if (!ECCN_PATTERN.matcher(out.get(j)).matches()) {
                f.fail(element(f, key, j), key + "[" + j + "]", "'" + out.get(j) + "' is not an export classification or a prefix of one",
                        "Use e.g. 3A090, 3A, EAR99, or ? for any one character (?A6 is every 600-series end item).");
            }
        }
        return List.copyOf(out);
    }

    private static Node element(Fields f, String key, int j) {
        Node raw = f.raw(key);
        return raw instanceof Node.ListNode list && j < list.values.size() ? list.values.get(j) : raw;
    }
}
