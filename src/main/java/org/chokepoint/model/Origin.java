package org.chokepoint.model;

/**
 * Where a model element came from, so that a problem found while validating it can point at the
 * right file, line and column. File readers implement it; code that builds a network directly
 * uses {@link #of(String)}.
 */
public interface Origin {

    /** The element's path, e.g. {@code links[12]}. */
    String path();

    /** A problem located at {@code field} of this element (or at the element if field is absent). */
    Problem problem(String field, String message, String advice);

    /** An origin with a path and no file position. */
    static Origin of(String path) {
        return new Origin() {
            @Override
            public String path() {
                return path;
            }

            @Override
            public Problem problem(String field, String message, String advice) {
                return Problem.at(field == null || field.isEmpty() ? path : path + "." + field, message, advice);
            }
        };
    }
}
