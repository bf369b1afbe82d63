package org.chokepoint.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.assertj.core.data.Offset;
import org.chokepoint.engine.CompiledNetwork;
import org.chokepoint.engine.Parameters;
import org.chokepoint.engine.SeriesRecorder;
import org.chokepoint.engine.Simulation;
import org.chokepoint.engine.Timeline;
import org.chokepoint.model.Demand;
import org.chokepoint.model.Duration;
import org.chokepoint.model.Firm;
import org.chokepoint.model.Item;
import org.chokepoint.model.NetworkBuilder;
import org.chokepoint.model.Site;
import org.chokepoint.model.Step;
import org.chokepoint.model.SupplyLink;
import org.junit.jupiter.api.Test;

class RunSummaryTest {

    /** The blocked chain of HandWorkedTest: short 100 a week from week 20 of 30. */
    @Test
    void blockedChainFigures() {
        var n = new NetworkBuilder()
                .item(Item.of("part", 10)).item(Item.of("product", 50))
                .firm(Firm.of("maker", "US")).firm(Firm.of("supplier", "TW"))
                .site(Site.of("s", "supplier", "part", 1000, Map.of()))
                .site(Site.of("c", "maker", "product", 1000, Map.of("part", 1.0)).withStock(Map.of("part", Duration.weeks(6))))
                .link(SupplyLink.of("s", "c", "part", 1, Duration.weeks(4)))
                .demand(Demand.of("product", "US", "c", 100))
                .build();
        CompiledNetwork c = CompiledNetwork.of(n, Step.WEEK);
        Simulation sim = new Simulation(c, Parameters.DEFAULT);
        SeriesRecorder r = new SeriesRecorder();
        sim.run(Timeline.builder(c).block(c.link("s", "c", "part"), 10, 52).build(), 30, sim.newState(), r);
        RunSummary s = RunSummary.of(c, r);

        RunSummary.DemandRow d = s.demand().get(0);
        assertThat(d.demanded()).isEqualTo(3000);
        assertThat(d.shortfall()).isCloseTo(1000, Offset.offset(1e-9));
        assertThat(d.shortfallValue()).isCloseTo(1000 * 50, Offset.offset(1e-6));
        assertThat(d.fillRate()).isCloseTo(2.0 / 3, Offset.offset(1e-12));
        assertThat(d.firstShort()).isEqualTo(20);
        assertThat(d.worst()).isEqualTo(20);
        assertThat(s.totalShortfallValue()).isCloseTo(50_000, Offset.offset(1e-6));

        RunSummary.SiteRow supplier = s.sites().stream().filter(x -> x.site().equals("s")).findFirst().orElseThrow();
        assertThat(supplier.firstBelow()).isEqualTo(10);
        assertThat(supplier.minOutputRatio()).isZero();
        // The supplier sells 100 parts at 10 a week for 10 weeks; the maker 100 products at 50 for 20.
        assertThat(s.firms()).extracting(RunSummary.FirmRow::firm).containsExactly("maker", "supplier");
        assertThat(s.firms().get(1).revenue()).isCloseTo(10 * 100 * 10, Offset.offset(1e-6));
        assertThat(s.firms().get(0).revenue()).isCloseTo(20 * 100 * 50, Offset.offset(1e-6));
    }
}
