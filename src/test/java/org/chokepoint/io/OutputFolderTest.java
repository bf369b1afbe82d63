package org.chokepoint.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An output folder never touches a file Chokepoint did not write, and a failed write changes nothing. */
class OutputFolderTest {

    @TempDir
    Path tmp;

    private static void writeAll(OutputFolder f, String... names) {
        f.write(dir -> {
            for (String n : names) {
                Files.writeString(dir.resolve(n), "content of " + n + " " + System.nanoTime());
            }
        });
    }

    private static OutputFolder open(Path dir, String command, boolean force, String... names) {
        return OutputFolder.open(dir, command, force, List.of(), List.of(names));
    }

    private static void run(Path dir, String command, boolean force, String... names) {
        try (OutputFolder f = open(dir, command, force)) {
            writeAll(f, names);
            f.commit();
        }
    }

    @Test
    void aNewFolderIsCreatedAndItsManifestListsWhatWasWritten() throws IOException {
        Path dir = tmp.resolve("a/b/out");
        run(dir, "run", false, "results.csv", "report.pdf");
        assertThat(dir.resolve("results.csv")).exists();
        assertThat(OutputFolder.readManifest(dir.resolve(OutputFolder.MANIFEST))).containsOnlyKeys("results.csv", "report.pdf");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(OutputFolder.STAGING));
        }
    }

    @Test
    void aFolderWithAFileOfTheUsersIsRefusedBeforeAnythingIsWritten() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("mine"));
        Path notes = Files.writeString(dir.resolve("notes.txt"), "my notes");
        FileTime before = Files.getLastModifiedTime(notes);
        assertThatThrownBy(() -> open(dir, "run", false))
                .isInstanceOf(OutputException.class)
                .hasMessageContaining("holds a file that chokepoint did not write: notes.txt")
                .extracting(e -> ((OutputException) e).advice()).asString().contains("--force").contains("Nothing was changed");
        assertThat(Files.readString(notes)).isEqualTo("my notes");
        assertThat(Files.getLastModifiedTime(notes)).isEqualTo(before);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("notes.txt");
        }
    }

    @Test
    void forceWritesBesideTheUsersFilesAndLeavesThemAlone() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("mine"));
        Files.writeString(dir.resolve("notes.txt"), "my notes");
        Files.createDirectories(dir.resolve("data")).resolve("x.csv");
        Files.writeString(dir.resolve("data/x.csv"), "1,2");
        run(dir, "run", true, "results.csv");
        run(dir, "run", true, "summary.json"); // removes its own results.csv, keeps the user's files
        assertThat(Files.readString(dir.resolve("notes.txt"))).isEqualTo("my notes");
        assertThat(Files.readString(dir.resolve("data/x.csv"))).isEqualTo("1,2");
        assertThat(dir.resolve("results.csv")).doesNotExist();
        assertThat(dir.resolve("summary.json")).exists();
    }

    @Test
    void evenForcedAFileOfTheUsersIsNeverReplaced() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("mine"));
        Files.writeString(dir.resolve("results.csv"), "my own table");
        assertThatThrownBy(() -> open(dir, "run", true, "results.csv"))
                .isInstanceOf(OutputException.class).hasMessageContaining("results.csv was not written by chokepoint");
        // A name that only shows up when the outputs are moved into place is caught then, before any move.
        try (OutputFolder f = open(dir, "run", true)) {
            writeAll(f, "a.png", "results.csv");
            assertThatThrownBy(f::commit).isInstanceOf(OutputException.class);
        }
        assertThat(Files.readString(dir.resolve("results.csv"))).isEqualTo("my own table");
        assertThat(dir.resolve("a.png")).doesNotExist();
    }

    @Test
    void aFileOfOursThatTheUserEditedBecomesTheirs() throws IOException {
        Path dir = tmp.resolve("out");
        run(dir, "run", false, "results.csv");
        Files.writeString(dir.resolve("results.csv"), "edited by hand");
        assertThatThrownBy(() -> open(dir, "run", false)).isInstanceOf(OutputException.class)
                .hasMessageContaining("results.csv");
        assertThat(Files.readString(dir.resolve("results.csv"))).isEqualTo("edited by hand");
    }

    @Test
    void aRerunReplacesItsOwnFilesAndKeepsOtherCommandsFiles() throws IOException {
        Path dir = tmp.resolve("out");
        run(dir, "sensitivity-tornado", false, "tornado.csv", "tornado.png");
        run(dir, "run", false, "results.csv", "bands.csv");
        String first = Files.readString(dir.resolve("results.csv"));
        run(dir, "run", false, "results.csv");
        assertThat(Files.readString(dir.resolve("results.csv"))).isNotEqualTo(first);
        assertThat(dir.resolve("bands.csv")).doesNotExist();
        assertThat(dir.resolve("tornado.csv")).exists();
        assertThat(dir.resolve("tornado.png")).exists();
    }

    @Test
    void theCommandsOwnInputsInsideTheFolderAreRefused() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("scenarios"));
        Path scenario = Files.writeString(dir.resolve("s.yaml"), "scenario: s");
        assertThatThrownBy(() -> OutputFolder.open(dir, "run", false, List.of(scenario), List.of()))
                .isInstanceOf(OutputException.class).hasMessageContaining("holds this command's input " + scenario);
        assertThat(Files.readString(scenario)).isEqualTo("scenario: s");
    }

    @Test
    void unusablePathsAreRefusedPlainly() throws IOException {
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        assertThatThrownBy(() -> open(file, "run", false)).isInstanceOf(OutputException.class).hasMessageContaining("is a file, not a folder");
        assertThatThrownBy(() -> open(file.resolve("below"), "run", false)).isInstanceOf(OutputException.class)
                .hasMessageContaining("cannot create output folder");
        assertThatThrownBy(() -> open(Path.of("/proc/self/out"), "run", false)).isInstanceOf(OutputException.class)
                .hasMessageContaining("system folder");
        assertThat(Files.readString(file)).isEqualTo("x");
    }

    @Test
    void aFailedWriteLeavesThePreviousOutputsAsTheyWere() throws IOException {
        Path dir = tmp.resolve("out");
        run(dir, "run", false, "results.csv", "report.pdf");
        String before = Files.readString(dir.resolve("results.csv"));
        try (OutputFolder f = open(dir, "run", false)) {
            assertThatThrownBy(() -> f.write(d -> {
                Files.writeString(d.resolve("results.csv"), "half");
                throw new java.nio.file.FileSystemException(d.resolve("report.pdf").toString(), null, "No space left on device");
            })).isInstanceOf(OutputException.class).hasMessageContaining("no space left on device")
                    .extracting(e -> ((OutputException) e).advice()).asString().contains("Nothing in " + dir + " was changed");
        }
        assertThat(Files.readString(dir.resolve("results.csv"))).isEqualTo(before);
        assertThat(dir.resolve("report.pdf")).exists();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(OutputFolder.STAGING));
        }
        run(dir, "run", false, "results.csv"); // and the folder is still ours
    }

    @Test
    void twoCommandsCannotWriteIntoOneFolderAtOnce() {
        Path dir = tmp.resolve("out");
        try (OutputFolder first = open(dir, "sweep", false)) {
            assertThatThrownBy(() -> open(dir, "sweep", false)).isInstanceOf(OutputException.class)
                    .hasMessageContaining("another chokepoint command is writing into");
        }
        run(dir, "sweep", false, "sweep.csv");
    }

    @Test
    void whatAKilledCommandLeftIsRemovedByTheNext() throws IOException {
        Path dir = tmp.resolve("out");
        run(dir, "run", false, "results.csv");
        Path stale = Files.createDirectories(dir.resolve(OutputFolder.STAGING + "99999"));
        Files.writeString(stale.resolve("results.csv"), "half");
        Path legacy = Files.createDirectories(tmp.resolve(".out.1234567890"));
        Files.writeString(legacy.resolve("summary.json"), "{}");
        Path notOurs = Files.createDirectories(tmp.resolve(".out.42"));
        Files.writeString(notOurs.resolve("diary.txt"), "mine");
        run(dir, "run", false, "results.csv");
        assertThat(stale).doesNotExist();
        assertThat(legacy).doesNotExist();
        assertThat(notOurs.resolve("diary.txt")).exists();
    }

    @Test
    void aGrowingFileIsOursAcrossProcessesUntilTheCommitRemovesIt() throws IOException {
        Path dir = tmp.resolve("out");
        try (OutputFolder f = open(dir, "sweep", false)) {
            Files.writeString(f.growing("sweep.csv.partial"), "point,metric\n", StandardCharsets.UTF_8);
        } // killed here, say
        Files.writeString(dir.resolve("sweep.csv.partial"), "0,x\n", java.nio.file.StandardOpenOption.APPEND);
        try (OutputFolder f = open(dir, "sweep", false)) {
            Path partial = f.growing("sweep.csv.partial");
            f.write(d -> Files.copy(partial, d.resolve("sweep.csv")));
            assertThat(f.commit()).containsExactly("sweep.csv");
        }
        assertThat(dir.resolve("sweep.csv.partial")).doesNotExist();
        assertThat(Files.readString(dir.resolve("sweep.csv"))).isEqualTo("point,metric\n0,x\n");
    }

    @Test
    void aSingleOutputFileIsReplacedOnlyWhenForced() throws IOException {
        Path file = Files.writeString(tmp.resolve("supply.dot"), "digraph {}");
        assertThatThrownBy(() -> OutputFolder.checkFile(file, false)).isInstanceOf(OutputException.class).hasMessageContaining("exists");
        OutputFolder.checkFile(file, true);
        OutputFolder.checkFile(tmp.resolve("new.dot"), false);
        assertThatThrownBy(() -> OutputFolder.checkFile(tmp, true)).isInstanceOf(OutputException.class).hasMessageContaining("is a folder");
    }
}
