package org.chokepoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.chokepoint.api.Chokepoint;
import org.chokepoint.engine.Parameters;
import org.chokepoint.model.Scenario;
import org.junit.jupiter.api.Test;

/** The samples behave as their sources say they should: signs and rough sizes, not snapshots. */
class SampleScenariosTest {

    static double shortfallValue(String file) {
        Scenario s = Chokepoint.loadScenario(Path.of(file));
        return Chokepoint.simulate(s, Parameters.DEFAULT).summary().totalShortfallValue();
    }

    @Test
    void the2025ListingClosesThe2023AffiliateGap() {
        double y2023 = shortfallValue("scenarios/inspur-entity-list-2023.yaml");
        double y2025 = shortfallValue("scenarios/inspur-entity-list-2025.yaml");
        // 2023: Inspur Group itself runs no server line in the network, so the listing alone cuts nothing.
        assertThat(y2023).isZero();
        // 2025: the subsidiaries that run the lines are listed: billions of dollars of servers go unbuilt.
        assertThat(y2025).isGreaterThan(1e9);
    }

    @Test
    void everySampleLoadsAndRuns() throws Exception {
        try (var files = java.nio.file.Files.list(Path.of("scenarios"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                Scenario s = Chokepoint.loadScenario(f);
                assertThat(Chokepoint.simulate(s, Parameters.DEFAULT).summary().demand()).as("%s", f).isNotEmpty();
            }
        }
    }
}
