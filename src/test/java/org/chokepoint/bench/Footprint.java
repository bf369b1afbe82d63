package org.chokepoint.bench;

import org.chokepoint.TestNetworks;
import org.chokepoint.analysis.SyntheticNetworks;
import org.chokepoint.engine.CompiledNetwork;
import org.chokepoint.engine.Parameters;
import org.chokepoint.engine.Recorder;
import org.chokepoint.engine.RunState;
import org.chokepoint.engine.Simulation;
import org.chokepoint.engine.Timeline;
import org.chokepoint.model.Network;
import org.chokepoint.model.Step;

/**
 * What a network, its compiled arrays and one run's state take in memory, and whether they fit the
 * heap this JVM was given: the live heap after forced collections at each step, per link.
 *
 * <pre>
 *   mvn -q test-compile exec:exec -Dbench.args="--footprint synthetic 1000000"   # 10,080,000 links
 *   mvn -q test-compile exec:exec -Dbench.args="--footprint dense 1000"          # 1,000,000 links
 *   mvn -q test-compile exec:exec -Dbench.jvm=-Xmx3g -Dbench.args="--footprint synthetic 1000000"
 * </pre>
 * {@code synthetic SITES} makes the synthetic generator's network of ten links a site (weekly
 * periods); {@code dense N} the 10-region input-output table of {@code N} sector-regions and N²
 * links (daily periods, 90-day cover). A third number sets the periods run (10).
 */
final class Footprint {

    private Footprint() {}

    static void main(String... args) {
        if (args.length < 2 || !(args[0].equals("synthetic") || args[0].equals("dense"))) {
            System.err.println("usage: --footprint synthetic SITES | dense N [PERIODS]");
            System.exit(2);
        }
        boolean dense = args[0].equals("dense");
        int size = Integer.parseInt(args[1]);
        int periods = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        System.out.printf("heap limit %.2f GB%n", Runtime.getRuntime().maxMemory() / 1e9);
        String step = "generating";
        try {
            long t0 = System.nanoTime();
            Network n = dense ? TestNetworks.dense(10, Math.max(1, size / 10), 0.5, 90, 1, 42)
                    : SyntheticNetworks.generate(size, size * 10, 42);
            long t1 = System.nanoTime();
            double links = n.links().size() + n.alternates().size();
            long network = used();
            System.out.printf("%,.0f links: network %.2f GB live (%.1f B/link), made in %.1f s%n", links, network / 1e9, network / links,
                    (t1 - t0) / 1e9);
            step = "compiling";
            CompiledNetwork c = CompiledNetwork.of(n, dense ? Step.DAY : Step.WEEK);
            long t2 = System.nanoTime();
            long compiled = used();
            System.out.printf("  + compiled arrays %.2f GB (%.1f B/link), compiled in %.1f s%n", compiled / 1e9, (compiled - network) / links,
                    (t2 - t1) / 1e9);
            step = "making a run's state";
            Simulation sim = new Simulation(c, Parameters.DEFAULT);
            RunState s = sim.newState();
            sim.run(Timeline.NONE, 1, s, Recorder.NONE); // a run sizes the pipelines
            long state = used();
            System.out.printf("  + one run's state %.2f GB (%.1f B/link)%n", state / 1e9, (state - compiled) / links);
            step = "running";
            for (int r = 0; r < 3; r++) {
                long t3 = System.nanoTime();
                sim.run(Timeline.NONE, periods, s, Recorder.NONE);
                System.out.printf("  %d periods: %.2f s%n", periods, (System.nanoTime() - t3) / 1e9);
            }
        } catch (OutOfMemoryError e) {
            System.out.printf("out of memory while %s (heap limit %.2f GB)%n", step, Runtime.getRuntime().maxMemory() / 1e9);
            System.exit(1);
        }
    }

    private static long used() {
        Runtime r = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return r.totalMemory() - r.freeMemory();
    }
}
