package org.chokepoint.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.chokepoint.model.InvalidInputException;
import org.chokepoint.model.Problem;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check scenario, network and sweep files and print a summary of each.",
                "Every problem is listed as FILE:LINE:COLUMN: path: message, with advice below it.",
                "Exit code 0 when all files are valid, 2 otherwise."})
final class ValidateCommand implements java.util.concurrent.Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Scenario, network or sweep files (.yaml, .yml, .json), or folders of CSV tables.")
    List<Path> files;

    @CommandLine.Option(names = "--strict", description = {"Also refuse a back-test that rests on facts public only after its event"
            + " (an as-of date after the first announcement of a measure taking effect in the run, or the scenario's event)"
            + " unless they are marked calibrated, and, in a scenario that dates its facts, elements with no as-of date."})
    boolean strict;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<Problem> all = new ArrayList<>();
        for (Path file : files) {
            try {
                if (org.chokepoint.io.SweepReader.isSweepFile(file)) {
                    org.chokepoint.io.SweepReader.Loaded sweep = org.chokepoint.io.SweepReader.read(file);
                    out.println(file + ": ok");
                    Summary.sweep(out, sweep);
                    continue;
                }
                Inputs in = Inputs.load(file);
                out.println(file + ": ok");
                if (in.scenario() != null && strict) {
                    List<Problem> late = org.chokepoint.model.Backtest.strictProblems(in.scenario());
                    if (!late.isEmpty()) {
                        all.addAll(late);
                        continue;
                    }
                }
                if (in.scenario() != null) {
                    Summary.scenario(out, in.scenario());
                } else {
                    Summary.network(out, in.network());
                }
            } catch (InvalidInputException e) {
                all.addAll(e.problems());
            }
        }
        out.flush();
        if (!all.isEmpty()) {
            // a network named on its own and through a scenario is one set of problems, said once
            throw new InvalidInputException(new ArrayList<>(new java.util.LinkedHashSet<>(all)));
        }
        return Main.OK;
    }
}
