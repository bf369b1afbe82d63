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
