package org.chokepoint.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RecordsTest {

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.5})
    void quantitiesMustBeFiniteAndNotNegative(double bad) {
        assertThatThrownBy(() -> Item.of("a", bad)).isInstanceOf(FieldException.class)
                .satisfies(e -> assertThat(((FieldException) e).field()).isEqualTo("value"));
        assertThatThrownBy(() -> Site.of("s", "f", "a", bad, Map.of())).isInstanceOf(FieldException.class);
        assertThatThrownBy(() -> Demand.of("a", "CN", "s", bad)).isInstanceOf(FieldException.class);
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.01, 1.01, Double.NaN})
    void sharesAreFractions(double bad) {
        assertThatThrownBy(() -> SupplyLink.of("a", "b", "x", bad, Duration.ZERO))
                .isInstanceOf(FieldException.class).hasMessageStartingWith("share: ");
    }

    @Test
    void shareGivenAsPercentGetsAHint() {
        assertThatThrownBy(() -> SupplyLink.of("a", "b", "x", 60, Duration.ZERO))
                .hasMessageContaining("Maybe 0.6 for 60%.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"EAR99", "3A090", "3A090.a", "4A090.a", "5A992.c", "3A001.a.1", "0A501"})
    void validClassifications(String eccn) {
        assertThat(Item.of("a", 1).withEccn(eccn).eccn()).isEqualTo(eccn);
    }

    @ParameterizedTest
    @ValueSource(strings = {"3A09", "3F090", "EAR-99", "ear99", "3a090", "3A090."})
    void invalidClassifications(String eccn) {
        assertThatThrownBy(() -> Item.of("a", 1).withEccn(eccn)).isInstanceOf(FieldException.class)
                .hasMessageContaining("is not an export classification");
    }

    @Test
    void itemDefaults() {
        Item i = Item.of("chip", 10);
        assertThat(i.name()).isEqualTo("chip");
        assertThat(i.eccn()).isEqualTo("EAR99");
        assertThat(i.category()).isEqualTo(Item.Category.COMPONENT);
        assertThat(i.tpp()).isEqualTo(OptionalDouble.empty());
    }

    @Test
    void stockTargetsMustNameRecipeInputs() {
        assertThatThrownBy(() -> Site.of("s", "f", "a", 1, Map.of("b", 1.0)).withStock(Map.of("c", Duration.weeks(2))))
                .isInstanceOf(FieldException.class).hasMessageContaining("'c' is not an input of this site");
    }

    @Test
    void idsMustBeSimple() {
        assertThatThrownBy(() -> Item.of("two words", 1)).hasMessageContaining("is not a valid id");
        assertThatThrownBy(() -> Item.of("", 1)).hasMessageContaining("must not be empty");
        assertThat(Item.of("gpu-h100.sxm_5", 1).id()).isEqualTo("gpu-h100.sxm_5");
    }

    @Test
    void durationsConvertByStep() {
        assertThat(Duration.weeks(12).inPeriods(Step.WEEK)).isEqualTo(12.0);
        assertThat(Duration.weeks(2).inPeriods(Step.DAY)).isEqualTo(14.0);
        assertThat(Duration.days(30).inPeriods(Step.WEEK)).isEqualTo(30.0 / 7);
        assertThat(Duration.days(30).inPeriods(Step.DAY)).isEqualTo(30.0);
        assertThat(Duration.periods(4).inPeriods(Step.DAY)).isEqualTo(4.0);
        assertThat(Duration.weeks(12)).hasToString("12w");
        assertThat(Duration.days(1.5)).hasToString("1.5d");
        assertThat(Duration.periods(4)).hasToString("4");
    }

    @Test
    void measureDatesAreOrdered() {
        java.time.LocalDate d = java.time.LocalDate.of(2025, 3, 25);
        Measure.checkDates(null, d, null);
        Measure.checkDates(d, d, d.plusDays(1));
        assertThatThrownBy(() -> Measure.checkDates(d.plusDays(1), d, null)).hasMessageContaining("is before the announcement");
        assertThatThrownBy(() -> Measure.checkDates(null, d, d)).hasMessageContaining("is not after the effective date");
    }

    @Test
    void scenarioSpan() {
        Scenario s = new Scenario("s", null, null, org.chokepoint.TestNetworks.diamond(), "inline",
                java.time.LocalDate.of(2025, 1, 6), Step.WEEK, 104, 1, null, null, null, null, null);
        assertThat(s.title()).isEqualTo("s");
        assertThat(s.dateOf(1)).isEqualTo("2025-01-13");
        assertThat(s.end()).isEqualTo("2027-01-04");
    }

    @Test
    void numbersAreFormattedAsPeopleWriteThem() {
        assertThat(Checks.fmt(25.0)).isEqualTo("25");
        assertThat(Checks.fmt(0.25)).isEqualTo("0.25");
        assertThat(Checks.fmt(-3)).isEqualTo("-3");
        assertThat(Checks.fmt(1e-7)).isEqualTo("0.0000001");
    }

    /** A compact map reads like the linked map it copies: same order, same lookups, equal both ways. */
    @org.junit.jupiter.params.ParameterizedTest(name = "seed {0}")
    @org.junit.jupiter.params.provider.ValueSource(longs = {1, 2, 3})
    void compactMapsKeepOrderAndLookups(long seed) {
        java.util.Random rng = new java.util.Random(seed);
        java.util.Map<String, Double> linked = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 1 + rng.nextInt(300); i++) {
            linked.put("k" + rng.nextInt(1000), rng.nextDouble());
        }
        java.util.Map<String, Double> compact = CompactMap.of(linked);
        assertThat(compact).as("seed %d", seed).isEqualTo(linked).hasSameHashCodeAs(linked);
        assertThat(linked).isEqualTo(compact);
        assertThat(new java.util.ArrayList<>(compact.keySet())).containsExactlyElementsOf(linked.keySet());
        for (int i = 0; i < 1000; i++) {
            String k = "k" + i;
            assertThat(compact.get(k)).as("seed %d key %s", seed, k).isEqualTo(linked.get(k));
            assertThat(compact.containsKey(k)).isEqualTo(linked.containsKey(k));
        }
        assertThat(compact.get(42)).isNull();
        assertThat(CompactMap.of(compact)).isSameAs(compact);
    }
}
