package org.chokepoint.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.chokepoint.analysis.SyntheticNetworks;
import org.chokepoint.io.NetworkWriter;
import org.chokepoint.model.Network;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Write a synthetic layered supply network as CSV tables, for tests, benchmarks and method studies.",
                "The same seed gives the same network."})
final class GenerateCommand implements java.util.concurrent.Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--sites", required = true, paramLabel = "N", description = "Number of sites (at least 8).")
    int sites;

    @Option(names = "--links", required = true, paramLabel = "M", description = "Number of supply links (about 10 per site is typical).")
    int links;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR", description = "Output folder; replaced if it exists.")
    Path output;

    @Override
    public Integer call() throws IOException {
        if (sites < 8) {
            throw new Main.UsageException("--sites must be at least 8 (" + sites + ")");
        }
        if (links < 0) {
            throw new Main.UsageException("--links must not be negative (" + links + ")");
        }
        Network n = SyntheticNetworks.generate(sites, links, seed);
        NetworkWriter.writeCsv(n, output);
        spec.commandLine().getErr().printf("wrote %s: %d sites, %d links, %d items, %d firms%n",
                output, n.sites().size(), n.links().size(), n.items().size(), n.firms().size());
        if (n.links().size() < links) {
            spec.commandLine().getErr().printf("note: %d links asked for; a network of %d sites has room for %d "
                    + "(each input comes from at most 3 makers, drawn from the tier below)%n", links, sites, n.links().size());
        }
        return Main.OK;
    }
}
