package org.chokepoint.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.chokepoint.model.InvalidInputException;
import org.chokepoint.model.Problem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file under {@code src/test/resources/invalid} must be rejected with exactly the problems
 * its {@code # expect:} lines list (JSON files keep them in a {@code .expect} file beside them):
 * {@code FILE LINE:COLUMN PATH: MESSAGE}, optionally followed by {@code | ADVICE-FRAGMENT}.
 */
class InvalidFilesTest {

    static final Path DIR = Path.of("src/test/resources/invalid");

    static Stream<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(DIR)) {
            return s.filter(p -> !p.toString().endsWith(".expect")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void rejectedWithExactlyTheExpectedProblems(Path file) throws IOException {
        List<String[]> expected = expectations(file);
        assertThat(expected).as("expectations in %s", file).isNotEmpty();

        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> ScenarioReader.readAny(file));
        assertThat(e).as("%s should be rejected", file).isNotNull();

        List<String> actual = new ArrayList<>();
        for (Problem p : e.problems()) {
            actual.add(render(p));
        }
        assertThat(actual).containsExactlyElementsOf(expected.stream().map(x -> x[0]).toList());
        for (int i = 0; i < expected.size(); i++) {
            if (expected.get(i)[1] != null) {
                assertThat(e.problems().get(i).advice()).as("advice of %s", expected.get(i)[0]).contains(expected.get(i)[1]);
            }
        }
        // The message the user sees has FILE:LINE:COLUMN for every located problem.
        for (Problem p : e.problems()) {
            if (p.line() > 0) {
                assertThat(e.getMessage()).contains(p.file() + ":" + p.line() + ":" + p.column() + ": ");
            }
        }
    }

    static String render(Problem p) {
        String file = p.file() == null ? "-" : Path.of(p.file()).getFileName().toString();
        return file + " " + p.line() + ":" + p.column() + " " + (p.path().isEmpty() ? "" : p.path() + ": ") + p.message();
    }

    static List<String[]> expectations(Path file) throws IOException {
        Path sidecar = Path.of(file + ".expect");
        List<String> lines = Files.readAllLines(Files.exists(sidecar) ? sidecar : file);
        List<String[]> out = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("# expect: ")) {
                String body = line.substring("# expect: ".length());
                int bar = body.indexOf(" | ");
                out.add(bar < 0 ? new String[] {body, null} : new String[] {body.substring(0, bar), body.substring(bar + 3)});
            }
        }
        return out;
    }
}
