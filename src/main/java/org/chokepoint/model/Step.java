package org.chokepoint.model;

/** The length of one simulated period. */
public enum Step {
    DAY(1),
    WEEK(7);

    private final int days;

    Step(int days) {
        this.days = days;
    }

    public int days() {
        return days;
    }

    /** The spelling used in files: {@code day} or {@code week}. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
