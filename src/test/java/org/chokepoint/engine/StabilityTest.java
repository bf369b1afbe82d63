package org.chokepoint.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.chokepoint.TestNetworks;
import org.chokepoint.model.Network;
import org.chokepoint.model.Step;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The stability condition of the order rule (spectral radius of the order-gain matrix below 1),
 * checked against the engine: below it, an unshocked run stays at the Leontief solution for five
 * simulated years; clearly above it, round-off grows; and a stable run under a shock stays bounded.
 */
class StabilityTest {

    static final int FIVE_YEARS = 1825;

    /** Largest relative distance from the Leontief solution over the run. */
    static double drift(CompiledNetwork c, double tau, int periods) {
        double[] x = LeontiefTest.luSolve(c);
        Simulation sim = new Simulation(c, Parameters.DEFAULT.withRestorationTime(tau));
        SeriesRecorder r = new SeriesRecorder();
        try {
            sim.run(Timeline.NONE, periods, sim.newState(), r);
        } catch (NumericalFailure e) {
            return Double.POSITIVE_INFINITY; // overflowed: as far from equilibrium as can be
        }
        double worst = 0;
        for (int t = 0; t < periods; t++) {
            for (int s = 0; s < c.siteCount(); s++) {
                double d = Math.abs(r.output(t, s) - x[s]) / Math.max(1, x[s]);
                if (!(d <= worst)) {
                    worst = d; // NaN and infinity count as the worst
                }
            }
        }
        return worst;
    }

    @ParameterizedTest(name = "dense seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
    void denseTablesStayAtEquilibriumExactlyWhenTheConditionHolds(long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        double cover = rng.nextInt(181);          // 0 to 180 days
        double tau = 1 + rng.nextInt(120);         // 1 to 120 periods
        double columnSum = 0.2 + 0.6 * rng.nextDouble();
        Network net = TestNetworks.dense(2 + rng.nextInt(2), 4 + rng.nextInt(5), columnSum, cover, 1 + rng.nextInt(4), seed);
        CompiledNetwork c = CompiledNetwork.of(net, Step.DAY);
        double rho = Stability.radius(c, tau);
        double drift = drift(c, tau, FIVE_YEARS);
        String what = String.format("seed %d: cover %.0f d, tau %.0f, column sum %.2f, radius %.4f, drift %.3g", seed, cover, tau,
                columnSum, rho, drift);
        if (rho < 1) {
            assertThat(drift).as(what).isLessThanOrEqualTo(1e-9);
        } else if (rho > 1.1) {
            assertThat(drift).as(what).isGreaterThan(1e-6);
        }
        // The condition is sharp: just above the least stable restoration time the run holds, just below it drifts.
        if (rho >= 1) {
            double least = Stability.leastRestorationTime(c, tau, rho);
            assertThat(Stability.radius(c, least)).as(what).isLessThan(1);
            assertThat(drift(c, least, FIVE_YEARS)).as(what + ", at the least stable tau " + least).isLessThanOrEqualTo(1e-9);
        }
    }

    @Test
    void theRadiusOfAUniformTableIsItsColumnSumTimesTheGain() {
        // Equal column sums c make c the radius of A; equal cover C and lead L make G = (1 + (C + L)/tau) A.
        Network net = TestNetworks.dense(2, 5, 0.5, 30, 2, 7);
        CompiledNetwork c = CompiledNetwork.of(net, Step.DAY);
        assertThat(Stability.radius(c, Double.POSITIVE_INFINITY)).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-7));
        assertThat(Stability.radius(c, 4)).isCloseTo(0.5 * (1 + 32 / 4.0), org.assertj.core.data.Offset.offset(1e-6));
        // Stable from tau = c (C + L) / (1 - c) = 32 on.
        assertThat(Stability.leastRestorationTime(c, 4, Stability.radius(c, 4))).isBetween(32.0, 33.0);
    }

    @ParameterizedTest(name = "sparse seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void sparseLayeredNetworksAreStableWithAnyCoverAndRestorationTime(long seed) {
        // Layered networks have no cycles: the gain matrix is nilpotent, so no cover or restoration time can make it unstable.
        Network n = TestNetworks.random(40 + 10 * (int) seed, seed);
        CompiledNetwork c = CompiledNetwork.of(n, Step.WEEK);
        for (double tau : new double[] {1, 4, 120}) {
            assertThat(Stability.radius(c, tau)).as("seed %d tau %s", seed, tau).isZero();
        }
        assertThat(drift(c, 1, 260)).as("seed %d, five years weekly", seed).isLessThanOrEqualTo(1e-9);
    }

    @ParameterizedTest(name = "shocked seed {0}")
    @ValueSource(longs = {21, 22, 23})
    void aStableRunUnderAShockStaysBoundedAndFinite(long seed) {
        Network net = TestNetworks.dense(2, 5, 0.5, 90, 1, seed);
        CompiledNetwork c = CompiledNetwork.of(net, Step.DAY);
        double tau = Stability.leastRestorationTime(c, 4, Stability.radius(c, 4));
        Timeline shock = Timeline.builder(c).capacity(0, 30, 90, 0).capacity(3, 60, 75, 0.2).build();
        Simulation sim = new Simulation(c, Parameters.DEFAULT.withRestorationTime(tau).withChecked(true));
        SeriesRecorder r = new SeriesRecorder();
        sim.run(shock, FIVE_YEARS, sim.newState(), r);
        double[] x = LeontiefTest.luSolve(c);
        double top = 0;
        for (double v : x) {
            top = Math.max(top, v);
        }
        for (int t = 0; t < FIVE_YEARS; t++) {
            for (int s = 0; s < c.siteCount(); s++) {
                assertThat(r.output(t, s)).as("seed %d period %d site %d", seed, t, s).isFinite().isBetween(0.0, 1e3 * top);
            }
        }
    }

    @Test
    void aRunThatOverflowsStopsAndNamesWhereInsteadOfRecordingNaN() {
        Network net = TestNetworks.dense(2, 5, 0.5, 90, 1, 3);
        CompiledNetwork c = CompiledNetwork.of(net, Step.DAY);
        assertThat(Stability.radius(c, 4)).isGreaterThan(10);
        Simulation sim = new Simulation(c, Parameters.DEFAULT.withRestorationTime(4));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> sim.run(Timeline.NONE, 2000, sim.newState(), new SeriesRecorder()))
                .isInstanceOf(NumericalFailure.class)
                .hasMessageMatching("the (output|revenue) of site s00\\d\\d became not a finite number in period \\d+");
    }
}
