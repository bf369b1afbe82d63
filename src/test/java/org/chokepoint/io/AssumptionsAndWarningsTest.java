package org.chokepoint.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.chokepoint.model.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Measures and uncertain parameters take an assumption, which the scenario lists; measures outside the span are flagged. */
class AssumptionsAndWarningsTest {

    @TempDir
    Path dir;

    @Test
    void assumptionsOnMeasuresAndDrawsJoinTheScenariosListAndIdleMeasuresAreFlagged() throws IOException {
        Files.copy(Path.of("src/test/resources/valid/tiny-network.yaml"), dir.resolve("net.yaml"));
        Path file = Files.writeString(dir.resolve("s.yaml"), """
                scenario: noted
                start: 2025-01-06
                step: week
                periods: 10
                network: net.yaml
                assumptions: [a scenario-wide assumption]
                measures:
                  - {id: bis, type: entity-listing, authority: US, effective: 2025-02-03, firms: [acme],
                     license: {policy: presumption-of-denial}, assumption: "footnote status unconfirmed"}
                  - {id: later, type: tariff, authority: CN, effective: 2026-01-01, rate: 0.1, origins: [US]}
                  - {id: over, type: tariff, authority: CN, effective: 2024-01-01, ends: 2024-06-01, rate: 0.1, origins: [US]}
                uncertainty:
                  runs: 5
                  parameters:
                    - {path: measures.bis.license.approval, distribution: uniform, min: 0, max: 0.2, assumption: "no approvals seen"}
                """);
        Scenario s = ScenarioReader.read(file);
        assertThat(s.assumptions()).containsExactly("a scenario-wide assumption", "measure bis: footnote status unconfirmed",
                "uncertain measures.bis.license.approval: no approvals seen");
        assertThat(s.warnings()).containsExactly(
                "measure later takes effect on 2026-01-01, after the simulated span (2025-01-06 to 2025-03-17): it changes nothing",
                "measure over ends on 2024-06-01, before the simulated span starts (2025-01-06): it changes nothing");
    }
}
