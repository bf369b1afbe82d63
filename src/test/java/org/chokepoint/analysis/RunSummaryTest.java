package org.chokepoint.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.assertj.core.data.Offset;
import org.chokepoint.engine.CompiledNetwork;
import org.chokepoint.engine.Parameters;
import org.chokepoint.engine.SeriesRecorder;
import org.chokepoint.engine.Simulation;
import org.chokepoint.engine.Timeline;
import org.chokepoint.model.Demand;
import org.chokepoint.model.Duration;
import org.chokepoint.model.Firm;
import org.chokepoint.model.Item;
import org.chokepoint.model.NetworkBuilder;
import org.chokepoint.model.Site;
import org.chokepoint.model.Step;
import org.chokepoint.model.SupplyLink;
import org.junit.jupiter.api.Test;
import org.chokepoint.engine.Recorder;

class RunSummaryTest {

    /**
     * The alternate case of HandWorkedTest: output falls to 0 in week 3 and is back to 100 in week
     * 15: 12 weeks to recover; the block (week 2) cut it, and it survived 1 week on what was in
     * transit. Parts via the alternate cost 20% more, which the maker pays.
     */
    @Test
    void recoveryAndExtraCost() {
        var n = org.chokepoint.engine.HandWorkedTest.chain(0, 1)
                .site(Site.of("s2", "f", "part", 1000, Map.of()))
                .alternate(new org.chokepoint.model.Alternate("c", "part", "s2", null, 1, Duration.weeks(8), Duration.weeks(4), 1.0, 0.2))
                .build();
        CompiledNetwork c = CompiledNetwork.of(n, Step.WEEK);
        Simulation sim = new Simulation(c, Parameters.DEFAULT.withRestorationTime(1));
        SeriesRecorder r = new SeriesRecorder();
        sim.run(Timeline.builder(c).block(c.link("s", "c", "part"), 2, 100).build(), 20, sim.newState(), r);
        SeriesRecorder base = new SeriesRecorder();
        sim.run(Timeline.NONE, 20, sim.newState(), base);
        RunSummary.SiteRow maker = RunSummary.of(c, r, base).sites().stream().filter(x -> x.site().equals("c")).findFirst().orElseThrow();
        assertThat(maker.firstCut()).isEqualTo(2);
        assertThat(maker.firstBelow()).isEqualTo(3);
        assertThat(maker.timeToSurvive()).isEqualTo(1);
        assertThat(maker.timeToRecover()).isEqualTo(12);
        assertThat(maker.extraProcurementCost()).isPositive();
    }

    /**
     * The blocked chain, with the US maker selling 100 a week at home and 50 in Canada at 50 each:
     * short of everything from week 20 of 30, it loses 10 × 100 × 50 = 50,000 at home and
     * 10 × 50 × 50 = 25,000 of exports; its Taiwanese supplier, cut off from week 10, loses
     * 20 × 150 × 10 = 30,000, all of it exports.
     */
    @Test
    void lostExportsAreTheSalesAbroad() {
        var n = blockedChain().demand(Demand.of("product", "CA", "c", 50)).build();
        CompiledNetwork c = CompiledNetwork.of(n, Step.WEEK);
        Simulation sim = new Simulation(c, Parameters.DEFAULT.withChecked(true));
        SeriesRecorder r = new SeriesRecorder(true);
        sim.run(Timeline.builder(c).block(c.link("s", "c", "part"), 10, 52).build(), 30, sim.newState(), r);
        SeriesRecorder base = new SeriesRecorder(true);
        sim.run(Timeline.NONE, 30, sim.newState(), base);
        RunSummary s = RunSummary.of(c, r, base);

        RunSummary.Totals maker = s.firms().stream().filter(f -> f.key().equals("maker")).findFirst().orElseThrow();
        assertThat(maker.lostExports()).isCloseTo(25_000, Offset.offset(1e-6));
        assertThat(maker.lostDomesticRevenue()).isCloseTo(50_000, Offset.offset(1e-6));
        RunSummary.Totals supplier = s.countries().stream().filter(f -> f.key().equals("TW")).findFirst().orElseThrow();
        assertThat(supplier.lostExports()).isCloseTo(30_000, Offset.offset(1e-6));
        assertThat(supplier.lostDomesticRevenue()).isCloseTo(0, Offset.offset(1e-6));
        // Cut off, the maker buys nothing, so the last price it paid stands: no unit-cost change.
        assertThat(s.unitCosts()).singleElement().satisfies(u -> assertThat(u.change()).isCloseTo(0, Offset.offset(1e-12)));
        // Without detailed accounts a run keeps no export revenue.
        SeriesRecorder plain = new SeriesRecorder();
        sim.run(Timeline.NONE, 30, sim.newState(), plain);
        assertThat(plain.exportRevenue(5, c.site("s"))).isZero();
        assertThat(RunSummary.of(c, plain, plain).unitCosts()).isEmpty();
    }

    /** The blocked chain of HandWorkedTest: short 100 a week from week 20 of 30. */
    /** Taiwanese supplier s → US maker c (6 weeks of parts, 4 weeks' lead time), selling 100 a week in the US. */
    static NetworkBuilder blockedChain() {
        return new NetworkBuilder()
                .item(Item.of("part", 10)).item(Item.of("product", 50))
                .firm(Firm.of("maker", "US")).firm(Firm.of("supplier", "TW"))
                .site(Site.of("s", "supplier", "part", 1000, Map.of()))
                .site(Site.of("c", "maker", "product", 1000, Map.of("part", 1.0)).withStock(Map.of("part", Duration.weeks(6))))
                .link(SupplyLink.of("s", "c", "part", 1, Duration.weeks(4)))
                .demand(Demand.of("product", "US", "c", 100));
    }

