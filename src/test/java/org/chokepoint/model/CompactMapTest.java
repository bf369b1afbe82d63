package org.chokepoint.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CompactMapTest {

    /**
     * Maps of every shape the compact form distinguishes (numbers or other values; a few keys,
     * searched by a scan, or many; keys given in order or not) read exactly like the map they copy.
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void readsLikeTheMapItCopies(long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        for (int size : new int[] {0, 1, 3, 8, 9, 40}) {
            for (boolean numbers : new boolean[] {true, false}) {
                for (boolean inOrder : new boolean[] {true, false}) {
                    List<String> keys = new ArrayList<>();
                    for (int i = 0; i < size; i++) {
                        keys.add(String.format("g%03d", i * 2));
                    }
                    if (!inOrder) {
                        java.util.Collections.shuffle(keys, new java.util.Random(seed));
                    }
                    Map<String, Object> expected = new LinkedHashMap<>();
                    for (String k : keys) {
                        expected.put(k, numbers ? (Object) (rng.nextDouble() - 0.5) : Duration.periods(rng.nextInt(9)));
                    }
                    Map<String, Object> compact = CompactMap.of(expected);
                    String what = String.format("seed %d, %d keys, numbers %s, in order %s", seed, size, numbers, inOrder);
                    assertThat(compact).as(what).isEqualTo(expected);
                    assertThat(compact.hashCode()).as(what).isEqualTo(expected.hashCode());
                    assertThat(new ArrayList<>(compact.keySet())).as(what).isEqualTo(new ArrayList<>(expected.keySet()));
                    assertThat(new ArrayList<>(compact.entrySet())).as(what).isEqualTo(new ArrayList<>(expected.entrySet()));
                    List<Object> seen = new ArrayList<>();
                    compact.forEach((k, v) -> seen.add(k + "=" + v));
                    List<Object> want = new ArrayList<>();
                    expected.forEach((k, v) -> want.add(k + "=" + v));
                    assertThat(seen).as(what).isEqualTo(want);
                    for (int i = -1; i <= 2 * size; i++) {
                        // Present keys (even numbers) and absent ones between and around them.
                        String k = String.format("g%03d", Math.max(0, i));
                        String absent = k + "x";
                        assertThat(compact.get(k)).as(what + ", " + k).isEqualTo(expected.get(k));
                        assertThat(compact.containsKey(k)).as(what + ", " + k).isEqualTo(expected.containsKey(k));
                        assertThat(compact.keySet().contains(k)).as(what + ", " + k).isEqualTo(expected.containsKey(k));
                        assertThat(compact.containsKey(absent)).as(what + ", " + absent).isFalse();
                    }
                    assertThat(compact.get(42)).isNull();
                }
            }
        }
    }

    /** A copy made like another map reads as its own map, whether the keys match (and are shared) or not. */
    @ParameterizedTest
    @ValueSource(ints = {2, 12})
    void aCopyLikeAnotherMapReadsAsItself(int size) {
        Map<String, Double> recipe = new LinkedHashMap<>();
        Map<String, Object> same = new LinkedHashMap<>();
        Map<String, Object> reversed = new LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
            recipe.put("k" + (size - i), (double) i + 1);
        }
        List<String> keys = new ArrayList<>(recipe.keySet());
        for (String k : keys) {
            same.put(k, Duration.periods(k.length()));
        }
        for (int i = keys.size() - 1; i >= 0; i--) {
            reversed.put(keys.get(i), Duration.periods(i));
        }
        Map<String, Double> compactRecipe = CompactMap.of(recipe);
        for (Map<String, Object> m : List.of(same, reversed, Map.<String, Object>of())) {
            Map<String, Object> copy = CompactMap.of(m, compactRecipe);
            assertThat(copy).isEqualTo(m);
            assertThat(new ArrayList<>(copy.entrySet())).isEqualTo(new ArrayList<>(m.entrySet()));
            for (String k : keys) {
                assertThat(copy.get(k)).as("%d keys, %s", size, k).isEqualTo(m.get(k));
            }
        }
        assertThat(compactRecipe).isEqualTo(recipe);
    }
}
