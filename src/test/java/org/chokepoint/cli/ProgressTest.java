package org.chokepoint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Off a terminal, progress is a line now and then; work resumed from before does not inflate the rate. */
class ProgressTest {

    @Test
    void offATerminalALineNowAndThenWithoutTheResumedWorkInTheRate() throws InterruptedException {
        Duration before = Progress.LOG_EVERY;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (PrintStream log = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            Progress.LOG_EVERY = Duration.ofMillis(50);
            try (Progress p = new Progress("points", 100, 90, false, log)) {
                p.accept(91); // too soon: nothing
                Thread.sleep(120);
                p.accept(95);
            }
        } finally {
            Progress.LOG_EVERY = before;
        }
        String[] lines = err.toString(StandardCharsets.UTF_8).split("\\R");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).startsWith("points: 95 of 100 (95%), ").contains(" a second, about ");
        // 5 points in at least 0.12 s: at most about 42 a second, not the 95 the resumed ones would make it
        double rate = Double.parseDouble(lines[0].replaceAll(".*\\(95%\\), ([0-9.]+) a second.*", "$1"));
        assertThat(rate).isLessThan(45);
        assertThat(lines[1]).startsWith("points: 95 of 100 done in ");
    }

    @Test
    void aQuickJobSaysNothing() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (PrintStream log = new PrintStream(err, true, StandardCharsets.UTF_8); Progress p = new Progress("runs", 10, 0, false, log)) {
            for (int i = 1; i <= 10; i++) {
                p.accept(i);
            }
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
