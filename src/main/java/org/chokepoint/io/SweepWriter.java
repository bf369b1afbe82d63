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

    /** The number of complete points in a partial file, after cutting any incomplete tail off it. */
    public static int resume(Path partial, Sweep s) throws IOException {
        if (!Files.exists(partial)) {
            return 0;
        }
        List<String> lines = Files.readAllLines(partial, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).equals(header(s))) {
            return 0; // another sweep's file: start over
        }
        int rowsPerPoint = s.metrics().size();
        int complete = (lines.size() - 1) / rowsPerPoint;
        List<String> keep = lines.subList(0, 1 + complete * rowsPerPoint);
        Files.write(partial, keep, StandardCharsets.UTF_8);
        return complete;
    }

    public static void start(Path partial, Sweep s) throws IOException {
        Files.createDirectories(partial.toAbsolutePath().getParent());
        Files.writeString(partial, header(s) + "\n", StandardCharsets.UTF_8);
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

    public static void design(String id, Path scenario, Sweep s, int pointCount, OutputStream out) throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = json.createObjectNode();
        root.put("sweep", id);
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