    @Test
    void blockedChainFigures() {
        var n = blockedChain().build();
        CompiledNetwork c = CompiledNetwork.of(n, Step.WEEK);
        Simulation sim = new Simulation(c, Parameters.DEFAULT);
        SeriesRecorder r = new SeriesRecorder();
        sim.run(Timeline.builder(c).block(c.link("s", "c", "part"), 10, 52).build(), 30, sim.newState(), r);
        SeriesRecorder base = new SeriesRecorder();
        sim.run(Timeline.NONE, 30, sim.newState(), base);
        RunSummary s = RunSummary.of(c, r, base);

        RunSummary.DemandRow d = s.demand().get(0);
        assertThat(d.demanded()).isEqualTo(3000);
        assertThat(d.shortfall()).isCloseTo(1000, Offset.offset(1e-9));
        assertThat(d.shortfallValue()).isCloseTo(1000 * 50, Offset.offset(1e-6));
        assertThat(d.fillRate()).isCloseTo(2.0 / 3, Offset.offset(1e-12));
        assertThat(d.firstShort()).isEqualTo(20);
        assertThat(d.worst()).isEqualTo(20);
        assertThat(d.longestShortRun()).isEqualTo(10);
        assertThat(s.totalShortfallValue()).isCloseTo(50_000, Offset.offset(1e-6));

        RunSummary.SiteRow supplier = s.sites().stream().filter(x -> x.site().equals("s")).findFirst().orElseThrow();
        assertThat(supplier.firstBelow()).isEqualTo(10);
        assertThat(supplier.minOutputRatio()).isZero();
        assertThat(supplier.firstCut()).as("nothing into the supplier is cut").isEqualTo(RunSummary.NEVER);
        // The maker's input is cut in week 10; it keeps its output until week 20: it survives 10 weeks,
        // and does not recover within the run.
        RunSummary.SiteRow maker = s.sites().stream().filter(x -> x.site().equals("c")).findFirst().orElseThrow();
        assertThat(maker.firstCut()).isEqualTo(10);
        assertThat(maker.firstBelow()).isEqualTo(20);
        assertThat(maker.timeToSurvive()).isEqualTo(10);
        assertThat(maker.survivedRun()).isFalse();
        assertThat(maker.timeToRecover()).isEqualTo(RunSummary.NEVER);
        // Revenue: the supplier sells 100 parts at 10 a week for 10 weeks (30 without the block); the
        // maker 100 products at 50 for 20 weeks (30 without). Both sides lose; by country too.
        assertThat(s.firms()).extracting(RunSummary.Totals::key).containsExactly("maker", "supplier");
        assertThat(s.firms().get(1).revenue()).isCloseTo(10 * 100 * 10, Offset.offset(1e-6));
        assertThat(s.firms().get(1).lostRevenue()).isCloseTo(20 * 100 * 10, Offset.offset(1e-6));
        assertThat(s.firms().get(0).lostRevenue()).isCloseTo(10 * 100 * 50, Offset.offset(1e-6));
        assertThat(s.countries()).extracting(RunSummary.Totals::key).containsExactly("TW", "US");
        assertThat(s.countries().get(0).lostRevenue()).isCloseTo(20_000, Offset.offset(1e-6));
    }

    /**
     * The table of end items for people: all rows in their order up to the limit; past it, the
     * largest shortfalls by value, largest first, equal ones in their order.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(longs = {1, 2, 3, 4})
    void worstHitKeepsTheLargestShortfallsInOrder(long seed) {
        var rng = org.apache.commons.rng.simple.RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        java.util.List<RunSummary.DemandRow> rows = new java.util.ArrayList<>();
        int size = 1 + rng.nextInt(120);
        for (int i = 0; i < size; i++) {
            double value = rng.nextInt(4) == 0 ? 0 : rng.nextInt(50); // ties and zeros on purpose
            rows.add(new RunSummary.DemandRow("i" + i, "US", "s" + i, 100, 100 - value, value, value, RunSummary.NEVER, 0, value, 0));
        }
        for (int max : new int[] {1, 10, 40, 200}) {
            java.util.List<Integer> shown = RunSummary.worstHit(rows, max);
            assertThat(shown).as("seed %d, %d rows, at most %d", seed, size, max).hasSize(Math.min(max, size));
            if (size <= max) {
                assertThat(shown).as("seed %d: all rows, in order", seed).isSorted().doesNotHaveDuplicates();
                continue;
            }
            double least = Double.MAX_VALUE;
            for (int k = 0; k < shown.size(); k++) {
                double v = rows.get(shown.get(k)).shortfallValue();
                if (k > 0) {
                    double before = rows.get(shown.get(k - 1)).shortfallValue();
                    assertThat(v).as("seed %d: largest first", seed).isLessThanOrEqualTo(before);
                    if (v == before) {
                        assertThat(shown.get(k)).as("seed %d: equal ones in order", seed).isGreaterThan(shown.get(k - 1));
                    }
                }
                least = Math.min(least, v);
            }
            for (int i = 0; i < size; i++) {
                if (!shown.contains(i)) {
                    double v = rows.get(i).shortfallValue();
                    assertThat(v).as("seed %d: row %d left out", seed, i).isLessThanOrEqualTo(least);
                    if (v == least) { // left out at a tie: it comes after the last shown of that value
                        int last = shown.get(shown.size() - 1);
                        assertThat(i).as("seed %d: tie order", seed).isGreaterThan(last);
                    }
                }
            }
        }
    }
}
