package org.chokepoint.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.chokepoint.TestNetworks;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Without restrictions and with capacity to spare, production equals the Leontief solution
 * x = (I - A)^-1 d, computed here independently with a Commons Math LU solve.
 */
class LeontiefTest {

    /**
     * Two sectors that buy from each other and from themselves: agriculture uses 0.15 of its own
     * output and 0.20 of manufacturing per unit; manufacturing 0.25 agriculture and 0.05
     * manufacturing. Final demand 600 and 1500.
     */
    static Network twoSector() {
        return new NetworkBuilder()
                .item(Item.of("food", 1)).item(Item.of("goods", 2))
                .firm(Firm.of("farm", "US")).firm(Firm.of("works", "US"))
                .site(Site.of("agri", "farm", "food", 1e6, TestNetworks.recipe("food", 0.15, "goods", 0.20))
                        .withStock(Map.of("food", Duration.periods(2), "goods", Duration.periods(3))))
                .site(Site.of("manu", "works", "goods", 1e6, TestNetworks.recipe("food", 0.25, "goods", 0.05))
                        .withStock(Map.of("food", Duration.periods(1), "goods", Duration.periods(2))))
                .link(SupplyLink.of("agri", "agri", "food", 1, Duration.periods(1)))
                .link(SupplyLink.of("manu", "agri", "goods", 1, Duration.periods(2)))
                .link(SupplyLink.of("agri", "manu", "food", 1, Duration.periods(3)))
                .link(SupplyLink.of("manu", "manu", "goods", 1, Duration.periods(1)))
                .demand(Demand.of("food", "US", "agri", 600))
                .demand(Demand.of("goods", "US", "manu", 1500))
                .build();
    }

