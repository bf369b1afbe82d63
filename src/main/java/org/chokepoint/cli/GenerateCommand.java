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
        // A network held in memory costs about 200 bytes a link and 500 a site (model and indexes):
        // refuse a size that cannot fit before spending minutes at the heap limit.
        long need = 200L * links + 500L * sites;
        long may = org.chokepoint.engine.MemoryEstimate.available();
        if (need > may * 0.8) {
            throw new Main.UsageException("a network of " + sites + " sites and " + links + " links needs about "
                    + org.chokepoint.engine.MemoryEstimate.gib(need) + " of memory; this Java may use "
                    + org.chokepoint.engine.MemoryEstimate.gib(Runtime.getRuntime().maxMemory())
                    + ". Give it more, e.g. JAVA_OPTS=-Xmx" + (long) Math.ceil(need * 1.5 / (1L << 30)) + "g, or generate a smaller one.");
        }
        java.io.PrintWriter err = spec.commandLine().getErr();
        Network n;
        try (OutputFolder folder = OutputFolder.open(output, "generate", force.force, List.of(),
                List.of("items.csv", "firms.csv", "sites.csv", "recipes.csv", "links.csv", "demand.csv"))) {
            err.printf("generating %,d sites and up to %,d links (seed %d)...%n", sites, links, seed);
            err.flush();
            n = SyntheticNetworks.generate(sites, links, seed);
            err.printf("writing the CSV tables into %s...%n", output);
            err.flush();
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
