package org.chokepoint.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.chokepoint.engine.HandWorkedTest.EXACT;
import static org.chokepoint.engine.HandWorkedTest.twoCustomers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.chokepoint.model.Behaviour;
import org.chokepoint.model.Demand;
import org.chokepoint.model.Step;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Priority lists: a supplier serves the customers it lists in order, each in full while output
 * lasts, and shares the rest among the unlisted by the rationing rule.
 */
class PriorityTest {

    static SeriesRecorder run(CompiledNetwork c, Parameters p, int periods) {
        return HandWorkedTest.run(c, p, Timeline.NONE, periods);
    }

    /**
     * Supplier s (capacity 100) gets orders of 80 from a and 40 from b. Listing a first: a gets its
     * 80, b the 20 left. Listing b first: b gets 40, a the 60 left. Proportionally it would be
     * 66.67 and 33.33.
     */
    @Test
    void listedCustomersAreServedInFullFirst() {
        CompiledNetwork c = CompiledNetwork.of(twoCustomers(80, 40).build(), Step.WEEK);
        int a = c.link("s", "a", "part");
        int b = c.link("s", "b", "part");

        SeriesRecorder aFirst = run(c, Parameters.DEFAULT.withPriority(Map.of("s", List.of(List.of("a")))), 1);
        assertThat(aFirst.shipped(0, a)).isCloseTo(80, EXACT);
        assertThat(aFirst.shipped(0, b)).isCloseTo(20, EXACT);

        SeriesRecorder bFirst = run(c, Parameters.DEFAULT.withPriority(Map.of("s", List.of(List.of("b"), List.of("a")))), 1);
        assertThat(bFirst.shipped(0, b)).isCloseTo(40, EXACT);
        assertThat(bFirst.shipped(0, a)).isCloseTo(60, EXACT);
        assertThat(bFirst.revenue(0, c.site("s"))).as("100 parts at 10").isCloseTo(1000, EXACT);
    }

    /**
     * s also sells 50 parts itself; a orders 40, b 20: 110 asked of 100. Listing b, then final
     * demand: b 20, final demand 50, a the 30 left. Listing only a, with final demand first for
     * the unlisted: a 40, final demand 50, b 10. Listing only a, proportional: a 40, then final
     * demand and b share 60 for 70 (6/7 each): 42.86 and 17.14.
     */
    @Test
    void finalDemandTakesItsPlaceInTheList() {
        CompiledNetwork c = CompiledNetwork.of(twoCustomers(40, 20).demand(Demand.of("part", "US", "s", 50)).build(), Step.WEEK);
        int a = c.link("s", "a", "part");
        int b = c.link("s", "b", "part");
        int own = 2; // s's own final demand: the third entry

        SeriesRecorder listed = run(c, Parameters.DEFAULT.withPriority(Map.of("s", List.of(List.of("b"), List.of(Behaviour.FINAL_DEMAND)))), 1);
        assertThat(listed.shipped(0, b)).isCloseTo(20, EXACT);
        assertThat(listed.delivered(0, own)).isCloseTo(50, EXACT);
        assertThat(listed.shipped(0, a)).isCloseTo(30, EXACT);

        Parameters aOnly = Parameters.DEFAULT.withPriority(Map.of("s", List.of(List.of("a"))));
        SeriesRecorder finalFirst = run(c, aOnly.withRationing(Parameters.Rationing.FINAL_DEMAND_FIRST), 1);
        assertThat(finalFirst.shipped(0, a)).isCloseTo(40, EXACT);
        assertThat(finalFirst.delivered(0, own)).isCloseTo(50, EXACT);
        assertThat(finalFirst.shipped(0, b)).isCloseTo(10, EXACT);

        SeriesRecorder proportional = run(c, aOnly, 1);
        assertThat(proportional.shipped(0, a)).isCloseTo(40, EXACT);
        assertThat(proportional.delivered(0, own)).isCloseTo(50.0 * 60 / 70, EXACT);
        assertThat(proportional.shipped(0, b)).isCloseTo(20.0 * 60 / 70, EXACT);
    }

