package org.chokepoint.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import org.chokepoint.model.Names;
import java.util.Map;
import java.util.TreeMap;
import org.chokepoint.model.Measure;
import org.chokepoint.model.Network;
import org.chokepoint.model.Scenario;

/** The short, aligned summary that {@code validate} and {@code run} print. */
final class Summary {

    private Summary() {}

    static void network(PrintWriter out, Network n) {
        row(out, "items", String.valueOf(n.items().size()));
        row(out, "firms", String.valueOf(n.firms().size()));
        row(out, "sites", String.valueOf(n.sites().size()));
        row(out, "links", String.valueOf(n.links().size()));
        row(out, "alternates", String.valueOf(n.alternates().size()));
        row(out, "demand", n.demand().size() + " entries");
        row(out, "end items", Names.list(new ArrayList<>(n.endItems()), 10));
        row(out, "countries", Names.list(new ArrayList<>(n.countries()), 20));
    }

    static void scenario(PrintWriter out, Scenario s) {
        row(out, "scenario", s.id());
        row(out, "title", s.title());
        row(out, "span", s.start() + " to " + s.end() + ", " + s.periods() + " " + (s.step() == org.chokepoint.model.Step.DAY ? "daily" : "weekly") + " periods, seed " + s.seed());
        row(out, "network", s.networkSource());
        network(out, s.network());
        Map<String, Integer> byType = new TreeMap<>();
        for (Measure m : s.measures()) {
            byType.merge(m.type(), 1, Integer::sum);
        }
        StringBuilder types = new StringBuilder();
        byType.forEach((t, c) -> types.append(types.length() == 0 ? "" : ", ").append(t).append(c > 1 ? " ×" + c : ""));
        row(out, "measures", s.measures().size() + (byType.isEmpty() ? "" : " (" + types + ")"));
        for (String w : s.warnings()) {
            out.println("  warning: " + w);
        }
    }

    static void sweep(PrintWriter out, org.chokepoint.io.SweepReader.Loaded loaded) {
        org.chokepoint.analysis.Sweep sw = loaded.sweep();
        row(out, "sweep", loaded.id());
        row(out, "scenario", loaded.scenarioFile() + " (" + loaded.scenario().id() + ")");
        row(out, "design", sw.design().key() + ", " + sw.points().size() + " points × " + sw.runs() + " runs, seed " + sw.seed());
        row(out, "parameters", String.join(", ", sw.axes().stream().map(org.chokepoint.analysis.Sweep.Axis::path).toList()));
        row(out, "metrics", String.join(", ", sw.metrics()));
    }

    private static void row(PrintWriter out, String label, String value) {
        out.printf("  %-11s %s%n", label, value);
    }
}
