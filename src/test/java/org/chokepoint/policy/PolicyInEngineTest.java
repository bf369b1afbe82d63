package org.chokepoint.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.chokepoint.analysis.Streams;
import org.chokepoint.engine.CompiledNetwork;
import org.chokepoint.engine.Parameters;
import org.chokepoint.engine.SeriesRecorder;
import org.chokepoint.engine.Simulation;
import org.chokepoint.engine.Timeline;
import org.chokepoint.model.Demand;
import org.chokepoint.model.Duration;
import org.chokepoint.model.Firm;
import org.chokepoint.model.Item;
import org.chokepoint.model.Measure;
import org.chokepoint.model.Network;
import org.chokepoint.model.NetworkBuilder;
import org.chokepoint.model.Scenario;
import org.chokepoint.model.Site;
import org.chokepoint.model.Step;
import org.chokepoint.model.SupplyLink;
import org.junit.jupiter.api.Test;

/** Measures through the engine: what decisions do to flows, costs and shortfalls. */
class PolicyInEngineTest {

    static final LocalDate START = LocalDate.of(2025, 1, 6);

    /** Chinese gallium → US GaN fab → US radar maker, which sells to US buyers. */
    static Network galliumChain() {
        return new NetworkBuilder()
                .item(Item.of("gallium", 400)).item(Item.of("gan-die", 50)).item(Item.of("radar", 10_000))
                .firm(Firm.of("refiner", "CN")).firm(Firm.of("fab", "US")).firm(Firm.of("prime", "US"))
                .site(Site.of("cn-ga", "refiner", "gallium", 100, Map.of()))
                .site(Site.of("us-gan", "fab", "gan-die", 10_000, Map.of("gallium", 0.01)).withStock(Map.of("gallium", Duration.weeks(4))))
                .site(Site.of("us-radar", "prime", "radar", 100, Map.of("gan-die", 10.0)).withStock(Map.of("gan-die", Duration.weeks(2))))
                .link(SupplyLink.of("cn-ga", "us-gan", "gallium", 1, Duration.weeks(2)))
                .link(SupplyLink.of("us-gan", "us-radar", "gan-die", 1, Duration.weeks(1)))
                .demand(Demand.of("radar", "US", "us-radar", 20))
                .build();
    }

    static Scenario scenario(Network n, int periods, long seed, Measure... measures) {
        return new Scenario("t", null, null, n, "inline", START, Step.WEEK, periods, seed, List.of(measures), null, null, null, null);
    }

    static SeriesRecorder run(Scenario s, int runIndex) {
        CompiledNetwork c = CompiledNetwork.of(s.network(), s.step());
        PolicyDecisions d = PolicyEvaluator.evaluate(s, c);
        Simulation sim = new Simulation(c, Parameters.DEFAULT.withChecked(true));
        SeriesRecorder r = new SeriesRecorder();
        sim.run(d.timeline(Streams.forRun(s.seed(), runIndex)), s.periods(), sim.newState(), r);
        return r;
    }

    @Test
    void galliumBanReachesAUsSiteTwoTiersDown() {
        ExportRestriction ban = new ExportRestriction(MeasureHeader.of("ban", "export-ban", "CN", LocalDate.of(2025, 2, 3)),
                true, List.of("gallium"), List.of("US"), null, Double.NaN, 1);
        Scenario s = scenario(galliumChain(), 30, 1, ban);
        PolicyDecisions d = PolicyEvaluator.evaluate(s, CompiledNetwork.of(s.network(), s.step()));
        assertThat(d.effective()).singleElement().satisfies(x -> {
            assertThat(x.linkName()).isEqualTo("cn-ga->us-gan");
            assertThat(x.trace()).contains("gallium leaves CN (site cn-ga) for US (customer site us-gan); export ban on gallium");
        });
        SeriesRecorder r = run(s, 0);
        // Blocked from week 4; 2 weeks in transit, 4 weeks of gallium, 2 weeks of dies, 1 week lead:
        // the radar maker runs short some weeks later, and not before.
        int firstShort = -1;
        for (int t = 0; t < 30 && firstShort < 0; t++) {
            if (r.shortfall(t, 0) > 1e-9) {
                firstShort = t;
            }
        }
        assertThat(firstShort).isBetween(8, 14);
        assertThat(r.shortfall(29, 0)).isCloseTo(20, Offset.offset(1e-9));
    }

