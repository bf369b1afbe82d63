package org.chokepoint.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.chokepoint.engine.CompiledNetwork;
import org.jgrapht.Graph;
import org.jgrapht.alg.flow.EdmondsKarpMFImpl;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleDirectedWeightedGraph;

/**
 * Where the network has no second way: inputs with one source and no alternate; sites whose loss
 * alone stops an end item; the fewest sites whose loss cuts an end item off from every source of
 * one of its inputs; and how concentrated the supply of each item is (Herfindahl–Hirschman).
 *
 * <p>A site needs every input of its recipe, and each input from any one of its sources (links
 * or alternates): single points of failure are found by taking each site out in turn and asking
 * which end items can still be made — a fixpoint over that AND–OR structure. Minimum cuts are
 * vertex cuts on the supply graph (JGraphT's Edmonds–Karp on the graph with every site split into
 * an in and an out vertex joined by an edge of capacity one): removing the sites of a cut
 * certainly stops the end item; because a site needs all its inputs, a smaller set may stop it
 * too, and the single points of failure list every set of one.
 */
public final class SupplyRisk {

    private SupplyRisk() {}

    /** An input with a single source and no alternate. */
    public record SingleSource(String site, String item, String supplier) {}

    /**
     * @param singlePoints sites (other than its own) whose loss alone stops the end item
     * @param cut the fewest sites whose loss cuts the end item off from every source of {@code cutInput}
     */
    public record EndItemRisk(String site, String item, List<String> singlePoints, String cutInput, List<String> cut) {}

    /** Herfindahl–Hirschman indices (0 to 10,000) of an item's baseline output by firm and by country of the site. */
    public record Concentration(String item, int sites, double byFirm, double byCountry, String largestFirm, double largestShare) {}

    public record Result(List<SingleSource> singleSources, List<EndItemRisk> endItems, List<Concentration> concentration) {}

    public static Result of(CompiledNetwork c) {
        return new Result(singleSources(c), endItems(c), concentration(c));
    }

    static List<SingleSource> singleSources(CompiledNetwork c) {
        List<SingleSource> out = new ArrayList<>();
        for (int k = 0; k < c.slotCount(); k++) {
            int[] links = c.slotLinks(k);
            if (links.length == 1 && c.alternateStart(k) == c.alternateEnd(k)) {
                out.add(new SingleSource(c.siteId(c.slotSite(k)), c.slotItemId(k), c.siteId(c.linkFrom(links[0]))));
            }
        }
        return List.copyOf(out);
    }

