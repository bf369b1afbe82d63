package org.chokepoint.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.chokepoint.TestNetworks;
import org.chokepoint.analysis.PolicyRun;
import org.chokepoint.engine.CompiledNetwork;
import org.chokepoint.engine.Parameters;
import org.chokepoint.engine.SeriesRecorder;
import org.chokepoint.engine.Simulation;
import org.chokepoint.io.NetworkWriter;
import org.chokepoint.io.ScenarioReader;
import org.chokepoint.model.Alternate;
import org.chokepoint.model.Network;
import org.chokepoint.model.Scenario;
import org.chokepoint.model.SupplyLink;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every path that moves goods passes the same gate: over seeded random networks and measures,
 * every supply link, every alternate and every sale to end buyers abroad into a listed firm's
 * site, out of or into an unreliable-entity-listed firm's (on the authority's territory), carrying
 * an item a country control covers, or leaving the territory of an export ban's authority with an
 * item it bans, has a decision of that measure, and no goods move on a path while its decision
 * blocks it (a denial with no leakage, or an outright block). The check itself is shown to catch
 * an evaluator that skips alternates, and one that skips sales to end buyers.
 */
class AllPathsTest {

    @TempDir
    Path dir;

    /** A path and the engine's index for it: a link's or alternate's, or a final demand entry's ({@code to} null). */
    record P(int index, String from, String to, String item, boolean alternate, int demand, String market) {

        P(int index, String from, String to, String item, boolean alternate) {
            this(index, from, to, item, alternate, -1, null);
        }

