package org.chokepoint.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.chokepoint.model.Demand;
import org.chokepoint.model.Network;
import org.chokepoint.model.Site;
import org.chokepoint.model.SupplyLink;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SyntheticNetworksTest {

    @ParameterizedTest(name = "{0} sites, {1} links, seed {2}")
    @CsvSource({"20, 60, 1", "100, 1000, 2", "500, 5000, 3", "1000, 10000, 4"})
    void makesTheRequestedSizeAndAValidNetwork(int sites, int links, long seed) {
        Network n = SyntheticNetworks.generate(sites, links, seed);
        assertThat(n.sites()).hasSize(sites);
        assertThat(n.links()).as("seed %d", seed).hasSize(links);
        assertThat(n.demand()).isNotEmpty();
        assertThat(n.alternates()).isNotEmpty();
    }

    @ParameterizedTest(name = "seed {0}")
    @CsvSource({"1", "2", "3", "4", "5", "6", "7", "8"})
    void sameSeedSameNetworkOtherSeedOtherNetwork(long seed) {
        Network a = SyntheticNetworks.generate(150, 900, seed);
        Network b = SyntheticNetworks.generate(150, 900, seed);
        Network c = SyntheticNetworks.generate(150, 900, seed + 100);
        assertThat(b.links()).as("seed %d", seed).isEqualTo(a.links());
        assertThat(b.sites()).isEqualTo(a.sites());
        assertThat(c.links()).isNotEqualTo(a.links());
    }

    @ParameterizedTest(name = "seed {0}")
    @CsvSource({"11", "12", "13", "14", "15"})
    void capacityCoversWhatFinalDemandNeedsThroughRecipesAndShares(long seed) {
        // The generator promises headroom: walk demand down the network (customers before their
        // suppliers: higher tiers have higher site numbers) and compare with capacity.
        Network n = SyntheticNetworks.generate(300, 2400, seed);
        Map<String, Double> need = new HashMap<>();
        for (Demand d : n.demand()) {
            need.merge(d.site(), d.quantity(), Double::sum);
        }
        var links = n.links();
        for (int i = links.size() - 1; i >= 0; i--) {
            SupplyLink l = links.get(i);
            double customerNeed = need.getOrDefault(l.to(), 0.0);
            need.merge(l.from(), customerNeed * n.site(l.to()).recipe().get(l.item()) * l.share(), Double::sum);
        }
        for (Site s : n.sites()) {
            double x = need.getOrDefault(s.id(), 0.0);
            assertThat(s.capacity()).as("seed %d site %s", seed, s.id()).isGreaterThanOrEqualTo(1.5 * x - 1e-6);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @CsvSource({"21", "22", "23"})
    void sharesOfEachCustomersInputAddUpToOne(long seed) {
        Network n = SyntheticNetworks.generate(200, 1500, seed);
        Map<String, Double> sums = new HashMap<>();
        for (SupplyLink l : n.links()) {
            sums.merge(l.to() + "/" + l.item(), l.share(), Double::sum);
        }
        assertThat(sums.values()).as("seed %d", seed).allSatisfy(s -> assertThat(s).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9)));
    }
}
