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

    /**
     * A dense input-output table in the shape ARIO studies use: {@code regions} × {@code sectors}
     * sites, each making its own good from every good of the table (technical coefficients drawn
     * so each column sums to {@code columnSum}), with final demand for every good, one supplier per
     * input, a lead time of {@code lead} periods and a stock cover of {@code cover} periods.
     */
    public static Network dense(int regions, int sectors, double columnSum, double cover, double lead, long seed) {
        org.apache.commons.rng.UniformRandomProvider rng = org.apache.commons.rng.simple.RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        String[] countries = {"CN", "US", "JP", "KR", "TW", "DE", "NL", "FR", "IN", "BR", "MX", "VN"};
        int n = regions * sectors;
        NetworkBuilder b = new NetworkBuilder();
        for (int r = 0; r < regions; r++) {
            b.firm(org.chokepoint.model.Firm.of(String.format("f%02d", r), countries[r % countries.length]));
        }
        for (int i = 0; i < n; i++) {
            // One value for every good, as in an input-output table in value terms: columns summing
            // below one then leave every sector positive value added.
            b.item(org.chokepoint.model.Item.of(String.format("g%04d", i), 100));
        }
        double[][] a = new double[n][n];
        for (int j = 0; j < n; j++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                a[i][j] = rng.nextDouble();
                sum += a[i][j];
            }
            for (int i = 0; i < n; i++) {
                a[i][j] *= columnSum / sum;
            }
        }
        for (int j = 0; j < n; j++) {
            Map<String, Double> recipe = new LinkedHashMap<>();
            Map<String, org.chokepoint.model.Duration> stock = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                recipe.put(String.format("g%04d", i), a[i][j]);
                stock.put(String.format("g%04d", i), org.chokepoint.model.Duration.periods(cover));
            }
            b.site(org.chokepoint.model.Site.of(String.format("s%04d", j), String.format("f%02d", j / sectors), String.format("g%04d", j),
                    1e12, recipe).withStock(stock));
        }
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                b.link(org.chokepoint.model.SupplyLink.of(String.format("s%04d", i), String.format("s%04d", j), String.format("g%04d", i),
                        1, org.chokepoint.model.Duration.periods(lead)));
            }
            b.demand(org.chokepoint.model.Demand.of(String.format("g%04d", j), countries[(j / sectors) % countries.length],
                    String.format("s%04d", j), 100 + rng.nextInt(1000)));
        }
        return b.build();
    }
}
