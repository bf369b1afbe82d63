package org.chokepoint.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.chokepoint.engine.CompiledNetwork;
import org.chokepoint.model.Measure;
import org.chokepoint.policy.Decision;
import org.chokepoint.policy.Escalation;
import org.chokepoint.policy.PolicyDecisions;

/**
 * How much of each end item's bill of materials, by value, each measure reaches: the links it
 * restricts anywhere upstream, weighted by the share of the end item's cost that flows through
 * them. A link the measure catches counts with everything behind it (what is cut off there is cut
 * off whatever its own origin); a link it does not catch passes on its supplier's exposure. So the
 * share of site S is
 *
 * <pre>
 *   e(S) = Σ over links l into S of v(S, l) × (c(l) + (1 − c(l)) × e(supplier of l))
 * </pre>
 *
 * with v(S, l) = recipe quantity × share × supplier price × (1 + markup) ÷ price of S, and c(l)
 * the part of the link the measure restricts (1 for a license requirement, a ban or a tariff; the
 * refused share for a partial cut). Which rule caught each link — made in the authority's country, de minimis content,
 * a foreign-direct-product rule, or simply the measure's scope — is read from the policy engine's
 * trace, so every number here can be followed back with {@code chokepoint explain}.
 */
public final class Exposure {

    private Exposure() {}

    /** Why a link is caught. */
    public enum Basis {
        /** Made in the authority's territory. */
        ORIGIN("origin"),
        /** Controlled content above the de minimis threshold. */
        DE_MINIMIS("de minimis"),
        /** The authority's listed materials above the measure's foreign-content share. */
        FOREIGN_CONTENT("foreign content"),
        FOREIGN_DIRECT_PRODUCT("foreign direct product"),
        /** Within the measure's scope as such (a tariff, a ban on a firm). */
        SCOPE("scope");

        private final String label;

        Basis(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /**
         * The basis in words for a measure of {@code authority} (a country code), so that a Japanese
         * measure reads "made in JP", not a US rule's terms.
         */
        public String describe(String authority) {
            return switch (this) {
                case ORIGIN -> "made in " + authority;
                case DE_MINIMIS -> authority + "-controlled content above de minimis";
                case FOREIGN_CONTENT -> authority + "-listed content above the measure's share";
                case FOREIGN_DIRECT_PRODUCT -> "foreign direct product of " + authority + " technology or plant";
                case SCOPE -> "the measure's scope";
            };
        }

        /** The basis a decision's trace states. */
        public static Basis of(Decision d) {
            String step = d.decisiveStep();
            if (step.startsWith("foreign direct product")) {
                return FOREIGN_DIRECT_PRODUCT;
            }
            if (step.contains("de minimis") && step.endsWith(": subject")) {
                return DE_MINIMIS;
            }
            if (step.contains(" is made in ") && step.contains(": subject to the") || step.contains(" leaves ")) {
                return ORIGIN;
            }
            if (step.contains("foreign-content rule applies")) {
                return FOREIGN_CONTENT;
            }
            return SCOPE;
        }
    }

    /**
     * A restricted link behind an end item.
     *
     * @param share the end item's cost flowing through the link, of which the measure reaches this much
     * @param destination the country of the link's customer site
     */
    public record Input(String link, String item, String destination, double share, Basis basis, String step) {}

    /**
     * One end item under one measure.
     *
     * @param share of the end item's unit cost, the part the measure reaches (0 to 1)
     * @param condition the escalation the measure waits for, or null
     * @param alternates alternate sources the measure also restricts, standing by at this site or
     *     upstream of it ({@code from->to (item)}): fallbacks that will not help, though they carry no
     *     cost today
     */
    public record Row(String site, String item, String measure, String authority, String type, String condition, double share,
                      List<Input> inputs, List<String> alternates) {}

