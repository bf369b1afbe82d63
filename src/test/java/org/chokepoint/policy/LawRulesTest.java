package org.chokepoint.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.chokepoint.engine.CompiledNetwork;
import org.chokepoint.io.ScenarioReader;
import org.chokepoint.model.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules that read the law tables, worked by hand from the regulation text: controlled
 * content by destination, dated country groups, FDP rules by scope, advanced-computing
 * parameters by date, ownership shares, case-specific unreliable-entity measures.
 */
class LawRulesTest {

    @TempDir
    Path dir;

    /**
     * A US maker of an anti-terrorism-only NIC (5A992.c, USD 30) and of a national-security part
     * (3A001, USD 20); a Taiwanese maker builds both into a USD 100 board; buyers in China, Hong
     * Kong, Iran, Vietnam and Korea; a Japanese resist maker; chips with their specs.
     */
    static final String NETWORK = """
            network:
              items:
                - {id: nic, value: 30, eccn: 5A992.c}
                - {id: ns-part, value: 20, eccn: 3A001}
                - {id: board, value: 100, eccn: 5A992.c}
                - {id: resist, value: 10, eccn: 3C002}
                - {id: a100, value: 10000, eccn: 3A090.a, tpp: 4992, transfer-rate: 600}
                - {id: a800, value: 10000, eccn: 3A090.a, tpp: 4992, transfer-rate: 400}
                - {id: h20, value: 12000, eccn: 3A090.b, tpp: 2368, performance-density: 2.9, memory-bandwidth: 4000, interconnect: 900}
                - {id: etcher, value: 500000, eccn: 3B001}
                - {id: sequencer, value: 100000}
                - {id: reagent, value: 100}
              firms:
                - {id: us-maker, country: US}
                - {id: tw-maker, country: TW}
                - {id: jp-maker, country: JP}
                - {id: cn-buyer, country: CN}
                - {id: hk-buyer, country: HK}
                - {id: ir-buyer, country: IR}
                - {id: vn-buyer, country: VN}
                - {id: kr-buyer, country: KR}
                - {id: cn-abroad, country: CN, note: "a Chinese firm's plant in Vietnam"}
                - {id: us-in-cn, country: US, note: "a US-owned plant in China"}
              sites:
                - {id: us-nic, firm: us-maker, makes: nic, location: US, capacity: 100}
                - {id: us-ns, firm: us-maker, makes: ns-part, location: US, capacity: 100}
                - {id: us-seq, firm: us-maker, makes: sequencer, location: US, capacity: 100}
                - {id: us-reagent, firm: us-maker, makes: reagent, location: US, capacity: 100}
                - {id: tw-board-at, firm: tw-maker, makes: board, location: TW, capacity: 100, recipe: {nic: 1}}
                - {id: tw-board-ns, firm: tw-maker, makes: board, location: TW, capacity: 100, recipe: {ns-part: 1}}
                - {id: tw-a100, firm: tw-maker, makes: a100, location: TW, capacity: 100, made-with: [us-semiconductor-equipment]}
                - {id: tw-a800, firm: tw-maker, makes: a800, location: TW, capacity: 100, made-with: [us-semiconductor-equipment]}
                - {id: tw-h20, firm: tw-maker, makes: h20, location: TW, capacity: 100, made-with: [us-semiconductor-equipment]}
                - {id: tw-etcher, firm: tw-maker, makes: etcher, location: TW, capacity: 10, made-with: [us-technology]}
                - {id: jp-resist, firm: jp-maker, makes: resist, location: JP, capacity: 100}
                - {id: cn-line, firm: cn-buyer, makes: board, location: CN, capacity: 100, price: 100000, recipe: {board: 1, a100: 1, a800: 1, h20: 1, etcher: 0.01, sequencer: 0.01}}
                - {id: hk-line, firm: hk-buyer, makes: board, location: HK, capacity: 100, price: 100000, recipe: {board: 1, a100: 1}}
                - {id: ir-line, firm: ir-buyer, makes: board, location: IR, capacity: 100, price: 100000, recipe: {board: 1}}
                - {id: vn-line, firm: vn-buyer, makes: board, location: VN, capacity: 100, price: 100000, recipe: {a100: 1}}
                - {id: kr-line, firm: kr-buyer, makes: board, location: KR, capacity: 100, price: 100000, recipe: {resist: 1}}
                - {id: cn-abroad-line, firm: cn-abroad, makes: board, location: VN, capacity: 100, price: 100000, recipe: {sequencer: 0.01}}
                - {id: us-in-cn-line, firm: us-in-cn, makes: board, location: CN, capacity: 100, price: 100000, recipe: {sequencer: 0.01, reagent: 1}}
              links:
                - {from: us-nic, to: tw-board-at, item: nic, lead-time: 1w}
                - {from: us-ns, to: tw-board-ns, item: ns-part, lead-time: 1w}
                - {from: tw-board-at, to: cn-line, item: board, share: 0.5, lead-time: 1w}
                - {from: tw-board-ns, to: cn-line, item: board, share: 0.5, lead-time: 1w}
                - {from: tw-board-at, to: ir-line, item: board, lead-time: 1w}
                - {from: tw-board-at, to: hk-line, item: board, lead-time: 1w}
                - {from: tw-a100, to: cn-line, item: a100, lead-time: 1w}
                - {from: tw-a100, to: hk-line, item: a100, lead-time: 1w}
                - {from: tw-a100, to: vn-line, item: a100, lead-time: 1w}
                - {from: tw-a800, to: cn-line, item: a800, lead-time: 1w}
                - {from: tw-h20, to: cn-line, item: h20, lead-time: 1w}
                - {from: tw-etcher, to: cn-line, item: etcher, lead-time: 1w}
                - {from: jp-resist, to: kr-line, item: resist, lead-time: 1w}
                - {from: us-seq, to: cn-line, item: sequencer, lead-time: 1w}
                - {from: us-seq, to: cn-abroad-line, item: sequencer, lead-time: 1w}
                - {from: us-seq, to: us-in-cn-line, item: sequencer, lead-time: 1w}
                - {from: us-reagent, to: us-in-cn-line, item: reagent, lead-time: 1w}
              demand:
                - {item: board, market: CN, site: cn-line, quantity: 10}
                - {item: board, market: HK, site: hk-line, quantity: 10}
                - {item: board, market: IR, site: ir-line, quantity: 10}
                - {item: board, market: VN, site: vn-line, quantity: 10}
                - {item: board, market: KR, site: kr-line, quantity: 10}
                - {item: board, market: VN, site: cn-abroad-line, quantity: 10}
                - {item: board, market: CN, site: us-in-cn-line, quantity: 10}
            """;

