package org.chokepoint.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.chokepoint.model.Demand;
import org.chokepoint.model.Duration;
import org.chokepoint.model.Firm;
import org.chokepoint.model.Item;
import org.chokepoint.model.NetworkBuilder;
import org.chokepoint.model.Site;
import org.chokepoint.model.Step;
import org.chokepoint.model.SupplyLink;
import org.junit.jupiter.api.Test;

/**
 * Markets that respond, worked out by hand: scarcity prices in one market and in two markets split
 * by an export ban, and end buyers switching within a pool of suppliers. Derivations in comments.
 */
class MarketsTest {

    static final Offset<Double> EXACT = Offset.offset(1e-9);

    /** A rule with exponent 1/(εd + εs) = 1 for the items named, adjustment time constant {@code t} periods. */
    static PriceRule unitExponent(double t, Map<String, List<String>> markets, String... items) {
        Map<String, Double> own = new java.util.HashMap<>();
        for (String i : items) {
            own.put(i, 0.5);
        }
        return PriceRule.of(0.5, 0.5, own, 0.5, t, 5, 0.2, markets);
    }

    /**
     * A mine of capacity 100 sells 100 a week of ore to end buyers at 10. An outage halves it in
     * weeks 3–9: buyers order 100 against 50 that can be offered, twice the baseline ratio of 1, so
     * with exponent 1 the price tends to twice its cost. With a time constant of 2 weeks it closes
     * 1 − e^(−1/2) of the gap each week: at the end of week t in the outage, μ = 2 − e^(−(t−2)/2);
     * afterwards it falls back, μ = 1 + (μ₉ − 1)·e^(−(t−9)/2). A week's revenue is what it delivers
     * at the price set at the end of the week before.
     */
    @Test
    void aShortageRaisesThePriceAndItRelaxesAsSupplyReturns() {
        NetworkBuilder b = new NetworkBuilder().item(Item.of("ore", 10)).firm(Firm.of("f", "AU"))
                .site(Site.of("mine", "f", "ore", 100, Map.of())).demand(Demand.of("ore", "AU", "mine", 100));
        CompiledNetwork c = CompiledNetwork.of(b.build(), Step.WEEK);
        Parameters p = Parameters.DEFAULT.withPrices(unitExponent(2, Map.of(), "ore")).withChecked(true);
        Timeline t = Timeline.builder(c).capacity(c.site("mine"), 3, 10, 0.5).build();
        SeriesRecorder r = HandWorkedTest.run(c, p, t, 30);
        int ore = c.item("ore");
        double rate = Math.exp(-0.5);
        double[] mu = new double[30];
        for (int w = 0; w < 30; w++) {
            mu[w] = w < 3 ? 1 : w < 10 ? 2 - Math.pow(rate, w - 2) : 1 + (mu[9] - 1) * Math.pow(rate, w - 9);
            assertThat(r.scarcity(w, ore, 0)).as("price multiplier at the end of week %d", w).isCloseTo(mu[w], EXACT);
            double delivered = w >= 3 && w < 10 ? 50 : 100;
            assertThat(r.delivered(w, 0)).as("delivered, week %d", w).isCloseTo(delivered, EXACT);
            double price = w == 0 ? 1 : mu[w - 1];
            assertThat(r.revenue(w, c.site("mine"))).as("revenue, week %d", w).isCloseTo(delivered * 10 * price, EXACT);
        }
        assertThat(mu[9]).as("the price nearly doubled").isGreaterThan(1.9);
        assertThat(mu[29]).as("and came back").isLessThan(1.01);
    }

