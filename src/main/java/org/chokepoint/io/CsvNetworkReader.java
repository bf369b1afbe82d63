package org.chokepoint.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.chokepoint.model.SupplyLink;
import java.util.HashSet;
import org.chokepoint.model.Duration;
import org.chokepoint.model.InvalidInputException;
import org.chokepoint.model.Names;
import org.chokepoint.model.Network;
import org.chokepoint.model.NetworkBuilder;
import org.chokepoint.model.Origin;
import org.chokepoint.model.Problem;
import org.chokepoint.model.Site;

/**
 * Reads a network kept as CSV tables in one folder: {@code items.csv}, {@code firms.csv},
 * {@code sites.csv} (required), {@code recipes.csv}, {@code links.csv}, {@code alternates.csv},
 * {@code demand.csv}. The first row of each names its columns, which are the keys of the YAML
 * format; column order is free. List-valued cells ({@code aliases}, {@code made-with},
 * {@code sources}) separate values with {@code |}.
 *
 * <p>Rows stream through one reused mapping, so memory is the model's own plus a few integers per
 * row for error positions.
 */
final class CsvNetworkReader {

    static final List<String> TABLES = List.of("network", "items", "firms", "sites", "recipes", "links", "alternates", "demand");
    /** network.csv: what the network file's top level says, a row a statement. */
    static final List<String> NETWORK_KEYS = List.of("description", "source", "assumption", "as-of");
    private static final List<String> REQUIRED_TABLES = List.of("items", "firms", "sites");
    private static final CsvFactory CSV = CsvFactory.builder().build();
    /** Columns that hold ids or country codes: their values repeat, so rows share one String each. */
    private static final Set<String> ID_COLUMNS = Set.of("id", "firm", "makes", "location", "country", "parent",
            "site", "input", "from", "to", "item", "as", "market");

    private CsvNetworkReader() {}

    /**
     * Heap a network needs while it loads, per byte of its CSV tables. Measured on generated
     * networks: 100,000 sites and 1,000,000 links (55 MB of tables) keep 171 MB live once read (3.1
     * bytes a byte); 2,000,000 sites and 4,000,000 links (353 MB) fill 4.4 GB of heap at the end of
     * loading (12.6 bytes a byte: sites, items and firms cost more per byte than links) and fail in 4 GB.
     */
    static final int LOAD_BYTES_PER_CSV_BYTE = 13;

    static Network read(Path dir, String shown) {
        return read(dir, shown, ReadProgress.NONE);
    }

