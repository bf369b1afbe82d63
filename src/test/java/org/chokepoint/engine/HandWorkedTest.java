package org.chokepoint.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.assertj.core.data.Offset;
import org.chokepoint.model.Alternate;
import org.chokepoint.model.Demand;
import org.chokepoint.model.Duration;
import org.chokepoint.model.Firm;
import org.chokepoint.model.Item;
import org.chokepoint.model.Network;
import org.chokepoint.model.NetworkBuilder;
import org.chokepoint.model.Site;
import org.chokepoint.model.Step;
import org.chokepoint.model.SupplyLink;
import org.junit.jupiter.api.Test;

/** Small cases worked out by hand; the derivations are in the comments. */
public class HandWorkedTest {

    static final Offset<Double> EXACT = Offset.offset(1e-9);

    /** Supplier S → customer C (1 part per product), C sells 100 a week. */
    public static NetworkBuilder chain(double coverWeeks, int leadWeeks) {
        return new NetworkBuilder()
                .item(Item.of("part", 10)).item(Item.of("product", 50))
                .firm(Firm.of("f", "US"))
                .site(Site.of("s", "f", "part", 1000, Map.of()))
                .site(Site.of("c", "f", "product", 1000, Map.of("part", 1.0))
                        .withStock(Map.of("part", Duration.weeks(coverWeeks))))
                .link(SupplyLink.of("s", "c", "part", 1, Duration.weeks(leadWeeks)))
                .demand(Demand.of("product", "US", "c", 100));
    }

    static SeriesRecorder run(CompiledNetwork c, Parameters p, Timeline t, int periods) {
        Simulation sim = new Simulation(c, p.withChecked(true));
        SeriesRecorder r = new SeriesRecorder();
        sim.run(t, periods, sim.newState(), r);
        return r;
    }

    /**
     * Blocked at week 10, with 6 weeks of stock (600) and a 4-week lead time. Shipments sent in
     * weeks 6-9 still arrive in weeks 10-13, so stock holds at 600 until week 13; then it falls by
     * 100 a week to 0 at the end of week 19. Week 20 is the first short: 100 short, every week after.
     */
    @Test
    void singleSupplierBlocked() {
        CompiledNetwork c = CompiledNetwork.of(chain(6, 4).build(), Step.WEEK);
        Timeline t = Timeline.builder(c).block(c.link("s", "c", "part"), 10, 52).build();
        SeriesRecorder r = run(c, Parameters.DEFAULT, t, 30);
        int slot = c.slot("c", "part");
        for (int w = 0; w <= 13; w++) {
            assertThat(r.stock(w, slot)).as("stock, week %d", w).isCloseTo(600, EXACT);
        }
        double[] falling = {500, 400, 300, 200, 100, 0};
        for (int i = 0; i < falling.length; i++) {
            assertThat(r.stock(14 + i, slot)).as("stock, week %d", 14 + i).isCloseTo(falling[i], EXACT);
        }
        for (int w = 0; w < 20; w++) {
            assertThat(r.shortfall(w, 0)).as("shortfall, week %d", w).isCloseTo(0, EXACT);
        }
        for (int w = 20; w < 30; w++) {
            assertThat(r.shortfall(w, 0)).as("shortfall, week %d", w).isCloseTo(100, EXACT);
        }
        assertThat(r.output(10, c.site("s"))).as("the supplier stops when its only customer is cut off").isZero();
    }

