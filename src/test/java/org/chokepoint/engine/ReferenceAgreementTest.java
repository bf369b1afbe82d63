package org.chokepoint.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.chokepoint.TestNetworks;
import org.chokepoint.model.Duration;
import org.chokepoint.model.Network;
import org.chokepoint.model.NetworkBuilder;
import org.chokepoint.model.Site;
import org.chokepoint.model.Step;
import org.chokepoint.model.SupplyLink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fast engine against the slow reference, on seeded random networks with random timelines
 * (blocks, leaks, license delays, markups, stockpiling, demand cuts) and random parameters.
 */
class ReferenceAgreementTest {

    record Case(Network network, List<ReferenceSimulation.Restriction> restrictions, Parameters parameters, int periods) {}

    static Case randomCase(long seed) {
        return randomCase(seed, false);
    }

    /**
     * A random case; with {@code instant}, about a third of the links ship without lead time (the
     * layered networks have no loops, so any choice is valid) and one of them also gets a license
     * delay, which sends its shipments through a pipeline after all.
     */
    static Case randomCase(long seed, boolean instant) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        Network n = TestNetworks.random(30 + rng.nextInt(50), seed);
        if (instant) {
            n = withoutLeadTime(n, rng);
        }
        List<ReferenceSimulation.Restriction> rs = new ArrayList<>();
        int periods = 40;
        List<SupplyLink> links = n.links();
        for (int i = 0; i < 6; i++) {
            SupplyLink l = links.get(rng.nextInt(links.size()));
            int from = rng.nextInt(periods);
            int to = from + 1 + rng.nextInt(periods);
            double open = switch (rng.nextInt(3)) {
                case 0 -> 0;
                case 1 -> 0.3;
                default -> 1;
            };
            rs.add(new ReferenceSimulation.Restriction("link", ReferenceSimulation.key(l), from, to, open,
                    rng.nextInt(3), rng.nextInt(2) * 0.1));
        }
        // Alternates are paths like links: some are blocked, licensed with a delay, or marked up too.
        for (int i = 0; i < Math.min(3, n.alternates().size()); i++) {
            org.chokepoint.model.Alternate a = n.alternates().get(rng.nextInt(n.alternates().size()));
            int from = rng.nextInt(periods);
            rs.add(new ReferenceSimulation.Restriction("link", ReferenceSimulation.key(a), from, from + 1 + rng.nextInt(periods),
                    rng.nextBoolean() ? 0 : 0.5, rng.nextInt(3), rng.nextInt(2) * 0.1));
        }
        if (instant) {
            SupplyLink l = n.links().stream().filter(x -> x.leadTime().inPeriods(Step.WEEK) == 0).findFirst().orElseThrow();
            rs.add(new ReferenceSimulation.Restriction("link", ReferenceSimulation.key(l), 4, 20, 1, 2, 0.1));
        }
        Site s = n.sites().get(n.sites().size() - 1 - rng.nextInt(n.sites().size() / 2));
        String input = s.recipe().keySet().iterator().next();
        rs.add(new ReferenceSimulation.Restriction("slot", s.id() + "/" + input, 3, 12, 2.0, 0, 0));
        rs.add(new ReferenceSimulation.Restriction("demand", Integer.toString(rng.nextInt(n.demand().size())), 5, 30, 0.5, 0, 0));
        rs.add(new ReferenceSimulation.Restriction("sales", Integer.toString(rng.nextInt(n.demand().size())), 6, 25,
                rng.nextBoolean() ? 0 : 0.4, 0, 0));
        double tau = new double[] {1, 2, 4}[rng.nextInt(3)];
        Parameters.Rationing rationing = rng.nextBoolean() ? Parameters.Rationing.PROPORTIONAL : Parameters.Rationing.FINAL_DEMAND_FIRST;
        return new Case(n, rs, new Parameters(tau, rationing, 1, 0.5 + rng.nextDouble(), 0.5 * rng.nextDouble(), true), periods);
    }

    /**
     * A random case with markets that respond: scarcity prices over three markets (CN, US with JP,
     * the rest) with drawn elasticities and adjustment, an elasticity of final demand, and pools:
     * every end item made at more than one site has its demand entries joined into one pool (in the
     * first entry's market), with a drawn switching time; one member is under a procurement ban.
     */
    static Case marketCase(long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed * 31 + 7);
        Case k = randomCase(seed, seed % 2 == 0);
        Network n = k.network();
        NetworkBuilder b = new NetworkBuilder();
        n.items().forEach(b::item);
        n.firms().forEach(b::firm);
        n.sites().forEach(b::site);
        n.links().forEach(b::link);
        n.alternates().forEach(b::alternate);
        java.util.Map<String, org.chokepoint.model.Demand> first = new java.util.HashMap<>();
        java.util.Map<String, Long> makers = new java.util.HashMap<>();
        n.demand().forEach(d -> makers.merge(d.item(), 1L, Long::sum));
        Duration switching = Duration.periods(rng.nextInt(4));
        int banned = -1;
        for (int j = 0; j < n.demand().size(); j++) {
            org.chokepoint.model.Demand d = n.demand().get(j);
            if (makers.get(d.item()) > 1) {
                org.chokepoint.model.Demand entry = d;
                org.chokepoint.model.Demand head = first.computeIfAbsent(d.item(), x -> entry);
                d = new org.chokepoint.model.Demand(d.item(), head.market(), d.site(), d.quantity(), d.price(), d.path(),
                        "pool-" + d.item(), switching);
                banned = banned < 0 ? j : banned;
            }
            b.demand(d);
        }
        List<ReferenceSimulation.Restriction> rs = new ArrayList<>(k.restrictions());
        if (banned >= 0) {
            rs.add(new ReferenceSimulation.Restriction("buyers", Integer.toString(banned), 6, 22, rng.nextBoolean() ? 0 : 0.5, 0, 0));
        }
        // an export restriction on one entry's sales: held back, not gone
        int held = rng.nextInt(k.network().demand().size());
        rs.add(new ReferenceSimulation.Restriction("sales", Integer.toString(held), 4, 18, rng.nextBoolean() ? 0 : 0.3, 0, 0));
        PriceRule rule = PriceRule.of(0.2 + rng.nextDouble(), 0.5 + 2 * rng.nextDouble(), java.util.Map.of(), rng.nextDouble(),
                rng.nextInt(4), 3 + rng.nextInt(3), 0.3, java.util.Map.of("CN", List.of("CN"), "US", List.of("US", "JP")));
        Parameters p = k.parameters().withPrices(rule).withFinalDemandElasticity(rng.nextBoolean() ? 0 : 0.3 + rng.nextDouble());
        return new Case(b.build(), rs, p, k.periods());
    }

    static Timeline timeline(CompiledNetwork c, List<ReferenceSimulation.Restriction> rs) {
        Timeline.Builder b = Timeline.builder(c);
        for (var r : rs) {
            switch (r.kind()) {
                case "link" -> {
                    String k = r.key();
                    if (k.startsWith("alt:")) {
                        int i = 0;
                        while (!ReferenceSimulation.key(c.network().alternates().get(i)).equals(k)) {
                            i++;
                        }
                        b.restrict(c.alternate(i), r.from(), r.to(), r.value(), r.delay(), r.markup());
                        continue;
                    }
                    String from = k.substring(0, k.indexOf("->"));
                    String to = k.substring(k.indexOf("->") + 2, k.indexOf('/'));
                    String item = k.substring(k.indexOf('/') + 1);
                    b.restrict(c.link(from, to, item), r.from(), r.to(), r.value(), r.delay(), r.markup());
                }
                case "slot" -> {
                    String[] parts = r.key().split("/");
                    b.stockpile(c.slot(parts[0], parts[1]), r.from(), r.to(), r.value());
                }
                case "buyers" -> b.buyers(Integer.parseInt(r.key()), r.from(), r.to(), r.value());
                case "sales" -> b.sales(Integer.parseInt(r.key()), r.from(), r.to(), r.value());
                default -> b.demand(Integer.parseInt(r.key()), r.from(), r.to(), r.value());
            }
        }
        return b.build();
    }

    /** The same network with about a third of its links (chosen by {@code rng}) shipping without lead time. */
    static Network withoutLeadTime(Network n, UniformRandomProvider rng) {
        NetworkBuilder b = new NetworkBuilder();
        n.items().forEach(b::item);
        n.firms().forEach(b::firm);
        n.sites().forEach(b::site);
        for (SupplyLink l : n.links()) {
            b.link(rng.nextInt(3) == 0 ? new SupplyLink(l.from(), l.to(), l.item(), l.share(), Duration.periods(0), l.markup()) : l);
        }
        n.alternates().forEach(b::alternate);
        n.demand().forEach(b::demand);
        return b.build();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111, 112})
    void fastEngineAgreesWithReference(long seed) {
        assertAgrees(randomCase(seed), seed);
    }

    /**
     * Standing markups on about a third of the links (the compiled network keeps them only where
     * some link has one), with the random cases' policy markups and delays on top.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {301, 302, 303, 304})
    void standingMarkupsAgreeWithReference(long seed) {
        Case k = randomCase(seed);
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed * 31);
        NetworkBuilder b = new NetworkBuilder();
        k.network().items().forEach(b::item);
        k.network().firms().forEach(b::firm);
        k.network().sites().forEach(b::site);
        for (SupplyLink l : k.network().links()) {
            b.link(rng.nextInt(3) == 0 ? new SupplyLink(l.from(), l.to(), l.item(), l.share(), l.leadTime(), 0.02 * (1 + rng.nextInt(5))) : l);
        }
        k.network().alternates().forEach(b::alternate);
        k.network().demand().forEach(b::demand);
        Case marked = new Case(b.build(), k.restrictions(), k.parameters(), k.periods());
        assertThat(marked.network().links().stream().filter(l -> l.markup() > 0).count()).as("links with a standing markup")
                .isGreaterThan(marked.network().links().size() / 5);
        assertAgrees(marked, seed);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {201, 202, 203, 204, 205, 206})
    void linksWithoutLeadTimeAgreeWithReference(long seed) {
        Case k = randomCase(seed, true);
        CompiledNetwork c = CompiledNetwork.of(k.network(), Step.WEEK);
        long instant = java.util.stream.IntStream.range(0, c.linkCount()).filter(l -> c.linkLead(l) == 0).count();
        assertThat(instant).as("links without lead time").isGreaterThan(c.linkCount() / 5);
        assertAgrees(k, seed);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {401, 402, 403, 404, 405, 406, 407, 408})
    void pricesAndPoolsAgreeWithReference(long seed) {
        Case k = marketCase(seed);
        assertThat(k.network().demand().stream().filter(d -> d.pool() != null).count()).as("pooled entries").isGreaterThan(1);
        assertAgrees(k, seed);
        // Not vacuous: prices moved somewhere, and some buyers switched.
        CompiledNetwork c = CompiledNetwork.of(k.network(), Step.WEEK);
        Simulation sim = new Simulation(c, k.parameters());
        double[] moved = {0, 0};
        sim.run(timeline(c, k.restrictions()), k.periods(), sim.newState(), (t, st) -> {
            for (int i = 0; i < c.itemCount(); i++) {
                for (int m = 0; m < 3; m++) {
                    moved[0] = Math.max(moved[0], Math.abs(st.scarcity(i, m) - 1));
                }
            }
            for (int j = 0; j < c.demandCount(); j++) {
                moved[1] = Math.max(moved[1], Math.abs(st.poolShare(j) - 1));
            }
        });
        assertThat(moved[0]).as("seed %d: the largest price move", seed).isGreaterThan(1e-3);
        assertThat(moved[1]).as("seed %d: the largest pool share move", seed).isGreaterThan(1e-3);
    }

    private static void assertAgrees(Case k, long seed) {
        CompiledNetwork c = CompiledNetwork.of(k.network(), Step.WEEK);
        Simulation sim = new Simulation(c, k.parameters());
        SeriesRecorder fast = new SeriesRecorder();
        sim.run(timeline(c, k.restrictions()), k.periods(), sim.newState(), fast);

        ReferenceSimulation ref = new ReferenceSimulation(k.network(), Step.WEEK, k.parameters());
        ref.run(k.restrictions(), k.periods(), k.parameters().initialStockFactor());

        for (int t = 0; t < k.periods(); t++) {
            for (int s = 0; s < c.siteCount(); s++) {
                String id = c.siteId(s);
                assertThat(fast.output(t, s)).as("seed %d period %d output of %s", seed, t, id)
                        .isCloseTo(ref.output.get(t).get(id), tol(ref.output.get(t).get(id)));
                assertThat(fast.unitCost(t, s)).as("seed %d period %d unit cost of %s", seed, t, id)
                        .isCloseTo(ref.costSeries.get(t).get(id), tol(ref.costSeries.get(t).get(id)));
            }
            for (int slot = 0; slot < c.slotCount(); slot++) {
                String key = c.siteId(c.slotSite(slot)) + "/" + c.slotItemId(slot);
                double expected = ref.stockSeries.get(t).get(key);
                assertThat(fast.stock(t, slot)).as("seed %d period %d stock %s", seed, t, key).isCloseTo(expected, tol(expected));
            }
            for (int j = 0; j < c.demandCount(); j++) {
                double expected = ref.deliveredSeries.get(t)[j];
                assertThat(fast.delivered(t, j)).as("seed %d period %d delivered %d", seed, t, j).isCloseTo(expected, tol(expected));
            }
        }
    }

    /**
     * Plain slots (every link open, on time, unmarked, none instant) take a shorter path through
     * the link pass; a simulation made to take the general path for every slot gives the same
     * series to 1e-12, checked or not, traced or not, with markets on and off, on random networks
     * and timelines.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {601, 602, 603, 604, 605, 606})
    void plainSlotsFastPathMatchesTheGeneralPath(long seed) {
        Case k = seed % 2 == 0 ? marketCase(seed) : randomCase(seed, seed % 3 == 0);
        CompiledNetwork c = CompiledNetwork.of(k.network(), Step.WEEK);
        long plain = java.util.stream.IntStream.range(0, c.slotCount()).filter(x -> c.slotLead[x] != 0).count();
        assertThat(plain).as("seed %d: slots that can take the plain path", seed).isGreaterThan(c.slotCount() / 4);
        Timeline tl = timeline(c, k.restrictions());
        boolean checked = seed % 3 != 1;
        boolean traced = seed % 2 == 1;
        SeriesRecorder general = new SeriesRecorder(traced);
        Simulation reference = new Simulation(c, k.parameters().withChecked(checked), false);
        reference.run(tl, k.periods(), reference.newState(), general);
        SeriesRecorder fast = new SeriesRecorder(traced);
        Simulation engine = new Simulation(c, k.parameters().withChecked(checked));
        engine.run(tl, k.periods(), engine.newState(), fast);
        double[] a = general.all();
        double[] b = fast.all();
        assertThat(b).hasSameSizeAs(a);
        for (int i = 0; i < a.length; i++) {
            assertThat(b[i]).as("seed %d value %d", seed, i).isCloseTo(a[i], org.assertj.core.data.Offset.offset(1e-12 * Math.max(1, Math.abs(a[i]))));
        }
    }

    /**
     * On an input-output table every slot has one supply link, and plain slots ship without a loop;
     * that path too gives what the general one gives, to 1e-12, with links cut, delayed and marked
     * up for a while, checked or not, traced or not; and nothing ships on a link while it is cut.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {701, 702, 703, 704})
    void oneLinkSlotsMatchTheGeneralPath(long seed) {
        java.util.Random rng = new java.util.Random(seed);
        Network table = org.chokepoint.TestNetworks.dense(3, 4, 0.5, 3 + rng.nextInt(10), 1 + rng.nextInt(3), seed);
        CompiledNetwork c = CompiledNetwork.of(table, Step.WEEK);
        for (int k = 0; k < c.slotCount(); k++) {
            assertThat(c.inOffsets[k + 1] - c.inOffsets[k]).as("seed %d slot %d", seed, k).isLessThanOrEqualTo(1);
        }
        Timeline.Builder b = Timeline.builder(c);
        List<int[]> cut = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            int link = rng.nextInt(c.linkCount());
            int from = 2 + rng.nextInt(10);
            int to = from + 1 + rng.nextInt(12);
            double open = rng.nextDouble() < 0.5 ? 0 : rng.nextDouble();
            b.restrict(link, from, to, open, rng.nextInt(3), rng.nextDouble() < 0.5 ? 0 : 0.2);
            if (open == 0) {
                cut.add(new int[] {link, from, to});
            }
        }
        Timeline tl = b.build();
        Parameters p = Parameters.DEFAULT.withRestorationTime(40).withChecked(seed % 2 == 0);
        boolean traced = seed % 3 != 0;
        SeriesRecorder general = new SeriesRecorder(traced);
        Simulation reference = new Simulation(c, p, false);
        reference.run(tl, 40, reference.newState(), general);
        SeriesRecorder fast = new SeriesRecorder(traced);
        Simulation engine = new Simulation(c, p);
        engine.run(tl, 40, engine.newState(), fast);
        SeriesRecorder links = new SeriesRecorder(false, true);
        engine.run(tl, 40, engine.newState(), links);
        for (int[] x : cut) {
            for (int t = x[1]; t < x[2]; t++) {
                assertThat(links.shipped(t, x[0])).as("seed %d: link %d cut in period %d", seed, x[0], t).isZero();
            }
        }
        double[] a = general.all();
        double[] f = fast.all();
        assertThat(f).hasSameSizeAs(a);
        double moved = 0;
        for (int i = 0; i < a.length; i++) {
            assertThat(f[i]).as("seed %d value %d", seed, i).isCloseTo(a[i], org.assertj.core.data.Offset.offset(1e-12 * Math.max(1, Math.abs(a[i]))));
        }
        for (int t = 1; t < 40; t++) {
            for (int site = 0; site < c.siteCount(); site++) {
                moved = Math.max(moved, Math.abs(fast.output(t, site) - fast.output(0, site)));
            }
        }
        assertThat(moved).as("seed %d: the restrictions move output", seed).isGreaterThan(1e-6);
    }

    @Test
    void restrictionsReallyBite() {
        // Guard against a vacuous agreement: the random timelines do cut deliveries somewhere.
        int cases = 0;
        for (long seed = 101; seed <= 112; seed++) {
            Case k = randomCase(seed);
            CompiledNetwork c = CompiledNetwork.of(k.network(), Step.WEEK);
            Simulation sim = new Simulation(c, k.parameters());
            SeriesRecorder r = new SeriesRecorder();
            sim.run(timeline(c, k.restrictions()), k.periods(), sim.newState(), r);
            double shortfall = 0;
            for (int t = 0; t < k.periods(); t++) {
                for (int j = 0; j < c.demandCount(); j++) {
                    shortfall += r.shortfall(t, j);
                }
            }
            if (shortfall > 1) {
                cases++;
            }
        }
        assertThat(cases).isGreaterThanOrEqualTo(4);
    }

    @Test
    void sameInputsGiveBitIdenticalSeriesAcrossRunsAndThreads() throws Exception {
        Case k = randomCase(7);
        CompiledNetwork c = CompiledNetwork.of(k.network(), Step.WEEK);
        Timeline tl = timeline(c, k.restrictions());
        Simulation sim = new Simulation(c, k.parameters().withChecked(false));
        RunState reused = sim.newState();
        SeriesRecorder first = new SeriesRecorder();
        sim.run(tl, k.periods(), reused, first);
        SeriesRecorder again = new SeriesRecorder();
        sim.run(Timeline.NONE, 10, reused, new SeriesRecorder()); // something else in between
        sim.run(tl, k.periods(), reused, again);
        assertThat(again.all()).isEqualTo(first.all());

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<double[]>> futures = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                futures.add(pool.submit(() -> {
                    SeriesRecorder r = new SeriesRecorder();
                    sim.run(tl, k.periods(), sim.newState(), r);
                    return r.all();
                }));
            }
            for (Future<double[]> f : futures) {
                assertThat(f.get()).isEqualTo(first.all());
            }
        } finally {
            pool.shutdown();
        }
    }

    static org.assertj.core.data.Offset<Double> tol(double x) {
        return org.assertj.core.data.Offset.offset(1e-9 * Math.max(1, Math.abs(x)));
    }
}
