package org.chokepoint.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.chokepoint.model.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Documents that would exhaust memory or time are refused with a clear message. */
class LimitsTest {

    @TempDir
    Path dir;

    @Test
    void billionLaughsAliasBombIsRefusedWithoutExpanding() throws IOException {
        StringBuilder y = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            char prev = (char) (c - 1);
            y.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                y.append(i == 0 ? "" : ",").append('*').append(prev);
            }
            y.append("]\n");
        }
        Path f = Files.writeString(dir.resolve("bomb.yaml"), y);
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> NetworkReader.read(f));
        var aliases = e.problems().stream().filter(p -> p.message().startsWith("YAML alias")).toList();
        assertThat(aliases).hasSize(81); // 9 aliases on each of the 9 lines b..j, none expanded
        assertThat(aliases.get(0).message()).isEqualTo("YAML alias '*a' is not supported");
        assertThat(aliases.get(0).line()).isEqualTo(2);
        assertThat(aliases.get(0).path()).isEqualTo("b[0]");
    }

    @Test
    void documentOverTheSizeLimitIsRefused() throws IOException {
        StringBuilder y = new StringBuilder("items:\n");
        for (int i = 0; i < 200; i++) {
            y.append("  - {id: item").append(i).append(", value: 1}\n");
        }
        Path f = Files.writeString(dir.resolve("big.yaml"), y);
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> TreeReader.read(f, "big.yaml", new Problems(), 1024));
        assertThat(e.getMessage()).startsWith("big.yaml: the document is too large or too deeply nested")
                .contains("keep large networks as CSV tables");

        Path json = Files.writeString(dir.resolve("big.json"), "{\"items\": [" + "{\"id\": \"x\", \"value\": 1},".repeat(100) + "{}]}");
        InvalidInputException je = catchThrowableOfType(InvalidInputException.class,
                () -> TreeReader.read(json, "big.json", new Problems(), 1024));
        assertThat(je.getMessage()).startsWith("big.json").contains("too large or too deeply nested");
    }

    @Test
    void deepNestingIsRefused() throws IOException {
        String deep = "a: " + "[".repeat(TreeReader.MAX_DEPTH + 5) + "]".repeat(TreeReader.MAX_DEPTH + 5) + "\n";
        Path f = Files.writeString(dir.resolve("deep.yaml"), deep);
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> NetworkReader.read(f));
        assertThat(e.getMessage()).contains("too large or too deeply nested");

        Path j = Files.writeString(dir.resolve("deep.json"), "{\"a\": " + "[".repeat(TreeReader.MAX_DEPTH + 5) + "]".repeat(TreeReader.MAX_DEPTH + 5) + "}");
        InvalidInputException je = catchThrowableOfType(InvalidInputException.class, () -> NetworkReader.read(j));
        assertThat(je.getMessage()).contains("too large or too deeply nested");
    }

    @Test
    void emptyFileSaysSo() throws IOException {
        Path f = Files.writeString(dir.resolve("empty.yaml"), "");
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> NetworkReader.read(f));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.message()).isEqualTo("the file is empty");
            assertThat(p.line()).isEqualTo(1);
        });
    }

    @Test
    void missingAndUnreadableFilesSaySo() throws IOException {
        InvalidInputException missing = catchThrowableOfType(InvalidInputException.class,
                () -> NetworkReader.read(dir.resolve("nope.yaml")));
        assertThat(missing.getMessage()).contains("file not found: ").contains("nope.yaml");

        Path locked = Files.writeString(dir.resolve("locked.yaml"), "items: []\n");
        if (locked.toFile().setReadable(false) && !Files.isReadable(locked)) {
            InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> NetworkReader.read(locked));
            assertThat(e.getMessage()).contains("permission denied");
        } // as root every file is readable: nothing to test then

        Path odd = Files.writeString(dir.resolve("network.txt"), "items: []\n");
        assertThat(catchThrowableOfType(InvalidInputException.class, () -> NetworkReader.read(odd)).getMessage())
                .contains("cannot tell the format of");
    }

    @Test
    void twoYamlDocumentsInOneFileAreRefused() throws IOException {
        Path f = Files.writeString(dir.resolve("two.yaml"), "items: []\n---\nitems: []\n");
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> NetworkReader.read(f));
        assertThat(e.problems()).extracting(p -> p.message()).contains("more than one YAML document in the file");
    }
}
