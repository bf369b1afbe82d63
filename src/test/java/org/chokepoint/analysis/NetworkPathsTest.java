package org.chokepoint.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.chokepoint.api.Chokepoint;
import org.chokepoint.engine.Parameters;
import org.chokepoint.io.NetworkReader;
import org.chokepoint.io.NetworkWriter;
import org.chokepoint.io.ScenarioReader;
import org.chokepoint.model.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dated paths of the network itself, worked by hand: a plant making 100 a week against demand of
 * 80; demand grows by half from 2025-03-03 (period 8 of weeks from 2025-01-06: 120 against 100,
 * 20 short a week); the plant expands by half from 2025-05-05 (period 17: 150, nothing short);
 * a second plant closes on 2025-02-03 (period 4) and its buyers get nothing from then. Paths
 * belong to every run: the run without the measures shows them too.
 */
class NetworkPathsTest {

    @TempDir
    Path dir;

    @Test
    void demandGrowthCapacityExpansionAndClosureOnTheirDates() throws IOException {
        Path f = Files.writeString(dir.resolve("s.yaml"), """
                scenario: paths
                start: 2025-01-06
                step: week
                periods: 30
                network:
                  items:
                    - {id: widget, value: 100, category: end-product}
                  firms:
                    - {id: maker, country: DE}
                  sites:
                    - {id: plant, firm: maker, makes: widget, capacity: 100, capacity-path: {2025-05-05: 1.5}}
                    - {id: old-plant, firm: maker, makes: widget, capacity: 50, capacity-path: {2025-02-03: 0}}
                  demand:
                    - {item: widget, market: DE, site: plant, quantity: 80, path: {2025-03-03: 1.5}}
                    - {item: widget, market: FR, site: old-plant, quantity: 40}
                """);
        Scenario s = ScenarioReader.read(f);
        Chokepoint.Run run = Chokepoint.simulate(s, Parameters.of(s));
        for (var series : java.util.List.of(run.series(), run.baselineSeries())) {
            for (int t = 0; t < s.periods(); t++) {
                double expected = t < 8 ? 0 : t < 17 ? 20 : 0;
                assertThat(series.shortfall(t, 0)).as("growing demand, period %d", t)
                        .isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-9));
                assertThat(series.demanded(t, 0)).as("period %d", t).isEqualTo(t < 8 ? 80.0 : 120.0);
                assertThat(series.shortfall(t, 1)).as("closed plant, period %d", t)
                        .isCloseTo(t < 4 ? 0 : 40, org.assertj.core.data.Offset.offset(1e-9));
            }
        }
        // The same paths in every format.
        NetworkWriter.writeCsv(s.network(), dir.resolve("csv"));
        var back = NetworkReader.read(dir.resolve("csv"));
        assertThat(back.sites()).containsExactlyElementsOf(s.network().sites());
        assertThat(back.demand()).containsExactlyElementsOf(s.network().demand());
    }
}
