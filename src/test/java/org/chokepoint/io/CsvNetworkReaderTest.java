package org.chokepoint.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.chokepoint.model.Duration;
import org.chokepoint.model.InvalidInputException;
import org.chokepoint.model.Network;
import org.chokepoint.model.Problem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvNetworkReaderTest {

    @TempDir
    Path dir;

    @BeforeEach
    void tinyNetwork() throws IOException {
        write("items.csv", "id,value,eccn,name\nchip,10,3A090,\"Chip, fast\"\nserver,100,,\n");
        write("firms.csv", "id,country,aliases\nacme,CN,Acme Ltd|ACME\nchipco,US,\n");
        write("sites.csv", "id,firm,makes,capacity,made-with\nfab,chipco,chip,100,us-technology\nline,acme,server,20,\n");
        write("recipes.csv", "site,input,quantity,stock\nline,chip,2,2w\n");
        write("links.csv", "from,to,lead-time\nfab,line,1w\n");
        write("demand.csv", "item,market,site,quantity\nserver,CN,line,10\n");
    }

    /** network.csv holds what a network file's top level says; element rows take sources, assumption and as-of columns. */
    @Test
    void theNetworksOwnSourcesAssumptionsAndDateComeFromNetworkCsv() throws IOException {
        write("network.csv", "key,text\ndescription,A two-tier toy\nsource,\"Annual report, 2024\"\nassumption,capacities are guesses\n"
                + "as-of,2024-06-30\n");
        write("sites.csv", "id,firm,makes,capacity,made-with,sources,as-of\nfab,chipco,chip,100,us-technology,trade press,2023-01-15\n"
                + "line,acme,server,20,,,\n");
        Network n = NetworkReader.read(dir);
        assertThat(n.notes()).anySatisfy(x -> assertThat(x.element() + " " + x.kind() + " " + x.text()).isEqualTo("network SOURCE Annual report, 2024"))
                .anySatisfy(x -> assertThat(x.element() + " " + x.text()).isEqualTo("network capacities are guesses"))
                .anySatisfy(x -> assertThat(x.element() + " " + x.text()).isEqualTo("sites/fab trade press"));
        assertThat(n.facts()).filteredOn(f -> f.element().equals("sites/fab")).singleElement()
                .satisfies(f -> assertThat(f.asOf()).isEqualTo(java.time.LocalDate.of(2023, 1, 15)));
        assertThat(n.facts()).filteredOn(f -> f.element().equals("sites/line")).singleElement()
                .satisfies(f -> assertThat(f.asOf()).as("the network's date").isEqualTo(java.time.LocalDate.of(2024, 6, 30)));
        // written back, the network's sources and assumptions survive
        Path out = dir.resolveSibling(dir.getFileName() + "-out");
        NetworkWriter.writeCsv(n, out);
        assertThat(NetworkReader.read(out).notes()).filteredOn(x -> x.element().equals("network"))
                .extracting(org.chokepoint.model.Note::text).containsExactly("Annual report, 2024", "capacities are guesses");
        write("network.csv", "key,text\nsauce,tomato\n");
        assertThatThrownBy(() -> NetworkReader.read(dir)).hasMessageContaining("unknown key 'sauce'");
    }

    @Test
    void readsTablesWithQuotedCellsListsAndDefaults() {
        Network n = NetworkReader.read(dir);
        assertThat(n.item("chip").name()).isEqualTo("Chip, fast");
        assertThat(n.item("server").eccn()).isEqualTo("EAR99");
        assertThat(n.firm("acme").aliases()).containsExactly("Acme Ltd", "ACME");
        assertThat(n.site("fab").madeWith()).containsExactly("us-technology");
        assertThat(n.site("line").recipe()).containsEntry("chip", 2.0);
        assertThat(n.site("line").stock()).containsEntry("chip", Duration.weeks(2));
        assertThat(n.links().get(0).item()).as("item defaults to what the supplier makes").isEqualTo("chip");
        assertThat(n.links().get(0).share()).isEqualTo(1.0);
    }

    @Test
    void cellProblemsPointAtLineAndColumn() throws IOException {
        write("links.csv", "from,to,share,lead-time\nfab,line,1.5,1w\nfab,lin,1,soon\n");
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> NetworkReader.read(dir));
        assertThat(e.problems()).extracting(InvalidFilesTest::render).containsExactly(
                "links.csv 2:10 share: must be in [0, 1] (1.5)",
                "links.csv 3:11 lead-time: 'soon' is not a duration",
                "recipes.csv 2:6 input: no link or alternate supplies 'chip' to site 'line'");
        assertThat(e.problems().get(0).file()).isEqualTo(dir + "/links.csv");
    }

    @Test
    void referenceProblemsPointAtTheCell() throws IOException {
        write("links.csv", "from,to\nfab,lin\n");
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> NetworkReader.read(dir));
        assertThat(e.problems()).extracting(InvalidFilesTest::render).containsExactly(
                "links.csv 2:5 to: unknown site 'lin'",
                "recipes.csv 2:6 input: no link or alternate supplies 'chip' to site 'line'");
        assertThat(e.problems().get(0).advice()).endsWith("Did you mean 'line'?");
    }

    @Test
    void recipeProblemsPointIntoRecipesCsv() throws IOException {
        write("recipes.csv", "site,input,quantity,stock\nline,chip,-2,2w\nline,chp,1,\nlien,chip,1,\nline,chip,3,\n");
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> NetworkReader.read(dir));
        assertThat(e.problems()).extracting(InvalidFilesTest::render).containsExactly(
                "recipes.csv 2:11 quantity: must be greater than 0 (-2)",
                "recipes.csv 4:1 site: unknown site 'lien'",
                "recipes.csv 5:6 input: input 'chip' appears twice for site 'line'");
    }

    @Test
    void headerProblems() throws IOException {
        write("links.csv", "from,too,lead_time\nfab,line,1\n");
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> NetworkReader.read(dir));
        assertThat(e.problems()).extracting(InvalidFilesTest::render).containsExactly(
                "links.csv 1:1 to: missing required column 'to'",
                "links.csv 1:6 too: unknown column 'too'",
                "links.csv 1:10 lead_time: unknown column 'lead_time'",
                "recipes.csv 2:6 input: no link or alternate supplies 'chip' to site 'line'");
        assertThat(e.problems().get(1).advice()).contains("Did you mean 'to'?");
        assertThat(e.problems().get(2).advice()).contains("Did you mean 'lead-time'?");
    }

    @Test
    void rowWithTooManyCellsAndMalformedQuotes() throws IOException {
        write("demand.csv", "item,market,site,quantity\nserver,CN,line,10,extra\n");
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> NetworkReader.read(dir));
        assertThat(e.problems()).extracting(InvalidFilesTest::render)
                .containsExactly("demand.csv 2:19 row 1 has more cells than the header's 4 columns");

        tinyNetwork();
        write("items.csv", "id,value\nchip,10\n\"server,100\n");
        InvalidInputException q = catchThrowableOfType(InvalidInputException.class, () -> NetworkReader.read(dir));
        assertThat(q.problems()).anySatisfy(p -> {
            assertThat(p.file()).endsWith("items.csv");
            assertThat(p.message()).startsWith("malformed CSV: ");
            assertThat(p.line()).isGreaterThanOrEqualTo(3);
        });
    }

    @Test
    void missingAndUnknownTables() throws IOException {
        Files.delete(dir.resolve("firms.csv"));
        write("link.csv", "from,to\n");
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> NetworkReader.read(dir));
        assertThat(e.problems()).extracting(Problem::message).containsExactly(
                "missing table firms.csv in " + dir,
                "unknown table 'link.csv'");
        assertThat(e.problems().get(1).advice()).contains("Did you mean 'links'?");
    }

    @Test
    void numbersInCsvMayNotBeNaN() throws IOException {
        write("items.csv", "id,value\nchip,NaN\nserver,Infinity\n");
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> NetworkReader.read(dir));
        assertThat(e.problems()).extracting(InvalidFilesTest::render).startsWith(
                "items.csv 2:6 value: must be a finite number (NaN)",
                "items.csv 3:8 value: must be a finite number (Infinity)");
    }

    @Test
    void emptyTable() throws IOException {
        write("demand.csv", "");
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> NetworkReader.read(dir));
        assertThat(e.problems()).extracting(Problem::message).containsExactly("the table is empty");
    }

    private void write(String name, String content) throws IOException {
        Files.writeString(dir.resolve(name), content);
    }

    /**
     * Reading a folder of tables tells its progress each megabyte, from both reading threads: of the
     * tables' total size, up to within a megabyte of it; the network read is the one read without.
     */
    @Test
    void readingTellsItsProgressByTheMegabyte() throws IOException {
        Path folder = dir.resolve("big");
        NetworkWriter.writeCsv(org.chokepoint.analysis.SyntheticNetworks.generate(12_000, 80_000, 3), folder);
        long size = 0;
        try (var files = Files.list(folder)) {
            for (Path f : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".csv"))::iterator) {
                size += Files.size(f);
            }
        }
        assertThat(size).isGreaterThan(3L << 20);
        java.util.List<long[]> told = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        Network n = NetworkReader.read(folder, (done, total) -> told.add(new long[] {done, total}));
        long total = size;
        assertThat(told).isNotEmpty().allSatisfy(x -> {
            assertThat(x[1]).isEqualTo(total);
            assertThat(x[0]).isBetween(1L << 20, total);
        });
        long most = told.stream().mapToLong(x -> x[0]).max().orElseThrow();
        assertThat(most).isGreaterThan(total - (1L << 20));
        assertThat(told).hasSize((int) (total >> 20));
        Network plain = NetworkReader.read(folder);
        assertThat(n.links()).isEqualTo(plain.links());
        assertThat(n.sites()).isEqualTo(plain.sites());
    }

    /**
     * A link row's sources, assumption, note, as-of and calibrated are kept, as every other
     * element's are (they were read into a builder that was thrown away); one that gives a
     * calibration but no date takes the network's as-of, and a row that says none of them keeps
     * nothing.
     */
    @Test
    void aLinkRowsNotesAndDatesAreKept() throws IOException {
        Path net = dir.resolve("dated");
        Files.createDirectories(net);
        Files.writeString(net.resolve("network.csv"), "key,text\nas-of,2025-03-01\n");
        Files.writeString(net.resolve("items.csv"), "id,value\nchip,10\nbox,100\n");
        Files.writeString(net.resolve("firms.csv"), "id,country\nf,US\ng,CN\n");
        Files.writeString(net.resolve("sites.csv"), "id,firm,makes,capacity\nfab,f,chip,100\nline,g,box,10\nline2,g,box,10\nline3,g,box,10\n");
        Files.writeString(net.resolve("recipes.csv"), "site,input,quantity\nline,chip,1\nline2,chip,1\nline3,chip,1\n");
        Files.writeString(net.resolve("links.csv"), "from,to,share,sources,assumption,as-of,calibrated\n"
                + "fab,line,1,Annual report 2024|Trade data,Half of its chips,2024-12-31,\n"
                + "fab,line2,1,,,,the 2024 shipments\n"
                + "fab,line3,1,,,,\n");
        Files.writeString(net.resolve("demand.csv"), "item,market,site,quantity\nbox,CN,line,1\nbox,CN,line2,1\nbox,CN,line3,1\n");
        Network n = NetworkReader.read(net);
        assertThat(n.notes()).extracting(org.chokepoint.model.Note::element, org.chokepoint.model.Note::text)
                .contains(org.assertj.core.groups.Tuple.tuple("links/fab->line", "Annual report 2024"),
                        org.assertj.core.groups.Tuple.tuple("links/fab->line", "Trade data"),
                        org.assertj.core.groups.Tuple.tuple("links/fab->line", "Half of its chips"));
        java.util.Map<String, org.chokepoint.model.Fact> facts = new java.util.HashMap<>();
        n.facts().forEach(f -> facts.put(f.element(), f));
        assertThat(facts.get("links/fab->line").asOf()).isEqualTo(java.time.LocalDate.of(2024, 12, 31));
        assertThat(facts.get("links/fab->line2").asOf()).as("the network's as-of").isEqualTo(java.time.LocalDate.of(2025, 3, 1));
        assertThat(facts.get("links/fab->line2").calibrated()).isEqualTo("the 2024 shipments");
        assertThat(facts).doesNotContainKey("links/fab->line3");
        // and a bad date on a link row is a located problem
        Files.writeString(net.resolve("links.csv"), "from,to,share,as-of\nfab,line,1,2024-13-45\nfab,line2,1,\nfab,line3,1,\n");
        InvalidInputException e = catchThrowableOfType(() -> NetworkReader.read(net), InvalidInputException.class);
        assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.file()).endsWith("links.csv");
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.message()).contains("2024-13-45");
        });
    }
}
