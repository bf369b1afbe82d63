package org.chokepoint.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.chokepoint.analysis.SyntheticNetworks;
import org.chokepoint.io.NetworkReader;
import org.chokepoint.io.NetworkWriter;
import org.chokepoint.model.Network;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Loading a synthetic network kept as CSV tables: parse, bind, validate, freeze. One operation
 * loads the whole network; {@link Benchmarks} turns the time per operation into links per second.
 * Ten links per site, as in the scale target (1,000,000 links for 100,000 sites).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class NetworkLoadBenchmark {

    @Param({"10000", "100000"})
    public int sites;

    Path dir;

    @Setup(Level.Trial)
    public void writeNetwork() throws IOException {
        dir = Files.createTempDirectory("chokepoint-bench-");
        Network n = SyntheticNetworks.generate(sites, sites * 10, 42);
        NetworkWriter.writeCsv(n, dir.resolve("net"));
    }

    @TearDown(Level.Trial)
    public void deleteNetwork() throws IOException {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Benchmark
    public Network loadCsv() {
        return NetworkReader.read(dir.resolve("net"));
    }
}
