package org.chokepoint.cli;

import java.nio.file.Path;
import java.util.List;
import org.chokepoint.io.ScenarioReader;
import org.chokepoint.model.Network;
import org.chokepoint.model.Scenario;

/** A file given on the command line: a scenario, or a network on its own. */
record Inputs(Scenario scenario, Network network) {

    static Inputs load(Path path) {
        try (LoadProgress progress = new LoadProgress()) {
            ScenarioReader.Loaded loaded = ScenarioReader.readAny(path, progress);
            return new Inputs(loaded.scenario(), loaded.network());
        }
    }

    /** The files a scenario was read from: the scenario file, its network file or folder (unless inline), its law files. */
    static List<Path> files(Path scenarioFile, Scenario s) {
        return ScenarioReader.inputFiles(scenarioFile, s);
    }

    /** The scenario's network file or folder, or null when the network is written inline. */
    static Path network(Path scenarioFile, Scenario s) {
        return ScenarioReader.networkPath(scenarioFile, s);
    }
}