    /**
     * Customers sharing a place share it in proportion to their orders. s (capacity 100) is asked
     * for 80 by a, 40 by b and 50 by its own buyers: 170. With a and final demand sharing the first
     * place, they ask 130 and get 100/130 of it (61.54 and 38.46); b, unlisted, gets nothing.
     */
    @Test
    void customersSharingAPlaceShareItProportionally() {
        CompiledNetwork c = CompiledNetwork.of(twoCustomers(80, 40).demand(Demand.of("part", "US", "s", 50)).build(), Step.WEEK);
        SeriesRecorder r = run(c, Parameters.DEFAULT.withPriority(Map.of("s", List.of(List.of("a", Behaviour.FINAL_DEMAND)))), 1);
        assertThat(r.shipped(0, c.link("s", "a", "part"))).isCloseTo(80.0 * 100 / 130, EXACT);
        assertThat(r.delivered(0, 2)).isCloseTo(50.0 * 100 / 130, EXACT);
        assertThat(r.shipped(0, c.link("s", "b", "part"))).isCloseTo(0, EXACT);
    }

    /**
     * Over time: a listed first is never short, b (unlisted) takes the whole shortfall of 20 a
     * week once s's shipments arrive, and reorders to close its gap without taking a's share.
     */
    @Test
    void theListedCustomerStaysWholeWhileTheOtherTakesTheShortfall() {
        CompiledNetwork c = CompiledNetwork.of(twoCustomers(80, 40).build(), Step.WEEK);
        SeriesRecorder r = run(c, Parameters.DEFAULT.withPriority(Map.of("s", List.of(List.of("a")))), 20);
        for (int w = 1; w < 20; w++) {
            assertThat(r.shortfall(w, 0)).as("a's shortfall, week %d", w).isCloseTo(0, EXACT);
            assertThat(r.shipped(w, c.link("s", "a", "part"))).as("a's shipment, week %d", w).isCloseTo(80, EXACT);
            assertThat(r.shortfall(w, 1)).as("b's shortfall, week %d", w).isCloseTo(20, EXACT);
        }
    }