    static Network read(Path dir, String shown, ReadProgress progress) {
        Problems problems = new Problems();
        checkFolder(dir, shown, problems);
        checkHeap(dir, shown);
        Reading reading = new Reading(progress, tablesSize(dir));
        // links.csv is usually most of the data and needs nothing from the other tables: read it
        // on a second thread, with its own id pool and problem list.
        CompletableFuture<LinkTable> links = CompletableFuture.supplyAsync(() -> readLinks(reading, dir, shown));
        NetworkBuilder b = new NetworkBuilder();
        IdPool ids = new IdPool();
        Map<String, Map<String, Double>> recipes = new HashMap<>();
        Map<String, Map<String, Duration>> stocks = new HashMap<>();
        Map<String, Map<String, Origin>> recipeRows = new HashMap<>();
        Map<String, String> makesBySite = new HashMap<>();

        // The network's own description, sources, assumptions and date, first: the date is every element's default.
        table(reading, dir, shown, "network", List.of("key", "text"), List.of("key", "text"), problems, ids, (f, o) -> {
            String key = f.text("key", true, "One of " + String.join(", ", NETWORK_KEYS) + ".");
            if (key == null) {
                return;
            }
            switch (key) {
                case "description" -> f.text("text", true, "The network in a sentence or two.");
                case "source", "assumption" -> {
                    String text = f.text("text", true, "The citation or the assumption.");
                    if (text != null) {
                        b.note(new org.chokepoint.model.Note("network", key.equals("source") ? org.chokepoint.model.Note.Kind.SOURCE
                                : org.chokepoint.model.Note.Kind.ASSUMPTION, text));
                    }
                }
                case "as-of" -> {
                    java.time.LocalDate day = f.date("text", true);
                    if (day != null) {
                        b.defaultAsOf(day);
                    }
                }
                default -> f.fail(f.raw("key"), "key", "unknown key '" + key + "'", "One of " + String.join(", ", NETWORK_KEYS) + "."
                        + Names.didYouMean(key, new TreeSet<>(NETWORK_KEYS)));
            }
        });
        table(reading, dir, shown, "items", Elements.ITEM, List.of("id", "value"), problems, ids, (f, o) -> {
            var it = Elements.item(f, o, b);
            if (it != null) {
                b.item(it, o);
            }
        });
        table(reading, dir, shown, "firms", Elements.FIRM, List.of("id", "country"), problems, ids, (f, o) -> {
            var it = Elements.firm(f, o, b);
            if (it != null) {
                b.firm(it, o);
            }
        });
        // Recipes first, so each site row can be built whole.
        Set<String> brokenSites = new HashSet<>();
        table(reading, dir, shown, "recipes", Elements.RECIPE, List.of("site", "input", "quantity"), problems, ids, (f, o) -> {
            String site = f.text("site", true, "The site id.");
            String input = f.text("input", true, "The input item id.");
            if (site != null && input != null) {
                Map<String, Origin> rows = recipeRows.computeIfAbsent(site, k -> new LinkedHashMap<>());
                if (rows.containsKey(input)) {
                    f.fail(f.raw("input"), "input", "input '" + input + "' appears twice for site '" + site + "'",
                            "One row per site and input.");
                    return;
                }
                rows.put(input, o);
            }
            double q = f.requiredNumber("quantity", "Quantity of the input per unit of output.");
            if (q <= 0) {
                f.fail(f.raw("quantity"), "quantity", "must be greater than 0 (" + Fields.fmt(q) + ")", "Use a positive number.");
            }
            Duration stock = f.duration("stock", null);
            if (f.failed()) {
                if (site != null) {
                    brokenSites.add(site);
                }
                return;
            }
            recipes.computeIfAbsent(site, k -> new LinkedHashMap<>()).put(input, q);
            if (stock != null) {
                stocks.computeIfAbsent(site, k -> new LinkedHashMap<>()).put(input, stock);
            }
        });
        table(reading, dir, shown, "sites", Elements.SITE, List.of("id", "firm", "makes", "capacity"), problems, ids, (f, o) -> {
            String id = f.text("id", false, "");
            String makes = f.text("makes", false, "");
            if (id != null && makes != null) {
                makesBySite.putIfAbsent(id, makes);
            }
            Origin siteOrigin = new SiteOrigin(o, recipeRows.getOrDefault(id, Map.of()));
            if (brokenSites.contains(id)) {
                b.broken(id); // its recipe problem is reported already
                return;
            }
            Site it = Elements.site(f, siteOrigin, b, recipes.getOrDefault(id, Map.of()), stocks.getOrDefault(id, Map.of()));
            if (it != null) {
                b.site(it, siteOrigin);
            }
        });
        for (var e : recipeRows.entrySet()) {
            if (!makesBySite.containsKey(e.getKey())) {
                Origin first = recipeRows.get(e.getKey()).values().iterator().next();
                problems.add(first.problem("site", "unknown site '" + e.getKey() + "'",
                        "Every recipe row names a site from sites.csv." + Names.didYouMean(e.getKey(), new TreeSet<>(makesBySite.keySet()))));
            }
        }
        // Links were read on their own thread meanwhile; add them in file order.
        LinkTable linkTable = join(links);
        problems.addAll(linkTable.problems.list());
        b.links(linkTable.links, linkTable::origin);
        b.notesAndFactsOf(linkTable.about);
        table(reading, dir, shown, "alternates", Elements.ALTERNATE, List.of("site", "item", "from"), problems, ids, (f, o) -> {
            var it = Elements.alternate(f, o, b);
            if (it != null) {
                b.alternate(it, o);
            }
        });
        table(reading, dir, shown, "demand", Elements.DEMAND, List.of("item", "market", "site", "quantity"), problems, ids, (f, o) -> {
            var it = Elements.demand(f, o, b);
            if (it != null) {
                b.demand(it, o);
            }
        });
        return NetworkReader.finish(b, problems);
    }

