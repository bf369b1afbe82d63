package org.chokepoint.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.chokepoint.engine.Parameters;
import org.chokepoint.model.Demand;
import org.chokepoint.model.Duration;
import org.chokepoint.model.Firm;
import org.chokepoint.model.Item;
import org.chokepoint.model.Network;
import org.chokepoint.model.NetworkBuilder;
import org.chokepoint.model.Scenario;
import org.chokepoint.model.Site;
import org.chokepoint.model.Step;
import org.chokepoint.model.SupplyLink;
import org.chokepoint.policy.ExportRestriction;
import org.chokepoint.policy.LicensePolicy;
import org.chokepoint.policy.MeasureHeader;
import org.junit.jupiter.api.Test;

class MonteCarloTest {

    static final double[] P = {5, 50, 95};

    /** Gallium from China to a US fab, licensed with approval probability {@code p}; 2 weeks of stock. */
    static Scenario licensed(double p) {
        Network n = new NetworkBuilder()
                .item(Item.of("gallium", 400)).item(Item.of("gan-die", 50))
                .firm(Firm.of("refiner", "CN")).firm(Firm.of("fab", "US"))
                .site(Site.of("cn-ga", "refiner", "gallium", 100, Map.of()))
                .site(Site.of("us-gan", "fab", "gan-die", 10_000, Map.of("gallium", 0.01)).withStock(Map.of("gallium", Duration.weeks(2))))
                .link(SupplyLink.of("cn-ga", "us-gan", "gallium", 1, Duration.weeks(1)))
                .demand(Demand.of("gan-die", "US", "us-gan", 1000))
                .build();
        LicensePolicy policy = new LicensePolicy(LicensePolicy.Kind.CASE_BY_CASE, p, Duration.ZERO, 1, 0, 0);
        ExportRestriction lic = new ExportRestriction(MeasureHeader.of("ga", "export-licensing", "CN", LocalDate.of(2025, 2, 3)),
                false, List.of("gallium"), List.of("US"), policy, Double.NaN, 1);
        return new Scenario("mc", null, null, n, "inline", LocalDate.of(2025, 1, 6), Step.WEEK, 20, 99, List.of(lic), null, null, null, null);
    }

    @Test
    void bernoulliApprovalGivesAKnownMean() {
        double value = MonteCarlo.run(licensed(0), Parameters.DEFAULT, 1, 1, P, r -> { }).totals()[0];
        assertThat(value).as("a denied license leaves a shortfall").isPositive();
        int runs = 400;
        MonteCarlo.Result r = MonteCarlo.run(licensed(0.4), Parameters.DEFAULT, runs, 2, P, x -> { });
        for (double total : r.totals()) {
            assertThat(total).isIn(0.0, value);
        }
        // Mean of runs × value × Bernoulli(0.6): sd of the mean = value × sqrt(0.24 / 400) ≈ 0.0245 × value.
        assertThat(r.totalMean()).isCloseTo(0.6 * value, Offset.offset(4 * 0.0245 * value));
        assertThat(r.totalPercentile(5)).isZero();
        assertThat(r.totalPercentile(95)).isEqualTo(value);
    }

    @Test
    void anUncertainApprovalDrawnPerRunGivesTheSameKnownMean() {
        // The license's approval is itself uncertain: 1 with probability 0.3, else 0.
        double value = MonteCarlo.run(licensed(0), Parameters.DEFAULT, 1, 1, P, r -> { }).totals()[0];
        Scenario base = licensed(0.5);
        var u = new org.chokepoint.model.Uncertainty(300, List.of(new org.chokepoint.model.Uncertainty.Parameter(
                "measures.ga.license.approval", "bernoulli", Map.of("p", 0.3), null, null)));
        Scenario s = new Scenario(base.id(), null, null, base.network(), "inline", base.start(), base.step(), base.periods(),
                base.seed(), base.measures(), null, null, null, u);
        MonteCarlo.Result r = MonteCarlo.run(s, Parameters.DEFAULT, 300, 2, P, x -> { });
        for (double total : r.totals()) {
            assertThat(total).isIn(0.0, value);
        }
        // P(short) = 0.7: sd of the mean = value × sqrt(0.21 / 300) ≈ 0.0265 × value.
        assertThat(r.totalMean()).isCloseTo(0.7 * value, Offset.offset(4 * 0.0265 * value));
        assertThat(MonteCarlo.run(s, Parameters.DEFAULT, 300, 1, P, x -> { }).totals()).isEqualTo(r.totals());
    }

