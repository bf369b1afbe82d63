package org.chokepoint.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.chokepoint.io.AtomicFiles;
import org.chokepoint.io.GraphExport;
import org.chokepoint.io.OutputFolder;
import org.chokepoint.model.Measure;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "graph", mixinStandardHelpOptions = true,
        description = {"Export the supply graph: sites as nodes, links as edges.",
                "DOT fills sites by country and outlines in red the sites of firms named by a measure.",
                "Render DOT with Graphviz, e.g.: dot -Tsvg supply.dot -o supply.svg"})
final class GraphCommand implements java.util.concurrent.Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "A scenario or network file, or a folder of CSV tables.")
    Path file;

    @Option(names = "--format", defaultValue = "dot", paramLabel = "FORMAT",
            description = "dot, graphml or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Output file (default: standard output).")
    Path output;

    @Option(names = "--force", description = "Replace the output file if it exists.")
    boolean force;

    @Override
    public Integer call() throws IOException {
        GraphExport.Format f;
        try {
            f = GraphExport.format(format);
        } catch (IllegalArgumentException e) {
            throw new Main.UsageException("unknown graph format '" + format + "'; use dot, graphml or json.");
        }
        if (output != null) {
            OutputFolder.checkFile(output, force);
        }
        Inputs in = Inputs.load(file);
        Set<String> named = new TreeSet<>();
        java.util.Map<String, String> restricted = new java.util.TreeMap<>();
        if (in.scenario() != null) {
            for (Measure m : in.scenario().measures()) {
                named.addAll(m.firms());
            }
            java.util.Map<String, Set<String>> by = new java.util.TreeMap<>();
            for (var d : org.chokepoint.api.Chokepoint.decide(in.scenario()).effective()) {
                if (d.link() >= 0) {
                    by.computeIfAbsent(d.linkName(), k -> new TreeSet<>()).add(d.measure());
                }
            }
            by.forEach((k, v) -> restricted.put(k, String.join(", ", v)));
        }
        if (output == null) {
            var out = new java.io.ByteArrayOutputStream();
            GraphExport.write(in.network(), named, restricted, f, out);
            spec.commandLine().getOut().print(out.toString(java.nio.charset.StandardCharsets.UTF_8));
            spec.commandLine().getOut().flush();
        } else {
            try {
                AtomicFiles.write(output, o -> GraphExport.write(in.network(), named, restricted, f, o));
            } catch (IOException e) {
                throw new org.chokepoint.io.OutputException("could not write " + output + ": " + e.getMessage(),
                        "Check that the disk has free space and that you may write there.");
            }
            spec.commandLine().getErr().println("wrote " + output);
        }
        return Main.OK;
    }
}
