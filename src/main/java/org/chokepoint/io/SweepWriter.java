package org.chokepoint.io;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.chokepoint.analysis.Sweep;

/**
 * Writes a sweep: {@code sweep.csv} (one row per point × metric; the parameters as columns; mean
 * and percentiles), appended to {@code sweep.csv.partial} point by point and moved into place at
 * the end, and {@code design.json}. A sweep resumed after an interruption skips the points already
 * complete in the partial file, so the final file equals an uninterrupted run's.
 */
public final class SweepWriter {

    private SweepWriter() {}

    public static String header(Sweep s) {
        StringBuilder b = new StringBuilder("point");
        for (Sweep.Axis a : s.axes()) {
            b.append(',').append(a.path());
        }
        b.append(",metric,mean");
        for (double p : s.percentiles()) {
            b.append(",p").append(ResultsWriter.number(p));
        }
        return b.toString();
    }

    /**
     * What a sweep's results depend on, kept in the first line of its partial results so that a
     * resume can tell whether they came from the same inputs.
     */
    public record Fingerprint(String sweep, String scenario, String network, String version) {

        static final String MARK = "# chokepoint sweep partial results:";

        /** Hashes the sweep file, the scenario file and its network (a file or a folder of tables; null when inline). */
        public static Fingerprint of(Path sweepFile, Path scenarioFile, Path network, String version) throws IOException {
            return new Fingerprint(Digests.sha256HexOfPath(sweepFile), Digests.sha256HexOfPath(scenarioFile),
                    network == null ? "inline" : Digests.sha256HexOfPath(network), version);
        }

        String line() {
            return MARK + " sweep=" + sweep + " scenario=" + scenario + " network=" + network + " version=" + version;
        }

        /** Reads a fingerprint line back, or null when the line is not one. */
        static Fingerprint parse(String line) {
            if (!line.startsWith(MARK)) {
                return null;
            }
            java.util.Map<String, String> kv = new java.util.HashMap<>();
            for (String part : line.substring(MARK.length()).trim().split(" ")) {
                int eq = part.indexOf('=');
                if (eq > 0) {
                    kv.put(part.substring(0, eq), part.substring(eq + 1));
                }
            }
            if (!kv.keySet().containsAll(List.of("sweep", "scenario", "network", "version"))) {
                return null;
            }
            return new Fingerprint(kv.get("sweep"), kv.get("scenario"), kv.get("network"), kv.get("version"));
        }

        /** What differs from {@code other}, in words; empty when nothing does. */
        List<String> changes(Fingerprint other) {
            List<String> out = new java.util.ArrayList<>();
            if (!sweep.equals(other.sweep)) {
                out.add("the sweep file");
            }
            if (!scenario.equals(other.scenario)) {
                out.add("the scenario file");
            }
            if (!network.equals(other.network)) {
                out.add("the network");
            }
            if (!version.equals(other.version)) {
                out.add("the chokepoint version (" + other.version + " then, " + version + " now)");
            }
            return out;
        }
    }

    /**
     * The number of complete points in a partial file, after cutting off anything after them: a
     * torn last row (a killed process, a full disk), a point with only some of its metrics, or a
     * row that is not of this sweep. Refuses partial results written from other inputs.
     *
     * @throws OutputException when the partial results do not come from the same inputs and version
     */
    public static int resume(Path partial, Sweep s, Fingerprint now) throws IOException {
        if (!Files.exists(partial)) {
            return 0;
        }
        byte[] bytes = Files.readAllBytes(partial);
        String text = new String(bytes, StandardCharsets.UTF_8);
        int firstEnd = text.indexOf('\n');
        Fingerprint then = firstEnd < 0 ? null : Fingerprint.parse(text.substring(0, firstEnd));
        String advice = "Run without --resume to start the sweep over (the partial results are replaced), or restore the"
                + " inputs as they were.";
        if (then == null) {
            throw new OutputException("cannot resume: " + partial + " does not say which inputs it came from", advice);
        }
        List<String> changed = now.changes(then);
        if (!changed.isEmpty()) {
            throw new OutputException("cannot resume: " + String.join(", ", changed) + (changed.size() == 1 ? " has" : " have")
                    + " changed since the partial results in " + partial + " were written", advice);
        }
        int headerEnd = text.indexOf('\n', firstEnd + 1);
        if (headerEnd < 0 || !text.substring(firstEnd + 1, headerEnd).equals(header(s))) {
            throw new OutputException("cannot resume: the columns of " + partial + " are not this sweep's", advice);
        }
        int rowsPerPoint = s.metrics().size();
        int columns = header(s).split(",", -1).length;
        int keepEnd = headerEnd + 1;
        int at = headerEnd + 1;
        int row = 0;
        while (true) {
            int end = text.indexOf('\n', at);
            if (end < 0 || !wellFormed(text.substring(at, end), columns, 1 + s.axes().size(), row / rowsPerPoint,
                    s.metrics().get(row % rowsPerPoint))) {
                break; // a torn or foreign row: this point and all after it run again
            }
            row++;
            at = end + 1;
            if (row % rowsPerPoint == 0) {
                keepEnd = at;
            }
        }
        int complete = row / rowsPerPoint;
        int keepBytes = text.substring(0, keepEnd).getBytes(StandardCharsets.UTF_8).length;
        if (keepBytes < bytes.length) {
            try (var ch = java.nio.channels.FileChannel.open(partial, StandardOpenOption.WRITE)) {
                ch.truncate(keepBytes);
            }
        }
        return complete;
    }

