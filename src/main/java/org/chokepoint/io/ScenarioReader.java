package org.chokepoint.io;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.chokepoint.model.FieldException;
import org.chokepoint.model.InvalidInputException;
import org.chokepoint.model.ControlRule;
import org.chokepoint.model.Measure;
import org.chokepoint.model.Names;
import org.chokepoint.model.Network;
import org.chokepoint.model.NetworkBuilder;
import org.chokepoint.model.Problem;
import org.chokepoint.model.Scenario;
import org.chokepoint.model.Step;

/**
 * Reads a scenario file (YAML or JSON). Its {@code network} is a path, relative to the scenario
 * file, or an inline mapping. Problems in the scenario and in its network are reported together.
 */
public final class ScenarioReader {

    static final List<String> KEYS = List.of("scenario", "title", "description", "network", "start", "step", "periods",
            "seed", "measures", "sources", "assumptions", "controls", "uncertainty", "behaviour", "law",
            "event", "as-of", "observed");

    private ScenarioReader() {}

    /** The files a scenario was read from: the scenario file, its network file or folder (unless inline), its law files. */
    public static java.util.List<Path> inputFiles(Path scenarioFile, Scenario s) {
        java.util.List<Path> out = new java.util.ArrayList<>(java.util.List.of(scenarioFile));
        Path network = networkPath(scenarioFile, s);
        if (network != null) {
            out.add(network);
        }
        s.law().files().forEach(f -> out.add(Path.of(f)));
        return out;
    }

    /** The scenario's network file or folder, or null when the network is written inline. */
    public static Path networkPath(Path scenarioFile, Scenario s) {
        String source = s.networkSource();
        if (source == null || source.equals("inline")) {
            return null;
        }
        Path parent = scenarioFile.toAbsolutePath().getParent();
        return parent == null ? Path.of(source) : parent.resolve(source).normalize();
    }

    public static Scenario read(Path file) {
        return read(file, ReadProgress.NONE);
    }

    /** As {@link #read(Path)}, telling {@code progress} how far a network of CSV tables has been read. */
    public static Scenario read(Path file, ReadProgress progress) {
        if (!TreeReader.isTreeFile(file)) {
            throw new InvalidInputException(Problem.at("", "a scenario is a .yaml, .yml or .json file: " + file, ""));
        }
        Problems problems = new Problems();
        Node root = TreeReader.read(file, file.toString(), problems);
        Fields f = Fields.of(root, "", problems, "a scenario");
        if (f == null) {
            problems.throwIfAny();
        }
        return bind(f, file, progress);
    }

    /** What a file on the command line holds: a scenario (with its network), or a network alone. */
    public record Loaded(Scenario scenario, Network network) {}

    /**
     * Reads a scenario or a network: a YAML/JSON file with a top-level {@code scenario} key is a
     * scenario, any other is a network, and a folder is a network of CSV tables.
     */
    public static Loaded readAny(Path path) {
        return readAny(path, ReadProgress.NONE);
    }

    /** As {@link #readAny(Path)}, telling {@code progress} how far a network of CSV tables has been read. */
    public static Loaded readAny(Path path, ReadProgress progress) {
        if (java.nio.file.Files.isDirectory(path) || !TreeReader.isTreeFile(path)) {
            return new Loaded(null, NetworkReader.read(path, progress));
        }
        Problems problems = new Problems();
        Node root = TreeReader.read(path, path.toString(), problems);
        Fields f = Fields.of(root, "", problems, "a scenario or a network");
        if (f == null) {
            problems.throwIfAny();
        }
        if (f.has("scenario")) {
            Scenario s = bind(f, path, progress);
            return new Loaded(s, s.network());
        }
        NetworkBuilder b = new NetworkBuilder();
        NetworkReader.bind(f, b);
        return new Loaded(null, NetworkReader.finish(b, problems));
    }