    PolicyDecisions evaluate(String start, int weeks, String measures) throws IOException {
        return evaluate(start, weeks, measures, NETWORK);
    }

    PolicyDecisions evaluate(String start, int weeks, String measures, String network) throws IOException {
        Path f = Files.writeString(dir.resolve("s.yaml"), "scenario: law\nstart: " + start + "\nstep: week\nperiods: " + weeks + "\n"
                + network + "measures:\n" + measures);
        Scenario s = ScenarioReader.read(f);
        return PolicyEvaluator.evaluate(s, CompiledNetwork.of(s.network(), s.step()));
    }

    static List<Decision> on(PolicyDecisions d, String link, String measure) {
        return d.all().stream().filter(x -> x.linkName().equals(link) && x.measure().equals(measure)).toList();
    }

    static Decision one(PolicyDecisions d, String link, String measure) {
        List<Decision> found = on(d, link, measure);
        assertThat(found).as("decisions of %s on %s", measure, link).hasSize(1);
        return found.get(0);
    }

    // ---- controlled content by destination (Supplement No. 2 to Part 734) ----

    /**
     * A board with 30% US content that is 5A992.c (anti-terrorism only): no license is needed to
     * China for AT-only items, so the content does not count there (0% ≤ 25%); toward Iran (E:1)
     * it does, and the E:1 threshold is 10% (15 CFR 734.4(c)): 30% > 10%, subject.
     */
    @Test
    void antiTerrorismOnlyContentCountsOnlyTowardE1() throws IOException {
        PolicyDecisions d = evaluate("2025-01-06", 20, """
                  - {id: el, type: entity-listing, authority: US, effective: 2025-02-03, firms: [cn-buyer, ir-buyer]}
                """);
        Decision cn = one(d, "tw-board-at->cn-line", "el");
        assertThat(cn.effect()).isEqualTo(Decision.Effect.NONE);
        assertThat(cn.trace()).contains("not controlled content toward CN: nic (5A992.c, from us-nic: controlled for AT only, no license"
                + " needed to CN (Supplement No. 1 to Part 774 (License Requirements of each entry)))");
        assertThat(cn.trace()).anyMatch(s -> s.contains("US-origin controlled content 0.0% of USD 100 (USD 0) ≤ de minimis 25.0% for CN"));
        Decision ir = one(d, "tw-board-at->ir-line", "el");
        assertThat(ir.effect()).isEqualTo(Decision.Effect.LICENSE);
        assertThat(ir.trace()).anyMatch(s -> s.startsWith("controlled content toward IR: nic (5A992.c, from us-nic: needs a license under AT"));
        assertThat(ir.trace()).anyMatch(s -> s.contains("30.0% of USD 100 (USD 30) > de minimis 10.0% for IR (E:1, 15 CFR 734.4(c)"));
        // The same share of national-security content counts toward China: 3A001 needs a license there (NS, D:1).
        Decision ns = one(d, "tw-board-ns->cn-line", "el");
        assertThat(ns.trace()).anyMatch(s -> s.contains("20.0% of USD 100 (USD 20) ≤ de minimis 25.0%"));
        assertThat(ns.trace()).anyMatch(s -> s.startsWith("controlled content toward CN: ns-part (3A001, from us-ns: needs a license under NS"));
    }