    /**
     * Gallium: a Chinese mine (capacity 100) supplies a Chinese fab (60 a week) and half of a
     * Japanese fab's 80; a Japanese mine (capacity 1000) the other half. China bans the export from
     * week 2. Markets: CN and the rest. Baseline ratios: CN orders 60 against the 60% of the Chinese
     * mine's 100 its orders share, r₀ = 1; the rest orders 80 against 40 + 1000, r₀ = 80/1040. After
     * the ban the Chinese mine's whole 100 is offered at home against 60 (r = 0.6): the home price
     * tends to 0.6 of cost. The Japanese fab moves its whole order to the Japanese mine, which alone
     * offers 1000 against 80: r/r₀ = (80/1000)/(80/1040) = 1.04, the price abroad 4% up. At the
     * steady state the Japanese mine takes 80 × 10 × 1.04 a week, and the Chinese fab's unit cost is
     * its value added (100 − 10) plus gallium at 10 × 0.6.
     */
    @Test
    void anExportBanSplitsTheMarketPriceUpAbroadDownAtHome() {
        NetworkBuilder b = new NetworkBuilder()
                .item(Item.of("gallium", 10)).item(Item.of("wafer", 100))
                .firm(Firm.of("cn", "CN")).firm(Firm.of("jp", "JP"))
                .site(Site.of("cnm", "cn", "gallium", 100, Map.of()))
                .site(Site.of("jpm", "jp", "gallium", 1000, Map.of()))
                .site(Site.of("cnfab", "cn", "wafer", 1000, Map.of("gallium", 1.0)))
                .site(Site.of("jpfab", "jp", "wafer", 1000, Map.of("gallium", 1.0)))
                .link(SupplyLink.of("cnm", "cnfab", "gallium", 1, Duration.weeks(1)))
                .link(SupplyLink.of("cnm", "jpfab", "gallium", 0.5, Duration.weeks(1)))
                .link(SupplyLink.of("jpm", "jpfab", "gallium", 0.5, Duration.weeks(1)))
                .demand(Demand.of("wafer", "CN", "cnfab", 60))
                .demand(Demand.of("wafer", "JP", "jpfab", 80));
        CompiledNetwork c = CompiledNetwork.of(b.build(), Step.WEEK);
        Parameters p = Parameters.DEFAULT.withPrices(unitExponent(1, Map.of("CN", List.of("CN")), "gallium", "wafer")).withChecked(true);
        Timeline t = Timeline.builder(c).block(c.link("cnm", "jpfab", "gallium"), 2, 200).build();
        SeriesRecorder r = HandWorkedTest.run(c, p, t, 80);
        int ga = c.item("gallium");
        assertThat(r.markets()).containsExactly("CN", "rest");
        for (int w = 0; w < 2; w++) {
            assertThat(r.scarcity(w, ga, 0)).as("home, week %d", w).isCloseTo(1, EXACT);
            assertThat(r.scarcity(w, ga, 1)).as("abroad, week %d", w).isCloseTo(1, EXACT);
        }
        assertThat(r.scarcity(79, ga, 0)).as("home price").isCloseTo(0.6, EXACT);
        assertThat(r.scarcity(79, ga, 1)).as("price abroad").isCloseTo(1.04, EXACT);
        for (int w = 3; w < 80; w++) {
            assertThat(r.scarcity(w, ga, 0)).as("home, week %d", w).isLessThan(1);
            assertThat(r.scarcity(w, ga, 1)).as("abroad, week %d", w).isGreaterThan(1);
        }
        assertThat(r.revenue(79, c.site("jpm"))).as("within 1e-9 of it").isCloseTo(80 * 10 * 1.04, Offset.offset(832e-9));
        assertThat(r.unitCost(79, c.site("cnfab"))).isCloseTo(90 + 10 * 0.6, EXACT);
    }

    /**
     * A Japanese fab's only supplier, a Chinese mine (capacity 100), is cut off from week 2; it turns
     * to a Japanese mine (capacity 90) as an alternate, at once. Baseline, the rest market orders 80
     * against the Chinese mine's 100 (r₀ = 0.8). Shut out of its supplier, the fab bids for what it
     * orders on the alternate, 80, against the Japanese mine's 90: r/r₀ = (80/90)/0.8, the price
     * tends to 1/0.9 of cost, and the alternate is paid it: the fab's unit cost becomes its value
     * added (90) plus gallium at 10/0.9.
     */
    @Test
    void alternatesBidAndPayTheMarketPrice() {
        NetworkBuilder b = new NetworkBuilder()
                .item(Item.of("gallium", 10)).item(Item.of("wafer", 100))
                .firm(Firm.of("cn", "CN")).firm(Firm.of("jp", "JP"))
                .site(Site.of("cnm", "cn", "gallium", 100, Map.of()))
                .site(Site.of("jpm", "jp", "gallium", 90, Map.of()))
                .site(Site.of("jpfab", "jp", "wafer", 1000, Map.of("gallium", 1.0)))
                .link(SupplyLink.of("cnm", "jpfab", "gallium", 1, Duration.weeks(1)))
                .alternate(new org.chokepoint.model.Alternate("jpfab", "gallium", "jpm", null, 1, Duration.ZERO, Duration.ZERO, 1, 0))
                .demand(Demand.of("wafer", "JP", "jpfab", 80));
        CompiledNetwork c = CompiledNetwork.of(b.build(), Step.WEEK);
        Parameters p = Parameters.DEFAULT.withPrices(unitExponent(1, Map.of("CN", List.of("CN")), "gallium", "wafer")).withChecked(true);
        Timeline t = Timeline.builder(c).block(c.link("cnm", "jpfab", "gallium"), 2, 200).build();
        SeriesRecorder r = HandWorkedTest.run(c, p, t, 80);
        assertThat(r.scarcity(79, c.item("gallium"), 1)).as("price abroad").isCloseTo(1 / 0.9, EXACT);
        assertThat(r.unitCost(79, c.site("jpfab"))).as("the fab's unit cost").isCloseTo(90 + 10 / 0.9, Offset.offset(1e-7));
        assertThat(r.delivered(79, 0)).as("the alternate covers it all").isCloseTo(80, EXACT);
    }

