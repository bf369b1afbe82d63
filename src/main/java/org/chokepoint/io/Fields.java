package org.chokepoint.io;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.chokepoint.model.Checks;
import org.chokepoint.model.Duration;
import org.chokepoint.model.Names;

/**
 * Typed, located access to the keys of one mapping (a YAML/JSON object or a CSV row). Every
 * accessor reports a problem (with file, line, column and path) instead of throwing, and marks the
 * record as {@link #failed()} so the caller skips building it; the rest of the file is still read.
 */
final class Fields {


    /** The largest number a file may hold, either side of zero: sums over a network stay exact enough and finite. */
    static final double MAX_MAGNITUDE = 1e15;

    final Node.MapNode node;
    final String path;
    final Problems problems;
    private boolean failed;

    private Fields(Node.MapNode node, String path, Problems problems) {
        this.node = node;
        this.path = path;
        this.problems = problems;
    }

    /** Fields of {@code node}, or {@code null} (with a problem reported) when it is not a mapping. */
    static Fields of(Node node, String path, Problems problems, String what) {
        if (node instanceof Node.MapNode map) {
            return new Fields(map, path, problems);
        }
        problems.add(node, path, "expected " + what + " (a mapping of keys to values), got " + node.kind()
                + (node instanceof Node.Scalar s ? " " + s.shown() : ""), "See docs/format.md for the keys " + what + " takes.");
        return null;
    }

    boolean failed() {
        return failed;
    }

    String pathOf(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    boolean has(String key) {
        Node v = node.get(key);
        return v != null && !isBlank(v);
    }

    Node raw(String key) {
        return node.get(key);
    }

    /** Reports every key not in {@code allowed}, at the key, with the allowed keys and a near miss. */
    void allow(Collection<String> allowed) {
        for (Map.Entry<String, int[]> key : node.keyPositions.entrySet()) {
            if (!allowed.contains(key.getKey())) {
                Set<String> sorted = new TreeSet<>(allowed);
                problems.add(new org.chokepoint.model.Problem(node.file, key.getValue()[0], key.getValue()[1], pathOf(key.getKey()),
                        "unknown key '" + key.getKey() + "'",
                        "Allowed keys: " + String.join(", ", sorted) + "." + Names.didYouMean(key.getKey(), sorted)));
            }
        }
    }

    /** Marks the record as not buildable, when the problem was reported elsewhere (e.g. in a nested mapping). */
    void markFailed() {
        failed = true;
    }

    void fail(Node at, String key, String message, String advice) {
        problems.add(at == null ? node : at, pathOf(key), message, advice);
        failed = true;
    }

    /** Reports an id that names nothing, with the known ids and the nearest one. */
    void failUnknown(String key, String kind, String id, java.util.Set<String> known) {
        fail(raw(key), key, "unknown " + kind + " '" + id + "'",
                "Known " + kind + "s: " + Names.list(new ArrayList<>(known), 8) + "." + Names.didYouMean(id, known));
    }

    private boolean missing(String key, boolean required, String advice) {
        if (has(key)) {
            return false;
        }
        if (required) {
            Node blank = node.get(key);
            String what = blank != null ? "'" + key + "' is empty"
                    : node instanceof Node.RowNode ? "the row has no cell for column '" + key + "'" : "missing required key '" + key + "'";
            fail(blank != null ? blank : node, key, what, advice);
        }
        return true;
    }

    String text(String key, boolean required, String advice) {
        if (missing(key, required, advice)) {
            return null;
        }
        Node v = node.get(key);
        if (v instanceof Node.Scalar s && (s.type == Node.Scalar.Type.STRING || s.loose)) {
            return s.text.trim();
        }
        if (v instanceof Node.Scalar s && s.type == Node.Scalar.Type.NUMBER) {
            return s.text; // ids such as 2025 or 3A090-like codes written bare
        }
        fail(v, key, "expected text, got " + describe(v), advice);
        return null;
    }

    /** A number, or {@code dflt} when absent. NaN and infinity are reported. */
    double number(String key, double dflt, String advice) {
        if (missing(key, false, advice)) {
            return dflt;
        }
        return numberOf(node.get(key), key, advice);
    }

    double requiredNumber(String key, String advice) {
        if (missing(key, true, advice)) {
            return Double.NaN;
        }
        return numberOf(node.get(key), key, advice);
    }

    double numberOf(Node v, String key, String advice) {
        double x = Double.NaN;
        boolean ok = false;
        if (v instanceof Node.Scalar s) {
            if (s.type == Node.Scalar.Type.NUMBER) {
                x = s.number;
                ok = true;
            } else if (s.type == Node.Scalar.Type.STRING) {
                Double parsed = parseSpecial(s.text, s.loose);
                if (parsed != null) {
                    x = parsed;
                    ok = true;
                }
            }
        }
        if (!ok) {
            fail(v, key, "expected a number, got " + describe(v), advice);
            return Double.NaN;
        }
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            fail(v, key, "must be a finite number (" + ((Node.Scalar) v).text + ")", "NaN and infinity are not allowed.");
            return Double.NaN;
        }
        if (Math.abs(x) > MAX_MAGNITUDE) {
            fail(v, key, "is too large (" + ((Node.Scalar) v).text.trim() + ")", "Numbers may be up to 1e15 either side of zero:"
                    + " quantities are units per period and values USD, so a quadrillion is already far beyond any real figure.");
            return Double.NaN;
        }
        return x;
    }

