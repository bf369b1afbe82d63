package org.chokepoint.bench;

import java.util.concurrent.TimeUnit;
import org.chokepoint.analysis.SyntheticNetworks;
import org.chokepoint.engine.CompiledNetwork;
import org.chokepoint.engine.Parameters;
import org.chokepoint.engine.Recorder;
import org.chokepoint.engine.RunState;
import org.chokepoint.engine.Simulation;
import org.chokepoint.engine.Timeline;
import org.chokepoint.model.Network;
import org.chokepoint.model.Step;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One simulated period against one plain CSR sparse matrix–vector product over the same links,
 * measured in the same run: {@code period} runs {@value #PERIODS} periods per operation (state
 * reset included), {@code csrPass} one {@code y = A x} over the links. {@link Benchmarks} prints the
 * ratio. Ten links per site; a tenth of the links are blocked from period 10, so rerouting and
 * alternates are exercised.
 *
 * <p>{@code leastPeriod} is a yardstick for the engine's own floor: the least any period of this
 * model has to do, on the same links in the same order, with nothing else. A site pass turns each
 * site's summed orders into the fraction it ships; a link pass, slot by slot, puts each link's
 * shipment (order × the supplier's fraction, a gather) into the slot's pipeline ring at its lead
 * time, takes the slot's arrival out, sets the slot's need from its stock, and places the order on
 * each link, adding it to the supplier's sum (a scatter). No prices, policy, rationing rules, alternates, records or
 * checks. What it costs against a CSR pass bounds what any engine doing this per link can reach.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EngineBenchmark {

    static final int PERIODS = 100;

    @Param({"1000", "10000", "100000"})
    public int sites;

    /**
     * {@code off}: costs pass through alone, every demand entry its own; {@code on}: scarcity
     * prices in three markets (CN, US, the rest) and the demand for every end item made at more
     * than one site joined into a pool, buyers switching after 4 periods.
     */
    @Param({"off", "on"})
    public String markets;

    Simulation sim;
    RunState state;
    Timeline timeline;

    // CSR of the same links, by customer: y[customer] += value * x[supplier]
    CsrMatrix csr;
    double[] x;
    double[] y;

    // the floor: links in the engine's customer order
    int[] slotLinks;
    int[] slotSite;
    int[] from;
    int[] lead;
    int[] ring;
    double[] share;
    double[] capacity;
    double[] pipe;
    double[] order;
    double[] stock;
    double[] fraction;
    double[] ordersIn;
    int[] mod;
    double[] pipe0;
    double[] order0;
    double[] stock0;
    double[] ordersIn0;

    // the per-slot variants: a slot's need instead of an order per link; links by supplier for the gather
    double[] need;
    double[] need0;
    int[] slotOf;
    int[] outLinks;
    int[] outSlot;
    double[] outShare;

    /** The network with the demand for each end item made at several sites in one pool, in its first entry's market. */
    static Network pooled(Network n) {
        org.chokepoint.model.NetworkBuilder b = new org.chokepoint.model.NetworkBuilder();
        n.items().forEach(b::item);
        n.firms().forEach(b::firm);
        n.sites().forEach(b::site);
        n.links().forEach(b::link);
        n.alternates().forEach(b::alternate);
        java.util.Map<String, Long> makers = new java.util.HashMap<>();
        n.demand().forEach(d -> makers.merge(d.item(), 1L, Long::sum));
        java.util.Map<String, String> market = new java.util.HashMap<>();
        for (org.chokepoint.model.Demand d : n.demand()) {
            if (makers.get(d.item()) > 1) {
                String m = market.computeIfAbsent(d.item(), k -> d.market());
                b.demand(new org.chokepoint.model.Demand(d.item(), m, d.site(), d.quantity(), d.price(), d.path(), "pool-" + d.item(),
                        org.chokepoint.model.Duration.periods(4)));
            } else {
                b.demand(d);
            }
        }
        return b.build();
    }

    @Setup(Level.Trial)
    public void setUp() {
        Network n = SyntheticNetworks.generate(sites, sites * 10, 42);
        Parameters p = Parameters.DEFAULT;
        if (markets.equals("on")) {
            n = pooled(n);
            p = p.withPrices(org.chokepoint.engine.PriceRule.of(0.5, 2, java.util.Map.of(), 1, 8, 5, 0.2,
                    java.util.Map.of("CN", java.util.List.of("CN"), "US", java.util.List.of("US"))));
        }
        CompiledNetwork c = CompiledNetwork.of(n, Step.WEEK);
        sim = new Simulation(c, p);
        state = sim.newState();
        Timeline.Builder b = Timeline.builder(c);
        for (int l = 0; l < c.linkCount(); l += 10) {
            b.block(l, 10, PERIODS);
        }
        timeline = b.build();

        int links = n.links().size();
        csr = new CsrMatrix(n, c);
        x = new double[sites];
        java.util.Arrays.fill(x, 1.0);
        y = new double[sites];

        int slots = c.slotCount();
        slotLinks = new int[slots + 1];
        slotSite = new int[slots];
        from = new int[links];
        lead = new int[links];
        ring = new int[slots + 1];
        share = new double[links];
        order = new double[links];
        int[] ringSize = new int[slots];
        java.util.Arrays.fill(ringSize, 1);
        for (int l = 0; l < links; l++) {
            slotLinks[c.linkSlot(l) + 1]++;
            from[l] = c.linkFrom(l);
            lead[l] = Math.max(1, c.linkLead(l));
            share[l] = c.linkShare(l);
            order[l] = c.baseFlow(l);
            ringSize[c.linkSlot(l)] = Math.max(ringSize[c.linkSlot(l)], lead[l]);
        }
        int longest = 1;
        for (int k = 0; k < slots; k++) {
            slotLinks[k + 1] += slotLinks[k];
            slotSite[k] = c.slotSite(k);
            ring[k + 1] = ring[k] + ringSize[k];
            longest = Math.max(longest, ringSize[k]);
        }
        capacity = new double[sites];
        for (int s = 0; s < sites; s++) {
            capacity[s] = c.capacity(s);
        }
        pipe = new double[ring[slots]];
        stock = new double[slots];
        fraction = new double[sites];
        ordersIn = new double[sites];
        mod = new int[longest + 1];
        // Start as the engine does: in the Leontief equilibrium, pipelines full, two periods of stock.
        for (int l = 0; l < links; l++) {
            int k = c.linkSlot(l);
            for (int i = 0; i < lead[l]; i++) {
                pipe[ring[k] + i] += order[l];
            }
            stock[k] += 2 * order[l];
            ordersIn[from[l]] += order[l];
        }
        // per slot: last period's need, so that need x share is each link's order (as in the Leontief start)
        need = new double[slots];
        slotOf = new int[links];
        for (int l = 0; l < links; l++) {
            slotOf[l] = c.linkSlot(l);
            if (share[l] > 0) {
                need[slotOf[l]] = order[l] / share[l];
            }
        }
        need0 = need.clone();
        outLinks = new int[sites + 1];
        for (int l = 0; l < links; l++) {
            outLinks[from[l] + 1]++;
        }
        for (int i = 0; i < sites; i++) {
            outLinks[i + 1] += outLinks[i];
        }
        outSlot = new int[links];
        outShare = new double[links];
        int[] fill = outLinks.clone();
        for (int l = 0; l < links; l++) {
            int at = fill[from[l]]++;
            outSlot[at] = slotOf[l];
            outShare[at] = share[l];
        }
        pipe0 = pipe.clone();
        order0 = order.clone();
        stock0 = stock.clone();
        ordersIn0 = ordersIn.clone();
    }

    @Benchmark
    @OperationsPerInvocation(PERIODS)
    public RunState period() {
        sim.run(timeline, PERIODS, state, Recorder.NONE);
        return state;
    }

    @Benchmark
    @OperationsPerInvocation(PERIODS)
    public double[] leastPeriod() {
        final int[] sl = slotLinks;
        final int[] fr = from;
        final int[] ld = lead;
        final int[] rg = ring;
        final double[] sh = share;
        final double[] pp = pipe;
        final double[] od = order;
        final double[] st = stock;
        final double[] fc = fraction;
        final double[] in = ordersIn;
        final int[] md = mod;
        System.arraycopy(pipe0, 0, pp, 0, pp.length); // a fresh run, as the engine resets its state
        System.arraycopy(order0, 0, od, 0, od.length);
        System.arraycopy(stock0, 0, st, 0, st.length);
        System.arraycopy(ordersIn0, 0, in, 0, in.length);
        for (int t = 0; t < PERIODS; t++) {
            for (int size = 1; size < md.length; size++) {
                md[size] = t % size;
            }
            for (int s = 0; s < fc.length; s++) {
                double orders = in[s];
                in[s] = 0;
                fc[s] = orders > capacity[s] ? capacity[s] / orders : 1;
            }
            for (int k = 0; k < st.length; k++) {
                final int at = rg[k];
                final int size = rg[k + 1] - at;
                final int now = md[size];
                double arrived = pp[at + now];
                pp[at + now] = 0;
                double sent = 0;
                for (int l = sl[k]; l < sl[k + 1]; l++) {
                    double q = od[l] * fc[fr[l]];
                    int cell = now + ld[l];
                    pp[at + (cell >= size ? cell - size : cell)] += q;
                    sent += q;
                }
                double level = st[k] + arrived;
                double need = Math.max(0, sent + 0.5 * (sent - level));
                st[k] = Math.max(0, level - sent);
                for (int l = sl[k]; l < sl[k + 1]; l++) {
                    double q = need * sh[l];
                    od[l] = q;
                    in[fr[l]] += q;
                }
            }
        }
        return st;
    }

    /**
     * The yardstick with the state per slot, as a per-slot fast path would keep it: no order stored
     * per link (a link's order is the slot's last need times its share), suppliers' order sums
     * still scattered from the customers' side.
     */
    @Benchmark
    @OperationsPerInvocation(PERIODS)
    public double[] leastPeriodPerSlotScatter() {
        return perSlot(false);
    }

    /** The same, with suppliers' order sums gathered over their out-links after the slots' pass instead of scattered. */
    @Benchmark
    @OperationsPerInvocation(PERIODS)
    public double[] leastPeriodPerSlotGather() {
        return perSlot(true);
    }

    private double[] perSlot(boolean gather) {
        final int[] sl = slotLinks;
        final int[] fr = from;
        final int[] ld = lead;
        final int[] rg = ring;
        final double[] sh = share;
        final double[] pp = pipe;
        final double[] st = stock;
        final double[] fc = fraction;
        final double[] in = ordersIn;
        final double[] nd = need;
        final int[] md = mod;
        final int[] ol = outLinks;
        final int[] os = outSlot;
        final double[] osh = outShare;
        System.arraycopy(pipe0, 0, pp, 0, pp.length);
        System.arraycopy(need0, 0, nd, 0, nd.length);
        System.arraycopy(stock0, 0, st, 0, st.length);
        System.arraycopy(ordersIn0, 0, in, 0, in.length);
        for (int t = 0; t < PERIODS; t++) {
            for (int size = 1; size < md.length; size++) {
                md[size] = t % size;
            }
            for (int s = 0; s < fc.length; s++) {
                double orders = in[s];
                in[s] = 0;
                fc[s] = orders > capacity[s] ? capacity[s] / orders : 1;
            }
            for (int k = 0; k < st.length; k++) {
                final int at = rg[k];
                final int size = rg[k + 1] - at;
                final int now = md[size];
                double arrived = pp[at + now];
                pp[at + now] = 0;
                double sent = 0;
                final double last = nd[k];
                for (int l = sl[k]; l < sl[k + 1]; l++) {
                    double q = last * sh[l] * fc[fr[l]];
                    int cell = now + ld[l];
                    pp[at + (cell >= size ? cell - size : cell)] += q;
                    sent += q;
                }
                double level = st[k] + arrived;
                double next = Math.max(0, sent + 0.5 * (sent - level));
                st[k] = Math.max(0, level - sent);
                nd[k] = next;
                if (!gather) {
                    for (int l = sl[k]; l < sl[k + 1]; l++) {
                        in[fr[l]] += next * sh[l];
                    }
                }
            }
            if (gather) {
                for (int s = 0; s < in.length; s++) {
                    double sum = 0;
                    for (int i = ol[s]; i < ol[s + 1]; i++) {
                        sum += nd[os[i]] * osh[i];
                    }
                    in[s] = sum;
                }
            }
        }
        return st;
    }

    @Benchmark
    public double[] csrPass() {
        return csr.multiply(x, y);
    }
}
