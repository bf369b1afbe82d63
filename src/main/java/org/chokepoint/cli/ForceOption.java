package org.chokepoint.cli;

import picocli.CommandLine.Option;

/** {@code --force}, shared by the commands that write into an output folder. */
final class ForceOption {

    @Option(names = "--force",
            description = "Write into an output folder that also holds files chokepoint did not write; they are left"
                    + " untouched, and only chokepoint's own earlier files are replaced.")
    boolean force;
}
