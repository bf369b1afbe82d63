package org.chokepoint.cli;

import java.nio.file.Path;
import org.chokepoint.io.ScenarioReader;
import org.chokepoint.model.Network;
import org.chokepoint.model.Scenario;

/** A file given on the command line: a scenario, or a network on its own. */
record Inputs(Scenario scenario, Network network) {

    static Inputs load(Path path) {
        ScenarioReader.Loaded loaded = ScenarioReader.readAny(path);
        return new Inputs(loaded.scenario(), loaded.network());
    }
}
