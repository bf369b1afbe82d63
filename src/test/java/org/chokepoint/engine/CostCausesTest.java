package org.chokepoint.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.assertj.core.data.Offset;
import org.chokepoint.TestNetworks;
import org.chokepoint.model.Alternate;
import org.chokepoint.model.Demand;
import org.chokepoint.model.Duration;
import org.chokepoint.model.Firm;
import org.chokepoint.model.Item;
import org.chokepoint.model.NetworkBuilder;
import org.chokepoint.model.Network;
import org.chokepoint.model.Site;
import org.chokepoint.model.Step;
import org.chokepoint.model.SupplyLink;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Unit costs traced to their causes: worked by hand on a chain, and an invariant on random timelines. */
class CostCausesTest {

    static final Offset<Double> EXACT = Offset.offset(1e-9);

    /**
     * s (part, 10) → c (product, 50: value added 40) → d (system, 80: value added 30), one unit
     * each, one week's lead time on both links, d sells 100 a week.
     */
    static NetworkBuilder chain() {
        return new NetworkBuilder()
                .item(Item.of("part", 10)).item(Item.of("product", 50)).item(Item.of("system", 80))
                .firm(Firm.of("f", "US"))
                .site(Site.of("s", "f", "part", 1000, Map.of()))
                .site(Site.of("s2", "f", "part", 1000, Map.of()))
                .site(Site.of("c", "f", "product", 1000, Map.of("part", 1.0)).withStock(Map.of("part", Duration.weeks(6))))
                .site(Site.of("d", "f", "system", 1000, Map.of("product", 1.0)).withStock(Map.of("product", Duration.weeks(6))))
                .link(SupplyLink.of("s", "c", "part", 1, Duration.weeks(1)))
                .link(SupplyLink.of("c", "d", "product", 1, Duration.weeks(1)))
                .demand(Demand.of("system", "US", "d", 100));
    }

    static SeriesRecorder run(CompiledNetwork c, Timeline t, int periods) {
        Simulation sim = new Simulation(c, Parameters.DEFAULT.withChecked(true));
        SeriesRecorder r = new SeriesRecorder(true);
        sim.run(t, periods, sim.newState(), r);
        return r;
    }

    /**
     * A 25% tariff on s → c from week 5: c pays 10 × 1.25 = 12.5 for parts bought that week, so
     * its unit cost is 52.5 from week 5, all of it markup. d buys at c's price of the week before:
     * 82.5 from week 6, its markup component 2.5 though its own link carries none.
     */
    @Test
    void tariffPassesDownTheChain() {
        CompiledNetwork c = CompiledNetwork.of(chain().build(), Step.WEEK);
        Timeline t = Timeline.builder(c).restrict(c.link("s", "c", "part"), 5, 52, 1, 0, 0.25).build();
        SeriesRecorder r = run(c, t, 12);
        int cs = c.site("c");
        int ds = c.site("d");
        for (int w = 0; w < 12; w++) {
            double atC = w >= 5 ? 2.5 : 0;
            double atD = w >= 6 ? 2.5 : 0;
            assertThat(r.unitCost(w, cs, CostCause.MARKUP)).as("c, week %d", w).isCloseTo(atC, EXACT);
            assertThat(r.unitCost(w, cs)).as("c's unit cost, week %d", w).isCloseTo(50 + atC, EXACT);
            assertThat(r.unitCost(w, ds, CostCause.MARKUP)).as("d, week %d", w).isCloseTo(atD, EXACT);
            assertThat(r.unitCost(w, ds)).as("d's unit cost, week %d", w).isCloseTo(80 + atD, EXACT);
            assertThat(r.unitCost(w, ds, CostCause.PREMIUM)).isZero();
            assertThat(r.unitCost(w, ds, CostCause.LICENSE_DELAY)).isZero();
        }
    }

