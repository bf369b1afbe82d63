package org.chokepoint.model;

import java.util.Objects;

/**
 * One thing wrong with an input: where it is, what is wrong, and what would be right.
 *
 * @param file the file, or {@code null} when the input did not come from a file
 * @param line 1-based line, or 0 when unknown
 * @param column 1-based column, or 0 when unknown
 * @param path the element path inside the document, e.g. {@code sites[3].capacity}
 * @param message what is wrong, with the offending value shown
 * @param advice what is allowed or a likely fix; may be empty
 */
public record Problem(String file, int line, int column, String path, String message, String advice) {

    public Problem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
        advice = advice == null ? "" : advice;
    }

    /** A problem with no file position (programmatic input). */
    public static Problem at(String path, String message, String advice) {
        return new Problem(null, 0, 0, path, message, advice);
    }

    /** {@code FILE:LINE:COLUMN: path: message}, then the advice indented on the next line. */
    public String format() {
        StringBuilder sb = new StringBuilder();
        if (file != null) {
            sb.append(file);
            if (line > 0) {
                sb.append(':').append(line);
                if (column > 0) {
                    sb.append(':').append(column);
                }
            }
            sb.append(": ");
        }
        if (!path.isEmpty()) {
            sb.append(path).append(": ");
        }
        sb.append(message);
        if (!advice.isEmpty()) {
            sb.append(System.lineSeparator()).append("    ").append(advice);
        }
        return sb.toString();
    }

    /** Sort key: file, line, column, then path, so reports read top to bottom. */
    static int compare(Problem a, Problem b) {
        int c = Objects.toString(a.file, "").compareTo(Objects.toString(b.file, ""));
        if (c != 0) {
            return c;
        }
        c = Integer.compare(a.line, b.line);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(a.column, b.column);
        return c != 0 ? c : a.path.compareTo(b.path);
    }
}
