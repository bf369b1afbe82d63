package org.chokepoint.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.chokepoint.model.Network;
import org.chokepoint.model.Scenario;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.builder.GraphTypeBuilder;
import org.jgrapht.nio.Attribute;
import org.jgrapht.nio.dot.DOTImporter;
import org.jgrapht.nio.graphml.GraphMLImporter;
import org.jgrapht.util.SupplierUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DOT and GraphML exports read back with JGraphT's importers (and Graphviz, where installed). */
class GraphExportTest {

    @TempDir
    Path dir;

    final Scenario scenario = ScenarioReader.read(Path.of("scenarios/inspur-entity-list-2025.yaml"));
    final Network network = scenario.network();
    final Set<String> listed = Set.of("inspur-electronic", "inspur-taiwan");

    @Test
    void dotReadsBackWithTheSameNodesEdgesAndMarks() throws IOException {
        String dot = export(GraphExport.Format.DOT);
        Graph<String, DefaultEdge> g = emptyGraph();
        Map<String, Map<String, Attribute>> attrs = new HashMap<>();
        DOTImporter<String, DefaultEdge> importer = new DOTImporter<>();
        importer.setVertexFactory(id -> id);
        importer.addVertexAttributeConsumer((p, a) -> attrs.computeIfAbsent(p.getFirst(), k -> new HashMap<>()).put(p.getSecond(), a));
        importer.importGraph(g, new StringReader(dot));

        // the legend's nodes and edges aside, the graph is the network
        assertThat(g.vertexSet().stream().filter(v -> !v.startsWith(GraphExport.LEGEND))).hasSize(network.sites().size())
                .contains("inspur-ai-line", "nvidia-gpu");
        assertThat(g.edgeSet().stream().filter(e -> !g.getEdgeSource(e).startsWith(GraphExport.LEGEND)))
                .hasSize(network.links().size() + network.alternates().size());
        assertThat(g.vertexSet()).as("a legend: every country, the named firms' mark")
                .contains(GraphExport.LEGEND + "named", GraphExport.LEGEND + "country0");
        assertThat(g.containsEdge("nvidia-gpu", "inspur-ai-line")).isTrue();
        assertThat(g.containsEdge("huawei-ascend", "inspur-ai-line")).as("alternates are edges too").isTrue();
        assertThat(attrs.get("inspur-ai-line").get("measure").getValue()).isEqualTo("true");
        assertThat(attrs.get("inspur-ai-line").get("color").getValue()).isEqualTo("#c00000");
        assertThat(attrs.get("nvidia-gpu")).doesNotContainKey("measure");
        assertThat(attrs.get("nvidia-gpu").get("country").getValue()).isEqualTo("TW");
        // Same country, same fill; different country, different fill.
        assertThat(attrs.get("nvidia-gpu").get("fillcolor").getValue()).isEqualTo(attrs.get("tsmc-n4").get("fillcolor").getValue());
        assertThat(attrs.get("nvidia-gpu").get("fillcolor").getValue()).isNotEqualTo(attrs.get("intel-xeon").get("fillcolor").getValue());
    }

    @Test
    void graphmlReadsBackWithAttributes() throws IOException {
        String xml = export(GraphExport.Format.GRAPHML);
        Graph<String, DefaultEdge> g = emptyGraph();
        Map<String, Map<String, Attribute>> attrs = new HashMap<>();
        GraphMLImporter<String, DefaultEdge> importer = new GraphMLImporter<>();
        importer.setVertexFactory(id -> id);
        importer.addVertexAttributeConsumer((p, a) -> attrs.computeIfAbsent(p.getFirst(), k -> new HashMap<>()).put(p.getSecond(), a));
        importer.importGraph(g, new StringReader(xml));
        assertThat(g.vertexSet()).hasSize(network.sites().size());
        assertThat(g.edgeSet()).hasSize(network.links().size() + network.alternates().size());
        assertThat(attrs.get("hynix-hbm").get("firm").getValue()).isEqualTo("sk-hynix");
        assertThat(attrs.get("inspur-gp-line").get("measure").getValue()).isEqualTo("true");
    }

    @Test
    void jsonExportNamesEveryNode() throws IOException {
        String json = export(GraphExport.Format.JSON);
        for (var s : network.sites()) {
            assertThat(json).contains("\"id\":\"" + s.id() + "\"");
        }
    }

    @Test
    void graphvizRendersTheDot() throws IOException, InterruptedException {
        assumeTrue(onPath("dot"), "Graphviz is not installed");
        Path dot = Files.writeString(dir.resolve("g.dot"), export(GraphExport.Format.DOT));
        Process p = new ProcessBuilder("dot", "-Tsvg", dot.toString(), "-o", dir.resolve("g.svg").toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        String svg = Files.readString(dir.resolve("g.svg"));
        int legendNodes = network.countries().size() + 3; // a node per country, the named firms' mark, supplier and customer
        assertThat(svg.split("class=\"node\"", -1)).hasSize(network.sites().size() + legendNodes + 1);
        assertThat(svg.split("class=\"edge\"", -1)).hasSize(network.links().size() + network.alternates().size() + 2 + 1);
        assertThat(svg).contains("stroke-dasharray");
        assertThat(svg).contains("<title>inspur&#45;ai&#45;line</title>");
    }

    private String export(GraphExport.Format f) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        GraphExport.write(network, listed, f, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static Graph<String, DefaultEdge> emptyGraph() {
        return GraphTypeBuilder.<String, DefaultEdge>directed().allowingMultipleEdges(true).allowingSelfLoops(true)
                .edgeSupplier(SupplierUtil.DEFAULT_EDGE_SUPPLIER).buildGraph();
    }

    static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }

    /** Links a measure restricts are red and say which measure; the legend then shows what red means. */
    @Test
    void restrictedLinksAreMarkedWithTheirMeasures() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        GraphExport.write(network, listed, Map.of("nvidia-gpu->inspur-ai-line", "bis-2025-inspur"), GraphExport.Format.DOT, out);
        String dot = out.toString(StandardCharsets.UTF_8);
        assertThat(dot).contains("restricted: bis-2025-inspur").contains("restricted by a measure");
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        GraphExport.write(network, listed, Map.of("nvidia-gpu->inspur-ai-line", "bis-2025-inspur"), GraphExport.Format.JSON, json);
        assertThat(json.toString(StandardCharsets.UTF_8)).contains("\"restricted\":\"bis-2025-inspur\"");
    }
}
