package org.chokepoint.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.chokepoint.engine.CompiledNetwork;
import org.chokepoint.model.Demand;
import org.chokepoint.model.Duration;
import org.chokepoint.model.Firm;
import org.chokepoint.model.Item;
import org.chokepoint.model.Measure;
import org.chokepoint.model.Network;
import org.chokepoint.model.NetworkBuilder;
import org.chokepoint.model.Scenario;
import org.chokepoint.model.Site;
import org.chokepoint.model.Step;
import org.chokepoint.model.SupplyLink;
import org.junit.jupiter.api.Test;

/**
 * The rules, case by case. The network: a US fab makes a controlled part (3A001, USD 30) that a
 * Taiwanese foundry puts into a chip (3A090, USD 100) — 30% US-origin controlled content; a second
 * Taiwanese line makes a chip with no US content but with US-origin equipment; a Chinese group and
 * its subsidiary build servers from both chips and a US-made board.
 */
class PolicyEvaluatorTest {

    static final LocalDate START = LocalDate.of(2025, 1, 6);

    static NetworkBuilder network() {
        return new NetworkBuilder()
                .item(Item.of("part", 30).withEccn("3A001"))
                .item(new Item("chip", null, 100, "3A090.a", null, OptionalDouble.of(5000), OptionalDouble.empty()))
                .item(new Item("chip2", null, 100, "3A090.a", null, OptionalDouble.of(2000), OptionalDouble.of(6.0)))
                .item(Item.of("board", 50))
                .item(Item.of("server", 1000).withEccn("5A992.c"))
                .firm(Firm.of("us-chips", "US")).firm(Firm.of("foundry", "TW"))
                .firm(Firm.of("cn-group", "CN")).firm(Firm.of("cn-sub", "CN").withParent("cn-group"))
                .site(Site.of("us-fab", "us-chips", "part", 1000, Map.of()))
                .site(Site.of("us-board", "us-chips", "board", 1000, Map.of()))
                .site(Site.of("tw-line", "foundry", "chip", 1000, Map.of("part", 1.0)))
                .site(Site.of("tw-line2", "foundry", "chip2", 1000, Map.of()).withMadeWith(List.of("us-semiconductor-equipment")))
                .site(Site.of("cn-parent-line", "cn-group", "server", 100, Map.of("chip", 1.0, "chip2", 1.0, "board", 1.0)))
                .site(Site.of("cn-sub-line", "cn-sub", "server", 100, Map.of("chip", 1.0, "chip2", 1.0, "board", 1.0)))
                .link(SupplyLink.of("us-fab", "tw-line", "part", 1, Duration.weeks(1)))
                .link(SupplyLink.of("tw-line", "cn-parent-line", "chip", 1, Duration.weeks(1)))
                .link(SupplyLink.of("tw-line2", "cn-parent-line", "chip2", 1, Duration.weeks(1)))
                .link(SupplyLink.of("us-board", "cn-parent-line", "board", 1, Duration.weeks(1)))
                .link(SupplyLink.of("tw-line", "cn-sub-line", "chip", 1, Duration.weeks(1)))
                .link(SupplyLink.of("tw-line2", "cn-sub-line", "chip2", 1, Duration.weeks(1)))
                .link(SupplyLink.of("us-board", "cn-sub-line", "board", 1, Duration.weeks(1)))
                .demand(Demand.of("server", "CN", "cn-parent-line", 10))
                .demand(Demand.of("server", "CN", "cn-sub-line", 10));
    }

    static PolicyDecisions evaluate(Network n, Measure... measures) {
        return evaluate(n, List.of(), measures);
    }

    static PolicyDecisions evaluate(Network n, List<org.chokepoint.model.ControlRule> controls, Measure... measures) {
        Scenario s = new Scenario("t", null, null, n, "inline", START, Step.WEEK, 52, 1, List.of(measures), null, null, controls, null)
                .withLaw(org.chokepoint.io.LawReader.shipped());
        return PolicyEvaluator.evaluate(s, CompiledNetwork.of(n, Step.WEEK));
    }

    static MeasureHeader header(String id, String type, String authority, String effective) {
        return MeasureHeader.of(id, type, authority, LocalDate.parse(effective));
    }

    static EntityListing listing(List<String> firms, EntityListing.Affiliates affiliates, List<String> fdp) {
        return new EntityListing(header("el", "entity-listing", "US", "2025-03-03"), firms, affiliates, null, fdp,
                LicensePolicy.of(LicensePolicy.Kind.PRESUMPTION_OF_DENIAL), 1);
    }

