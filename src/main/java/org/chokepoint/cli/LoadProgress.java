package org.chokepoint.cli;

import java.nio.file.Path;
import org.chokepoint.api.Chokepoint;
import org.chokepoint.io.ReadProgress;
import org.chokepoint.model.Scenario;

/**
 * A progress bar over the megabytes of a large network's CSV tables while they are read (off a
 * terminal, a line now and then): a network of ten million links takes about a minute to load.
 */
final class LoadProgress implements ReadProgress, AutoCloseable {

    /** Tables of this many bytes or more show their progress: a few seconds of reading on the build machine. */
    static final long FROM = 20L << 20;

    private Progress bar;

    @Override
    public synchronized void at(long done, long total) {
        if (total < FROM) {
            return;
        }
        if (bar == null) {
            bar = new Progress("reading (MB)", total >> 20);
        }
        bar.accept((int) (done >> 20));
    }

    @Override
    public synchronized void close() {
        if (bar != null) {
            bar.close();
        }
    }

    /** Reads a scenario and its network, showing the progress of a large network's tables. */
    static Scenario scenario(Path file) {
        try (LoadProgress progress = new LoadProgress()) {
            return Chokepoint.loadScenario(file, progress);
        }
    }
}
