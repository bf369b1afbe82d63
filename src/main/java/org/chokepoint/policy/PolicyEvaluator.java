package org.chokepoint.policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
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
    private final CompiledNetwork c;
    private final List<PolicyMeasure> measures = new ArrayList<>();
    private final List<DeMinimis> deMinimis = new ArrayList<>();
    private final Map<String, ContentRollup> rollups = new HashMap<>();
    private final List<Decision> decisions = new ArrayList<>();
    private final java.util.function.BiPredicate<String, String> controlled;
    /** Every way goods reach a site: the supply links, then the alternates. Every rule walks all of them. */
    private final List<Path> paths = new ArrayList<>();

    /**
     * A path goods move on into a site: a supply link, or an alternate source standing by for one
     * of the site's inputs; {@code item} is what it carries (an alternate's substitute, if any).
     */
    record Path(int index, String from, String to, String item, String key, Alternate alternate) {

        /** The rule step that says which path this is, for an alternate; null for a supply link. */
        String note() {
            return alternate == null ? null : "path: alternate source " + from + " for " + alternate.item() + " at " + to
                    + (alternate.as() == null ? "" : ", delivering " + alternate.as()) + "; examined like every supply link";
        }
    }

    private PolicyEvaluator(Scenario scenario, CompiledNetwork compiled) {
        this.scenario = scenario;
        this.n = scenario.network();
        this.c = compiled;
        for (SupplyLink l : n.links()) {
            paths.add(new Path(compiled.link(l), l.from(), l.to(), l.item(), l.key(), null));
        }
        for (int i = 0; i < n.alternates().size(); i++) {
            Alternate a = n.alternates().get(i);
            paths.add(new Path(compiled.alternate(i), a.from(), a.site(), a.as() != null ? a.as() : a.item(),
                    a.from() + "->" + a.site(), a));
        }
        this.controlled = Rules.table(scenario.controls());
        for (Measure m : scenario.measures()) {
            measures.add((PolicyMeasure) m);
            if (m instanceof DeMinimis d) {
                deMinimis.add(d);
            }
        }
    }

    public static PolicyDecisions evaluate(Scenario scenario, CompiledNetwork compiled) {
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

    // ---- entity listing ----

    private void entityListing(EntityListing m) {
        Set<String> listed = new TreeSet<>(m.firms());
        for (Path l : paths) {
            Site customer = n.site(l.to());
            List<String> trace = new ArrayList<>();
            trace.add("measure " + m.describe());
            String why = coverage(customer, listed, m.affiliates());
            if (why == null) {
                String parentNote = uncoveredAffiliate(customer, listed);
                if (parentNote != null) {
                    trace.add(parentNote);
                    add(m, Decision.Effect.NONE, l, trace, null, 1, 0, 1);
                }
                continue;
            }
            trace.add(why);
            Item item = n.item(l.item());
            if (m.eccns().isEmpty()) {
                trace.add("scope: all items subject to the EAR; " + describe(item));
            } else if (Rules.matches(item.eccn(), m.eccns())) {
                trace.add("scope: " + String.join(", ", m.eccns()) + "; " + describe(item) + " is in scope");
            } else {
                trace.add("scope: " + String.join(", ", m.eccns()) + "; " + describe(item) + " is not in scope");
                add(m, Decision.Effect.NONE, l, trace, null, 1, 0, 1);
                continue;
            }
            subjectDecisions(m, l, customer.location(), item, m.fdp(), "the listing's foreign-direct-product rule", m.license(),
                    m.stockpile(), trace);
        }
    }

    /** Why the listing covers the customer's firm, or null. */
    private String coverage(Site customer, Set<String> listed, EntityListing.Affiliates rule) {
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
        return null;
    }

    /** For the affiliate gap: the customer is related to a listed firm but not covered. */
    private String uncoveredAffiliate(Site customer, Set<String> listed) {
        Firm f = n.firm(customer.firm());
        String root = n.group(f).id();
        for (String x : listed) {
            if (n.hasFirm(x) && n.group(n.firm(x)).id().equals(root)) {
                return "customer site " + customer.id() + " belongs to " + f.id() + ", not listed; it is in group " + root
                        + " with listed " + x + ", but the listing names legal entities only (affiliates: listed-only)";
            }
        }
        return null;
    }

    // ---- country control ----

    private void countryControl(CountryControl m) {
        Set<String> dest = Rules.countries(m.destinations());
        for (Path l : paths) {
            Site customer = n.site(l.to());
            if (dest != null && !dest.contains(customer.location())) {
                continue;
            }
            Item item = n.item(l.item());
            String scope = scope(m, item);
            if (scope == null) {
                continue;
            }
            List<String> trace = new ArrayList<>();
            trace.add("measure " + m.describe());
            trace.add("destination " + customer.location() + " (customer site " + customer.id() + ") is among "
                    + String.join(", ", m.destinations()));
            trace.add(scope);
            subjectDecisions(m, l, customer.location(), item, m.fdp(), "the control's foreign-direct-product rule", m.license(),
                    m.stockpile(), trace);
        }
    }

    private static String scope(CountryControl m, Item item) {
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
        return null;
    }

    // ---- the subject test, over the de minimis timeline ----

    private void subjectDecisions(PolicyMeasure m, Path l, String destination, Item item, List<String> fdp,
                                  String fdpName, LicensePolicy license, double stockpile, List<String> trace) {
        // De minimis thresholds can change while the measure is in force: test each stretch.
        TreeSet<LocalDate> cuts = new TreeSet<>();
        cuts.add(m.effective());
        for (DeMinimis d : deMinimis) {
            for (LocalDate day : new LocalDate[] {d.effective(), d.ends()}) {
                if (day != null && day.isAfter(m.effective()) && (m.ends() == null || day.isBefore(m.ends()))) {
                    cuts.add(day);
                }
            }
        }
        List<LocalDate> starts = new ArrayList<>(cuts);
        for (int i = 0; i < starts.size(); i++) {
            LocalDate from = starts.get(i);
            LocalDate to = i + 1 < starts.size() ? starts.get(i + 1) : m.ends();
            List<String> t = new ArrayList<>(trace);
            boolean subject = subject(m.authority(), l, destination, item, fdp, fdpName, from, t);
            if (subject) {
                t.add("license policy " + license.describe());
                add(m, Decision.Effect.LICENSE, l, t, license, 1, 0, stockpile, from, to);
            } else {
                add(m, Decision.Effect.NONE, l, t, null, 1, 0, 1, from, to);
            }
        }
    }

    private boolean subject(String authority, Path l, String destination, Item item, List<String> fdp, String fdpName,
                            LocalDate day, List<String> trace) {
        Site supplier = n.site(l.from());
        if (supplier.location().equals(authority)) {
            trace.add(item.id() + " is made in " + authority + " (site " + supplier.id() + "): subject to the "
                    + (authority.equals("US") ? "EAR" : authority + " rules"));
            return true;
        }
        ContentRollup rollup = rollups.computeIfAbsent(authority + ">" + destination,
                k -> new ContentRollup(n, authority, it -> controlled.test(it.eccn(), destination)));
        double share = rollup.share(supplier.id());
        double threshold = deMinimisThreshold(destination, item.eccn(), day);
        String content = authority + "-origin controlled content " + pct1(share) + " of USD " + usd(n.price(supplier))
                + " (USD " + usd(rollup.value(supplier.id())) + ")";
        String rule = "de minimis " + pct1(threshold) + " for " + destination + " on " + day;
        if (share > threshold + 1e-12) {
            trace.add(item.id() + " is made in " + supplier.location() + " by " + supplier.id() + "; " + content + " > " + rule
                    + ": subject");
            return true;
        }
        trace.add(item.id() + " is made in " + supplier.location() + " by " + supplier.id() + "; " + content + " ≤ " + rule
                + ": not subject by content");
        for (String fact : supplier.madeWith()) {
            if (fdp.contains(fact)) {
                trace.add("foreign direct product: " + supplier.id() + " is made with " + fact + ", named by " + fdpName
                        + ": subject");
                return true;
            }
        }
        trace.add(fdp.isEmpty() ? "no foreign-direct-product rule applies: not subject"
                : "foreign direct product: " + supplier.id() + " is made with "
                        + (supplier.madeWith().isEmpty() ? "nothing listed" : String.join(", ", supplier.madeWith()))
                        + ", none of " + String.join(", ", fdp) + ": not subject");
        return false;
    }

    /** The de minimis threshold in force: the latest matching de-minimis measure, else 25% (10% for E:1). */
    double deMinimisThreshold(String destination, String eccn, LocalDate day) {
        DeMinimis best = null;
        for (DeMinimis d : deMinimis) {
            Set<String> where = d.destinations().isEmpty() ? null : Rules.countries(d.destinations());
            boolean applies = d.header().inForce(day) && (where == null || where.contains(destination))
                    && (d.eccns().isEmpty() || Rules.matches(eccn, d.eccns()));
            if (applies && (best == null || !d.effective().isBefore(best.effective()))) {
                best = d;
            }
        }
        if (best != null) {
            return best.threshold();
        }
        return Rules.GROUPS.get("E:1").contains(destination) ? Rules.DE_MINIMIS_E1 : Rules.DE_MINIMIS;
    }

    // ---- retaliation ----

    private void exportRestriction(ExportRestriction m) {
        Set<String> dest = m.destinations().isEmpty() ? null : Rules.countries(m.destinations());
        Set<String> items = new TreeSet<>(m.items());
        ContentRollup rollup = Double.isNaN(m.foreignContentThreshold()) ? null
                : new ContentRollup(n, m.authority(), it -> items.contains(it.id()));
        for (Path l : paths) {
            Site supplier = n.site(l.from());
            Site customer = n.site(l.to());
            String to = customer.location();
            boolean destOk = dest == null ? !to.equals(m.authority()) : dest.contains(to);
            if (!destOk) {
                continue;
            }
            List<String> trace = new ArrayList<>();
            trace.add("measure " + m.describe());
            if (supplier.location().equals(m.authority()) && items.contains(l.item())) {
                trace.add(l.item() + " leaves " + m.authority() + " (site " + supplier.id() + ") for " + to + " (site "
                        + customer.id() + "); " + (m.ban() ? "export ban" : "export licensing") + " on "
                        + String.join(", ", m.items()));
            } else if (rollup != null && !supplier.location().equals(m.authority())
                    && rollup.share(supplier.id()) >= m.foreignContentThreshold() && rollup.value(supplier.id()) > 0) {
                trace.add(l.item() + " is made in " + supplier.location() + " by " + supplier.id() + " with "
                        + m.authority() + "-origin " + String.join(", ", m.items()) + " worth " + pct1(rollup.share(supplier.id()))
                        + " of its value ≥ " + pct1(m.foreignContentThreshold()) + ": the foreign-content rule applies");
            } else {
                continue;
            }
            trace.add("license policy " + m.license().describe());
            add(m, Decision.Effect.LICENSE, l, trace, m.license(), 1, 0, m.stockpile());
        }
    }

    private void unreliableEntity(UnreliableEntity m) {
        Set<String> listed = new TreeSet<>(m.firms());
        for (Path l : paths) {
            Firm seller = n.firm(n.site(l.from()).firm());
            Firm buyer = n.firm(n.site(l.to()).firm());
            String why = null;
            if (listed.contains(seller.id()) && buyer.country().equals(m.authority())) {
                why = buyer.id() + " (" + m.authority() + ") may not buy from listed " + seller.id();
            } else if (listed.contains(buyer.id()) && seller.country().equals(m.authority())) {
                why = seller.id() + " (" + m.authority() + ") may not sell to listed " + buyer.id();
            }
            if (why != null) {
                List<String> trace = new ArrayList<>(List.of("measure " + m.describe(), why));
                add(m, Decision.Effect.BLOCK, l, trace, null, 0, 0, 1);
            }
        }
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
                add(m, Decision.Effect.PARTIAL, l, trace, null, 1 - m.share(), 0, 1);
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
        Set<String> origins = Rules.countries(m.origins());
        Set<String> dest = Rules.countries(m.destinations().isEmpty() ? List.of(m.authority()) : m.destinations());
        for (Path l : paths) {
            Site supplier = n.site(l.from());
            Site customer = n.site(l.to());
            boolean applies = (origins == null || origins.contains(supplier.location()))
                    && (dest == null || dest.contains(customer.location()))
                    && (m.items().isEmpty() || m.items().contains(l.item()));
            if (applies) {
                List<String> trace = new ArrayList<>(List.of("measure " + m.describe(),
                        l.item() + " from " + supplier.location() + " (site " + supplier.id() + ") into " + customer.location()
                                + " (site " + customer.id() + "): ad valorem tariff " + LicensePolicy.pct(m.rate())));
                add(m, Decision.Effect.MARKUP, l, trace, null, 1, m.rate(), 1);
            }
        }
    }

    // ---- helpers ----

    private void add(PolicyMeasure m, Decision.Effect effect, Path l, List<String> trace, LicensePolicy license,
                     double factor, double markup, double stockpile) {
        add(m, effect, l, trace, license, factor, markup, stockpile, m.effective(), m.ends());
    }

    private void add(PolicyMeasure m, Decision.Effect effect, Path l, List<String> trace, LicensePolicy license,
                     double factor, double markup, double stockpile, LocalDate from, LocalDate to) {
        if (l.note() != null) {
            trace = new ArrayList<>(trace);
            trace.add(Math.min(1, trace.size()), l.note());
        }
        decisions.add(new Decision(m.id(), effect, l.index(), -1, l.key(), l.item(), from, to, m.announced(), license, factor,
                markup, stockpile, null, trace));
    }

    private static PolicyMeasure withHeader(PolicyMeasure m, MeasureHeader h) {
        if (m instanceof EntityListing x) {
            return new EntityListing(h, x.firms(), x.affiliates(), x.eccns(), x.fdp(), x.license(), x.stockpile());
        } else if (m instanceof CountryControl x) {
            return new CountryControl(h, x.destinations(), x.eccns(), x.performance(), x.fdp(), x.license(), x.stockpile());
        } else if (m instanceof DeMinimis x) {
            return new DeMinimis(h, x.threshold(), x.destinations(), x.eccns());
        } else if (m instanceof ExportRestriction x) {
            return new ExportRestriction(h, x.ban(), x.items(), x.destinations(), x.license(), x.foreignContentThreshold(),
                    x.stockpile());
        } else if (m instanceof UnreliableEntity x) {
            return new UnreliableEntity(h, x.firms());
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