    // ---- dated country groups ----

    /**
     * 85 FR 83765: from 2020-12-23 Hong Kong is treated as China, in D:1, D:3, D:4 and D:5. A
     * control toward D:5 in force all of 2020 reaches a Hong Kong buyer only from that day.
     */
    @Test
    void hongKongJoinsTheChinaGroupsOn20201223() throws IOException {
        PolicyDecisions d = evaluate("2020-06-01", 52, """
                  - {id: d5, type: country-control, authority: US, effective: 2020-06-01, destinations: [D:5], eccn: [3A090],
                     fdp: [us-semiconductor-equipment], license: {policy: denial}}
                """);
        List<Decision> hk = on(d, "tw-a100->hk-line", "d5");
        assertThat(hk).extracting(Decision::effect).containsExactly(Decision.Effect.NONE, Decision.Effect.LICENSE);
        assertThat(hk.get(0).to()).isEqualTo(LocalDate.of(2020, 12, 23));
        assertThat(hk.get(1).from()).isEqualTo(LocalDate.of(2020, 12, 23));
        assertThat(hk.get(0).trace()).anyMatch(s -> s.contains("is not among D:5"));
        assertThat(hk.get(1).trace()).anyMatch(s -> s.contains("HK, in Country Group D:5 of US")
                && s.contains("85 FR 83765") && s.contains("membership from 2020-12-23"));
        // China was in D:5 throughout: one decision.
        assertThat(on(d, "tw-a100->cn-line", "d5")).extracting(Decision::effect).containsExactly(Decision.Effect.LICENSE);
    }

    /**
     * Japan moved Korea out of Group A on 2019-08-28 (METI): a Japanese licensing requirement for
     * destinations outside Group A reaches Korea from that day, and never reaches a Group A member.
     */
    @Test
    void japansGroupAIsAGroupOfItsOwnAuthority() throws IOException {
        PolicyDecisions d = evaluate("2019-06-03", 30, """
                  - {id: jp-catch-all, type: export-licensing, authority: JP, effective: 2019-06-03, items: [resist],
                     destinations: [all], except: [JP:A], license: {policy: case-by-case, approval: 0.9, review: 13w}}
                """);
        List<Decision> kr = on(d, "jp-resist->kr-line", "jp-catch-all");
        assertThat(kr).extracting(Decision::effect).containsExactly(Decision.Effect.NONE, Decision.Effect.LICENSE);
        assertThat(kr.get(1).from()).isEqualTo(LocalDate.of(2019, 8, 28));
        assertThat(kr.get(0).trace()).anyMatch(s -> s.contains("excepted: KR, in Country Group JP:A of JP"));
    }

    // ---- FDP rules by scope (15 CFR 734.9) ----

