package org.chokepoint.model;

import java.util.List;

/**
 * One row of a scenario's control table: items of these classifications (prefixes) need a license
 * to these destinations (countries or country groups). A scenario that gives a table replaces the
 * default one.
 */
public record ControlRule(List<String> eccns, List<String> destinations) {

    public ControlRule {
        eccns = List.copyOf(eccns);
        destinations = List.copyOf(destinations);
    }
}