    /** A 10% tariff on gallium into the US and 20% on dies: unit costs compound down the chain. */
    @Test
    void tariffMarkupsCompoundAlongAChain() {
        Tariff onGallium = new Tariff(MeasureHeader.of("t1", "tariff", "US", LocalDate.of(2025, 1, 13)), 0.10,
                List.of("CN"), List.of(), List.of("gallium"));
        Network n = galliumChain();
        // A second tariff on dies would need a border; put the die maker's output through one by
        // treating the radar maker as importing from a US fab under a (hypothetical) US levy.
        Tariff onDies = new Tariff(MeasureHeader.of("t2", "tariff", "US", LocalDate.of(2025, 1, 13)), 0.20,
                List.of("US"), List.of("US"), List.of("gan-die"));
        SeriesRecorder r = run(scenario(n, 8, 1, onGallium, onDies), 0);
        CompiledNetwork c = CompiledNetwork.of(n, Step.WEEK);
        int gan = c.site("us-gan");
        int radar = c.site("us-radar");
        // Die cost: 50 + 0.01 × 400 × 10% = 50.4 from week 1.
        assertThat(r.unitCost(1, gan)).isCloseTo(50.4, Offset.offset(1e-9));
        // Radar: 10 dies at the die's price a week earlier, plus 20% levy on that price:
        // week 1: 10 × 50 × 1.2 → +100; week 2: 10 × 50.4 × 1.2 → +104.8 (10% compounded into 20%).
        assertThat(r.unitCost(1, radar)).isCloseTo(10_000 + 100, Offset.offset(1e-9));
        assertThat(r.unitCost(2, radar)).isCloseTo(10_000 + 10 * (50.4 * 1.2 - 50), Offset.offset(1e-9));
    }

    /** An escalation with probability 0.3 fires in about 30% of runs (1000 runs, fixed seeds). */
    @Test
    void escalationFiresWithItsProbability() {
        Network n = galliumChain();
        Tariff trigger = new Tariff(MeasureHeader.of("us-tariff", "tariff", "US", LocalDate.of(2025, 1, 13)), 0.25,
                List.of("CN"), List.of(), List.of());
        ExportRestriction response = new ExportRestriction(MeasureHeader.of("cn-ban", "export-ban", "CN", LocalDate.of(2030, 1, 1)),
                true, List.of("gallium"), List.of("US"), null, Double.NaN, 1);
        Escalation esc = new Escalation(MeasureHeader.of("tit-for-tat", "escalation", "CN", LocalDate.of(2025, 1, 13)),
                "us-tariff", null, "cn-ban", Duration.weeks(4), 0.3);
        Scenario s = scenario(n, 12, 42, trigger, response, esc);
        CompiledNetwork c = CompiledNetwork.of(n, Step.WEEK);
        PolicyDecisions d = PolicyEvaluator.evaluate(s, c);
        Decision ban = d.effective().stream().filter(x -> x.measure().equals("cn-ban")).findFirst().orElseThrow();
        assertThat(ban.condition()).isEqualTo("tit-for-tat");
        int link = c.link("cn-ga", "us-gan", "gallium");
        int fired = 0;
        int runs = 1000;
        Simulation sim = new Simulation(c, Parameters.DEFAULT);
        var state = sim.newState();
        for (int run = 0; run < runs; run++) {
            double[] open = new double[12];
            sim.run(d.timeline(Streams.forRun(42, run)), 12, state, (t, st) -> open[t] = st.open(link));
            if (open[5] == 0) {
                fired++;
                // Four weeks after the trigger (2025-01-13, week 1): from week 5, not from its own 2030 date.
                assertThat(open[4]).isEqualTo(1);
            }
        }
        // Binomial(1000, 0.3): mean 300, sd 14.5; 4 sd either side.
        assertThat(fired).isBetween(242, 358);
        // The same run always draws the same.
        assertThat(d.timeline(Streams.forRun(42, 7)).linkEventCount()).isEqualTo(d.timeline(Streams.forRun(42, 7)).linkEventCount());
    }

