package org.chokepoint;

import java.util.LinkedHashMap;
import java.util.Map;
import org.chokepoint.analysis.SyntheticNetworks;
import org.chokepoint.model.Demand;
import org.chokepoint.model.Duration;
import org.chokepoint.model.Firm;
import org.chokepoint.model.Item;
import org.chokepoint.model.Network;
import org.chokepoint.model.NetworkBuilder;
import org.chokepoint.model.Site;
import org.chokepoint.model.SupplyLink;

/** Networks shared by tests, small enough to reason about by hand. */
public final class TestNetworks {

    private TestNetworks() {}

    /**
     * A diamond: raw material {@code ore} from mine M goes to two component plants A and B (half
     * each), which both supply assembler Z; Z sells {@code product} in CN.
     * <pre>
     *        ┌─► A (part-a) ─┐
     *  M(ore)┤               ├─► Z (product) ─► CN
     *        └─► B (part-b) ─┘
     * </pre>
     */
    public static NetworkBuilder diamondBuilder() {
        return new NetworkBuilder()
                .item(Item.of("ore", 1))
                .item(Item.of("part-a", 10))
                .item(Item.of("part-b", 12))
                .item(Item.of("product", 50).withCategory(Item.Category.END_PRODUCT))
                .firm(Firm.of("miner", "CN"))
                .firm(Firm.of("maker", "US"))
                .firm(Firm.of("assembler", "TW"))
                .site(Site.of("m", "miner", "ore", 1000, Map.of()))
                .site(Site.of("a", "maker", "part-a", 100, Map.of("ore", 2.0)))
                .site(Site.of("b", "maker", "part-b", 100, Map.of("ore", 3.0)))
                .site(Site.of("z", "assembler", "product", 50, recipe("part-a", 1, "part-b", 2)))
                .link(SupplyLink.of("m", "a", "ore", 1.0, Duration.weeks(2)))
                .link(SupplyLink.of("m", "b", "ore", 1.0, Duration.weeks(2)))
                .link(SupplyLink.of("a", "z", "part-a", 1.0, Duration.weeks(1)))
                .link(SupplyLink.of("b", "z", "part-b", 1.0, Duration.periods(1)))
                .demand(Demand.of("product", "CN", "z", 20));
    }

    public static Network diamond() {
        return diamondBuilder().build();
    }

    /** A seeded random layered network, see {@link SyntheticNetworks}. */
    public static Network random(int sites, long seed) {
        return SyntheticNetworks.generate(sites, sites * 6, seed);
    }

    public static Map<String, Double> recipe(Object... pairs) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], ((Number) pairs[i + 1]).doubleValue());
        }
        return m;
    }
}