    /**
     * A two-week license delay on s → c from week 5, carrying cost 20% a year: every part held up
     * adds 10 × 0.20 × 14/365 to what c pays, from week 5; to d from week 6.
     */
    @Test
    void licenseDelayCarriesItsCost() {
        CompiledNetwork c = CompiledNetwork.of(chain().build(), Step.WEEK);
        Timeline t = Timeline.builder(c).restrict(c.link("s", "c", "part"), 5, 52, 1, 2, 0).build();
        SeriesRecorder r = run(c, t, 12);
        double held = 10 * Parameters.CARRYING_COST * 14 / 365;
        for (int w = 0; w < 12; w++) {
            assertThat(r.unitCost(w, c.site("c"), CostCause.LICENSE_DELAY)).as("c, week %d", w)
                    .isCloseTo(w >= 5 ? held : 0, EXACT);
            assertThat(r.unitCost(w, c.site("d"), CostCause.LICENSE_DELAY)).as("d, week %d", w)
                    .isCloseTo(w >= 6 ? held : 0, EXACT);
            assertThat(r.unitCost(w, c.site("d"))).isCloseTo(80 + (w >= 6 ? held : 0), EXACT);
        }
    }

    /**
     * s → c blocked from week 5; alternate s2 (same price, 20% premium, no qualification) takes the
     * orders placed at the end of week 5, ships in week 6 at 12: c's premium component is 2 from
     * week 6 (week 5 bought nothing, so the old price stood), d's from week 7.
     */
    @Test
    void alternatePremium() {
        CompiledNetwork c = CompiledNetwork.of(chain()
                .alternate(new Alternate("c", "part", "s2", null, 1, Duration.ZERO, Duration.ZERO, 1.0, 0.2))
                .build(), Step.WEEK);
        Timeline t = Timeline.builder(c).block(c.link("s", "c", "part"), 5, 52).build();
        SeriesRecorder r = run(c, t, 12);
        for (int w = 0; w < 12; w++) {
            assertThat(r.unitCost(w, c.site("c"), CostCause.PREMIUM)).as("c, week %d", w).isCloseTo(w >= 6 ? 2 : 0, EXACT);
            assertThat(r.unitCost(w, c.site("d"), CostCause.PREMIUM)).as("d, week %d", w).isCloseTo(w >= 7 ? 2 : 0, EXACT);
            assertThat(r.unitCost(w, c.site("c"), CostCause.MARKUP)).isZero();
        }
    }