    /** Which sites can make their item when {@code down} cannot (-1: none down): all inputs, each from some source. */
    static boolean[] producible(CompiledNetwork c, int down) {
        int n = c.siteCount();
        boolean[] ok = new boolean[n];
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int s = 0; s < n; s++) {
                if (ok[s] || s == down) {
                    continue;
                }
                boolean all = true;
                for (int k = c.slotStart(s); k < c.slotEnd(s) && all; k++) {
                    all = anySource(c, k, ok);
                }
                if (all) {
                    ok[s] = true;
                    changed = true;
                }
            }
        }
        return ok;
    }

    private static boolean anySource(CompiledNetwork c, int k, boolean[] ok) {
        for (int l : c.slotLinks(k)) {
            if (ok[c.linkFrom(l)]) {
                return true;
            }
        }
        for (int a = c.alternateStart(k); a < c.alternateEnd(k); a++) {
            if (ok[c.linkFrom(a)]) {
                return true;
            }
        }
        return false;
    }

    static List<EndItemRisk> endItems(CompiledNetwork c) {
        int[] ends = c.demandSites();
        boolean[] all = producible(c, -1);
        List<List<String>> spof = new ArrayList<>();
        for (int i = 0; i < c.siteCount(); i++) {
            spof.add(new ArrayList<>());
        }
        for (int x = 0; x < c.siteCount(); x++) {
            boolean[] ok = producible(c, x);
            for (int s : ends) {
                if (s != x && all[s] && !ok[s]) {
                    spof.get(s).add(c.siteId(x));
                }
            }
        }
        List<EndItemRisk> out = new ArrayList<>();
        for (int s : ends) {
            String bestInput = null;
            List<String> best = null;
            for (int k = c.slotStart(s); k < c.slotEnd(s); k++) {
                List<String> cut = minimumCut(c, s, k);
                if (best == null || cut.size() < best.size()) {
                    best = cut;
                    bestInput = c.slotItemId(k);
                }
            }
            out.add(new EndItemRisk(c.siteId(s), c.network().site(c.siteId(s)).makes(), List.copyOf(spof.get(s)), bestInput,
                    best == null ? List.of() : best));
        }
        return List.copyOf(out);
    }

    /**
     * The fewest sites on the supply graph whose removal leaves no path from any source site (one
     * with no inputs) into slot k of site s. Vertices: 2v is site v's in, 2v + 1 its out, joined
     * by capacity 1; supply edges and alternates out → in with unbounded capacity; the super
     * source -1 feeds every source site's in; the sink is -2, fed by slot k's suppliers.
     */
    static List<String> minimumCut(CompiledNetwork c, int s, int k) {
        Graph<Integer, DefaultWeightedEdge> g = new SimpleDirectedWeightedGraph<>(DefaultWeightedEdge.class);
        double inf = c.siteCount() + 1.0;
        int source = -1;
        int sink = -2;
        g.addVertex(source);
        g.addVertex(sink);
        for (int v = 0; v < c.siteCount(); v++) {
            g.addVertex(2 * v);
            g.addVertex(2 * v + 1);
            g.setEdgeWeight(g.addEdge(2 * v, 2 * v + 1), 1);
            if (c.slotStart(v) == c.slotEnd(v)) {
                g.setEdgeWeight(g.addEdge(source, 2 * v), inf);
            }
        }
        for (int l = 0; l < c.allLinkCount(); l++) {
            int from = c.linkFrom(l);
            int to = c.linkCustomer(l);
            if (to == s) {
                if (c.linkSlot(l) == k && !g.containsEdge(2 * from + 1, sink)) {
                    g.setEdgeWeight(g.addEdge(2 * from + 1, sink), inf);
                }
            } else if (from != to && !g.containsEdge(2 * from + 1, 2 * to)) {
                g.setEdgeWeight(g.addEdge(2 * from + 1, 2 * to), inf);
            }
        }
        EdmondsKarpMFImpl<Integer, DefaultWeightedEdge> flow = new EdmondsKarpMFImpl<>(g);
        flow.calculateMinCut(source, sink);
        java.util.Set<Integer> reach = flow.getSourcePartition();
        List<String> cut = new ArrayList<>();
        for (int v = 0; v < c.siteCount(); v++) {
            if (reach.contains(2 * v) && !reach.contains(2 * v + 1)) {
                cut.add(c.siteId(v));
            }
        }
        return List.copyOf(cut);
    }

    static List<Concentration> concentration(CompiledNetwork c) {
        Map<String, Map<String, Double>> byFirm = new TreeMap<>();
        Map<String, Map<String, Double>> byCountry = new TreeMap<>();
        Map<String, Integer> sites = new TreeMap<>();
        for (int s = 0; s < c.siteCount(); s++) {
            var site = c.network().site(c.siteId(s));
            double out = c.baseOutput(s);
            byFirm.computeIfAbsent(site.makes(), k -> new TreeMap<>()).merge(site.firm(), out, Double::sum);
            byCountry.computeIfAbsent(site.makes(), k -> new TreeMap<>()).merge(site.location(), out, Double::sum);
            sites.merge(site.makes(), 1, Integer::sum);
        }
        List<Concentration> out = new ArrayList<>();
        for (String item : byFirm.keySet()) {
            Map<String, Double> firms = byFirm.get(item);
            double total = firms.values().stream().mapToDouble(Double::doubleValue).sum();
            if (total <= 0) {
                continue; // made only as a fallback: no baseline supply to measure
            }
            var largest = firms.entrySet().stream().max(Comparator.comparingDouble((Map.Entry<String, Double> e) -> e.getValue())
                    .thenComparing(Map.Entry::getKey, Comparator.reverseOrder())).orElseThrow();
            out.add(new Concentration(item, sites.get(item), hhi(firms.values(), total), hhi(byCountry.get(item).values(), total),
                    largest.getKey(), largest.getValue() / total));
        }
        out.sort(Comparator.comparingDouble((Concentration x) -> -x.byCountry()).thenComparing(Concentration::item));
        return List.copyOf(out);
    }

    /** Σ (100 × share)², the antitrust convention: 10,000 for a monopoly. */
    public static double hhi(java.util.Collection<Double> amounts, double total) {
        double h = 0;
        for (double a : amounts) {
            double pct = 100 * a / total;
            h += pct * pct;
        }
        return h;
    }
}
