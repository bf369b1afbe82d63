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
 * <p>{@code leastPeriod} is the engine's floor ({@link LeastPeriod}): the least any period of this
 * model has to do, on the same links in the same order, with nothing else.
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

    LeastPeriod least;

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

        csr = new CsrMatrix(n, c);
        x = new double[sites];
        java.util.Arrays.fill(x, 1.0);
        y = new double[sites];
        least = new LeastPeriod(c);
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
        return least.run(PERIODS);
    }

    /** The yardstick with the state per slot, suppliers' order sums scattered from the customers' side. */
    @Benchmark
    @OperationsPerInvocation(PERIODS)
    public double[] leastPeriodPerSlotScatter() {
        return least.perSlot(PERIODS, false);
    }

    /** The same, with suppliers' order sums gathered over their out-links after the slots' pass instead of scattered. */
    @Benchmark
    @OperationsPerInvocation(PERIODS)
    public double[] leastPeriodPerSlotGather() {
        return least.perSlot(PERIODS, true);
    }

    @Benchmark
    public double[] csrPass() {
        return csr.multiply(x, y);
    }
}