        boolean sales() {
            return demand >= 0;
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void noPathEscapesTheMeasures(long seed) throws IOException {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        Network net = TestNetworks.random(40 + 10 * (int) (seed % 4), seed);
        assertThat(net.alternates()).as("seed %d has alternates to test", seed).isNotEmpty();
        NetworkWriter.writeCsv(net, dir.resolve("net"));
        // List the customers of some alternates (so alternates are certain to be caught) and a random firm.
        Set<String> listed = new TreeSet<>();
        for (int i = 0; i < 2; i++) {
            Alternate a = net.alternates().get(rng.nextInt(net.alternates().size()));
            listed.add(net.site(a.site()).firm());
        }
        listed.add(net.firms().get(rng.nextInt(net.firms().size())).id());
        String unreliable = net.site(net.alternates().get(rng.nextInt(net.alternates().size())).from()).firm();
        String authority = net.firms().get(rng.nextInt(net.firms().size())).country();
        // the items made on the authority's territory: its export ban's
        Set<String> banned = new TreeSet<>();
        net.sites().stream().filter(x -> x.location().equals(authority)).forEach(x -> banned.add(x.makes()));
        assertThat(banned).as("seed %d: something is made in %s", seed, authority).isNotEmpty();
        Path scenario = Files.writeString(dir.resolve("s.yaml"), """
                scenario: all-paths
                start: 2025-01-06
                step: week
                periods: 40
                seed: %d
                network: net
                measures:
                  - {id: listing, type: entity-listing, authority: US, effective: 2025-03-17, firms: [%s], license: {policy: presumption-of-denial}}
                  - {id: uel, type: unreliable-entity, authority: %s, effective: 2025-03-17, firms: [%s]}
                  - {id: cc, type: country-control, authority: US, effective: 2025-03-17, destinations: [%s], eccn: [EAR99],
                     license: {policy: denial}}
                  - {id: ban, type: export-ban, authority: %s, effective: 2025-03-17, items: [%s]}
                """.formatted(seed, String.join(", ", listed), authority, unreliable, authority, authority, String.join(", ", banned)));
        Scenario s = ScenarioReader.read(scenario);
        CompiledNetwork c = CompiledNetwork.of(s.network(), s.step());
        PolicyDecisions decisions = PolicyEvaluator.evaluate(s, c);

        List<P> paths = paths(s, c);
        assertThat(paths.stream().filter(P::sales).count()).as("seed %d: sales abroad to test", seed).isPositive();
        assertThat(violations(s, paths, decisions.all(), listed, unreliable, authority, banned)).as("seed %d", seed).isEmpty();
        assertThat(paths.stream().filter(p -> p.alternate() && listed.contains(s.network().site(p.to()).firm())).count())
                .as("seed %d: alternates into listed sites", seed).isPositive();
        // A mutation that skips alternates: the same check must see it.
        List<Decision> withoutAlternates = decisions.all().stream().filter(d -> !decisions.isAlternate(d)).toList();
        assertThat(violations(s, paths, withoutAlternates, listed, unreliable, authority, banned))
                .as("seed %d: dropping the alternates' decisions is caught", seed).isNotEmpty();
        // And one that skips sales to end buyers abroad.
        List<Decision> withoutSales = decisions.all().stream().filter(d -> d.demand() < 0 || d.effect() == Decision.Effect.DEMAND).toList();
        assertThat(violations(s, paths, withoutSales, listed, unreliable, authority, banned))
                .as("seed %d: dropping the decisions on sales abroad is caught", seed).isNotEmpty();

        // The engine: nothing ships on a blocked path once the measure is in force (period 10).
        Simulation sim = new Simulation(c, Parameters.of(s));
        SeriesRecorder r = new SeriesRecorder(false, true);
        PolicyRun.run(sim, decisions, 0, sim.newState(), r);
        for (Decision d : decisions.all()) {
            boolean blocks = d.effect() == Decision.Effect.BLOCK
                    || (d.effect() == Decision.Effect.LICENSE && d.license().approval() == 0 && d.license().approvalPath().isEmpty()
                    && d.license().leakage() == 0);
            if (!blocks) {
                continue;
            }
            for (int t = 10; t < s.periods(); t++) {
                if (d.demand() >= 0) {
                    assertThat(r.delivered(t, d.demand())).as("seed %d: %s %s period %d", seed, d.linkName(), d.measure(), t).isZero();
                } else if (d.link() >= 0) {
                    assertThat(r.shipped(t, d.link())).as("seed %d: %s %s period %d", seed, d.linkName(), d.measure(), t).isZero();
                }
            }
        }
    }

    static List<P> paths(Scenario s, CompiledNetwork c) {
        List<P> paths = new ArrayList<>();
        for (SupplyLink l : s.network().links()) {
            paths.add(new P(c.link(l), l.from(), l.to(), l.item(), false));
        }
        for (int i = 0; i < s.network().alternates().size(); i++) {
            Alternate a = s.network().alternates().get(i);
            paths.add(new P(c.alternate(i), a.from(), a.site(), a.as() != null ? a.as() : a.item(), true));
        }
        for (int j = 0; j < s.network().demand().size(); j++) {
            var d = s.network().demand().get(j);
            if (!s.network().site(d.site()).location().equals(d.market())) {
                paths.add(new P(-1, d.site(), null, d.item(), false, j, d.market()));
            }
        }
        return paths;
    }

    /** Paths the measures must have examined and did not: a line for each. */
    static List<String> violations(Scenario s, List<P> paths, List<Decision> decisions, Set<String> listed, String unreliable,
                                   String authority, Set<String> banned) {
        List<String> out = new ArrayList<>();
        for (P p : paths) {
            String buyer = p.sales() ? null : s.network().site(p.to()).firm();
            String seller = s.network().site(p.from()).firm();
            String to = p.sales() ? p.market() : s.network().site(p.to()).location();
            String from = s.network().site(p.from()).location();
            String name = p.from() + "->" + (p.sales() ? "end buyers in " + p.market() : p.to()) + (p.alternate() ? " (alternate)" : "");
            java.util.function.Predicate<Decision> on = d -> p.sales() ? d.demand() == p.demand() : d.link() == p.index();
            if (buyer != null && listed.contains(buyer) && decisions.stream().noneMatch(d -> on.test(d) && d.measure().equals("listing"))) {
                out.add(name + ": no decision of the listing");
            }
            boolean uel = (seller.equals(unreliable) && !unreliable.equals(buyer) && to.equals(authority))
                    || (unreliable.equals(buyer) && !seller.equals(unreliable) && from.equals(authority));
            if (uel && decisions.stream().noneMatch(d -> on.test(d) && d.measure().equals("uel") && d.effect() == Decision.Effect.BLOCK)) {
                out.add(name + ": not blocked by the unreliable-entity listing");
            }
            boolean covered = s.network().item(p.item()).eccn().equals("EAR99");
            if (covered && decisions.stream().noneMatch(d -> on.test(d) && d.measure().equals("cc"))) {
                out.add(name + ": carries an item the country control covers and has no decision of it");
            }
            boolean exported = from.equals(authority) && !to.equals(authority) && banned.contains(p.item());
            if (exported && decisions.stream().noneMatch(d -> on.test(d) && d.measure().equals("ban") && d.effect() != Decision.Effect.NONE)) {
                out.add(name + ": leaves " + authority + " with a banned item and is not restricted by the ban");
            }
        }
        return out;
    }
}
