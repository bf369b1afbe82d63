package org.chokepoint.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.chokepoint.model.Duration;
import org.chokepoint.model.InvalidInputException;
import org.chokepoint.model.Measure;
import org.chokepoint.policy.EntityListing;
import org.chokepoint.policy.LicensePolicy;
import org.chokepoint.policy.Tariff;
import org.chokepoint.model.Note;
import org.chokepoint.model.Scenario;
import org.chokepoint.model.Step;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioReaderTest {

    @TempDir
    Path dir;

    @Test
    void sampleScenarioLoadsWithItsNetworkAndMeasures() {
        Scenario s = ScenarioReader.read(Path.of("scenarios/inspur-entity-list-2025.yaml"));
        assertThat(s.id()).isEqualTo("inspur-entity-list-2025");
        assertThat(s.start()).isEqualTo(LocalDate.of(2024, 1, 1));
        assertThat(s.step()).isEqualTo(Step.WEEK);
        assertThat(s.periods()).isEqualTo(104);
        assertThat(s.seed()).isEqualTo(20250325L);
        assertThat(s.networkSource()).isEqualTo("networks/inspur-servers-2025.yaml");
        assertThat(s.network().site("inspur-ai-line").stock()).containsEntry("gpu-hopper", Duration.weeks(6));
        assertThat(s.measures()).extracting(Measure::id).containsExactly("us-advanced-computing", "bis-2023-inspur-group",
                "bis-2025-inspur");
        EntityListing m = (EntityListing) s.measures().get(2);
        assertThat(m.firms()).hasSize(6).contains("inspur-taiwan");
        assertThat(m.effective()).isEqualTo(LocalDate.of(2025, 3, 25));
        assertThat(m.fdp()).containsExactly("footnote-4");
        assertThat(m.eccns()).as("all items subject to the EAR").isEmpty();
        assertThat(m.affiliates()).isEqualTo(EntityListing.Affiliates.LISTED_ONLY);
        assertThat(m.license().kind()).isEqualTo(LicensePolicy.Kind.PRESUMPTION_OF_DENIAL);
        assertThat(s.sources()).isNotEmpty();
        assertThat(s.assumptions()).isNotEmpty();
        assertThat(s.network().notes()).anySatisfy(n -> {
            assertThat(n.element()).isEqualTo("items/gpu-hopper");
            assertThat(n.kind()).isEqualTo(Note.Kind.SOURCE);
        });
    }

    @Test
    void inlineNetworkAndJsonScenario() throws IOException {
        Path f = Files.writeString(dir.resolve("s.json"), """
                {"scenario": "inline", "start": "2025-01-01", "step": "day", "periods": 30,
                 "network": {
                   "items": [{"id": "a", "value": 1}, {"id": "b", "value": 3}],
                   "firms": [{"id": "f", "country": "DE"}],
                   "sites": [{"id": "sa", "firm": "f", "makes": "a", "capacity": 5},
                             {"id": "sb", "firm": "f", "makes": "b", "capacity": 5, "recipe": {"a": 2}, "stock": {"a": "2w"}}],
                   "links": [{"from": "sa", "to": "sb", "lead-time": "3d"}],
                   "demand": [{"item": "b", "market": "FR", "site": "sb", "quantity": 1}]}}
                """);
        Scenario s = ScenarioReader.read(f);
        assertThat(s.networkSource()).isEqualTo("inline");
        assertThat(s.seed()).as("seed defaults to 0").isZero();
        assertThat(s.network().links().get(0).leadTime().inPeriods(s.step())).isEqualTo(3.0);
        assertThat(s.network().site("sb").stock().get("a").inPeriods(s.step())).isEqualTo(14.0);
        assertThat(s.end()).isEqualTo(LocalDate.of(2025, 1, 31));
    }

    @Test
    void inlineNetworkProblemsHaveNetworkPaths() throws IOException {
        Path f = Files.writeString(dir.resolve("s.yaml"), """
                scenario: inline
                start: 2025-01-01
                step: week
                periods: 3
                network:
                  items: [{id: a, value: 1}]
                  firms: [{id: f, country: DE}]
                  sites: [{id: sa, firm: f, makes: a, capacity: x}]
                """);
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> ScenarioReader.read(f));
        assertThat(e.problems()).extracting(InvalidFilesTest::render)
                .containsExactly("s.yaml 8:49 network.sites[0].capacity: expected a number, got text 'x'");
    }

    @Test
    void missingScenarioKeysAreListed() throws IOException {
        Path f = Files.writeString(dir.resolve("s.yaml"), "scenario: bare\n");
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> ScenarioReader.read(f));
        assertThat(e.problems()).extracting(p -> p.path() + ": " + p.message()).containsExactly(
                "network: missing required key 'network'",
                "periods: missing required key 'periods'",
                "start: missing required key 'start'",
                "step: missing required key 'step'");
    }

    @Test
    void problemsInScenarioAndNetworkAreReportedTogether() throws IOException {
        Files.writeString(dir.resolve("net.yaml"), "items: [{id: a, value: -1}]\n");
        Path f = Files.writeString(dir.resolve("s.yaml"), "scenario: both\nstart: 2025-13-01\nstep: week\nperiods: 1\nnetwork: net.yaml\n");
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> ScenarioReader.read(f));
        assertThat(e.problems()).extracting(InvalidFilesTest::render).containsExactly(
                "net.yaml 1:24 items[0].value: must not be negative (-1)",
                "s.yaml 2:8 start: '2025-13-01' is not a valid date");
    }

    @Test
    void readAnyTellsScenariosFromNetworks() {
        assertThat(ScenarioReader.readAny(Path.of("scenarios/inspur-entity-list-2025.yaml")).scenario()).isNotNull();
        ScenarioReader.Loaded net = ScenarioReader.readAny(Path.of("scenarios/networks/inspur-servers-2025.yaml"));
        assertThat(net.scenario()).isNull();
        assertThat(net.network().sites()).isNotEmpty();
    }

    @Test
    void fdpFootnotesNameTheLawsRules() throws IOException {
        Path f = Files.writeString(dir.resolve("s.yaml"), """
                scenario: fn
                start: 2020-05-04
                step: week
                periods: 4
                network: %s
                measures:
                  - {id: huawei, type: entity-listing, authority: US, effective: 2020-08-17, firms: [inspur-group], fdp: footnote-1}
                """.formatted(Path.of("scenarios/networks/inspur-servers-2025.yaml").toAbsolutePath()));
        var scenario = ScenarioReader.read(f);
        EntityListing m = (EntityListing) scenario.measures().get(0);
        // The footnote stays a name: the rule's scope and facts are dated law data, looked up on each day.
        assertThat(m.fdp()).containsExactly("footnote-1");
        var rule = scenario.law().fdpRules().get("footnote-1");
        assertThat(rule.paragraph()).startsWith("15 CFR 734.9(e)(1)");
        assertThat(rule.versions().at(java.time.LocalDate.of(2020, 6, 1)).value().facts()).containsExactly("listed-party-design-us-tools");
        assertThat(rule.versions().at(java.time.LocalDate.of(2020, 8, 17)).value().facts())
                .contains("us-technology", "us-semiconductor-equipment");
    }

    /** A scenario's law: a file of its own and tables inline, each entry adding to or replacing the shipped one. */
    @Test
    void aScenarioAddsAndReplacesLawEntries() throws IOException {
        Files.writeString(dir.resolve("my-law.yaml"), """
                country-groups:
                  EU:sanctioned: {authority: DE, reference: {citation: "Council Regulation (EU) 833/2014"}, values: {2014-08-01: [RU, BY]}}
                """);
        Path f = Files.writeString(dir.resolve("s.yaml"), """
                scenario: law
                start: 2025-01-06
                step: week
                periods: 4
                network: %s
                law:
                  files: [my-law.yaml]
                  de-minimis:
                    - {name: general, reference: {citation: "a hypothetical rule"}, values: {2000-01-01: 0.25, 2025-06-01: 0.1}}
                measures:
                  - {id: c, type: country-control, authority: DE, effective: 2025-02-03, destinations: [EU:sanctioned], eccn: [3A]}
                """.formatted(Path.of("scenarios/networks/inspur-servers-2025.yaml").toAbsolutePath()));
        var law = ScenarioReader.read(f).law();
        assertThat(law.groups()).containsKeys("EU:sanctioned", "D:5", "JP:A");
        // Its law file counts among the scenario's inputs (output folders never overwrite it; sweeps fingerprint it).
        assertThat(law.files()).containsExactly(dir.resolve("my-law.yaml").toAbsolutePath().normalize().toString());
        assertThat(law.countries(java.util.List.of("EU:sanctioned"), java.time.LocalDate.of(2025, 1, 1))).containsExactly("BY", "RU");
        // The scenario's row replaced the shipped 'general' row, whatever the order of rows.
        assertThat(law.deMinimis()).filteredOn(r -> r.name().equals("general")).hasSize(1);
        assertThat(law.deMinimis("EAR99", "DE", java.time.LocalDate.of(2025, 7, 1)).threshold().value()).isEqualTo(0.1);
        // It kept its place after the E:1 row: Iran still gets 10% before June.
        assertThat(law.deMinimis("EAR99", "IR", java.time.LocalDate.of(2025, 1, 1)).threshold().value()).isEqualTo(0.1);
        assertThat(law.deMinimis("EAR99", "DE", java.time.LocalDate.of(2025, 1, 1)).threshold().value()).isEqualTo(0.25);
    }

    @Test
    void tariffMeasureIsTyped() throws IOException {
        Path f = Files.writeString(dir.resolve("s.yaml"), """
                scenario: m
                start: 2025-01-06
                step: week
                periods: 4
                network: %s
                measures:
                  - id: t
                    type: tariff
                    authority: CN
                    effective: 2025-04-10
                    ends: 2025-05-14
                    rate: 0.34
                    origins: [US]
                """.formatted(Path.of("scenarios/networks/inspur-servers-2025.yaml").toAbsolutePath()));
        Tariff m = (Tariff) ScenarioReader.read(f).measures().get(0);
        assertThat(m.announced()).isEqualTo(m.effective());
        assertThat(m.ends()).isEqualTo(LocalDate.of(2025, 5, 14));
        assertThat(m.rate()).isEqualTo(0.34);
        assertThat(m.origins()).containsExactly("US");
    }

    @Test
    void priorityListsAreReadInOrderAndReachTheParameters() throws IOException {
        Files.copy(Path.of("src/test/resources/valid/tiny-network.yaml"), dir.resolve("net.yaml"));
        Path f = Files.writeString(dir.resolve("s.yaml"), """
                scenario: ranked
                start: 2025-01-06
                step: week
                periods: 4
                network: net.yaml
                behaviour:
                  priority:
                    line: [final-demand]
                    fab: [[line]]
                """);
        Scenario s = ScenarioReader.read(f);
        assertThat(s.behaviour().priority()).containsExactly(Map.entry("line", List.of(List.of("final-demand"))),
                Map.entry("fab", List.of(List.of("line"))));
        assertThat(org.chokepoint.engine.Parameters.of(s).priority()).isEqualTo(s.behaviour().priority());
        assertThat(org.chokepoint.engine.Parameters.of(s.withUncertainty(null)).priority()).containsKey("fab");
    }

    /** Bounds of a parameter that is a length of time may carry units: 12w and 84d are both 12 weekly periods; others stay numbers. */
    @Test
    void durationsWithUnitsInUncertaintyBounds() throws java.io.IOException {
        Path f = java.nio.file.Files.writeString(dir.resolve("u.yaml"), """
                scenario: units
                start: 2025-01-06
                step: week
                periods: 10
                network: %s
                measures:
                  - {id: ban, type: export-ban, authority: CN, effective: 2025-02-03, items: [gallium], license: {policy: case-by-case}}
                uncertainty:
                  parameters:
                    - {path: sites.inspur-ai-line.stock.gpu-hopper, distribution: triangular, min: 2w, mode: 42d, max: 84d}
                    - {path: measures.ban.license.review, distribution: choice, values: [4w, 8w, 12]}
                """.formatted(Path.of("scenarios/networks/inspur-servers-2025.yaml").toAbsolutePath()));
        Scenario s = ScenarioReader.read(f);
        var stock = s.uncertainty().parameters().get(0);
        assertThat(stock.numbers()).containsEntry("min", 2.0).containsEntry("mode", 6.0).containsEntry("max", 12.0);
        assertThat(s.uncertainty().parameters().get(1).choices()).containsExactly(4.0, 8.0, 12.0);
        Path bad = java.nio.file.Files.writeString(dir.resolve("v.yaml"), java.nio.file.Files.readString(f)
                .replace("{path: measures.ban.license.review, distribution: choice, values: [4w, 8w, 12]}",
                        "{path: measures.ban.license.approval, distribution: uniform, min: 0, max: 90d}"));
        assertThatThrownBy(() -> ScenarioReader.read(bad)).isInstanceOf(org.chokepoint.model.InvalidInputException.class)
                .hasMessageContaining("max: expected a number");
    }
}
