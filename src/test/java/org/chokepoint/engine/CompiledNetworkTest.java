package org.chokepoint.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.chokepoint.TestNetworks;
import org.chokepoint.analysis.SyntheticNetworks;
import org.chokepoint.model.Alternate;
import org.chokepoint.model.Duration;
import org.chokepoint.model.Network;
import org.chokepoint.model.Step;
import org.chokepoint.model.SupplyLink;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CompiledNetworkTest {

    /**
     * Every engine link names the network's own link or alternate, once each: on synthetic networks
     * (links in no particular order, so the compiled network keeps a map back to the file) and on
     * dense tables (links already in engine order, so it keeps none).
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void everyEngineLinkNamesItsSource(long seed) {
        // The diamond's links are in engine order too; its alternates are not (part-b's comes first).
        Network diamond = TestNetworks.diamondBuilder()
                .alternate(new Alternate("z", "part-b", "a", "part-a", 1.0, Duration.weeks(1), Duration.weeks(1), 0.5, 0.1))
                .alternate(new Alternate("z", "part-a", "b", "part-b", 1.0, Duration.weeks(1), Duration.weeks(1), 0.5, 0.1)).build();
        for (Network n : new Network[] {SyntheticNetworks.generate(300, 3_000, seed), TestNetworks.dense(3, 4, 0.5, 10, 1, seed), diamond}) {
            CompiledNetwork c = CompiledNetwork.of(n, Step.WEEK);
            java.util.Set<Object> seen = new java.util.HashSet<>();
            for (int l = 0; l < c.allLinkCount(); l++) {
                Object source = c.linkSource(l);
                String customer = c.siteId(c.slotSite(c.linkSlot(l)));
                String supplier = c.siteId(c.linkFrom(l));
                if (l < c.linkCount()) {
                    SupplyLink link = (SupplyLink) source;
                    assertThat(link.from() + "->" + link.to() + " " + link.item()).as("seed %d, link %d", seed, l)
                            .isEqualTo(supplier + "->" + customer + " " + c.slotItemId(c.linkSlot(l)));
                } else {
                    Alternate a = (Alternate) source;
                    assertThat(a.from() + "->" + a.site() + " " + a.item()).as("seed %d, alternate %d", seed, l)
                            .isEqualTo(supplier + "->" + customer + " " + c.slotItemId(c.linkSlot(l)));
                }
                assertThat(seen.add(source)).as("seed %d: engine link %d names a source twice", seed, l).isTrue();
            }
            assertThat(seen).hasSize(n.links().size() + n.alternates().size());
            // Each supply link's engine index, all at once, is what a lookup by its ids finds.
            int[] engine = c.supplyLinks();
            assertThat(engine).hasSize(n.links().size());
            for (int i = 0; i < engine.length; i++) {
                assertThat(engine[i]).as("seed %d, link %d of the network", seed, i).isEqualTo(c.link(n.links().get(i)));
            }
        }
    }

    /**
     * The same network and step compile once: reading a scenario, its run and its Monte Carlo share
     * the compiled arrays; another step or another network (even an equal one) gets its own.
     */
    @org.junit.jupiter.api.Test
    void theSameNetworkAndStepCompileOnce() {
        Network n = SyntheticNetworks.generate(200, 1_500, 4);
        CompiledNetwork weekly = CompiledNetwork.of(n, Step.WEEK);
        assertThat(CompiledNetwork.of(n, Step.WEEK)).isSameAs(weekly);
        CompiledNetwork daily = CompiledNetwork.of(n, Step.DAY);
        assertThat(daily).isNotSameAs(weekly);
        assertThat(daily.step()).isEqualTo(Step.DAY);
        Network twin = SyntheticNetworks.generate(200, 1_500, 4);
        assertThat(CompiledNetwork.of(twin, Step.DAY)).isNotSameAs(daily);
        assertThat(CompiledNetwork.of(twin, Step.DAY).network()).isSameAs(twin);
    }
}
