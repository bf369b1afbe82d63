package org.chokepoint.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NamesTest {

    @Test
    void nearestFindsTyposButNotStrangers() {
        List<String> keys = List.of("capacity", "firm", "lead-time", "makes", "recipe");
        assertThat(Names.nearest("capacty", keys)).isEqualTo("capacity");
        assertThat(Names.nearest("leadtime", keys)).isEqualTo("lead-time");
        assertThat(Names.nearest("Firm", keys)).isEqualTo("firm");
        assertThat(Names.nearest("colour", keys)).isNull();
        assertThat(Names.didYouMean("reciep", keys)).isEqualTo(" Did you mean 'recipe'?");
        assertThat(Names.didYouMean("zzzzzz", keys)).isEmpty();
    }

    @Test
    void distanceIsLevenshtein() {
        assertThat(Names.distance("kitten", "sitting", 10)).isEqualTo(3);
        assertThat(Names.distance("", "abc", 10)).isEqualTo(3);
        assertThat(Names.distance("same", "same", 10)).isZero();
        assertThat(Names.distance("abcdef", "uvwxyz", 2)).as("gives up past the limit").isEqualTo(3);
    }

    @Test
    void longListsAreCut() {
        assertThat(Names.list(List.of("a", "b", "c"), 5)).isEqualTo("a, b, c");
        assertThat(Names.list(List.of("a", "b", "c", "d"), 2)).isEqualTo("a, b, … (4 in all)");
    }
}
