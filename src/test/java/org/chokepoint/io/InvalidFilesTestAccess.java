package org.chokepoint.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The invalid-file fixtures of {@link InvalidFilesTest}, for the command-line tests. */
public final class InvalidFilesTestAccess {

    private InvalidFilesTestAccess() {}

    public static Stream<Path> files() throws IOException {
        return InvalidFilesTest.files();
    }

    /** {@code FILE:LINE:COLUMN: } of the first expected problem, as the user sees it; empty if it has no position. */
    public static String firstLocation(Path file) throws IOException {
        String[] first = InvalidFilesTest.expectations(file).get(0);
        String[] parts = first[0].split(" ", 3);
        if (parts[1].equals("-") || parts[1].startsWith("0")) {
            return "";
        }
        return parts[0] + ":" + parts[1] + ": ";
    }
}
