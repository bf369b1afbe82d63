package org.chokepoint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.chokepoint.io.NetworkReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Runs the command line in-process and checks exit codes and output. */
class CliTest {

    static final String SAMPLE = "scenarios/inspur-entity-list-2025.yaml";

    @TempDir
    Path dir;

    record Result(int code, String out, String err) {}

    static final org.chokepoint.model.Scenario SAMPLE_SCENARIO = org.chokepoint.api.Chokepoint.loadScenario(Path.of(SAMPLE));

    static Result run(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    static final org.chokepoint.model.Network NET = org.chokepoint.api.Chokepoint.loadNetwork(
            Path.of("scenarios/networks/inspur-servers-2025.yaml"));

    @Test
    void validateSampleSucceedsWithASummary() {
        Result r = run("validate", SAMPLE, "scenarios/networks/inspur-servers-2025.yaml");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains(SAMPLE + ": ok")
                .contains("scenarios/networks/inspur-servers-2025.yaml: ok")
                .containsPattern("sites +" + NET.sites().size())
                .containsPattern("end items +" + String.join(", ", NET.demand().stream().map(org.chokepoint.model.Demand::item)
                        .distinct().sorted().toList()))
                .containsPattern("measures +3 \\(country-control, entity-listing ×2\\)");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void badFilesExitWithTwoAndEveryProblemButNoStackTrace() {
        Result r = run("validate", "src/test/resources/invalid/unknown-reference.yaml", "src/test/resources/invalid/shares.yaml");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("src/test/resources/invalid/unknown-reference.yaml:6:39: firms[1].parent: unknown firm 'chipcoo'")
                .contains("src/test/resources/invalid/shares.yaml:13:35: links[0].share: must be in [0, 1] (1.5)")
                .contains("11 problems found.")
                .doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void validOnesStillReportWhenOthersFail() {
        Result r = run("validate", SAMPLE, "src/test/resources/invalid/alias.yaml");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).contains(SAMPLE + ": ok");
        assertThat(r.err()).contains("1 problem found.");
    }

    @Test
    void runSimulatesAndWritesResultsThatAreTheSameEveryTime() throws IOException {
        Path out = dir.resolve("run");
        Result r = run("run", SAMPLE, "--out", out.toString(), "--no-run-date");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("wrote " + out + "/: inputs.json, observed.csv, fit.csv, results.csv, links.csv, results-by-quarter.csv, bands.csv,"
                + " totals.csv, summary.json, observed-inspur-revenue.png, shortfall-ai-server.png, shortfall-gp-server.png,"
                + " costs-by-country.png, costs-by-firm.png, price-ai-server.png").containsPattern("runs-histogram.png, report.pdf\\R");
        assertThat(r.out()).contains("US Entity List additions of Inspur subsidiaries, March 2025")
                .contains("2024-01-01 to 2025-12-29, 104 weekly periods")
                .containsPattern("3 measures; [0-9]+ links or demand entries affected")
                .containsPattern("ai-server @ CN +109,200 +[0-9,]+ +[0-9,]+ +[0-9,]+ +0 +2025-")
                // two sites serve gp-server in China: the table names them
                .contains("gp-server @ CN (inspur-gp-line)").contains("gp-server @ CN (lenovo-server-line)");
        java.util.List<String> csv = Files.readAllLines(out.resolve("results.csv"));
        assertThat(csv.get(0)).isEqualTo("period,date,metric,unit,site,firm,item,market,input,country,value");
        assertThat(csv.get(1)).isEqualTo("0,2024-01-01,demand,units,inspur-ai-line,,ai-server,CN,,,1050");
        assertThat(csv).contains("0,2024-01-01,revenue,USD,inspur-ai-line,inspur-electronic,ai-server,,,,147000000",
                "0,2024-01-01,stock,units,inspur-ai-line,,,,gpu-hopper,,50400");
        // 104 periods × (demand entries × 3 + sites × 9 + recipe inputs + priced item-markets), plus the header
        int inputs = NET.sites().stream().mapToInt(x -> x.recipe().size()).sum();
        long prices = csv.stream().filter(line -> line.startsWith("0,2024-01-01,price-index,")).count();
        assertThat(prices).as("items priced in the US market and the rest").isGreaterThan(NET.endItems().size());
        assertThat(csv).contains("0,2024-01-01,price-index,index,,,gallium,US,,,1", "0,2024-01-01,price-index,index,,,gallium,rest,,,1");
        assertThat(csv).hasSize(104 * (NET.demand().size() * 3 + NET.sites().size() * 9 + inputs + (int) prices) + 1);
        String json = Files.readString(out.resolve("summary.json"));
        assertThat(json).contains("\"measures-applied\" : true");
        // the back-test: the observed revenue beside the model's, quarter by quarter, and its fit
        java.util.List<String> observed = Files.readAllLines(out.resolve("observed.csv"));
        assertThat(observed).hasSize(1 + 7);
        assertThat(observed.get(1)).startsWith("inspur-revenue,revenue,quarter,2024-Q1,2024-01-01,2024-03-31,false,index,CNY bn,17.66,");
        assertThat(Files.readAllLines(out.resolve("fit.csv")).get(1)).startsWith("inspur-revenue,Inspur Information revenue,");
        // one digest over every input, the same in summary.json, inputs.json and the report's footer
        String digest = Files.readString(out.resolve("inputs.json"));
        String sha = digest.replaceAll("(?s).*?\"sha256\" : \"([0-9a-f]{64})\".*", "$1");
        assertThat(sha).hasSize(64);
        assertThat(json).contains("\"inputs\" : {", sha, "\"role\" : \"network\"");
        assertThat(json).contains("\"backtest\" : {", "\"event\" : \"2025-03-25\"", "\"late-facts\" : [ ]", "\"id\" : \"inspur-revenue\"");

        byte[] first = Files.readAllBytes(out.resolve("results.csv"));
        byte[] firstJson = Files.readAllBytes(out.resolve("summary.json"));
        byte[] firstPdf = Files.readAllBytes(out.resolve("report.pdf"));
        byte[] firstPng = Files.readAllBytes(out.resolve("costs-by-country.png"));
        assertThat(run("run", SAMPLE, "--out", out.toString(), "--no-run-date").code()).isZero();
        assertThat(Files.readAllBytes(out.resolve("results.csv"))).isEqualTo(first);
        assertThat(Files.readAllBytes(out.resolve("summary.json"))).isEqualTo(firstJson);
        assertThat(Files.readAllBytes(out.resolve("report.pdf"))).isEqualTo(firstPdf);
        assertThat(Files.readAllBytes(out.resolve("costs-by-country.png"))).isEqualTo(firstPng);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no temporary folders left").containsExactly("run");
        }
    }

    @Test
    void explainListsAffectedLinksAndTracesOne() {
        Result table = run("explain", SAMPLE);
        assertThat(table.code()).isZero();
        // 8 supply links, and the NVIDIA NIC standing by as an alternate for the general-purpose line: a path goods move on,
        // examined like every link (it is a foreign direct product of US technology for a listed buyer).
        assertThat(table.out()).contains("nvidia-gpu->inspur-ai-line").containsPattern("[0-9]+ decisions\\.")
                .containsPattern("nvidia-nic->inspur-gp-line \\(alternate\\) +nic-100g +bis-2025-inspur")
                .contains("because: cpu-x86 is made in US (site intel-xeon): subject to the EAR");
        Result one = run("explain", SAMPLE, "--link", "nvidia-gpu->inspur-ai-line");
        assertThat(one.out()).contains("1. measure bis-2023-inspur-group (entity-listing by US, effective 2023-03-02)")
                .contains("but the listing names legal entities only (affiliates: listed-only)")
                .contains("foreign direct product: nvidia-gpu is made with us-semiconductor-equipment")
                .contains("=> license required (presumption-of-denial: approval 0%), from 2025-03-25");
        Result alt = run("explain", SAMPLE, "--link", "nvidia-nic->inspur-gp-line");
        assertThat(alt.out()).contains("nvidia-nic->inspur-gp-line  nic-100g  [bis-2025-inspur]  (alternate source)")
                .contains("path: alternate source nvidia-nic for nic-100g at inspur-gp-line; examined like every supply link")
                .contains("=> license required (presumption-of-denial: approval 0%), from 2025-03-25");
        Result before = run("explain", SAMPLE, "--date", "2025-03-01");
        assertThat(before.out()).contains("0 decisions.");
        Result json = run("explain", SAMPLE, "--site", "inspur-gp-line", "--format", "json");
        assertThat(json.out()).startsWith("[").contains("\"effect\" : \"license\"").contains("\"trace\" : [")
                .contains("\"shipment-delay\" : \"0\"", "\"leakage-premium\" : ");
        assertThat(run("explain", SAMPLE, "--link", "nvidia-gpu").code()).isEqualTo(2);
        assertThat(run("explain", SAMPLE, "--site", "nowhere").err()).contains("no site 'nowhere'");
        assertThat(run("explain", SAMPLE, "--date", "March").code()).isEqualTo(2);
    }

    @Test
    void aRunWritesTheSameBytesOnOneThreadAndOnTwo() throws IOException {
        // On two threads the run without the measures goes beside the run with them, and Monte Carlo
        // runs are shared out: neither may change a byte.
        Path one = dir.resolve("one");
        Path two = dir.resolve("two");
        Result a = run("run", SAMPLE, "--runs", "12", "--threads", "1", "--formats", "csv,json", "--out", one.toString());
        Result b = run("run", SAMPLE, "--runs", "12", "--threads", "2", "--formats", "csv,json", "--out", two.toString());
        assertThat(a.code()).as(a.err()).isZero();
        assertThat(b.code()).as(b.err()).isZero();
        assertThat(b.out()).isEqualTo(a.out().replace(one.toString(), two.toString()));
        List<String> names;
        try (var files = Files.list(one)) {
            names = files.map(f -> f.getFileName().toString()).filter(f -> !f.startsWith(".")).sorted().toList();
        }
        assertThat(names).contains("results.csv", "summary.json", "bands.csv", "totals.csv");
        for (String f : names) {
            assertThat(Files.readAllBytes(two.resolve(f))).as(f).isEqualTo(Files.readAllBytes(one.resolve(f)));
        }
    }

    @Test
    void monteCarloRunsWriteBandsAndTotals() throws IOException {
        Path out = dir.resolve("mc");
        Result r = run("run", SAMPLE, "--runs", "20", "--threads", "2", "--seed", "7", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Monte Carlo, 20 runs (seed 7): total shortfall value P5")
                .contains("bands.csv, totals.csv");
        List<String> totals = Files.readAllLines(out.resolve("totals.csv"));
        String markets = NET.demand().stream().map(org.chokepoint.model.Demand::market).distinct().sorted()
                .map(m -> ",shortfall-value-" + m).collect(java.util.stream.Collectors.joining());
        String draws = SAMPLE_SCENARIO.uncertainty().parameters().stream().map(p -> "," + p.path())
                .collect(java.util.stream.Collectors.joining());
        assertThat(totals).hasSize(21).first().isEqualTo("run,total-shortfall-value" + markets + draws);
        int marketCount = (int) NET.demand().stream().map(org.chokepoint.model.Demand::market).distinct().count();
        // Each run's markets add up to its total.
        for (String line : totals.subList(1, totals.size())) {
            double[] v = java.util.Arrays.stream(line.split(",")).mapToDouble(Double::parseDouble).toArray();
            double sum = 0;
            for (int i = 2; i < 2 + marketCount; i++) {
                sum += v[i];
            }
            assertThat(sum).isCloseTo(v[1], org.assertj.core.data.Offset.offset(1e-6 * Math.max(1, v[1])));
        }
        List<String> bands = Files.readAllLines(out.resolve("bands.csv"));
        // per period: P5, P50, P95 and the mean of every demand entry
        assertThat(bands).hasSize(104 * 4 * NET.demand().size() + 1).contains("0,2024-01-01,shortfall,p95,units,inspur-ai-line,,ai-server,CN,,,0");
        assertThat(bands.get(0)).isEqualTo("period,date,metric,stat,unit,site,firm,item,market,input,country,value");
        assertThat(Files.readString(out.resolve("summary.json"))).contains("\"monte-carlo\"").contains("\"runs\" : 20");
        assertThat(run("run", SAMPLE, "--runs", "0", "--out", out.toString()).code()).isEqualTo(2);
    }

    @Test
    void sweepResumedAfterAnInterruptionWritesWhatAnUninterruptedSweepWrites(@org.junit.jupiter.api.io.TempDir Path other) throws IOException {
        Path sweepFile = Files.writeString(dir.resolve("s.yaml"), """
                sweep: small
                scenario: %s
                runs: 3
                seed: 5
                metrics: [total-shortfall-value, fill-rate]
                parameters:
                  - {path: measures.bis-2025-inspur.license.approval, values: [0, 1]}
                  - {path: sites.inspur-ai-line.stock.gpu-hopper, from: 2, to: 10, steps: 3}
                """.formatted(Path.of(SAMPLE).toAbsolutePath()));
        Path full = dir.resolve("full");
        Result r = run("sweep", sweepFile.toString(), "--out", full.toString(), "--threads", "2");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("small: 6 points × 3 runs (grid design)");
        List<String> csv = Files.readAllLines(full.resolve("sweep.csv"));
        assertThat(csv.get(0)).isEqualTo("point,measures.bis-2025-inspur.license.approval,sites.inspur-ai-line.stock.gpu-hopper,metric,mean,p5,p50,p95");
        assertThat(csv).hasSize(1 + 6 * 2);

        // An interrupted run: the partial file has 2 complete points, one metric of the third and a torn row.
        Path resumed = other.resolve("resumed");
        Result first = run("sweep", sweepFile.toString(), "--out", resumed.toString(), "--threads", "1");
        assertThat(first.code()).as(first.err()).isZero();
        try (var folder = org.chokepoint.io.OutputFolder.open(resumed, "sweep", false, List.of(), List.of())) {
            Path partial = folder.growing("sweep.csv.partial");
            org.chokepoint.io.SweepWriter.start(partial, org.chokepoint.io.SweepReader.read(sweepFile).sweep(),
                    org.chokepoint.io.SweepWriter.Fingerprint.of(sweepFile, Path.of(SAMPLE).toAbsolutePath(),
                            Path.of("scenarios/networks/inspur-servers-2025.yaml").toAbsolutePath(), org.chokepoint.api.Chokepoint.version()));
            Files.writeString(partial, String.join("\n", csv.subList(1, 1 + 2 * 2 + 1)) + "\n"
                    + csv.get(6).substring(0, 7), java.nio.file.StandardOpenOption.APPEND);
        }
        Result again = run("sweep", sweepFile.toString(), "--out", resumed.toString(), "--resume", "--threads", "1");
        assertThat(again.out()).contains("resuming: 2 of 6 points already done");
        assertThat(resumed.resolve("sweep.csv")).hasSameBinaryContentAs(full.resolve("sweep.csv"));
        assertThat(resumed.resolve("sweep.csv.partial")).doesNotExist();
        assertThat(Files.readString(full.resolve("design.json"))).contains("\"design\" : \"grid\"").contains("\"runs-per-point\" : 3")
                .contains("\"sweep-file\" : ").containsPattern("\"scenario\" : \".*inspur-entity-list-2025.yaml\"");

        // The report: design, effects, every point, the charts; the same whether resumed or not.
        assertThat(r.out()).contains("sweep-total-shortfall-value.png, sweep-fill-rate.png, sweep-effects.png, report.pdf");
        try (var pdf = org.apache.pdfbox.Loader.loadPDF(full.resolve("report.pdf").toFile())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf);
            assertThat(text).contains("The design").contains("What moves what").contains("The metrics at each point")
                    .contains("measures.bis-2025-inspur.license.approval").contains("Methods")
                    .contains("chokepoint sweep " + sweepFile);
        }
    }

    @Test
    void exposurePrintsTheStaticPictureAsTextJsonAndCsv() throws IOException {
        Result t = run("exposure", SAMPLE, "--threads", "2");
        assertThat(t.code()).as(t.err()).isZero();
        assertThat(t.out()).contains("Control exposure", "inspur-ai-line", "bis-2025-inspur", "foreign direct product",
                "Where there is no second way", "Most concentrated supply", "Criticality", "delta-psu");
        Result j = run("exposure", SAMPLE, "--format", "json", "--no-survival", "--recovery", "4w");
        assertThat(j.code()).as(j.err()).isZero();
        var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(j.out());
        assertThat(tree.get("recovery").asInt()).isEqualTo(4);
        assertThat(tree.get("exposure").size()).isPositive();
        assertThat(tree.get("criticality").get(0).get("index").asDouble()).isEqualTo(1.0);
        Path tables = dir.resolve("exposure");
        Result c = run("exposure", SAMPLE, "--format", "csv", "--no-survival", "--out", tables.toString());
        assertThat(c.code()).as(c.err()).isZero();
        assertThat(c.out()).contains("wrote " + tables + "/: exposure.csv, exposure-inputs.csv");
        // one table a file, each with typed columns
        assertThat(Files.readAllLines(tables.resolve("exposure.csv")).get(0)).isEqualTo("site,item,measure,authority,type,condition,share");
        assertThat(Files.readString(tables.resolve("exposure.csv"))).contains("inspur-ai-line,ai-server,bis-2025-inspur,US,entity-listing,,");
        assertThat(Files.readString(tables.resolve("single-points.csv"))).contains("inspur-ai-line,ai-server,delta-psu");
        assertThat(Files.readAllLines(tables.resolve("criticality.csv")).get(0))
                .isEqualTo("method,site,firm,item,lost-value,index,time-to-survive,outage-periods");
        assertThat(run("exposure", SAMPLE, "--recovery", "soon").code()).isEqualTo(2);
    }

    @Test
    void sensitivityTornadoAndSobol() throws IOException {
        Result t = run("sensitivity", SAMPLE, "--runs", "5", "--out", dir.toString());
        assertThat(t.code()).as(t.err()).isZero();
        assertThat(t.out()).contains("measures.bis-2025-inspur.license.approval");
        assertThat(Files.readAllLines(dir.resolve("tornado.csv"))).hasSize(3).first()
                .isEqualTo("parameter,low,high,metric-at-low,metric-at-high,swing");
        Result s = run("sensitivity", SAMPLE, "--method", "sobol", "--samples", "8", "--runs", "3", "--out", dir.toString());
        assertThat(s.code()).as(s.err()).isZero();
        assertThat(Files.readAllLines(dir.resolve("sobol.csv"))).hasSize(3);
        assertThat(dir.resolve("tornado.png")).isNotEmptyFile();
        assertThat(dir.resolve("sobol.png")).isNotEmptyFile();
        assertThat(run("sensitivity", SAMPLE, "--method", "morris").code()).isEqualTo(2);
        assertThat(run("sensitivity", "src/test/resources/invalid/../valid/tiny-network.yaml").code()).isEqualTo(2);
    }

    @Test
    void sampleSweepFileIsValid() {
        var loaded = org.chokepoint.io.SweepReader.read(Path.of("scenarios/sweeps/inspur-license-vs-stockpile.yaml"));
        assertThat(loaded.sweep().points()).hasSize(25);
    }

    @Test
    void aNetworkNamedTwiceHasItsProblemsSaidOnce() {
        Result r = run("validate", "src/test/resources/invalid/scenario-network-errors.yaml", "src/test/resources/invalid/bad-numbers.yaml");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().lines().filter(l -> l.contains("bad-numbers.yaml:2:20: items[0].value")).count()).isEqualTo(1);
    }

