package org.chokepoint.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.chokepoint.analysis.PolicyRun;
import org.chokepoint.engine.CompiledNetwork;
import org.chokepoint.engine.Parameters;
import org.chokepoint.engine.SeriesRecorder;
import org.chokepoint.engine.Simulation;
import org.chokepoint.io.ScenarioReader;
import org.chokepoint.model.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sales to end buyers in another country are exports: an export ban, a country control and an
 * unreliable-entity listing reach them as they reach a supply link, and what they hold back is
 * short (the buyers still want it), unlike a procurement ban's buyers, who go elsewhere. Worked by
 * hand on a refiner in China selling 100 kg a week at home and 40 abroad, and a US chip maker
 * selling 30 a week in China.
 */
class SalesAbroadTest {

    @TempDir
    Path dir;

    static final String NETWORK = """
            network:
              items:
                - {id: gallium, value: 300}
                - {id: chip, value: 50, eccn: 3A001}
              firms:
                - {id: refiner, country: CN}
                - {id: chipco, country: US}
              sites:
                - {id: refinery, firm: refiner, makes: gallium, capacity: 1000}
                - {id: fab, firm: chipco, makes: chip, capacity: 1000}
              demand:
                - {item: gallium, market: CN, site: refinery, quantity: 100}
                - {item: gallium, market: JP, site: refinery, quantity: 40}
                - {item: chip, market: CN, site: fab, quantity: 30}
            """;

    record Run(Scenario scenario, PolicyDecisions decisions, SeriesRecorder series) {}

    Run run(String measures) throws IOException {
        Path f = Files.writeString(dir.resolve("s.yaml"), "scenario: sales\nstart: 2025-01-06\nstep: week\nperiods: 20\n" + NETWORK
                + "measures:\n" + measures);
        Scenario s = ScenarioReader.read(f);
        CompiledNetwork c = CompiledNetwork.of(s.network(), s.step());
        PolicyDecisions d = PolicyEvaluator.evaluate(s, c);
        Simulation sim = new Simulation(c, Parameters.of(s).withChecked(true));
        SeriesRecorder r = new SeriesRecorder();
        PolicyRun.run(sim, d, 0, sim.newState(), r);
        return new Run(s, d, r);
    }

    @Test
    void anExportBanHoldsBackSalesAbroadAndTheyAreShort() throws IOException {
        // from 2025-02-03, period 4
        Run r = run("  - {id: ban, type: export-ban, authority: CN, effective: 2025-02-03, items: [gallium]}\n");
        Decision jp = LawRulesTest.one(r.decisions(), "refinery->end buyers in JP", "ban");
        assertThat(jp.effect()).isEqualTo(Decision.Effect.LICENSE);
        assertThat(jp.demand()).isEqualTo(1);
        assertThat(jp.trace()).anyMatch(t -> t.contains("gallium leaves CN (site refinery) for JP (end buyers of refinery)"));
        assertThat(LawRulesTest.on(r.decisions(), "refinery->end buyers in CN", "ban")).as("home sales are no export").isEmpty();
        for (int t = 0; t < 20; t++) {
            double jpDelivered = t < 4 ? 40 : 0;
            assertThat(r.series().delivered(t, 1)).as("period %d", t).isCloseTo(jpDelivered, within(1e-9));
            assertThat(r.series().shortfall(t, 1)).as("period %d: the buyers abroad still want it", t).isCloseTo(40 - jpDelivered,
                    within(1e-9));
            assertThat(r.series().delivered(t, 0)).isCloseTo(100, within(1e-9));
        }
    }

    @Test
    void aCountryControlReachesUsMadeChipsSoldToEndBuyersInChina() throws IOException {
        Run r = run("  - {id: cc, type: country-control, authority: US, effective: 2025-02-03, destinations: [CN], eccn: [3A001],"
                + " license: {policy: denial}}\n");
        Decision cn = LawRulesTest.one(r.decisions(), "fab->end buyers in CN", "cc");
        assertThat(cn.effect()).isEqualTo(Decision.Effect.LICENSE);
        assertThat(cn.trace()).anyMatch(t -> t.equals("destination CN, named (end buyers of fab)"))
                .anyMatch(t -> t.startsWith("chip is made in US (site fab): subject to the EAR"));
        assertThat(r.series().delivered(3, 2)).isCloseTo(30, within(1e-9));
        assertThat(r.series().delivered(4, 2)).isZero();
        assertThat(r.series().shortfall(10, 2)).isCloseTo(30, within(1e-9));
    }

    @Test
    void endBuyersOnTheAuthoritysTerritoryMayNotBuyFromAnUnreliableEntity() throws IOException {
        Run r = run("  - {id: uel, type: unreliable-entity, authority: CN, effective: 2025-02-03, firms: [chipco], directions: [imports]}\n");
        Decision cn = LawRulesTest.one(r.decisions(), "fab->end buyers in CN", "uel");
        assertThat(cn.effect()).isEqualTo(Decision.Effect.BLOCK);
        assertThat(cn.trace()).anyMatch(t -> t.equals("end buyers in CN may not buy chip from listed chipco (imports restricted)"));
        assertThat(r.series().delivered(4, 2)).isZero();
        assertThat(r.series().shortfall(4, 2)).isCloseTo(30, within(1e-9));
        // restricting exports to the listed firm only leaves end buyers free
        Run exports = run("  - {id: uel, type: unreliable-entity, authority: CN, effective: 2025-02-03, firms: [chipco],"
                + " directions: [exports]}\n");
        assertThat(LawRulesTest.one(exports.decisions(), "fab->end buyers in CN", "uel").effect()).isEqualTo(Decision.Effect.NONE);
        assertThat(exports.series().delivered(10, 2)).isCloseTo(30, within(1e-9));
    }

    @Test
    void aTariffOnSalesToEndBuyersIsNamedAsLeftOut() throws IOException {
        Run r = run("  - {id: duty, type: tariff, authority: CN, effective: 2025-02-03, rate: 0.25, origins: [US]}\n");
        Decision cn = LawRulesTest.one(r.decisions(), "fab->end buyers in CN", "duty");
        assertThat(cn.effect()).isEqualTo(Decision.Effect.NONE);
        assertThat(PolicyEvaluator.unpricedTariffs(r.decisions())).containsExactly(
                "measure duty would tax fab->end buyers in CN (chip): tariffs on sales to end buyers are not modelled");
        assertThat(r.series().delivered(10, 2)).isCloseTo(30, within(1e-9));
        List<Decision> none = LawRulesTest.on(r.decisions(), "refinery->end buyers in JP", "duty");
        assertThat(none).as("gallium from CN is not of US origin").isEmpty();
    }
}
