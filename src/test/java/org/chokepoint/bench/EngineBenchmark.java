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
import org.chokepoint.model.SupplyLink;
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
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EngineBenchmark {

    static final int PERIODS = 100;

    @Param({"1000", "10000", "100000"})
    public int sites;

    Simulation sim;
    RunState state;
    Timeline timeline;

    // CSR of the same links, by customer: y[customer] += value * x[supplier]
    int[] offsets;
    int[] columns;
    double[] values;
    double[] x;
    double[] y;

    @Setup(Level.Trial)
    public void setUp() {
        Network n = SyntheticNetworks.generate(sites, sites * 10, 42);
        CompiledNetwork c = CompiledNetwork.of(n, Step.WEEK);
        sim = new Simulation(c, Parameters.DEFAULT);
        state = sim.newState();
        Timeline.Builder b = Timeline.builder(c);
        for (int l = 0; l < c.linkCount(); l += 10) {
            b.block(l, 10, PERIODS);
        }
        timeline = b.build();

        int links = n.links().size();
        offsets = new int[sites + 1];
        for (SupplyLink l : n.links()) {
            offsets[c.site(l.to()) + 1]++;
        }
        for (int s = 0; s < sites; s++) {
            offsets[s + 1] += offsets[s];
        }
        columns = new int[links];
        values = new double[links];
        int[] fill = java.util.Arrays.copyOf(offsets, sites);
        for (SupplyLink l : n.links()) {
            int at = fill[c.site(l.to())]++;
            columns[at] = c.site(l.from());
            values[at] = l.share();
        }
        x = new double[sites];
        java.util.Arrays.fill(x, 1.0);
        y = new double[sites];
    }

    @Benchmark
    @OperationsPerInvocation(PERIODS)
    public RunState period() {
        sim.run(timeline, PERIODS, state, Recorder.NONE);
        return state;
    }

    @Benchmark
    public double[] csrPass() {
        final int[] off = offsets;
        final int[] col = columns;
        final double[] val = values;
        final double[] in = x;
        final double[] out = y;
        for (int i = 0; i < out.length; i++) {
            double sum = 0;
            for (int j = off[i]; j < off[i + 1]; j++) {
                sum += val[j] * in[col[j]];
            }
            out[i] = sum;
        }
        return out;
    }
}
