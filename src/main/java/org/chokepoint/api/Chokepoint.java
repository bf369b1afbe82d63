package org.chokepoint.api;

import java.nio.file.Path;
import org.chokepoint.analysis.RunSummary;
import org.chokepoint.analysis.PolicyRun;
import org.chokepoint.policy.PolicyDecisions;
import org.chokepoint.policy.PolicyEvaluator;
import org.chokepoint.engine.CompiledNetwork;
import org.chokepoint.engine.MemoryEstimate;
import org.chokepoint.engine.Parameters;
import org.chokepoint.engine.Recorder;
import org.chokepoint.engine.SeriesRecorder;
import org.chokepoint.analysis.Backtests;
import org.chokepoint.analysis.Futures;
import java.util.ArrayList;
import java.util.List;
import org.chokepoint.engine.Simulation;
import org.chokepoint.engine.Timeline;
import org.chokepoint.io.NetworkReader;
import org.chokepoint.io.ScenarioReader;
import org.chokepoint.model.Network;
import org.chokepoint.model.Scenario;

/**
 * Entry point for scripts: {@code Scenario s = Chokepoint.loadScenario(Path.of("scenarios/x.yaml"));}.
 * Bad input throws {@link org.chokepoint.model.InvalidInputException} listing every problem.
 */
public final class Chokepoint {

    private Chokepoint() {}

    /** Reads a scenario file and the network it names. */
    public static Scenario loadScenario(Path file) {
        return ScenarioReader.read(file);
    }

    /** As {@link #loadScenario(Path)}, telling {@code progress} how far a network of CSV tables has been read. */
    public static Scenario loadScenario(Path file, org.chokepoint.io.ReadProgress progress) {
        return ScenarioReader.read(file, progress);
    }

    /** Reads a network: a YAML or JSON file, or a folder of CSV tables. */
    public static Network loadNetwork(Path path) {
        return NetworkReader.read(path);
    }

    /** What the policy engine decides for a scenario's measures, link by link, with traces. */
    public static PolicyDecisions decide(Scenario scenario) {
        return PolicyEvaluator.evaluate(scenario, CompiledNetwork.of(scenario.network(), scenario.step()));
    }

    /**
     * Simulates a scenario once with its measures (run 0 of its seed: licenses granted and
     * escalations fired as that stream draws them), and once without, recording every site, slot
     * and demand series (not per-link ones: see {@link SeriesRecorder}) and tracing unit costs to
     * their causes (kept at the sites serving final demand: {@link SeriesRecorder#forReports}).
     */
    public static Run simulate(Scenario scenario, Parameters parameters) {
        return simulate(scenario, parameters, false);
    }

    /**
     * As {@link #simulate(Scenario, Parameters)}, keeping every supply link's and alternate's
     * shipments and open share, period by period, when {@code perLink} (16 bytes per link and
     * period: see {@link SeriesRecorder}).
     */
    public static Run simulate(Scenario scenario, Parameters parameters, boolean perLink) {
        return simulate(scenario, parameters, perLink, 1);
    }

    /**
     * As {@link #simulate(Scenario, Parameters, boolean)}, on up to {@code threads} threads: with two
     * or more, the run without the measures goes on a second thread beside the run with them, each
     * with its own state, when the heap has room for the second state. The two runs share nothing
     * they write, so the results are the same to the bit for any number of threads.
     */
    public static Run simulate(Scenario scenario, Parameters parameters, boolean perLink, int threads) {
        return simulate(scenario, parameters, perLink, threads, done -> { });
    }

    /**
     * As {@link #simulate(Scenario, Parameters, boolean, int)}, telling {@code periodsDone}, after
     * every period either run simulates and from the thread that ran it, how far the two runs have
     * come between them, of twice the scenario's periods (a run that an escalation sends back to
     * its start counts from there again).
     */
    public static Run simulate(Scenario scenario, Parameters parameters, boolean perLink, int threads,
                               java.util.function.IntConsumer periodsDone) {
        int[] reached = new int[2]; // the periods each run has come to; the sum told under its lock, so it never goes back between them
        CompiledNetwork compiled = CompiledNetwork.of(scenario.network(), scenario.step());
        PolicyDecisions decisions = PolicyEvaluator.evaluate(scenario, compiled);
        Simulation sim = new Simulation(compiled, parameters);
        var state = sim.newState();
        List<Backtests.Probe> probes = Backtests.probes(scenario, compiled);
        SeriesRecorder series = SeriesRecorder.forReports(perLink);
        Backtests.Recording withMeasures = new Backtests.Recording(series, probes);
        SeriesRecorder baseline = SeriesRecorder.forReports(false);
        Backtests.Recording withoutMeasures = new Backtests.Recording(baseline, probes);
        Recorder with = Recorder.both(withMeasures, (t, st) -> reach(reached, 0, t + 1, periodsDone));
        Recorder without = Recorder.both(withoutMeasures, (t, st) -> reach(reached, 1, t + 1, periodsDone));
        // Without the measures, with the network's own paths (growth, expansions, closures).
        Timeline paths = Timeline.builder(compiled).paths(compiled, scenario.start(), scenario.step(), scenario.periods()).build();
        java.util.concurrent.FutureTask<Void> alongside = null;
        if (threads > 1 && MemoryEstimate.available() > 2 * state.bytes()) {
            alongside = new java.util.concurrent.FutureTask<>(() -> {
                sim.run(paths, scenario.periods(), sim.newState(), without);
                return null;
            });
            Thread helper = new Thread(alongside, "chokepoint-baseline");
            helper.setDaemon(true);
            helper.start();
        }
        PolicyRun.run(sim, decisions, 0, state, with);
        if (alongside != null) {
            Futures.get(alongside); // what failed there is thrown here, as it would have been on this thread
        } else {
            sim.run(paths, scenario.periods(), state, without);
        }
        List<double[]> observedModel = new ArrayList<>();
        List<double[]> observedBaseline = new ArrayList<>();
        for (int i = 0; i < probes.size(); i++) {
            observedModel.add(withMeasures.values(i));
            observedBaseline.add(withoutMeasures.values(i));
        }
        return new Run(scenario, compiled, decisions, series, baseline, RunSummary.of(compiled, series, baseline, scenario.start(), scenario.step()),
                RunSummary.of(compiled, baseline, baseline, scenario.start(), scenario.step()), probes, observedModel, observedBaseline);
    }

    private static void reach(int[] reached, int run, int periods, java.util.function.IntConsumer periodsDone) {
        synchronized (reached) {
            reached[run] = periods;
            periodsDone.accept(reached[0] + reached[1]);
        }
    }

    /**
     * One simulated run: the compiled network, the policy decisions, every recorded series, and the
     * headline figures with the measures and without them; and, for each of the scenario's observed
     * series, the model's values in its months, quarters or years with the measures and without.
     */
    public record Run(Scenario scenario, CompiledNetwork network, PolicyDecisions decisions, SeriesRecorder series,
                      SeriesRecorder baselineSeries, RunSummary summary, RunSummary baseline, List<Backtests.Probe> probes,
                      List<double[]> observedModel, List<double[]> observedBaseline) {}

    /** The version of this build, e.g. {@code 0.1.0}. */
    public static String version() {
        String v = Chokepoint.class.getPackage().getImplementationVersion();
        if (v != null) {
            return v;
        }
        try (var in = Chokepoint.class.getResourceAsStream("/org/chokepoint/version.properties")) {
            if (in != null) {
                var p = new java.util.Properties();
                p.load(in);
                return p.getProperty("version", "dev");
            }
        } catch (java.io.IOException e) {
            // fall through
        }
        return "dev";
    }
}
