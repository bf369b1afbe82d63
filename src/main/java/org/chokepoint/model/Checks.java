package org.chokepoint.model;


/**
 * Value checks shared by the model records. Each is written so that NaN fails ({@code !(x >= 0)})
 * and throws a {@link FieldException} naming the field as it is spelled in files.
 */
public final class Checks {

    private Checks() {}

    public static String id(String value, String field) {
        if (value == null || value.isEmpty()) {
            throw new FieldException(field, "must not be empty", "Use letters, digits, '.', '_' or '-'.");
        }
        if (!isId(value)) {
            throw new FieldException(field, "'" + value + "' is not a valid id",
                    "Ids start with a letter or digit and use only letters, digits, '.', '_' or '-'.");
        }
        return value;
    }

    /** Letters and digits, then also '.', '_' and '-'. A loop, not a regex: it runs once per id on loading. */
    static boolean isId(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (!alnum && (i == 0 || (c != '.' && c != '_' && c != '-'))) {
                return false;
            }
        }
        return true;
    }

    public static double nonNegative(double value, String field) {
        finite(value, field);
        if (!(value >= 0)) {
            throw new FieldException(field, "must not be negative (" + fmt(value) + ")", "Use 0 or a positive number.");
        }
        return value;
    }

    public static double positive(double value, String field) {
        finite(value, field);
        if (!(value > 0)) {
            throw new FieldException(field, "must be greater than 0 (" + fmt(value) + ")", "Use a positive number.");
        }
        return value;
    }

    public static double fraction(double value, String field) {
        finite(value, field);
        if (!(value >= 0 && value <= 1)) {
            String hint = value >= 2 && value <= 100 ? " Maybe " + fmt(value / 100) + " for " + fmt(value) + "%." : "";
            throw new FieldException(field, "must be in [0, 1] (" + fmt(value) + ")", "A share is a fraction." + hint);
        }
        return value;
    }

    public static double finite(double value, String field) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new FieldException(field, "must be a finite number (" + fmt(value) + ")", "NaN and infinity are not allowed.");
        }
        return value;
    }

    /** A number as people write it: no trailing {@code .0}, no exponent for ordinary sizes. */
    public static String fmt(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value);
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
