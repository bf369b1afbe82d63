package org.chokepoint.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.chokepoint.TestNetworks;
import org.chokepoint.model.Network;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A network written and read back is the same network, in every format. */
class RoundTripTest {

    @TempDir
    Path dir;

    static Stream<Arguments> networks() {
        return Stream.of(
                Arguments.of("sample", NetworkReader.read(Path.of("scenarios/networks/inspur-servers-2025.yaml"))),
                Arguments.of("diamond", TestNetworks.diamond()),
                Arguments.of("random-40-seed-3", TestNetworks.random(40, 3)),
                Arguments.of("random-200-seed-11", TestNetworks.random(200, 11)),
                Arguments.of("owners-and-specs", ownersAndSpecs()));
    }

    /** Firms with shareholders and chips with the specs parameter sets test. */
    static org.chokepoint.model.Network ownersAndSpecs() {
        try {
            Path f = java.nio.file.Files.createTempFile("owners", ".yaml");
            java.nio.file.Files.writeString(f, """
                    items:
                      - {id: h20, value: 12000, eccn: 3A090.b, tpp: 2368, performance-density: 2.9, memory-bandwidth: 4000, interconnect: 900}
                      - {id: hbm, value: 1200, eccn: 3A090.c, memory-bandwidth-density: 3.3}
                      - {id: server, value: 150000, eccn: 4A090.a, transfer-rate: 900}
                    firms:
                      - {id: maker, country: US}
                      - {id: group, country: CN}
                      - {id: fund, country: CN}
                      - {id: joint, country: CN, parent: group, owners: {group: 0.45, fund: 0.3}}
                    sites:
                      - {id: fab, firm: maker, makes: h20, location: TW, capacity: 10}
                      - {id: mem, firm: maker, makes: hbm, location: KR, capacity: 10}
                      - {id: line, firm: joint, makes: server, location: CN, capacity: 1, recipe: {h20: 8, hbm: 8}}
                    links:
                      - {from: fab, to: line, lead-time: 1w}
                      - {from: mem, to: line, lead-time: 1w}
                    demand:
                      - {item: server, market: CN, site: line, quantity: 1}
                    """);
            org.chokepoint.model.Network n = NetworkReader.read(f);
            java.nio.file.Files.delete(f);
            return n;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void yamlJsonAndCsvReadBackEqual(String name, Network n) throws IOException {
        NetworkWriter.write(n, dir.resolve("n.yaml"));
        NetworkWriter.write(n, dir.resolve("n.json"));
        NetworkWriter.writeCsv(n, dir.resolve("csv"));
        assertSame(n, NetworkReader.read(dir.resolve("n.yaml")));
        assertSame(n, NetworkReader.read(dir.resolve("n.json")));
        assertSame(n, NetworkReader.read(dir.resolve("csv")));
    }

    @Test
    void writtenYamlIsStableWhenWrittenAgain() throws IOException {
        Network n = NetworkReader.read(Path.of("scenarios/networks/inspur-servers-2025.yaml"));
        StringWriter first = new StringWriter();
        NetworkWriter.writeYaml(n, first);
        Path f = Files.writeString(dir.resolve("again.yaml"), first.toString());
        StringWriter second = new StringWriter();
        NetworkWriter.writeYaml(NetworkReader.read(f), second);
        assertThat(second.toString()).isEqualTo(first.toString());
    }

    @Test
    void csvOfTheSameNetworkIsByteIdentical() throws IOException {
        Network n = TestNetworks.random(120, 5);
        NetworkWriter.writeCsv(n, dir.resolve("a"));
        NetworkWriter.writeCsv(NetworkReader.read(dir.resolve("a")), dir.resolve("b"));
        for (String t : CsvNetworkReader.TABLES) {
            if (java.nio.file.Files.exists(dir.resolve("a/" + t + ".csv"))) {
                assertThat(dir.resolve("b/" + t + ".csv")).hasSameBinaryContentAs(dir.resolve("a/" + t + ".csv"));
            } else {
                assertThat(dir.resolve("b/" + t + ".csv")).as("written only with something to say").doesNotExist();
            }
        }
    }

    /**
     * The samples' sources, assumptions, notes and dates survive being written and read back, in
     * every format: a network converted from YAML to CSV tables keeps what its back-test checks and
     * its reports' sources rest on.
     */
    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"huawei-devices", "inspur-servers-2023", "inspur-servers-2025",
        "korea-chip-materials-2019"})
    void notesAndDatesReadBackEqual(String sample) throws IOException {
        Network n = NetworkReader.read(Path.of("scenarios/networks/" + sample + ".yaml"));
        assertThat(n.notes()).isNotEmpty();
        assertThat(dated(n)).isNotEmpty();
        NetworkWriter.write(n, dir.resolve("n.yaml"));
        NetworkWriter.writeCsv(n, dir.resolve("csv"));
        for (Network back : new Network[] {NetworkReader.read(dir.resolve("n.yaml")), NetworkReader.read(dir.resolve("csv"))}) {
            assertSame(n, back);
            assertThat(back.notes()).containsExactlyInAnyOrderElementsOf(n.notes());
            assertThat(dated(back)).isEqualTo(dated(n));
        }
    }

    /** Each element's as-of and calibrated, where it has either. */
    private static java.util.Map<String, String> dated(Network n) {
        java.util.Map<String, String> out = new java.util.TreeMap<>();
        for (org.chokepoint.model.Fact f : n.facts()) {
            if (f.asOf() != null || f.calibrated() != null) {
                out.put(f.element(), f.asOf() + " " + f.calibrated());
            }
        }
        return out;
    }

    static void assertSame(Network expected, Network actual) {
        assertThat(actual.items()).containsExactlyElementsOf(expected.items());
        assertThat(actual.firms()).containsExactlyElementsOf(expected.firms());
        assertThat(actual.sites()).containsExactlyElementsOf(expected.sites());
        assertThat(actual.links()).containsExactlyElementsOf(expected.links());
        assertThat(actual.alternates()).containsExactlyElementsOf(expected.alternates());
        assertThat(actual.demand()).containsExactlyElementsOf(expected.demand());
    }
}