    private static Scenario bind(Fields f, Path file, ReadProgress progress) {
        Problems problems = f.problems;
        f.allow(KEYS);
        String id = f.text("scenario", true, "A short name for the scenario, used for its output folder.");
        String title = f.text("title", false, "");
        String description = f.text("description", false, "");
        LocalDate start = f.date("start", true);
        Step step = step(f);
        long periods = f.whole("periods", true, 0, 1, Scenario.MAX_PERIODS, "The number of periods to simulate, e.g. 104 weeks;"
                + " at most " + Scenario.MAX_PERIODS + ".");
        long seed = f.whole("seed", false, 0, Long.MIN_VALUE, Long.MAX_VALUE, "A whole number; the same seed gives the same results.");
        List<String> sources = f.texts("sources");
        List<String> assumptions = f.texts("assumptions");

        Network network = null;
        String networkSource = null;
        List<Problem> networkProblems = List.of();
        if (!f.has("network")) {
            f.fail(null, "network", "missing required key 'network'",
                    "Name a network file (network: networks/servers.yaml), a folder of CSV tables, or write the network inline.");
        } else {
            Node n = f.raw("network");
            try {
                if (n instanceof Node.MapNode map) {
                    networkSource = "inline";
                    NetworkBuilder b = new NetworkBuilder();
                    Problems inner = new Problems();
                    NetworkReader.bind(Fields.of(map, "network", inner, "a network"), b);
                    network = NetworkReader.finish(b, inner);
                } else {
                    String rel = f.text("network", false, "");
                    Path folder = file.toAbsolutePath().getParent();
                    if (rel != null && (rel.isBlank() || folder != null && folder.resolve(rel).normalize().equals(folder))) {
                        f.fail(n, "network", rel.isBlank() ? "the network path is empty" : "the network is the scenario's own folder ("
                                + rel + ")", "Name a network file (network: networks/servers.yaml) or a folder of CSV tables beside"
                                + " the scenario, or write the network inline.");
                    } else if (rel != null) {
                        Path parent = file.toAbsolutePath().getParent();
                        Path resolved = file.getParent() == null ? Path.of(rel) : file.getParent().resolve(rel).normalize();
                        networkSource = rel;
                        Path target = parent == null ? Path.of(rel) : resolved;
                        if (!java.nio.file.Files.exists(target)) {
                            f.fail(n, "network", "file not found: " + resolved,
                                    "Paths are relative to the scenario file's folder (" + (file.getParent() == null ? "." : file.getParent()) + ").");
                        } else if (!java.nio.file.Files.isDirectory(target) && !java.nio.file.Files.isRegularFile(target)) {
                            f.fail(n, "network", resolved + " is not a regular file (a pipe, a device or a socket)",
                                    "Name a .yaml, .yml or .json file, or a folder of CSV tables.");
                        } else if (!java.nio.file.Files.isDirectory(target) && !TreeReader.isTreeFile(target)) {
                            f.fail(n, "network", "cannot tell the format of " + resolved, NetworkReader.formatHint(target));
                        } else {
                            network = NetworkReader.read(target, resolved.toString(), progress);
                        }
                    }
                }
            } catch (InvalidInputException e) {
                networkProblems = e.problems();
            }
        }

        org.chokepoint.model.Law law = LawReader.scenario(f, file);
        MeasureReader measureReader = network == null ? null : new MeasureReader(network, law, problems);
        List<Measure> measures = measureReader == null ? List.of() : measureReader.read(f.list("measures"));
        if (measureReader != null && !measureReader.assumptions.isEmpty()) {
            assumptions = new ArrayList<>(assumptions);
            assumptions.addAll(measureReader.assumptions);
        }
        List<ControlRule> controls = MeasureReader.controls(f, law);
        org.chokepoint.model.Behaviour behaviour = behaviour(f, network);

        List<Problem> all = new ArrayList<>(problems.list());
        all.addAll(networkProblems);
        if (!all.isEmpty()) {
            throw new InvalidInputException(all);
        }
        Scenario plain;
        try {
            plain = new Scenario(id, title, description, network, networkSource, start, step, (int) periods, seed,
                    measures, sources, assumptions, controls, null, behaviour, law);
        } catch (FieldException e) {
            throw new InvalidInputException(new TreeOrigin(f.node, "").problem(e.field(), e.bareMessage(), e.advice()));
        }
        org.chokepoint.engine.MemoryEstimate need = org.chokepoint.engine.MemoryEstimate.of(network, step, (int) periods);
        if (!need.fitsHeap()) {
            long max = Runtime.getRuntime().maxMemory();
            throw new InvalidInputException(new TreeOrigin(f.node, "").problem("periods", "a run of " + periods + " periods on "
                    + need.sites() + " sites and " + need.links() + " links needs about "
                    + org.chokepoint.engine.MemoryEstimate.gib(need.bytes()) + " of memory; this Java may use "
                    + org.chokepoint.engine.MemoryEstimate.gib(max),
                    need.bytes() == Long.MAX_VALUE ? "Simulate fewer periods, or a smaller network."
                            : "Give Java more memory, e.g. JAVA_OPTS=-Xmx" + need.suggestedGib() + "g ./chokepoint ..., or simulate"
                            + " fewer periods."));
        }
        org.chokepoint.engine.Stability.Instability unstable = org.chokepoint.engine.Stability.check(plain,
                org.chokepoint.engine.Parameters.of(plain).restorationTime());
        if (unstable != null) {
            Fields b = f.nested("behaviour");
            throw new InvalidInputException(b != null && b.has("restoration-time")
                    ? new TreeOrigin(b.node, "behaviour").problem("restoration-time", unstable.message(), unstable.advice())
                    : new Problem(f.node.file, f.node.line, f.node.column, "behaviour.restoration-time", unstable.message(),
                            unstable.advice()));
        }
        Scenario read = plain;
        if (f.has("uncertainty")) {
            // Paths are checked against the scenario, so uncertainty is read once the rest is known good.
            List<String> withDraws = new ArrayList<>(assumptions);
            org.chokepoint.model.Uncertainty u = UncertaintyReader.read(f.nested("uncertainty"), plain, withDraws);
            problems.throwIfAny();
            read = new Scenario(id, title, description, network, networkSource, start, step, (int) periods, seed,
                    measures, sources, withDraws, controls, u, behaviour, law);
        }
        return backtest(f, read);
    }

