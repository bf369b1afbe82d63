package org.chokepoint.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.chokepoint.model.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The inputs' digest follows every input's contents, and only their contents. */
class InputDigestTest {

    @TempDir
    Path dir;

    private InputDigest digest(Path folder) throws IOException {
        Path scenario = folder.resolve("s.yaml");
        Scenario s = ScenarioReader.read(scenario);
        return InputDigest.of(scenario, s, "v1");
    }

    private Path copy(String name) throws IOException {
        Path folder = Files.createDirectories(dir.resolve(name).resolve("networks"));
        Files.copy(Path.of("scenarios/networks/inspur-servers-2025.yaml"), folder.resolve("inspur-servers-2025.yaml"));
        Files.copy(Path.of("scenarios/inspur-entity-list-2025.yaml"), folder.getParent().resolve("s.yaml"));
        return folder.getParent();
    }

    @Test
    void changesWhenTheNetworkChangesAndNotWhenTheFilesMove() throws IOException {
        InputDigest a = digest(copy("a"));
        InputDigest moved = digest(copy("b"));
        assertThat(moved.sha256()).as("the same inputs elsewhere").isEqualTo(a.sha256());
        assertThat(a.entries()).extracting(InputDigest.Entry::role).startsWith("scenario", "network").contains("shipped-law");

        Path c = copy("c");
        Path network = c.resolve("networks/inspur-servers-2025.yaml");
        Files.writeString(network, Files.readString(network).replace("capacity: 1400", "capacity: 1500"));
        InputDigest changed = digest(c);
        assertThat(changed.sha256()).as("a network edit").isNotEqualTo(a.sha256());
        assertThat(changed.entries().get(0).sha256()).as("the scenario file itself is unchanged").isEqualTo(a.entries().get(0).sha256());
        assertThat(changed.entries().get(1).sha256()).isNotEqualTo(a.entries().get(1).sha256());

        Scenario s = ScenarioReader.read(dir.resolve("a/s.yaml"));
        assertThat(InputDigest.of(dir.resolve("a/s.yaml"), s, "v2").sha256()).as("another version").isNotEqualTo(a.sha256());
    }
}
