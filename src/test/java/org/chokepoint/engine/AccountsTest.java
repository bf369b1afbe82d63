package org.chokepoint.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.chokepoint.model.Step;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The national accounts add up, every period, on seeded random networks and timelines (blocks,
 * licenses with delays, markups, stockpiling, demand cuts, alternates with premiums, links
 * without lead time):
 *
 * <pre>
 *   Σ value added = value of final demand delivered + Σ change in book value of stocks − flows out
 * </pre>
 *
 * where value added is revenue less the inputs used at average cost, and the flows that leave
 * the network are what buyers pay beyond the supplier's price (tariffs and other markups,
 * alternate premiums, the carrying cost of delayed shipments; never negative). Revenue is checked
 * against the final demand delivered and every link's shipments at the supplier's price, computed
 * here independently (with scarcity prices, at the market's multiplier the period before); and
 * the books hold exactly the goods held and in transit.
 */
class AccountsTest {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {301, 302, 303, 304, 305, 306, 307, 308})
    void valueAddedAddsUpToFinalDemandStockChangeAndFlows(long seed) {
        assertAddsUp(ReferenceAgreementTest.randomCase(seed, seed % 2 == 0), seed);
    }

    /** The same with scarcity prices in three markets, an elasticity of final demand, and pools with a ban. */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {311, 312, 313, 314})
    void valueAddedAddsUpWithMarketsThatRespond(long seed) {
        assertAddsUp(ReferenceAgreementTest.marketCase(seed), seed);
    }

    private static void assertAddsUp(ReferenceAgreementTest.Case k, long seed) {
        CompiledNetwork c = CompiledNetwork.of(k.network(), Step.WEEK);
        Simulation sim = new Simulation(c, k.parameters());
        int sites = c.siteCount();
        int paths = c.linkCount() + c.alternateCount();
        double[] price = new double[sites];
        PriceRule rule = k.parameters().prices();
        double[] linkMu = new double[paths];
        double[] demandMu = new double[c.demandCount()];
        java.util.Arrays.fill(linkMu, 1);
        java.util.Arrays.fill(demandMu, 1);
        double[] book = new double[c.slotCount()];
        RunState fresh = sim.newState();
        for (int s = 0; s < sites; s++) {
            price[s] = c.basePrice(s);
        }
        int[] checked = {0};
        sim.run(ReferenceAgreementTest.timeline(c, k.restrictions()), k.periods(), fresh, (t, st) -> {
            double revenue = 0;
            double valueAdded = 0;
            double purchases = 0;
            double bookChange = 0;
            for (int s = 0; s < sites; s++) {
                revenue += st.revenue(s);
                valueAdded += st.valueAdded(s);
                double use = 0;
                for (int q = 0; q < c.slotCount(); q++) {
                    use += c.slotSite(q) == s ? st.slotUse(q) : 0;
                }
                assertThat(st.consumption(s)).as("seed %d period %d site %d: use is its slots' use", seed, t, s)
                        .isCloseTo(use, org.assertj.core.data.Offset.offset(1e-9 * Math.max(1, use)));
            }
            for (int q = 0; q < c.slotCount(); q++) {
                purchases += st.purchases(q);
                double units = st.stock(q) + st.inTransit(q);
                assertThat(st.bookUnits(q)).as("seed %d period %d slot %d: the books hold the goods", seed, t, q)
                        .isCloseTo(units, org.assertj.core.data.Offset.offset(1e-9 * Math.max(1, units)));
                if (t == 0) {
                    // The opening books: period 0's closing value before its purchases and use.
                    book[q] = st.bookValue(q) - st.purchases(q) + st.slotUse(q);
                }
                bookChange += st.bookValue(q) - book[q];
                book[q] = st.bookValue(q);
            }
            // Independently: final demand delivered at the price it was sold at, and every path's
            // shipments at the price its supplier charged when it shipped (last period's price).
            double finalDemand = 0;
            for (int j = 0; j < c.demandCount(); j++) {
                int s = c.demandSite(j);
                finalDemand += st.delivered(j) * (c.demandPrice(j) + price[s] - c.basePrice(s)) * demandMu[j];
            }
            double linkSales = 0;
            for (int l = 0; l < paths; l++) {
                linkSales += st.shipped(l) * price[c.linkFrom(l)] * linkMu[l];
            }
            double scale = Math.max(1, revenue);
            assertThat(revenue).as("seed %d period %d: revenue is final demand and shipments at the supplier's price", seed, t)
                    .isCloseTo(finalDemand + linkSales, org.assertj.core.data.Offset.offset(1e-9 * scale));
            double flows = purchases - linkSales;
            assertThat(flows).as("seed %d period %d: flows out are never negative", seed, t).isGreaterThan(-1e-9 * scale);
            double booked = 0;
            for (int q = 0; q < c.slotCount(); q++) {
                booked += st.flowsOut(q);
            }
            assertThat(booked).as("seed %d period %d: the flows out the books keep", seed, t)
                    .isCloseTo(flows, org.assertj.core.data.Offset.offset(1e-9 * scale));
            assertThat(valueAdded).as("seed %d period %d: the accounting identity", seed, t)
                    .isCloseTo(finalDemand + bookChange - flows, org.assertj.core.data.Offset.offset(1e-9 * scale));
            for (int s = 0; s < sites; s++) {
                price[s] = st.price(s);
            }
            if (rule != null) {
                for (int l = 0; l < paths; l++) {
                    linkMu[l] = st.scarcity(c.siteItem(c.linkFrom(l)), rule.marketOf(c.siteLocation(c.linkCustomer(l))));
                }
                for (int j = 0; j < c.demandCount(); j++) {
                    demandMu[j] = st.scarcity(c.siteItem(c.demandSite(j)), rule.marketOf(c.demand(j).market()));
                }
            }
            checked[0]++;
        });
        assertThat(checked[0]).isEqualTo(k.periods());
    }
}