    /** A row of point {@code point} for {@code metric} with every column a number where numbers belong. */
    private static boolean wellFormed(String line, int columns, int metricAt, int point, String metric) {
        String[] cells = line.split(",", -1);
        if (cells.length != columns || !cells[0].equals(Integer.toString(point))) {
            return false;
        }
        for (int i = 1; i < cells.length; i++) {
            if (i == metricAt) {
                if (!cells[i].equals(metric)) {
                    return false;
                }
                continue;
            }
            try {
                Double.parseDouble(cells[i]);
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return true;
    }

    public static void start(Path partial, Sweep s, Fingerprint fp) throws IOException {
        Files.createDirectories(partial.toAbsolutePath().getParent());
        Files.writeString(partial, fp.line() + "\n" + header(s) + "\n", StandardCharsets.UTF_8);
    }

    /** Writes the finished results: the partial file without its fingerprint line. */
    public static void finish(Path partial, Path csv) throws IOException {
        try (var in = Files.newInputStream(partial); var out = Files.newOutputStream(csv)) {
            int c;
            while ((c = in.read()) != -1 && c != '\n') {
                // skip the fingerprint line
            }
            in.transferTo(out);
        }
    }

    public static void append(Path partial, List<Sweep.Row> rows) throws IOException {
        try (Writer w = Files.newBufferedWriter(partial, StandardCharsets.UTF_8, StandardOpenOption.APPEND)) {
            for (Sweep.Row r : rows) {
                w.write(Integer.toString(r.point()));
                for (double v : r.values().values()) {
                    w.write(',');
                    w.write(ResultsWriter.number(v));
                }
                w.write(',');
                w.write(r.metric());
                w.write(',');
                w.write(ResultsWriter.number(r.mean()));
                for (double p : r.percentiles()) {
                    w.write(',');
                    w.write(ResultsWriter.number(p));
                }
                w.write('\n');
            }
        }
    }

    /**
     * Reads a finished {@code sweep.csv} back as rows, for charts and reports after a run or a
     * resume (the file, not memory, holds every point then).
     */
    public static List<Sweep.Row> read(Path csv, Sweep s) throws IOException {
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        List<Sweep.Row> rows = new java.util.ArrayList<>();
        try (MappingIterator<java.util.Map<String, String>> it = new CsvMapper().readerForMapOf(String.class).with(schema)
                .readValues(csv.toFile())) {
            while (it.hasNext()) {
                java.util.Map<String, String> r = it.next();
                java.util.Map<String, Double> values = new java.util.LinkedHashMap<>();
                for (Sweep.Axis a : s.axes()) {
                    values.put(a.path(), Double.parseDouble(r.get(a.path())));
                }
                double[] ps = new double[s.percentiles().length];
                for (int i = 0; i < ps.length; i++) {
                    ps[i] = Double.parseDouble(r.get("p" + ResultsWriter.number(s.percentiles()[i])));
                }
                rows.add(new Sweep.Row(Integer.parseInt(r.get("point")), values, r.get("metric"),
                        Double.parseDouble(r.get("mean")), ps));
            }
        }
        return rows;
    }

    /**
     * {@code design.json}: the sweep's id and file, the scenario file it sweeps, the design, its
     * points and runs, metrics and parameters.
     */
    public static void design(String id, Path sweepFile, Path scenario, Sweep s, int pointCount, OutputStream out) throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = json.createObjectNode();
        root.put("sweep", id);
        root.put("sweep-file", sweepFile.toString());
        root.put("scenario", scenario.toString());
        root.put("design", s.design().key());
        root.put("points", pointCount);
        root.put("runs-per-point", s.runs());
        root.put("seed", s.seed());
        ArrayNode m = root.putArray("metrics");
        s.metrics().forEach(m::add);
        ArrayNode params = root.putArray("parameters");
        for (Sweep.Axis a : s.axes()) {
            ObjectNode o = params.addObject();
            o.put("path", a.path());
            if (a.distribution() != null) {
                o.put("distribution", a.distribution().distribution());
                a.distribution().numbers().forEach(o::put);
            } else {
                ArrayNode v = o.putArray("values");
                a.values().forEach(v::add);
            }
        }
        json.writeValue(out, root);
    }
}
