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

    /**
     * The progress of a single run: after every period of either run, how far the two have come
     * between them, never back (one thread or two), up to twice the periods (a run an escalation
     * sends back: PolicyInEngineTest).
     */
    @Test
    void progressCountsThePeriodsOfBothRuns() {
        for (String sample : new String[] {"inspur-entity-list-2025", "tit-for-tat-escalation"}) {
            Scenario s = Chokepoint.loadScenario(java.nio.file.Path.of("scenarios/" + sample + ".yaml"));
            for (int threads : new int[] {1, 2}) {
                java.util.List<Integer> seen = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
                Chokepoint.Run run = Chokepoint.simulate(s, org.chokepoint.engine.Parameters.of(s), false, threads, seen::add);
                assertThat(seen).as("%s on %d threads", sample, threads).isNotEmpty();
                assertThat(seen.get(seen.size() - 1)).as("%s on %d threads", sample, threads).isEqualTo(2 * s.periods());
                assertThat(seen).allMatch(x -> x >= 1 && x <= 2 * s.periods());
                assertThat(seen).as("%s on %d threads: one step a period, never back", sample, threads).hasSize(2 * s.periods()).isSorted();
                // and the run is the one without a listener
                RunSummary plain = Chokepoint.simulate(s, org.chokepoint.engine.Parameters.of(s), false, threads).summary();
                assertThat(run.summary().demand()).isEqualTo(plain.demand());
                assertThat(run.summary().countries()).isEqualTo(plain.countries());
            }
        }
    }
}