    /**
     * Footnote 5 (734.9(e)(3)) reaches semiconductor manufacturing equipment (3B) and not chips;
     * the advanced-computing FDP rule (734.9(h)) reaches 3A090 items toward China and Macau from
     * 2022-10-07 and toward D:1, D:4 and D:5 from 2023-10-23 — so Vietnam (D:1) only then.
     */
    @Test
    void fdpRulesHaveTheirOwnProductAndDestinationScopes() throws IOException {
        PolicyDecisions fn5 = evaluate("2024-11-04", 20, """
                  - {id: fn5, type: entity-listing, authority: US, effective: 2024-12-02, firms: [cn-buyer], fdp: [footnote-5]}
                """);
        Decision etcher = one(fn5, "tw-etcher->cn-line", "fn5");
        assertThat(etcher.effect()).isEqualTo(Decision.Effect.LICENSE);
        assertThat(etcher.trace()).anyMatch(s -> s.contains("tw-etcher is made with us-technology, which footnote-5 (15 CFR 734.9(e)(3); 89 FR 96790")
                && s.contains("89 FR 96790"));
        Decision chip = one(fn5, "tw-a100->cn-line", "fn5");
        assertThat(chip.effect()).isEqualTo(Decision.Effect.NONE);
        assertThat(chip.trace()).anyMatch(s -> s.contains("a100 (3A090.a) is not in its product scope"));

        PolicyDecisions ac = evaluate("2023-01-02", 60, """
                  - {id: ac, type: country-control, authority: US, effective: 2023-01-02, destinations: [D:1, D:4, D:5], eccn: [3A090],
                     fdp: [advanced-computing], license: {policy: presumption-of-denial}}
                """);
        List<Decision> vn = on(ac, "tw-a100->vn-line", "ac");
        assertThat(vn).extracting(Decision::effect).containsExactly(Decision.Effect.NONE, Decision.Effect.LICENSE);
        assertThat(vn.get(1).from()).isEqualTo(LocalDate.of(2023, 10, 23));
        assertThat(vn.get(0).trace()).anyMatch(s -> s.contains("applies toward CN, MO; VN is not among them"));
        assertThat(on(ac, "tw-a100->cn-line", "ac")).extracting(Decision::effect).containsExactly(Decision.Effect.LICENSE);
    }

    /** Footnote 1 as of May 2020 reached only chips of a listed party's design; from 2020-08-17 any foreign item made with US tools. */
    @Test
    void footnoteOneWidensOn20200817() throws IOException {
        PolicyDecisions d = evaluate("2020-05-18", 30, """
                  - {id: huawei, type: entity-listing, authority: US, effective: 2020-05-18, firms: [cn-buyer], fdp: [footnote-1]}
                """);
        List<Decision> a100 = on(d, "tw-a100->cn-line", "huawei");
        assertThat(a100).extracting(Decision::effect).containsExactly(Decision.Effect.NONE, Decision.Effect.LICENSE);
        assertThat(a100.get(1).from()).isEqualTo(LocalDate.of(2020, 8, 17));
        assertThat(a100.get(0).trace()).anyMatch(s -> s.contains("names listed-party-design-us-tools") && s.contains("85 FR 29849"));
        assertThat(a100.get(1).trace()).anyMatch(s -> s.contains("85 FR 51596") && s.endsWith(": subject"));
    }

    // ---- advanced-computing parameters by date ----

    /**
     * The 2022 test (TPP ≥ 4800 and transfer rate ≥ 600 GB/s) caught the A100 and not the A800
     * (400 GB/s); the 2023 test (TPP alone) caught the A800 and not the H20 (TPP 2368, density
     * 2.9: below 3A090.a and .b); the April 2025 requirement caught the H20 by its memory bandwidth.
     */
    @Test
    void compliantVariantsAreCaughtByTheRuleInForceOnEachDate() throws IOException {
        PolicyDecisions d = evaluate("2022-10-03", 200, """
                  - {id: ac, type: country-control, authority: US, effective: 2022-10-07, destinations: [CN, MO, D:5],
                     parameters: advanced-computing, fdp: [advanced-computing], license: {policy: presumption-of-denial}}
                """);
        assertThat(on(d, "tw-a100->cn-line", "ac")).extracting(Decision::effect).containsOnly(Decision.Effect.LICENSE);
        List<Decision> a800 = on(d, "tw-a800->cn-line", "ac");
        assertThat(a800).extracting(Decision::effect).containsExactly(Decision.Effect.LICENSE);
        assertThat(a800.get(0).from()).isEqualTo(LocalDate.of(2023, 10, 23));
        assertThat(a800.get(0).trace()).anyMatch(s -> s.contains("meets 3A090.a of advanced-computing (tpp 4992 >= 4800"));
        List<Decision> h20 = on(d, "tw-h20->cn-line", "ac");
        assertThat(h20).extracting(Decision::effect).containsExactly(Decision.Effect.LICENSE);
        assertThat(h20.get(0).from()).isEqualTo(LocalDate.of(2025, 4, 9));
        assertThat(h20.get(0).trace()).anyMatch(s -> s.contains("meets H20 class (memory bandwidth)") && s.contains("NVIDIA Form 8-K"));
        // Under the 2022 test the A100 was caught by both criteria's parts.
        assertThat(on(d, "tw-a100->cn-line", "ac").get(0).trace()).anyMatch(s -> s.contains("tpp 4992 >= 4800, transfer-rate 600 >= 600"));
    }

