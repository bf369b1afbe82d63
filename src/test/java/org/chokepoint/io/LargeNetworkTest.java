package org.chokepoint.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.chokepoint.analysis.SyntheticNetworks;
import org.chokepoint.model.Network;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A network of 100,000 sites and 1,000,000 links is written and read back within the test JVM's
 * heap of 2 GB (set by surefire's argLine). No timing here: rates come from the JMH benchmark.
 */
class LargeNetworkTest {

    @TempDir
    Path dir;

    @Test
    void millionLinkCsvNetworkLoadsWithinTwoGigabytes() throws IOException {
        assertThat(Runtime.getRuntime().maxMemory()).isLessThanOrEqualTo(2L << 30);
        Network generated = SyntheticNetworks.generate(100_000, 1_000_000, 7);
        NetworkWriter.writeCsv(generated, dir.resolve("net"));
        generated = null; // only the loaded copy should be live below
        Network n = NetworkReader.read(dir.resolve("net"));
        assertThat(n.links()).hasSize(1_000_000);
        assertThat(n.sites()).hasSize(100_000);
        System.gc();
        long used = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        System.out.printf("1M-link network live on the heap: %d MB%n", used >> 20);
        assertThat(used).as("heap after loading").isLessThan(1L << 30);
    }
}
