package org.chokepoint.io;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.chokepoint.model.Duration;
import org.chokepoint.model.FieldException;
import org.chokepoint.model.Measure;
import org.chokepoint.model.Names;
import org.chokepoint.model.Network;
import org.chokepoint.policy.CountryControl;
import org.chokepoint.policy.DeMinimis;
import org.chokepoint.policy.EntityListing;
import org.chokepoint.policy.Escalation;
import org.chokepoint.policy.ExportRestriction;
import org.chokepoint.policy.LicensePolicy;
import org.chokepoint.policy.MeasureHeader;
import org.chokepoint.policy.PolicyMeasure;
import org.chokepoint.policy.ProcurementBan;
import org.chokepoint.policy.Rules;
import org.chokepoint.policy.Tariff;
import org.chokepoint.policy.UnreliableEntity;

/** Binds a scenario's {@code measures} list to the policy engine's measure types, with located problems. */
final class MeasureReader {

    static final List<String> HEADER = List.of("id", "type", "authority", "announced", "effective", "ends", "sources", "note",
            "assumption");
    static final List<String> LICENSE = List.of("policy", "approval", "review", "approved-share", "leakage", "leakage-premium",
            "shipment-delay");
    static final Map<String, List<String>> KEYS = Map.of(
            "entity-listing", List.of("firms", "affiliates", "eccn", "fdp", "license", "stockpile"),
            "country-control", List.of("destinations", "eccn", "performance", "fdp", "license", "stockpile"),
            "de-minimis", List.of("threshold", "destinations", "eccn"),
            "export-ban", List.of("items", "destinations", "license", "foreign-content", "stockpile"),
            "export-licensing", List.of("items", "destinations", "license", "foreign-content", "stockpile"),
            "unreliable-entity", List.of("firms"),
            "procurement-ban", List.of("firms", "market", "share"),
            "tariff", List.of("rate", "origins", "destinations", "items"),
            "escalation", List.of("trigger", "when", "response", "lag", "probability"));

    /**
     * Entity List FDP footnotes as shorthand for the made-with facts they reach: footnote 1 (Huawei,
     * as extended in August 2020), 4 (October 2022) and 5 (December 2024) all cover foreign items
     * that are direct products of US-origin technology or software, or made by plants or major
     * equipment that are. A scenario that needs the narrower May 2020 rule lists the facts itself.
     */
    static final Map<String, List<String>> FOOTNOTES = Map.of(
            "footnote-1", List.of("us-technology", "us-semiconductor-equipment"),
            "footnote-4", List.of("us-technology", "us-semiconductor-equipment"),
            "footnote-5", List.of("us-technology", "us-semiconductor-equipment"));

    /** A classification or a prefix of one: EAR99, 3A, 3A090, 3A090.a */
    private static final Pattern ECCN_PREFIX = Pattern.compile("EAR99|[0-9][A-E]([0-9]{1,3})?(\\.[a-z0-9]+)*|[0-9][A-E]?");

    private final Network network;
    private final Problems problems;
    /** The measures' own assumptions, "measure ID: text", for the scenario's list (reports show them all). */
    final List<String> assumptions = new ArrayList<>();

    MeasureReader(Network network, Problems problems) {
        this.network = network;
        this.problems = problems;
    }