    /**
     * A part written down by its pre-2023 classification (the A800 as 3A991) is 3A090.a once the
     * October 2023 criteria catch it, so the advanced-computing direct-product rule, which reaches
     * 3A090 and 4A090 only, reaches its Taiwanese packaging from that day; before, it is outside.
     */
    @Test
    void aPartIsTheClassificationTheDatedCriteriaGiveIt() throws IOException {
        String written = NETWORK.replace("{id: a800, value: 10000, eccn: 3A090.a,", "{id: a800, value: 10000, eccn: 3A991,");
        assertThat(written).isNotEqualTo(NETWORK);
        PolicyDecisions d = evaluate("2022-10-03", 200, """
                  - {id: ac, type: country-control, authority: US, effective: 2022-10-07, destinations: [CN, MO, D:5],
                     parameters: advanced-computing, fdp: [advanced-computing], license: {policy: presumption-of-denial}}
                """, written);
        List<Decision> a800 = on(d, "tw-a800->cn-line", "ac");
        assertThat(a800).extracting(Decision::effect).containsExactly(Decision.Effect.LICENSE);
        assertThat(a800.get(0).from()).isEqualTo(LocalDate.of(2023, 10, 23));
        assertThat(a800.get(0).trace()).anyMatch(s -> s.equals("a800 is classified 3A090.a on 2023-10-23 by these criteria"))
                .anyMatch(s -> s.contains("which advanced-computing (15 CFR 734.9(h)") && s.endsWith(": subject"));
    }

    // ---- ownership shares and the affiliates rule ----

    static final String OWNED = NETWORK.replace("""
                - {id: us-in-cn, country: US, note: "a US-owned plant in China"}
            """, """
                - {id: us-in-cn, country: US, note: "a US-owned plant in China"}
                - {id: listed-a, country: CN}
                - {id: listed-b, country: CN}
                - {id: joint, country: CN, owners: {listed-a: 0.3, listed-b: 0.25, us-maker: 0.2}}
                - {id: grandchild, country: CN, owners: {joint: 0.6}}
                - {id: minority, country: CN, owners: {listed-a: 0.4}}
                - {id: below-minority, country: CN, owners: {minority: 0.9}}
            """).replace("    - {id: us-in-cn-line, firm: us-in-cn", ""
            + "    - {id: joint-line, firm: joint, makes: board, location: CN, capacity: 100, price: 100000, recipe: {reagent: 1}}\n"
            + "    - {id: grandchild-line, firm: grandchild, makes: board, location: CN, capacity: 100, price: 100000, recipe: {reagent: 1}}\n"
            + "    - {id: minority-line, firm: minority, makes: board, location: CN, capacity: 100, price: 100000, recipe: {reagent: 1}}\n"
            + "    - {id: below-line, firm: below-minority, makes: board, location: CN, capacity: 100, price: 100000, recipe: {reagent: 1}}\n"
            + "    - {id: us-in-cn-line, firm: us-in-cn").replace("""
                - {from: us-reagent, to: us-in-cn-line, item: reagent, lead-time: 1w}
            """, """
                - {from: us-reagent, to: us-in-cn-line, item: reagent, lead-time: 1w}
                - {from: us-reagent, to: joint-line, item: reagent, lead-time: 1w}
                - {from: us-reagent, to: grandchild-line, item: reagent, lead-time: 1w}
                - {from: us-reagent, to: minority-line, item: reagent, lead-time: 1w}
                - {from: us-reagent, to: below-line, item: reagent, lead-time: 1w}
            """);

