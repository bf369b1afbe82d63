package org.chokepoint.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.chokepoint.analysis.MonteCarlo;
import org.chokepoint.engine.CompiledNetwork;
import org.chokepoint.engine.Parameters;
import org.chokepoint.engine.Timeline;
import org.chokepoint.io.ScenarioReader;
import org.chokepoint.model.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * License dynamics, checked on one link's timeline: approval probability by the day an
 * application is filed, re-application after a denial, review times drawn per application,
 * policies that name customer firms — and the same runs for any number of threads.
 *
 * <p>The case is Japan's July 2019 licensing of resist and hydrogen fluoride for Korea (METI,
 * 2019-07-04): individual licences with a review of up to 90 days; the first were granted to
 * Samsung's suppliers in August, SK hynix's later (press reports at the time; the dates here are
 * the test's own).
 */
class LicenseDynamicsTest {

    @TempDir
    Path dir;

    static final String NETWORK = """
            network:
              items:
                - {id: resist, value: 10}
                - {id: chips, value: 100}
              firms:
                - {id: jsr, country: JP}
                - {id: samsung, country: KR}
                - {id: sk-hynix, country: KR}
              sites:
                - {id: jp-resist, firm: jsr, makes: resist, location: JP, capacity: 1000}
                - {id: samsung-fab, firm: samsung, makes: chips, location: KR, capacity: 100, recipe: {resist: 1}}
                - {id: hynix-fab, firm: sk-hynix, makes: chips, location: KR, capacity: 100, recipe: {resist: 1}}
              links:
                - {from: jp-resist, to: samsung-fab, item: resist, lead-time: 1w}
                - {from: jp-resist, to: hynix-fab, item: resist, lead-time: 1w}
              demand:
                - {item: chips, market: KR, site: samsung-fab, quantity: 50}
                - {item: chips, market: KR, site: hynix-fab, quantity: 50}
            """;

    Scenario scenario(String license) throws IOException {
        Path f = Files.writeString(dir.resolve("s.yaml"), """
                scenario: jp-2019
                start: 2019-07-01
                step: week
                periods: 30
                seed: 7
                %smeasures:
                  - {id: jp-licensing, type: export-licensing, authority: JP, effective: 2019-07-04, items: [resist], destinations: [KR],
                     license: %s}
                """.formatted(NETWORK, license));
        return ScenarioReader.read(f);
    }

    static Timeline timeline(Scenario s, long seed) {
        CompiledNetwork c = CompiledNetwork.of(s.network(), s.step());
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        return PolicyEvaluator.evaluate(s, c).timeline(rng);
    }

    static int link(Scenario s, String to) {
        CompiledNetwork c = CompiledNetwork.of(s.network(), s.step());
        return c.link(s.network().links().stream().filter(l -> l.to().equals(to)).findFirst().orElseThrow());
    }

    /** The first period the link is open again after the measure, or -1. */
    static int reopens(Timeline t, int link, int periods) {
        for (int p = 1; p < periods; p++) {
            if (t.openAt(link, p) == 1 && t.openAt(link, p - 1) < 1) {
                return p;
            }
        }
        return -1;
    }

    /**
     * Approval 0 for applications filed before 2019-08-08 and 1 after; 4 weeks' review; up to 3
     * applications a week apart. Filed 2019-07-04 (period 0: the week from 2019-07-01), denied
     * 2019-08-01, filed again 2019-08-08, granted 2019-09-05: period 9 (2019-09-02 to 09-08).
     */
    @Test
    void aDenialIsFollowedByAReapplicationUnderTheApprovalInForceThen() throws IOException {
        Scenario s = scenario("{policy: case-by-case, approval: {2019-07-04: 0, 2019-08-08: 1}, review: 4w, reapply: {attempts: 3, delay: 1w}}");
        int l = link(s, "samsung-fab");
        for (long seed = 1; seed <= 20; seed++) {
            Timeline t = timeline(s, seed);
            assertThat(t.openAt(l, 0)).as("seed %d: closed from the effective date", seed).isZero();
            assertThat(t.openAt(l, 8)).as("seed %d", seed).isZero();
            assertThat(reopens(t, l, s.periods())).as("seed %d", seed).isEqualTo(9);
        }
        // With one application only, the first denial is final.
        Scenario once = scenario("{policy: case-by-case, approval: {2019-07-04: 0, 2019-08-08: 1}, review: 4w}");
        assertThat(reopens(timeline(once, 1), link(once, "samsung-fab"), once.periods())).isEqualTo(-1);
    }

    /**
     * A triangular review of 2 to 12 weeks (mode 4) drawn per application: every grant falls
     * within the range after the effective date, and the mean is near (2 + 4 + 12) / 3 = 6 weeks.
     */
    @Test
    void reviewTimesAreDrawnPerApplicationFromTheirRange() throws IOException {
        Scenario s = scenario("{policy: approval, review: {min: 2w, mode: 4w, max: 12w}}");
        int l = link(s, "samsung-fab");
        double sum = 0;
        int n = 400;
        for (long seed = 1; seed <= n; seed++) {
            int p = reopens(timeline(s, seed), l, s.periods());
            // Filed on day 3 of period 0: granted between day 17 and day 87, periods 2 to 12.
            assertThat(p).as("seed %d", seed).isBetween(2, 12);
            sum += p;
        }
        // The period count rounds the review down from day 3; the mean of the draw is 6 weeks.
        assertThat(sum / n).isBetween(5.5, 6.8);
    }

    /** A case naming Samsung: approved from the start after 6 weeks; SK hynix under the general policy, approved from September. */
    @Test
    void aPolicyCanNameCustomerFirms() throws IOException {
        Scenario s = scenario("""
                {policy: case-by-case, approval: {2019-07-04: 0, 2019-09-02: 1}, review: 2w, reapply: {attempts: 10, delay: 1w},
                         cases: [{name: samsung-first, customers: [samsung], policy: approval, review: 6w}]}""");
        Timeline t = timeline(s, 3);
        assertThat(reopens(t, link(s, "samsung-fab"), s.periods())).isEqualTo(6);
        int hynix = reopens(t, link(s, "hynix-fab"), s.periods());
        // Applications every 3 weeks (2w review + 1w delay): 07-04, 07-25, 08-15, 09-05 (p = 1): granted 09-19, period 11.
        assertThat(hynix).isEqualTo(11);
        PolicyDecisions d = PolicyEvaluator.evaluate(s, CompiledNetwork.of(s.network(), s.step()));
        assertThat(d.effective()).filteredOn(x -> x.linkName().equals("jp-resist->samsung-fab")).singleElement()
                .satisfies(x -> assertThat(x.trace()).anyMatch(step -> step.startsWith("license policy case 'samsung-first' (customers samsung)")));
    }

    /** A drawn approval (Monte Carlo, sweeps) changes the measure's own policy; paths under a case keep the case's. */
    @Test
    void drawnNumbersLeaveCasesAlone() throws IOException {
        Scenario s = scenario("""
                {policy: case-by-case, approval: 0.5, cases: [{name: samsung-first, customers: [samsung], policy: approval}]}""");
        PolicyDecisions d = PolicyEvaluator.evaluate(s, CompiledNetwork.of(s.network(), s.step()));
        LicensePolicy base = ((org.chokepoint.policy.ExportRestriction) s.measures().get(0)).license();
        PolicyDecisions drawn = d.withLicenses(java.util.Map.of("jp-licensing", base.with("approval", 0.1)));
        assertThat(drawn.effective()).filteredOn(x -> x.linkName().endsWith("samsung-fab")).singleElement()
                .satisfies(x -> assertThat(x.license().approval()).isEqualTo(1.0));
        assertThat(drawn.effective()).filteredOn(x -> x.linkName().endsWith("hynix-fab")).singleElement()
                .satisfies(x -> assertThat(x.license().approval()).isEqualTo(0.1));
    }

    /** The new draws come from each run's own stream: the same bands and totals on one thread and on two. */
    @Test
    void theDrawsAreTheSameForAnyNumberOfThreads() throws IOException {
        Scenario s = scenario("""
                {policy: case-by-case, approval: {2019-07-04: 0.2, 2019-08-15: 0.7}, review: {min: 2w, mode: 5w, max: 13w},
                         reapply: {attempts: 3, delay: 2w}}""");
        double[] p = {0.05, 0.5, 0.95};
        MonteCarlo.Result one = MonteCarlo.run(s, Parameters.of(s), 200, 1, p, i -> { });
        MonteCarlo.Result two = MonteCarlo.run(s, Parameters.of(s), 200, 2, p, i -> { });
        assertThat(two.totals()).containsExactly(one.totals());
        assertThat(two.bands()).isDeepEqualTo(one.bands());
        // And the runs differ from one another: the draws matter.
        assertThat(java.util.Arrays.stream(one.totals()).distinct().count()).isGreaterThan(5);
        assertThat(LocalDate.of(2019, 7, 4)).isEqualTo(s.measures().get(0).effective());
    }
}