    /**
     * With one source per input and no alternates, a unit cost is its clean cost (value added and
     * raw prices, fixed) plus its cause components, whatever the timeline: so unit cost minus the
     * components must stay at its period-0 value, for every site, period and seed. Standing
     * markups make the baseline components non-zero from the start.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void causesExplainTheWholeChangeWhenSourcesAreSingle(long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        NetworkBuilder b = new NetworkBuilder();
        Network diamond = TestNetworks.diamond();
        diamond.items().forEach(b::item);
        diamond.firms().forEach(b::firm);
        diamond.sites().forEach(b::site);
        diamond.demand().forEach(b::demand);
        for (SupplyLink l : diamond.links()) {
            b.link(new SupplyLink(l.from(), l.to(), l.item(), l.share(), l.leadTime(), 0.1 * rng.nextInt(3)));
        }
        CompiledNetwork c = CompiledNetwork.of(b.build(), Step.WEEK);
        Timeline.Builder tb = Timeline.builder(c);
        List<SupplyLink> links = new ArrayList<>(diamond.links());
        for (int i = 0; i < 5; i++) {
            SupplyLink l = links.get(rng.nextInt(links.size()));
            int from = rng.nextInt(30);
            tb.restrict(c.link(l.from(), l.to(), l.item()), from, from + 1 + rng.nextInt(20),
                    new double[] {0, 0.4, 1}[rng.nextInt(3)], rng.nextInt(4), 0.05 * rng.nextInt(5));
        }
        SeriesRecorder r = run(c, tb.build(), 50);
        for (int s = 0; s < c.siteCount(); s++) {
            double clean = r.unitCost(0, s) - sum(r, 0, s);
            for (int t = 1; t < 50; t++) {
                assertThat(r.unitCost(t, s) - sum(r, t, s)).as("seed %d, site %s, week %d", seed, c.siteId(s), t)
                        .isCloseTo(clean, Offset.offset(1e-9 * r.unitCost(t, s)));
            }
        }
        assertThat(r.unitCost(0, c.site("z"), CostCause.MARKUP))
                .as("standing markups are in the baseline's components").isEqualTo(sum(r, 0, c.site("z")));
    }

    /** Tracing is bookkeeping: the run it watches is the same to the bit. */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 12, 13})
    void tracingChangesNothingElse(long seed) {
        SeriesRecorder plain = new SeriesRecorder(false);
        SeriesRecorder traced = new SeriesRecorder(true);
        CompiledNetwork c = runInto(seed, plain, traced);
        for (int p = 0; p < plain.periods(); p++) {
            for (int s = 0; s < c.siteCount(); s++) {
                assertThat(traced.unitCost(p, s)).isEqualTo(plain.unitCost(p, s));
                assertThat(traced.output(p, s)).isEqualTo(plain.output(p, s));
                assertThat(traced.revenue(p, s)).isEqualTo(plain.revenue(p, s));
            }
        }
    }

    /**
     * A recorder for reports keeps the causes of the sites serving final demand, the same to the
     * bit as one that keeps them everywhere, and refuses, naming it, a site whose causes it did not keep.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {21, 22, 23})
    void causesForReportsAreThoseOfTheEndItemSites(long seed) {
        SeriesRecorder everywhere = new SeriesRecorder(true, false);
        SeriesRecorder reports = SeriesRecorder.forReports(false);
        CompiledNetwork c = runInto(seed, everywhere, reports);
        java.util.Set<Integer> served = new java.util.HashSet<>();
        for (int s : c.demandSites()) {
            served.add(s);
        }
        assertThat(served).as("seed %d", seed).isNotEmpty();
        int refused = 0;
        for (int s = 0; s < c.siteCount(); s++) {
            for (int p = 0; p < reports.periods(); p++) {
                assertThat(reports.unitCost(p, s)).isEqualTo(everywhere.unitCost(p, s));
            }
            if (served.contains(s)) {
                for (int p = 0; p < reports.periods(); p++) {
                    for (CostCause cause : CostCause.values()) {
                        assertThat(reports.unitCost(p, s, cause)).as("seed %d, site %s, period %d", seed, c.siteId(s), p)
                                .isEqualTo(everywhere.unitCost(p, s, cause));
                    }
                }
            } else {
                int site = s;
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> reports.unitCost(0, site, CostCause.MARKUP))
                        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(c.siteId(s) + " serves none");
                refused++;
            }
        }
        assertThat(refused).as("seed %d: some sites serve no final demand", seed).isPositive();
        assertThat(reports.bytes()).isLessThan(everywhere.bytes());
    }

    /** Runs the random case of {@code seed} once into each recorder; returns its compiled network. */
    private static CompiledNetwork runInto(long seed, SeriesRecorder a, SeriesRecorder b) {
        var k = ReferenceAgreementTest.randomCase(seed);
        CompiledNetwork c = CompiledNetwork.of(k.network(), Step.WEEK);
        Timeline t = ReferenceAgreementTest.timeline(c, k.restrictions());
        Simulation sim = new Simulation(c, k.parameters());
        sim.run(t, k.periods(), sim.newState(), a);
        sim.run(t, k.periods(), sim.newState(), b);
        return c;
    }

    private static double sum(SeriesRecorder r, int t, int s) {
        double v = 0;
        for (CostCause cause : CostCause.values()) {
            v += r.unitCost(t, s, cause);
        }
        return v;
    }
}
