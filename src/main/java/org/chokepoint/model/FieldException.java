package org.chokepoint.model;

/**
 * Thrown by a record's compact constructor when one of its fields is out of range. Readers catch
 * it and turn it into a located {@link Problem}; code that builds records directly sees a plain
 * {@link IllegalArgumentException} with the same text.
 */
public final class FieldException extends IllegalArgumentException {

    private final String field;
    private final String advice;

    public FieldException(String field, String message, String advice) {
        super(field + ": " + message + (advice.isEmpty() ? "" : " (" + advice + ")"), null);
        this.field = field;
        this.advice = advice;
    }

    /** The field name as written in files (kebab-case). */
    public String field() {
        return field;
    }

    /** The message without the field name. */
    public String bareMessage() {
        String m = getMessage();
        int cut = m.indexOf(" (" + advice + ")");
        String withoutAdvice = advice.isEmpty() || cut < 0 ? m : m.substring(0, cut);
        return withoutAdvice.substring(field.length() + 2);
    }

    public String advice() {
        return advice;
    }
}