    @Test
    void explainNamesAMistypedLinkAndForgivesSpaces() {
        Result spaced = run("explain", SAMPLE, "--link", "nvidia-gpu -> inspur-ai-line");
        assertThat(spaced.code()).as(spaced.err()).isZero();
        assertThat(spaced.out()).startsWith("nvidia-gpu->inspur-ai-line  gpu-hopper");
        Result typo = run("explain", SAMPLE, "--link", "nvidia-gpuu->inspur-ai-line");
        assertThat(typo.code()).isEqualTo(2);
        assertThat(typo.err()).contains("no site 'nvidia-gpuu' in this scenario's network. Did you mean 'nvidia-gpu'?");
        Result none = run("explain", SAMPLE, "--link", "intel-xeon->nvidia-gpu");
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).contains("no link or alternate from intel-xeon to nvidia-gpu. Paths into nvidia-gpu: tsmc-n4->nvidia-gpu,"
                + " hynix-hbm->nvidia-gpu.");
    }

    @Test
    void formatsSelectWhatIsWritten() throws IOException {
        Path out = dir.resolve("some");
        Result r = run("run", SAMPLE, "--out", out.toString(), "--formats", "json,pdf");
        assertThat(r.code()).as(r.err()).isZero();
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")))
                    .containsExactlyInAnyOrder("summary.json", "report.pdf", "inputs.json"); // the inputs' digest always goes beside them
        }
        Result bad = run("run", SAMPLE, "--out", out.toString(), "--formats", "csv,xlsx");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("unknown format 'xlsx'");
    }

    @Test
    void runRejectsBadOptions() {
        assertThat(run("run", SAMPLE, "--rationing", "lottery", "--out", dir.toString()).err()).contains("unknown rationing 'lottery'");
        assertThat(run("run", SAMPLE, "--restoration-time", "0", "--out", dir.toString()).code()).isEqualTo(2);
    }

    @Test
    void runOfAMissingFileIsBadInput() {
        Result r = run("run", "scenarios/nope.yaml");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("file not found: scenarios/nope.yaml");
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertThat(run("validate").code()).isEqualTo(2);
        assertThat(run("frobnicate").code()).isEqualTo(2);
        assertThat(run("graph", SAMPLE, "--format", "png").err()).contains("unknown graph format 'png'");
        assertThat(run("graph", SAMPLE, "--format", "png").code()).isEqualTo(2);
        assertThat(run("generate", "--sites", "3", "--links", "5", "-o", dir.resolve("g").toString()).code()).isEqualTo(2);
    }

    @Test
    void helpAndVersion() {
        Result v = run("--version");
        assertThat(v.code()).isZero();
        assertThat(v.out()).startsWith("chokepoint ");
        for (String cmd : new String[] {"run", "sweep", "sensitivity", "explain", "validate", "graph", "generate"}) {
            Result h = run(cmd, "--help");
            assertThat(h.code()).as(cmd).isZero();
            assertThat(h.out()).as(cmd).contains("Usage: chokepoint " + cmd);
        }
        assertThat(run().out()).contains("Commands:").contains("validate").contains("graph");
    }

    @Test
    void graphWritesEachFormatToAFile() throws IOException {
        for (String f : new String[] {"dot", "graphml", "json"}) {
            Path out = dir.resolve("supply." + f);
            Result r = run("graph", SAMPLE, "--format", f, "-o", out.toString());
            assertThat(r.code()).as(f).isZero();
            assertThat(Files.size(out)).as(f).isPositive();
        }
        assertThat(Files.readString(dir.resolve("supply.dot"))).startsWith("digraph supply {");
        assertThat(run("graph", SAMPLE).out()).startsWith("digraph supply {");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no temporary files left").allMatch(n -> n.startsWith("supply."));
        }
    }

    @Test
    void generateWritesALoadableNetworkAndNeverTouchesAFileItDidNotWrite() throws IOException {
        Path out = dir.resolve("net");
        Files.createDirectories(out);
        Files.writeString(out.resolve("notes.txt"), "mine");
        Result refused = run("generate", "--sites", "60", "--links", "300", "--seed", "4", "-o", out.toString());
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("holds a file that chokepoint did not write: notes.txt").doesNotContain("Exception");
        Result r = run("generate", "--sites", "60", "--links", "300", "--seed", "4", "-o", out.toString(), "--force");
        assertThat(r.code()).isZero();
        assertThat(r.err()).contains("wrote " + out + ": 60 sites, 300 links");
        assertThat(Files.readString(out.resolve("notes.txt"))).isEqualTo("mine");
        assertThat(NetworkReader.read(out).links()).hasSize(300);
        assertThat(run("validate", out.toString()).code()).isZero();
    }

    @Test
    void validateAcceptsTheProjectsSweepFileAndChecksItsScenario() {
        Result r = run("validate", "scenarios/sweeps/inspur-license-vs-stockpile.yaml");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("inspur-license-vs-stockpile.yaml: ok").contains("design      grid, 25 points × 30 runs, seed 20250325");
        assertThat(r.err()).isEmpty();
    }

    /** A sweep naming the removed unit total, or a market its scenario has no buyers in, is refused at the metric. */
    @Test
    void sweepMetricsAreCheckedAgainstTheScenario() throws IOException {
        Path sweep = Files.writeString(dir.resolve("metrics.yaml"), "sweep: m\nscenario: "
                + Path.of("scenarios/inspur-entity-list-2025.yaml").toAbsolutePath() + "\nruns: 2\n"
                + "metrics: [total-shortfall, shortfall-value-CN, shortfall-value-FR]\n"
                + "parameters:\n  - {path: measures.bis-2025-inspur.license.approval, values: [0, 1]}\n");
        Result v = run("validate", sweep.toString());
        assertThat(v.code()).isEqualTo(2);
        assertThat(v.err()).contains("metrics.yaml:4:11: metrics[0]: metric 'total-shortfall' was removed: it added units of unlike items")
                .contains("metrics.yaml:4:48: metrics[2]: unknown metric 'shortfall-value-FR'")
                .doesNotContain("metrics[1]");
    }

    @Test
    void chartsTooLargeToDrawAreRefusedBeforeSimulating() {
        Result r = run("run", SAMPLE, "--png-width", "6000", "--png-scale", "4", "--out", dir.resolve("big").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("makes charts 24000 pixels wide; at most 8000");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aRestorationTimeThatMakesTheOrderRuleUnstableIsRefusedBeforeSimulating() throws IOException {
        String text = Files.readString(Path.of("src/test/resources/invalid/unstable-orders.yaml"))
                .replace("restoration-time: 4", "restoration-time: 8").replaceAll("(?m)^# expect:.*$", "");
        Path scenario = Files.writeString(dir.resolve("two-sector.yaml"), text);
        Result ok = run("run", scenario.toString(), "--out", dir.resolve("ok").toString(), "--formats", "csv");
        assertThat(ok.code()).as(ok.err()).isZero();
        Result r = run("run", scenario.toString(), "--restoration-time", "4", "--out", dir.resolve("bad").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--restoration-time 4: the order rule is unstable on this network")
                .contains("Set --restoration-time to 7 periods or more");
        assertThat(r.out()).isEmpty();
        assertThat(dir.resolve("bad")).doesNotExist();

        Path sweep = Files.writeString(dir.resolve("cover.yaml"), "sweep: cover\nscenario: two-sector.yaml\nruns: 2\n"
                + "parameters:\n  - {path: sites.agri.stock.food, values: [4, 13, 40]}\n");
        Result v = run("validate", sweep.toString());
        assertThat(v.code()).isEqualTo(2);
        assertThat(v.err()).contains("cover.yaml:5:51: parameters[0].values[2]: value 40 is not allowed: the order rule is unstable");
    }
}
