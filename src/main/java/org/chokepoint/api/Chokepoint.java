package org.chokepoint.api;

import java.nio.file.Path;
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
