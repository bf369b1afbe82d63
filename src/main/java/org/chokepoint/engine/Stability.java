package org.chokepoint.engine;

/**
 * Whether the order rule keeps a network at its equilibrium: the stability condition of an
 * order-up-to rule with a stock and pipeline target (see docs/model.md, "Stability").
 *
 * <p>A site orders, for each input, {@code need = use + (target + use·L̄ − stock − in transit) / τ}
 * with {@code target = cover · use} and {@code use = a · orders received}. A change δ in the orders
 * a site receives therefore changes what it orders of each input by
 * {@code a · (1 + (cover + L̄) / τ) · δ} at once: it uses more, and it raises its stock and
 * pipeline targets by {@code (cover + L̄) · a · δ}, of which it orders a {@code 1/τ} share now. Passed
 * from tier to tier through the supply links, changes are multiplied by the order-gain matrix
 * {@code G[supplier][site] = Σ a · (1 + (cover + L̄) / τ) · share} over the site's inputs. When its
 * spectral radius ρ(G) is below 1 every change dies away and an unshocked run stays at the Leontief
 * solution (to round-off, over any horizon); at or above 1, round-off grows by about ρ(G) a period
 * until orders overflow. With {@code τ} large the gain tends to the input-output matrix itself,
 * whose radius is below 1 for any productive economy. Measured on dense tables, the condition is
 * sharp: 10% either side of the critical {@code τ} separates 1e-14 after five years from divergence.
 *
 * <p>Alternates take no orders at equilibrium and are left out; stockpiling factors set by
 * measures raise the cover only after a shock.
 */
public final class Stability {

    /** Iterations of the power method at most; each is one pass over the links. */
    static final int MAX_ITERATIONS = 2000;

    private Stability() {}

    /**
     * The spectral radius of the order-gain matrix, or of the input-output matrix itself with
     * {@code restorationTime} infinite. The radius of a non-negative matrix is the largest of its
     * strongly connected components' (supply loops); a network without loops has radius 0. Each
     * loop's radius comes from the power method on {@code G + I} (its largest eigenvalue is real and
     * dominant) with Collatz–Wielandt bounds: the result is an upper bound, tight to 1e-9 unless the
     * iterations ran out.
     */
    public static double radius(CompiledNetwork n, double restorationTime) {
        int sites = n.siteCount;
        // Gain edges supplier -> customer site, in CSR by supplier.
        int[] count = new int[sites + 1];
        double[] slotGain = new double[n.slotCount];
        for (int k = 0; k < n.slotCount; k++) {
            slotGain[k] = n.slotQty[k] * (1 + (n.slotCover[k] + n.slotLeadBar[k]) / restorationTime);
            for (int l = n.inOffsets[k]; l < n.inOffsets[k + 1]; l++) {
                count[n.linkFrom[l] + 1]++;
            }
        }
        for (int i = 0; i < sites; i++) {
            count[i + 1] += count[i];
        }
        int[] to = new int[count[sites]];
        double[] gain = new double[count[sites]];
        int[] fill = java.util.Arrays.copyOf(count, sites);
        for (int k = 0; k < n.slotCount; k++) {
            for (int l = n.inOffsets[k]; l < n.inOffsets[k + 1]; l++) {
                int e = fill[n.linkFrom[l]]++;
                to[e] = n.slotSite[k];
                gain[e] = slotGain[k] * n.linkShare[l];
            }
        }
        int[] component = components(sites, count, to);
        double radius = 0;
        int components = 0;
        for (int c : component) {
            components = Math.max(components, c + 1);
        }
        // Members of each component, in CSR by component.
        int[] start = new int[components + 1];
        for (int c : component) {
            start[c + 1]++;
        }
        for (int c = 0; c < components; c++) {
            start[c + 1] += start[c];
        }
        int[] members = new int[sites];
        int[] at = java.util.Arrays.copyOf(start, components);
        for (int i = 0; i < sites; i++) {
            members[at[component[i]]++] = i;
        }
        double[] y = new double[sites];
        double[] z = new double[sites];
        for (int c = 0; c < components; c++) {
            int size = start[c + 1] - start[c];
            int first = members[start[c]];
            boolean loop = size > 1;
            for (int e = count[first]; e < count[first + 1] && !loop; e++) {
                loop = to[e] == first && gain[e] > 0;
            }
            if (loop) {
                radius = Math.max(radius, componentRadius(members, start[c], start[c + 1], component, c, count, to, gain, y, z));
            }
        }
        return radius;
    }

