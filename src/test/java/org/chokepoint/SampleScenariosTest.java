package org.chokepoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.chokepoint.analysis.RunSummary;
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
        Scenario s2023 = load("scenarios/inspur-entity-list-2023.yaml");
        // 2023: Inspur Group itself runs no server line in the network, so the listing alone cuts nothing...
        assertThat(shortfallValue(without(s2023, "us-advanced-computing"))).isZero();
        // ...while the advanced-computing rule in force catches the A800 from its October 2023 revision.
        RunSummary.DemandRow ai = Chokepoint.simulate(s2023, Parameters.of(s2023)).summary().demand().stream()
                .filter(d -> d.item().equals("ai-server")).findFirst().orElseThrow();
        assertThat(ai.shortfallValue()).isPositive();
        assertThat(s2023.dateOf(ai.firstShort())).isAfter(java.time.LocalDate.of(2023, 10, 23));
        // 2025: the subsidiaries that run the lines are listed: billions of dollars of servers go unbuilt.
        assertThat(shortfallValue("scenarios/inspur-entity-list-2025.yaml")).isGreaterThan(1e9);
    }

    /** Every sample is a back-test its own strict check accepts: no late facts, nothing undated. */
    @Test
    void everySampleRestsOnlyOnFactsDatedBeforeItsEvent() throws java.io.IOException {
        try (var files = java.nio.file.Files.list(Path.of("scenarios"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                Scenario s = Chokepoint.loadScenario(f);
                assertThat(org.chokepoint.model.Backtest.strictProblems(s)).as("%s", f).isEmpty();
                assertThat(org.chokepoint.model.Backtest.datesItsFacts(s)).as("%s dates its facts", f).isTrue();
            }
        }
    }

    static Scenario load(String file) {
        return Chokepoint.loadScenario(Path.of(file));
    }

    static Scenario without(Scenario s, String measure) {
        return s.with(s.network(), s.measures().stream().filter(m -> !m.id().equals(measure)).toList());
    }

    static double shortfallValue(Scenario s) {
        return Chokepoint.simulate(s, Parameters.of(s)).summary().totalShortfallValue();
    }

    /** Shortfall value of the demand entries whose market is {@code market}. */
    static double shortfallValue(RunSummary summary, String market) {
        return summary.demand().stream().filter(d -> d.market().equals(market)).mapToDouble(RunSummary.DemandRow::shortfallValue).sum();
    }

    /**
     * May 2020 reached chips of Huawei's design; August 2020 any foreign chip made with US
     * technology, so MediaTek's chips, memory and sensors too. Both bite in September 2020.
     */
    @Test
    void theAugust2020ExtensionCutsHuaweiFurtherThanMays() {
        Scenario both = load("scenarios/huawei-fdpr-2020.yaml");
        Scenario mayOnly = without(both, "bis-2020-08-fdp");
        double may = shortfallValue(mayOnly);
        double august = shortfallValue(both);
        assertThat(may).as("the May rule alone still costs phones").isPositive();
        assertThat(august).as("August %s vs May %s", august, may).isGreaterThan(2 * may);
        RunSummary.DemandRow phonesCn = Chokepoint.simulate(both, Parameters.of(both)).summary().demand().stream()
                .filter(d -> d.item().equals("smartphone") && d.market().equals("CN")).findFirst().orElseThrow();
        assertThat(both.dateOf(phonesCn.firstShort())).as("stocks carry the phones past the September cut")
                .isAfter(java.time.LocalDate.of(2020, 10, 1));
        // Tens of billions of dollars over two years, not millions or trillions: Huawei sold ~USD 70 bn of phones a year.
        assertThat(august).isBetween(5e9, 2e11);
    }

    /**
     * Licensing from August 2023 and the December 2024 ban: the US buyers of Chinese gallium and
     * germanium run short once stocks and other sources give out, and China's refiners lose sales.
     */
    @Test
    void chinasMaterialsControlsBiteOnTheUsSide() {
        Scenario s = load("scenarios/china-gallium-germanium-2023.yaml");
        RunSummary sum = Chokepoint.simulate(s, Parameters.of(s)).summary();
        assertThat(shortfallValue(sum, "US")).as("US products short").isPositive();
        RunSummary.Totals cn = sum.countries().stream().filter(c -> c.key().equals("CN")).findFirst().orElseThrow();
        assertThat(cn.lostExports()).as("Chinese refiners' lost exports").isPositive();
        // The ban adds to licensing: without it the US side loses no more than with it.
        Scenario licensingOnly = without(s, "mofcom-2024-us-ban");
        assertThat(shortfallValue(Chokepoint.simulate(licensingOnly, Parameters.of(licensingOnly)).summary(), "US"))
                .isLessThanOrEqualTo(shortfallValue(sum, "US"));
    }

    /**
     * With the ladder, some runs add a Chinese ban and a US control to the listing: the losses
     * spread to US buyers and the worst runs get worse for China too. Without it (rungs never
     * firing) no US market loses anything.
     */
    @Test
    void theEscalationLadderWidensLossesOnBothSides() {
        Scenario s = load("scenarios/tit-for-tat-escalation.yaml");
        var kept = s.uncertainty().parameters().stream().filter(p -> !p.path().contains(".probability")).toList();
        Scenario noLadder = org.chokepoint.analysis.ParameterPaths.apply(
                s.withUncertainty(new org.chokepoint.model.Uncertainty(s.uncertainty().runs(), kept)),
                java.util.Map.of("measures.rung-1.probability", 0.0, "measures.rung-2.probability", 0.0));
        int runs = 60;
        var with = org.chokepoint.analysis.MonteCarlo.run(s, Parameters.of(s), runs, 2, new double[] {5, 50, 95}, r -> { });
        var none = org.chokepoint.analysis.MonteCarlo.run(noLadder, Parameters.of(s), runs, 2, new double[] {5, 50, 95}, r -> { });
        assertThat(java.util.Arrays.stream(none.marketTotals("US")).max().orElseThrow()).isZero();
        assertThat(java.util.Arrays.stream(with.marketTotals("US")).max().orElseThrow()).as("US losses in some runs").isPositive();
        assertThat(p95(with.marketTotals("CN"))).as("China's worst runs").isGreaterThan(p95(none.marketTotals("CN")));
    }

    static double p95(double[] x) {
        double[] sorted = x.clone();
        java.util.Arrays.sort(sorted);
        return new org.apache.commons.math3.stat.descriptive.rank.Percentile(95).evaluate(sorted);
    }

    @Test
    void everySampleLoadsAndRuns() throws Exception {
        try (var files = java.nio.file.Files.list(Path.of("scenarios"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                Scenario s = Chokepoint.loadScenario(f);
                assertThat(Chokepoint.simulate(s, Parameters.of(s)).summary().demand()).as("%s", f).isNotEmpty();
                assertThat(s.sources()).as("%s lists its sources", f).isNotEmpty();
                assertThat(s.assumptions()).as("%s lists its assumptions", f).isNotEmpty();
                assertThat(s.uncertainty().parameters()).as("%s says what is uncertain", f).isNotEmpty();
            }
        }
    }
}
