package org.chokepoint.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chokepoint.cli.CliTest.SAMPLE;
import static org.chokepoint.cli.CliTest.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** No command ever deletes or replaces a file it did not write, and an unusable output path is refused up front. */
class OutputSafetyTest {

    @TempDir
    Path dir;

    static Path sweepFile(Path dir) throws IOException {
        return Files.writeString(dir.resolve("tiny-sweep.yaml"), """
                sweep: tiny
                scenario: %s
                runs: 2
                seed: 3
                metrics: [total-shortfall-value]
                parameters:
                  - {path: measures.bis-2025-inspur.license.approval, values: [0, 1]}
                """.formatted(Path.of(SAMPLE).toAbsolutePath()));
    }

    /** Each command that writes a folder, as arguments before {@code --out DIR} (or {@code -o DIR}). */
    static Stream<String> commands() {
        return Stream.of("run", "sweep", "sensitivity", "generate");
    }

    private List<String> args(String command, Path out) throws IOException {
        List<String> a = new ArrayList<>(List.of(command));
        switch (command) {
            case "run" -> a.addAll(List.of(SAMPLE, "--runs", "2", "--formats", "csv,json", "--out", out.toString()));
            case "sweep" -> a.addAll(List.of(sweepFile(dir).toString(), "--out", out.toString()));
            case "sensitivity" -> a.addAll(List.of(SAMPLE, "--runs", "2", "--out", out.toString()));
            case "generate" -> a.addAll(List.of("--sites", "40", "--links", "120", "-o", out.toString()));
            default -> throw new IllegalArgumentException(command);
        }
        return a;
    }

    @ParameterizedTest
    @MethodSource("commands")
    void aUsersFileInTheOutputFolderSurvivesEveryCommand(String command) throws IOException {
        Path out = Files.createDirectories(dir.resolve("out-" + command));
        Path notes = Files.writeString(out.resolve("notes.txt"), "my notes on " + command);
        FileTime before = Files.getLastModifiedTime(notes);

        CliTest.Result refused = run(args(command, out).toArray(String[]::new));
        assertThat(refused.code()).as(refused.err()).isEqualTo(2);
        assertThat(refused.err()).contains("holds a file that chokepoint did not write: notes.txt").contains("--force")
                .doesNotContain("Exception").doesNotContain("internal error");
        assertThat(listing(out)).containsExactly("notes.txt");

        List<String> forced = args(command, out);
        forced.add("--force");
        CliTest.Result ok = run(forced.toArray(String[]::new));
        assertThat(ok.code()).as(ok.err()).isZero();
        CliTest.Result again = run(forced.toArray(String[]::new)); // a rerun replaces only its own files
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(Files.readString(notes)).isEqualTo("my notes on " + command);
        assertThat(Files.getLastModifiedTime(notes)).isEqualTo(before);
        assertThat(listing(out)).hasSizeGreaterThan(1);
    }