    /**
     * A response set off by a metric: when the radar maker's shortfall first exceeds half of demand
     * in week T, a US tariff on GaN dies follows from week T + 1 + 2 (a two-week lag).
     */
    @Test
    void escalationSetOffByAMetricStartsAfterTheCrossing() {
        Network n = galliumChain();
        ExportRestriction ban = new ExportRestriction(MeasureHeader.of("ban", "export-ban", "CN", LocalDate.of(2025, 2, 3)),
                true, List.of("gallium"), List.of("US"), null, Double.NaN, 1);
        Tariff response = new Tariff(MeasureHeader.of("levy", "tariff", "US", LocalDate.of(2030, 1, 1)), 0.5,
                List.of("US"), List.of("US"), List.of("gan-die"));
        Escalation esc = new Escalation(MeasureHeader.of("retort", "escalation", "US", LocalDate.of(2025, 1, 6)), null,
                new MetricTrigger(MetricTrigger.Metric.SHORTFALL, "radar", null, 0.5), "levy", Duration.weeks(2), 1.0);
        int periods = 30;
        CompiledNetwork c = CompiledNetwork.of(n, Step.WEEK);
        // Where the shortfall first passes half of demand without the response:
        SeriesRecorder plain = run(scenario(n, periods, 5, ban), 0);
        int crossing = -1;
        for (int t = 0; t < periods && crossing < 0; t++) {
            if (plain.shortfall(t, 0) / plain.demanded(t, 0) > 0.5) {
                crossing = t;
            }
        }
        assertThat(crossing).isPositive();
        Scenario s = scenario(n, periods, 5, ban, response, esc);
        int link = c.link("us-gan", "us-radar", "gan-die");
        double[] markup = new double[periods];
        Simulation sim = new Simulation(c, Parameters.DEFAULT.withChecked(true));
        var fired = org.chokepoint.analysis.PolicyRun.run(sim, PolicyEvaluator.evaluate(s, c), 0, sim.newState(),
                (t, st) -> markup[t] = st.markup(link));
        assertThat(fired).containsEntry("retort", s.dateOf(crossing + 1));
        for (int t = 0; t < periods; t++) {
            assertThat(markup[t]).as("week %d (crossing in week %d)", t, crossing).isEqualTo(t >= crossing + 3 ? 0.5 : 0);
        }
        // A single run's progress: the measured run goes back to its start once the escalation
        // fires, counts from there again, and the two runs end at twice the periods.
        java.util.List<Integer> progress = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        org.chokepoint.api.Chokepoint.simulate(s, Parameters.DEFAULT, false, 1, progress::add);
        assertThat(progress).hasSize(3 * periods).endsWith(2 * periods);
        assertThat(progress.get(periods)).as("the second pass starts again").isEqualTo(1);
    }

