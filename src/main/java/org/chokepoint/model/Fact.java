package org.chokepoint.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * When the figures of one element were public, and whether they were fitted to what happened
 * afterwards. A back-test may rest only on facts public before its event (see {@link Backtest}); a
 * figure fitted to the outcome is {@code calibrated} and listed as such in every report.
 *
 * @param element what it dates, e.g. {@code sites/inspur-ai-line}, {@code network}, {@code uncertain PATH}
 * @param asOf the day the element's figures were public; null when the element gives none
 * @param calibrated what the figure was fitted to, or null when it was not fitted
 * @param where the file position of the element's {@code as-of} (or of the element), for messages
 */
public record Fact(String element, LocalDate asOf, String calibrated, Problem where) {

    public Fact {
        Objects.requireNonNull(element, "element");
        Objects.requireNonNull(where, "where");
        if (calibrated != null && calibrated.isBlank()) {
            calibrated = null;
        }
    }

    public boolean isCalibrated() {
        return calibrated != null;
    }
}
