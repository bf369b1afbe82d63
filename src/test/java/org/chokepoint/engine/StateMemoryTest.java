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
}
