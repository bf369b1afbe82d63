package org.chokepoint.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.chokepoint.api.Chokepoint;
import org.chokepoint.model.Scenario;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run a scenario.",
                "This version loads and checks the scenario and its network and prints their summary;",
                "simulation, Monte Carlo and reports are being added."})
final class RunCommand implements java.util.concurrent.Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "The scenario file (.yaml, .yml or .json).")
    Path scenario;

    @Override
    public Integer call() {
        Scenario s = Chokepoint.loadScenario(scenario);
        PrintWriter out = spec.commandLine().getOut();
        out.println(scenario + ": ok");
        Summary.scenario(out, s);
        out.println("Simulation is not available in this version yet: the scenario was checked, nothing was simulated.");
        out.flush();
        return Main.OK;
    }
}