    static Decision decision(PolicyDecisions d, String link, String measure) {
        List<Decision> found = new ArrayList<>();
        for (Decision x : d.all()) {
            if (x.linkName().equals(link) && x.measure().equals(measure)) {
                found.add(x);
            }
        }
        assertThat(found).as("decisions of %s on %s", measure, link).hasSize(1);
        return found.get(0);
    }

    @Test
    void usOriginItemToAListedFirmIsSubject() {
        Decision d = decision(evaluate(network().build(), listing(List.of("cn-group"), null, List.of())), "us-board->cn-parent-line", "el");
        assertThat(d.effect()).isEqualTo(Decision.Effect.LICENSE);
        assertThat(d.trace()).containsExactly(
                "measure el (entity-listing by US, effective 2025-03-03)",
                "customer site cn-parent-line belongs to cn-group, a listed party",
                "scope: all items subject to the EAR; board (EAR99)",
                "board is made in US (site us-board): subject to the EAR",
                "license policy presumption-of-denial: approval 0%");
        assertThat(d.from()).isEqualTo("2025-03-03");
    }

    @Test
    void foreignItemWith30PercentUsContentAgainst25PercentIsSubject() {
        Decision d = decision(evaluate(network().build(), listing(List.of("cn-group"), null, List.of())), "tw-line->cn-parent-line", "el");
        assertThat(d.effect()).isEqualTo(Decision.Effect.LICENSE);
        // 3A001 is controlled for national security; NS needs a license to China (Country Group D:1), so the part counts.
        assertThat(d.trace()).contains("controlled content toward CN: part (3A001, from us-fab: needs a license under NS"
                        + " (Supplement No. 1 to 15 CFR Part 738))",
                "chip is made in TW by tw-line; US-origin controlled content 30.0% of USD 100 (USD 30) > de minimis 25.0% for CN"
                        + " (general, 15 CFR 734.4(d); BIS de minimis guidelines): subject");
    }

    /**
     * One tier up, the chip's content is counted inside whatever contains it: a Chinese server
     * line's trace names the Taiwanese chip as carrying USD 30 of US controlled content a unit.
     */
    @Test
    void foreignInputsCountByTheirOwnContent() {
        Network n = network()
                .item(Item.of("cloud", 5000))
                .site(Site.of("tw-server", "foundry", "server", 100, Map.of("chip", 1.0)))
                .site(Site.of("cn-dc", "cn-sub", "cloud", 10, Map.of("server", 1.0)))
                .link(SupplyLink.of("tw-line", "tw-server", "chip", 1, Duration.weeks(1)))
                .link(SupplyLink.of("tw-server", "cn-dc", "server", 1, Duration.weeks(1)))
                .demand(Demand.of("cloud", "CN", "cn-dc", 1))
                .build();
        Decision d = decision(evaluate(n, listing(List.of("cn-sub"), null, List.of())), "tw-server->cn-dc", "el");
        assertThat(d.trace()).contains("controlled content toward CN: chip (made in TW by tw-line: by its own US-origin controlled"
                + " content, USD 30 a unit)");
        // USD 30 in a USD 1,000 server: 3%, under 25%.
        assertThat(d.trace()).anyMatch(s -> s.contains("US-origin controlled content 3.0% of USD 1,000 (USD 30) ≤ de minimis 25.0%"));
    }

    @Test
    void raisedThresholdLetsItThroughAndAZeroThresholdCatchesAnything() {
        DeMinimis raised = new DeMinimis(header("dm", "de-minimis", "US", "2025-01-01"), 0.35, List.of("CN"), List.of());
        Decision d = decision(evaluate(network().build(), listing(List.of("cn-group"), null, List.of()), raised), "tw-line->cn-parent-line", "el");
        assertThat(d.effect()).isEqualTo(Decision.Effect.NONE);
        assertThat(d.trace()).contains("chip is made in TW by tw-line; US-origin controlled content 30.0% of USD 100 (USD 30)"
                        + " ≤ de minimis 35.0% for CN (measure dm): not subject by content",
                "no foreign-direct-product rule applies: not subject");

        // A 0% threshold from June: not subject until then, subject after (time-versioned).
        DeMinimis zero = new DeMinimis(header("dm0", "de-minimis", "US", "2025-06-02"), 0, List.of("CN"), List.of("3A090"));
        PolicyDecisions both = evaluate(network().build(), listing(List.of("cn-group"), null, List.of()), raised, zero);
        List<Decision> chip = both.all().stream().filter(x -> x.linkName().equals("tw-line->cn-parent-line")).toList();
        assertThat(chip).extracting(Decision::effect).containsExactly(Decision.Effect.NONE, Decision.Effect.LICENSE);
        assertThat(chip.get(0).to()).isEqualTo("2025-06-02");
        assertThat(chip.get(1).from()).isEqualTo("2025-06-02");
        assertThat(chip.get(1).trace()).anyMatch(s -> s.contains("> 0; there is no de minimis level: de minimis 0.0% for CN (measure dm0): subject"));
    }

