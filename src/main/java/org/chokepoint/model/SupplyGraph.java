package org.chokepoint.model;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.jgrapht.Graph;
import org.jgrapht.graph.AsUnmodifiableGraph;
import org.jgrapht.graph.builder.GraphTypeBuilder;

/** Builds the JGraphT view of a network: sites in id order, links in file order. */
final class SupplyGraph {

    private SupplyGraph() {}

    static Graph<Site, SupplyLink> of(Network network) {
        Graph<Site, SupplyLink> g = GraphTypeBuilder.<Site, SupplyLink>directed()
                .allowingMultipleEdges(true)
                .allowingSelfLoops(true)
                .weighted(false)
                .buildGraph();
        List<Site> sorted = network.sites().stream().sorted(Comparator.comparing(Site::id)).collect(Collectors.toList());
        for (Site s : sorted) {
            g.addVertex(s);
        }
        for (SupplyLink l : network.links()) {
            g.addEdge(network.site(l.from()), network.site(l.to()), l);
        }
        return new AsUnmodifiableGraph<>(g);
    }
}
