package org.chokepoint.model;

/**
 * A length of time as written in a file: a number of periods ({@code 4}), of days ({@code 30d})
 * or of weeks ({@code 12w}). A network file does not know the scenario's step, so durations are
 * kept as written and converted with {@link #inPeriods(Step)} when a scenario is compiled.
 */
public record Duration(double amount, Unit unit) {

    public enum Unit {
        PERIODS(""),
        DAYS("d"),
        WEEKS("w");

        private final String suffix;

        Unit(String suffix) {
            this.suffix = suffix;
        }

        public String suffix() {
            return suffix;
        }
    }


    public Duration {
        Checks.nonNegative(amount, "duration");
        java.util.Objects.requireNonNull(unit, "unit");
    }

    /** Whole durations up to a year of weeks, shared: large networks repeat the same few. */
    private static final Duration[][] COMMON = new Duration[Unit.values().length][366];

    static {
        for (Unit u : Unit.values()) {
            for (int i = 0; i < COMMON[u.ordinal()].length; i++) {
                COMMON[u.ordinal()][i] = new Duration(i, u);
            }
        }
    }

    public static final Duration ZERO = periods(0);

    public static Duration of(double amount, Unit unit) {
        if (amount >= 0 && amount < COMMON[0].length && amount == (int) amount) {
            return COMMON[unit.ordinal()][(int) amount];
        }
        return new Duration(amount, unit);
    }

    public static Duration periods(double n) {
        return of(n, Unit.PERIODS);
    }

    public static Duration days(double n) {
        return of(n, Unit.DAYS);
    }

    public static Duration weeks(double n) {
        return of(n, Unit.WEEKS);
    }

    private static final java.util.regex.Pattern TEXT =
            java.util.regex.Pattern.compile("\\s*([0-9]+(?:\\.[0-9]+)?)\\s*([dw]?)\\s*");

    /**
     * Reads the spelling files use: {@code 12w}, {@code 30d}, or a bare number of periods.
     *
     * @return the duration, or {@code null} when the text is not one
     */
    public static Duration parse(String text) {
        java.util.regex.Matcher m = TEXT.matcher(text);
        if (!m.matches()) {
            return null;
        }
        double amount = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "d" -> days(amount);
            case "w" -> weeks(amount);
            default -> periods(amount);
        };
    }

    /** The longest duration a file may give: a century, so that delays and lead times fit in the engine's rings. */
    public static final double MAX_DAYS = 36_525;

    /** Whether this is longer than {@link #MAX_DAYS} (a bare number of periods counts as days, the shortest step). */
    public boolean tooLong() {
        return switch (unit) {
            case PERIODS, DAYS -> amount > MAX_DAYS;
            case WEEKS -> amount * 7 > MAX_DAYS;
        };
    }

    public boolean isZero() {
        return amount == 0;
    }

    /** This duration in periods of the given step; 30 days at a weekly step is 30/7 periods. */
    public double inPeriods(Step step) {
        return switch (unit) {
            case PERIODS -> amount;
            case DAYS -> amount / step.days();
            case WEEKS -> amount * 7 / step.days();
        };
    }

    /** As written in files: {@code 4}, {@code 30d}, {@code 12w}. */
    @Override
    public String toString() {
        return Checks.fmt(amount) + unit.suffix;
    }
}
