package org.chokepoint.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StreamsTest {

    @Test
    void sameSeedAndRunSameStreamOtherwiseDifferent() {
        assertThat(Streams.forRun(42, 7).nextLong()).isEqualTo(Streams.forRun(42, 7).nextLong());
        assertThat(Streams.forRun(42, 7).nextLong()).isNotEqualTo(Streams.forRun(42, 8).nextLong());
        assertThat(Streams.forRun(42, 7).nextLong()).isNotEqualTo(Streams.forRun(43, 7).nextLong());
    }

    @Test
    void firstDrawsOfConsecutiveRunsAreUniform() {
        // The first draw of each run, over 10,000 runs of small seeds, falls in each tenth of [0, 1)
        // about 1,000 times (sd ≈ 30; allow 5 sd).
        int[] bins = new int[10];
        for (int run = 0; run < 10_000; run++) {
            bins[(int) (Streams.forRun(1, run).nextDouble() * 10)]++;
        }
        for (int b : bins) {
            assertThat(b).isBetween(850, 1150);
        }
    }
}