    /**
     * The rows of links.csv bound to records, with their positions kept in primitive arrays
     * (line, then each cell's column) so that a million links leave no origin objects behind.
     */
    private static final class LinkTable {
        final List<SupplyLink> links = new ArrayList<>();
        final Problems problems = new Problems();
        /** The notes and dates of the rows that give any. */
        final NetworkBuilder about = new NetworkBuilder();
        String file;
        String[] header;
        int width;
        int[] lines = new int[1024];
        int[] columns = new int[1024];
        int[] rows = new int[1024];

        void add(SupplyLink link, RowOrigin o) {
            int i = links.size();
            if (i == lines.length) {
                lines = java.util.Arrays.copyOf(lines, i * 2);
                rows = java.util.Arrays.copyOf(rows, i * 2);
            }
            if ((i + 1) * width > columns.length) {
                columns = java.util.Arrays.copyOf(columns, Math.max((i + 1) * width, columns.length * 2));
            }
            file = o.file();
            header = o.header();
            width = o.header().length;
            lines[i] = o.line();
            rows[i] = o.row();
            System.arraycopy(o.columns(), 0, columns, i * width, width);
            links.add(link);
        }

        Origin origin(int i) {
            return new RowOrigin(file, lines[i], header, java.util.Arrays.copyOfRange(columns, i * width, (i + 1) * width),
                    "links", rows[i]);
        }
    }

