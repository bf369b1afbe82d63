package org.chokepoint.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LinkTableTest {

    /** Random links, a markup on about one in {@code markupEvery} (none when 0). */
    private static List<SupplyLink> randomLinks(UniformRandomProvider rng, int n, int markupEvery) {
        Duration[] leads = {Duration.ZERO, Duration.periods(1), Duration.periods(2.5)};
        List<SupplyLink> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double markup = markupEvery > 0 && rng.nextInt(markupEvery) == 0 ? rng.nextDouble() : 0;
            out.add(new SupplyLink("s" + rng.nextInt(50), "s" + rng.nextInt(50), rng.nextBoolean() ? null : "g" + rng.nextInt(9),
                    rng.nextDouble(), leads[rng.nextInt(leads.length)], markup));
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4})
    void rowsReadBackAsTheyWereAddedAndSet(long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        // Every kind of table: no markup at all, a first markup late (after growing), markups often.
        for (int markupEvery : new int[] {0, 500, 3}) {
            List<SupplyLink> expected = new ArrayList<>();
            LinkTable table = new LinkTable(1);
            for (SupplyLink l : randomLinks(rng, 300, markupEvery)) {
                expected.add(l);
                table.add(l);
            }
            List<SupplyLink> batch = randomLinks(rng, 200, markupEvery);
            expected.addAll(batch);
            table.addAll(batch);
            for (int k = 0; k < 100; k++) {
                int i = rng.nextInt(expected.size());
                SupplyLink l = randomLinks(rng, 1, markupEvery == 0 ? 0 : 2).get(0);
                assertThat(table.set(i, l)).as("seed %d: old row %d", seed, i).isEqualTo(expected.set(i, l));
            }
            assertThat(table).as("seed %d, markup every %d", seed, markupEvery).containsExactlyElementsOf(expected);
            for (int i = 0; i < expected.size(); i++) {
                SupplyLink l = expected.get(i);
                assertThat(List.of(table.from(i), table.to(i), String.valueOf(table.item(i)), table.share(i), table.lead(i), table.markup(i)))
                        .as("seed %d, row %d", seed, i)
                        .isEqualTo(List.of(l.from(), l.to(), String.valueOf(l.item()), l.share(), l.leadTime(), l.markup()));
            }
            // Rows added field by field and items set in place read back as records would.
            LinkTable copy = new LinkTable(2);
            for (int i = 0; i < expected.size(); i++) {
                SupplyLink l = expected.get(i);
                copy.add(l.from(), l.to(), null, l.share(), l.leadTime(), l.markup());
                copy.item(i, "g" + i);
            }
            for (int i = 0; i < expected.size(); i++) {
                assertThat(copy.get(i)).as("seed %d, row %d", seed, i).isEqualTo(expected.get(i).withItem("g" + i));
            }
            assertThat(table).isEqualTo(expected);
            assertThat(table.hashCode()).isEqualTo(expected.hashCode());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 2, 3})
    void rowsOutsideTheTableAreRefused(int i) {
        LinkTable table = new LinkTable(8);
        table.add(SupplyLink.of("a", "b", null, 1, Duration.ZERO));
        table.add(SupplyLink.of("b", "c", null, 1, Duration.ZERO));
        assertThatThrownBy(() -> table.get(i)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> table.set(i, table.get(0))).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
