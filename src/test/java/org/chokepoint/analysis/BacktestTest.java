package org.chokepoint.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.chokepoint.api.Chokepoint;
import org.chokepoint.engine.Parameters;
import org.chokepoint.io.ScenarioReader;
import org.chokepoint.model.Backtest;
import org.chokepoint.model.Fact;
import org.chokepoint.model.Observed;
import org.chokepoint.model.Problem;
import org.chokepoint.model.Scenario;
import org.chokepoint.model.Step;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dated facts, observed series bound to the model and aggregated to the calendar, and their fit: all worked by hand. */
class BacktestTest {

    @TempDir
    Path dir;

    /** A supplier in CN sells to a plant in JP (30 a week), a plant in CN (20) and a plant in the US (10). */
    private static final String NETWORK = """
            as-of: 2024-06-01
            items:
              - {id: part, value: 10}
              - {id: widget, value: 100, category: end-product}
            firms:
              - {id: supplier, country: CN}
              - {id: maker, country: JP}
              - {id: local, country: CN}
              - {id: yankee, country: US}
            sites:
              - {id: s, firm: supplier, makes: part, capacity: 1000}
              - {id: a, firm: maker, makes: widget, capacity: 100, recipe: {part: 1}, stock: {part: 2w}}
              - {id: b, firm: local, makes: widget, capacity: 100, recipe: {part: 1}, stock: {part: 2w}, as-of: 2025-06-01}
              - {id: u, firm: yankee, makes: widget, capacity: 100, recipe: {part: 1}, stock: {part: 2w}}
            links:
              - {from: s, to: a, lead-time: 1w}
              - {from: s, to: b, lead-time: 1w}
              - {from: s, to: u, lead-time: 1w}
            demand:
              - {item: widget, market: JP, site: a, quantity: 30}
              - {item: widget, market: CN, site: b, quantity: 20, as-of: 2025-06-01, calibrated: "2025 sales"}
              - {item: widget, market: US, site: u, quantity: 10}
            """;

    private Scenario scenario(String extra) throws IOException {
        Files.writeString(dir.resolve("net.yaml"), NETWORK);
        Path file = Files.writeString(dir.resolve("s.yaml"), """
                scenario: backtest
                start: 2025-01-06
                step: week
                periods: 40
                network: net.yaml
                as-of: 2024-12-01
                measures:
                  - {id: old, type: tariff, authority: JP, announced: 2024-01-01, effective: 2024-02-01, rate: 0.1, origins: [CN]}
                  - {id: ban, type: export-ban, authority: CN, announced: 2025-03-01, effective: 2025-04-01, items: [part],
                     destinations: [US]}
                """ + extra);
        return ScenarioReader.read(file);
    }

    @Test
    void aFactPublishedAfterTheEventIsFlaggedAndACalibratedOnePasses() throws IOException {
        Scenario s = scenario("");
        // the tariff in force at the start is the regime; the ban's announcement is the event
        assertThat(Backtest.eventOf(s)).isEqualTo(LocalDate.of(2025, 3, 1));
        assertThat(Backtest.lateFacts(s)).extracting(Fact::element).containsExactly("sites/b");
        assertThat(Backtest.calibrated(s)).extracting(Fact::element).containsExactly("demand/widget@CN/b");
        assertThat(s.warnings()).anyMatch(w -> w.startsWith("1 fact dated after the event (2025-03-01) and not marked calibrated: sites/b"));
        List<Problem> strict = Backtest.strictProblems(s);
        assertThat(strict).hasSize(1);
        assertThat(strict.get(0).file()).endsWith("net.yaml");
        assertThat(strict.get(0).line()).isEqualTo(13);
        assertThat(strict.get(0).column()).isEqualTo(101); // the as-of value
        assertThat(strict.get(0).message()).contains("sites/b rests on a fact public on 2025-06-01, after the event (2025-03-01)");
        // an event set by hand moves the line: nothing is late any more
        Scenario later = scenario("event: 2025-07-01\n");
        assertThat(Backtest.lateFacts(later)).isEmpty();
        assertThat(Backtest.strictProblems(later)).isEmpty();
    }

    @Test
    void undatedElementsAreListedOnceTheScenarioDatesItsFacts() throws IOException {
        Files.writeString(dir.resolve("net.yaml"), NETWORK.replace("as-of: 2024-06-01\n", ""));
        Path file = Files.writeString(dir.resolve("s.yaml"), """
                scenario: undated
                start: 2025-01-06
                step: week
                periods: 10
                network: net.yaml
                as-of: 2024-12-01
                """);
        Scenario s = ScenarioReader.read(file);
        // items, firms, sites a, links, demand entries without their own date (b and the CN demand have one)
        assertThat(Backtest.undated(s)).extracting(Fact::element).contains("items/part", "sites/a", "demand/widget@JP/a")
                .doesNotContain("sites/b", "scenario");
        assertThat(Backtest.strictProblems(s)).anyMatch(p -> p.message().equals("sites/a gives no as-of date"));
    }

