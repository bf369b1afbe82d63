package org.chokepoint.api;

import java.nio.file.Path;
import org.chokepoint.analysis.RunSummary;
import org.chokepoint.engine.CompiledNetwork;
import org.chokepoint.engine.Parameters;
import org.chokepoint.engine.SeriesRecorder;
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

    /** Reads a network: a YAML or JSON file, or a folder of CSV tables. */
    public static Network loadNetwork(Path path) {
        return NetworkReader.read(path);
    }

    /**
     * Simulates a scenario once, recording every series. Measures are not applied yet: this is the
     * run without measures (the policy engine will turn them into a timeline).
     */
    public static Run simulate(Scenario scenario, Parameters parameters) {
        CompiledNetwork compiled = CompiledNetwork.of(scenario.network(), scenario.step());
        Simulation sim = new Simulation(compiled, parameters);
        SeriesRecorder series = new SeriesRecorder();
        sim.run(Timeline.NONE, scenario.periods(), sim.newState(), series);
        return new Run(scenario, compiled, series, RunSummary.of(compiled, series));
    }

    /** One simulated run: the compiled network, every recorded series, and the headline figures. */
    public record Run(Scenario scenario, CompiledNetwork network, SeriesRecorder series, RunSummary summary) {}

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
