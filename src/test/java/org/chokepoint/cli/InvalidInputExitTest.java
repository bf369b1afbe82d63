package org.chokepoint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whatever validate refuses, run refuses the same way: for every file of
 * {@code src/test/resources/invalid}, exit code 2, the file, line and column of its first expected
 * problem, no stack trace, and nothing written.
 */
class InvalidInputExitTest {

    @TempDir
    Path dir;

    static Stream<Path> files() throws IOException {
        return org.chokepoint.io.InvalidFilesTestAccess.files();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void validateAndRunRefuseWithExitCodeTwoAndTheLocation(Path file) throws IOException {
        String first = org.chokepoint.io.InvalidFilesTestAccess.firstLocation(file);
        // A network file given to run is read as a scenario and refused for that, elsewhere in the file.
        boolean scenario = Files.readString(file).lines().anyMatch(l -> l.startsWith("scenario:"));
        for (List<String> args : List.of(List.of("validate", file.toString()),
                List.of("run", file.toString(), "--out", dir.resolve("out").toString()))) {
            CliTest.Result r = CliTest.run(args.toArray(String[]::new));
            assertThat(r.code()).as(String.join(" ", args) + "\n" + r.err()).isEqualTo(2);
            assertThat(r.err()).as(String.join(" ", args)).doesNotContain("Exception").doesNotContain("\tat ")
                    .doesNotContain("internal error");
            if (args.get(0).equals("validate") || scenario) {
                assertThat(r.err()).as(String.join(" ", args)).contains(first);
            }
        }
        assertThat(Files.exists(dir.resolve("out"))).as("nothing written").isFalse();
    }
}