    @Test
    void periodsFallIntoQuartersByTheirDays() {
        // weekly from Monday 2025-01-06: period 12 is Mar 31 - Apr 6 (1 day in Q1, 6 in Q2), period 25 Jun 30 - Jul 6 (1 day in Q2)
        Backtests.Calendar cal = Backtests.Calendar.of(LocalDate.of(2025, 1, 6), Step.WEEK, 30, Observed.Per.QUARTER);
        assertThat(cal.starts()).containsExactly(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 4, 1), LocalDate.of(2025, 7, 1));
        assertThat(cal.covered()).containsExactly(85, 91, 34);
        assertThat(cal.whole(0)).isFalse();
        assertThat(cal.whole(1)).isTrue();
        double[] v = new double[30];
        for (int t = 0; t < 30; t++) {
            v[t] = t + 1;
        }
        double q1 = 0;
        for (int t = 0; t < 12; t++) {
            q1 += v[t];
        }
        q1 += v[12] / 7;
        double q2 = 6 * v[12] / 7 + v[25] / 7;
        for (int t = 13; t <= 24; t++) {
            q2 += v[t];
        }
        double[] flows = cal.aggregate(v, true);
        assertThat(flows[0]).isCloseTo(q1, within(1e-12));
        assertThat(flows[1]).isCloseTo(q2, within(1e-12));
        // a level: the mean over the quarter's days
        double[] levels = cal.aggregate(v, false);
        double mean2 = (6 * v[12] + v[25]) + 7 * (q2 - 6 * v[12] / 7 - v[25] / 7);
        assertThat(levels[1]).isCloseTo(mean2 / 91, within(1e-12));
        // flows add up: nothing is lost between buckets
        assertThat(flows[0] + flows[1] + flows[2]).isCloseTo(30 * 31 / 2.0, within(1e-9));
    }

    @Test
    void observedSeriesBindToTheRecordedQuantitiesTheyName() throws IOException {
        Scenario s = scenario("""
                observed:
                  - {id: exports, metric: exports, item: part, from: CN, per: quarter, unit: t, sources: customs, compare: level,
                     values: {2025-Q2: 1}}
                  - {id: to-jp, metric: exports, item: part, from: CN, to: JP, per: quarter, unit: t, sources: customs, compare: level,
                     values: {2025-Q2: 1}}
                  - {id: maker, metric: revenue, firm: maker, per: month, unit: USD, sources: accounts, compare: level,
                     values: {2025-05: 1}}
                  - {id: widgets, metric: output, item: widget, per: quarter, unit: units, sources: press, compare: level,
                     values: {2025-Q2: 1}}
                  - {id: cn-buyers, metric: delivered, item: widget, market: CN, per: quarter, unit: units, sources: press,
                     compare: level, values: {2025-Q2: 1}}
                """);
        Chokepoint.Run run = Chokepoint.simulate(s, Parameters.of(s));
        List<Backtests.Probe> probes = run.probes();
        int q2 = probes.get(0).calendar().bucket(LocalDate.of(2025, 4, 1));
        // Q2 has 91 days, 13 weeks. Without the ban: 30 to JP and 10 to the US a week; from Mar 31 (the period holding
        // Apr 1) the US link is shut, and the JP plant's orders do not change.
        double weeks = 13;
        assertThat(run.baselineSeries()).isNotNull();
        assertThat(run.observedBaseline().get(0)[q2]).isCloseTo(40 * weeks, within(1e-6));
        assertThat(run.observedModel().get(0)[q2]).isCloseTo(30 * weeks, within(1e-6));
        assertThat(run.observedModel().get(1)[q2]).isCloseTo(30 * weeks, within(1e-6));
        // May: 31 days of 30 widgets a week at 100 USD
        int may = probes.get(2).calendar().bucket(LocalDate.of(2025, 5, 1));
        assertThat(run.observedBaseline().get(2)[may]).isCloseTo(30 * 100 * 31 / 7.0, within(1e-6));
        assertThat(run.observedBaseline().get(3)[q2]).isCloseTo(60 * weeks, within(1e-6));
        assertThat(run.observedBaseline().get(4)[q2]).isCloseTo(20 * weeks, within(1e-6));
        // The Monte Carlo binds the same series: with nothing uncertain every run is the single run
        MonteCarlo.Result mc = MonteCarlo.run(s, Parameters.of(s), 3, 2, new double[] {5, 50, 95}, r -> { });
        for (int i = 0; i < probes.size(); i++) {
            assertThat(mc.accounts().observedPercentile(i, 50)).containsExactly(run.observedModel().get(i), within(1e-9));
        }
    }

    @Test
    void theFitOfAHandMadeSeries() {
        Backtests.Calendar cal = Backtests.Calendar.of(LocalDate.of(2024, 1, 1), Step.WEEK, 60, Observed.Per.QUARTER);
        List<LocalDate> quarters = List.of(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 4, 1), LocalDate.of(2024, 7, 1),
                LocalDate.of(2024, 10, 1));
        double[] model = {200, 190, 170, 100, 0};
        double[] baseline = {200, 200, 200, 200, 0};
        LocalDate event = LocalDate.of(2024, 5, 15); // only Q1 ends before it
        Observed index = observed(Observed.Compare.INDEX, 1, quarters, new double[] {100, 90, 60, 50});
        Backtests.Fit f = Backtests.fit(index, cal, event, model, null, null, baseline);
        assertThat(f.points()).extracting(Backtests.Point::observed).containsExactly(1.0, 0.9, 0.6, 0.5);
        assertThat(f.points()).extracting(Backtests.Point::model).containsExactly(1.0, 0.95, 0.85, 0.5);
        assertThat(f.points()).extracting(Backtests.Point::afterEvent).containsExactly(false, true, true, true);
        assertThat(f.pointsAfterEvent()).isEqualTo(3);
        assertThat(f.mape()).isCloseTo((0.05 / 0.9 + 0.25 / 0.6 + 0) / 3, within(1e-12));
        // a 30% fall: observed in Q3 (0.6), the model only in Q4 (0.5), 92 days later
        assertThat(f.onsetObserved()).isEqualTo(LocalDate.of(2024, 7, 1));
        assertThat(f.onsetModel()).isEqualTo(LocalDate.of(2024, 10, 1));
        assertThat(f.onsetLagDays()).isEqualTo(92);
        // as levels, in model units (observed in hundreds of units: scale 2)
        Backtests.Fit level = Backtests.fit(observed(Observed.Compare.LEVEL, 2, quarters, new double[] {100, 90, 60, 50}), cal, event,
                model, null, null, baseline);
        assertThat(level.points()).extracting(Backtests.Point::observed).containsExactly(200.0, 180.0, 120.0, 100.0);
        assertThat(level.points()).extracting(Backtests.Point::error).containsExactly(0.0, 10.0, 50.0, 0.0);
        assertThat(level.mape()).isCloseTo((10 / 180.0 + 50 / 120.0 + 0) / 3, within(1e-12));
        assertThat(level.mae()).isCloseTo((10 + 50 + 0) / 3.0, within(1e-12));
        assertThat(f.mae()).isCloseTo((0.05 + 0.25 + 0) / 3, within(1e-12));
        assertThat(f.mapePoints()).isEqualTo(3);
        // an observation near zero (4% of the level before the event) counts in the MAE, not in the MAPE:
        // its percentage error (0.85 - 0.04) / 0.04 would swamp the rest
        Backtests.Fit nearZero = Backtests.fit(observed(Observed.Compare.INDEX, 1, quarters, new double[] {100, 90, 4, 50}), cal,
                event, model, null, null, baseline);
        assertThat(nearZero.mapePoints()).isEqualTo(2);
        assertThat(nearZero.mape()).isCloseTo((0.05 / 0.9 + 0) / 2, within(1e-12));
        assertThat(nearZero.mae()).isCloseTo((0.05 + 0.81 + 0) / 3, within(1e-12));
        // the source's own level before the event in place of observations: the model is indexed on its whole quarters before it
        Observed based = new Observed("x", "X", Observed.Metric.OUTPUT, "a", null, null, null, null, null, Observed.Per.QUARTER,
                Observed.Compare.INDEX, 1, 0.3, 100, "units", List.of("hand-made"), false, quarters.subList(1, 4),
                new double[] {90, 60, 50}, Problem.at("observed[0]", "", ""));
        Backtests.Fit fromBase = Backtests.fit(based, cal, event, model, null, null, baseline);
        assertThat(fromBase.points()).extracting(Backtests.Point::model).containsExactly(0.95, 0.85, 0.5);
        assertThat(fromBase.mape()).isCloseTo(f.mape(), within(1e-12));
        assertThat(fromBase.onsetObserved()).isEqualTo(f.onsetObserved());
        // with a model that never falls far enough there is no model onset
        Backtests.Fit flat = Backtests.fit(index, cal, event, baseline, null, null, baseline);
        assertThat(flat.onsetModel()).isNull();
        assertThat(flat.onsetLagDays()).isNull();
    }

    private static Observed observed(Observed.Compare compare, double scale, List<LocalDate> dates, double[] values) {
        return new Observed("x", "X", Observed.Metric.OUTPUT, "a", null, null, null, null, null, Observed.Per.QUARTER, compare, scale,
                0.3, Double.NaN, "units", List.of("hand-made"), false, dates, values, Problem.at("observed[0]", "", ""));
    }
}