    /** A file of the user's named like one of a back-test's outputs is refused before any run, even with --force. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"observed.csv", "fit.csv", "results-by-quarter.csv"})
    void aUsersFileNamedLikeABacktestOutputIsRefusedUpFront(String name) throws IOException {
        Path out = Files.createDirectories(dir.resolve("named-" + name));
        Path mine = Files.writeString(out.resolve(name), "mine");
        CliTest.Result r = run("run", SAMPLE, "--runs", "1", "--formats", "csv", "--out", out.toString(), "--force");
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains(name + " was not written by chokepoint and would be replaced").doesNotContain("Exception");
        assertThat(Files.readString(mine)).isEqualTo("mine");
        assertThat(listing(out)).containsExactly(name);
    }

    @Test
    void aFolderHoldingTheScenarioIsRefusedAndKeepsIt() throws IOException {
        Path own = Files.createDirectories(dir.resolve("own"));
        Path scenario = Files.copy(Path.of(SAMPLE), own.resolve("s.yaml"));
        Files.writeString(scenario, Files.readString(scenario).replace("network: networks/inspur-servers-2025.yaml",
                "network: " + Path.of("scenarios/networks/inspur-servers-2025.yaml").toAbsolutePath()));
        String content = Files.readString(scenario);
        CliTest.Result r = run("run", scenario.toString(), "--out", own.toString(), "--formats", "csv");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("holds this command's input " + scenario);
        assertThat(Files.readString(scenario)).isEqualTo(content);
        assertThat(listing(own)).containsExactly("s.yaml");
    }

    @Test
    void runAfterSensitivityKeepsTheSensitivityFiles() throws IOException {
        Path out = dir.resolve("report");
        assertThat(run("sensitivity", SAMPLE, "--runs", "2", "--out", out.toString()).code()).isZero();
        assertThat(run("run", SAMPLE, "--runs", "2", "--formats", "csv", "--out", out.toString()).code()).isZero();
        assertThat(listing(out)).contains("tornado.csv", "tornado.png", "results.csv", "bands.csv");
        // A second run without Monte Carlo no longer writes bands.csv: its own stale copy goes, the others stay.
        assertThat(run("run", SAMPLE, "--runs", "1", "--formats", "csv", "--out", out.toString()).code()).isZero();
        assertThat(listing(out)).contains("tornado.csv", "tornado.png", "results.csv").doesNotContain("bands.csv");
    }

    @Test
    void unusableOutputPathsAreRefusedBeforeAnySimulation() throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "keep me");
        for (String[] bad : List.of(
                new String[] {"run", SAMPLE, "--out", file.toString()},
                new String[] {"run", SAMPLE, "--out", file.resolve("below").toString()},
                new String[] {"run", SAMPLE, "--out", "/proc/self/chokepoint"},
                new String[] {"sweep", sweepFile(dir).toString(), "--out", "/proc/self/chokepoint"},
                new String[] {"generate", "--sites", "40", "--links", "120", "-o", file.toString()},
                new String[] {"graph", SAMPLE, "-o", file.toString()},
                new String[] {"graph", SAMPLE, "-o", dir.toString()})) {
            CliTest.Result r = run(bad);
            assertThat(r.code()).as(String.join(" ", bad) + "\n" + r.err()).isEqualTo(2);
            assertThat(r.err()).as(String.join(" ", bad)).startsWith("chokepoint: ").doesNotContain("internal error")
                    .doesNotContain("Exception");
            assertThat(r.out()).as("refused before simulating").doesNotContain("end item @ market");
        }
        assertThat(Files.readString(file)).isEqualTo("keep me");
        assertThat(run("graph", SAMPLE, "-o", file.toString(), "--force").code()).isZero();
        assertThat(Files.readString(file)).startsWith("digraph");
    }

    @Test
    void aChangedSweepFileRefusesResume() throws IOException {
        Path sweep = sweepFile(dir);
        Path out = dir.resolve("sw");
        assertThat(run("sweep", sweep.toString(), "--out", out.toString()).code()).isZero();
        // Leave partial results behind as an interrupted sweep would, then change the sweep's runs.
        try (var folder = org.chokepoint.io.OutputFolder.open(out, "sweep", false, List.of(), List.of())) {
            Path partial = folder.growing("sweep.csv.partial");
            org.chokepoint.io.SweepWriter.start(partial, org.chokepoint.io.SweepReader.read(sweep).sweep(),
                    org.chokepoint.io.SweepWriter.Fingerprint.of(sweep, Path.of(SAMPLE).toAbsolutePath(),
                            Path.of("scenarios/networks/inspur-servers-2025.yaml").toAbsolutePath(), org.chokepoint.api.Chokepoint.version()));
        }
        Files.writeString(sweep, Files.readString(sweep).replace("runs: 2", "runs: 3"));
        CliTest.Result r = run("sweep", sweep.toString(), "--out", out.toString(), "--resume");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("cannot resume: the sweep file has changed since the partial results")
                .contains("Run without --resume");
        assertThat(run("sweep", sweep.toString(), "--out", out.toString()).code()).isZero();
    }

    static List<String> listing(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
        }
    }
}