    @Test
    void unknownSitesAreRejected() {
        CompiledNetwork c = CompiledNetwork.of(twoCustomers(80, 40).build(), Step.WEEK);
        assertThatThrownBy(() -> new Simulation(c, Parameters.DEFAULT.withPriority(Map.of("nobody", List.of(List.of("a"))))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nobody");
        assertThatThrownBy(() -> new Simulation(c, Parameters.DEFAULT.withPriority(Map.of("s", List.of(List.of("nobody"))))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nobody");
        Simulation other = new Simulation(c, Parameters.DEFAULT);
        Simulation ranked = new Simulation(c, Parameters.DEFAULT.withPriority(Map.of("s", List.of(List.of("a")))));
        assertThatThrownBy(() -> ranked.run(Timeline.NONE, 1, other.newState(), Recorder.NONE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * Seeded random networks and timelines, a few suppliers with random lists: every period, at
     * every listed supplier, a rank with orders is served at least as fully as any later rank with
     * orders and as the unlisted; what it ships and delivers adds up to its output; the checked
     * invariants (mass balance) hold. Without any shortfall, lists change nothing.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {301, 302, 303, 304, 305, 306, -401, -402, -403})
    void ranksAreServedInOrderAndNothingIsLost(long seed) {
        // Negative seeds: a third of the links ship without lead time (taken in the site pass).
        ReferenceAgreementTest.Case k = ReferenceAgreementTest.randomCase(Math.abs(seed), seed < 0);
        CompiledNetwork c = CompiledNetwork.of(k.network(), Step.WEEK);
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        Map<String, List<List<String>>> lists = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 8; i++) {
            int s = rng.nextInt(c.siteCount());
            List<String> customers = new ArrayList<>();
            for (int l = 0; l < c.allLinkCount(); l++) {
                if (c.linkFrom(l) == s && !customers.contains(c.siteId(c.linkCustomer(l))) && rng.nextBoolean()) {
                    customers.add(c.siteId(c.linkCustomer(l)));
                }
            }
            for (int j = 0; j < c.demandCount(); j++) {
                if (c.demandSite(j) == s && rng.nextBoolean() && !customers.contains(Behaviour.FINAL_DEMAND)) {
                    customers.add(rng.nextInt(customers.size() + 1), Behaviour.FINAL_DEMAND);
                }
            }
            // Consecutive customers share a place now and then.
            List<List<String>> places = new ArrayList<>();
            for (String who : customers) {
                if (!places.isEmpty() && rng.nextInt(3) == 0) {
                    places.get(places.size() - 1).add(who);
                } else {
                    places.add(new ArrayList<>(List.of(who)));
                }
            }
            if (!places.isEmpty()) {
                lists.put(c.siteId(s), places);
            }
        }
        assertThat(lists).as("suppliers with lists").isNotEmpty();
        Parameters p = k.parameters().withChecked(true).withPriority(lists);
        Simulation sim = new Simulation(c, p);
        Timeline tl = ReferenceAgreementTest.timeline(c, k.restrictions());
        int[] checked = {0};
        sim.run(tl, k.periods(), sim.newState(), (t, s) -> {
            for (int site = 0; site < c.siteCount(); site++) {
                if (sim.rankStart[site] < 0) {
                    continue;
                }
                double unlistedFraction = s.offer[2 * site];
                double previous = 1;
                for (int r = 0; r < sim.rankCount[site]; r++) {
                    int cell = sim.rankStart[site] + r;
                    double asked = s.rankOrders[cell];
                    for (int j = 0; j < c.demandCount(); j++) {
                        if (sim.finalRank[site] == r && c.demandSite(j) == site) {
                            asked += s.demanded(j);
                        }
                    }
                    if (asked > 1e-9) {
                        double f = s.offer[2 * c.siteCount() + cell];
                        assertThat(f).as("seed %d period %d: rank %d of %s after an earlier one", seed, t, r, c.siteId(site))
                                .isLessThanOrEqualTo(previous + 1e-12);
                        previous = f;
                        checked[0]++;
                    }
                }
                assertThat(unlistedFraction).as("seed %d period %d: unlisted at %s", seed, t, c.siteId(site))
                        .isLessThanOrEqualTo(previous + 1e-12);
                double out = 0;
                for (int l = 0; l < c.allLinkCount(); l++) {
                    if (c.linkFrom(l) == site) {
                        out += s.shipped(l);
                    }
                }
                for (int j = 0; j < c.demandCount(); j++) {
                    if (c.demandSite(j) == site) {
                        out += s.delivered(j);
                    }
                }
                assertThat(out).as("seed %d period %d: shipped and delivered by %s", seed, t, c.siteId(site))
                        .isCloseTo(s.output(site), org.assertj.core.data.Offset.offset(1e-9 * Math.max(1, s.output(site))));
            }
        });
        assertThat(checked[0]).as("ranks with orders checked").isGreaterThan(20);

        // No restriction, spare capacity everywhere: every order is met, so the lists change nothing.
        Parameters steady = k.parameters().withInitialStockFactor(1);
        Simulation unlisted = new Simulation(c, steady);
        Simulation withLists = new Simulation(c, steady.withPriority(lists));
        SeriesRecorder plain = new SeriesRecorder();
        SeriesRecorder listed = new SeriesRecorder();
        unlisted.run(Timeline.NONE, 20, unlisted.newState(), plain);
        withLists.run(Timeline.NONE, 20, withLists.newState(), listed);
        for (int t = 0; t < 20; t++) {
            for (int l = 0; l < c.allLinkCount(); l++) {
                assertThat(listed.shipped(t, l)).isCloseTo(plain.shipped(t, l), org.assertj.core.data.Offset.offset(1e-9 * Math.max(1, plain.shipped(t, l))));
            }
        }
    }
}
