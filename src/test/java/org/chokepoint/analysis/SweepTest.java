package org.chokepoint.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.chokepoint.model.Scenario;
import org.junit.jupiter.api.Test;

class SweepTest {

    static Scenario scenario() {
        return MonteCarloTest.licensed(0.5);
    }

    /**
     * A point's runs split into blocks (as a cluster runs them), put back together in run order, give
     * the rows of the point run whole, to the bit, with value-added metrics too; on any thread count.
     */
    @Test
    void aPointsRunsInBlocksGiveThePointsRows() {
        Sweep s = Sweep.of(scenario()).vary("measures.ga.license.approval", 0.2, 0.8).runs(23).threads(1)
                .metrics(List.of("total-shortfall-value", "fill-rate", "value-added-loss-US"));
        for (int i = 0; i < 2; i++) {
            List<Sweep.Row> whole = s.point(i);
            double[][] a = s.pointRuns(i, 0, 10);
            double[][] b = s.threads(2).pointRuns(i, 10, 6);
            double[][] c = s.threads(1).pointRuns(i, 16, 7);
            double[][] joined = new double[a.length][];
            for (int k = 0; k < a.length; k++) {
                joined[k] = java.util.stream.DoubleStream.concat(java.util.stream.DoubleStream.concat(
                        java.util.Arrays.stream(a[k]), java.util.Arrays.stream(b[k])), java.util.Arrays.stream(c[k])).toArray();
            }
            List<Sweep.Row> rebuilt = s.rowsOf(i, joined);
            assertThat(rebuilt).hasSameSizeAs(whole);
            for (int k = 0; k < whole.size(); k++) {
                assertThat(rebuilt.get(k).mean()).isEqualTo(whole.get(k).mean());
                assertThat(rebuilt.get(k).percentiles()).containsExactly(whole.get(k).percentiles());
                assertThat(rebuilt.get(k).values()).isEqualTo(whole.get(k).values());
            }
            // and the blocks are not all alike: each run draws its own licence outcome
            assertThat(java.util.Arrays.stream(joined[0]).distinct().count()).isGreaterThan(1);
        }
        assertThatThrownBy(() -> s.rowsOf(0, s.pointRuns(0, 0, 5))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void gridVisitsEveryCombinationLastParameterFastest() {
        Sweep s = Sweep.of(scenario()).vary("measures.ga.license.approval", 0, 1, 3).vary("sites.us-gan.stock.gallium", 1, 2);
        List<Map<String, Double>> pts = s.points();
        assertThat(pts).hasSize(6);
        assertThat(pts.get(0)).containsExactly(Map.entry("measures.ga.license.approval", 0.0), Map.entry("sites.us-gan.stock.gallium", 1.0));
        assertThat(pts.get(1)).containsEntry("sites.us-gan.stock.gallium", 2.0).containsEntry("measures.ga.license.approval", 0.0);
        assertThat(pts.get(5)).containsEntry("measures.ga.license.approval", 1.0).containsEntry("sites.us-gan.stock.gallium", 2.0);
    }

    @Test
    void latinHypercubeHasOnePointPerStratumAndSobolFillsTheCube() {
        var u = new org.chokepoint.model.Uncertainty.Parameter("measures.ga.license.approval", "uniform", Map.of("min", 0.0, "max", 1.0), null, null);
        var v = new org.chokepoint.model.Uncertainty.Parameter("sites.us-gan.stock.gallium", "uniform", Map.of("min", 0.0, "max", 10.0), null, null);
        Sweep lhs = Sweep.of(scenario()).vary(new Sweep.Axis(u.path(), null, u)).vary(new Sweep.Axis(v.path(), null, v))
                .design(Sweep.Design.LATIN_HYPERCUBE, 10);
        List<Map<String, Double>> pts = lhs.points();
        assertThat(pts).hasSize(10);
        boolean[] seen = new boolean[10];
        for (var p : pts) {
            seen[(int) (p.get(u.path()) * 10)] = true;
        }
        assertThat(seen).containsOnly(true);
        assertThat(lhs.points()).as("same seed, same design").isEqualTo(pts);

        Sweep sobol = Sweep.of(scenario()).vary(new Sweep.Axis(u.path(), null, u)).vary(new Sweep.Axis(v.path(), null, v))
                .design(Sweep.Design.SOBOL, 16);
        assertThat(sobol.points()).hasSize(16).allSatisfy(p -> {
            assertThat(p.get(u.path())).isBetween(0.0, 1.0);
            assertThat(p.get(v.path())).isBetween(0.0, 10.0);
        });
        assertThat(sobol.points().get(0).get(u.path())).as("the origin is skipped").isEqualTo(0.5);
    }

    @Test
    void approvalReducesTheShortfall() {
        List<Sweep.Row> rows = Sweep.of(scenario()).vary("measures.ga.license.approval", 0, 1).runs(40).seed(3).threads(2)
                .metrics(List.of("total-shortfall-value")).run();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).mean()).isPositive();
        assertThat(rows.get(1).mean()).as("every license granted: no shortfall").isZero();
    }