    /**
     * A mine (capacity 200) sells 100 a week to end buyers at home and 100 to buyers in Japan; a
     * Japanese procurement ban stops the latter from week 2. Its whole 200 is then offered at home
     * against 100, where the baseline offered it 100 against 100: the home price tends to half
     * its cost. Japan's banned buyers do not bid, so the Japanese price stays where it was.
     */
    @Test
    void bannedBuyersAbroadLowerThePriceAtHome() {
        NetworkBuilder b = new NetworkBuilder().item(Item.of("ore", 10)).firm(Firm.of("f", "CN"))
                .site(Site.of("mine", "f", "ore", 200, Map.of()))
                .demand(Demand.of("ore", "CN", "mine", 100)).demand(Demand.of("ore", "JP", "mine", 100));
        CompiledNetwork c = CompiledNetwork.of(b.build(), Step.WEEK);
        Parameters p = Parameters.DEFAULT.withPrices(unitExponent(1, Map.of("JP", List.of("JP")), "ore")).withChecked(true);
        Timeline t = Timeline.builder(c).buyers(1, 2, 100, 0).build();
        SeriesRecorder r = HandWorkedTest.run(c, p, t, 60);
        int ore = c.item("ore");
        assertThat(r.scarcity(59, ore, 1)).as("home (rest)").isCloseTo(0.5, EXACT);
        assertThat(r.scarcity(59, ore, 0)).as("Japan").isCloseTo(1, EXACT);
        assertThat(r.delivered(59, 1)).isZero();
    }

    /**
     * Pools are a way for goods to move, so they pass the same gate: on seeded random networks with
     * pools and a procurement ban on members (several at once here), every period no entry
     * delivers more than its free buyers ordered, a fully banned member delivers nothing, no site
     * makes more than its capacity allows, and a pool's buyers are neither made nor lost by moving.
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "seed {0}")
    @org.junit.jupiter.params.provider.ValueSource(longs = {501, 502, 503, 504, 505, 506})
    void poolsPassTheSameGate(long seed) {
        ReferenceAgreementTest.Case k = ReferenceAgreementTest.marketCase(seed);
        CompiledNetwork c = CompiledNetwork.of(k.network(), Step.WEEK);
        org.apache.commons.rng.UniformRandomProvider rng = org.apache.commons.rng.simple.RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        Timeline.Builder b = Timeline.builder(c);
        java.util.Map<Integer, double[]> bans = new java.util.HashMap<>();
        for (int j = 0; j < c.demandCount(); j++) {
            if (c.demand(j).pool() != null && rng.nextInt(3) == 0) {
                int from = rng.nextInt(20);
                double share = rng.nextBoolean() ? 0 : 0.5;
                b.buyers(j, from, from + 5 + rng.nextInt(20), share);
                bans.put(j, new double[] {from, share});
            }
        }
        Timeline t = b.build();
        Simulation sim = new Simulation(c, k.parameters().withFinalDemandElasticity(0));
        java.util.Map<String, Double> poolWant = new java.util.HashMap<>();
        for (int j = 0; j < c.demandCount(); j++) {
            if (c.demand(j).pool() != null) {
                poolWant.merge(c.demand(j).pool(), c.demandQuantity(j), Double::sum);
            }
        }
        sim.run(t, k.periods(), sim.newState(), (w, st) -> {
            java.util.Map<String, Double> wanted = new java.util.HashMap<>();
            for (int j = 0; j < c.demandCount(); j++) {
                double free = t.buyersAt(j, w);
                assertThat(st.delivered(j)).as("seed %d week %d entry %d: delivered within its free buyers", seed, w, j)
                        .isLessThanOrEqualTo(st.wanted(j) * free * (1 + 1e-12) + 1e-9);
                if (free == 0) {
                    assertThat(st.delivered(j)).as("seed %d week %d entry %d: banned", seed, w, j).isZero();
                }
                if (c.demand(j).pool() != null) {
                    wanted.merge(c.demand(j).pool(), st.wanted(j), Double::sum);
                }
            }
            for (int s = 0; s < c.siteCount(); s++) {
                assertThat(st.output(s)).as("seed %d week %d site %s: capacity", seed, w, c.siteId(s))
                        .isLessThanOrEqualTo(c.capacity(s) * (1 + 1e-9));
            }
            wanted.forEach((pool, x) -> assertThat(x).as("seed %d week %d pool %s: buyers kept", seed, w, pool)
                    .isCloseTo(poolWant.get(pool), Offset.offset(1e-9 * poolWant.get(pool))));
        });
        assertThat(bans).as("seed %d: some member banned", seed).isNotEmpty();
    }

    /** Two makers share one market's 100 servers a week, 60 and 40; neither buys inputs. */
    static CompiledNetwork pool(double otherCapacity, Duration switching) {
        NetworkBuilder b = new NetworkBuilder().item(Item.of("srv", 1000))
                .firm(Firm.of("a", "CN")).firm(Firm.of("b", "CN"))
                .site(Site.of("ins", "a", "srv", 100, Map.of()))
                .site(Site.of("len", "b", "srv", otherCapacity, Map.of()))
                .demand(Demand.of("srv", "CN", "ins", 60).inPool("srv-cn", switching))
                .demand(Demand.of("srv", "CN", "len", 40).inPool("srv-cn", switching));
        return CompiledNetwork.of(b.build(), Step.WEEK);
    }

