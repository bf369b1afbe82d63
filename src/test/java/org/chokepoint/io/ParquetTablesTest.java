package org.chokepoint.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.chokepoint.analysis.MonteCarlo;
import org.chokepoint.api.Chokepoint;
import org.chokepoint.engine.Parameters;
import org.chokepoint.model.Observed;
import org.chokepoint.model.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parquet tables read back with the library that wrote them hold exactly the rows and cells of
 * the CSV tables, typed: numbers as doubles equal to the CSV's, dates as dates, empty cells as
 * nulls; and the same table gives the same bytes twice.
 */
class ParquetTablesTest {

    @TempDir
    Path dir;

    @Test
    void everyTableRoundTripsCellForCell() throws Exception {
        Scenario s = ScenarioReader.read(Path.of("scenarios/inspur-entity-list-2025.yaml"));
        Parameters p = Parameters.of(s);
        Chokepoint.Run run = Chokepoint.simulate(s, p, true);
        MonteCarlo.Result mc = MonteCarlo.run(s, p, 12, 1, new double[] {5, 50, 95}, done -> { });
        boolean[] sites = ResultsWriter.allSites(run.network());
        roundTrip("results", ParquetTables.Kind.PERIODS, o -> ResultsWriter.writeCsv(s, run.network(), run.series(), sites, o));
        roundTrip("links", ParquetTables.Kind.PERIODS, o -> ResultsWriter.writeLinks(s, run.network(), run.series(), o));
        roundTrip("results-by-quarter", ParquetTables.Kind.CALENDAR,
                o -> ResultsWriter.writeAggregated(s, run.network(), run.series(), sites, Observed.Per.QUARTER, o));
        roundTrip("bands", ParquetTables.Kind.PERIODS, o -> ResultsWriter.writeBands(s, run.network(), mc, o));
        roundTrip("totals", ParquetTables.Kind.RUNS, o -> ResultsWriter.writeTotals(s, mc, o));
    }

    private void roundTrip(String name, ParquetTables.Kind kind, AtomicFiles.Content table) throws Exception {
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        table.writeTo(csv);
        List<String[]> expected = csvRows(csv.toByteArray());
        Path parquet = dir.resolve(name + ".parquet");
        ParquetTables.write(parquet, table, kind);

        try (Connection db = ParquetTables.open(); Statement st = db.createStatement();
             ResultSet rs = st.executeQuery("SELECT * FROM read_parquet('" + parquet + "')")) {
            ResultSetMetaData meta = rs.getMetaData();
            String[] header = expected.get(0);
            assertThat(meta.getColumnCount()).as(name).isEqualTo(header.length);
            for (int c = 0; c < header.length; c++) {
                assertThat(meta.getColumnName(c + 1)).as(name).isEqualTo(header[c]);
            }
            int row = 1;
            while (rs.next()) {
                assertThat(row).as("%s: more rows than the CSV", name).isLessThan(expected.size());
                String[] want = expected.get(row);
                for (int c = 0; c < header.length; c++) {
                    String at = name + " row " + row + " column " + header[c];
                    String cell = want[c];
                    Object got = rs.getObject(c + 1);
                    if (cell.isEmpty()) {
                        assertThat(got).as(at).isNull();
                        continue;
                    }
                    switch (meta.getColumnType(c + 1)) {
                        case Types.DOUBLE -> assertThat(rs.getDouble(c + 1)).as(at).isEqualTo(Double.parseDouble(cell));
                        case Types.INTEGER -> assertThat(rs.getInt(c + 1)).as(at).isEqualTo(Integer.parseInt(cell));
                        case Types.DATE -> assertThat(rs.getDate(c + 1).toLocalDate()).as(at).isEqualTo(java.time.LocalDate.parse(cell));
                        default -> assertThat(rs.getString(c + 1)).as(at).isEqualTo(cell);
                    }
                }
                row++;
            }
            assertThat(row).as("%s: rows", name).isEqualTo(expected.size());
        }
        assertTypes(name, kind, parquet);

        Path again = dir.resolve(name + "-again.parquet");
        ParquetTables.write(again, table, kind);
        assertThat(Files.readAllBytes(again)).as(name + " written twice").isEqualTo(Files.readAllBytes(parquet));
    }

    /** The typed columns are typed: value a double, dates dates, period a number where it is one. */
    private static void assertTypes(String name, ParquetTables.Kind kind, Path parquet) throws Exception {
        try (Connection db = ParquetTables.open(); Statement st = db.createStatement();
             ResultSet rs = st.executeQuery("SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet('"
                     + parquet + "'))")) {
            while (rs.next()) {
                String column = rs.getString(1);
                String type = rs.getString(2);
                String want = switch (column) {
                    case "value" -> "DOUBLE";
                    case "date", "start", "end" -> "DATE";
                    case "run", "days" -> "INTEGER";
                    case "period" -> kind == ParquetTables.Kind.PERIODS ? "INTEGER" : "VARCHAR";
                    default -> kind == ParquetTables.Kind.RUNS ? "DOUBLE" : "VARCHAR";
                };
                assertThat(type).as(name + " column " + column).isEqualTo(want);
            }
        }
    }

    private static List<String[]> csvRows(byte[] csv) throws Exception {
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvParser.Feature.WRAP_AS_ARRAY);
        List<String[]> rows = new ArrayList<>();
        try (MappingIterator<String[]> it = mapper.readerFor(String[].class).with(CsvSchema.emptySchema()).readValues(csv)) {
            while (it.hasNext()) {
                rows.add(it.next());
            }
        }
        return rows;
    }
}
