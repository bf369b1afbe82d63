package org.chokepoint.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdIndexTest {

    /**
     * Finds what a map filled in list order finds, for ids present and absent, with repeated ids
     * and ids of equal hash codes ("Aa" and "BB" hash alike, and so do their concatenations).
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void findsWhatAMapFilledInOrderFinds(long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        String[] parts = {"Aa", "BB", "x", "y1"};
        for (int size : new int[] {0, 1, 2, 3, 7, 64, 1000}) {
            List<String[]> elements = new ArrayList<>();
            Map<String, String[]> expected = new HashMap<>();
            for (int i = 0; i < size; i++) {
                StringBuilder id = new StringBuilder();
                for (int k = rng.nextInt(4); k >= 0; k--) {
                    id.append(parts[rng.nextInt(parts.length)]);
                }
                String[] e = {id.toString(), "element " + i};
                elements.add(e);
                expected.put(e[0], e);
            }
            IdIndex<String[]> index = new IdIndex<>(elements, e -> e[0]);
            List<String> probes = new ArrayList<>(expected.keySet());
            for (int k = 0; k < 50; k++) {
                probes.add(parts[rng.nextInt(parts.length)] + parts[rng.nextInt(parts.length)] + "?" + k);
            }
            probes.add("");
            for (String p : probes) {
                assertThat(index.get(p)).as("seed %d, %d elements, id %s", seed, size, p).isSameAs(expected.get(p));
                assertThat(index.contains(p)).isEqualTo(expected.containsKey(p));
            }
            assertThat(index.get(null)).isNull();
            assertThat(index.get(42)).isNull();
        }
    }
}