    /**
     * The back-test parts: the {@code event} day, the dates of the scenario's own facts (its
     * {@code as-of}, each uncertain parameter's), and the {@code observed} series.
     */
    private static Scenario backtest(Fields f, Scenario s) {
        LocalDate event = f.date("event", false);
        LocalDate asOf = f.date("as-of", false);
        List<org.chokepoint.model.Fact> facts = new ArrayList<>();
        TreeOrigin top = new TreeOrigin(f.node, "");
        facts.add(new org.chokepoint.model.Fact("scenario", asOf, null, top.problem(f.has("as-of") ? "as-of" : null, "", "")));
        Fields u = f.nested("uncertainty");
        if (u != null) {
            List<Node> list = u.list("parameters");
            for (int i = 0; i < list.size(); i++) {
                Fields p = Fields.of(list.get(i), u.pathOf("parameters") + "[" + i + "]", f.problems, "an uncertain parameter");
                if (p != null) {
                    facts.add(Elements.fact(p, new TreeOrigin(p.node, p.pathOf("").replaceAll("\\.$", "")),
                            "uncertain " + p.text("path", false, ""), asOf));
                }
            }
        }
        Scenario dated = s.withBacktest(new org.chokepoint.model.Backtest(event, facts, List.of()));
        if (!f.has("observed")) {
            f.problems.throwIfAny();
            return dated;
        }
        List<String> markets = priceMarkets(dated);
        List<org.chokepoint.model.Observed> observed = ObservedReader.read(f, dated, markets);
        f.problems.throwIfAny();
        return s.withBacktest(new org.chokepoint.model.Backtest(event, facts, observed));
    }

    /** The price markets of a scenario, none when prices are off. */
    private static List<String> priceMarkets(Scenario s) {
        org.chokepoint.engine.PriceRule rule = org.chokepoint.engine.Parameters.of(s).prices();
        return rule == null ? List.of() : rule.markets();
    }

    static final List<String> BEHAVIOUR_KEYS = List.of("rationing", "restoration-time", "carrying-cost", "priority", "prices",
            "final-demand-elasticity");
    static final List<String> PRICE_KEYS = List.of("elasticity", "end-item-elasticity", "items", "supply-elasticity", "adjustment",
            "ceiling", "floor", "markets");

    /**
     * The optional behaviour block: {@code behaviour: {rationing: final-demand-first, restoration-time: 4,
     * carrying-cost: 0.2, priority: {supplier: [customer, final-demand]}}}. Priority lists are checked
     * against the network when it was read.
     */
    private static org.chokepoint.model.Behaviour behaviour(Fields f, org.chokepoint.model.Network network) {
        if (!f.has("behaviour")) {
            return org.chokepoint.model.Behaviour.DEFAULT;
        }
        Fields b = f.nested("behaviour");
        if (b == null) {
            return org.chokepoint.model.Behaviour.DEFAULT;
        }
        b.allow(BEHAVIOUR_KEYS);
        String rationing = b.text("rationing", false, "");
        Double tau = b.has("restoration-time") ? b.number("restoration-time", 4, "Periods, at least 1.") : null;
        Double carry = b.has("carrying-cost") ? b.number("carrying-cost", 0.2, "A yearly fraction: 0.2 is 20%.") : null;
        Double elastic = b.has("final-demand-elasticity")
                ? b.number("final-demand-elasticity", 0, "A positive number; 0 keeps end buyers' quantities fixed.") : null;
        // Without a network (its problems are reported already) the lists cannot be checked.
        java.util.Map<String, List<List<String>>> priority = b.has("priority") && network != null ? priority(b, network) : null;
        org.chokepoint.model.Behaviour.Prices prices = b.has("prices") ? prices(b, network) : null;
        // The record's own checks, one value at a time, so every bad value is reported.
        check(b, () -> new org.chokepoint.model.Behaviour(rationing, null, null));
        check(b, () -> new org.chokepoint.model.Behaviour(null, tau, null));
        check(b, () -> new org.chokepoint.model.Behaviour(null, null, carry));
        check(b, () -> new org.chokepoint.model.Behaviour(null, null, null, null, null, elastic));
        if (b.failed()) {
            return org.chokepoint.model.Behaviour.DEFAULT;
        }
        return new org.chokepoint.model.Behaviour(rationing, tau, carry, priority, prices, elastic);
    }

