package org.chokepoint.report;

import java.util.Locale;

/** Numbers in the back-test's tables and subtitles: index points to two places, levels grouped. */
final class FitNumbers {

    private FitNumbers() {}

    static String compact(double x, boolean index) {
        if (Double.isNaN(x)) {
            return "-";
        }
        return index ? String.format(Locale.ROOT, "%.2f", x) : String.format(Locale.ROOT, "%,.0f", x);
    }
}