    /** Text that is a number: any decimal in a CSV cell; YAML's and JSON's NaN/infinity spellings anywhere. */
    private static Double parseSpecial(String text, boolean loose) {
        String t = text.trim();
        if (loose) {
            try {
                return Double.parseDouble(t); // also takes NaN and Infinity, which the caller reports
            } catch (NumberFormatException e) {
                // perhaps a YAML spelling
            }
        }
        switch (t) {
            case ".nan": case ".NaN": case ".NAN": case "NaN": case "nan":
                return Double.NaN;
            case ".inf": case ".Inf": case "+.inf": case "Infinity": case "inf": case "+Infinity":
                return Double.POSITIVE_INFINITY;
            case "-.inf": case "-.Inf": case "-Infinity": case "-inf":
                return Double.NEGATIVE_INFINITY;
            default:
                return null;
        }
    }

    /**
     * A whole number in [{@code min}, {@code max}], or {@code dflt} when absent (or wrong, with a
     * problem reported at the value). Numbers past a long's range or written with a fraction are
     * refused, never wrapped or cut.
     */
    long whole(String key, boolean required, long dflt, long min, long max, String advice) {
        if (missing(key, required, advice)) {
            return dflt;
        }
        Node v = node.get(key);
        if (v instanceof Node.Scalar s && (s.type == Node.Scalar.Type.NUMBER || s.loose)) {
            String t = s.text.trim();
            java.math.BigDecimal x;
            try {
                x = new java.math.BigDecimal(t);
            } catch (NumberFormatException e) {
                x = null;
            }
            if (x != null && x.stripTrailingZeros().scale() <= 0) {
                if (x.compareTo(java.math.BigDecimal.valueOf(min)) >= 0 && x.compareTo(java.math.BigDecimal.valueOf(max)) <= 0) {
                    return x.longValueExact();
                }
                fail(v, key, "must be between " + grouped(min) + " and " + grouped(max) + " (" + t + ")", advice);
                return dflt;
            }
        }
        fail(v, key, "expected a whole number, got " + describe(v), advice);
        return dflt;
    }

    private static String grouped(long x) {
        return x == Long.MIN_VALUE || x == Long.MAX_VALUE ? Long.toString(x) : String.format(java.util.Locale.ROOT, "%,d", x);
    }

    Duration duration(String key, Duration dflt) {
        if (missing(key, false, "")) {
            return dflt;
        }
        return durationOf(node.get(key), key);
    }

    Duration durationOf(Node v, String key) {
        String advice = "Use a number of periods (4), days (30d) or weeks (12w).";
        if (v instanceof Node.Scalar s) {
            if (s.type == Node.Scalar.Type.NUMBER || (s.loose && parseSpecial(s.text, true) != null)) {
                double x = numberOf(v, key, advice);
                if (Double.isNaN(x)) {
                    return null;
                }
                if (x < 0) {
                    fail(v, key, "must not be negative (" + s.text + ")", advice);
                    return null;
                }
                return bounded(Duration.periods(x), v, key);
            }
            if (s.type == Node.Scalar.Type.STRING) {
                Duration d = s.text.strip().matches(".*[dw]") ? Duration.parse(s.text) : null;
                if (d != null) {
                    return bounded(d, v, key);
                }
                fail(v, key, "'" + s.text + "' is not a duration", advice);
                return null;
            }
        }
        fail(v, key, "expected a duration, got " + describe(v), advice);
        return null;
    }

    private Duration bounded(Duration d, Node v, String key) {
        if (d.tooLong()) {
            fail(v, key, "is longer than a century (" + ((Node.Scalar) v).text.trim() + ")",
                    "Durations may be up to " + Checks.fmt(Duration.MAX_DAYS) + " days (5217w); check the unit: 8w is eight weeks.");
            return null;
        }
        return d;
    }

