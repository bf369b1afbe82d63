package org.chokepoint.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.chokepoint.model.Alternate;
import org.chokepoint.model.Checks;
import org.chokepoint.model.Network;
import org.chokepoint.model.Site;
import org.chokepoint.model.SupplyLink;
import org.jgrapht.Graph;
import org.jgrapht.graph.builder.GraphTypeBuilder;
import org.jgrapht.nio.Attribute;
import org.jgrapht.nio.AttributeType;
import org.jgrapht.nio.DefaultAttribute;
import org.jgrapht.nio.GraphExporter;
import org.jgrapht.nio.dot.DOTExporter;
import org.jgrapht.nio.graphml.GraphMLExporter;
import org.jgrapht.nio.json.JSONExporter;

/**
 * Exports the supply graph with JGraphT's exporters: sites as vertices, supply links as edges, and
 * alternates as edges of their own kind (dashed in DOT) from the alternate site to the customer.
 * In DOT, sites are filled by country from a fixed palette and sites of firms named by a measure
 * get a heavy red outline.
 */
public final class GraphExport {

    public enum Format { DOT, GRAPHML, JSON }

    /** Fill colours, assigned to countries in sorted order; fixed so output is the same everywhere. */
    static final List<String> PALETTE = List.of("#8dd3c7", "#ffffb3", "#bebada", "#fb8072", "#80b1d3", "#fdb462",
            "#b3de69", "#fccde5", "#d9d9d9", "#bc80bd", "#ccebc5", "#ffed6f");

    private GraphExport() {}

    public static void write(Network network, Set<String> namedFirms, Format format, OutputStream out) throws IOException {
        write(network, namedFirms, Map.of(), format, out);
    }

    /**
     * As above, with the links and alternates some measure restricts ({@code FROM->TO} to the
     * measures' ids) drawn in red in DOT and flagged in GraphML and JSON; DOT also gets a legend.
     */
    public static void write(Network network, Set<String> namedFirms, Map<String, String> restricted, Format format, OutputStream out)
            throws IOException {
        Map<String, String> colour = new LinkedHashMap<>();
        List<String> countries = new ArrayList<>(network.countries());
        for (int i = 0; i < countries.size(); i++) {
            colour.put(countries.get(i), PALETTE.get(i % PALETTE.size()));
        }
        GraphExporter<Site, Object> exporter = switch (format) {
            case DOT -> dot(network, namedFirms, colour, restricted);
            case GRAPHML -> graphml(network, namedFirms, restricted);
            case JSON -> json(network, namedFirms, restricted);
        };
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        if (format == Format.DOT) {
            java.io.StringWriter text = new java.io.StringWriter();
            exporter.exportGraph(withAlternates(network), text);
            String dot = text.toString();
            int end = dot.lastIndexOf('}');
            w.write(dot.substring(0, end) + legend(colour, !namedFirms.isEmpty(), !restricted.isEmpty()) + dot.substring(end));
        } else {
            exporter.exportGraph(withAlternates(network), w);
        }
        w.flush();
    }

    /** The supply graph plus one edge per alternate; edges are SupplyLink or Alternate records. */
    static Graph<Site, Object> withAlternates(Network n) {
        Graph<Site, Object> g = GraphTypeBuilder.<Site, Object>directed().allowingMultipleEdges(true)
                .allowingSelfLoops(true).weighted(false).buildGraph();
        n.graph().vertexSet().forEach(g::addVertex);
        for (SupplyLink l : n.links()) {
            g.addEdge(n.site(l.from()), n.site(l.to()), l);
        }
        for (Alternate a : n.alternates()) {
            g.addEdge(n.site(a.from()), n.site(a.site()), a);
        }
        return g;
    }

    /** Node ids of the legend start with this, which no site id can: ids start with a letter or digit. */
    public static final String LEGEND = "_legend_";

