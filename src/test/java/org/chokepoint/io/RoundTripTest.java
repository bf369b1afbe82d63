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
                Arguments.of("sample", NetworkReader.read(Path.of("scenarios/networks/inspur-servers.yaml"))),
                Arguments.of("diamond", TestNetworks.diamond()),
                Arguments.of("random-40-seed-3", TestNetworks.random(40, 3)),
                Arguments.of("random-200-seed-11", TestNetworks.random(200, 11)));
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
        Network n = NetworkReader.read(Path.of("scenarios/networks/inspur-servers.yaml"));
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
            assertThat(dir.resolve("b/" + t + ".csv")).hasSameBinaryContentAs(dir.resolve("a/" + t + ".csv"));
        }
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
