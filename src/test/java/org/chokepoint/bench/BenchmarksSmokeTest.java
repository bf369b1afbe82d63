package org.chokepoint.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;

/** The benchmarks run (tiny sizes, one short iteration, in this JVM); their figures come from exec:exec. */
class BenchmarksSmokeTest {

    @Test
    void everyBenchmarkRunsInSmokeMode() throws Exception {
        Collection<RunResult> results = Benchmarks.run("--smoke");
        assertThat(results).isNotEmpty();
        assertThat(results).allSatisfy(r -> assertThat(r.getPrimaryResult().getScore()).isPositive());
    }
}
