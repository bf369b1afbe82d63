package org.chokepoint.policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.chokepoint.engine.CompiledNetwork;
import org.chokepoint.model.Alternate;
import org.chokepoint.model.Checks;
import org.chokepoint.model.Demand;
import org.chokepoint.model.Firm;
import org.chokepoint.model.Item;
import org.chokepoint.model.Law;
import org.chokepoint.model.Measure;
import org.chokepoint.model.Network;
import org.chokepoint.model.Scenario;
import org.chokepoint.model.Site;
import org.chokepoint.model.SupplyLink;

/**
 * Turns a scenario's measures into decisions, link by link, each with the rule steps that led to
 * it. Deterministic: what is uncertain (license approval, escalations) is stated as probabilities
 * and drawn per run by {@link PolicyDecisions#timeline}.
 *
 * <h2>The subject-to-EAR test (for a link into a listed party or a controlled destination)</h2>
 * <ol>
 *   <li>made in the authority's territory: subject;</li>
 *   <li>made abroad: the authority-origin controlled content (by value, rolled up through recipes
 *       and supply shares) above the de minimis threshold for the destination, classification and
 *       date: subject;</li>
 *   <li>made abroad with a fact the measure's foreign-direct-product rule names (e.g. made with
 *       US-origin semiconductor equipment): subject;</li>
 *   <li>otherwise not subject, and the trace says which tests it passed.</li>
 * </ol>
 */
public final class PolicyEvaluator {

    private final Scenario scenario;
    private final Network n;
    private final Law law;
    private final List<PolicyMeasure> measures = new ArrayList<>();
    private final List<DeMinimis> deMinimis = new ArrayList<>();
    private final Map<String, ContentRollup> rollups = new HashMap<>();
    private final Map<String, ContentRollup> rollupByDestination = new HashMap<>();
    private ContentRollup.Shape shape;
    private final Map<String, List<String>> contentLines = new HashMap<>();
    private final List<Decision> decisions = new ArrayList<>();
    private final Rules.ControlTest controlled;
    /** Every day on which a control table changes (groups, de minimis, chart), sorted: rollups are cached per version. */
    private final TreeSet<LocalDate> controlVersions;
    /** Per country, the days on which its membership of some group changes. */
    private final Map<String, TreeSet<LocalDate>> membershipChanges = new HashMap<>();
    /** Every way goods reach a site: the supply links, then the alternates. Every rule walks all of them. */
    private final List<Path> paths = new ArrayList<>();
    /** Sales to end buyers in another country than the selling site's: exports too, examined by the rules on exports. */
    private final List<Path> sales = new ArrayList<>();

    /**
     * A path goods move on: into a site (a supply link, or an alternate source standing by for one
     * of the site's inputs), or from a site to its end buyers in a market ({@code demand} ≥ 0,
     * {@code to} null); {@code item} is what it carries (an alternate's substitute, if any).
     */
    record Path(int index, String from, String to, String item, String key, Alternate alternate, int demand, String market) {

        Path(int index, String from, String to, String item, String key, Alternate alternate) {
            this(index, from, to, item, key, alternate, -1, null);
        }

        /** A site's sales to end buyers in a market: final demand entry {@code j}. */
        static Path sales(int j, Demand d) {
            return new Path(-1, d.site(), null, d.item(), d.site() + "->end buyers in " + d.market(), null, j, d.market());
        }

        boolean toEndBuyers() {
            return demand >= 0;
        }

        /** The rule step that says which path this is, for an alternate or end buyers; null for a supply link. */
        String note() {
            if (toEndBuyers()) {
                return "path: sales of " + item + " by " + from + " to end buyers in " + market + "; examined like every supply link";
            }
            return alternate == null ? null : "path: alternate source " + from + " for " + alternate.item() + " at " + to
                    + (alternate.as() == null ? "" : ", delivering " + alternate.as()) + "; examined like every supply link";
        }
    }

    /** Every path that can carry an export: into sites, and to end buyers abroad. */
    private List<Path> exportPaths() {
        List<Path> all = new ArrayList<>(paths);
        all.addAll(sales);
        return all;
    }

    /** The country goods on a path go to: the customer site's location, or the end buyers' market. */
    private String destinationOf(Path l) {
        return l.toEndBuyers() ? l.market() : n.site(l.to()).location();
    }

    /** The firm buying on a path, or null for end buyers. */
    private String buyerFirm(Path l) {
        return l.toEndBuyers() ? null : n.site(l.to()).firm();
    }

    /** The buyer on a path in words: {@code customer site X} or {@code end buyers of X}. */
    private String buyerOf(Path l) {
        return l.toEndBuyers() ? "end buyers of " + l.from() : "customer site " + l.to();
    }

    /** What a measure does to a path over one stretch of days: the decision without its dates. */
    private record Outcome(Decision.Effect effect, List<String> trace, LicensePolicy license, double factor, double markup,
                           double stockpile) {

        static Outcome none(List<String> trace) {
            return new Outcome(Decision.Effect.NONE, trace, null, 1, 0, 1);
        }

        boolean sameEffect(Outcome o) {
            return effect == o.effect && java.util.Objects.equals(license, o.license) && factor == o.factor && markup == o.markup
                    && stockpile == o.stockpile;
        }

        /** This outcome with a step saying what changed on {@code day}: the later outcome's first new step. */
        Outcome noting(LocalDate day, Outcome later) {
            List<String> t = new ArrayList<>(trace);
            for (String step : later.trace) {
                if (!trace.contains(step)) {
                    t.add("from " + day + ": " + step);
                    break;
                }
            }
            return new Outcome(effect, t, license, factor, markup, stockpile);
        }
    }

    /** A measure's test of one path on one day; null: the measure does not examine the path that day. */
    private interface Test {
        Outcome on(LocalDate day);
    }