    @Test
    void licenseReviewApprovalAndLeakageShapeTheLink() {
        LicensePolicy caseByCase = new LicensePolicy(LicensePolicy.Kind.CASE_BY_CASE, 1.0, Duration.weeks(3), 0.5, 0.1, 0.3);
        ExportRestriction licensing = new ExportRestriction(MeasureHeader.of("lic", "export-licensing", "CN", LocalDate.of(2025, 1, 13)),
                false, List.of("gallium"), List.of("US"), caseByCase, Double.NaN, 1);
        Scenario s = scenario(galliumChain(), 8, 3, licensing);
        CompiledNetwork c = CompiledNetwork.of(s.network(), s.step());
        int link = c.link("cn-ga", "us-gan", "gallium");
        double[] open = new double[8];
        double[] markup = new double[8];
        Simulation sim = new Simulation(c, Parameters.DEFAULT.withChecked(true));
        sim.run(PolicyEvaluator.evaluate(s, c).timeline(Streams.forRun(3, 0)), 8, sim.newState(), (t, st) -> {
            open[t] = st.open(link);
            markup[t] = st.markup(link);
        });
        // Week 0 open; weeks 1-3 under review, 10% leaking at a 30% premium; from week 4 the approved half.
        assertThat(open).containsExactly(1, 0.1, 0.1, 0.1, 0.5, 0.5, 0.5, 0.5);
        assertThat(markup).containsExactly(0, 0.3, 0.3, 0.3, 0, 0, 0, 0);

        // Denied (approval 0): leakage only, for the whole period.
        LicensePolicy denied = new LicensePolicy(LicensePolicy.Kind.PRESUMPTION_OF_DENIAL, 0, Duration.ZERO, 1, 0.05, 0);
        ExportRestriction strict = new ExportRestriction(licensing.header(), false, List.of("gallium"), List.of("US"), denied,
                Double.NaN, 1);
        Scenario s2 = scenario(galliumChain(), 8, 3, strict);
        sim.run(PolicyEvaluator.evaluate(s2, c).timeline(Streams.forRun(3, 0)), 8, sim.newState(), (t, st) -> open[t] = st.open(link));
        assertThat(open).containsExactly(1, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05);
    }

    /**
     * A granted license whose shipments each wait two weeks more: from the grant (week 1) the link
     * carries a two-week delay, so nothing arrives in weeks 3 and 4 that was not already on its way,
     * and the fab pays the carrying cost of goods held up, 400 × 0.20 × 14/365 a kg of gallium,
     * 0.01 kg a die: traced to license delays, and passed on to the radar maker a week later.
     */
    @Test
    void licensedShipmentsThatWaitCarryTheirCost() {
        LicensePolicy slow = new LicensePolicy(LicensePolicy.Kind.CASE_BY_CASE, 1.0, Duration.ZERO, 1, 0, 0, Duration.weeks(2));
        ExportRestriction licensing = new ExportRestriction(MeasureHeader.of("lic", "export-licensing", "CN", LocalDate.of(2025, 1, 13)),
                false, List.of("gallium"), List.of("US"), slow, Double.NaN, 1);
        Scenario s = scenario(galliumChain(), 10, 3, licensing);
        CompiledNetwork c = CompiledNetwork.of(s.network(), s.step());
        int link = c.link("cn-ga", "us-gan", "gallium");
        Simulation sim = new Simulation(c, Parameters.DEFAULT.withChecked(true));
        org.chokepoint.engine.SeriesRecorder r = new org.chokepoint.engine.SeriesRecorder(true);
        sim.run(PolicyEvaluator.evaluate(s, c).timeline(Streams.forRun(3, 0)), 10, sim.newState(), r);
        assertThat(r.open(1, link)).isEqualTo(1);
        double perDie = 400 * Parameters.CARRYING_COST * 14 / 365 * 0.01;
        int fab = c.site("us-gan");
        int prime = c.site("us-radar");
        for (int t = 0; t < 10; t++) {
            assertThat(r.unitCost(t, fab, org.chokepoint.engine.CostCause.LICENSE_DELAY)).as("fab, week %d", t)
                    .isCloseTo(t >= 1 ? perDie : 0, org.assertj.core.data.Offset.offset(1e-12));
            assertThat(r.unitCost(t, prime, org.chokepoint.engine.CostCause.LICENSE_DELAY)).as("prime, week %d", t)
                    .isCloseTo(t >= 2 ? 10 * perDie : 0, org.assertj.core.data.Offset.offset(1e-10));
        }
        assertThat(slow.describe()).contains("each shipment 2w longer");
    }
}