    /**
     * The first maker is down in weeks 2–9; buyers switch after 3 weeks short. Weeks 2–4 its 60 go
     * short; at the end of week 4 they move, as far as the other's spare (80 − 40 = 40) goes: its
     * share falls to 20 and the other's rises to 80. Weeks 5–9 20 stay short (the other is full).
     * From week 10 the first serves its 20 with 80 spare; after 3 such weeks (end of week 12) its
     * buyers come back, 40 from the other's 40 above its baseline: from week 13, 60 and 40 again.
     */
    @Test
    void buyersSwitchToTheUnlistedMakerAfterTheSwitchingTimeWithinItsCapacity() {
        CompiledNetwork c = pool(80, Duration.weeks(3));
        Timeline t = Timeline.builder(c).capacity(c.site("ins"), 2, 10, 0).build();
        SeriesRecorder r = HandWorkedTest.run(c, Parameters.DEFAULT, t, 20);
        for (int w = 0; w < 20; w++) {
            double wantA = w < 5 ? 60 : w < 13 ? 20 : 60;
            double gotA = w < 2 ? 60 : w < 10 ? 0 : wantA;
            double gotB = w < 5 ? 40 : w < 13 ? 80 : 40;
            assertThat(r.demanded(w, 0)).as("buyers of the first, week %d", w).isCloseTo(wantA, EXACT);
            assertThat(r.delivered(w, 0)).as("delivered by the first, week %d", w).isCloseTo(gotA, EXACT);
            assertThat(r.delivered(w, 1)).as("delivered by the second, week %d", w).isCloseTo(gotB, EXACT);
            assertThat(r.demanded(w, 0) + r.demanded(w, 1)).as("the pool's buyers, week %d", w).isCloseTo(100, EXACT);
        }
    }

    /**
     * A procurement ban on the first maker from week 2: its buyers are short (banned, not gone),
     * move to the second (capacity 200) after 2 weeks, and come back 2 weeks after the ban ends at
     * week 10. No week delivers anything from the banned maker, and none moves buyers to it.
     */
    @Test
    void aProcurementBanInAPoolSendsBuyersElsewhereAndNoneToTheBannedMaker() {
        CompiledNetwork c = pool(200, Duration.weeks(2));
        Timeline t = Timeline.builder(c).buyers(0, 2, 10, 0).build();
        SeriesRecorder r = HandWorkedTest.run(c, Parameters.DEFAULT, t, 16);
        for (int w = 0; w < 16; w++) {
            double gotA = w < 2 ? 60 : w < 12 ? 0 : 60;
            double gotB = w < 4 ? 40 : w < 12 ? 100 : 40;
            assertThat(r.delivered(w, 0)).as("from the banned maker, week %d", w).isCloseTo(gotA, EXACT);
            assertThat(r.delivered(w, 1)).as("from the other, week %d", w).isCloseTo(gotB, EXACT);
            assertThat(r.shortfall(w, 0)).as("short, week %d", w).isCloseTo(w == 2 || w == 3 ? 60 : 0, EXACT);
        }
    }
}