    /**
     * The fill rate is value-weighted: one minus the shortfall value over the value of final demand
     * at its prices; the per-market metric is that market's shortfall value, and the markets add up
     * to the total. Units of unlike items are never added, and the old unit total is refused.
     */
    @Test
    void metricsAreInValueAndByMarket() {
        Scenario s = scenario();
        java.util.SortedSet<String> markets = new java.util.TreeSet<>();
        s.network().demand().forEach(d -> markets.add(d.market()));
        List<String> keep = new java.util.ArrayList<>(List.of("total-shortfall-value", "fill-rate"));
        markets.forEach(m -> keep.add(Sweep.BY_MARKET + m));
        List<Sweep.Row> rows = Sweep.of(s).vary("measures.ga.license.approval", 0.0).runs(30).seed(3).threads(1).metrics(keep).run();
        double total = rows.stream().filter(r -> r.metric().equals("total-shortfall-value")).findFirst().orElseThrow().mean();
        assertThat(total).isPositive();
        double demandedValue = 0;
        for (var d : s.network().demand()) {
            demandedValue += d.quantity() * s.network().price(d) * s.periods();
        }
        double fill = rows.stream().filter(r -> r.metric().equals("fill-rate")).findFirst().orElseThrow().mean();
        assertThat(fill).isCloseTo(1 - total / demandedValue, org.assertj.core.data.Offset.offset(1e-12));
        double byMarket = rows.stream().filter(r -> r.metric().startsWith(Sweep.BY_MARKET)).mapToDouble(Sweep.Row::mean).sum();
        assertThat(byMarket).isCloseTo(total, org.assertj.core.data.Offset.offset(1e-6 * total));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Sweep.of(s).metrics(List.of("total-shortfall")))
                .hasMessageContaining("added units of unlike items");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Sweep.of(s).metrics(List.of("shortfall-value-ZZ")))
                .hasMessageContaining("unknown metric 'shortfall-value-ZZ'");
    }

    /**
     * Lost value added by country and by firm, and peak prices, per run: with every license denied
     * each run is the same, so they equal the single run's figures against the run without the
     * measures, and the highest price index its series reaches.
     */
    @Test
    void valueAddedLossAndPeakPriceAreTheRunsOwn() {
        Scenario s = scenario();
        Scenario at = ParameterPaths.apply(s, Map.of("measures.ga.license.approval", 0.0));
        var run = org.chokepoint.api.Chokepoint.simulate(at, org.chokepoint.engine.Parameters.of(at));
        var c = run.network();
        java.util.SortedSet<String> cells = Sweep.pricedCells(s);
        assertThat(cells).isNotEmpty();
        String cell = cells.first();
        int item = c.item(cell.substring(0, cell.indexOf('@')));
        int market = run.series().markets().indexOf(cell.substring(cell.indexOf('@') + 1));
        double peak = 0;
        for (int t = 0; t < at.periods(); t++) {
            peak = Math.max(peak, run.series().priceIndex(t, item, market));
        }
        String country = run.summary().countries().get(0).key();
        String firm = run.summary().firms().get(0).key();
        List<Sweep.Row> rows = Sweep.of(s).vary("measures.ga.license.approval", 0.0).runs(4).seed(3).threads(2)
                .metrics(List.of(Sweep.VALUE_ADDED_LOSS + country, Sweep.VALUE_ADDED_LOSS + firm, Sweep.PEAK_PRICE + cell)).run();
        assertThat(rows.get(0).mean()).as("lost value added of " + country)
                .isCloseTo(run.summary().countries().get(0).lostValueAdded(), org.assertj.core.data.Offset.offset(1e-6));
        assertThat(rows.get(1).mean()).as("lost value added of " + firm)
                .isCloseTo(run.summary().firms().get(0).lostValueAdded(), org.assertj.core.data.Offset.offset(1e-6));
        assertThat(rows.get(2).mean()).as("peak price of " + cell).isCloseTo(peak, org.assertj.core.data.Offset.offset(1e-12));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Sweep.of(s).metrics(List.of("value-added-loss-ZZ")))
                .hasMessageContaining("value-added-loss-" + country);
    }

    /** Behaviour is a parameter like any other: a lower elasticity gives a higher peak price. */
    @Test
    void pricesElasticityIsSweepable() {
        Scenario s = scenario();
        String cell = Sweep.pricedCells(s).stream().filter(c -> {
            Scenario at = ParameterPaths.apply(s, Map.of("measures.ga.license.approval", 0.0));
            var run = org.chokepoint.api.Chokepoint.simulate(at, org.chokepoint.engine.Parameters.of(at));
            int item = run.network().item(c.substring(0, c.indexOf('@')));
            int market = run.series().markets().indexOf(c.substring(c.indexOf('@') + 1));
            double peak = 0;
            for (int t = 0; t < at.periods(); t++) {
                peak = Math.max(peak, run.series().scarcity(t, item, market));
            }
            return peak > 1.01;
        }).findFirst().orElseThrow();
        String path = s.network().endItems().contains(cell.substring(0, cell.indexOf('@'))) ? "behaviour.prices.end-item-elasticity"
                : "behaviour.prices.elasticity";
        List<Sweep.Row> rows = Sweep.of(s).vary("measures.ga.license.approval", 0.0).vary(path, 0.2, 2)
                .runs(2).seed(3).threads(1).metrics(List.of(Sweep.PEAK_PRICE + cell)).run();
        assertThat(rows.get(0).mean()).as(cell + " at elasticity 0.2 against 2").isGreaterThan(rows.get(1).mean() + 1e-3);
        assertThatThrownBy(() -> ParameterPaths.apply(s, Map.of("behaviour.prices.ceiling", 0.5)))
                .hasMessageContaining("must be between 1 and 1000");
    }

    @Test
    void sweptValuesOverrideTheScenariosOwnDistributionForThatPath() {
        var u = new org.chokepoint.model.Uncertainty(10, List.of(new org.chokepoint.model.Uncertainty.Parameter(
                "measures.ga.license.approval", "bernoulli", Map.of("p", 0.5), null, null)));
        Scenario uncertain = scenario().withUncertainty(u);
        List<Sweep.Row> rows = Sweep.of(uncertain).vary("measures.ga.license.approval", 0, 1).runs(20).seed(3)
                .metrics(List.of("total-shortfall-value")).run();
        assertThat(rows.get(0).mean()).isPositive();
        assertThat(rows.get(1).mean()).isZero();
    }

    @Test
    void unknownPathsAndMetricsAreRefused() {
        assertThatThrownBy(() -> Sweep.of(scenario()).vary("sites.nowhere.capacity", 1, 2)).hasMessageContaining("no site 'nowhere'");
        assertThatThrownBy(() -> Sweep.of(scenario()).metrics(List.of("happiness"))).hasMessageContaining("unknown metric");
    }

    /** A sweep built in code refuses what a sweep file would, with the same kind of error: a path, a metric, a count. */
    @Test
    void badSweepsInCodeThrowInvalidInputWithThePath() {
        org.chokepoint.model.Scenario s = org.chokepoint.api.Chokepoint.loadScenario(java.nio.file.Path.of("scenarios/inspur-entity-list-2025.yaml"));
        var e = org.assertj.core.api.Assertions.catchThrowableOfType(() -> Sweep.of(s).vary("sites.nowhere.capacity", 1, 2),
                org.chokepoint.model.InvalidInputException.class);
        assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.path()).isEqualTo("sites.nowhere.capacity"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Sweep.of(s).metrics(java.util.List.of("shortfall")))
                .isInstanceOf(org.chokepoint.model.InvalidInputException.class).hasMessageContaining("unknown metric 'shortfall'");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Sweep.of(s).vary("measures.bis-2025-inspur.license.approval", 0, 1, 0))
                .isInstanceOf(org.chokepoint.model.InvalidInputException.class).hasMessageContaining("steps must be at least 1");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Sweep.of(s).runs(0))
                .isInstanceOf(org.chokepoint.model.InvalidInputException.class);
    }
}