    @Test
    void textbookTwoSectorTable() {
        CompiledNetwork c = CompiledNetwork.of(twoSector(), Step.WEEK);
        double[] x = luSolve(c);
        // (I - A) x = d by hand: 0.85 x1 - 0.25 x2 = 600, -0.20 x1 + 0.95 x2 = 1500
        double det = 0.85 * 0.95 - 0.25 * 0.20;
        assertThat(x[c.site("agri")]).isCloseTo((600 * 0.95 + 0.25 * 1500) / det, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(x[c.site("manu")]).isCloseTo((0.85 * 1500 + 0.20 * 600) / det, org.assertj.core.data.Offset.offset(1e-9));
        assertSteady(c, x, 300, Parameters.DEFAULT.withChecked(true));
    }

    @Test
    void perturbedStartConvergesToTheSameSolution() {
        CompiledNetwork c = CompiledNetwork.of(twoSector(), Step.WEEK);
        double[] x = luSolve(c);
        Simulation sim = new Simulation(c, Parameters.DEFAULT.withInitialStockFactor(0.3).withChecked(true));
        SeriesRecorder r = new SeriesRecorder();
        sim.run(Timeline.NONE, 1500, sim.newState(), r);
        assertThat(Math.abs(r.output(0, 0) - x[0]) + Math.abs(r.output(3, 0) - x[0])).as("perturbed at first").isGreaterThan(1e-3);
        for (int s = 0; s < c.siteCount(); s++) {
            assertThat(r.output(1499, s)).isCloseTo(x[s], org.assertj.core.data.Percentage.withPercentage(1e-7));
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void randomNetworksSitAtTheirLeontiefSolution(long seed) {
        Network n = TestNetworks.random(60 + (int) seed * 10, seed);
        CompiledNetwork c = CompiledNetwork.of(n, Step.WEEK);
        double[] x = luSolve(c);
        for (int s = 0; s < c.siteCount(); s++) {
            assertThat(c.baseOutput(s)).as("seed %d site %s", seed, c.siteId(s)).isCloseTo(x[s], tolerance(x[s]));
        }
        assertSteady(c, x, 40, Parameters.DEFAULT.withChecked(true));
    }

    /**
     * With scarcity prices in three markets and an elasticity of final demand, and no shock,
     * nothing moves: outputs stay at the Leontief solution, every price multiplier at 1 and every
     * unit cost at its baseline price.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 12, 13, 14})
    void withPricesOnAndNoShockNothingMoves(long seed) {
        Network n = TestNetworks.random(60 + (int) seed * 5, seed);
        CompiledNetwork c = CompiledNetwork.of(n, Step.WEEK);
        PriceRule rule = PriceRule.of(0.3, 2, java.util.Map.of(), 1, 3, 5, 0.2,
                java.util.Map.of("CN", java.util.List.of("CN"), "US", java.util.List.of("US", "JP")));
        Parameters p = Parameters.DEFAULT.withPrices(rule).withFinalDemandElasticity(0.5).withChecked(true);
        assertSteady(c, luSolve(c), 40, p);
        Simulation sim = new Simulation(c, p);
        sim.run(Timeline.NONE, 40, sim.newState(), (t, st) -> {
            for (int i = 0; i < c.itemCount(); i++) {
                for (int m = 0; m < 3; m++) {
                    assertThat(st.scarcity(i, m)).as("seed %d period %d item %s market %d", seed, t, c.itemId(i), m)
                            .isCloseTo(1, tolerance(1));
                }
            }
            for (int s = 0; s < c.siteCount(); s++) {
                assertThat(st.unitCost(s)).as("seed %d period %d site %s", seed, t, c.siteId(s)).isCloseTo(c.basePrice(s),
                        tolerance(c.basePrice(s)));
            }
        });
    }

    /**
     * The demand-reduction inoperability input-output model (Haimes and Jiang, J. Infrastructure
     * Systems 7(1), 2001; Santos and Haimes, Risk Analysis 24(6), 2004): with A* = diag(x)^-1 A diag(x)
     * and c* = diag(x)^-1 (d - d'), the inoperability q = (x - x') / x of each sector solves
     * q = A* q + c*. Buyers of manufactures cut their purchases by 10% from period 10; the engine's
     * outputs settle where q, computed here from A*, says.
     */
    @Test
    void aDemandCutSettlesAtTheInoperabilityModelsSolution() {
        CompiledNetwork c = CompiledNetwork.of(twoSector(), Step.WEEK);
        double[] x = luSolve(c);
        int n = c.siteCount();
        int goods = -1;
        for (int j = 0; j < c.demandCount(); j++) {
            goods = c.demand(j).item().equals("goods") ? j : goods;
        }
        int periods = 1500;
        Timeline cut = Timeline.builder(c).buyers(goods, 10, periods, 0.9).build();
        Simulation sim = new Simulation(c, Parameters.DEFAULT.withChecked(true));
        SeriesRecorder r = new SeriesRecorder();
        sim.run(cut, periods, sim.newState(), r);
        // A* and c* from the technical coefficients and the baseline outputs
        RealMatrix a = coefficients(c);
        RealMatrix aStar = new Array2DRowRealMatrix(n, n);
        RealVector cStar = new ArrayRealVector(n);
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                aStar.setEntry(i, k, a.getEntry(i, k) * x[k] / x[i]);
            }
        }
        cStar.setEntry(c.demandSite(goods), 0.1 * c.demandQuantity(goods) / x[c.demandSite(goods)]);
        double[] q = new LUDecomposition(MatrixUtils.createRealIdentityMatrix(n).subtract(aStar)).getSolver().solve(cStar).toArray();
        for (int s = 0; s < n; s++) {
            double inoperability = (x[s] - r.output(periods - 1, s)) / x[s];
            assertThat(inoperability).as("site %s", c.siteId(s)).isCloseTo(q[s], org.assertj.core.data.Offset.offset(1e-9));
            assertThat(q[s]).as("both sectors lose output").isPositive();
        }
    }

    static void assertSteady(CompiledNetwork c, double[] x, int periods, Parameters p) {
        Simulation sim = new Simulation(c, p);
        SeriesRecorder r = new SeriesRecorder();
        sim.run(Timeline.NONE, periods, sim.newState(), r);
        for (int t = 0; t < periods; t++) {
            for (int s = 0; s < c.siteCount(); s++) {
                assertThat(r.output(t, s)).as("period %d site %s", t, c.siteId(s)).isCloseTo(x[s], tolerance(x[s]));
            }
            for (int j = 0; j < c.demandCount(); j++) {
                assertThat(r.shortfall(t, j)).as("period %d demand %d", t, j).isCloseTo(0, tolerance(c.demandQuantity(j)));
            }
        }
    }

    static org.assertj.core.data.Offset<Double> tolerance(double x) {
        return org.assertj.core.data.Offset.offset(1e-9 * Math.max(1, Math.abs(x)));
    }

    /** x = (I - A)^-1 d with A from the network's recipes and (normalised) shares, by LU. */
    static double[] luSolve(CompiledNetwork c) {
        int n = c.siteCount();
        RealMatrix a = coefficients(c);
        Network net = c.network();
        RealVector d = new ArrayRealVector(n);
        for (Demand dem : net.demand()) {
            d.addToEntry(c.site(dem.site()), dem.quantity());
        }
        RealMatrix m = MatrixUtils.createRealIdentityMatrix(n).subtract(a);
        return new LUDecomposition(m).getSolver().solve(d).toArray();
    }

    /** A: input of supplier site i per unit of customer site k, from recipes and (normalised) shares. */
    static RealMatrix coefficients(CompiledNetwork c) {
        int n = c.siteCount();
        RealMatrix a = new Array2DRowRealMatrix(n, n);
        Network net = c.network();
        for (Site customer : net.sites()) {
            for (var input : customer.recipe().entrySet()) {
                double total = net.links().stream().filter(l -> l.to().equals(customer.id()) && l.item().equals(input.getKey()))
                        .mapToDouble(SupplyLink::share).sum();
                for (SupplyLink l : net.links()) {
                    if (l.to().equals(customer.id()) && l.item().equals(input.getKey())) {
                        int from = c.site(l.from());
                        int to = c.site(l.to());
                        a.addToEntry(from, to, input.getValue() * l.share() / total);
                    }
                }
            }
        }
        return a;
    }
}
