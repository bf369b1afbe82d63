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
            "shipment-delay", "reapply", "cases");
    static final List<String> CASE = List.of("name", "eccn", "items", "customers", "policy", "approval", "review", "approved-share",
            "leakage", "leakage-premium", "shipment-delay", "reapply");
    static final Map<String, List<String>> KEYS = Map.of(
            "entity-listing", List.of("firms", "affiliates", "eccn", "fdp", "license", "stockpile"),
            "country-control", List.of("destinations", "except", "eccn", "performance", "parameters", "fdp", "license", "stockpile"),
            "de-minimis", List.of("threshold", "destinations", "eccn"),
            "export-ban", List.of("items", "destinations", "except", "license", "foreign-content", "stockpile"),
            "export-licensing", List.of("items", "destinations", "except", "license", "foreign-content", "stockpile"),
            "unreliable-entity", List.of("firms", "directions", "items", "basis", "exempt"),
            "procurement-ban", List.of("firms", "market", "share"),
            "tariff", List.of("rate", "origins", "destinations", "items"),
            "escalation", List.of("trigger", "when", "response", "lag", "probability"));

    /** A classification or a prefix of one: EAR99, 3A, 3A090, 3A090.a */
    private static final Pattern ECCN_PREFIX = Pattern.compile("EAR99|[0-9][A-E]([0-9]{1,3})?(\\.[a-z0-9]+)*|[0-9][A-E]?");

    private final Network network;
    private final org.chokepoint.model.Law law;
    private final Problems problems;
    /** The measures' own assumptions, "measure ID: text", for the scenario's list (reports show them all). */
    final List<String> assumptions = new ArrayList<>();

    MeasureReader(Network network, org.chokepoint.model.Law law, Problems problems) {
        this.network = network;
        this.law = law;
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
                case "entity-listing" -> entityListing(f, h);
                case "country-control" -> new CountryControl(h, destinations(f, "destinations", true), eccns(f), performance(f),
                        fdp(f), license(f), f.number("stockpile", 1, "A multiplier of target stock, at least 1."), parameters(f),
                        destinations(f, "except", false));
                case "de-minimis" -> new DeMinimis(h, f.requiredNumber("threshold", "A share of value in [0, 1], e.g. 0.25."),
                        destinations(f, "destinations", false), eccns(f));
                case "export-ban", "export-licensing" -> new ExportRestriction(h, type.equals("export-ban"), items(f, "items", true),
                        destinations(f, "destinations", false), license(f),
                        f.number("foreign-content", Double.NaN, "A share of value in [0, 1], e.g. 0.001 for 0.1%."),
                        f.number("stockpile", 1, "A multiplier of target stock, at least 1."), destinations(f, "except", false));
                case "unreliable-entity" -> unreliableEntity(f, h);
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
    static List<org.chokepoint.model.ControlRule> controls(Fields scenario, org.chokepoint.model.Law law) {
        List<org.chokepoint.model.ControlRule> out = new ArrayList<>();
        List<Node> rows = scenario.list("controls");
        MeasureReader reader = new MeasureReader(null, law, scenario.problems);
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

    /** Names of the law's foreign-direct-product rules, or made-with facts of the measure's own rule. */
    private List<String> fdp(Fields f) {
        List<String> out = f.texts("fdp");
        Set<String> rules = new TreeSet<>(law.fdpRules().keySet());
        for (int j = 0; j < out.size(); j++) {
            String x = out.get(j);
            if (x.startsWith("footnote-") && !rules.contains(x)) {
                f.fail(element(f, "fdp", j), "fdp[" + j + "]", "unknown foreign-direct-product rule '" + x + "'",
                        "Rules in the law: " + String.join(", ", rules) + "; or write the made-with facts of the measure's own rule."
                                + Names.didYouMean(x, rules));
            }
        }
        return out.stream().distinct().toList();
    }

    private EntityListing entityListing(Fields f, MeasureHeader h) {
        List<String> firms = firms(f, true);
        List<String> eccns = eccns(f);
        List<String> fdp = fdp(f);
        LicensePolicy license = license(f);
        double stockpile = f.number("stockpile", 1, "A multiplier of target stock, at least 1.");
        Set<String> rules = new TreeSet<>(law.ownershipRules().keySet());
        String allowed = "Allowed: listed-only, subsidiaries, group, an ownership rule of the law (" + String.join(", ", rules)
                + "), or {ownership: 0.5}.";
        if (f.raw("affiliates") instanceof Node.MapNode) {
            Fields a = f.nested("affiliates");
            a.allow(List.of("ownership"));
            double share = a.requiredNumber("ownership", "The share listed parties must own, directly or indirectly, e.g. 0.5.");
            if (a.failed()) {
                f.markFailed();
                return null;
            }
            return new EntityListing(h, firms, EntityListing.Affiliates.OWNERSHIP, eccns, fdp, license, stockpile, share, null);
        }
        String key = f.text("affiliates", false, allowed);
        if (key == null) {
            return new EntityListing(h, firms, null, eccns, fdp, license, stockpile);
        }
        if (rules.contains(key)) {
            return new EntityListing(h, firms, EntityListing.Affiliates.OWNERSHIP, eccns, fdp, license, stockpile, Double.NaN, key);
        }
        EntityListing.Affiliates r = EntityListing.Affiliates.of(key);
        if (r == null || r == EntityListing.Affiliates.OWNERSHIP) {
            Set<String> all = new TreeSet<>(rules);
            all.addAll(List.of("listed-only", "subsidiaries", "group"));
            f.fail(f.raw("affiliates"), "affiliates", "unknown affiliate rule '" + key + "'", allowed + Names.didYouMean(key, all));
            return null;
        }
        return new EntityListing(h, firms, r, eccns, fdp, license, stockpile);
    }

    private String parameters(Fields f) {
        String name = f.text("parameters", false, "");
        if (name != null && !law.parameterSets().containsKey(name)) {
            f.failUnknown("parameters", "parameter set", name, new TreeSet<>(law.parameterSets().keySet()));
            return null;
        }
        return name;
    }

    private UnreliableEntity unreliableEntity(Fields f, MeasureHeader h) {
        List<String> firms = firms(f, true);
        List<UnreliableEntity.Direction> directions = new ArrayList<>();
        List<String> d = f.texts("directions");
        for (int j = 0; j < d.size(); j++) {
            UnreliableEntity.Direction dir = switch (d.get(j)) {
                case "imports" -> UnreliableEntity.Direction.IMPORTS;
                case "exports" -> UnreliableEntity.Direction.EXPORTS;
                default -> null;
            };
            if (dir == null) {
                f.fail(element(f, "directions", j), "directions[" + j + "]", "unknown direction '" + d.get(j) + "'",
                        "Allowed: imports (the authority's side may not buy from the listed firms), exports (may not sell to them)."
                                + Names.didYouMean(d.get(j), List.of("imports", "exports")));
            } else {
                directions.add(dir);
            }
        }
        List<String> items = items(f, "items", false);
        String basisKey = f.text("basis", false, "");
        UnreliableEntity.Basis basis = null;
        if (basisKey != null) {
            basis = basisKey.equals("territory") ? UnreliableEntity.Basis.TERRITORY
                    : basisKey.equals("nationality") ? UnreliableEntity.Basis.NATIONALITY : null;
            if (basis == null) {
                f.fail(f.raw("basis"), "basis", "unknown basis '" + basisKey + "'",
                        "Allowed: territory (where the other site is), nationality (where the other firm is incorporated)."
                                + Names.didYouMean(basisKey, List.of("territory", "nationality")));
            }
        }
        List<String> exemptFirms = List.of();
        List<String> exemptItems = List.of();
        Fields e = f.nested("exempt");
        if (e != null) {
            e.allow(List.of("firms", "items"));
            exemptFirms = firms(e, false);
            exemptItems = items(e, "items", false);
            if (e.failed()) {
                f.markFailed();
            }
        }
        return f.failed() ? null : new UnreliableEntity(h, firms, directions, items, basis, exemptFirms, exemptItems);
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
            if (!law.isDestination(out.get(j))) {
                Set<String> groups = new TreeSet<>(law.groups().keySet());
                f.fail(element(f, key, j), key + "[" + j + "]", "'" + out.get(j) + "' is not a country, a country group or 'all'",
                        "Use ISO codes (CN, US), groups (" + String.join(", ", groups) + ") or all." + Names.didYouMean(out.get(j), groups));
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
        LicensePolicy lp = policy(l);
        List<LicensePolicy.Case> cases = new ArrayList<>();
        List<Node> list = l.list("cases");
        Set<String> names = new TreeSet<>();
        for (int i = 0; i < list.size(); i++) {
            Fields c = Fields.of(list.get(i), l.pathOf("cases") + "[" + i + "]", problems, "a license case");
            if (c == null) {
                l.markFailed();
                continue;
            }
            c.allow(CASE);
            String name = c.text("name", true, "A name for the case, shown in traces, e.g. samsung-first.");
            if (name != null && !names.add(name)) {
                c.fail(c.raw("name"), "name", "duplicate case name '" + name + "'", "Each case of a license needs its own name.");
            }
            List<String> eccns = eccns(c);
            List<String> items = items(c, "items", false);
            List<String> customers = firmRefs(c, "customers");
            if (!c.has("eccn") && !c.has("items") && !c.has("customers")) {
                c.fail(null, "eccn", "a case needs eccn, items or customers",
                        "It applies to the paths it selects; the license's own policy covers the rest.");
            }
            LicensePolicy policy = policy(c);
            if (c.failed() || policy == null) {
                l.markFailed();
            } else {
                cases.add(new LicensePolicy.Case(name, eccns, items, customers, policy));
            }
        }
        if (l.failed() || lp == null) {
            f.markFailed();
            return null;
        }
        return lp.withDynamics(lp.reviewMin(), lp.reviewMax(), lp.approvalPath(), lp.attempts(), lp.reapplyDelay(), cases);
    }

    /** A license policy from the keys of a license or a case (no cases of its own). */
    private LicensePolicy policy(Fields l) {
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
        double dflt = kind == null ? 0 : kind.defaultApproval();
        double approval = dflt;
        java.util.TreeMap<LocalDate, Double> path = new java.util.TreeMap<>();
        if (l.raw("approval") instanceof Node.MapNode) {
            Fields a = l.nested("approval");
            for (String key : a.node.values.keySet()) {
                LocalDate day = null;
                try {
                    day = LocalDate.parse(key);
                } catch (java.time.format.DateTimeParseException e) {
                    a.fail(a.raw(key), key, "'" + key + "' is not a date",
                            "An approval path maps the day applications are filed to a probability: {2019-05-16: 0.1, 2019-11-20: 0.6}.");
                }
                double x = a.numberOf(a.raw(key), key, "A probability in [0, 1].");
                if (day != null && !Double.isNaN(x)) {
                    path.put(day, x);
                }
            }
            if (a.failed()) {
                l.markFailed();
            }
        } else {
            approval = l.number("approval", dflt, "A probability in [0, 1], or a path by date: {2019-05-16: 0.1, 2019-11-20: 0.6}.");
        }
        Duration review = Duration.ZERO;
        Duration min = null;
        Duration max = null;
        if (l.raw("review") instanceof Node.MapNode) {
            Fields r = l.nested("review");
            r.allow(List.of("min", "mode", "max"));
            min = r.duration("min", null);
            review = r.duration("mode", null);
            max = r.duration("max", null);
            for (String key : List.of("min", "mode", "max")) {
                if (!r.has(key)) {
                    r.fail(null, key, "missing required key '" + key + "'", "A review range is {min: 4w, mode: 8w, max: 26w}.");
                }
            }
            if (r.failed()) {
                l.markFailed();
            }
        } else {
            review = l.duration("review", Duration.ZERO);
        }
        double approvedShare = l.number("approved-share", 1, "A share in [0, 1].");
        double leakage = l.number("leakage", 0, "A share in [0, 1].");
        double premium = l.number("leakage-premium", 0, "A fraction of the price, e.g. 0.3 for 30%.");
        Duration shipmentDelay = l.duration("shipment-delay", Duration.ZERO);
        int attempts = 1;
        Duration delay = Duration.ZERO;
        Fields re = l.nested("reapply");
        if (re != null) {
            re.allow(List.of("attempts", "delay"));
            attempts = (int) re.whole("attempts", true, 2, 1, 100, "Applications in all, the first included, e.g. 3.");
            delay = re.duration("delay", Duration.ZERO);
            if (re.failed()) {
                l.markFailed();
            }
        }
        if (l.failed()) {
            return null;
        }
        try {
            return new LicensePolicy(kind, approval, review, approvedShare, leakage, premium, shipmentDelay, min, max, path, attempts,
                    delay, null);
        } catch (FieldException e) {
            problems.add(new TreeOrigin(l.node, l.path).problem(e.field(), e.bareMessage(), e.advice()));
            l.markFailed();
            return null;
        }
    }

    private List<String> firmRefs(Fields f, String key) {
        Set<String> known = new TreeSet<>();
        network.firms().forEach(x -> known.add(x.id()));
        return references(f, key, "firm", known, false, "The ids of the customer firms.");
    }

    private static Node element(Fields f, String key, int j) {
        Node raw = f.raw(key);
        return raw instanceof Node.ListNode list && j < list.values.size() ? list.values.get(j) : raw;
    }
}
