package org.chokepoint.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.chokepoint.analysis.SyntheticNetworks;
import java.util.List;
import org.chokepoint.io.NetworkWriter;
import org.chokepoint.io.OutputFolder;
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

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR", description = "Output folder; created if missing. A folder holding files chokepoint did not write is refused.")
    Path output;

    @CommandLine.Mixin
    ForceOption force;

    @Override
    public Integer call() throws IOException {
        if (sites < 8) {
            throw new Main.UsageException("--sites must be at least 8 (" + sites + ")");
        }
        if (links < 0) {
            throw new Main.UsageException("--links must not be negative (" + links + ")");
        }
        Network n;
        try (OutputFolder folder = OutputFolder.open(output, "generate", force.force, List.of(),
                List.of("items.csv", "firms.csv", "sites.csv", "recipes.csv", "links.csv", "demand.csv"))) {
            n = SyntheticNetworks.generate(sites, links, seed);
            folder.write(tmp -> NetworkWriter.writeCsvTables(n, tmp));
            folder.commit();
        }
        spec.commandLine().getErr().printf("wrote %s: %d sites, %d links, %d items, %d firms%n",
                output, n.sites().size(), n.links().size(), n.items().size(), n.firms().size());
        if (n.links().size() < links) {
            spec.commandLine().getErr().printf("note: %d links asked for; a network of %d sites has room for %d "
                    + "(each input comes from at most 3 makers, drawn from the tier below)%n", links, sites, n.links().size());
        }
        return Main.OK;
    }
}