    /**
     * Supplier S (capacity 100) gets orders of 80 from A and 40 from B: 120 for 100. Proportional
     * rationing gives A 100 × 80/120 = 66.67 and B 33.33. With final demand first, S's own final
     * demand of 50 is served in full and the sites share the other 50 (A 33.33, B 16.67).
     */
    /** Supplier s (capacity 100) of parts to a and b, which sell {@code aSells} and {@code bSells}. */
    static NetworkBuilder twoCustomers(double aSells, double bSells) {
        return new NetworkBuilder()
                .item(Item.of("part", 10)).item(Item.of("a-out", 20)).item(Item.of("b-out", 20))
                .firm(Firm.of("f", "US"))
                .site(Site.of("s", "f", "part", 100, Map.of()))
                .site(Site.of("a", "f", "a-out", 1000, Map.of("part", 1.0)))
                .site(Site.of("b", "f", "b-out", 1000, Map.of("part", 1.0)))
                .link(SupplyLink.of("s", "a", "part", 1, Duration.weeks(1)))
                .link(SupplyLink.of("s", "b", "part", 1, Duration.weeks(1)))
                .demand(Demand.of("a-out", "US", "a", aSells))
                .demand(Demand.of("b-out", "US", "b", bSells));
    }

    @Test
    void shortSupplierRationsProportionally() {
        NetworkBuilder b = twoCustomers(80, 40);
        CompiledNetwork c = CompiledNetwork.of(b.build(), Step.WEEK);
        assertThat(c.overCapacity()).containsExactly("s");
        SeriesRecorder r = run(c, Parameters.DEFAULT, Timeline.NONE, 1);
        assertThat(r.output(0, c.site("s"))).isCloseTo(100, EXACT);
        assertThat(r.shipped(0, c.link("s", "a", "part"))).isCloseTo(100.0 * 80 / 120, EXACT);
        assertThat(r.shipped(0, c.link("s", "b", "part"))).isCloseTo(100.0 * 40 / 120, EXACT);

        NetworkBuilder withFinal = twoCustomers(40, 20).demand(Demand.of("part", "US", "s", 50));
        CompiledNetwork c2 = CompiledNetwork.of(withFinal.build(), Step.WEEK);
        SeriesRecorder r2 = run(c2, Parameters.DEFAULT.withRationing(Parameters.Rationing.FINAL_DEMAND_FIRST), Timeline.NONE, 1);
        assertThat(r2.delivered(0, 2)).isCloseTo(50, EXACT);
        assertThat(r2.shipped(0, c2.link("s", "a", "part"))).isCloseTo(50.0 * 40 / 60, EXACT);
        assertThat(r2.shipped(0, c2.link("s", "b", "part"))).isCloseTo(50.0 * 20 / 60, EXACT);
        SeriesRecorder r3 = run(c2, Parameters.DEFAULT, Timeline.NONE, 1);
        assertThat(r3.delivered(0, 2)).as("proportional: 50 × 100/110").isCloseTo(50.0 * 100 / 110, EXACT);
    }

    /**
     * S → C blocked from week 2; alternate S2 qualifies in 8 weeks and ramps over 4 to a full share.
     * No target stock, lead time 1, τ = 1, so each week's need is 100 + (100 − stock − in transit).
     * The alternate is first needed in week 2 and takes orders from week 10: share 1/4, 2/4, 3/4,
     * then all of it.
     * <pre>
     * week  order to S2        delivered (next week)   output of C
     *  10   200 × 0.25 = 50                              0
     *  11   150 × 0.50 = 75     50 in transit            0
     *  12   125 × 0.75 = 93.75  75 in transit           50
     *  13   106.25 × 1          93.75 in transit        75
     *  14   93.75               106.25 in transit       93.75
     *  15   100 (stock 6.25)                            100
     * </pre>
     */
    @Test
    void alternateQualifiesThenRamps() {
        Network n = chain(0, 1)
                .site(Site.of("s2", "f", "part", 1000, Map.of()))
                .alternate(new Alternate("c", "part", "s2", null, 1, Duration.weeks(8), Duration.weeks(4), 1.0, 0.2))
                .build();
        CompiledNetwork c = CompiledNetwork.of(n, Step.WEEK);
        Timeline t = Timeline.builder(c).block(c.link("s", "c", "part"), 2, 100).build();
        SeriesRecorder r = run(c, Parameters.DEFAULT.withRestorationTime(1), t, 20);
        int cs = c.site("c");
        double[] expected = {100, 100, 100, 0, 0, 0, 0, 0, 0, 0, 0, 0, 50, 75, 93.75, 100, 100, 100, 100, 100};
        for (int w = 0; w < expected.length; w++) {
            assertThat(r.output(w, cs)).as("output of c, week %d", w).isCloseTo(expected[w], EXACT);
            assertThat(r.shortfall(w, 0)).as("shortfall, week %d", w).isCloseTo(100 - expected[w], EXACT);
        }
        int alt = c.linkCount(); // the only alternate
        double[] orders = {50, 75, 93.75, 106.25, 93.75, 100};
        for (int i = 0; i < orders.length; i++) {
            assertThat(r.shipped(11 + i, alt)).as("shipped by s2, week %d", 11 + i).isCloseTo(orders[i], EXACT);
        }
        // Parts through the alternate cost 20% more: c's unit cost rises by 0.2 × 10 per product.
        assertThat(r.unitCost(15, cs)).isCloseTo(50 + 2, EXACT);
    }