    /** The DOT legend: a fill per country, the marks for named firms and restricted links, and the two kinds of edge. */
    static String legend(Map<String, String> colour, boolean named, boolean restricted) {
        StringBuilder b = new StringBuilder("  subgraph cluster_legend {\n    label=\"Legend\";\n    fontname=\"DejaVu Sans\";\n"
                + "    node [shape=box, style=\"rounded,filled\", fontname=\"DejaVu Sans\", fontsize=9];\n");
        int i = 0;
        for (var e : colour.entrySet()) {
            b.append("    \"").append(LEGEND).append("country").append(i++).append("\" [label=\"sites in ").append(e.getKey())
                    .append("\", fillcolor=\"").append(e.getValue()).append("\"];\n");
        }
        if (named) {
            b.append("    \"").append(LEGEND).append("named\" [label=\"a firm a measure names\", fillcolor=\"white\", color=\"#c00000\","
                    + " penwidth=3];\n");
        }
        b.append("    \"").append(LEGEND).append("a\" [label=\"supplier\", fillcolor=\"white\"];\n");
        b.append("    \"").append(LEGEND).append("b\" [label=\"customer\", fillcolor=\"white\"];\n");
        b.append("    \"").append(LEGEND).append("a\" -> \"").append(LEGEND).append("b\" [label=\"supply link: item, share, lead time\", fontsize=8];\n");
        b.append("    \"").append(LEGEND).append("a\" -> \"").append(LEGEND).append("b\" [label=\"alternate source\", style=dashed,"
                + " color=\"#666666\", fontsize=8];\n");
        if (restricted) {
            b.append("    \"").append(LEGEND).append("a\" -> \"").append(LEGEND).append("b\" [label=\"restricted by a measure\","
                    + " color=\"#c00000\", fontcolor=\"#c00000\", penwidth=2.5, fontsize=8];\n");
        }
        return b.append("  }\n").toString();
    }

    private static DOTExporter<Site, Object> dot(Network n, Set<String> named, Map<String, String> colour, Map<String, String> restricted) {
        DOTExporter<Site, Object> e = new DOTExporter<>(s -> quote(s.id()));
        e.setGraphIdProvider(() -> "supply");
        e.setGraphAttributeProvider(() -> {
            Map<String, Attribute> g = new LinkedHashMap<>();
            g.put("rankdir", DefaultAttribute.createAttribute("LR"));
            g.put("fontname", DefaultAttribute.createAttribute("\"DejaVu Sans\"")); // graph attributes are written unquoted
            return g;
        });
        e.setVertexAttributeProvider(s -> {
            Map<String, Attribute> a = new LinkedHashMap<>();
            a.put("label", DefaultAttribute.createAttribute(s.id() + "\\n" + s.makes() + " · " + s.firm() + " (" + s.location() + ")"));
            a.put("shape", DefaultAttribute.createAttribute("box"));
            a.put("style", DefaultAttribute.createAttribute("rounded,filled"));
            a.put("fontname", DefaultAttribute.createAttribute("DejaVu Sans"));
            a.put("fontsize", DefaultAttribute.createAttribute(10));
            a.put("fillcolor", DefaultAttribute.createAttribute(colour.get(s.location())));
            a.put("country", DefaultAttribute.createAttribute(s.location()));
            if (named.contains(s.firm())) {
                a.put("color", DefaultAttribute.createAttribute("#c00000"));
                a.put("penwidth", DefaultAttribute.createAttribute(3));
                a.put("measure", DefaultAttribute.createAttribute(true));
            }
            return a;
        });
        e.setEdgeAttributeProvider(edge -> {
            Map<String, Attribute> a = new LinkedHashMap<>();
            if (edge instanceof SupplyLink l) {
                a.put("label", DefaultAttribute.createAttribute(l.item() + " " + pct(l.share()) + ", " + l.leadTime()));
            } else {
                Alternate alt = (Alternate) edge;
                a.put("label", DefaultAttribute.createAttribute("alternate " + alt.deliveredItem() + " ≤" + pct(alt.maxShare())
                        + ", qualify " + alt.qualify()));
                a.put("style", DefaultAttribute.createAttribute("dashed"));
                a.put("color", DefaultAttribute.createAttribute("#666666"));
                a.put("kind", DefaultAttribute.createAttribute("alternate"));
            }
            a.put("fontsize", DefaultAttribute.createAttribute(8));
            String measures = restricted.get(key(edge));
            if (measures != null) {
                a.put("color", DefaultAttribute.createAttribute("#c00000"));
                a.put("fontcolor", DefaultAttribute.createAttribute("#c00000"));
                a.put("penwidth", DefaultAttribute.createAttribute(2.5));
                a.put("label", DefaultAttribute.createAttribute(a.get("label").getValue() + "\\nrestricted: " + measures));
                a.put("restricted", DefaultAttribute.createAttribute(measures));
            }
            return a;
        });
        return e;
    }