    @Test
    void patchingTheCompiledNetworkGivesWhatRebuildingGives() {
        Scenario sample = org.chokepoint.api.Chokepoint.loadScenario(java.nio.file.Path.of("scenarios/inspur-entity-list-2025.yaml"));
        var u = new org.chokepoint.model.Uncertainty(60, List.of(
                new org.chokepoint.model.Uncertainty.Parameter("measures.bis-2025-inspur.license.approval", "beta", Map.of("alpha", 1.0, "beta", 3.0), null, null),
                new org.chokepoint.model.Uncertainty.Parameter("measures.bis-2025-inspur.license.review", "uniform", Map.of("min", 0.0, "max", 8.0), null, null),
                new org.chokepoint.model.Uncertainty.Parameter("sites.inspur-ai-line.stock.gpu-hopper", "triangular", Map.of("min", 4.0, "mode", 6.0, "max", 12.0), null, null),
                new org.chokepoint.model.Uncertainty.Parameter("sites.hygon-cpu.capacity", "uniform", Map.of("min", 1000.0, "max", 30000.0), null, null)));
        Scenario s = sample.withUncertainty(u);
        MonteCarlo.Result patched = MonteCarlo.run(s, Parameters.DEFAULT, 60, 2, P, r -> { });
        MonteCarlo.REBUILD_ALWAYS = true;
        try {
            MonteCarlo.Result rebuilt = MonteCarlo.run(s, Parameters.DEFAULT, 60, 2, P, r -> { });
            assertThat(patched.totals()).isEqualTo(rebuilt.totals());
            assertThat(patched.mean()).isEqualTo(rebuilt.mean());
            for (int i = 0; i < P.length; i++) {
                assertThat(patched.bands()[i]).isEqualTo(rebuilt.bands()[i]);
            }
        } finally {
            MonteCarlo.REBUILD_ALWAYS = false;
        }
        assertThat(java.util.Arrays.stream(patched.totals()).distinct().count()).as("the draws matter").isGreaterThan(5);
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "exact bands: {0}")
    @org.junit.jupiter.params.provider.ValueSource(booleans = {true, false})
    void resultsAreBitIdenticalForAnyNumberOfThreads(boolean exact) {
        Scenario s = licensed(0.5);
        long limit = exact ? Long.MAX_VALUE : 0;
        MonteCarlo.Result one = withExactLimit(limit, () -> MonteCarlo.run(s, Parameters.DEFAULT, 300, 1, P, r -> { }));
        MonteCarlo.Result two = withExactLimit(limit, () -> MonteCarlo.run(s, Parameters.DEFAULT, 300, 2, P, r -> { }));
        assertThat(two.exactBands()).isEqualTo(exact);
        assertThat(two.totals()).isEqualTo(one.totals());
        assertThat(two.mean()).isEqualTo(one.mean());
        for (int i = 0; i < P.length; i++) {
            assertThat(two.bands()[i]).isEqualTo(one.bands()[i]);
        }
        // Bands are ordered and the median of a 50/50 outcome sits on one of the two paths.
        for (int k = 0; k < one.mean().length; k++) {
            assertThat(one.bands()[0][k]).isLessThanOrEqualTo(one.bands()[2][k] + 1e-9);
        }
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "exact bands: {0}")
    @org.junit.jupiter.params.provider.ValueSource(booleans = {true, false})
    void bandsAreThePercentilesOfTheRuns(boolean exact) {
        // Each run is one of two paths: approved (no shortfall) or denied (the shortfall of a
        // denied run, cell by cell). With 40% approved, P5 is the approved path and the median and
        // P95 the denied one, in every cell, whether the bands are exact or t-digest estimates.
        MonteCarlo.Result denied = MonteCarlo.run(licensed(0), Parameters.DEFAULT, 1, 1, P, r -> { });
        MonteCarlo.Result r = withExactLimit(exact ? Long.MAX_VALUE : 0,
                () -> MonteCarlo.run(licensed(0.4), Parameters.DEFAULT, 400, 2, P, x -> { }));
        assertThat(r.exactBands()).isEqualTo(exact);
        long approved = java.util.Arrays.stream(r.totals()).filter(t -> t == 0).count();
        assertThat(approved).as("approved runs").isBetween(120L, 200L);
        int shortCells = 0;
        for (int k = 0; k < r.mean().length; k++) {
            double v = denied.mean()[k];
            assertThat(r.bands()[0][k]).as("P5 of cell %d", k).isZero();
            assertThat(r.bands()[1][k]).as("P50 of cell %d", k).isCloseTo(v, Offset.offset(1e-9 * Math.max(1, v)));
            assertThat(r.bands()[2][k]).as("P95 of cell %d", k).isCloseTo(v, Offset.offset(1e-9 * Math.max(1, v)));
            assertThat(r.mean()[k]).isCloseTo(v * (400 - approved) / 400, Offset.offset(1e-9 * Math.max(1, v)));
            if (v > 0) {
                shortCells++;
            }
        }
        assertThat(shortCells).as("cells where a denied run is short").isGreaterThan(5);
    }

    @Test
    void exactBandsPutAPercentileAtAJumpOnARunsValue() {
        // About 9% of runs approved: P5 falls among them, just below the jump to the denied path.
        // Exact bands give 0 there, as the runs do; a streaming estimate may land in between.
        MonteCarlo.Result denied = MonteCarlo.run(licensed(0), Parameters.DEFAULT, 1, 1, P, r -> { });
        MonteCarlo.Result r = MonteCarlo.run(licensed(0.09), Parameters.DEFAULT, 400, 2, P, x -> { });
        assertThat(r.exactBands()).isTrue();
        long approved = java.util.Arrays.stream(r.totals()).filter(t -> t == 0).count();
        assertThat(approved).as("approved runs, above 5%").isBetween(22L, 60L);
        for (int k = 0; k < r.mean().length; k++) {
            double v = denied.mean()[k];
            assertThat(r.bands()[0][k]).as("P5 of cell %d", k).isZero();
            assertThat(r.bands()[2][k]).as("P95 of cell %d", k).isCloseTo(v, Offset.offset(1e-9 * Math.max(1, v)));
        }
    }

    static MonteCarlo.Result withExactLimit(long limit, java.util.function.Supplier<MonteCarlo.Result> run) {
        long before = MonteCarlo.exactLimit;
        MonteCarlo.exactLimit = limit;
        try {
            return run.get();
        } finally {
            MonteCarlo.exactLimit = before;
        }
    }

    @Test
    void progressHearsEveryRunInOrder() {
        java.util.List<Integer> seen = new java.util.ArrayList<>();
        MonteCarlo.run(licensed(0.5), Parameters.DEFAULT, 70, 2, P, seen::add);
        assertThat(seen).hasSize(70).isSorted().startsWith(1).endsWith(70);
    }
}
