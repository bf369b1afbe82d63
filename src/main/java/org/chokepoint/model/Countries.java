package org.chokepoint.model;

import java.util.Locale;
import java.util.Set;

/** ISO 3166-1 alpha-2 country codes, as used for firms, site locations and markets. */
public final class Countries {

    private static final Set<String> CODES = Set.of(Locale.getISOCountries());

    private Countries() {}

    public static boolean isCode(String code) {
        return code != null && CODES.contains(code);
    }

    /** Every code, for "Did you mean". */
    public static Set<String> codes() {
        return CODES;
    }

    public static String check(String code, String field) {
        if (!isCode(code)) {
            String upper = code == null ? null : code.toUpperCase(Locale.ROOT);
            String hint = isCode(upper) ? " Did you mean '" + upper + "'?" : "";
            throw new FieldException(field, "'" + code + "' is not an ISO 3166-1 alpha-2 country code",
                    "Use two capital letters, e.g. US, CN, TW, KR, JP, DE, NL." + hint);
        }
        return code;
    }
}