    /**
     * {@code prices: none} (costs alone pass through), or {@code prices: {elasticity: 0.5,
     * adjustment: 8w, ceiling: 5, floor: 0.2, markets: {CN: [CN], WEST: [US, JP, NL]}}}.
     */
    private static org.chokepoint.model.Behaviour.Prices prices(Fields b, org.chokepoint.model.Network network) {
        Node raw = b.raw("prices");
        if (raw instanceof Node.Scalar sc && sc.type == Node.Scalar.Type.STRING && sc.text.equals("none")) {
            return org.chokepoint.model.Behaviour.Prices.NONE;
        }
        Fields p = b.nested("prices");
        if (p == null) {
            if (!b.failed()) {
                b.fail(raw, "prices", "expected none or a mapping of elasticity, adjustment, ceiling, floor, markets, got "
                        + Fields.describe(raw), "prices: none turns scarcity prices off.");
            }
            return null;
        }
        p.allow(PRICE_KEYS);
        Double elasticity = p.has("elasticity") ? p.number("elasticity", 0.5, "A positive number such as 0.5.") : null;
        Double endElasticity = p.has("end-item-elasticity") ? p.number("end-item-elasticity", 2, "A positive number such as 2.") : null;
        java.util.Map<String, Double> items = p.has("items") ? p.numberMap("items") : null;
        Double supply = p.has("supply-elasticity") ? p.number("supply-elasticity", 1, "A number of at least 0 such as 1.") : null;
        if (items != null && network != null) {
            Fields m = p.nested("items");
            for (String item : items.keySet()) {
                if (!network.hasItem(item)) {
                    m.failUnknown(item, "item", item, new java.util.TreeSet<>(network.items().stream().map(org.chokepoint.model.Item::id).toList()));
                }
            }
            if (m.failed()) {
                p.markFailed();
            }
        }
        org.chokepoint.model.Duration adjustment = p.has("adjustment") ? p.duration("adjustment", null) : null;
        Double ceiling = p.has("ceiling") ? p.number("ceiling", 5, "A multiple of the cost-based price, at least 1.") : null;
        Double floor = p.has("floor") ? p.number("floor", 0.2, "A multiple of the cost-based price, above 0 and at most 1.") : null;
        java.util.Map<String, List<String>> markets = null;
        if (p.has("markets")) {
            Fields m = p.nested("markets");
            markets = new java.util.LinkedHashMap<>();
            if (m != null) {
                for (String name : m.node.values.keySet()) {
                    markets.put(name, m.texts(name));
                }
                if (m.failed()) {
                    p.markFailed();
                }
            }
        }
        java.util.Map<String, List<String>> named = markets;
        Runnable[] each = {
            () -> new org.chokepoint.model.Behaviour.Prices(elasticity, null, null, null, null, null, null, null, false),
            () -> new org.chokepoint.model.Behaviour.Prices(null, endElasticity, null, null, null, null, null, null, false),
            () -> new org.chokepoint.model.Behaviour.Prices(null, null, items, null, null, null, null, null, false),
            () -> new org.chokepoint.model.Behaviour.Prices(null, null, null, supply, null, null, null, null, false),
            () -> new org.chokepoint.model.Behaviour.Prices(null, null, null, null, null, ceiling, null, null, false),
            () -> new org.chokepoint.model.Behaviour.Prices(null, null, null, null, null, null, floor, null, false),
            () -> new org.chokepoint.model.Behaviour.Prices(null, null, null, null, adjustment, null, null, null, false),
            () -> new org.chokepoint.model.Behaviour.Prices(null, null, null, null, null, null, null, named, false)};
        for (int i = 0; i < each.length; i++) {
            try {
                each[i].run();
            } catch (org.chokepoint.model.FieldException e) {
                String key = e.field().substring("behaviour.prices.".length());
                String first = key.contains(".") ? key.substring(0, key.indexOf('.')) : key;
                Node at = p.raw(first);
                if ((first.equals("markets") || first.equals("items")) && key.contains(".")) {
                    Fields m = p.nested(first);
                    at = m == null ? at : m.raw(key.substring(key.indexOf('.') + 1));
                }
                p.fail(at, key, e.bareMessage(), e.advice());
            }
        }
        if (p.failed()) {
            b.markFailed();
            return null;
        }
        return new org.chokepoint.model.Behaviour.Prices(elasticity, endElasticity, items, supply, adjustment, ceiling, floor, named, false);
    }