    @Test
    void aScenarioControlTableReplacesTheDefault() {
        // If the scenario says 3A001 parts need no license to China, the chip's US content is not controlled.
        var table = List.of(new org.chokepoint.model.ControlRule(List.of("3A090", "4A"), List.of("D:5")));
        Decision d = decision(evaluate(network().build(), table, listing(List.of("cn-group"), null, List.of())),
                "tw-line->cn-parent-line", "el");
        assertThat(d.effect()).isEqualTo(Decision.Effect.NONE);
        assertThat(d.trace()).anyMatch(s -> s.contains("US-origin controlled content 0.0% of USD 100 (USD 0)"));
        // And with 3A001 controlled to D:5 (China is in it), it is caught again.
        var strict = List.of(new org.chokepoint.model.ControlRule(List.of("3A"), List.of("D:5")));
        assertThat(decision(evaluate(network().build(), strict, listing(List.of("cn-group"), null, List.of())),
                "tw-line->cn-parent-line", "el").effect()).isEqualTo(Decision.Effect.LICENSE);
    }

    @Test
    void foreignDirectProductWithAndWithoutTheFootnote() {
        Decision without = decision(evaluate(network().build(), listing(List.of("cn-group"), null, List.of())),
                "tw-line2->cn-parent-line", "el");
        assertThat(without.effect()).isEqualTo(Decision.Effect.NONE);
        Decision with = decision(evaluate(network().build(), listing(List.of("cn-group"), null, List.of("us-semiconductor-equipment"))),
                "tw-line2->cn-parent-line", "el");
        assertThat(with.effect()).isEqualTo(Decision.Effect.LICENSE);
        assertThat(with.trace()).contains("foreign direct product: tw-line2 is made with us-semiconductor-equipment, named by"
                + " the listing's own foreign-direct-product rule: subject");
    }

    /**
     * Huawei, 2020: the May rule reached chips that were direct products of US technology; the
     * August rule any foreign item made with US-origin equipment. A chip line with US design
     * software and one with only US equipment: May catches the first, August both.
     */
    @Test
    void huaweiMayThenAugust2020() {
        Network n = network()
                .site(Site.of("tw-line3", "foundry", "chip2", 1000, Map.of()).withMadeWith(List.of("us-technology")))
                .link(SupplyLink.of("tw-line3", "cn-sub-line", "chip2", 0, Duration.weeks(1)))
                .build();
        EntityListing may = new EntityListing(header("may", "entity-listing", "US", "2020-05-15"), List.of("cn-sub"), null, null,
                List.of("us-technology"), LicensePolicy.DENY, 1);
        EntityListing august = new EntityListing(header("aug", "entity-listing", "US", "2020-08-17"), List.of("cn-sub"), null,
                null, List.of("us-technology", "us-semiconductor-equipment"), LicensePolicy.DENY, 1);
        PolicyDecisions d = evaluate(n, may, august);
        assertThat(decision(d, "tw-line3->cn-sub-line", "may").effect()).isEqualTo(Decision.Effect.LICENSE);
        assertThat(decision(d, "tw-line2->cn-sub-line", "may").effect()).isEqualTo(Decision.Effect.NONE);
        assertThat(decision(d, "tw-line3->cn-sub-line", "aug").effect()).isEqualTo(Decision.Effect.LICENSE);
        assertThat(decision(d, "tw-line2->cn-sub-line", "aug").effect()).isEqualTo(Decision.Effect.LICENSE);
    }

