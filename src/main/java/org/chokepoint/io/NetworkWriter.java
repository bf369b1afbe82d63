package org.chokepoint.io;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chokepoint.model.Alternate;
import org.chokepoint.model.Checks;
import org.chokepoint.model.Demand;
import org.chokepoint.model.Duration;
import org.chokepoint.model.Firm;
import org.chokepoint.model.Item;
import org.chokepoint.model.Network;
import org.chokepoint.model.Site;
import org.chokepoint.model.SupplyLink;

/**
 * Writes a network in the formats {@link NetworkReader} reads: YAML, JSON, or a folder of CSV
 * tables. What is written reads back to an equal network. Defaults are left out, so files stay
 * as short as people write them.
 */
public final class NetworkWriter {

    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .build());
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    private static final CsvMapper CSV = new CsvMapper();

    private NetworkWriter() {}

    /** Writes YAML to a file (atomically), or JSON when the name ends in {@code .json}. */
    public static void write(Network n, Path file) throws IOException {
        boolean json = file.getFileName().toString().endsWith(".json");
        AtomicFiles.write(file, out -> (json ? JSON : YAML).writeValue(nonClosing(out), tree(n)));
    }

    public static void writeYaml(Network n, Writer out) throws IOException {
        YAML.writeValue(out, tree(n));
    }

    /**
     * Writes the CSV tables into {@code dir} as an {@link OutputFolder}: created if missing, refused
     * (with an {@link OutputException}) when it holds files Chokepoint did not write.
     */
    public static void writeCsv(Network n, Path dir) {
        try (OutputFolder folder = OutputFolder.open(dir, "generate", false, List.of(), List.of())) {
            folder.write(tmp -> writeCsvTables(n, tmp));
            folder.commit();
        }
    }

    /** Writes the CSV tables into an existing folder. */
    public static void writeCsvTables(Network n, Path dir) throws IOException {
        About about = new About(n);
        List<String[]> own = new ArrayList<>();
        for (org.chokepoint.model.Note note : n.notes()) {
            if (note.element().equals("network") && note.kind() != org.chokepoint.model.Note.Kind.NOTE) {
                own.add(row(note.kind() == org.chokepoint.model.Note.Kind.SOURCE ? "source" : "assumption", note.text()));
            }
        }
        if (!own.isEmpty()) {
            table(dir, "network", List.of("key", "text"), own);
        }
        List<String> itemColumns = new ArrayList<>(List.of("id", "name", "value", "eccn", "category", "tpp", "performance-density"));
        itemColumns.addAll(Item.SPECS);
        table(dir, "items", itemColumns, about, n.items(), NetworkWriter::name, rows(n.items(), i -> {
            List<String> cells = new ArrayList<>(List.of(i.id(), i.name().equals(i.id()) ? "" : i.name(), num(i.value()), i.eccn(),
                    i.category().key(), i.tpp().isPresent() ? num(i.tpp().getAsDouble()) : "",
                    i.performanceDensity().isPresent() ? num(i.performanceDensity().getAsDouble()) : ""));
            for (String spec : Item.SPECS) {
                cells.add(i.specs().containsKey(spec) ? num(i.specs().get(spec)) : "");
            }
            return cells.toArray(String[]::new);
        }));
        table(dir, "firms", List.of("id", "name", "country", "parent", "aliases", "owners"), about, n.firms(), NetworkWriter::name,
                rows(n.firms(), f -> {
            List<String> owners = new ArrayList<>();
            f.owners().forEach((k, v) -> owners.add(k + ":" + num(v)));
            return row(f.id(), f.name().equals(f.id()) ? "" : f.name(), f.country(), f.parent() == null ? "" : f.parent(),
                    String.join("|", f.aliases()), String.join("|", owners));
        }));
        table(dir, "sites", List.of("id", "firm", "makes", "location", "capacity", "price", "made-with", "capacity-path", "owner-path"),
                about, n.sites(), NetworkWriter::name, rows(n.sites(), s -> row(s.id(), s.firm(), s.makes(), s.location(), num(s.capacity()),
                        Double.isNaN(s.price()) ? "" : num(s.price()), String.join("|", s.madeWith()), pathCell(s.capacityPath()),
                        ownerCell(s.ownerPath()))));
        List<String[]> recipes = new ArrayList<>();
        for (Site s : n.sites()) {
            for (Map.Entry<String, Double> in : s.recipe().entrySet()) {
                Duration stock = s.stock().get(in.getKey());
                recipes.add(row(s.id(), in.getKey(), num(in.getValue()), stock == null ? "" : stock.toString()));
            }
        }
        table(dir, "recipes", List.of("site", "input", "quantity", "stock"), recipes);
        table(dir, "links", List.of("from", "to", "item", "share", "lead-time", "markup"), about, n.links(), l -> name(l, about),
                rows(n.links(), l -> row(l.from(), l.to(), name(l, about).endsWith("/" + l.item()) ? l.item() : "", num(l.share()),
                        l.leadTime().toString(), num(l.markup()))));
        table(dir, "alternates", List.of("site", "item", "from", "as", "factor", "qualify", "ramp", "max-share", "premium"),
                about, n.alternates(), NetworkWriter::name, rows(n.alternates(), a -> row(a.site(), a.item(), a.from(), a.as() == null ? "" : a.as(), num(a.factor()),
                        a.qualify().toString(), a.ramp().toString(), num(a.maxShare()), num(a.premium()))));
        table(dir, "demand", List.of("item", "market", "site", "quantity", "price", "path", "pool", "switching"), about, n.demand(),
                NetworkWriter::name, rows(n.demand(), d -> row(
                d.item(), d.market(), d.site(), num(d.quantity()), Double.isNaN(d.price()) ? "" : num(d.price()), pathCell(d.path()),
                d.pool() == null ? "" : d.pool(), d.pool() == null ? "" : d.switching().toString())));
    }

    /** An owner path in a CSV cell: {@code DATE:FIRM|DATE:FIRM}. */
    private static String ownerCell(java.util.NavigableMap<java.time.LocalDate, String> path) {
        List<String> parts = new ArrayList<>();
        path.forEach((day, firm) -> parts.add(day + ":" + firm));
        return String.join("|", parts);
    }

    /** A dated path in a CSV cell: {@code DATE:FACTOR|DATE:FACTOR}. */
    private static String pathCell(java.util.NavigableMap<java.time.LocalDate, Double> path) {
        List<String> parts = new ArrayList<>();
        path.forEach((day, f) -> parts.add(day + ":" + num(f)));
        return String.join("|", parts);
    }

    /** A dated path in a tree: dates as keys, in order. */
    private static Map<String, Object> pathTree(java.util.NavigableMap<java.time.LocalDate, Double> path) {
        Map<String, Object> out = new LinkedHashMap<>();
        path.forEach((day, f) -> out.put(day.toString(), f));
        return out;
    }

    private static <T> List<String[]> rows(List<T> list, java.util.function.Function<T, String[]> f) {
        List<String[]> out = new ArrayList<>(list.size());
        for (T t : list) {
            out.add(f.apply(t));
        }
        return out;
    }

    private static String[] row(String... cells) {
        return cells;
    }

    /** An element table, with the columns of {@link About} where any of its elements has something in them. */
    private static <T> void table(Path dir, String name, List<String> columns, About about, List<T> elements,
                                  java.util.function.Function<T, String> nameOf, List<String[]> rows) throws IOException {
        List<String> names = new ArrayList<>(elements.size());
        for (T e : elements) {
            names.add(nameOf.apply(e));
        }
        if (!about.any(names)) {
            table(dir, name, columns, rows);
            return;
        }
        List<String> all = new ArrayList<>(columns);
        all.addAll(About.COLUMNS);
        List<String[]> full = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            String[] cells = java.util.Arrays.copyOf(rows.get(i), columns.size() + About.COLUMNS.size());
            System.arraycopy(about.cells(names.get(i)), 0, cells, columns.size(), About.COLUMNS.size());
            full.add(cells);
        }
        table(dir, name, all, full);
    }

    private static void table(Path dir, String name, List<String> columns, List<String[]> rows) throws IOException {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true).setLineSeparator("\n");
        columns.forEach(schema::addColumn);
        try (Writer w = Files.newBufferedWriter(dir.resolve(name + ".csv"), StandardCharsets.UTF_8);
             CsvGenerator g = (CsvGenerator) CSV.getFactory().createGenerator(w)) {
            g.setSchema(schema.build());
            for (String[] r : rows) {
                g.writeStartArray();
                for (String cell : r) {
                    g.writeString(cell);
                }
                g.writeEndArray();
            }
        }
    }

    /** The network as ordered maps and lists, keys as in files, defaults left out. */
    static Map<String, Object> tree(Network n) {
        About about = new About(n);
        Map<String, Object> root = new LinkedHashMap<>();
        List<String> own = about.network(org.chokepoint.model.Note.Kind.SOURCE);
        putIf(root, "sources", own.isEmpty() ? null : own);
        own = about.network(org.chokepoint.model.Note.Kind.ASSUMPTION);
        putIf(root, "assumptions", own.isEmpty() ? null : own);
        List<Object> items = new ArrayList<>();
        for (Item i : n.items()) {
            Map<String, Object> m = map("id", i.id());
            putIf(m, "name", i.name().equals(i.id()) ? null : i.name());
            m.put("value", i.value());
            putIf(m, "eccn", i.eccn().equals("EAR99") ? null : i.eccn());
            putIf(m, "category", i.category() == Item.Category.COMPONENT ? null : i.category().key());
            if (i.tpp().isPresent()) {
                m.put("tpp", i.tpp().getAsDouble());
            }
            if (i.performanceDensity().isPresent()) {
                m.put("performance-density", i.performanceDensity().getAsDouble());
            }
            m.putAll(i.specs());
            about.put(m, name(i));
            items.add(m);
        }
        root.put("items", items);
        List<Object> firms = new ArrayList<>();
        for (Firm f : n.firms()) {
            Map<String, Object> m = map("id", f.id());
            putIf(m, "name", f.name().equals(f.id()) ? null : f.name());
            m.put("country", f.country());
            putIf(m, "parent", f.parent());
            putIf(m, "aliases", f.aliases().isEmpty() ? null : f.aliases());
            putIf(m, "owners", f.owners().isEmpty() ? null : f.owners());
            about.put(m, name(f));
            firms.add(m);
        }
        root.put("firms", firms);
        List<Object> sites = new ArrayList<>();
        for (Site s : n.sites()) {
            Map<String, Object> m = map("id", s.id());
            m.put("firm", s.firm());
            m.put("makes", s.makes());
            putIf(m, "location", s.location().equals(n.firm(s.firm()).country()) ? null : s.location());
            m.put("capacity", s.capacity());
            putIf(m, "recipe", s.recipe().isEmpty() ? null : s.recipe());
            if (!s.stock().isEmpty()) {
                Map<String, Object> stock = new LinkedHashMap<>();
                s.stock().forEach((k, v) -> stock.put(k, durationValue(v)));
                m.put("stock", stock);
            }
            putIf(m, "price", Double.isNaN(s.price()) ? null : s.price());
            putIf(m, "made-with", s.madeWith().isEmpty() ? null : s.madeWith());
            putIf(m, "capacity-path", s.capacityPath().isEmpty() ? null : pathTree(s.capacityPath()));
            if (!s.ownerPath().isEmpty()) {
                Map<String, Object> owners = new java.util.LinkedHashMap<>();
                s.ownerPath().forEach((day, firm) -> owners.put(day.toString(), firm));
                m.put("owner-path", owners);
            }
            about.put(m, name(s));
            sites.add(m);
        }
        root.put("sites", sites);
        List<Object> links = new ArrayList<>();
        for (SupplyLink l : n.links()) {
            Map<String, Object> m = map("from", l.from());
            m.put("to", l.to());
            String name = name(l, about);
            putIf(m, "item", name.endsWith("/" + l.item()) ? l.item() : null); // else read without one: its supplier's
            m.put("share", l.share());
            putIf(m, "lead-time", l.leadTime().isZero() ? null : durationValue(l.leadTime()));
            putIf(m, "markup", l.markup() == 0 ? null : l.markup());
            about.put(m, name);
            links.add(m);
        }
        root.put("links", links);
        List<Object> alternates = new ArrayList<>();
        for (Alternate a : n.alternates()) {
            Map<String, Object> m = map("site", a.site());
            m.put("item", a.item());
            m.put("from", a.from());
            putIf(m, "as", a.as());
            m.put("factor", a.factor());
            m.put("qualify", durationValue(a.qualify()));
            m.put("ramp", durationValue(a.ramp()));
            m.put("max-share", a.maxShare());
            m.put("premium", a.premium());
            about.put(m, name(a));
            alternates.add(m);
        }
        putIf(root, "alternates", alternates.isEmpty() ? null : alternates);
        List<Object> demand = new ArrayList<>();
        for (Demand d : n.demand()) {
            Map<String, Object> m = map("item", d.item());
            m.put("market", d.market());
            m.put("site", d.site());
            m.put("quantity", d.quantity());
            putIf(m, "price", Double.isNaN(d.price()) ? null : d.price());
            putIf(m, "path", d.path().isEmpty() ? null : pathTree(d.path()));
            putIf(m, "pool", d.pool());
            putIf(m, "switching", d.pool() == null ? null : durationValue(d.switching()));
            about.put(m, name(d));
            demand.add(m);
        }
        root.put("demand", demand);
        return root;
    }

    /**
     * Each element's sources, assumption, note, as-of and calibrated, by the element's name in the
     * network's notes and facts ({@code items/ID}, {@code links/FROM->TO/ITEM}, ...), written back
     * under the keys they were read from.
     */
    private static final class About {
        static final List<String> COLUMNS = List.of("sources", "assumption", "note", "as-of", "calibrated");
        private final Map<String, List<String>> sources = new java.util.HashMap<>();
        private final Map<String, List<String>> assumptions = new java.util.HashMap<>();
        private final Map<String, String> note = new java.util.HashMap<>();
        private final Map<String, org.chokepoint.model.Fact> facts = new java.util.HashMap<>();

        About(Network n) {
            for (org.chokepoint.model.Note x : n.notes()) {
                switch (x.kind()) {
                    case SOURCE -> sources.computeIfAbsent(x.element(), k -> new ArrayList<>()).add(x.text());
                    case ASSUMPTION -> assumptions.computeIfAbsent(x.element(), k -> new ArrayList<>()).add(x.text());
                    case NOTE -> note.put(x.element(), x.text());
                }
            }
            for (org.chokepoint.model.Fact f : n.facts()) {
                facts.put(f.element(), f);
            }
        }

        /** The network's own sources or assumptions. */
        List<String> network(org.chokepoint.model.Note.Kind kind) {
            return (kind == org.chokepoint.model.Note.Kind.SOURCE ? sources : assumptions).getOrDefault("network", List.of());
        }

        /** Whether an element was read under this name (a link read without its item has a name without it). */
        boolean named(String element) {
            return facts.containsKey(element);
        }

        void put(Map<String, Object> m, String element) {
            putIf(m, "sources", sources.get(element));
            putIf(m, "assumption", assumptions.containsKey(element) ? assumptions.get(element).get(0) : null);
            putIf(m, "note", note.get(element));
            org.chokepoint.model.Fact f = facts.get(element);
            if (f != null) {
                putIf(m, "as-of", f.asOf() == null ? null : f.asOf().toString());
                putIf(m, "calibrated", f.calibrated() == null ? null : f.calibrated().equals("calibrated") ? (Object) true : f.calibrated());
            }
        }

        /** The cells of {@link #COLUMNS} for a CSV row. */
        String[] cells(String element) {
            org.chokepoint.model.Fact f = facts.get(element);
            return new String[] {String.join("|", sources.getOrDefault(element, List.of())),
                assumptions.containsKey(element) ? assumptions.get(element).get(0) : "", note.getOrDefault(element, ""),
                f == null || f.asOf() == null ? "" : f.asOf().toString(),
                f == null || f.calibrated() == null ? "" : f.calibrated().equals("calibrated") ? "true" : f.calibrated()};
        }

        /** Whether any of these elements has something to say: only then does its table get the columns. */
        boolean any(List<String> elements) {
            for (String e : elements) {
                org.chokepoint.model.Fact f = facts.get(e);
                if (sources.containsKey(e) || assumptions.containsKey(e) || note.containsKey(e)
                        || f != null && (f.asOf() != null || f.calibrated() != null)) {
                    return true;
                }
            }
            return false;
        }
    }

    private static String name(Item i) {
        return "items/" + i.id();
    }

    private static String name(Firm f) {
        return "firms/" + f.id();
    }

    private static String name(Site s) {
        return "sites/" + s.id();
    }

    /** A link's name: with its item, unless it was read without one (its supplier's item, filled in). */
    private static String name(SupplyLink l, About about) {
        String bare = "links/" + l.from() + "->" + l.to();
        String full = bare + "/" + l.item();
        return about.named(bare) && !about.named(full) ? bare : full;
    }

    private static String name(Alternate a) {
        return "alternates/" + a.site() + "/" + a.item() + "<-" + a.from();
    }

    private static String name(Demand d) {
        return "demand/" + d.item() + "@" + d.market() + "/" + d.site();
    }

    private static Object durationValue(Duration d) {
        return d.unit() == Duration.Unit.PERIODS ? (Object) d.amount() : d.toString();
    }

    private static Map<String, Object> map(String k, Object v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(k, v);
        return m;
    }

    private static void putIf(Map<String, Object> m, String k, Object v) {
        if (v != null) {
            m.put(k, v);
        }
    }

    private static String num(double x) {
        return Checks.fmt(x);
    }

    private static OutputStream nonClosing(OutputStream out) {
        return new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }

}