    List<Measure> read(List<Node> list) {
        List<Measure> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        Set<String> declared = new TreeSet<>(); // every id written, valid measure or not: no cascade of "unknown"
        Map<String, Node> escalationRefs = new HashMap<>();
        List<Escalation> escalations = new ArrayList<>();
        List<Fields> escalationFields = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Fields f = Fields.of(list.get(i), "measures[" + i + "]", problems, "a measure");
            if (f == null) {
                continue;
            }
            if (f.raw("id") instanceof Node.Scalar idNode) {
                declared.add(idNode.text);
            }
            PolicyMeasure m = measure(f);
            if (m == null) {
                continue;
            }
            Integer first = seen.putIfAbsent(m.id(), i);
            if (first != null) {
                f.fail(f.raw("id"), "id", "duplicate measure id '" + m.id() + "'", "Already used by measures[" + first + "].");
                continue;
            }
            if (m instanceof Escalation e) {
                escalations.add(e);
                escalationFields.add(f);
            }
            out.add(m);
        }
        // Escalations name measures of this scenario.
        Set<String> ids = declared;
        Set<String> responses = new TreeSet<>();
        for (int i = 0; i < escalations.size(); i++) {
            Escalation e = escalations.get(i);
            Fields f = escalationFields.get(i);
            for (String key : new String[] {"trigger", "response"}) {
                String ref = key.equals("trigger") ? e.trigger() : e.response();
                if (ref == null) {
                    continue;
                }
                if (!ids.contains(ref)) {
                    f.fail(f.raw(key), key, "unknown measure '" + ref + "'",
                            "Measures in this scenario: " + Names.list(new ArrayList<>(ids), 8) + "." + Names.didYouMean(ref, ids));
                } else if (ref.equals(e.id())) {
                    f.fail(f.raw(key), key, "an escalation cannot name itself", "Name the measure that triggers it and the one that responds.");
                }
            }
            if (e.response().equals(e.trigger())) {
                f.fail(f.raw("response"), "response", "the response is the trigger itself", "A measure cannot answer itself.");
            }
            if (!responses.add(e.response())) {
                f.fail(f.raw("response"), "response", "measure '" + e.response() + "' is already the response of another escalation",
                        "Each response measure follows one trigger.");
            }
        }
        refuseCycles(escalations, escalationFields);
        return out;
    }

    /**
     * A response comes into force only after its trigger does, so escalations that trigger each
     * other in a ring (a sets off b, b sets off a) can never fire: refused, once per ring, at the
     * escalation that closes it.
     */
    private static void refuseCycles(List<Escalation> escalations, List<Fields> fields) {
        Map<String, String> triggerOf = new HashMap<>();
        for (Escalation e : escalations) {
            if (e.trigger() != null) {
                triggerOf.putIfAbsent(e.response(), e.trigger());
            }
        }
        Set<String> reported = new TreeSet<>();
        for (int i = 0; i < escalations.size(); i++) {
            Escalation e = escalations.get(i);
            if (e.trigger() == null || reported.contains(e.response())) {
                continue;
            }
            List<String> chain = new ArrayList<>(List.of(e.response()));
            String t = e.trigger();
            while (t != null && !chain.contains(t) && chain.size() <= triggerOf.size()) {
                chain.add(t);
                t = triggerOf.get(t);
            }
            if (e.response().equals(t)) {
                java.util.Collections.reverse(chain);
                chain.add(chain.get(0));
                reported.addAll(chain);
                fields.get(i).fail(fields.get(i).raw("trigger"), "trigger", "escalations form a ring: " + String.join(" -> ", chain)
                        + "; none of them can ever come into force",
                        "A response comes into force only after its trigger; start the chain with a measure that is no escalation's response.");
            }
        }
    }

    private PolicyMeasure measure(Fields f) {
        String type = f.text("type", true, "Allowed: " + String.join(", ", Measure.TYPES) + ".");
        if (type != null && !Measure.TYPES.contains(type)) {
            f.fail(f.raw("type"), "type", "unknown measure type '" + type + "'",
                    "Allowed: " + String.join(", ", Measure.TYPES) + "." + Names.didYouMean(type, Measure.TYPES));
            return null;
        }
        List<String> allowed = new ArrayList<>(HEADER);
        if (type != null) {
            allowed.addAll(KEYS.get(type));
        }
        f.allow(allowed);
        String id = f.text("id", true, "Every measure needs an id, e.g. bis-2025-inspur.");
        String authority = f.text("authority", true, "The ISO code of the country imposing it, e.g. US or CN.");
        LocalDate announced = f.date("announced", false);
        LocalDate effective = f.date("effective", true);
        LocalDate ends = f.date("ends", false);
        List<String> sources = f.texts("sources");
        String assumption = f.text("assumption", false, "What the measure's figures rest on that no source states.");
        if (type == null || f.failed()) {
            return null;
        }
        if (assumption != null) {
            assumptions.add("measure " + id + ": " + assumption);
        }
        MeasureHeader h;
        try {
            h = new MeasureHeader(id, type, authority, announced, effective, ends, sources);
        } catch (FieldException e) {
            problems.add(new TreeOrigin(f.node, f.path).problem(e.field(), e.bareMessage(), e.advice()));
            return null;
        }
        try {
            PolicyMeasure m = switch (type) {
                case "entity-listing" -> new EntityListing(h, firms(f, true), affiliates(f), eccns(f), fdp(f), license(f),
                        f.number("stockpile", 1, "A multiplier of target stock, at least 1."));
                case "country-control" -> new CountryControl(h, destinations(f, "destinations", true), eccns(f), performance(f),
                        fdp(f), license(f), f.number("stockpile", 1, "A multiplier of target stock, at least 1."));
                case "de-minimis" -> new DeMinimis(h, f.requiredNumber("threshold", "A share of value in [0, 1], e.g. 0.25."),
                        destinations(f, "destinations", false), eccns(f));
                case "export-ban", "export-licensing" -> new ExportRestriction(h, type.equals("export-ban"), items(f, "items", true),
                        destinations(f, "destinations", false), license(f),
                        f.number("foreign-content", Double.NaN, "A share of value in [0, 1], e.g. 0.001 for 0.1%."),
                        f.number("stockpile", 1, "A multiplier of target stock, at least 1."));
                case "unreliable-entity" -> new UnreliableEntity(h, firms(f, true));
                case "procurement-ban" -> new ProcurementBan(h, firms(f, true),
                        f.has("market") ? f.text("market", false, "") : authority,
                        f.number("share", 1, "The share of purchases lost, in [0, 1]."));
                case "tariff" -> new Tariff(h, f.requiredNumber("rate", "The ad valorem rate as a fraction, e.g. 0.25 for 25%."),
                        destinations(f, "origins", true), destinations(f, "destinations", false), items(f, "items", false));
                case "escalation" -> escalation(f, h);
                default -> throw new IllegalStateException(type);
            };
            return f.failed() ? null : m;
        } catch (FieldException e) {
            if (!f.failed()) {
                problems.add(new TreeOrigin(f.node, f.path).problem(e.field(), e.bareMessage(), e.advice()));
            }
            return null;
        } catch (NullPointerException e) {
            if (f.failed()) {
                return null; // a required key was missing: reported
            }
            throw e;
        }
    }

    /** The scenario's {@code controls} table: rows of {eccn: [...], destinations: [...]}. */
    static List<org.chokepoint.model.ControlRule> controls(Fields scenario) {
        List<org.chokepoint.model.ControlRule> out = new ArrayList<>();
        List<Node> rows = scenario.list("controls");
        MeasureReader reader = new MeasureReader(null, scenario.problems);
        for (int i = 0; i < rows.size(); i++) {
            Fields r = Fields.of(rows.get(i), "controls[" + i + "]", scenario.problems, "a control-table row");
            if (r == null) {
                continue;
            }
            r.allow(List.of("eccn", "destinations"));
            if (!r.has("eccn")) {
                r.fail(null, "eccn", "missing required key 'eccn'", "Classifications (prefixes), e.g. [3A090, 4A090] or [EAR99].");
            }
            List<String> eccns = reader.eccns(r);
            List<String> dest = reader.destinations(r, "destinations", true);
            if (!r.failed()) {
                out.add(new org.chokepoint.model.ControlRule(eccns, dest));
            }
        }
        return out;
    }

    /** Made-with facts, or footnote names standing for them. */
    private static List<String> fdp(Fields f) {
        List<String> out = new ArrayList<>();
        for (String x : f.texts("fdp")) {
            out.addAll(FOOTNOTES.getOrDefault(x, List.of(x)));
        }
        return out.stream().distinct().toList();
    }

    private Escalation escalation(Fields f, MeasureHeader h) {
        if (f.has("trigger") == f.has("when")) {
            f.fail(null, "trigger", "an escalation needs either 'trigger' (a measure) or 'when' (a condition on the run)",
                    "trigger: bis-2025-inspur, or when: {metric: shortfall, item: ai-server, above: 0.2}.");
            return null;
        }
        String trigger = f.has("trigger") ? f.text("trigger", false, "") : null;
        org.chokepoint.policy.MetricTrigger when = f.has("when") ? when(f) : null;
        String response = f.text("response", true, "The id of the measure that follows.");
        Duration lag = f.duration("lag", Duration.ZERO);
        double probability = f.number("probability", 1, "A probability in [0, 1].");
        return f.failed() ? null : new Escalation(h, trigger, when, response, lag, probability);
    }

    private org.chokepoint.policy.MetricTrigger when(Fields f) {
        Fields w = f.nested("when");
        if (w == null) {
            return null;
        }
        w.allow(List.of("metric", "item", "market", "site", "above", "below"));
        String metric = w.text("metric", true, "shortfall (of an item's final demand) or output (of a site).");
        org.chokepoint.policy.MetricTrigger.Metric m = null;
        String subject = null;
        String market = null;
        double threshold = Double.NaN;
        if ("shortfall".equals(metric)) {
            m = org.chokepoint.policy.MetricTrigger.Metric.SHORTFALL;
            subject = w.text("item", true, "The end item whose shortfall is watched.");
            if (subject != null && !network.hasItem(subject)) {
                w.failUnknown("item", "item", subject, new TreeSet<>(network.endItems()));
            }
            market = w.text("market", false, "");
            threshold = w.requiredNumber("above", "The share of demand unmet in a period, e.g. 0.2.");
            if (w.has("below") || w.has("site")) {
                w.fail(w.raw(w.has("below") ? "below" : "site"), w.has("below") ? "below" : "site",
                        "a shortfall condition takes item, market and above", "");
            }
        } else if ("output".equals(metric)) {
            m = org.chokepoint.policy.MetricTrigger.Metric.OUTPUT;
            subject = w.text("site", true, "The site whose output is watched.");
            if (subject != null && !network.hasSite(subject)) {
                Set<String> sites = new TreeSet<>();
                network.sites().forEach(x -> sites.add(x.id()));
                w.failUnknown("site", "site", subject, sites);
            }
            threshold = w.requiredNumber("below", "The share of baseline output, e.g. 0.5.");
        } else if (metric != null) {
            w.fail(w.raw("metric"), "metric", "unknown metric '" + metric + "'", "Allowed: shortfall, output.");
        }
        if (w.failed()) {
            f.markFailed();
            return null;
        }
        try {
            return new org.chokepoint.policy.MetricTrigger(m, subject, market, threshold);
        } catch (FieldException e) {
            problems.add(new TreeOrigin(w.node, w.path).problem(e.field(), e.bareMessage(), e.advice()));
            f.markFailed();
            return null;
        }
    }

    private List<String> firms(Fields f, boolean required) {
        Set<String> known = new TreeSet<>();
        network.firms().forEach(x -> known.add(x.id()));
        return references(f, "firms", "firm", known, required, "The ids of the firms the measure names.");
    }

    private List<String> items(Fields f, String key, boolean required) {
        Set<String> known = new TreeSet<>();
        network.items().forEach(x -> known.add(x.id()));
        return references(f, key, "item", known, required, "The ids of the items it restricts, e.g. [gallium, germanium].");
    }

    /** A list of ids under {@code key}, each checked against {@code known}, pointing at the bad element. */
    private static List<String> references(Fields f, String key, String kind, Set<String> known, boolean required, String advice) {
        if (required && !f.has(key)) {
            f.fail(null, key, "missing required key '" + key + "'", advice);
            return null;
        }
        List<String> ids = f.texts(key);
        for (int j = 0; j < ids.size(); j++) {
            if (!known.contains(ids.get(j))) {
                f.fail(element(f, key, j), key + "[" + j + "]", "unknown " + kind + " '" + ids.get(j) + "'",
                        "Known " + kind + "s: " + Names.list(new ArrayList<>(known), 8) + "." + Names.didYouMean(ids.get(j), known));
            }
        }
        return ids;
    }

    private List<String> destinations(Fields f, String key, boolean required) {
        if (required && !f.has(key)) {
            f.fail(null, key, "missing required key '" + key + "'", "Countries (US, CN), groups (D:5, E:1) or all.");
            return null;
        }
        List<String> out = f.texts(key);
        for (int j = 0; j < out.size(); j++) {
            if (!Rules.isDestination(out.get(j))) {
                f.fail(element(f, key, j), key + "[" + j + "]", "'" + out.get(j) + "' is not a country, a country group or 'all'",
                        "Use ISO codes (CN, US), groups (" + String.join(", ", new TreeSet<>(Rules.GROUPS.keySet())) + ") or all.");
            }
        }
        return out;
    }

    private List<String> eccns(Fields f) {
        List<String> out = f.texts("eccn");
        for (int j = 0; j < out.size(); j++) {
            if (!ECCN_PREFIX.matcher(out.get(j)).matches()) {
                f.fail(element(f, "eccn", j), "eccn[" + j + "]", "'" + out.get(j) + "' is not an export classification or a prefix of one",
                        "Use e.g. 3A090, 3A090.a, 4A090, or a prefix such as 3A; EAR99 for unclassified items.");
            }
        }
        return out;
    }

    private EntityListing.Affiliates affiliates(Fields f) {
        String a = f.text("affiliates", false, "");
        if (a == null) {
            return null;
        }
        EntityListing.Affiliates r = EntityListing.Affiliates.of(a);
        if (r == null) {
            f.fail(f.raw("affiliates"), "affiliates", "unknown affiliate rule '" + a + "'", "Allowed: listed-only, subsidiaries, group.");
        }
        return r;
    }

    private List<CountryControl.Performance> performance(Fields f) {
        List<CountryControl.Performance> out = new ArrayList<>();
        List<Node> list = f.list("performance");
        for (int j = 0; j < list.size(); j++) {
            Fields p = Fields.of(list.get(j), f.pathOf("performance") + "[" + j + "]", problems, "a performance threshold");
            if (p == null) {
                continue;
            }
            p.allow(List.of("tpp", "density"));
            double tpp = p.requiredNumber("tpp", "Total Processing Performance, e.g. 4800.");
            double density = p.number("density", Double.NaN, "Performance density, e.g. 5.92.");
            if (!p.failed()) {
                try {
                    out.add(new CountryControl.Performance(tpp, density));
                } catch (FieldException e) {
                    problems.add(new TreeOrigin(p.node, p.path).problem(e.field(), e.bareMessage(), e.advice()));
                }
            }
        }
        return out;
    }

    private LicensePolicy license(Fields f) {
        Fields l = f.nested("license");
        if (l == null) {
            return null;
        }
        l.allow(LICENSE);
        String policy = l.text("policy", true, "denial, presumption-of-denial, case-by-case or approval.");
        LicensePolicy.Kind kind = policy == null ? null : LicensePolicy.Kind.of(policy);
        if (policy != null && kind == null) {
            Set<String> kinds = new TreeSet<>();
            for (LicensePolicy.Kind k : LicensePolicy.Kind.values()) {
                kinds.add(k.key());
            }
            l.fail(l.raw("policy"), "policy", "unknown license policy '" + policy + "'",
                    "Allowed: " + String.join(", ", kinds) + "." + Names.didYouMean(policy, kinds));
        }
        double approval = l.number("approval", kind == null ? 0 : kind.defaultApproval(), "A probability in [0, 1].");
        Duration review = l.duration("review", Duration.ZERO);
        double approvedShare = l.number("approved-share", 1, "A share in [0, 1].");
        double leakage = l.number("leakage", 0, "A share in [0, 1].");
        double premium = l.number("leakage-premium", 0, "A fraction of the price, e.g. 0.3 for 30%.");
        Duration shipmentDelay = l.duration("shipment-delay", Duration.ZERO);
        if (l.failed()) {
            f.markFailed();
            return null;
        }
        try {
            return new LicensePolicy(kind, approval, review, approvedShare, leakage, premium, shipmentDelay);
        } catch (FieldException e) {
            problems.add(new TreeOrigin(l.node, l.path).problem(e.field(), e.bareMessage(), e.advice()));
            f.markFailed();
            return null;
        }
    }

    private static Node element(Fields f, String key, int j) {
        Node raw = f.raw(key);
        return raw instanceof Node.ListNode list && j < list.values.size() ? list.values.get(j) : raw;
    }
}