    /** The power method on one strongly connected component, G + I restricted to it. */
    private static double componentRadius(int[] members, int from, int until, int[] component, int c, int[] count, int[] to,
                                          double[] gain, double[] y, double[] z) {
        for (int m = from; m < until; m++) {
            y[members[m]] = 1;
        }
        double upper = Double.MAX_VALUE;
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            for (int m = from; m < until; m++) {
                int i = members[m];
                double sum = y[i];
                for (int e = count[i]; e < count[i + 1]; e++) {
                    if (component[to[e]] == c) {
                        sum += gain[e] * y[to[e]];
                    }
                }
                z[i] = sum;
            }
            double hi = 0;
            double lo = Double.MAX_VALUE;
            double max = 0;
            for (int m = from; m < until; m++) {
                int i = members[m];
                double r = z[i] / y[i];
                hi = Math.max(hi, r);
                lo = Math.min(lo, r);
                max = Math.max(max, z[i]);
            }
            upper = Math.min(upper, hi - 1);
            if (hi - lo < 1e-9 * hi) {
                break;
            }
            for (int m = from; m < until; m++) {
                y[members[m]] = z[members[m]] / max;
            }
        }
        return Math.max(0, upper);
    }

    /** Strongly connected components (Tarjan's algorithm, iterative): the component of each site. */
    static int[] components(int sites, int[] count, int[] to) {
        int[] index = new int[sites];
        int[] low = new int[sites];
        int[] component = new int[sites];
        java.util.Arrays.fill(index, -1);
        boolean[] onStack = new boolean[sites];
        int[] stack = new int[sites];
        int[] callSite = new int[sites];
        int[] callEdge = new int[sites];
        int top = 0;
        int next = 0;
        int components = 0;
        for (int root = 0; root < sites; root++) {
            if (index[root] >= 0) {
                continue;
            }
            int depth = 0;
            callSite[0] = root;
            callEdge[0] = count[root];
            index[root] = low[root] = next++;
            stack[top++] = root;
            onStack[root] = true;
            while (depth >= 0) {
                int v = callSite[depth];
                if (callEdge[depth] < count[v + 1]) {
                    int w = to[callEdge[depth]++];
                    if (index[w] < 0) {
                        index[w] = low[w] = next++;
                        stack[top++] = w;
                        onStack[w] = true;
                        depth++;
                        callSite[depth] = w;
                        callEdge[depth] = count[w];
                    } else if (onStack[w]) {
                        low[v] = Math.min(low[v], index[w]);
                    }
                } else {
                    if (low[v] == index[v]) {
                        int w;
                        do {
                            w = stack[--top];
                            onStack[w] = false;
                            component[w] = components;
                        } while (w != v);
                        components++;
                    }
                    depth--;
                    if (depth >= 0) {
                        int u = callSite[depth];
                        low[u] = Math.min(low[u], low[v]);
                    }
                }
            }
        }
        return component;
    }

    /** Whether an unshocked run stays at equilibrium with this restoration time. */
    public static boolean stable(CompiledNetwork n, double restorationTime) {
        return radius(n, restorationTime) < 1;
    }

    /**
     * About the least restoration time that makes the rule stable, given the radius {@code rho} at
     * {@code restorationTime}; NaN when none does (the input-output matrix itself has radius 1 or
     * more). Exact when every input has the same cover and lead time, as then
     * {@code ρ(G) = ρ(A) (1 + (cover + L̄)/τ)}; otherwise that estimate is raised until it is stable.
     */
    public static double leastRestorationTime(CompiledNetwork n, double restorationTime, double rho) {
        double base = radius(n, Double.POSITIVE_INFINITY);
        if (base >= 1) {
            return Double.NaN;
        }
        double tau = Math.max(restorationTime, restorationTime * (rho - base) / (1 - base)) * 1.01;
        for (int i = 0; i < 30 && !stable(n, tau); i++) {
            tau *= 1.25;
        }
        return Math.ceil(tau);
    }

    /** The longest stock cover plus mean lead time of any input, in periods, for messages. */
    public static double longestCover(CompiledNetwork n) {
        double m = 0;
        for (int k = 0; k < n.slotCount; k++) {
            m = Math.max(m, n.slotCover[k] + n.slotLeadBar[k]);
        }
        return m;
    }

    /** What is wrong, with the numbers, and what to change. */
    public record Instability(String message, String advice) {}

    /** Why the scenario's order rule would leave its equilibrium, or null when it is stable. */
    public static Instability check(org.chokepoint.model.Scenario s, double restorationTime) {
        CompiledNetwork n = CompiledNetwork.of(s.network(), s.step());
        double rho = radius(n, restorationTime);
        if (rho < 1) {
            return null;
        }
        double least = leastRestorationTime(n, restorationTime, rho);
        String message = String.format(java.util.Locale.ROOT, "the order rule is unstable on this network: with restoration-time"
                        + " %s and stock cover plus lead time up to %s periods, a change in orders grows %.3g-fold with each tier"
                        + " it passes (stable below 1), so even round-off grows until orders overflow",
                org.chokepoint.model.Checks.fmt(restorationTime), org.chokepoint.model.Checks.fmt(Math.round(longestCover(n) * 100) / 100.0),
                rho);
        String why = "A site raises its stock target by its cover times a change in orders and recovers it over restoration-time"
                + " periods, so it passes the change on magnified; see docs/model.md, Stability.";
        return new Instability(message, Double.isNaN(least) ? "The input-output table itself is not productive. " + why
                : "Set behaviour.restoration-time to " + org.chokepoint.model.Checks.fmt(least)
                        + " periods or more, or hold less stock cover. " + why);
    }
}
