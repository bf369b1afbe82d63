package org.chokepoint.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.chokepoint.engine.Parameters;
import org.chokepoint.model.Scenario;
import org.chokepoint.model.Uncertainty;
import org.junit.jupiter.api.Test;

class SensitivityTest {

    /**
     * The Ishigami function, f = sin x1 + 7 sin² x2 + 0.1 x3⁴ sin x1 on [-π, π]³, has known indices
     * (Ishigami & Homma 1990; Saltelli et al. 2008): S = (0.3139, 0.4424, 0), ST = (0.5576, 0.4424, 0.2437).
     */
    @Test
    void ishigamiIndicesMatchPublishedValues() {
        List<Sensitivity.Index> ix = Sensitivity.sobol(List.of("x1", "x2", "x3"), u -> {
            double x1 = Math.PI * (2 * u[0] - 1);
            double x2 = Math.PI * (2 * u[1] - 1);
            double x3 = Math.PI * (2 * u[2] - 1);
            return Math.sin(x1) + 7 * Math.sin(x2) * Math.sin(x2) + 0.1 * Math.pow(x3, 4) * Math.sin(x1);
        }, 1 << 13, 200, 11);
        double[] first = {0.3139, 0.4424, 0};
        double[] total = {0.5576, 0.4424, 0.2437};
        for (int i = 0; i < 3; i++) {
            Sensitivity.Index x = ix.get(i);
            assertThat(x.first()).as("S%d", i + 1).isCloseTo(first[i], Offset.offset(0.02));
            assertThat(x.total()).as("ST%d", i + 1).isCloseTo(total[i], Offset.offset(0.02));
            assertThat(x.firstLow()).isLessThanOrEqualTo(x.first());
            assertThat(x.firstHigh()).isGreaterThanOrEqualTo(x.first());
            assertThat(x.totalHigh() - x.totalLow()).as("interval width").isLessThan(0.1);
        }
    }

    @Test
    void tornadoRanksTheParameterThatMattersFirst() {
        // Approval uniform on [0, 1] moves the shortfall from all to none; stock of gallium (0-1 periods) barely.
        Scenario base = MonteCarloTest.licensed(0.5);
        var u = new Uncertainty(10, List.of(
                new Uncertainty.Parameter("sites.us-gan.stock.gallium", "uniform", Map.of("min", 1.0, "max", 1.5), null, null),
                new Uncertainty.Parameter("measures.ga.license.approval", "uniform", Map.of("min", 0.0, "max", 1.0), null, null)));
        List<Sensitivity.Bar> bars = Sensitivity.tornado(base.withUncertainty(u), Parameters.DEFAULT, 40, 2);
        assertThat(bars).extracting(Sensitivity.Bar::path).containsExactly("measures.ga.license.approval", "sites.us-gan.stock.gallium");
        assertThat(bars.get(0).low()).isCloseTo(0.05, Offset.offset(1e-12));
        assertThat(bars.get(0).high()).isCloseTo(0.95, Offset.offset(1e-12));
        assertThat(bars.get(0).metricAtLow()).isGreaterThan(bars.get(0).metricAtHigh());
        assertThat(bars.get(0).swing()).isGreaterThan(bars.get(1).swing());
    }
}
