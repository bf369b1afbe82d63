package org.chokepoint.analysis;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Waiting for work run on another thread, so that what failed there fails here. */
public final class Futures {

    private Futures() {}

    /**
     * The task's result. A runtime exception it threw is thrown here as it is; any other failure
     * (an error, a checked exception) as the cause of an {@link IllegalStateException}, as is an
     * interruption of the wait (the thread's interrupt flag kept).
     */
    public static <T> T get(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