    /**
     * The affiliates rule (15 CFR 744.11(a)(3), effective 2025-09-29, suspended 2025-11-10):
     * 30% + 25% by two listed parties is 55%, at least 50% in aggregate; a firm 60% owned by that
     * one is reached through it; 40% is not enough, and ownership through a firm below the
     * threshold does not count.
     */
    @Test
    void affiliatesRuleAddsOwnershipInAggregateAndThroughCoveredFirms() throws IOException {
        PolicyDecisions d = evaluate("2025-09-01", 20, """
                  - {id: el, type: entity-listing, authority: US, effective: 2025-09-01, firms: [listed-a, listed-b],
                     affiliates: bis-affiliates-rule}
                """, OWNED);
        List<Decision> joint = on(d, "us-reagent->joint-line", "el");
        assertThat(joint).extracting(Decision::effect).containsExactly(Decision.Effect.NONE, Decision.Effect.LICENSE,
                Decision.Effect.NONE);
        assertThat(joint.get(1).from()).isEqualTo(LocalDate.of(2025, 9, 29));
        assertThat(joint.get(1).to()).isEqualTo(LocalDate.of(2025, 11, 10));
        assertThat(joint.get(1).trace()).contains("customer site joint-line belongs to joint, owned 30.0% by listed listed-a and 25.0%"
                + " by listed listed-b, 55.0% together ≥ 50.0% by listed parties (bis-affiliates-rule, 15 CFR 744.11(a)(3);"
                + " Federal Register doc. 2025-19001, effective 2025-09-29, from 2025-09-29)");
        assertThat(joint.get(2).trace()).anyMatch(s -> s.contains("bis-affiliates-rule is not in force on 2025-11-10"));
        Decision grandchild = on(d, "us-reagent->grandchild-line", "el").get(1);
        assertThat(grandchild.effect()).isEqualTo(Decision.Effect.LICENSE);
        assertThat(grandchild.trace()).anyMatch(s -> s.contains("owned 60.0% by joint (itself owned 30.0% by listed listed-a"));
        assertThat(on(d, "us-reagent->minority-line", "el")).extracting(Decision::effect).containsOnly(Decision.Effect.NONE);
        // One decision, not affected throughout; its trace notes the rule coming into force and the share below it.
        assertThat(one(d, "us-reagent->minority-line", "el").trace())
                .anyMatch(s -> s.startsWith("from 2025-09-29: ") && s.contains("listed parties own 40.0% of it directly, below 50.0%"));
        assertThat(on(d, "us-reagent->below-line", "el")).noneMatch(x -> x.effect() == Decision.Effect.LICENSE);
    }

    // ---- case-specific unreliable-entity measures (MOFCOM Order 2020 No. 4) ----

    /**
     * Illumina, 2025-03-04: banned from exporting sequencers to China. By territory, the US-owned
     * plant in China is caught and the Chinese firm's plant in Vietnam is not; reagents are not
     * caught; an exempted buyer is not.
     */
    @Test
    void unreliableEntityMeasuresNameDirectionItemsTerritoryAndExemptions() throws IOException {
        PolicyDecisions d = evaluate("2025-02-03", 20, """
                  - {id: uel, type: unreliable-entity, authority: CN, effective: 2025-03-04, firms: [us-maker],
                     directions: [imports], items: [sequencer], exempt: {firms: [cn-buyer]}}
                  - {id: uel-nat, type: unreliable-entity, authority: CN, effective: 2025-03-04, firms: [us-maker],
                     directions: [imports], items: [sequencer], basis: nationality}
                """);
        assertThat(one(d, "us-seq->us-in-cn-line", "uel").effect()).isEqualTo(Decision.Effect.BLOCK);
        assertThat(one(d, "us-seq->cn-abroad-line", "uel").effect()).isEqualTo(Decision.Effect.NONE);
        assertThat(one(d, "us-seq->cn-line", "uel").trace()).anyMatch(s -> s.contains("cn-buyer is exempted"));
        assertThat(one(d, "us-reagent->us-in-cn-line", "uel").trace())
                .anyMatch(s -> s.contains("reagent is not among the items restricted"));
        // By nationality it is the other way round.
        assertThat(one(d, "us-seq->cn-abroad-line", "uel-nat").effect()).isEqualTo(Decision.Effect.BLOCK);
        assertThat(one(d, "us-seq->us-in-cn-line", "uel-nat").effect()).isEqualTo(Decision.Effect.NONE);
        // Exports to the listed firm are not restricted by an imports-only measure.
        assertThat(d.effective()).noneMatch(x -> x.linkName().startsWith("tw-") || x.linkName().startsWith("jp-"));
    }
}
