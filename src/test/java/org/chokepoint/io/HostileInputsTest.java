package org.chokepoint.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.chokepoint.analysis.SyntheticNetworks;
import org.chokepoint.model.InvalidInputException;
import org.chokepoint.model.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files as people have them and as a hostile user makes them: each refused up front with its file, line and column. */
class HostileInputsTest {

    static final Path SAMPLE = Path.of("scenarios/inspur-entity-list-2025.yaml");
    static final Path SWEEP = Path.of("scenarios/sweeps/inspur-license-vs-stockpile.yaml");

    @TempDir
    Path dir;

    private static List<Problem> problems(Runnable read) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, read::run);
        assertThat(e).as("refused").isNotNull();
        return e.problems();
    }

    private static String shown(Problem p) {
        return Path.of(p.file()).getFileName() + ":" + p.line() + ":" + p.column() + ": " + (p.path().isEmpty() ? "" : p.path() + ": ")
                + p.message();
    }

    @Test
    void aUtf8ByteOrderMarkIsReadAsExcelWritesIt() throws IOException {
        Path yaml = dir.resolve("bom.yaml");
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        Files.write(yaml, concat(bom, Files.readAllBytes(Path.of("src/test/resources/valid/tiny-network.yaml"))));
        assertThat(NetworkReader.read(yaml).sites()).hasSize(2);

        Path csv = dir.resolve("csv");
        NetworkWriter.writeCsv(SyntheticNetworks.generate(30, 90, 2), csv);
        for (String table : List.of("items", "firms", "sites", "links")) {
            Path f = csv.resolve(table + ".csv");
            Files.write(f, concat(bom, Files.readAllBytes(f)));
        }
        assertThat(NetworkReader.read(csv).sites()).hasSize(30);
    }

    @Test
    void otherEncodingsAreNamedAndBadBytesLocated() throws IOException {
        String text = Files.readString(Path.of("src/test/resources/valid/tiny-network.yaml"));
        Path utf16 = Files.write(dir.resolve("utf16.yaml"), text.getBytes(StandardCharsets.UTF_16));
        assertThat(problems(() -> NetworkReader.read(utf16))).extracting(HostileInputsTest::shown)
                .containsExactly("utf16.yaml:1:1: the file is UTF-16 encoded, not UTF-8");
        Path utf16le = Files.write(dir.resolve("utf16le.yaml"), text.getBytes(StandardCharsets.UTF_16LE));
        assertThat(problems(() -> NetworkReader.read(utf16le)).get(0).message()).isEqualTo("the file is UTF-16 encoded (no byte-order mark), not UTF-8");
        // Latin-1 "é" on line 3, column 49: after the 48 characters of "  - {id: chip, value: 10, eccn: 3A090, name: Caf"
        String latin = text.replace("{id: chip, value: 10, eccn: 3A090}", "{id: chip, value: 10, eccn: 3A090, name: Café}");
        Path l1 = Files.write(dir.resolve("latin1.yaml"), latin.getBytes(StandardCharsets.ISO_8859_1));
        List<Problem> p = problems(() -> NetworkReader.read(l1));
        assertThat(p).extracting(HostileInputsTest::shown)
                .containsExactly("latin1.yaml:3:49: the file is not UTF-8 text: a byte here is not UTF-8 (Latin-1 or Windows-1252, perhaps)");
        assertThat(p.get(0).advice()).contains("Save the file as UTF-8");
    }

    @Test
    void csvRowsThatAreShortOrHaveEmptyRequiredCellsAreLocated() throws IOException {
        Path csv = dir.resolve("csv");
        NetworkWriter.writeCsv(SyntheticNetworks.generate(30, 90, 2), csv);
        List<String> sites = Files.readAllLines(csv.resolve("sites.csv"));
        String[] third = sites.get(2).split(",", -1);
        sites.set(2, third[0] + "," + third[1]); // line 3: two cells only
        String[] fourth = sites.get(3).split(",", -1);
        fourth[1] = "";
        sites.set(3, String.join(",", fourth)); // line 4: no firm
        Files.write(csv.resolve("sites.csv"), sites);
        List<String> shown = problems(() -> NetworkReader.read(csv)).stream().map(HostileInputsTest::shown)
                .filter(s -> s.startsWith("sites.csv")).toList();
        assertThat(shown).contains("sites.csv:3:1: makes: the row has no cell for column 'makes'",
                "sites.csv:3:1: capacity: the row has no cell for column 'capacity'",
                "sites.csv:4:" + (fourth[0].length() + 2) + ": firm: 'firm' is empty");
    }

    @Test
    void aPipeNamedAsANetworkIsRefusedWithoutReadingIt() throws Exception {
        Path fifo = dir.resolve("net.yaml");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(mk.waitFor(10, TimeUnit.SECONDS) && mk.exitValue() == 0, "mkfifo available");
        Path scenario = Files.writeString(dir.resolve("s.yaml"), """
                scenario: pipe
                start: 2025-01-06
                step: week
                periods: 4
                network: net.yaml
                """);
        assertThat(problems(() -> ScenarioReader.read(scenario))).extracting(HostileInputsTest::shown)
                .containsExactly("s.yaml:5:10: network: " + fifo + " is not a regular file (a pipe, a device or a socket)");
        assertThat(problems(() -> NetworkReader.read(fifo)).get(0).message()).contains("is not a regular file");
    }

    @Test
    void aRunTooBigForTheHeapIsRefusedAtItsPeriodsWithTheFigure() throws IOException {
        Path csv = dir.resolve("net");
        NetworkWriter.writeCsv(SyntheticNetworks.generate(2000, 20000, 3), csv);
        Path scenario = Files.writeString(dir.resolve("huge.yaml"), """
                scenario: huge
                start: 2025-01-06
                step: day
                periods: 36525
                network: net
                """);
        List<Problem> p = problems(() -> ScenarioReader.read(scenario));
        assertThat(p).hasSize(1);
        assertThat(shown(p.get(0))).startsWith("huge.yaml:4:10: periods: a run of 36525 periods on 2000 sites and ")
                .contains("GiB of memory; this Java may use");
        assertThat(p.get(0).advice()).contains("JAVA_OPTS=-Xmx").contains("fewer periods");
        // The same network for a year fits.
        Files.writeString(scenario, Files.readString(scenario).replace("periods: 36525", "periods: 365"));
        assertThat(ScenarioReader.read(scenario).periods()).isEqualTo(365);
    }

    @Test
    void aNetworkTooLargeToLoadIsRefusedBeforeItsFirstRowInAJavaOfItsOwn() throws Exception {
        Path csv = dir.resolve("n20k");
        NetworkWriter.writeCsv(SyntheticNetworks.generate(20000, 100000, 4), csv);
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx48m",
                "-cp", System.getProperty("java.class.path"), "org.chokepoint.cli.Main", "validate", csv.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isEqualTo(2);
        assertThat(out).contains(csv + ": the network's tables (5 MiB) need about ").contains("MiB of memory to load; this Java may use")
                .contains("JAVA_OPTS=-Xmx").doesNotContain("OutOfMemoryError").doesNotContain("\tat ");
    }

    @Test
    void theMemoryEstimateCoversWhatARunAllocates() {
        var net = SyntheticNetworks.generate(400, 3000, 5);
        var estimate = org.chokepoint.engine.MemoryEstimate.of(net, org.chokepoint.model.Step.WEEK, 52);
        // The recorders alone: 8 bytes per period per site series, slot and two per demand entry, twice.
        long slots = net.sites().stream().mapToLong(s -> s.recipe().size()).sum();
        long recorders = 2L * 8 * 52 * (net.sites().size() * 5L + slots + 2L * net.demand().size());
        assertThat(estimate.bytes()).isGreaterThan(recorders);
        assertThat(estimate.fits(estimate.bytes() * 2)).isTrue();
        assertThat(estimate.fits(estimate.bytes() / 2)).isFalse();
        // And at least the compiled arrays, one run's state and the recorders, on a synthetic network
        // and on a dense table (one link per input slot, a ring per link).
        for (var n : new org.chokepoint.model.Network[] {net, org.chokepoint.TestNetworks.dense(4, 10, 0.5, 90, 1, 5)}) {
            var step = n == net ? org.chokepoint.model.Step.WEEK : org.chokepoint.model.Step.DAY;
            var c = org.chokepoint.engine.CompiledNetwork.of(n, step);
            var sim = new org.chokepoint.engine.Simulation(c, org.chokepoint.engine.Parameters.DEFAULT);
            var state = sim.newState();
            sim.run(org.chokepoint.engine.Timeline.NONE, 1, state, org.chokepoint.engine.Recorder.NONE);
            long s = n.sites().size();
            long k = n.sites().stream().mapToLong(x -> x.recipe().size()).sum();
            for (int periods : new int[] {1, 52}) {
                // the two recorders run keeps, as they size themselves
                var with = org.chokepoint.engine.SeriesRecorder.forReports(false);
                with.start(c, periods);
                long rec = 2 * with.bytes();
                long served = n.demand().stream().map(org.chokepoint.model.Demand::site).distinct().count();
                long doubles = 2L * periods * (s * 9 + served * org.chokepoint.engine.CostCause.COUNT + k + 2L * n.demand().size());
                assertThat(rec).as("causes at the %d sites serving final demand only, of %d", served, s)
                        .isBetween(8 * doubles, 8 * doubles + 2L * 4 * (3 * s + n.links().size() + served));
                assertThat(org.chokepoint.engine.MemoryEstimate.of(n, step, periods).bytes())
                        .as("%d sites, %d links, %d periods", s, n.links().size(), periods)
                        .isGreaterThanOrEqualTo(org.chokepoint.Footprints.arrayBytes(c) + state.bytes() + rec);
            }
        }
    }

    private Path sweep(String body) throws IOException {
        return Files.writeString(dir.resolve("sweep.yaml"), "sweep: hostile\nscenario: " + SAMPLE.toAbsolutePath() + "\n" + body);
    }

    @Test
    void sweepSizesAndValuesAreCheckedBeforeTheFirstPoint() throws IOException {
        String approval = "measures.bis-2025-inspur.license.approval";
        String stock = "sites.inspur-ai-line.stock.gpu-hopper";
        assertThat(sweepProblems(("runs: 4294967297\nparameters:\n  - {path: " + approval + ", values: [0, 1]}\n")))
                .extracting(HostileInputsTest::shown).containsExactly("sweep.yaml:3:7: runs: must be between 1 and 10,000,000 (4294967297)");
        assertThat(sweepProblems(("parameters:\n"
                + "  - {path: " + approval + ", from: 0, to: 1, steps: 1000}\n"
                + "  - {path: " + stock + ", from: 1, to: 20, steps: 1000}\n"
                + "  - {path: sites.inspur-gp-line.capacity, from: 1, to: 20, steps: 1000}\n"
                + "  - {path: sites.nvidia-gpu.capacity, from: 1, to: 20, steps: 1000}\n")))
                .extracting(HostileInputsTest::shown)
                .containsExactly("sweep.yaml:4:3: parameters: the grid has 1000 × 1000 × 1000 × 1000 points, more than 1000000");
        assertThat(sweepProblems(("parameters:\n  - {path: " + stock + ", from: 1, to: 2, steps: 1000000000}\n")))
                .extracting(HostileInputsTest::shown)
                .containsExactly("sweep.yaml:4:74: parameters[0].steps: must be between 1 and 1,000,000 (1000000000)");
        assertThat(sweepProblems(("design: latin-hypercube\npoints: 1000000000\nparameters:\n"
                + "  - {path: " + approval + ", distribution: uniform, min: 0, max: 1}\n")))
                .extracting(HostileInputsTest::shown)
                .containsExactly("sweep.yaml:4:9: points: must be between 1 and 1,000,000 (1000000000)");
        assertThat(sweepProblems(("parameters:\n  - {path: " + approval + ", values: []}\n")))
                .extracting(HostileInputsTest::shown).containsExactly("sweep.yaml:4:63: parameters[0].values: the list of values is empty");
        assertThat(sweepProblems(("parameters:\n  - {path: " + approval + ", values: [0, 0.5, 1.5]}\n")))
                .extracting(HostileInputsTest::shown).containsExactly("sweep.yaml:4:72: parameters[0].values[2]: value 1.5 is not allowed:"
                        + " approval: must be in [0, 1] (1.5) (A share is a fraction.)");
        assertThat(sweepProblems(("parameters:\n  - {path: " + stock + ", from: -2, to: 10, steps: 3}\n")))
                .extracting(HostileInputsTest::shown).containsExactly("sweep.yaml:4:57: parameters[0].from: value -2 is not allowed:"
                        + " duration: must not be negative (-2) (Use 0 or a positive number.)");
        assertThat(sweepProblems(("design: sobol\nparameters:\n"
                + "  - {path: " + approval + ", distribution: normal, mean: 0.5, sd: 0.2}\n")))
                .extracting(HostileInputsTest::shown).containsExactly("sweep.yaml:5:69: parameters[0].distribution: the normal"
                        + " distribution draws without a lower bound, where approval: must be in [0, 1] (A share is a fraction.)");
    }

    private List<Problem> sweepProblems(String body) throws IOException {
        Path f = sweep(body);
        return problems(() -> SweepReader.read(f));
    }

    @Test
    void theProjectsOwnSweepFileIsASweep() {
        assertThat(SweepReader.isSweepFile(SWEEP)).isTrue();
        assertThat(SweepReader.isSweepFile(SAMPLE)).isFalse();
        assertThat(SweepReader.read(SWEEP).sweep().points()).hasSize(25);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
