package org.chokepoint.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.chokepoint.model.Alternate;
import org.chokepoint.model.Demand;
import org.chokepoint.model.Duration;
import org.chokepoint.model.Firm;
import org.chokepoint.model.InvalidInputException;
import org.chokepoint.model.Item;
import org.chokepoint.model.Network;
import org.chokepoint.model.NetworkBuilder;
import org.chokepoint.model.Problem;
import org.chokepoint.model.Site;
import org.chokepoint.model.SupplyLink;

/**
 * Reads a supply network from a YAML or JSON file, or from a folder of CSV tables
 * ({@link CsvNetworkReader}). Every problem in the file, from a misspelt key to a cycle of
 * zero-lead-time links, is reported together in one {@link InvalidInputException}.
 */
public final class NetworkReader {

    static final List<String> TOP = List.of("items", "firms", "sites", "links", "alternates", "demand", "sources", "assumptions", "description",
            "as-of");

    private NetworkReader() {}

    /** Reads the network at {@code path}: a .yaml/.yml/.json file or a folder of CSV tables. */
    public static Network read(Path path) {
        return read(path, ReadProgress.NONE);
    }

    /** As {@link #read(Path)}, telling {@code progress} how far a folder of CSV tables has been read. */
    public static Network read(Path path, ReadProgress progress) {
        return read(path, path.toString(), progress);
    }

    static Network read(Path path, String shown, ReadProgress progress) {
        if (Files.isDirectory(path)) {
            return CsvNetworkReader.read(path, shown, progress);
        }
        if (!TreeReader.isTreeFile(path)) {
            String hint = formatHint(path);
            if (!Files.exists(path)) {
                throw new InvalidInputException(Problem.at("", "file not found: " + shown,
                        "Check the path; paths inside a scenario are relative to the file that names them."));
            }
            throw new InvalidInputException(Problem.at("", "cannot tell the format of " + shown, hint));
        }
        Problems problems = new Problems();
        Node root = TreeReader.read(path, shown, problems);
        NetworkBuilder b = new NetworkBuilder();
        Fields top = Fields.of(root, "", problems, "a network");
        if (top != null) {
            bind(top, b);
        }
        return finish(b, problems);
    }

    /** What to name instead of a file whose name says neither YAML nor JSON. */
    static String formatHint(Path path) {
        return path.getFileName().toString().endsWith(".csv")
                ? "A CSV network is a folder of tables (items.csv, firms.csv, sites.csv, ...): name the folder."
                : "Use a .yaml, .yml or .json file, or a folder of CSV tables.";
    }

    /** Builds the network, reporting problems found while reading together with the model's own. */
    static Network finish(NetworkBuilder b, Problems problems) {
        for (Problem p : problems.list()) {
            b.report(p);
        }
        return b.build();
    }

    /** Binds the keys of a network mapping (a network file, or a scenario's inline network). */
    static void bind(Fields top, NetworkBuilder b) {
        top.allow(TOP);
        Problems problems = top.problems;
        top.texts("sources").forEach(s -> b.note(new org.chokepoint.model.Note("network", org.chokepoint.model.Note.Kind.SOURCE, s)));
        top.texts("assumptions").forEach(s -> b.note(new org.chokepoint.model.Note("network", org.chokepoint.model.Note.Kind.ASSUMPTION, s)));
        top.text("description", false, "");
        b.defaultAsOf(top.date("as-of", false));

        forEach(top, "items", Elements.ITEM, "an item", (f, o) -> {
            Item it = Elements.item(f, o, b);
            if (it != null) {
                b.item(it, o);
            }
        });
        forEach(top, "firms", Elements.FIRM, "a firm", (f, o) -> {
            Firm it = Elements.firm(f, o, b);
            if (it != null) {
                b.firm(it, o);
            }
        });
        forEach(top, "sites", Elements.SITE, "a site", (f, o) -> {
            Map<String, Double> recipe = f.numberMap("recipe");
            Map<String, Duration> stock = f.durationMap("stock");
            Site it = Elements.site(f, o, b, recipe, stock);
            if (it != null) {
                b.site(it, o);
            }
        });
        forEach(top, "links", Elements.LINK, "a link", (f, o) -> {
            SupplyLink it = Elements.link(f, o, b);
            if (it != null) {
                b.link(it, o);
            }
        });
        forEach(top, "alternates", Elements.ALTERNATE, "an alternate", (f, o) -> {
            Alternate it = Elements.alternate(f, o, b);
            if (it != null) {
                b.alternate(it, o);
            }
        });
        forEach(top, "demand", Elements.DEMAND, "a demand entry", (f, o) -> {
            Demand it = Elements.demand(f, o, b);
            if (it != null) {
                b.demand(it, o);
            }
        });
        if (problems.isEmpty() && !top.has("items")) {
            top.fail(null, "items", "the network defines no items", "A network needs items, firms and sites.");
        }
    }

    private interface ElementBinder {
        void bind(Fields f, TreeOrigin o);
    }

    private static void forEach(Fields top, String key, List<String> allowed, String what, ElementBinder binder) {
        List<Node> list = top.list(key);
        for (int i = 0; i < list.size(); i++) {
            String path = top.pathOf(key) + "[" + i + "]";
            Fields f = Fields.of(list.get(i), path, top.problems, what);
            if (f == null) {
                continue;
            }
            f.allow(allowed);
            binder.bind(f, new TreeOrigin(f.node, path));
        }
    }
}