    /**
     * {@code priority}: supplier site id to the list of those it serves first, in order. A place is
     * a customer site id (a site it supplies, on a link or as an alternate), {@code final-demand}
     * (it must serve some), or a list of those sharing the place; each customer once.
     */
    private static java.util.Map<String, List<List<String>>> priority(Fields b, org.chokepoint.model.Network network) {
        Fields lists = b.nested("priority");
        java.util.Map<String, List<List<String>>> out = new java.util.LinkedHashMap<>();
        if (lists == null) {
            return out;
        }
        java.util.Set<String> sites = new java.util.TreeSet<>();
        network.sites().forEach(x -> sites.add(x.id()));
        for (String supplier : lists.node.values.keySet()) {
            if (!sites.contains(supplier)) {
                lists.failUnknown(supplier, "site", supplier, sites);
                continue;
            }
            java.util.Set<String> customers = new java.util.TreeSet<>();
            network.links().stream().filter(l -> l.from().equals(supplier)).forEach(l -> customers.add(l.to()));
            network.alternates().stream().filter(a -> a.from().equals(supplier)).forEach(a -> customers.add(a.site()));
            if (network.demand().stream().anyMatch(d -> d.site().equals(supplier))) {
                customers.add(org.chokepoint.model.Behaviour.FINAL_DEMAND);
            }
            List<Node> entries = lists.list(supplier);
            List<List<String>> places = new ArrayList<>();
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (int i = 0; i < entries.size(); i++) {
                Node e = entries.get(i);
                List<Node> members = e instanceof Node.ListNode group ? group.values : List.of(e);
                List<String> place = new ArrayList<>();
                for (int j = 0; j < members.size(); j++) {
                    Node m = members.get(j);
                    String key = supplier + "[" + i + "]" + (e instanceof Node.ListNode ? "[" + j + "]" : "");
                    if (!(m instanceof Node.Scalar sc) || sc.type != Node.Scalar.Type.STRING) {
                        lists.fail(m, key, "expected a customer site id, final-demand or a list of them, got " + Fields.describe(m), "");
                    } else if (!customers.contains(sc.text)) {
                        String allowed = "Allowed here: " + String.join(", ", customers) + "." + Names.didYouMean(sc.text, customers);
                        lists.fail(m, key, sc.text.equals(org.chokepoint.model.Behaviour.FINAL_DEMAND)
                                ? supplier + " serves no final demand" : "'" + sc.text + "' is not supplied by " + supplier, allowed);
                    } else if (!seen.add(sc.text)) {
                        lists.fail(m, key, "'" + sc.text + "' is listed twice", "Each customer takes one place in the order.");
                    } else {
                        place.add(sc.text);
                    }
                }
                if (e instanceof Node.ListNode group && group.values.isEmpty()) {
                    lists.fail(e, supplier + "[" + i + "]", "an empty place", "List the customers that share it, or drop it.");
                }
                if (!place.isEmpty()) {
                    places.add(place);
                }
            }
            if (lists.raw(supplier) instanceof Node.ListNode l && l.values.isEmpty()) {
                lists.fail(l, supplier, "the list is empty", "Write the customers it serves first, in order: [customer-site, final-demand].");
            }
            out.put(supplier, places);
        }
        if (lists.failed()) {
            b.markFailed();
        }
        return out;
    }

    /** Reports the record's complaint about one value at that value's key. */
    private static void check(Fields b, Runnable make) {
        try {
            make.run();
        } catch (org.chokepoint.model.FieldException e) {
            String key = e.field().substring(e.field().indexOf('.') + 1);
            b.fail(b.raw(key), key, e.bareMessage(), e.advice());
        }
    }

    private static Step step(Fields f) {
        String s = f.text("step", true, "The length of a period: day or week.");
        if (s == null) {
            return null;
        }
        for (Step st : Step.values()) {
            if (st.key().equals(s)) {
                return st;
            }
        }
        f.fail(f.raw("step"), "step", "unknown step '" + s + "'", "Allowed: day, week.");
        return null;
    }
}