    private static LinkTable readLinks(Reading reading, Path dir, String shown) {
        LinkTable t = new LinkTable();
        // A link's sources, assumption, note and dates go to this builder of the link thread's own,
        // then to the network's after the rows before them (its default as-of is read meanwhile).
        // Only rows that say any of them keep a note or a date: a fact per link of millions would
        // be most of the memory.
        NetworkBuilder about = t.about;
        table(reading, dir, shown, "links", Elements.LINK, List.of("from", "to"), t.problems, new IdPool(), (f, o) -> {
            boolean says = false;
            for (String k : Elements.NOTE_KEYS) {
                says |= f.has(k);
            }
            SupplyLink it = Elements.link(f, o, about, says);
            if (it != null) {
                if (t.width == 0) {
                    t.width = ((RowOrigin) o).header().length;
                }
                t.add(it, (RowOrigin) o);
            }
        });
        return t;
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    /**
     * What the tables' readers have taken, from both threads, told to a {@link ReadProgress} each
     * time it passes another megabyte (characters read, against the tables' bytes: the same for
     * ASCII text).
     */
    private static final class Reading {
        private static final long STEP = 1 << 20;
        private final ReadProgress progress;
        private final long total;
        private final java.util.concurrent.atomic.AtomicLong done = new java.util.concurrent.atomic.AtomicLong();

        Reading(ReadProgress progress, long total) {
            this.progress = progress;
            this.total = total;
        }

        Reader counted(Reader in) {
            return progress == ReadProgress.NONE ? in : new java.io.FilterReader(in) {
                @Override
                public int read() throws IOException {
                    int c = super.read();
                    if (c >= 0) {
                        add(1);
                    }
                    return c;
                }

                @Override
                public int read(char[] buffer, int offset, int length) throws IOException {
                    int n = super.read(buffer, offset, length);
                    if (n > 0) {
                        add(n);
                    }
                    return n;
                }
            };
        }

        private void add(long n) {
            long now = done.addAndGet(n);
            if (now / STEP != (now - n) / STEP) {
                progress.at(Math.min(now, total), total);
            }
        }
    }

    /** The bytes of the tables in {@code dir} (0 for any that cannot be read: reported when it is read). */
    private static long tablesSize(Path dir) {
        long bytes = 0;
        for (String t : TABLES) {
            try {
                bytes += Files.isRegularFile(dir.resolve(t + ".csv")) ? Files.size(dir.resolve(t + ".csv")) : 0;
            } catch (IOException e) {
                // reported when the table is read
            }
        }
        return bytes;
    }

    /** Refuses, before reading a row, a network whose tables are too large for this Java's heap. */
    private static void checkHeap(Path dir, String shown) {
        long bytes = tablesSize(dir);
        long need = bytes * LOAD_BYTES_PER_CSV_BYTE;
        if (!new org.chokepoint.engine.MemoryEstimate(need, 0, 0, 0).fitsHeap()) {
            throw new InvalidInputException(new Problem(shown, 0, 0, "", "the network's tables (" + bytes / (1 << 20)
                    + " MiB) need about " + org.chokepoint.engine.MemoryEstimate.gib(need) + " of memory to load; this Java may use "
                    + org.chokepoint.engine.MemoryEstimate.gib(Runtime.getRuntime().maxMemory()),
                    "Give Java more memory, e.g. JAVA_OPTS=-Xmx" + (long) Math.ceil(need * 1.5 / (1L << 30)) + "g ./chokepoint ..."));
        }
    }

    private static void checkFolder(Path dir, String shown, Problems problems) {
        for (String t : REQUIRED_TABLES) {
            if (!Files.isRegularFile(dir.resolve(t + ".csv"))) {
                problems.add(Problem.at("", "missing table " + t + ".csv in " + shown,
                        "A CSV network folder holds items.csv, firms.csv and sites.csv, and usually recipes.csv, links.csv and demand.csv."));
            }
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.csv")) {
            TreeSet<String> known = new TreeSet<>(TABLES);
            for (Path f : files) {
                String name = f.getFileName().toString();
                String table = name.substring(0, name.length() - 4);
                if (!known.contains(table)) {
                    problems.add(new Problem(shown + "/" + name, 0, 0, "", "unknown table '" + name + "'",
                            "Tables: " + String.join(", ", TABLES.stream().map(t -> t + ".csv").toList()) + "."
                                    + Names.didYouMean(table, known)));
                }
            }
        } catch (IOException e) {
            problems.add(Problem.at("", "cannot list " + shown + ": " + e.getMessage(), ""));
        }
        problems.throwIfAny();
    }

    private interface RowBinder {
        void bind(Fields f, Origin o);
    }

    /** One String instance per distinct id, shared by every row that names it. */
    private static final class IdPool {
        private final Map<String, String> pool = new HashMap<>();

        String canonical(String s) {
            String c = pool.putIfAbsent(s, s);
            return c == null ? s : c;
        }
    }

    private static void table(Reading reading, Path dir, String shownDir, String table, List<String> allowed, List<String> required,
                              Problems problems, IdPool ids, RowBinder binder) {
        Path file = dir.resolve(table + ".csv");
        String shown = shownDir + (shownDir.endsWith("/") ? "" : "/") + table + ".csv";
        if (!Files.isRegularFile(file)) {
            return;
        }
        try (Reader in = reading.counted(TextFiles.open(file, shown));
             CsvParser p = CSV.createParser(in)) {
            p.enable(CsvParser.Feature.WRAP_AS_ARRAY);
            p.enable(CsvParser.Feature.TRIM_SPACES);
            p.enable(CsvParser.Feature.SKIP_EMPTY_LINES);
            if (p.nextToken() != JsonToken.START_ARRAY || p.nextToken() != JsonToken.START_ARRAY) {
                problems.add(new Problem(shown, 1, 1, "", "the table is empty", "The first row names the columns: "
                        + String.join(",", required) + ", ..."));
                return;
            }
            String[] header = header(p, shown, allowed, required, problems);
            if (header == null) {
                return;
            }
            Node.RowNode row = new Node.RowNode(shown, header);
            boolean[] idColumn = new boolean[header.length];
            for (int i = 0; i < header.length; i++) {
                idColumn[i] = header[i] != null && ID_COLUMNS.contains(header[i]);
            }
            int rowIndex = 0;
            while (p.nextToken() == JsonToken.START_ARRAY) {
                rowIndex++;
                // The row-start token's location is the previous row's end: the next one is this row's.
                int line = p.currentTokenLocation().getLineNr() + 1;
                row.clear(line);
                int[] columns = new int[header.length];
                int i = 0;
                JsonToken t;
                boolean tooMany = false;
                while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
                    JsonLocation at = p.currentTokenLocation();
                    if (i == 0) {
                        line = at.getLineNr();
                        row.clear(line);
                    }
                    if (i < header.length) {
                        columns[i] = at.getColumnNr();
                        if (header[i] != null) {
                            String text = idColumn[i] ? ids.canonical(p.getText()) : p.getText();
                            row.cells[i] = new Node.Scalar(shown, at.getLineNr(), at.getColumnNr(),
                                    Node.Scalar.Type.STRING, text, Double.NaN, true);
                        }
                    } else if (!tooMany) {
                        tooMany = true;
                        problems.add(new Problem(shown, at.getLineNr(), at.getColumnNr(), "",
                                "row " + rowIndex + " has more cells than the header's " + header.length + " columns",
                                "Quote cells that contain commas: \"a, b\"."));
                    }
                    i++;
                }
                if (tooMany) {
                    continue;
                }
                Fields f = Fields.of(row, "", problems, "a row");
                binder.bind(f, new RowOrigin(shown, line, header, columns, table, rowIndex - 1));
            }
        } catch (NoSuchFileException e) {
            problems.add(Problem.at("", "file not found: " + shown, ""));
        } catch (java.nio.charset.CharacterCodingException e) {
            problems.add(TextFiles.notUtf8(file, shown));
        } catch (InvalidInputException e) {
            e.problems().forEach(problems::add);
        } catch (JsonProcessingException e) {
            if (TreeReader.causedByDecoding(e)) {
                problems.add(TextFiles.notUtf8(file, shown));
                return;
            }
            JsonLocation at = e.getLocation();
            problems.add(new Problem(shown, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(), "",
                    "malformed CSV: " + firstLine(e.getOriginalMessage()), "Check quotes and separators near this position."));
        } catch (IOException e) {
            problems.add(Problem.at("", "cannot read " + shown + ": " + e.getMessage(), ""));
        }
    }