    /** Every end item (a site serving final demand) under every measure that restricts some link. */
    public static List<Row> of(CompiledNetwork c, PolicyDecisions decisions) {
        Map<String, Measure> byId = new HashMap<>();
        Map<String, String> conditionOf = new HashMap<>();
        for (Measure m : decisions.scenario().measures()) {
            byId.put(m.id(), m);
            if (m instanceof Escalation e) {
                conditionOf.put(e.response(), e.id());
            }
        }
        Map<String, Map<Integer, Decision>> caught = new TreeMap<>();
        Map<String, Map<String, java.util.Set<String>>> caughtAlternates = new TreeMap<>();
        java.util.List<org.chokepoint.model.Alternate> alts = c.network().alternates();
        for (Decision d : decisions.effective()) {
            if (d.link() >= 0 && d.link() < c.linkCount()) {
                caught.computeIfAbsent(d.measure(), k -> new HashMap<>()).merge(d.link(), d,
                        (a, b) -> weight(b) > weight(a) ? b : a);
            } else if (d.link() >= c.linkCount()) {
                for (int i = 0; i < alts.size(); i++) {
                    if (c.alternate(i) == d.link()) {
                        caughtAlternates.computeIfAbsent(d.measure(), k -> new TreeMap<>())
                                .computeIfAbsent(alts.get(i).site(), k -> new java.util.TreeSet<>())
                                .add(d.linkName() + " (" + d.item() + ")");
                    }
                }
            }
        }
        int[] ends = c.demandSites();
        List<Row> rows = new ArrayList<>();
        // Measures in file order.
        for (Measure m : decisions.scenario().measures()) {
            Map<Integer, Decision> links = caught.getOrDefault(m.id(), Map.of());
            Map<String, java.util.Set<String>> closed = caughtAlternates.getOrDefault(m.id(), Map.of());
            if (links.isEmpty() && closed.isEmpty()) {
                continue;
            }
            List<Map<Integer, Double>> attribution = attribute(c, links);
            for (int s : ends) {
                Map<Integer, Double> a = attribution.get(s);
                List<Input> inputs = new ArrayList<>();
                double share = 0;
                for (Map.Entry<Integer, Double> e : a.entrySet()) {
                    Decision d = links.get(e.getKey());
                    int l = e.getKey();
                    inputs.add(new Input(d.linkName(), d.item(), c.network().site(c.siteId(c.linkCustomer(l))).location(),
                            e.getValue(), Basis.of(d), d.decisiveStep()));
                    share += e.getValue();
                }
                inputs.sort(Comparator.comparingDouble((Input x) -> -x.share()).thenComparing(Input::link));
                List<String> fallbacks = new ArrayList<>();
                if (!closed.isEmpty()) {
                    for (int u : upstream(c, s)) {
                        fallbacks.addAll(closed.getOrDefault(c.siteId(u), java.util.Set.of()));
                    }
                }
                rows.add(new Row(c.siteId(s), c.network().site(c.siteId(s)).makes(), m.id(), m.authority(), m.type(),
                        conditionOf.get(m.id()), share, List.copyOf(inputs), List.copyOf(fallbacks)));
            }
        }
        return List.copyOf(rows);
    }

    /** Site {@code s} and every site that supplies it, directly or through others, in site order. */
    static java.util.SortedSet<Integer> upstream(CompiledNetwork c, int s) {
        java.util.SortedSet<Integer> seen = new java.util.TreeSet<>();
        java.util.ArrayDeque<Integer> todo = new java.util.ArrayDeque<>(List.of(s));
        while (!todo.isEmpty()) {
            int x = todo.pop();
            if (seen.add(x)) {
                for (int l : c.inboundLinks(x)) {
                    todo.push(c.linkFrom(l));
                }
            }
        }
        return seen;
    }

    /** The part of a link a decision restricts. */
    static double weight(Decision d) {
        return switch (d.effect()) {
            case LICENSE, BLOCK, MARKUP -> 1;
            case PARTIAL -> 1 - d.factor();
            default -> 0;
        };
    }

    /**
     * For every site, the caught links behind it and the share of its cost each carries: swept in
     * site order until nothing changes (a loop of links converges, as recipe shares of cost are
     * below one).
     */
    private static List<Map<Integer, Double>> attribute(CompiledNetwork c, Map<Integer, Decision> caught) {
        int n = c.siteCount();
        List<Map<Integer, Double>> a = new ArrayList<>();
        for (int s = 0; s < n; s++) {
            a.add(new TreeMap<>());
        }
        for (int pass = 0; pass <= Math.max(n, 200); pass++) {
            boolean changed = false;
            for (int s = 0; s < n; s++) {
                Map<Integer, Double> next = new TreeMap<>();
                double price = c.basePrice(s);
                for (int l : c.inboundLinks(s)) {
                    int from = c.linkFrom(l);
                    double v = price > 0 ? c.linkQuantity(l) * c.linkShare(l) * c.basePrice(from) * (1 + c.linkMarkup(l)) / price : 0;
                    Decision d = caught.get(l);
                    double w = d == null ? 0 : weight(d);
                    if (w > 0) {
                        next.merge(l, v * w, Double::sum);
                    }
                    if (w < 1) {
                        double pass_ = v * (1 - w);
                        a.get(from).forEach((k, x) -> next.merge(k, x * pass_, Double::sum));
                    }
                }
                if (!close(next, a.get(s))) {
                    changed = true;
                }
                a.set(s, next);
            }
            if (!changed) {
                break;
            }
        }
        return a;
    }

    private static boolean close(Map<Integer, Double> x, Map<Integer, Double> y) {
        if (!x.keySet().equals(y.keySet())) {
            return false;
        }
        for (var e : x.entrySet()) {
            if (Math.abs(e.getValue() - y.get(e.getKey())) > 1e-12) {
                return false;
            }
        }
        return true;
    }
}
