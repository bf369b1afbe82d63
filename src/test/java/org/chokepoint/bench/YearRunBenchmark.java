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
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** A year of daily periods on a large network: the time of one whole run, state reset included. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class YearRunBenchmark {

    @Param({"100000"})
    public int sites;

    Simulation sim;
    RunState state;

    @Setup(Level.Trial)
    public void setUp() {
        Network n = SyntheticNetworks.generate(sites, sites * 10, 7);
        sim = new Simulation(CompiledNetwork.of(n, Step.DAY), Parameters.DEFAULT);
        state = sim.newState();
    }

    @Benchmark
    public RunState yearOfDays() {
        sim.run(Timeline.NONE, 365, state, Recorder.NONE);
        return state;
    }
}
