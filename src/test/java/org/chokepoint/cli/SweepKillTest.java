package org.chokepoint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Kills a sweep running in a JVM of its own (SIGKILL, as a crash or a pulled plug would) at several
 * moments, resumes it, and checks that every output equals an uninterrupted sweep's byte for byte.
 */
class SweepKillTest {

    static final int POINTS = 8;

    @TempDir
    Path dir;

    private Path sweepFile() throws IOException {
        return Files.writeString(dir.resolve("kill-sweep.yaml"), """
                sweep: kill
                scenario: %s
                runs: 40
                seed: 11
                metrics: [total-shortfall-value, fill-rate]
                parameters:
                  - {path: measures.bis-2025-inspur.license.approval, from: 0, to: 1, steps: %d}
                """.formatted(Path.of(CliTest.SAMPLE).toAbsolutePath(), POINTS));
    }

    /** Kill once the partial results hold this many complete points (0: right after the header). */
    @ParameterizedTest(name = "killed after {0} points")
    @ValueSource(ints = {0, 1, 4})
    void aKilledSweepResumesToTheSameBytes(int pointsBeforeKill) throws Exception {
        Path sweep = sweepFile();
        Path reference = dir.resolve("reference");
        CliTest.Result ref = CliTest.run("sweep", sweep.toString(), "--out", reference.toString(), "--threads", "1", "--no-run-date");
        assertThat(ref.code()).as(ref.err()).isZero();

        Path out = dir.resolve("killed");
        Path partial = out.resolve("sweep.csv.partial");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "sweep", sweep.toString(), "--out", out.toString(), "--threads", "1", "--no-run-date")
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        int linesWanted = 2 + 2 * pointsBeforeKill; // fingerprint, header, two metrics per point
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        boolean killedInTime = false;
        while (System.nanoTime() < deadline && p.isAlive()) {
            if (Files.exists(partial) && lines(partial) >= linesWanted) {
                p.destroyForcibly();
                killedInTime = true;
                break;
            }
            Thread.sleep(2);
        }
        p.waitFor(30, TimeUnit.SECONDS);
        assertThat(killedInTime).as("the child sweep was killed before it finished; log:\n"
                + Files.readString(dir.resolve("child.log"))).isTrue();
        assertThat(out.resolve("sweep.csv")).as("killed before the end").doesNotExist();

        CliTest.Result resumed = CliTest.run("sweep", sweep.toString(), "--out", out.toString(), "--resume", "--threads", "2",
                "--no-run-date");
        assertThat(resumed.code()).as(resumed.err()).isZero();
        if (pointsBeforeKill > 0) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("resuming: (\\d+) of " + POINTS).matcher(resumed.out());
            assertThat(m.find()).as(resumed.out()).isTrue();
            assertThat(Integer.parseInt(m.group(1))).isBetween(pointsBeforeKill, POINTS - 1);
        }
        for (String name : OutputSafetyTest.listing(reference)) {
            assertThat(out.resolve(name)).as(name).hasSameBinaryContentAs(reference.resolve(name));
        }
        assertThat(OutputSafetyTest.listing(out)).isEqualTo(OutputSafetyTest.listing(reference));
    }

    private static long lines(Path file) throws IOException {
        List<String> l = Files.readAllLines(file, StandardCharsets.UTF_8);
        return l.size();
    }
}
