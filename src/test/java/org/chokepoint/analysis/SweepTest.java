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
}
