package org.chokepoint.examples;

import java.nio.file.Path;
import org.chokepoint.api.Chokepoint;
import org.chokepoint.model.InvalidInputException;
import org.chokepoint.model.Network;
import org.chokepoint.model.Scenario;
import org.chokepoint.model.Site;

/**
 * The README's Java example: load a scenario, look at its network. Compiled and run by the build
 * ({@code LoadScenarioTest}), so the example cannot rot.
 */
public final class LoadScenario {

    private LoadScenario() {}

    public static void main(String[] args) {
        try {
            Scenario s = Chokepoint.loadScenario(Path.of("scenarios/inspur-entity-list-2025.yaml"));
            Network n = s.network();
            System.out.printf("%s: %d sites, %d links, %d periods from %s%n",
                    s.title(), n.sites().size(), n.links().size(), s.periods(), s.start());
            for (Site site : n.sites()) {
                if (n.firm(site.firm()).country().equals("US")) {
                    System.out.printf("  US-owned site %s makes %s in %s%n", site.id(), site.makes(), site.location());
                }
            }
        } catch (InvalidInputException e) {
            e.problems().forEach(p -> System.err.println(p.format()));
        }
    }
}