    /**
     * Two alternates stand by for c's part, each able to cover it all at once (no qualification, no
     * ramp). The first in file order takes the uncovered share; when policy blocks that one too, what
     * it cannot ship is left to the second, which then carries the need exactly as the first would
     * have. Without the block the second is never asked.
     */
    @Test
    void aBlockedAlternateLeavesItsShareToTheNext() {
        Network n = chain(0, 1)
                .site(Site.of("s2", "f", "part", 1000, Map.of()))
                .site(Site.of("s3", "f", "part", 1000, Map.of()))
                .alternate(new Alternate("c", "part", "s2", null, 1, Duration.ZERO, Duration.ZERO, 1.0, 0))
                .alternate(new Alternate("c", "part", "s3", null, 1, Duration.ZERO, Duration.ZERO, 1.0, 0))
                .build();
        CompiledNetwork c = CompiledNetwork.of(n, Step.WEEK);
        int s2 = c.alternate(0);
        int s3 = c.alternate(1);
        Timeline primaryOnly = Timeline.builder(c).block(c.link("s", "c", "part"), 2, 100).build();
        SeriesRecorder open = run(c, Parameters.DEFAULT.withRestorationTime(1), primaryOnly, 12);
        Timeline both = Timeline.builder(c).block(c.link("s", "c", "part"), 2, 100).block(s2, 2, 100).build();
        SeriesRecorder blocked = run(c, Parameters.DEFAULT.withRestorationTime(1), both, 12);
        // Blocked from week 2, c finds its primary closed when it orders in week 2: the alternate ships
        // 100 of use plus the 100 of stock c lacks in week 3 (τ = 1), nothing in week 4 while that is
        // on its way, then 100 a week. The second alternate does exactly this when the first is blocked.
        double[] expected = {0, 0, 0, 200, 0, 100, 100, 100, 100, 100, 100, 100};
        for (int w = 0; w < expected.length; w++) {
            assertThat(open.shipped(w, s2)).as("first alternate carries it, week %d", w).isCloseTo(expected[w], EXACT);
            assertThat(open.shipped(w, s3)).as("second never asked, week %d", w).isCloseTo(0, EXACT);
            assertThat(blocked.shipped(w, s2)).as("blocked alternate ships nothing, week %d", w).isCloseTo(0, EXACT);
            assertThat(blocked.shipped(w, s3)).as("second alternate carries it, week %d", w).isCloseTo(expected[w], EXACT);
            assertThat(blocked.output(w, c.site("c"))).as("c's output, week %d", w).isCloseTo(open.output(w, c.site("c")), EXACT);
        }
        assertThat(blocked.output(11, c.site("c"))).isCloseTo(100, EXACT);
    }

