package org.chokepoint.io;

/**
 * Told now and then how far reading a network's CSV tables has come: the characters read so far
 * of about {@code total} (the tables' size in bytes), from whichever thread read them. What a
 * command shows as progress while a large network loads.
 */
@FunctionalInterface
public interface ReadProgress {

    void at(long done, long total);

    /** Tells no one. */
    ReadProgress NONE = (done, total) -> { };
}
