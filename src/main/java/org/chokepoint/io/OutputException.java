package org.chokepoint.io;

/**
 * An output path that cannot be used, or a write that failed (permission, full disk): the user's
 * problem to fix, reported in plain words with advice, never as an internal error. Whatever was
 * in the output folder before stays as it was.
 */
public final class OutputException extends RuntimeException {

    private final String advice;

    public OutputException(String message, String advice) {
        super(message, null, false, false);
        this.advice = advice == null ? "" : advice;
    }

    /** What the user can do about it; may be empty. */
    public String advice() {
        return advice;
    }
}
