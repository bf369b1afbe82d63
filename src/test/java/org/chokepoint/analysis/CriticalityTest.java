package org.chokepoint.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.chokepoint.TestNetworks;
import org.chokepoint.engine.CompiledNetwork;
import org.chokepoint.engine.Parameters;
import org.chokepoint.model.Demand;
import org.chokepoint.model.Duration;
import org.chokepoint.model.Firm;
import org.chokepoint.model.Item;
import org.chokepoint.model.Network;
import org.chokepoint.model.NetworkBuilder;
import org.chokepoint.model.Site;
import org.chokepoint.model.Step;
import org.chokepoint.model.SupplyLink;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CriticalityTest {

    /**
     * Two mines feed two part makers that feed one assembler; the part makers hold 2 and 6 weeks
     * of ore, the assembler 1 week of each part. Single-sourced throughout.
     */
    static Network tree() {
        return new NetworkBuilder()
                .item(Item.of("ore-a", 1)).item(Item.of("ore-b", 1)).item(Item.of("part-a", 10)).item(Item.of("part-b", 10))
                .item(Item.of("product", 50))
                .firm(Firm.of("f", "US"))
                .site(Site.of("m1", "f", "ore-a", 1000, Map.of()))
                .site(Site.of("m2", "f", "ore-b", 1000, Map.of()))
                .site(Site.of("a", "f", "part-a", 1000, Map.of("ore-a", 1.0)).withStock(Map.of("ore-a", Duration.weeks(2))))
                .site(Site.of("b", "f", "part-b", 1000, Map.of("ore-b", 1.0)).withStock(Map.of("ore-b", Duration.weeks(6))))
                .site(Site.of("z", "f", "product", 1000, TestNetworks.recipe("part-a", 1, "part-b", 1))
                        .withStock(Map.of("part-a", Duration.weeks(1), "part-b", Duration.weeks(1))))
                .link(SupplyLink.of("m1", "a", "ore-a", 1, Duration.weeks(1)))
                .link(SupplyLink.of("m2", "b", "ore-b", 1, Duration.weeks(1)))
                .link(SupplyLink.of("a", "z", "part-a", 1, Duration.weeks(1)))
                .link(SupplyLink.of("b", "z", "part-b", 1, Duration.weeks(1)))
                .demand(Demand.of("product", "US", "z", 100))
                .build();
    }

    /** Sites grouped by equal loss (within 1e-6 relative), worst group first. */
    static List<List<String>> ranks(List<Criticality.Impact> impacts) {
        List<List<String>> groups = new ArrayList<>();
        double last = Double.NaN;
        for (Criticality.Impact i : impacts) {
            if (groups.isEmpty() || Math.abs(i.lostValue() - last) > 1e-6 * Math.max(1, last)) {
                groups.add(new ArrayList<>());
                last = i.lostValue();
            }
            groups.get(groups.size() - 1).add(i.site());
        }
        groups.forEach(g -> g.sort(null));
        return groups;
    }

    /** Equal losses are ranked by how soon the site's customers run out (the shorter time to survive first), not by name. */
    @Test
    void tiesGoToTheSiteThatHoldsOutLess() {
        CompiledNetwork c = CompiledNetwork.of(tree(), Step.WEEK);
        List<double[]> results = List.of(new double[] {c.site("a"), 100, 8}, new double[] {c.site("m2"), 100, 3},
                new double[] {c.site("b"), 100, -1}, new double[] {c.site("m1"), 50, 1});
        assertThat(Criticality.rank(c, results)).extracting(Criticality.Impact::site).containsExactly("m2", "a", "b", "m1");
    }

    /** On single-sourced networks the knock-out simulation and the linear program rank the sites alike. */
    @ParameterizedTest(name = "outage of {0} weeks")
    @ValueSource(ints = {3, 8, 10})
    void simulationAndLinearProgramAgreeOnTheRanking(int ttr) {
        for (Network n : List.of(tree(), TestNetworks.diamond())) {
            CompiledNetwork c = CompiledNetwork.of(n, Step.WEEK);
            List<Criticality.Impact> sim = Criticality.simulate(c, Parameters.DEFAULT, ttr, 60, false, 2, d -> { });
            List<Criticality.Impact> lp = Criticality.linearProgram(c, ttr, false);
            assertThat(ranks(sim)).as("%s: simulation %s, program %s", n.sites(), sim, lp).isEqualTo(ranks(lp));
        }
    }

    /**
     * The linear program on the tree, by hand. m1 down 7 weeks: a has 200 ore-a in stock and 100
     * in transit, so makes 300 part-a; z has 100 part-a in stock and 100 in transit: 500 products
     * against 700 demanded, 200 lost, USD 10,000. Down 5 weeks: 500 against 500, nothing lost (so
     * 5 weeks is m1's time to survive). m2's part maker holds 6 weeks: 7 weeks cost nothing, and it
     * survives 9 (600 + 100 + 200 = 900 for 9 weeks). a down 3 weeks: z has 200 part-a for 300
     * products, 100 lost, USD 5,000.
     */
    @Test
    void linearProgramByHand() {
        CompiledNetwork c = CompiledNetwork.of(tree(), Step.WEEK);
        assertThat(Criticality.lpLoss(c, c.site("m1"), 5)).isCloseTo(0, Offset.offset(1e-6));
        assertThat(Criticality.lpLoss(c, c.site("m1"), 7)).isCloseTo(10_000, Offset.offset(1e-6));
        assertThat(Criticality.lpLoss(c, c.site("m2"), 7)).isCloseTo(0, Offset.offset(1e-6));
        assertThat(Criticality.lpLoss(c, c.site("a"), 3)).isCloseTo((300 - 100 - 100) * 50, Offset.offset(1e-6));
        // Time to survive: the longest outage with nothing lost.
        List<Criticality.Impact> lp = Criticality.linearProgram(c, 7, true);
        assertThat(lp.stream().filter(i -> i.site().equals("m1")).findFirst().orElseThrow().timeToSurvive()).isEqualTo(5);
        assertThat(lp.stream().filter(i -> i.site().equals("m2")).findFirst().orElseThrow().timeToSurvive()).isEqualTo(9);
        assertThat(lp.get(0).index()).isEqualTo(1.0);
    }

    /** The knock-out simulation counts only what the outage costs: with no outage nothing is lost, and more weeks cost more. */
    @Test
    void simulatedLossRisesWithTheOutage() {
        CompiledNetwork c = CompiledNetwork.of(tree(), Step.WEEK);
        double previous = -1;
        for (int ttr : new int[] {1, 4, 8, 12}) {
            double lost = Criticality.simulate(c, Parameters.DEFAULT, ttr, 60, false, 1, d -> { }).stream()
                    .filter(i -> i.site().equals("m1")).findFirst().orElseThrow().lostValue();
            assertThat(lost).as("%d weeks", ttr).isGreaterThanOrEqualTo(previous);
            previous = lost;
        }
        assertThat(previous).isPositive();
        List<Criticality.Impact> withTts = Criticality.simulate(c, Parameters.DEFAULT, 12, 60, true, 2, d -> { });
        Criticality.Impact m2 = withTts.stream().filter(i -> i.site().equals("m2")).findFirst().orElseThrow();
        Criticality.Impact m1 = withTts.stream().filter(i -> i.site().equals("m1")).findFirst().orElseThrow();
        assertThat(m2.timeToSurvive()).as("more stock, longer survival").isGreaterThan(m1.timeToSurvive());
    }
}
