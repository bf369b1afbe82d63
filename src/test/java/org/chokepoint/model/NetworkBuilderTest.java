package org.chokepoint.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import org.chokepoint.TestNetworks;
import org.junit.jupiter.api.Test;

class NetworkBuilderTest {

    @Test
    void diamondBuildsAndAnswersLookups() {
        Network n = TestNetworks.diamond();
        assertThat(n.sites()).extracting(Site::id).containsExactly("m", "a", "b", "z");
        assertThat(n.site("z").location()).as("location defaults to the firm's country").isEqualTo("TW");
        assertThat(n.endItems()).containsExactly("product");
        assertThat(n.countries()).containsExactly("CN", "TW", "US");
        assertThat(n.price(n.site("a"))).as("price defaults to the item's value").isEqualTo(10.0);
        assertThat(n.graph().vertexSet()).hasSize(4);
        assertThat(n.graph().edgeSet()).hasSize(4);
        assertThat(n.graph().outDegreeOf(n.site("m"))).isEqualTo(2);
        assertThatThrownBy(() -> n.site("nope")).hasMessageContaining("no site 'nope'");
    }

    @Test
    void unknownReferencesAreAllReportedWithSuggestions() {
        NetworkBuilder b = TestNetworks.diamondBuilder()
                .link(SupplyLink.of("mm", "a", "ore", 0.0, Duration.ZERO))
                .demand(Demand.of("prodcut", "CN", "z", 1));
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, b::build);
        assertThat(e.problems()).extracting(Problem::path, Problem::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple("demand[1].item", "unknown item 'prodcut'"),
                org.assertj.core.groups.Tuple.tuple("links[4].from", "unknown site 'mm'"));
        assertThat(e.problems().get(0).advice()).endsWith("Did you mean 'product'?");
        assertThat(e.problems().get(1).advice()).endsWith("Did you mean 'm'?");
    }

    @Test
    void sharesOfOneCustomersItemMayNotExceedOne() {
        NetworkBuilder b = TestNetworks.diamondBuilder()
                .site(Site.of("a2", "maker", "part-a", 10, Map.of("ore", 1.0)))
                .link(SupplyLink.of("m", "a2", "ore", 1.0, Duration.ZERO))
                .link(SupplyLink.of("a2", "z", "part-a", 0.25, Duration.ZERO));
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, b::build);
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("links[5].share");
            assertThat(p.message()).isEqualTo("shares of 'part-a' into site 'z' add up to 1.25 here, above 1");
        });
    }

    @Test
    void sharesAddingUpToOneWithRoundingArePermitted() {
        assertThat(0.33 + 0.56 + 0.11).as("the case this test is about").isGreaterThan(1.0);
        NetworkBuilder b = new NetworkBuilder()
                .item(Item.of("part", 1)).item(Item.of("product", 5))
                .firm(Firm.of("f", "US"))
                .site(Site.of("p1", "f", "part", 10, Map.of()))
                .site(Site.of("p2", "f", "part", 10, Map.of()))
                .site(Site.of("p3", "f", "part", 10, Map.of()))
                .site(Site.of("z", "f", "product", 10, Map.of("part", 1.0)))
                .link(SupplyLink.of("p1", "z", "part", 0.33, Duration.ZERO))
                .link(SupplyLink.of("p2", "z", "part", 0.56, Duration.ZERO))
                .link(SupplyLink.of("p3", "z", "part", 0.11, Duration.ZERO));
        assertThat(b.build().links()).hasSize(3);
    }

    @Test
    void linkMustCarryWhatItsSupplierMakesAndWhatItsCustomerUses() {
        NetworkBuilder b = TestNetworks.diamondBuilder().link(SupplyLink.of("a", "b", "part-a", 0.5, Duration.ZERO));
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, b::build);
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("links[4].item");
            assertThat(p.message()).isEqualTo("site 'b' has no 'part-a' in its recipe");
        });
    }

    @Test
    void everyRecipeInputNeedsALinkOrAnAlternate() {
        NetworkBuilder b = TestNetworks.diamondBuilder()
                .item(Item.of("glue", 1))
                .site(Site.of("glue-works", "maker", "glue", 10, Map.of()))
                .site(Site.of("z2", "assembler", "product", 5, Map.of("part-a", 1.0, "glue", 1.0)))
                .link(SupplyLink.of("a", "z2", "part-a", 0.5, Duration.ZERO));
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, b::build);
        assertThat(e.problems()).extracting(Problem::path).containsExactly("sites[5].recipe.glue");

        // An alternate is a way in, too.
        Network ok = b.alternate(new Alternate("z2", "glue", "glue-works", null, 1, Duration.ZERO, Duration.ZERO, 1, 0)).build();
        assertThat(ok.alternates()).hasSize(1);
    }

    @Test
    void alternateMustNameTheSubstituteItsSiteMakes() {
        NetworkBuilder b = TestNetworks.diamondBuilder()
                .alternate(new Alternate("z", "part-a", "b", null, 1, Duration.weeks(8), Duration.weeks(4), 0.5, 0.1))
                .alternate(new Alternate("z", "part-a", "b", "ore", 1, Duration.weeks(8), Duration.weeks(4), 0.5, 0.1));
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, b::build);
        assertThat(e.problems()).extracting(Problem::path, Problem::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple("alternates[0].from", "site 'b' makes 'part-b', not 'part-a'"),
                org.assertj.core.groups.Tuple.tuple("alternates[1].as", "site 'b' makes 'part-b', not 'ore'"));
        assertThat(e.problems().get(0).advice()).contains("as: part-b");

        Network ok = TestNetworks.diamondBuilder()
                .alternate(new Alternate("z", "part-a", "b", "part-b", 1.5, Duration.weeks(8), Duration.weeks(4), 0.5, 0.1))
                .build();
        assertThat(ok.alternates().get(0).deliveredItem()).isEqualTo("part-b");
    }

    @Test
    void zeroLeadTimeLoopIsRejectedButALoopWithDelayIsNot() {
        // z sends product back to m (recycling); with lead time zero on every link of the loop
        // the period has no first step.
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> twoSitesOneWay().link(SupplyLink.of("sy", "sx", "y", 1, Duration.ZERO)).build());
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("links[0].lead-time");
            assertThat(p.message()).isEqualTo("sites sx, sy supply each other in a loop with zero lead time");
        });
        assertThat(twoSitesOneWay().link(SupplyLink.of("sy", "sx", "y", 1, Duration.days(1))).build().links()).hasSize(2);
    }

    @Test
    void selfLoopWithZeroLeadTimeIsRejected() {
        NetworkBuilder b = new NetworkBuilder()
                .item(Item.of("seed", 1)).firm(Firm.of("f", "US"))
                .site(Site.of("farm", "f", "seed", 10, Map.of("seed", 0.1)))
                .link(SupplyLink.of("farm", "farm", "seed", 1, Duration.ZERO));
        assertThatThrownBy(b::build).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("sites farm supply each other in a loop with zero lead time");
    }

    @Test
    void ownershipLoopsAndUnknownParentsAreRejected() {
        NetworkBuilder b = TestNetworks.diamondBuilder()
                .firm(Firm.of("h1", "HK").withParent("h2"))
                .firm(Firm.of("h2", "HK").withParent("h1"))
                .firm(Firm.of("h3", "HK").withParent("nobody"));
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, b::build);
        assertThat(e.problems()).extracting(Problem::path).containsExactly("firms[3].parent", "firms[4].parent", "firms[5].parent");
        assertThat(e.problems().get(2).message()).isEqualTo("unknown firm 'nobody'");
    }

    @Test
    void groupFollowsParentsToTheRoot() {
        Network n = TestNetworks.diamondBuilder()
                .firm(Firm.of("group", "CN"))
                .firm(Firm.of("sub", "CN").withParent("group"))
                .firm(Firm.of("subsub", "HK").withParent("sub"))
                .build();
        assertThat(n.group(n.firm("subsub")).id()).isEqualTo("group");
        assertThat(n.group(n.firm("miner")).id()).isEqualTo("miner");
    }

    @Test
    void originsAttachPositionsToProblems() {
        Origin located = new Origin() {
            @Override
            public String path() {
                return "items[0]";
            }

            @Override
            public Problem problem(String field, String message, String advice) {
                return new Problem("net.yaml", 7, 3, "items[0]." + field, message, advice);
            }
        };
        NetworkBuilder b = new NetworkBuilder().item(Item.of("a", 1), located).item(Item.of("a", 2), located);
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, b::build);
        assertThat(e.getMessage()).startsWith("net.yaml:7:3: items[0].id: duplicate item id 'a'");
    }

    @Test
    void problemsAreSortedByFileLineAndColumn() {
        InvalidInputException e = new InvalidInputException(List.of(
                new Problem("b.yaml", 1, 1, "x", "m", ""),
                new Problem("a.yaml", 9, 2, "y", "m", ""),
                new Problem("a.yaml", 9, 1, "z", "m", "")));
        assertThat(e.problems()).extracting(Problem::path).containsExactly("z", "y", "x");
    }

    /** Two sites that each need the other's item, linked one way with no lead time. */
    private static NetworkBuilder twoSitesOneWay() {
        return new NetworkBuilder()
                .item(Item.of("x", 1)).item(Item.of("y", 1))
                .firm(Firm.of("f", "US"))
                .site(Site.of("sx", "f", "x", 10, Map.of("y", 1.0)))
                .site(Site.of("sy", "f", "y", 10, Map.of("x", 1.0)))
                .link(SupplyLink.of("sx", "sy", "x", 1, Duration.ZERO));
    }
}
