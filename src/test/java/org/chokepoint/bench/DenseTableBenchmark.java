package org.chokepoint.bench;

import java.util.concurrent.TimeUnit;
import org.chokepoint.TestNetworks;
import org.chokepoint.engine.CompiledNetwork;
import org.chokepoint.engine.Parameters;
import org.chokepoint.engine.Recorder;
import org.chokepoint.engine.RunState;
import org.chokepoint.engine.Simulation;
import org.chokepoint.engine.Stability;
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
 * A dense input-output table as ARIO studies use (10 regions; {@code sites} sector-regions, each
 * buying every good: {@code sites²} links), daily steps, a 90-day stock cover and one day of lead
 * time, with the restoration time set 10% above the least stable one ({@link Stability}). One
 * period of the engine against one plain CSR pass {@code y = A x} over the same links, and against
 * the engine's floor ({@link LeastPeriod}) on the same table, in the same run. {@link Benchmarks}
 * prints the ratios. Every good here is a sector of one region, so each input slot has one link:
 * what a slot costs is what a link costs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DenseTableBenchmark {

    static final int PERIODS = 20;
    static final int REGIONS = 10;

    @Param({"500", "1000", "2000"})
    public int sites;

    Simulation sim;
    RunState state;
    CsrMatrix csr;
    LeastPeriod least;
    double[] x;
    double[] y;

    @Setup(Level.Trial)
    public void setUp() {
        Network n = TestNetworks.dense(REGIONS, Math.max(1, sites / REGIONS), 0.5, 90, 1, 42);
        CompiledNetwork c = CompiledNetwork.of(n, Step.DAY);
        double tau = 1.1 * Stability.leastRestorationTime(c, 4, Stability.radius(c, 4));
        sim = new Simulation(c, Parameters.DEFAULT.withRestorationTime(tau));
        state = sim.newState();
        int count = c.siteCount();
        csr = new CsrMatrix(n, c);
        x = new double[count];
        java.util.Arrays.fill(x, 1.0);
        y = new double[count];
        least = new LeastPeriod(c);
    }

    @Benchmark
    @OperationsPerInvocation(PERIODS)
    public RunState period() {
        sim.run(Timeline.NONE, PERIODS, state, Recorder.NONE);
        return state;
    }

    @Benchmark
    @OperationsPerInvocation(PERIODS)
    public double[] leastPeriod() {
        return least.run(PERIODS);
    }

    @Benchmark
    @OperationsPerInvocation(PERIODS)
    public double[] leastPeriodPerSlotScatter() {
        return least.perSlot(PERIODS, false);
    }

    @Benchmark
    public double[] csrPass() {
        return csr.multiply(x, y);
    }
}
