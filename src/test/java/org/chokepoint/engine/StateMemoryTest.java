package org.chokepoint.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.chokepoint.analysis.SyntheticNetworks;
import org.chokepoint.model.Network;
import org.chokepoint.model.Step;
import org.junit.jupiter.api.Test;

/** The state of one run costs at most ~100 bytes per link beyond the shared compiled network. */
class StateMemoryTest {

    @Test
    void stateBytesPerLink() {
        Network n = SyntheticNetworks.generate(20_000, 200_000, 3);
        CompiledNetwork c = CompiledNetwork.of(n, Step.WEEK);
        Simulation sim = new Simulation(c, Parameters.DEFAULT);
        RunState s = sim.newState();
        sim.run(Timeline.NONE, 1, s, Recorder.NONE);
        double perLink = (double) s.bytes() / (c.linkCount() + c.alternateCount());
        System.out.printf("run state: %,d bytes = %.1f bytes per link (links have lead times of 1-8 periods)%n", s.bytes(), perLink);
        assertThat(perLink).isLessThan(100);
    }

    /**
     * The compiled arrays stay near what they were measured at (52 bytes a link on the synthetic
     * networks, 69 on dense tables with --footprint; 67 and 81 before the compiled network dropped
     * its id map, its link order map and, where no link has one, its standing-markup array): a map
     * or a per-link array added by mistake shows here.
     */
    @Test
    void compiledBytesPerLink() {
        CompiledNetwork synthetic = CompiledNetwork.of(SyntheticNetworks.generate(20_000, 200_000, 3), Step.WEEK);
        CompiledNetwork dense = CompiledNetwork.of(org.chokepoint.TestNetworks.dense(10, 20, 0.5, 90, 1, 3), Step.DAY);
        double s = (double) org.chokepoint.Footprints.arrayBytes(synthetic) / synthetic.allLinkCount();
        double d = (double) org.chokepoint.Footprints.arrayBytes(dense) / dense.allLinkCount();
        System.out.printf("compiled arrays: %.1f bytes per link (synthetic), %.1f (dense table)%n", s, d);
        assertThat(s).isLessThan(56);
        assertThat(d).isLessThan(73);
    }
}