    /**
     * Stockpiling between announcement (week 3) and effective date (week 8): target cover doubles
     * from 4 to 8 weeks. τ = 1, lead 1, demand 100. Order each week o = 100 + (T + 100 − stock −
     * in transit); stock at the end of a week gains what was ordered two weeks before.
     * <pre>
     * week   3    4    5    6    7    8    9   10   11   12   13
     * T    800  800  800  800  800  400  400  400  400  400  400
     * o    500  100  100  100  100    0    0    0    0  100  100
     * stock 400 400  800  800  800  800  800  700  600  500  400
     * </pre>
     */
    @Test
    void stockpilingBeforeTheEffectiveDate() {
        CompiledNetwork c = CompiledNetwork.of(chain(4, 1).build(), Step.WEEK);
        int slot = c.slot("c", "part");
        Timeline t = Timeline.builder(c).stockpile(slot, 3, 8, 2.0).build();
        SeriesRecorder r = run(c, Parameters.DEFAULT.withRestorationTime(1), t, 16);
        double[] stock = {400, 400, 400, 400, 400, 800, 800, 800, 800, 800, 700, 600, 500, 400, 400, 400};
        for (int w = 0; w < stock.length; w++) {
            assertThat(r.stock(w, slot)).as("stock, week %d", w).isCloseTo(stock[w], EXACT);
        }
        int s = c.site("s");
        double[] supplierOutput = {100, 100, 100, 100, 500, 100, 100, 100, 100, 0, 0, 0, 0, 100, 100, 100};
        for (int w = 0; w < supplierOutput.length; w++) {
            assertThat(r.output(w, s)).as("supplier output, week %d", w).isCloseTo(supplierOutput[w], EXACT);
        }
        for (int w = 0; w < 16; w++) {
            assertThat(r.shortfall(w, 0)).isCloseTo(0, EXACT);
        }
    }

    /**
     * A tariff of 25% on the part from week 3 raises the product's unit cost by 0.25 × 10 = 2.5 in
     * week 3. Sales in a week are at the price set at the end of the week before, so revenue
     * follows in week 4.
     */
    @Test
    void markupPassesThroughToUnitCost() {
        CompiledNetwork c = CompiledNetwork.of(chain(2, 1).build(), Step.WEEK);
        Timeline t = Timeline.builder(c).restrict(c.link("s", "c", "part"), 3, 100, 1, 0, 0.25).build();
        SeriesRecorder r = run(c, Parameters.DEFAULT, t, 6);
        int cs = c.site("c");
        assertThat(r.unitCost(2, cs)).isCloseTo(50, EXACT);
        assertThat(r.unitCost(3, cs)).isCloseTo(52.5, EXACT);
        assertThat(r.revenue(3, cs)).isCloseTo(100 * 50, EXACT);
        assertThat(r.revenue(4, cs)).isCloseTo(100 * 52.5, EXACT);
    }

    /**
     * The supplier is down in weeks 10-17 (an outage, not a block): nothing ships, so nothing
     * arrives in weeks 14-21 and the 6 weeks of stock (600) run out at the end of week 19. Weeks 20
     * and 21 are 100 short; what the supplier ships on its first week back (week 18) arrives in
     * week 22 and the shortfall ends.
     */
    @Test
    void supplierOutage() {
        CompiledNetwork c = CompiledNetwork.of(chain(6, 4).build(), Step.WEEK);
        Timeline t = Timeline.builder(c).capacity(c.site("s"), 10, 18, 0).build();
        SeriesRecorder r = run(c, Parameters.DEFAULT, t, 30);
        for (int w = 0; w < 30; w++) {
            assertThat(r.output(w, c.site("s")) == 0).as("supplier down, week %d", w).isEqualTo(w >= 10 && w < 18);
            assertThat(r.shortfall(w, 0)).as("shortfall, week %d", w).isCloseTo(w == 20 || w == 21 ? 100 : 0, EXACT);
        }
    }
}