    private PolicyEvaluator(Scenario scenario, CompiledNetwork compiled) {
        this.scenario = scenario;
        this.n = scenario.network();
        this.law = scenario.law();
        int[] engine = compiled.supplyLinks();
        for (int i = 0; i < engine.length; i++) {
            SupplyLink l = n.links().get(i);
            paths.add(new Path(engine[i], l.from(), l.to(), l.item(), l.key(), null));
        }
        for (int i = 0; i < n.alternates().size(); i++) {
            Alternate a = n.alternates().get(i);
            paths.add(new Path(compiled.alternate(i), a.from(), a.site(), a.as() != null ? a.as() : a.item(),
                    a.from() + "->" + a.site(), a));
        }
        for (int j = 0; j < n.demand().size(); j++) {
            Demand d = n.demand().get(j);
            if (!n.site(d.site()).location().equals(d.market())) {
                sales.add(Path.sales(j, d));
            }
        }
        this.controlled = Rules.table(scenario.controls(), law);
        for (Measure m : scenario.measures()) {
            measures.add((PolicyMeasure) m);
            if (m instanceof DeMinimis d) {
                deMinimis.add(d);
            }
        }
        controlVersions = new TreeSet<>(law.controlDates());
        for (DeMinimis d : deMinimis) {
            controlVersions.add(d.effective());
            if (d.ends() != null) {
                controlVersions.add(d.ends());
            }
        }
        for (Law.CountryGroup g : law.groups().values()) {
            Set<String> before = Set.of();
            for (Law.Dated<Set<String>> v : g.members().entries()) {
                for (String c : union(before, v.value())) {
                    if (before.contains(c) != v.value().contains(c)) {
                        membershipChanges.computeIfAbsent(c, k -> new TreeSet<>()).add(v.from());
                    }
                }
                before = v.value();
            }
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> out = new TreeSet<>(a);
        out.addAll(b);
        return out;
    }

    public static PolicyDecisions evaluate(Scenario scenario, CompiledNetwork compiled) {
        java.util.SortedSet<LocalDate> changes = scenario.network().ownerChanges();
        if (changes.isEmpty()) {
            return evaluateAsOwned(scenario, compiled);
        }
        // Sites change owners: each stretch between changes is evaluated on the network as owned
        // then, and its decisions kept for that stretch. The compiled indices do not depend on
        // owners. A response to an escalation moves in time run by run, so it follows the owners at
        // the start.
        List<LocalDate> bounds = new ArrayList<>();
        bounds.add(null);
        bounds.addAll(changes);
        List<Decision> all = new ArrayList<>();
        Map<List<Object>, Integer> latest = new HashMap<>(); // measure, effect, link, demand: its last decision in all
        List<Escalation> escalations = null;
        for (int i = 0; i < bounds.size(); i++) {
            LocalDate from = bounds.get(i);
            LocalDate to = i + 1 < bounds.size() ? bounds.get(i + 1) : null;
            LocalDate day = from == null ? LocalDate.MIN : from;
            org.chokepoint.model.Network owned = scenario.network().ownersOn(day);
            Scenario era = scenario.with(owned, scenario.measures());
            PolicyDecisions pd = evaluateAsOwned(era, CompiledNetwork.of(owned, scenario.step()));
            escalations = escalations == null ? pd.escalations() : escalations;
            for (Decision d : pd.all()) {
                if (d.condition() != null) {
                    if (i == 0) {
                        all.add(d);
                    }
                    continue;
                }
                LocalDate start = from == null || d.from().isAfter(from) ? d.from() : from;
                LocalDate end = to == null ? d.to() : d.to() == null || d.to().isAfter(to) ? to : d.to();
                if (end != null && !end.isAfter(start)) {
                    continue;
                }
                // The same decision on both sides of a change is one decision (a license applied for once).
                List<Object> key = List.of(d.measure(), d.effect(), d.link(), d.demand());
                Integer last = latest.get(key);
                if (last != null && start.equals(all.get(last).to()) && sameButDates(all.get(last), d)) {
                    all.set(last, all.get(last).during(all.get(last).from(), end));
                } else {
                    latest.put(key, all.size());
                    all.add(d.during(start, end));
                }
            }
        }
        for (int k = 0; k < all.size(); k++) {
            Decision d = all.get(k);
            if (d.condition() == null && changes.contains(d.from())) {
                List<String> trace = new ArrayList<>(d.trace());
                trace.add(Math.min(1, trace.size()), "as the sites are owned from " + d.from() + " on");
                all.set(k, d.withTrace(trace));
            }
        }
        return new PolicyDecisions(scenario, compiled, all, escalations);
    }

    private static boolean sameButDates(Decision a, Decision b) {
        return a.during(null, null).equals(b.during(null, null));
    }

    private static PolicyDecisions evaluateAsOwned(Scenario scenario, CompiledNetwork compiled) {
        PolicyEvaluator e = new PolicyEvaluator(scenario, compiled);
        Map<String, Escalation> responseOf = new HashMap<>();
        for (PolicyMeasure m : e.measures) {
            if (m instanceof Escalation esc) {
                responseOf.put(esc.response(), esc);
            }
        }
        for (PolicyMeasure m : e.measures) {
            Escalation esc = responseOf.get(m.id());
            if (esc != null) {
                // A response is evaluated as if it began on the scenario's first day; each run moves
                // it to when its escalation actually fires (PolicyDecisions.sample).
                e.evaluate(withHeader(m, m.header().startingOn(scenario.start())), esc.id(),
                        "escalation " + esc.id() + ": " + LicensePolicy.pct(esc.probability()) + " chance, in force "
                                + esc.lag() + " after " + (esc.when() != null ? esc.when().describe() : esc.trigger()
                                + " comes into force"));
            } else {
                e.evaluate(m, null, null);
            }
        }
        List<Escalation> escalations = new ArrayList<>();
        for (PolicyMeasure m : e.measures) {
            if (m instanceof Escalation esc) {
                escalations.add(esc);
            }
        }
        return new PolicyDecisions(scenario, compiled, e.decisions, escalations);
    }

    private void evaluate(PolicyMeasure m, String condition, String conditionNote) {
        int before = decisions.size();
        // De minimis measures are consulted by the subject test; escalations act through their responses.
        if (m instanceof EntityListing el) {
            entityListing(el);
        } else if (m instanceof CountryControl cc) {
            countryControl(cc);
        } else if (m instanceof ExportRestriction er) {
            exportRestriction(er);
        } else if (m instanceof UnreliableEntity ue) {
            unreliableEntity(ue);
        } else if (m instanceof ProcurementBan pb) {
            procurementBan(pb);
        } else if (m instanceof Tariff t) {
            tariff(t);
        }
        if (condition != null) {
            for (int i = before; i < decisions.size(); i++) {
                Decision d = decisions.get(i);
                List<String> trace = new ArrayList<>();
                trace.add(conditionNote);
                trace.addAll(d.trace());
                decisions.set(i, new Decision(d.measure(), d.effect(), d.link(), d.demand(), d.linkName(), d.item(), d.from(),
                        d.to(), d.announced(), d.license(), d.factor(), d.markup(), d.stockpile(), condition, trace));
            }
        }
    }

    /**
     * Tests a path on every stretch of the measure's span between the days the law it reads
     * changes, and records one decision per run of equal outcomes.
     */
    private void dated(PolicyMeasure m, Path l, Set<LocalDate> changes, Test test) {
        TreeSet<LocalDate> cuts = new TreeSet<>();
        cuts.add(m.effective());
        for (LocalDate day : changes) {
            if (day.isAfter(m.effective()) && (m.ends() == null || day.isBefore(m.ends()))) {
                cuts.add(day);
            }
        }
        Outcome open = null;
        LocalDate openFrom = null;
        for (LocalDate from : cuts) {
            Outcome o = test.on(from);
            if (open != null && o != null && !open.equals(o) && open.sameEffect(o)) {
                // The same effect on another legal basis (a new version of a rule): one decision, so a
                // license is applied for once, its trace noting the change.
                open = open.noting(from, o);
                continue;
            }
            if (open != null && !open.equals(o)) {
                add(m, l, open, openFrom, from);
                open = null;
            }
            if (o != null && open == null) {
                open = o;
                openFrom = from;
            }
        }
        if (open != null) {
            add(m, l, open, openFrom, m.ends());
        }
    }

    /** The days on which what a measure reads about a path's destination may change. */
    private Set<LocalDate> destinationChanges(String country, Set<LocalDate> more) {
        Set<LocalDate> out = new TreeSet<>(membershipChanges.getOrDefault(country, new TreeSet<>()));
        out.addAll(more);
        return out;
    }

    /** Days on which the subject test can change: de minimis rows and measures, chart columns, the FDP rules named. */
    private Set<LocalDate> subjectChanges(List<String> fdp) {
        Set<LocalDate> out = new TreeSet<>(controlVersions);
        for (String name : fdp) {
            Law.FdpRule rule = law.fdpRules().get(name);
            if (rule != null) {
                out.addAll(rule.versions().dates());
            }
        }
        return out;
    }

    // ---- entity listing ----

    private void entityListing(EntityListing m) {
        Set<String> listed = new TreeSet<>(m.firms());
        Set<LocalDate> changes = subjectChanges(m.fdp());
        if (m.ownershipRule() != null) {
            changes.addAll(law.ownershipRules().get(m.ownershipRule()).threshold().dates());
        }
        Map<Double, Map<String, String>> reached = new HashMap<>();
        Set<String> listedRoots = new TreeSet<>();
        for (String x : listed) {
            if (n.hasFirm(x)) {
                listedRoots.add(n.group(n.firm(x)).id());
            }
        }
        Map<String, Boolean> relatedFirm = new HashMap<>();
        for (Path l : paths) {
            Site customer = n.site(l.to());
            Site supplier = n.site(l.from());
            Item item = n.item(l.item());
            boolean touches = listed.contains(customer.firm()) || listed.contains(supplier.firm())
                    || relatedFirm.computeIfAbsent(customer.firm(), f -> related(n.firm(f), listedRoots));
            if (!touches && m.affiliates() != EntityListing.Affiliates.OWNERSHIP) {
                continue;
            }
            dated(m, l, destinationChanges(customer.location(), changes), day -> {
                List<String> trace = new ArrayList<>();
                trace.add("measure " + m.describe());
                String why = coverage(m, customer, listed, day, reached);
                if (why == null) {
                    String gap = uncoveredAffiliate(m, customer, listed, day);
                    if (gap != null) {
                        trace.add(gap);
                        return Outcome.none(trace);
                    }
                    if (listed.contains(supplier.firm())) {
                        trace.add("supplier site " + supplier.id() + " belongs to listed " + supplier.firm() + "; customer "
                                + customer.id() + " (" + customer.firm() + ") is not covered: a listing restricts what the listed"
                                + " party receives, not what it sells");
                        return Outcome.none(trace);
                    }
                    return null;
                }
                trace.add(why);
                if (m.eccns().isEmpty()) {
                    trace.add("scope: all items subject to the EAR; " + describe(item));
                } else if (Rules.matches(item.eccn(), m.eccns())) {
                    trace.add("scope: " + String.join(", ", m.eccns()) + "; " + describe(item) + " is in scope");
                } else {
                    trace.add("scope: " + String.join(", ", m.eccns()) + "; " + describe(item) + " is not in scope");
                    return Outcome.none(trace);
                }
                return subjectOutcome(m, l, customer.location(), customer.firm(), item, m.fdp(), "the listing", m.license(), m.stockpile(),
                        day, trace);
            });
        }
    }

    /** Whether a firm is tied to a listed firm by ownership at all (so that a gap can be explained). */
    private boolean related(Firm f, Set<String> listedRoots) {
        return listedRoots.contains(n.group(f).id()) || !f.owners().isEmpty();
    }

    /** Why the listing covers the customer's firm on {@code day}, or null. */
    private String coverage(EntityListing m, Site customer, Set<String> listed, LocalDate day, Map<Double, Map<String, String>> cache) {
        EntityListing.Affiliates rule = m.affiliates();
        Firm f = n.firm(customer.firm());
        String site = "customer site " + customer.id() + " belongs to " + f.id();
        if (listed.contains(f.id())) {
            return site + ", a listed party";
        }
        if (rule == EntityListing.Affiliates.SUBSIDIARIES || rule == EntityListing.Affiliates.GROUP) {
            for (Firm up = f; up.parent() != null; ) {
                up = n.firm(up.parent());
                if (listed.contains(up.id())) {
                    return site + ", a subsidiary of listed " + up.id() + " (affiliates: " + rule.key() + ")";
                }
            }
        }
        if (rule == EntityListing.Affiliates.GROUP) {
            String root = n.group(f).id();
            for (String x : listed) {
                if (n.hasFirm(x) && n.group(n.firm(x)).id().equals(root)) {
                    return site + ", in group " + root + " with listed " + x + " (affiliates: group)";
                }
            }
        }
        if (rule == EntityListing.Affiliates.OWNERSHIP) {
            double threshold = ownershipThreshold(m, day);
            if (Double.isNaN(threshold)) {
                return null;
            }
            String chain = cache.computeIfAbsent(threshold, t -> owned(listed, t)).get(f.id());
            if (chain != null) {
                return site + ", " + chain + " ≥ " + pct1(threshold) + " by listed parties (" + ownershipSource(m, day) + ")";
            }
        }
        return null;
    }

    /** The ownership threshold in force on {@code day}: the measure's own, or its rule's; NaN if none. */
    private double ownershipThreshold(EntityListing m, LocalDate day) {
        if (m.ownershipRule() == null) {
            return m.ownership();
        }
        Law.Dated<Double> t = law.ownershipRules().get(m.ownershipRule()).threshold().at(day);
        return t == null || t.value() == null ? Double.NaN : t.value();
    }

    private String ownershipSource(EntityListing m, LocalDate day) {
        if (m.ownershipRule() == null) {
            return "the listing's ownership threshold";
        }
        Law.Dated<Double> t = law.ownershipRules().get(m.ownershipRule()).threshold().at(day);
        return m.ownershipRule() + ", " + t.reference().cite() + ", from " + t.from();
    }

    /**
     * Firms owned, directly or indirectly, alone or in aggregate, at least {@code threshold} by
     * listed firms, each with how: ownership counts through listed firms and through firms
     * already reached (as the 50% rule counts it), not through firms below the threshold.
     */
    private Map<String, String> owned(Set<String> listed, double threshold) {
        Map<String, String> out = new LinkedHashMap<>();
        Set<String> covered = new TreeSet<>(listed);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Firm f : n.firms()) {
                if (covered.contains(f.id())) {
                    continue;
                }
                double total = 0;
                List<String> parts = new ArrayList<>();
                for (Map.Entry<String, Double> o : f.shareholders().entrySet()) {
                    if (covered.contains(o.getKey())) {
                        total += o.getValue();
                        parts.add(pct1(o.getValue()) + " by " + (listed.contains(o.getKey()) ? "listed " + o.getKey()
                                : o.getKey() + " (itself " + out.get(o.getKey()) + ")"));
                    }
                }
                if (total >= threshold - 1e-12 && total > 0) {
                    out.put(f.id(), "owned " + String.join(" and ", parts) + (parts.size() > 1 ? ", " + pct1(total) + " together" : ""));
                    covered.add(f.id());
                    changed = true;
                }
            }
        }
        return out;
    }

    /** For the affiliate gap: the customer is related to a listed firm but not covered. */
    private String uncoveredAffiliate(EntityListing m, Site customer, Set<String> listed, LocalDate day) {
        Firm f = n.firm(customer.firm());
        if (m.affiliates() == EntityListing.Affiliates.OWNERSHIP) {
            double threshold = ownershipThreshold(m, day);
            double share = 0;
            for (Map.Entry<String, Double> o : f.shareholders().entrySet()) {
                if (listed.contains(o.getKey())) {
                    share += o.getValue();
                }
            }
            if (share > 0 || !f.owners().isEmpty()) {
                if (Double.isNaN(threshold)) {
                    Law.Dated<Double> t = law.ownershipRules().get(m.ownershipRule()).threshold().at(day);
                    return "customer site " + customer.id() + " belongs to " + f.id() + ", not listed; " + m.ownershipRule()
                            + " is not in force on " + day + (t == null ? "" : " (" + t.reference().cite() + ", from " + t.from() + ")")
                            + ": the listing names legal entities only";
                }
                return "customer site " + customer.id() + " belongs to " + f.id() + ", not listed; listed parties own "
                        + pct1(share) + " of it directly, below " + pct1(threshold) + " (" + ownershipSource(m, day) + ")";
            }
            return null;
        }
        String root = n.group(f).id();
        for (String x : listed) {
            if (n.hasFirm(x) && n.group(n.firm(x)).id().equals(root)) {
                return "customer site " + customer.id() + " belongs to " + f.id() + ", not listed; it is in group " + root
                        + " with listed " + x + ", but the listing names legal entities only (affiliates: " + m.affiliates().key() + ")";
            }
        }
        return null;
    }

    // ---- country control ----

    private void countryControl(CountryControl m) {
        Set<LocalDate> changes = subjectChanges(m.fdp());
        changes.addAll(law.groupDates(m.destinations()));
        changes.addAll(law.groupDates(m.except()));
        Law.ParameterSet set = m.parameters() == null ? null : law.parameterSets().get(m.parameters());
        if (set != null) {
            changes.addAll(set.versions().dates());
        }
        for (Path l : exportPaths()) {
            String to = destinationOf(l);
            Item item = n.item(l.item());
            if (!possiblyInScope(m, set, item)) {
                continue;
            }
            dated(m, l, destinationChanges(to, changes), day -> {
                String scope = scope(m, set, item, to, day);
                if (scope == null) {
                    return null;
                }
                List<String> trace = new ArrayList<>();
                trace.add("measure " + m.describe());
                trace.add(scope);
                String where = law.whyAmong(to, m.destinations(), day);
                String except = law.whyAmong(to, m.except(), day);
                if (where == null || except != null) {
                    trace.add("destination " + to + " (" + buyerOf(l) + ") is "
                            + (where == null ? "not among " + String.join(", ", m.destinations())
                            : "excepted: " + except) + ": not affected");
                    return Outcome.none(trace);
                }
                trace.add("destination " + where + " (" + buyerOf(l) + ")");
                // An item the law's dated criteria classify (3A090.a by its performance, say) is that
                // classification on the day, for the direct-product rules' scopes as for the rest.
                Item classified = classifiedOn(m, set, item, to, day);
                if (classified != item) {
                    trace.add(item.id() + " is classified " + classified.eccn() + " on " + day + " by these criteria");
                }
                return subjectOutcome(m, l, to, buyerFirm(l), classified, m.fdp(), "the control", m.license(), m.stockpile(), day,
                        trace);
            });
        }
    }

    /** Whether an item could fall in the control's scope on some day (a cheap filter before the dated test). */
    private static boolean possiblyInScope(CountryControl m, Law.ParameterSet set, Item item) {
        if (!m.eccns().isEmpty() && Rules.matches(item.eccn(), m.eccns())) {
            return true;
        }
        if (item.tpp().isPresent() && !m.performance().isEmpty()) {
            return true;
        }
        if (set != null) {
            for (Law.Dated<List<Law.Criterion>> v : set.versions().entries()) {
                for (Law.Criterion c : v.value()) {
                    if (c.all().stream().allMatch(x -> item.spec(x.spec()).isPresent())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private String scope(CountryControl m, Law.ParameterSet set, Item item, String destination, LocalDate day) {
        if (!m.eccns().isEmpty() && Rules.matches(item.eccn(), m.eccns())) {
            return "scope: " + describe(item) + " falls under " + String.join(", ", m.eccns());
        }
        if (item.tpp().isPresent()) {
            double tpp = item.tpp().getAsDouble();
            double density = item.performanceDensity().isPresent() ? item.performanceDensity().getAsDouble() : Double.NaN;
            for (CountryControl.Performance p : m.performance()) {
                boolean meets = tpp >= p.tpp() && (Double.isNaN(p.density()) || (!Double.isNaN(density) && density >= p.density()));
                if (meets) {
                    return "scope: " + item.id() + " has TPP " + Checks.fmt(tpp)
                            + (Double.isNaN(density) ? "" : " and performance density " + Checks.fmt(density)) + ", meeting "
                            + p.describe();
                }
            }
        }
        if (set != null) {
            Law.Dated<List<Law.Criterion>> version = set.versions().at(day);
            if (version == null) {
                return null;
            }
            for (Law.Criterion c : version.value()) {
                if (!c.destinations().isEmpty() && !law.among(destination, c.destinations(), day)) {
                    continue;
                }
                List<String> met = new ArrayList<>();
                boolean all = true;
                for (Law.Condition x : c.all()) {
                    java.util.OptionalDouble v = item.spec(x.spec());
                    if (v.isEmpty() || !x.holds(v.getAsDouble())) {
                        all = false;
                        break;
                    }
                    met.add(x.spec() + " " + Checks.fmt(v.getAsDouble()) + " " + x.op() + " " + Checks.fmt(x.value()));
                }
                if (all) {
                    return "scope: " + item.id() + " meets " + c.name() + " of " + set.name() + " (" + String.join(", ", met) + "; "
                            + version.reference().cite() + ", in force from " + version.from() + ")";
                }
            }
        }
        return null;
    }

    private static final java.util.regex.Pattern ECCN = java.util.regex.Pattern.compile("^(\\d[A-E]\\d{3}(\\.[a-z])?)\\b.*");

    /**
     * The item as the law's dated parameter set classifies it on the day: when the criterion it
     * meets is named by an ECCN (3A090.a, "3A090 (2022)"), an item of that classification; else the
     * item as written.
     */
    private Item classifiedOn(CountryControl m, Law.ParameterSet set, Item item, String destination, LocalDate day) {
        if (set == null || !m.eccns().isEmpty() && Rules.matches(item.eccn(), m.eccns())) {
            return item;
        }
        Law.Dated<List<Law.Criterion>> version = set.versions().at(day);
        if (version == null) {
            return item;
        }
        for (Law.Criterion c : version.value()) {
            if (!c.destinations().isEmpty() && !law.among(destination, c.destinations(), day)) {
                continue;
            }
            boolean all = true;
            for (Law.Condition x : c.all()) {
                java.util.OptionalDouble v = item.spec(x.spec());
                all &= v.isPresent() && x.holds(v.getAsDouble());
            }
            java.util.regex.Matcher eccn = ECCN.matcher(c.name());
            if (all && eccn.matches() && !eccn.group(1).equals(item.eccn())) {
                return new Item(item.id(), item.name(), item.value(), eccn.group(1), item.category(), item.tpp(),
                        item.performanceDensity(), item.specs());
            }
            if (all) {
                return item;
            }
        }
        return item;
    }

    // ---- the subject test ----

    /** The outcome of the subject test and the license policy for one path on one day. */
    private Outcome subjectOutcome(PolicyMeasure m, Path l, String destination, String buyer, Item item, List<String> fdp,
                                   String fdpOwner, LicensePolicy license, double stockpile, LocalDate day, List<String> trace) {
        if (subject(m.authority(), l, destination, item, fdp, fdpOwner, day, trace)) {
            LicensePolicy lp = license.forPath(item.id(), item.eccn(), buyer);
            LicensePolicy.Case c = license.caseFor(item.id(), item.eccn(), buyer);
            trace.add("license policy " + (c == null ? "" : c.describe() + ": ") + lp.describe());
            return new Outcome(Decision.Effect.LICENSE, trace, lp, 1, 0, stockpile);
        }
        return Outcome.none(trace);
    }

    private boolean subject(String authority, Path l, String destination, Item item, List<String> fdp, String fdpOwner,
                            LocalDate day, List<String> trace) {
        Site supplier = n.site(l.from());
        if (supplier.location().equals(authority)) {
            trace.add(item.id() + " is made in " + authority + " (site " + supplier.id() + "): subject to the "
                    + (authority.equals("US") ? "EAR" : authority + " rules"));
            return true;
        }
        ContentRollup rollup = rollup(authority, destination, day);
        double share = rollup.share(supplier.id());
        Threshold dm = deMinimisThreshold(destination, item.eccn(), day);
        String made = item.id() + " is made in " + supplier.location() + " by " + supplier.id();
        trace.addAll(contentLines(supplier, authority, destination, day));
        if (dm == null) {
            trace.add(made + "; no de minimis rule in the law for " + destination + ": content not tested");
        } else {
            double threshold = dm.share();
            String content = authority + "-origin controlled content " + pct1(share) + " of USD " + usd(n.price(supplier))
                    + " (USD " + usd(rollup.value(supplier.id())) + ")";
            String rule = "de minimis " + pct1(threshold) + " for " + destination + " (" + dm.row()
                    + (dm.reference() == null ? "" : ", " + dm.reference().cite()) + ")";
            boolean over = threshold == 0 ? share > 1e-12 : share > threshold + 1e-12;
            if (over) {
                trace.add(made + "; " + content + (threshold == 0 ? " > 0; there is no de minimis level: " : " > ") + rule + ": subject");
                return true;
            }
            trace.add(made + "; " + content + " ≤ " + rule + ": not subject by content");
        }
        return fdp(supplier, item, destination, fdp, fdpOwner, day, trace);
    }

    /**
     * The content rollup for an origin and destination on a day. Destinations for which the same
     * items count (most of them) share one rollup: the cache is keyed by the set of counted items.
     */
    private ContentRollup rollup(String authority, String destination, LocalDate day) {
        String key = authority + ">" + destination + "@" + controlVersions.floor(day);
        ContentRollup known = rollupByDestination.get(key);
        if (known != null) {
            return known;
        }
        java.util.BitSet counted = new java.util.BitSet();
        List<Item> items = n.items();
        for (int i = 0; i < items.size(); i++) {
            if (controlled.reason(items.get(i).eccn(), destination, day) != null) {
                counted.set(i);
            }
        }
        ContentRollup r = rollups.computeIfAbsent(authority + ">" + counted,
                k -> new ContentRollup(shape(), authority, it -> controlled.reason(it.eccn(), destination, day) != null));
        rollupByDestination.put(key, r);
        return r;
    }

    private ContentRollup.Shape shape() {
        if (shape == null) {
            shape = new ContentRollup.Shape(n);
        }
        return shape;
    }

    /** Which of the supplier's direct inputs count as controlled content toward the destination, and why (cached). */
    private List<String> contentLines(Site supplier, String authority, String destination, LocalDate day) {
        String key = supplier.id() + "|" + authority + ">" + destination + "@" + controlVersions.floor(day);
        return contentLines.computeIfAbsent(key, k -> contentLinesOf(supplier, authority, destination, day));
    }

    private List<String> contentLinesOf(Site supplier, String authority, String destination, LocalDate day) {
        ContentRollup.Shape sh = shape();
        List<String> counted = new ArrayList<>();
        List<String> not = new ArrayList<>();
        int at = sh.siteIndex.get(supplier.id());
        for (int k = sh.start[at]; k < sh.start[at + 1]; k++) {
            Site from = n.sites().get(sh.from[k]);
            Item input = sh.items.get(sh.item[k]);
            if (!from.location().equals(authority)) {
                double inside = rollup(authority, destination, day).value(from.id());
                if (inside > 0) {
                    counted.add(input.id() + " (made in " + from.location() + " by " + from.id() + ": by its own " + authority
                            + "-origin controlled content, USD " + usd(inside) + " a unit)");
                }
                continue;
            }
            String reason = controlled.reason(input.eccn(), destination, day);
            if (reason != null) {
                counted.add(input.id() + " (" + input.eccn() + ", from " + from.id() + ": " + licenseWhy(reason, destination, day) + ")");
            } else {
                not.add(input.id() + " (" + input.eccn() + ", from " + from.id() + ": " + noLicenseWhy(input.eccn(), destination, day) + ")");
            }
        }
        List<String> out = new ArrayList<>();
        if (!counted.isEmpty()) {
            out.add("controlled content toward " + destination + ": " + String.join("; ", limit(counted)));
        }
        if (!not.isEmpty()) {
            out.add("not controlled content toward " + destination + ": " + String.join("; ", limit(not)));
        }
        return out;
    }

    private static List<String> limit(List<String> x) {
        if (x.size() <= 6) {
            return x;
        }
        List<String> out = new ArrayList<>(x.subList(0, 6));
        out.add("and " + (x.size() - 6) + " more");
        return out;
    }

    private String licenseWhy(String reason, String destination, LocalDate day) {
        Law.Dated<List<String>> col = law.chartEntry(reason, day);
        if (col == null) {
            return reason;
        }
        return "needs a license under " + reason + " (" + col.reference().cite() + ")";
    }

    private String noLicenseWhy(String eccn, String destination, LocalDate day) {
        Law.ReasonRow r = law.reasonsFor(eccn);
        if (!scenario.controls().isEmpty()) {
            return "no row of the scenario's control table";
        }
        return "controlled for " + String.join(", ", r.reasons()) + " only, no license needed to " + destination + " ("
                + r.reference().cite() + ")";
    }

    /** The foreign-direct-product test: the law's rules the measure names, and its own facts. */
    private boolean fdp(Site supplier, Item item, String destination, List<String> fdp, String owner, LocalDate day,
                        List<String> trace) {
        List<String> ownFacts = new ArrayList<>();
        for (String name : fdp) {
            Law.FdpRule rule = law.fdpRules().get(name);
            if (rule == null) {
                ownFacts.add(name);
                continue;
            }
            Law.Dated<Law.FdpScope> v = rule.versions().at(day);
            String cite = rule.name() + " (" + rule.paragraph() + ")";
            if (v == null) {
                trace.add("foreign direct product: " + cite + " is not yet in force on " + day);
                continue;
            }
            Law.FdpScope sc = v.value();
            String version = rule.name() + " (" + rule.paragraph() + "; " + v.reference().cite() + ")";
            if (!sc.products().isEmpty() && !Rules.matches(item.eccn(), sc.products())) {
                trace.add("foreign direct product: " + version + " reaches " + String.join(", ", sc.products()) + "; "
                        + describe(item) + " is not in its product scope");
                continue;
            }
            if (!sc.destinations().isEmpty() && !law.among(destination, sc.destinations(), day)) {
                trace.add("foreign direct product: " + version + " applies toward " + String.join(", ", sc.destinations())
                        + "; " + destination + " is not among them");
                continue;
            }
            for (String fact : supplier.madeWith()) {
                if (sc.facts().contains(fact)) {
                    trace.add("foreign direct product: " + supplier.id() + " is made with " + fact + ", which " + version
                            + " names: subject");
                    return true;
                }
            }
            trace.add("foreign direct product: " + version + " names " + String.join(", ", sc.facts()) + "; " + supplier.id()
                    + " is made with " + (supplier.madeWith().isEmpty() ? "nothing listed" : String.join(", ", supplier.madeWith()))
                    + ": not subject under it");
        }
        for (String fact : supplier.madeWith()) {
            if (ownFacts.contains(fact)) {
                trace.add("foreign direct product: " + supplier.id() + " is made with " + fact + ", named by " + owner
                        + "'s own foreign-direct-product rule: subject");
                return true;
            }
        }
        if (fdp.isEmpty()) {
            trace.add("no foreign-direct-product rule applies: not subject");
        } else if (!ownFacts.isEmpty()) {
            trace.add("foreign direct product: " + supplier.id() + " is made with "
                    + (supplier.madeWith().isEmpty() ? "nothing listed" : String.join(", ", supplier.madeWith())) + ", none of "
                    + String.join(", ", ownFacts) + " (" + owner + "'s own rule): not subject");
        } else {
            trace.add("no foreign-direct-product rule reaches it: not subject");
        }
        return false;
    }

    /** A de minimis threshold and where it comes from: a measure of the scenario, or a row of the law with its reference. */
    record Threshold(double share, String row, Law.Reference reference) {}

    /**
     * The de minimis threshold in force: the latest matching de-minimis measure of the scenario,
     * else the first matching row of the law; null if neither has one.
     */
    Threshold deMinimisThreshold(String destination, String eccn, LocalDate day) {
        DeMinimis best = null;
        for (DeMinimis d : deMinimis) {
            boolean applies = d.header().inForce(day) && (d.destinations().isEmpty() || law.among(destination, d.destinations(), day))
                    && (d.eccns().isEmpty() || Rules.matches(eccn, d.eccns()));
            if (applies && (best == null || !d.effective().isBefore(best.effective()))) {
                best = d;
            }
        }
        if (best != null) {
            return new Threshold(best.threshold(), "measure " + best.id(), null);
        }
        Law.DeMinimisMatch m = law.deMinimis(eccn, destination, day);
        return m == null ? null : new Threshold(m.threshold().value(), m.row(), m.threshold().reference());
    }

    // ---- retaliation ----

    private void exportRestriction(ExportRestriction m) {
        Set<String> items = new TreeSet<>(m.items());
        ContentRollup rollup = Double.isNaN(m.foreignContentThreshold()) ? null
                : new ContentRollup(shape(), m.authority(), it -> items.contains(it.id()));
        Set<LocalDate> changes = new TreeSet<>(law.groupDates(m.destinations()));
        changes.addAll(law.groupDates(m.except()));
        for (Path l : exportPaths()) {
            Site supplier = n.site(l.from());
            String to = destinationOf(l);
            boolean direct = supplier.location().equals(m.authority()) && items.contains(l.item());
            boolean foreign = rollup != null && !supplier.location().equals(m.authority())
                    && rollup.share(supplier.id()) >= m.foreignContentThreshold() && rollup.value(supplier.id()) > 0;
            if (!direct && !foreign) {
                continue;
            }
            dated(m, l, changes, day -> {
                List<String> trace = new ArrayList<>();
                trace.add("measure " + m.describe());
                if (direct) {
                    trace.add(l.item() + " leaves " + m.authority() + " (site " + supplier.id() + ") for " + to + " ("
                            + buyerOf(l) + "); " + (m.ban() ? "export ban" : "export licensing") + " on "
                            + String.join(", ", m.items()));
                } else {
                    trace.add(l.item() + " is made in " + supplier.location() + " by " + supplier.id() + " with "
                            + m.authority() + "-origin " + String.join(", ", m.items()) + " worth " + pct1(rollup.share(supplier.id()))
                            + " of its value ≥ " + pct1(m.foreignContentThreshold()) + ": the foreign-content rule applies");
                }
                boolean inDest = m.destinations().isEmpty() ? !to.equals(m.authority()) : law.among(to, m.destinations(), day);
                String except = law.whyAmong(to, m.except(), day);
                if (!inDest || except != null) {
                    trace.add("destination " + to + " is " + (except != null ? "excepted: " + except
                            : "not among " + (m.destinations().isEmpty() ? "foreign destinations" : String.join(", ", m.destinations())))
                            + ": not affected");
                    return Outcome.none(trace);
                }
                Item item = n.item(l.item());
                LicensePolicy lp = m.license().forPath(item.id(), item.eccn(), buyerFirm(l));
                LicensePolicy.Case c = m.license().caseFor(item.id(), item.eccn(), buyerFirm(l));
                trace.add("license policy " + (c == null ? "" : c.describe() + ": ") + lp.describe());
                return new Outcome(Decision.Effect.LICENSE, trace, lp, 1, 0, m.stockpile());
            });
        }
    }

    private void unreliableEntity(UnreliableEntity m) {
        Set<String> listed = new TreeSet<>(m.firms());
        for (Path l : paths) {
            Site sellerSite = n.site(l.from());
            Site buyerSite = n.site(l.to());
            Firm seller = n.firm(sellerSite.firm());
            Firm buyer = n.firm(buyerSite.firm());
            boolean listedSeller = listed.contains(seller.id());
            boolean listedBuyer = listed.contains(buyer.id());
            if (!listedSeller && !listedBuyer) {
                continue;
            }
            List<String> trace = new ArrayList<>(List.of("measure " + m.describe()));
            String why = null;
            String examined = null;
            if (listedSeller && !listedBuyer) {
                String side = side(m, buyerSite, buyer);
                if (side == null) {
                    examined = "buyer " + buyer.id() + " (site " + buyerSite.id() + " in " + buyerSite.location() + ", incorporated in "
                            + buyer.country() + ") is not on " + m.authority() + "'s side by " + m.basis().key();
                } else if (!m.directions().contains(UnreliableEntity.Direction.IMPORTS)) {
                    examined = side + " may still buy from listed " + seller.id() + ": the listing restricts exports to it only";
                } else {
                    why = side + " may not buy " + l.item() + " from listed " + seller.id() + " (imports restricted)";
                }
            } else if (listedBuyer && !listedSeller) {
                String side = side(m, sellerSite, seller);
                if (side == null) {
                    examined = "seller " + seller.id() + " (site " + sellerSite.id() + " in " + sellerSite.location()
                            + ", incorporated in " + seller.country() + ") is not on " + m.authority() + "'s side by " + m.basis().key();
                } else if (!m.directions().contains(UnreliableEntity.Direction.EXPORTS)) {
                    examined = side + " may still sell to listed " + buyer.id() + ": the listing restricts imports from it only";
                } else {
                    why = side + " may not sell " + l.item() + " to listed " + buyer.id() + " (exports restricted)";
                }
            } else {
                continue; // both listed: trade between listed firms is outside the authority's reach
            }
            if (why != null && !m.items().isEmpty() && !m.items().contains(l.item())) {
                examined = l.item() + " is not among the items restricted (" + String.join(", ", m.items()) + ")";
                why = null;
            }
            String counterparty = listedSeller ? buyer.id() : seller.id();
            if (why != null && (m.exemptFirms().contains(counterparty) || m.exemptItems().contains(l.item()))) {
                examined = (m.exemptFirms().contains(counterparty) ? counterparty + " is exempted" : l.item() + " is exempted")
                        + " from the measure";
                why = null;
            }
            if (why != null) {
                trace.add(why);
                add(m, l, new Outcome(Decision.Effect.BLOCK, trace, null, 0, 0, 1), m.effective(), m.ends());
            } else {
                trace.add(examined + ": not affected");
                add(m, l, Outcome.none(trace), m.effective(), m.ends());
            }
        }
        // End buyers in the authority's territory buying from a listed firm abroad: imports too. End
        // buyers are no firm, so nothing is sold to a listed party this way.
        for (Path l : sales) {
            Firm seller = n.firm(n.site(l.from()).firm());
            if (!listed.contains(seller.id())) {
                continue;
            }
            List<String> trace = new ArrayList<>(List.of("measure " + m.describe()));
            String onSide = l.market().equals(m.authority()) ? "end buyers in " + l.market() : null;
            String examined = null;
            if (onSide == null) {
                examined = "end buyers in " + l.market() + " are not on " + m.authority() + "'s side";
            } else if (!m.directions().contains(UnreliableEntity.Direction.IMPORTS)) {
                examined = onSide + " may still buy from listed " + seller.id() + ": the listing restricts exports to it only";
            } else if (!m.items().isEmpty() && !m.items().contains(l.item())) {
                examined = l.item() + " is not among the items restricted (" + String.join(", ", m.items()) + ")";
            } else if (m.exemptItems().contains(l.item())) {
                examined = l.item() + " is exempted from the measure";
            }
            if (examined == null) {
                trace.add(onSide + " may not buy " + l.item() + " from listed " + seller.id() + " (imports restricted)");
                add(m, l, new Outcome(Decision.Effect.BLOCK, trace, null, 0, 0, 1), m.effective(), m.ends());
            } else {
                trace.add(examined + ": not affected");
                add(m, l, Outcome.none(trace), m.effective(), m.ends());
            }
        }
    }

    /** The counterparty on the authority's side, described, or null: by site territory or by firm nationality. */
    private static String side(UnreliableEntity m, Site site, Firm firm) {
        if (m.basis() == UnreliableEntity.Basis.TERRITORY) {
            return site.location().equals(m.authority()) ? firm.id() + " (site " + site.id() + " in " + m.authority() + ")" : null;
        }
        return firm.country().equals(m.authority()) ? firm.id() + " (a " + m.authority() + " firm)" : null;
    }

    private void procurementBan(ProcurementBan m) {
        Set<String> firms = new TreeSet<>(m.firms());
        for (Path l : paths) {
            Site supplier = n.site(l.from());
            Site customer = n.site(l.to());
            if (firms.contains(supplier.firm()) && customer.location().equals(m.market())) {
                List<String> trace = new ArrayList<>(List.of("measure " + m.describe(),
                        "buyers in " + m.market() + " (site " + customer.id() + ") stop " + LicensePolicy.pct(m.share())
                                + " of purchases from " + supplier.firm()));
                add(m, l, new Outcome(Decision.Effect.PARTIAL, trace, null, 1 - m.share(), 0, 1), m.effective(), m.ends());
            }
        }
        for (int j = 0; j < n.demand().size(); j++) {
            Demand d = n.demand().get(j);
            if (firms.contains(n.site(d.site()).firm()) && d.market().equals(m.market())) {
                List<String> trace = List.of("measure " + m.describe(), "final demand for " + d.item() + " in " + d.market()
                        + " from " + n.site(d.site()).firm() + " falls by " + LicensePolicy.pct(m.share()));
                decisions.add(new Decision(m.id(), Decision.Effect.DEMAND, -1, j, d.site(), d.item(), m.effective(), m.ends(),
                        m.announced(), null, 1 - m.share(), 0, 1, null, trace));
            }
        }
    }

    private void tariff(Tariff m) {
        List<String> dest = m.destinations().isEmpty() ? List.of(m.authority()) : m.destinations();
        Set<LocalDate> changes = new TreeSet<>(law.groupDates(m.origins()));
        changes.addAll(law.groupDates(dest));
        for (Path l : paths) {
            Site supplier = n.site(l.from());
            Site customer = n.site(l.to());
            if (!m.items().isEmpty() && !m.items().contains(l.item())) {
                continue;
            }
            dated(m, l, changes, day -> {
                if (!law.among(supplier.location(), m.origins(), day) || !law.among(customer.location(), dest, day)) {
                    return null;
                }
                List<String> trace = new ArrayList<>(List.of("measure " + m.describe(),
                        l.item() + " from " + supplier.location() + " (site " + supplier.id() + ") into " + customer.location()
                                + " (site " + customer.id() + "): ad valorem tariff " + LicensePolicy.pct(m.rate())));
                return new Outcome(Decision.Effect.MARKUP, trace, null, 1, m.rate(), 1);
            });
        }
        // On sales to end buyers the model has no price to raise: said, not done quietly.
        for (Path l : sales) {
            Site supplier = n.site(l.from());
            if (!m.items().isEmpty() && !m.items().contains(l.item())) {
                continue;
            }
            dated(m, l, changes, day -> {
                if (!law.among(supplier.location(), m.origins(), day) || !law.among(l.market(), dest, day)) {
                    return null;
                }
                return Outcome.none(new ArrayList<>(List.of("measure " + m.describe(), l.item() + " from " + supplier.location()
                        + " (site " + supplier.id() + ") to end buyers in " + l.market() + ": the tariff would apply, but the model"
                        + " does not mark up what end buyers pay; it is left out (a warning says so)")));
            });
        }
    }

    /** Tariffs that would reach sales to end buyers, which the model does not price: one line each, for a warning. */
    public static List<String> unpricedTariffs(PolicyDecisions d) {
        return d.all().stream().filter(x -> x.demand() >= 0 && x.effect() == Decision.Effect.NONE
                && x.trace().stream().anyMatch(t -> t.contains("does not mark up what end buyers pay")))
                .map(x -> "measure " + x.measure() + " would tax " + x.linkName() + " (" + x.item() + "): tariffs on sales to end"
                        + " buyers are not modelled").distinct().toList();
    }

    // ---- helpers ----

    private void add(PolicyMeasure m, Path l, Outcome o, LocalDate from, LocalDate to) {
        List<String> trace = o.trace();
        if (l.note() != null) {
            trace = new ArrayList<>(trace);
            trace.add(Math.min(1, trace.size()), l.note());
        }
        decisions.add(new Decision(m.id(), o.effect(), l.index(), l.demand(), l.key(), l.item(), from, to, m.announced(), o.license(),
                o.factor(), o.markup(), o.stockpile(), null, trace));
    }

    private static PolicyMeasure withHeader(PolicyMeasure m, MeasureHeader h) {
        if (m instanceof EntityListing x) {
            return x.with(h, x.license(), x.stockpile());
        } else if (m instanceof CountryControl x) {
            return x.with(h, x.license(), x.stockpile());
        } else if (m instanceof DeMinimis x) {
            return new DeMinimis(h, x.threshold(), x.destinations(), x.eccns());
        } else if (m instanceof ExportRestriction x) {
            return x.with(h, x.license(), x.stockpile());
        } else if (m instanceof UnreliableEntity x) {
            return x.with(h);
        } else if (m instanceof ProcurementBan x) {
            return new ProcurementBan(h, x.firms(), x.market(), x.share());
        } else if (m instanceof Tariff x) {
            return new Tariff(h, x.rate(), x.origins(), x.destinations(), x.items());
        }
        Escalation x = (Escalation) m;
        return new Escalation(h, x.trigger(), x.when(), x.response(), x.lag(), x.probability());
    }

    static String describe(Item item) {
        return item.id() + " (" + item.eccn() + ")";
    }

    static String pct1(double x) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * x);
    }

    static String usd(double x) {
        return String.format(Locale.ROOT, "%,.0f", x);
    }
}
