package org.chokepoint.bench;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.chokepoint.analysis.MonteCarlo;
import org.chokepoint.api.Chokepoint;
import org.chokepoint.engine.Parameters;
import org.chokepoint.model.Scenario;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Monte Carlo of the Inspur sample with its uncertainty block (each run draws its parameters,
 * rebuilds and recompiles its scenario, evaluates the policy and simulates 104 weeks), on 1 and 2
 * threads: the speed-up is the ratio of the two scores.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class MonteCarloBenchmark {

    @Param({"1", "2"})
    public int threads;

    @Param({"10000"})
    public int runs;

    /** {@code on}: the scenario's scarcity prices; {@code off}: costs pass through alone. The server pool is in both. */
    @Param({"off", "on"})
    public String prices;

    Parameters parameters;

    Scenario scenario;

    @Setup(Level.Trial)
    public void load() {
        scenario = Chokepoint.loadScenario(Path.of("scenarios/inspur-entity-list-2025.yaml"));
        parameters = prices.equals("on") ? Parameters.of(scenario) : Parameters.of(scenario).withPrices(null);
    }

    @Benchmark
    public MonteCarlo.Result monteCarlo() {
        return MonteCarlo.run(scenario, parameters, runs, threads, new double[] {5, 50, 95}, r -> { });
    }
}
