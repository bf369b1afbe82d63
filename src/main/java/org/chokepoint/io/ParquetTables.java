package org.chokepoint.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;

/**
 * Writes the tidy tables of a run as Parquet, for runs too large to load from CSV comfortably
 * ({@code run --formats parquet}).
 *
 * <p>The writer is DuckDB's embedded engine (through its JDBC driver): it writes and reads Parquet
 * in one self-contained library, with no Hadoop on the class path as parquet-java needs, and it is
 * what many analysts already use to query such files. Each table is first written by the same
 * code as its CSV ({@link ResultsWriter}), so the two formats never disagree on rows or columns;
 * DuckDB then reads that CSV with every column as text and writes it with the types below.
 * It runs on one thread, which keeps the file's bytes the same from run to run.
 *
 * <p>Column types ({@link Kind}): {@code period} is an integer (text in the calendar tables, "2024-Q1"),
 * {@code date}, {@code start} and {@code end} are dates, {@code days} and {@code run} integers,
 * {@code value} and, in {@code totals}, every column but {@code run}, doubles; the rest are text,
 * with an empty cell as null.
 */
public final class ParquetTables {

    private ParquetTables() {}

    /** How a table's columns are typed. */
    public enum Kind {
        /** Per-period tables (results, links, bands): {@code period} is the period number. */
        PERIODS,
        /** Calendar tables (results-by-quarter and the like): {@code period} is a name such as 2024-Q1. */
        CALENDAR,
        /** One row per run (totals): {@code run} and then numbers only. */
        RUNS
    }

    /** The columns that are dates, in every table. */
    private static final Set<String> DATES = Set.of("date", "start", "end");

    /** Writes a table to {@code target} as Parquet, {@code csv} being the table written as CSV. */
    public static void write(Path target, AtomicFiles.Content csv, Kind kind) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path text = Files.createTempFile(dir, "." + target.getFileName() + ".", ".csv.tmp");
        try {
            try (OutputStream o = Files.newOutputStream(text)) {
                csv.writeTo(o);
            }
            fromCsv(target, text, kind);
        } finally {
            Files.deleteIfExists(text);
        }
    }

    /** Writes to {@code target} as Parquet the table already written as CSV in {@code csv}. */
    public static void fromCsv(Path target, Path csv, Kind kind) throws IOException {
        AtomicFiles.write(target, o -> convert(csv, o, kind));
    }

    /** Reads the CSV file {@code csv} and writes it as Parquet to {@code out}. */
    private static void convert(Path csv, OutputStream out, Kind kind) throws IOException {
        List<String> columns = header(csv);
        Path parquet = Files.createTempFile(csv.toAbsolutePath().getParent(), "." + csv.getFileName() + ".", ".parquet.tmp");
        try {
            StringBuilder select = new StringBuilder();
            for (String c : columns) {
                if (select.length() > 0) {
                    select.append(", ");
                }
                String type = type(c, kind);
                String col = quoteName(c);
                select.append(type == null ? col : "CAST(" + col + " AS " + type + ")").append(" AS ").append(col);
            }
            String sql = "COPY (SELECT " + select + " FROM read_csv(" + quoteText(csv.toAbsolutePath().toString())
                    + ", header = true, all_varchar = true, delim = ',', quote = '\"', escape = '\"'))"
                    + " TO " + quoteText(parquet.toAbsolutePath().toString())
                    + " (FORMAT parquet, COMPRESSION zstd)";
            try (Connection db = open(); Statement st = db.createStatement()) {
                st.execute(sql);
            } catch (SQLException e) {
                throw new IOException("writing Parquet: " + e.getMessage(), e);
            }
            Files.copy(parquet, out);
        } finally {
            Files.deleteIfExists(parquet);
        }
    }

    /** An in-memory DuckDB database on one thread, so that the written bytes do not depend on the machine. */
    public static Connection open() throws SQLException {
        try {
            Class.forName("org.duckdb.DuckDBDriver");
        } catch (ClassNotFoundException e) {
            throw new SQLException("DuckDB's JDBC driver is not on the class path", e);
        }
        Connection db = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement st = db.createStatement()) {
            st.execute("SET threads = 1");
            st.execute("SET preserve_insertion_order = true");
        } catch (SQLException e) {
            db.close();
            throw e;
        }
        return db;
    }

    /** The SQL type of a column, or null to keep it as text. */
    static String type(String column, Kind kind) {
        if (column.equals("run") || column.equals("days") || (column.equals("period") && kind == Kind.PERIODS)) {
            return "INTEGER";
        }
        if (kind == Kind.RUNS) {
            return "DOUBLE";
        }
        if (column.equals("value")) {
            return "DOUBLE";
        }
        if (DATES.contains(column)) {
            return "DATE";
        }
        return null;
    }

    private static List<String> header(Path csv) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            String line = r.readLine();
            if (line == null) {
                throw new IOException("empty table " + csv.getFileName());
            }
            return List.of(line.split(",", -1)); // our headers never quote: names are ids and words
        }
    }

    private static String quoteName(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    private static String quoteText(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