    LocalDate date(String key, boolean required) {
        String advice = "Use an ISO-8601 date, YYYY-MM-DD, e.g. 2025-03-25.";
        if (missing(key, required, advice)) {
            return null;
        }
        Node v = node.get(key);
        if (v instanceof Node.Scalar s && s.type == Node.Scalar.Type.STRING) {
            try {
                return LocalDate.parse(s.text.trim());
            } catch (DateTimeParseException e) {
                fail(v, key, "'" + s.text + "' is not a valid date", advice);
                return null;
            }
        }
        fail(v, key, "expected a date, got " + describe(v), advice);
        return null;
    }

    /** One string or a list of strings; in a CSV cell, values separated by '|'. */
    List<String> texts(String key) {
        if (!has(key)) {
            return List.of();
        }
        Node v = node.get(key);
        List<String> out = new ArrayList<>();
        if (v instanceof Node.Scalar s && s.loose) {
            for (String part : s.text.split("\\|")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
            return out;
        }
        if (v instanceof Node.Scalar s && s.type == Node.Scalar.Type.STRING) {
            return List.of(s.text);
        }
        if (v instanceof Node.ListNode list) {
            for (int i = 0; i < list.values.size(); i++) {
                Node e = list.values.get(i);
                if (e instanceof Node.Scalar s && s.type != Node.Scalar.Type.NULL && s.type != Node.Scalar.Type.BOOLEAN) {
                    out.add(s.text);
                } else {
                    fail(e, key + "[" + i + "]", "expected text, got " + describe(e), "");
                }
            }
            return out;
        }
        fail(v, key, "expected text or a list of text, got " + describe(v), "");
        return out;
    }

    /** A mapping of ids to positive numbers, e.g. a recipe. */
    Map<String, Double> numberMap(String key) {
        Map<String, Double> out = new LinkedHashMap<>();
        Fields inner = nested(key);
        if (inner != null) {
            for (Map.Entry<String, Node> e : inner.node.values.entrySet()) {
                double x = inner.numberOf(e.getValue(), e.getKey(), "Give a quantity per unit of output.");
                if (!Double.isNaN(x)) {
                    out.put(e.getKey(), x);
                }
            }
            failed |= inner.failed;
        }
        return out;
    }

    /** A mapping of ids to durations, e.g. stock targets. */
    Map<String, Duration> durationMap(String key) {
        Map<String, Duration> out = new LinkedHashMap<>();
        Fields inner = nested(key);
        if (inner != null) {
            for (Map.Entry<String, Node> e : inner.node.values.entrySet()) {
                Duration d = inner.durationOf(e.getValue(), e.getKey());
                if (d != null) {
                    out.put(e.getKey(), d);
                }
            }
            failed |= inner.failed;
        }
        return out;
    }

    Fields nested(String key) {
        if (!has(key)) {
            return null;
        }
        Fields inner = of(node.get(key), pathOf(key), problems, "'" + key + "'");
        if (inner == null) {
            failed = true;
        }
        return inner;
    }

    /** The list under {@code key}, or an empty list (with a problem if it is not a list). */
    List<Node> list(String key) {
        if (!has(key)) {
            return List.of();
        }
        Node v = node.get(key);
        if (v instanceof Node.ListNode l) {
            return l.values;
        }
        fail(v, key, "expected a list, got " + describe(v), "Write one entry per line, each starting with '- '.");
        return List.of();
    }

    private static boolean isBlank(Node v) {
        return v instanceof Node.Scalar s && (s.type == Node.Scalar.Type.NULL || (s.loose && s.text.isBlank()));
    }

    static String describe(Node v) {
        if (v instanceof Node.Scalar s) {
            return s.type == Node.Scalar.Type.NULL || s.type == Node.Scalar.Type.ALIAS ? "null" : s.kind() + " " + s.shown();
        }
        return v.kind();
    }

    /** Plain Java value of a node: String, Double, Boolean, null, List or Map. */
    static Object plain(Node v) {
        if (v instanceof Node.MapNode m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.values.forEach((k, x) -> out.put(k, plain(x)));
            return out;
        }
        if (v instanceof Node.ListNode l) {
            List<Object> out = new ArrayList<>();
            l.values.forEach(x -> out.add(plain(x)));
            return out;
        }
        Node.Scalar s = (Node.Scalar) v;
        return switch (s.type) {
            case NUMBER -> s.number;
            case BOOLEAN -> Boolean.valueOf(s.text);
            case NULL, ALIAS -> null;
            case STRING -> s.text;
        };
    }

    static String fmt(double x) {
        return Checks.fmt(x);
    }
}