    /** An edge's {@code FROM->TO}, as decisions name links and alternates. */
    static String key(Object edge) {
        return edge instanceof SupplyLink l ? l.from() + "->" + l.to() : ((Alternate) edge).from() + "->" + ((Alternate) edge).site();
    }

    private static GraphMLExporter<Site, Object> graphml(Network n, Set<String> named, Map<String, String> restricted) {
        GraphMLExporter<Site, Object> e = new GraphMLExporter<>(Site::id);
        e.setExportEdgeLabels(false);
        e.registerAttribute("firm", GraphMLExporter.AttributeCategory.NODE, AttributeType.STRING);
        e.registerAttribute("makes", GraphMLExporter.AttributeCategory.NODE, AttributeType.STRING);
        e.registerAttribute("country", GraphMLExporter.AttributeCategory.NODE, AttributeType.STRING);
        e.registerAttribute("capacity", GraphMLExporter.AttributeCategory.NODE, AttributeType.DOUBLE);
        e.registerAttribute("measure", GraphMLExporter.AttributeCategory.NODE, AttributeType.BOOLEAN);
        e.registerAttribute("kind", GraphMLExporter.AttributeCategory.EDGE, AttributeType.STRING);
        e.registerAttribute("item", GraphMLExporter.AttributeCategory.EDGE, AttributeType.STRING);
        e.registerAttribute("share", GraphMLExporter.AttributeCategory.EDGE, AttributeType.DOUBLE);
        e.registerAttribute("lead-time", GraphMLExporter.AttributeCategory.EDGE, AttributeType.STRING);
        e.registerAttribute("qualify", GraphMLExporter.AttributeCategory.EDGE, AttributeType.STRING);
        e.registerAttribute("restricted", GraphMLExporter.AttributeCategory.EDGE, AttributeType.STRING);
        e.setVertexAttributeProvider(s -> vertexAttributes(s, named));
        e.setEdgeAttributeProvider(edge -> edgeAttributes(edge, restricted));
        return e;
    }

    private static JSONExporter<Site, Object> json(Network n, Set<String> named, Map<String, String> restricted) {
        JSONExporter<Site, Object> e = new JSONExporter<>(Site::id);
        e.setVertexAttributeProvider(s -> vertexAttributes(s, named));
        e.setEdgeAttributeProvider(edge -> edgeAttributes(edge, restricted));
        return e;
    }

    private static Map<String, Attribute> vertexAttributes(Site s, Set<String> named) {
        Map<String, Attribute> a = new LinkedHashMap<>();
        a.put("firm", DefaultAttribute.createAttribute(s.firm()));
        a.put("makes", DefaultAttribute.createAttribute(s.makes()));
        a.put("country", DefaultAttribute.createAttribute(s.location()));
        a.put("capacity", DefaultAttribute.createAttribute(s.capacity()));
        a.put("measure", DefaultAttribute.createAttribute(named.contains(s.firm())));
        return a;
    }

    private static Map<String, Attribute> edgeAttributes(Object edge, Map<String, String> restricted) {
        Map<String, Attribute> a = new LinkedHashMap<>();
        if (restricted.containsKey(key(edge))) {
            a.put("restricted", DefaultAttribute.createAttribute(restricted.get(key(edge))));
        }
        if (edge instanceof SupplyLink l) {
            a.put("kind", DefaultAttribute.createAttribute("link"));
            a.put("item", DefaultAttribute.createAttribute(l.item()));
            a.put("share", DefaultAttribute.createAttribute(l.share()));
            a.put("lead-time", DefaultAttribute.createAttribute(l.leadTime().toString()));
        } else {
            Alternate alt = (Alternate) edge;
            a.put("kind", DefaultAttribute.createAttribute("alternate"));
            a.put("item", DefaultAttribute.createAttribute(alt.deliveredItem()));
            a.put("share", DefaultAttribute.createAttribute(alt.maxShare()));
            a.put("qualify", DefaultAttribute.createAttribute(alt.qualify().toString()));
        }
        return a;
    }

    private static String quote(String id) {
        return "\"" + id.replace("\"", "\\\"") + "\"";
    }

    private static String pct(double share) {
        return Checks.fmt(Math.round(share * 1000) / 10.0) + "%";
    }

    public static Format format(String name) {
        return Format.valueOf(name.toUpperCase(Locale.ROOT));
    }
}
