package org.chokepoint.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The JSON Schemas that editors use agree with the readers: every sample passes, bad files that
 * a schema can recognise fail, and the schemas list exactly the keys the readers accept.
 */
class SchemaTest {

    static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);
    static final Schema SCENARIO = REGISTRY.getSchema(SchemaLocation.of("classpath:schema/scenario.schema.json"));
    static final Schema NETWORK = REGISTRY.getSchema(SchemaLocation.of("classpath:schema/network.schema.json"));
    static final Schema SWEEP = REGISTRY.getSchema(SchemaLocation.of("classpath:schema/sweep.schema.json"));

    @Test
    void sweepSamplesPassTheirSchemaAndItListsTheReadersKeys() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("scenarios", "sweeps"))) {
            for (Path f : s.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                assertThat(SWEEP.validate(Files.readString(f), InputFormat.YAML)).as("%s", f).isEmpty();
            }
        }
        assertThat(SWEEP.validate("sweep: s\nscenario: x.yaml\ndesign: lhs\nparameters: [{path: a, valuez: [1]}]\n", InputFormat.YAML))
                .as("an unknown design and key").hasSizeGreaterThanOrEqualTo(2);
        JsonNode sweep = json("schema/sweep.schema.json");
        assertThat(keys(sweep.get("properties"))).isEqualTo(new TreeSet<>(SweepReader.KEYS));
        assertThat(keys(sweep.at("/properties/parameters/items/properties"))).isEqualTo(new TreeSet<>(SweepReader.PARAMETER_KEYS));
    }

    static Stream<Path> samples() throws IOException {
        try (Stream<Path> s = Files.walk(Path.of("scenarios"))) {
            // Sweep files have a format of their own, checked by SweepReader in CliTest.
            return s.filter(p -> p.toString().endsWith(".yaml") && !p.startsWith(Path.of("scenarios", "sweeps")))
                    .sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everySamplePasses(Path file) throws IOException {
        String text = Files.readString(file);
        boolean scenario = ScenarioReader.readAny(file).scenario() != null;
        List<Error> errors = (scenario ? SCENARIO : NETWORK).validate(text, InputFormat.YAML);
        assertThat(errors).as("%s", file).isEmpty();
    }

    @Test
    void validTestNetworksPass() throws IOException {
        assertThat(NETWORK.validate(Files.readString(Path.of("src/test/resources/valid/tiny-network.yaml")), InputFormat.YAML)).isEmpty();
    }

    @ParameterizedTest(name = "{0}: schema says {1}")
    @CsvSource({
        "unknown-key.yaml, rejects",
        "wrong-type.yaml, rejects",
        "missing-key.yaml, rejects",
        "bad-numbers.yaml, rejects",
        "shares.yaml, rejects",
        "bad-duration.yaml, rejects",
        "bad-country.yaml, rejects",
        "bad-scenario.yaml, rejects",
        "bad-measures.yaml, rejects",
        "bad-uncertainty.yaml, rejects",
        // rules across elements or files, which only the readers check:
        "duplicate-id.yaml, accepts",
        "unknown-reference.yaml, accepts",
        "unsupplied-input.yaml, accepts",
        "zero-lead-cycle.yaml, accepts",
        "scenario-missing-network.yaml, accepts",
        "scenario-network-errors.yaml, accepts",
    })
    void invalidFilesThatASchemaCanSee(String name, String verdict) throws IOException {
        Path file = InvalidFilesTest.DIR.resolve(name);
        String text = Files.readString(file);
        Schema schema = text.startsWith("scenario:") ? SCENARIO : NETWORK;
        List<Error> errors;
        try {
            errors = schema.validate(text, InputFormat.YAML);
        } catch (java.io.UncheckedIOException e) {
            errors = null; // the validator cannot even parse it (e.g. YAML's .nan): rejected too
        }
        if (verdict.equals("rejects")) {
            assertThat(errors == null || !errors.isEmpty()).as("%s is rejected", name).isTrue();
        } else {
            assertThat(errors).as("%s", name).isEmpty();
        }
    }

    @Test
    void schemasListExactlyTheKeysTheReadersAccept() throws IOException {
        JsonNode network = json("schema/network.schema.json");
        assertThat(keys(network.get("properties"))).isEqualTo(new TreeSet<>(NetworkReader.TOP));
        JsonNode defs = network.get("definitions");
        assertThat(keys(defs.at("/item/properties"))).isEqualTo(new TreeSet<>(Elements.ITEM));
        assertThat(keys(defs.at("/firm/properties"))).isEqualTo(new TreeSet<>(Elements.FIRM));
        assertThat(keys(defs.at("/site/properties"))).isEqualTo(new TreeSet<>(Elements.SITE));
        assertThat(keys(defs.at("/link/properties"))).isEqualTo(new TreeSet<>(Elements.LINK));
        assertThat(keys(defs.at("/alternate/properties"))).isEqualTo(new TreeSet<>(Elements.ALTERNATE));
        assertThat(keys(defs.at("/demand/properties"))).isEqualTo(new TreeSet<>(Elements.DEMAND));
        JsonNode scenario = json("schema/scenario.schema.json");
        assertThat(keys(scenario.get("properties"))).isEqualTo(new TreeSet<>(ScenarioReader.KEYS));
        assertThat(keys(scenario.at("/properties/behaviour/properties"))).isEqualTo(new TreeSet<>(ScenarioReader.BEHAVIOUR_KEYS));
        assertThat(keys(scenario.at("/properties/observed/items/properties"))).isEqualTo(new TreeSet<>(ObservedReader.KEYS));
        assertThat(keys(scenario.at("/properties/behaviour/properties/prices/oneOf/1/properties")))
                .isEqualTo(new TreeSet<>(ScenarioReader.PRICE_KEYS));
        Set<String> measureKeys = new TreeSet<>(MeasureReader.HEADER);
        MeasureReader.KEYS.values().forEach(measureKeys::addAll);
        assertThat(keys(scenario.at("/definitions/measure/properties"))).isEqualTo(measureKeys);
        assertThat(keys(scenario.at("/definitions/license/properties"))).isEqualTo(new TreeSet<>(MeasureReader.LICENSE));
        List<String> types = new ArrayList<>();
        scenario.at("/definitions/measure/properties/type/enum").forEach(t -> types.add(t.asText()));
        assertThat(types).containsExactlyElementsOf(org.chokepoint.model.Measure.TYPES);
    }

    private static JsonNode json(String resource) throws IOException {
        try (InputStream in = SchemaTest.class.getClassLoader().getResourceAsStream(resource)) {
            return new ObjectMapper().readTree(in);
        }
    }

    private static Set<String> keys(JsonNode object) {
        Set<String> out = new TreeSet<>();
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            out.add(it.next());
        }
        return out;
    }
}
