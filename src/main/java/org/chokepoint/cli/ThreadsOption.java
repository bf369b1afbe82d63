package org.chokepoint.cli;

import picocli.CommandLine.Option;

/** {@code --threads T}, shared by the commands that run many simulations. */
final class ThreadsOption {

    @Option(names = "--threads", paramLabel = "T", description = "Threads (default: the number of cores).")
    Integer threads;

    /** The threads asked for, or the number of cores; a usage error below 1. */
    int resolve() {
        int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (t < 1) {
            throw new Main.UsageException("--threads must be at least 1 (" + t + ")");
        }
        return t;
    }
}
