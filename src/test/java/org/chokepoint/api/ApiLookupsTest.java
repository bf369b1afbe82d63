package org.chokepoint.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import org.chokepoint.analysis.MonteCarlo;
import org.chokepoint.analysis.RunSummary;
import org.chokepoint.engine.Parameters;
import org.chokepoint.model.Scenario;
import org.junit.jupiter.api.Test;

/** What a script reads: series by id, "never" as an empty optional, percentiles and quantiles that say which they are. */
class ApiLookupsTest {

    static final Scenario SAMPLE = Chokepoint.loadScenario(Path.of("scenarios/inspur-entity-list-2025.yaml"));

    @Test
    void seriesByIdMatchThoseByIndex() {
        Chokepoint.Run run = Chokepoint.simulate(SAMPLE, Parameters.of(SAMPLE));
        int ai = run.network().site("inspur-ai-line");
        double[] output = run.series().output("inspur-ai-line");
        assertThat(output).hasSize(SAMPLE.periods());
        for (int t = 0; t < SAMPLE.periods(); t++) {
            assertThat(output[t]).isEqualTo(run.series().output(t, ai));
        }
        double short2 = 0;
        for (double x : run.series().shortfall("ai-server", "CN")) {
            short2 += x;
        }
        RunSummary.DemandRow row = run.summary().demand().stream().filter(d -> d.item().equals("ai-server")).findFirst().orElseThrow();
        assertThat(short2).isCloseTo(row.shortfall(), within(1e-6));
        assertThat(run.series().stock("inspur-ai-line", "gpu-hopper")[0]).isEqualTo(1050 * 8 * 6.0);
        assertThatThrownBy(() -> run.series().output("inspur-ai-lin")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Did you mean 'inspur-ai-line'?");
        assertThatThrownBy(() -> run.series().shortfall("ai-server", "US")).hasMessageContaining("no final demand for ai-server in US");
        // "never" is an empty optional, not -1
        assertThat(row.firstShortPeriod()).hasValue(row.firstShort());
        RunSummary.DemandRow fine = run.summary().demand().stream().filter(d -> d.item().equals("rf-fem")).findFirst().orElseThrow();
        assertThat(fine.firstShort()).isEqualTo(RunSummary.NEVER);
        assertThat(fine.firstShortPeriod()).isEmpty();
    }

    @Test
    void aQuantileIsAFractionAndAPercentileIsNot() {
        MonteCarlo.Result mc = MonteCarlo.run(SAMPLE, Parameters.of(SAMPLE), 8, 2, new double[] {5, 50, 95}, r -> { });
        assertThat(mc.totalQuantile(0.5)).isEqualTo(mc.totalPercentile(50));
        assertThatThrownBy(() -> mc.totalQuantile(50)).hasMessageContaining("a quantile is a fraction");
        assertThatThrownBy(() -> mc.totalPercentile(0)).hasMessageContaining("for a fraction use totalQuantile");
    }
}