    @Test
    void countryWideTppRuleBeforeAndAfterItsEffectiveDate() {
        CountryControl oct2023 = new CountryControl(header("ac", "country-control", "US", "2025-03-03"), List.of("CN"), null,
                List.of(new CountryControl.Performance(4800, Double.NaN), new CountryControl.Performance(1600, 5.92)),
                List.of(), LicensePolicy.DENY, 1);
        PolicyDecisions d = evaluate(network().build(), oct2023);
        Decision chip = decision(d, "tw-line->cn-sub-line", "ac");
        assertThat(chip.effect()).isEqualTo(Decision.Effect.LICENSE);
        assertThat(chip.trace()).contains("scope: chip has TPP 5000, meeting TPP ≥ 4800");
        Decision chip2 = decision(d, "tw-line2->cn-sub-line", "ac");
        assertThat(chip2.trace()).contains("scope: chip2 has TPP 2000 and performance density 6, meeting TPP ≥ 1600 and performance density ≥ 5.92");
        assertThat(chip2.effect()).as("no US content, no FDP rule").isEqualTo(Decision.Effect.NONE);
        assertThat(d.all()).noneMatch(x -> x.item().equals("board"));
        // In force from its date, not before: in the run's timeline the link opens until period 8.
        assertThat(chip.inForce(LocalDate.of(2025, 3, 2))).isFalse();
        assertThat(chip.inForce(LocalDate.of(2025, 3, 3))).isTrue();
        assertThat(d.period(chip.from())).isEqualTo(8);
    }

    @Test
    void listedParentAndUnlistedSubsidiaryWithAndWithoutTheAffiliateRule() {
        PolicyDecisions listedOnly = evaluate(network().build(), listing(List.of("cn-group"), null, List.of()));
        Decision gap = decision(listedOnly, "us-board->cn-sub-line", "el");
        assertThat(gap.effect()).isEqualTo(Decision.Effect.NONE);
        assertThat(gap.trace()).contains("customer site cn-sub-line belongs to cn-sub, not listed; it is in group cn-group with"
                + " listed cn-group, but the listing names legal entities only (affiliates: listed-only)");

        PolicyDecisions subsidiaries = evaluate(network().build(), listing(List.of("cn-group"), EntityListing.Affiliates.SUBSIDIARIES, List.of()));
        Decision covered = decision(subsidiaries, "us-board->cn-sub-line", "el");
        assertThat(covered.effect()).isEqualTo(Decision.Effect.LICENSE);
        assertThat(covered.trace()).contains("customer site cn-sub-line belongs to cn-sub, a subsidiary of listed cn-group (affiliates: subsidiaries)");

        // Listing the subsidiary does not reach its parent, whatever the rule.
        PolicyDecisions up = evaluate(network().build(), listing(List.of("cn-sub"), EntityListing.Affiliates.SUBSIDIARIES, List.of()));
        assertThat(up.effective()).noneMatch(x -> x.linkName().endsWith("cn-parent-line"));
        PolicyDecisions group = evaluate(network().build(), listing(List.of("cn-sub"), EntityListing.Affiliates.GROUP, List.of()));
        assertThat(decision(group, "us-board->cn-parent-line", "el").effect()).isEqualTo(Decision.Effect.LICENSE);
    }

    @Test
    void tariffAppliesByOriginAndDestination() {
        Tariff t = new Tariff(header("t", "tariff", "CN", "2025-04-10"), 0.34, List.of("US"), List.of(), List.of());
        PolicyDecisions d = evaluate(network().build(), t);
        assertThat(d.effective()).extracting(Decision::linkName)
                .containsExactlyInAnyOrder("us-board->cn-parent-line", "us-board->cn-sub-line");
        assertThat(d.effective().get(0).effectText()).isEqualTo("markup 34%");
    }

    @Test
    void unreliableEntityBlocksBothWays() {
        UnreliableEntity ue = new UnreliableEntity(header("ue", "unreliable-entity", "CN", "2025-01-02"), List.of("us-chips"));
        PolicyDecisions d = evaluate(network().build(), ue);
        assertThat(d.effective()).extracting(Decision::linkName)
                .containsExactlyInAnyOrder("us-board->cn-parent-line", "us-board->cn-sub-line");
        assertThat(d.effective()).allMatch(x -> x.effect() == Decision.Effect.BLOCK);
        assertThat(d.effective().get(0).trace().get(1))
                .isEqualTo("cn-group (site cn-parent-line in CN) may not buy board from listed us-chips (imports restricted)");
    }

    @Test
    void procurementBanCutsLinksIntoTheMarketAndFinalDemand() {
        ProcurementBan pb = new ProcurementBan(header("pb", "procurement-ban", "CN", "2023-05-21"), List.of("cn-group"), "CN", 0.4);
        PolicyDecisions d = evaluate(network().build(), pb);
        Decision demand = d.effective().stream().filter(x -> x.effect() == Decision.Effect.DEMAND).findFirst().orElseThrow();
        assertThat(demand.demand()).isZero();
        assertThat(demand.factor()).isCloseTo(0.6, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(demand.effectText()).isEqualTo("demand down 40%");
    }
}