    /** Reads the header row; unknown columns are reported and ignored, missing required ones stop the table. */
    private static String[] header(CsvParser p, String shown, List<String> allowed, List<String> required,
                                   Problems problems) throws IOException {
        List<String> names = new ArrayList<>();
        List<int[]> at = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
            JsonLocation loc = p.currentTokenLocation();
            names.add(p.getText().trim());
            at.add(new int[] {loc.getLineNr(), loc.getColumnNr()});
        }
        String[] header = new String[names.size()];
        TreeSet<String> sorted = new TreeSet<>(allowed);
        TreeSet<String> seen = new TreeSet<>();
        for (int i = 0; i < header.length; i++) {
            String n = names.get(i);
            if (!allowed.contains(n)) {
                problems.add(new Problem(shown, at.get(i)[0], at.get(i)[1], n, "unknown column '" + n + "'",
                        "Allowed columns: " + String.join(", ", sorted) + "." + Names.didYouMean(n, sorted)));
            } else if (!seen.add(n)) {
                problems.add(new Problem(shown, at.get(i)[0], at.get(i)[1], n, "duplicate column '" + n + "'", "Keep one."));
            } else {
                header[i] = n.intern();
            }
        }
        boolean ok = true;
        for (String r : required) {
            if (!seen.contains(r)) {
                problems.add(new Problem(shown, 1, 1, r, "missing required column '" + r + "'",
                        "The first row names the columns; this table needs " + String.join(", ", required) + "."));
                ok = false;
            }
        }
        return ok ? header : null;
    }

    private static String firstLine(String s) {
        int nl = s == null ? -1 : s.indexOf('\n');
        return s == null ? "" : nl < 0 ? s : s.substring(0, nl);
    }

    /** A CSV row's origin: the line, and where each cell starts. */
    record RowOrigin(String file, int line, String[] header, int[] columns, String table, int row) implements Origin {
        @Override
        public String path() {
            return table + "[" + row + "]";
        }

        @Override
        public Problem problem(String field, String message, String advice) {
            int col = 0;
            String column = field == null ? "" : field;
            for (int i = 0; i < header.length; i++) {
                if (header[i] != null && (column.equals(header[i]) || column.startsWith(header[i] + "."))) {
                    col = columns[i];
                    break;
                }
            }
            return new Problem(file, line, col, column, message, advice);
        }
    }

    /** A site's origin: its row in sites.csv, except for recipe and stock fields, which live in recipes.csv. */
    record SiteOrigin(Origin row, Map<String, Origin> recipeRows) implements Origin {
        @Override
        public String path() {
            return row.path();
        }

        @Override
        public Problem problem(String field, String message, String advice) {
            // Values were checked on the recipes row itself; what is left is about the input named.
            if (field != null && (field.startsWith("recipe.") || field.startsWith("stock."))) {
                Origin r = recipeRows.get(field.substring(field.indexOf('.') + 1));
                if (r != null) {
                    return r.problem("input", message, advice);
                }
            }
            return row.problem(field, message, advice);
        }
    }
}
