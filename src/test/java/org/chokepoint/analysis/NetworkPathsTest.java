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

    /**
     * A divestiture: a Chinese firm on the Entity List owns the line, which buys US parts (lead time
     * a week, no stock) for 100 products a week; it sells the line to a Singapore firm on
     * 2025-03-03 (period 8). Listed from the start, the line gets the week in transit (period 0)
     * and nothing more: 100 short in periods 1-8. From period 8 it is no longer the listed firm's;
     * orders placed then (need 100 + 100/4) arrive in period 9 and it delivers in full again. Its
     * value added counts for China before period 8 and for Singapore from then, in the country
     * table and in every Monte Carlo run. The paths read and write in every format.
     */
    @Test
    void aSiteSoldToAnotherOwnerLeavesTheListingAndCountsForItsNewCountry() throws IOException {
        Path f = Files.writeString(dir.resolve("d.yaml"), """
                scenario: divestiture
                start: 2025-01-06
                step: week
                periods: 20
                network:
                  items:
                    - {id: part, value: 10}
                    - {id: product, value: 100, category: end-product}
                  firms:
                    - {id: partco, country: US}
                    - {id: listed, country: CN}
                    - {id: buyer, country: SG}
                  sites:
                    - {id: parts, firm: partco, makes: part, capacity: 1000}
                    - {id: line, firm: listed, location: CN, makes: product, capacity: 1000, recipe: {part: 1},
                       owner-path: {2025-03-03: buyer}}
                  links:
                    - {from: parts, to: line, lead-time: 1w}
                  demand:
                    - {item: product, market: CN, site: line, quantity: 100}
                measures:
                  - {id: listing, type: entity-listing, authority: US, effective: 2025-01-06, firms: [listed],
                     license: {policy: denial}}
                """);
        Scenario s = ScenarioReader.read(f);
        Chokepoint.Run run = Chokepoint.simulate(s, Parameters.of(s));
        for (int t = 0; t < s.periods(); t++) {
            assertThat(run.series().shortfall(t, 0)).as("period %d", t)
                    .isCloseTo(t >= 1 && t <= 8 ? 100 : 0, org.assertj.core.data.Offset.offset(1e-9));
        }
        int line = run.network().site("line");
        double cn = 0;
        double sg = 0;
        for (int t = 0; t < s.periods(); t++) {
            if (t < 8) {
                cn += run.series().valueAdded(t, line);
            } else {
                sg += run.series().valueAdded(t, line);
            }
        }
        var countries = run.summary().countries();
        assertThat(countries.stream().filter(x -> x.key().equals("CN")).findFirst().orElseThrow().valueAdded())
                .isCloseTo(cn, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(countries.stream().filter(x -> x.key().equals("SG")).findFirst().orElseThrow().valueAdded())
                .isCloseTo(sg, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(sg).isPositive();
        var mc = MonteCarlo.run(s, Parameters.of(s), 2, 1, new double[] {50}, r -> { });
        assertThat(mc.accounts().of("SG")[1]).isCloseTo(sg, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(mc.accounts().of("buyer")[0]).isCloseTo(sg, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(run.decisions().all()).singleElement().satisfies(d -> assertThat(d.to()).isEqualTo(java.time.LocalDate.of(2025, 3, 3)));
        NetworkWriter.writeCsv(s.network(), dir.resolve("dcsv"));
        assertThat(NetworkReader.read(dir.resolve("dcsv")).sites()).containsExactlyElementsOf(s.network().sites());
    }
}
