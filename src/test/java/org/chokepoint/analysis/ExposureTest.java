package org.chokepoint.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.chokepoint.api.Chokepoint;
import org.chokepoint.engine.CompiledNetwork;
import org.chokepoint.model.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exposure, single points of failure, cuts and concentration on networks small enough to work by hand. */
class ExposureTest {

    @TempDir
    Path dir;

    /**
     * A US fab makes chips (USD 50, 3A001) from Chinese gallium (USD 5 a unit); a Taiwanese plant
     * makes modules (USD 100) from one chip; a Chinese line makes boards (USD 400) from one chip and
     * two modules; a US maker makes devices (USD 200) from one module. The US lists the board
     * maker; China bans gallium exports to the US.
     */
    Scenario scenario() throws Exception {
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, """
                scenario: t
                start: 2025-01-06
                step: week
                periods: 10
                network:
                  items:
                    - {id: gallium, value: 5}
                    - {id: us-chip, value: 50, eccn: 3A001}
                    - {id: module, value: 100}
                    - {id: board, value: 400}
                    - {id: device, value: 200}
                  firms:
                    - {id: refiner, country: CN}
                    - {id: fab, country: US}
                    - {id: plant, country: TW}
                    - {id: boards, country: CN}
                    - {id: devices, country: US}
                    - {id: other-fab, country: KR}
                  sites:
                    - {id: cn-ga, firm: refiner, makes: gallium, capacity: 1000}
                    - {id: us-fab, firm: fab, makes: us-chip, capacity: 1000, recipe: {gallium: 1}}
                    - {id: kr-fab, firm: other-fab, makes: us-chip, capacity: 1000}
                    - {id: tw-plant, firm: plant, makes: module, capacity: 1000, recipe: {us-chip: 1}}
                    - {id: cn-line, firm: boards, makes: board, capacity: 1000, recipe: {us-chip: 1, module: 2}}
                    - {id: us-maker, firm: devices, makes: device, capacity: 1000, recipe: {module: 1}}
                  links:
                    - {from: cn-ga, to: us-fab}
                    - {from: us-fab, to: tw-plant}
                    - {from: us-fab, to: cn-line}
                    - {from: tw-plant, to: cn-line}
                    - {from: tw-plant, to: us-maker}
                  alternates:
                    - {site: tw-plant, item: us-chip, from: kr-fab}
                  demand:
                    - {item: board, market: CN, site: cn-line, quantity: 10}
                    - {item: device, market: US, site: us-maker, quantity: 10}
                measures:
                  - {id: listing, type: entity-listing, authority: US, effective: 2025-02-03, firms: [boards]}
                  - {id: ban, type: export-ban, authority: CN, effective: 2025-02-03, items: [gallium], destinations: [US]}
                """);
        return Chokepoint.loadScenario(f);
    }

    /**
     * The listing catches the chip shipped straight to the board line (US-made: 50/400 = 12.5% of
     * the board's cost) and the modules (their US chip is 50% of their value, above the 25% de
     * minimis for China: 200/400 = 50%): 62.5% in all. The ban catches gallium at the fab, 5/50 =
     * 10% of a chip; a module carries half its value in a chip, so 5%; a device half its value in a
     * module, 2.5%; a board 12.5% × 10% through its chip plus 50% × 5% through its modules, 3.75%.
     */
    @Test
    void sharesOfTheBillOfMaterialsByHand() throws Exception {
        Scenario s = scenario();
        CompiledNetwork c = CompiledNetwork.of(s.network(), s.step());
        List<Exposure.Row> rows = Exposure.of(c, Chokepoint.decide(s));
        Exposure.Row board = row(rows, "cn-line", "listing");
        assertThat(board.share()).isCloseTo(0.625, Offset.offset(1e-12));
        assertThat(board.inputs()).extracting(Exposure.Input::link, Exposure.Input::basis).containsExactly(
                org.assertj.core.groups.Tuple.tuple("tw-plant->cn-line", Exposure.Basis.DE_MINIMIS),
                org.assertj.core.groups.Tuple.tuple("us-fab->cn-line", Exposure.Basis.ORIGIN));
        assertThat(board.inputs().get(0).share()).isCloseTo(0.5, Offset.offset(1e-12));
        assertThat(board.inputs().get(0).destination()).isEqualTo("CN");
        assertThat(row(rows, "us-maker", "listing").share()).isZero();

        assertThat(row(rows, "us-maker", "ban").share()).isCloseTo(0.025, Offset.offset(1e-12));
        assertThat(row(rows, "cn-line", "ban").share()).isCloseTo(0.0375, Offset.offset(1e-12));
        assertThat(row(rows, "cn-line", "ban").inputs()).singleElement()
                .satisfies(i -> assertThat(i.link()).isEqualTo("cn-ga->us-fab"))
                .satisfies(i -> assertThat(i.basis()).isEqualTo(Exposure.Basis.ORIGIN));
    }

    static Exposure.Row row(List<Exposure.Row> rows, String site, String measure) {
        return rows.stream().filter(r -> r.site().equals(site) && r.measure().equals(measure)).findFirst().orElseThrow();
    }

    /**
     * The board line: its only chip source is the US fab (single-sourced, no alternate), so the
     * fab and the gallium refiner behind it are single points of failure, and so is the module
     * plant; the cheapest cut is one site. The device maker: the module plant alone stops it; the
     * fab does not, since the plant can qualify the Korean fab's chips.
     */
    @Test
    void singlePointsAndCutsWhereTheyAreObvious() throws Exception {
        Scenario s = scenario();
        CompiledNetwork c = CompiledNetwork.of(s.network(), s.step());
        SupplyRisk.Result r = SupplyRisk.of(c);
        assertThat(r.singleSources()).extracting(SupplyRisk.SingleSource::site, SupplyRisk.SingleSource::item)
                .contains(org.assertj.core.groups.Tuple.tuple("cn-line", "us-chip"), org.assertj.core.groups.Tuple.tuple("us-fab", "gallium"))
                .doesNotContain(org.assertj.core.groups.Tuple.tuple("tw-plant", "us-chip"));
        SupplyRisk.EndItemRisk board = r.endItems().stream().filter(e -> e.site().equals("cn-line")).findFirst().orElseThrow();
        assertThat(board.singlePoints()).containsExactlyInAnyOrder("cn-ga", "us-fab", "tw-plant");
        assertThat(board.cut()).hasSize(1);
        SupplyRisk.EndItemRisk device = r.endItems().stream().filter(e -> e.site().equals("us-maker")).findFirst().orElseThrow();
        assertThat(device.singlePoints()).containsExactly("tw-plant");
        assertThat(device.cut()).containsExactly("tw-plant");
    }

    /** Two disjoint routes to a part: the cut takes one site from each, two in all. */
    @Test
    void aCutAcrossTwoRoutes() throws Exception {
        Path f = dir.resolve("two.yaml");
        Files.writeString(f, """
                items: [{id: ore, value: 1}, {id: part, value: 10}, {id: product, value: 50}]
                firms: [{id: f, country: US}]
                sites:
                  - {id: m1, firm: f, makes: ore, capacity: 100}
                  - {id: m2, firm: f, makes: ore, capacity: 100}
                  - {id: p1, firm: f, makes: part, capacity: 100, recipe: {ore: 1}}
                  - {id: p2, firm: f, makes: part, capacity: 100, recipe: {ore: 1}}
                  - {id: z, firm: f, makes: product, capacity: 100, recipe: {part: 1}}
                links:
                  - {from: m1, to: p1}
                  - {from: m2, to: p2}
                  - {from: p1, to: z, share: 0.5}
                  - {from: p2, to: z, share: 0.5}
                demand: [{item: product, market: US, site: z, quantity: 10}]
                """);
        CompiledNetwork c = CompiledNetwork.of(Chokepoint.loadNetwork(f), org.chokepoint.model.Step.WEEK);
        SupplyRisk.EndItemRisk z = SupplyRisk.of(c).endItems().get(0);
        assertThat(z.singlePoints()).isEmpty();
        assertThat(z.cut()).hasSize(2);
    }

    /** HHI: shares 50/30/20 give 2,500 + 900 + 400 = 3,800; one country, 10,000. */
    @Test
    void herfindahlOnKnownShares() {
        assertThat(SupplyRisk.hhi(List.of(50.0, 30.0, 20.0), 100)).isCloseTo(3800, Offset.offset(1e-9));
        assertThat(SupplyRisk.hhi(List.of(7.0), 7)).isCloseTo(10_000, Offset.offset(1e-9));
    }

    /** In the scenario, chips come from one fab (the Korean one supplies nothing in the base case): 10,000. */
    @Test
    void concentrationFromBaselineOutput() throws Exception {
        Scenario s = scenario();
        CompiledNetwork c = CompiledNetwork.of(s.network(), s.step());
        SupplyRisk.Concentration chips = SupplyRisk.of(c).concentration().stream().filter(x -> x.item().equals("us-chip"))
                .findFirst().orElseThrow();
        assertThat(chips.byFirm()).isCloseTo(10_000, Offset.offset(1e-9));
        assertThat(chips.largestFirm()).isEqualTo("fab");
    }
}
