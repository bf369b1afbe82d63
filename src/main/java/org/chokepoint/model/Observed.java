package org.chokepoint.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A series of what actually happened, to set beside what the model says: a metric of one part of
 * the network, aggregated to months, quarters or years, with its values, unit and source.
 *
 * @param id short name, used in file names and tables
 * @param name what it is, for charts
 * @param metric what is measured
 * @param site a site ({@link Metric#OUTPUT}, {@link Metric#REVENUE}), or null
 * @param firm a firm: all its sites ({@link Metric#OUTPUT}, {@link Metric#REVENUE}), or null
 * @param item an item: all sites making it ({@link Metric#OUTPUT}), the item shipped
 *     ({@link Metric#EXPORTS}), delivered ({@link Metric#DELIVERED}) or priced ({@link Metric#PRICE})
 * @param market the buyers' country ({@link Metric#DELIVERED}) or the price market ({@link Metric#PRICE}), or null
 * @param from the exporting country ({@link Metric#EXPORTS}), or null
 * @param to the importing country ({@link Metric#EXPORTS}; null: every other country)
 * @param per the length of each observation
 * @param compare how model and observation are compared
 * @param scale model units per observed unit, when compared as levels (e.g. 1e6 for "millions")
 * @param onset a fall below the level before the event by this fraction marks the onset (e.g. 0.2); NaN: none asked
 * @param base the observed level before the event, per observation, when the source gives it rather than observations
 *     (compared as an index); NaN: the mean of the observations before the event
 * @param unit the observed values' unit, as written
 * @param sources where the values come from
 * @param calibrated whether a model figure was fitted to this series (then its fit proves nothing)
 * @param dates the first day of each observation's month, quarter or year, increasing
 * @param values the observed values
 * @param where the file position of the series, for messages
 */
public record Observed(String id, String name, Metric metric, String site, String firm, String item, String market, String from,
                       String to, Per per, Compare compare, double scale, double onset, double base, String unit, List<String> sources,
                       boolean calibrated, List<LocalDate> dates, double[] values, Problem where) {

    /** What a series measures. */
    public enum Metric {
        /** Units made (a flow). */
        OUTPUT("output"),
        /** Sales in USD at the model's prices (a flow). */
        REVENUE("revenue"),
        /** Units of an item shipped from one country to another, to sites and to end buyers (a flow). */
        EXPORTS("exports"),
        /** Units of an item delivered to end buyers in a market (a flow). */
        DELIVERED("delivered"),
        /** An item's price index in a market, 1 at the price without scarcity (a level: averaged). */
        PRICE("price");

        private final String key;

        Metric(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }

        /** Whether values add up over time (flows) or are averaged (levels). */
        public boolean flow() {
            return this != PRICE;
        }

        public static Metric of(String key) {
            for (Metric m : values()) {
                if (m.key.equals(key)) {
                    return m;
                }
            }
            return null;
        }
    }

    /** The calendar span of one observation. */
    public enum Per {
        MONTH("month", 1), QUARTER("quarter", 3), YEAR("year", 12);

        private final String key;
        private final int months;

        Per(String key, int months) {
            this.key = key;
            this.months = months;
        }

        public String key() {
            return key;
        }

        public int months() {
            return months;
        }

        /** The first day of the month, quarter or year holding {@code day}. */
        public LocalDate bucketOf(LocalDate day) {
            int m0 = (day.getMonthValue() - 1) / months * months;
            return LocalDate.of(day.getYear(), m0 + 1, 1);
        }

        public boolean isBucketStart(LocalDate day) {
            return bucketOf(day).equals(day);
        }

        public LocalDate next(LocalDate bucketStart) {
            return bucketStart.plusMonths(months);
        }

        /** {@code 2024-Q3}, {@code 2024-07} or {@code 2024}. */
        public String label(LocalDate bucketStart) {
            return switch (this) {
                case MONTH -> bucketStart.toString().substring(0, 7);
                case QUARTER -> bucketStart.getYear() + "-Q" + ((bucketStart.getMonthValue() - 1) / 3 + 1);
                case YEAR -> Integer.toString(bucketStart.getYear());
            };
        }

        public static Per of(String key) {
            for (Per p : values()) {
                if (p.key.equals(key)) {
                    return p;
                }
            }
            return null;
        }
    }

    /** How model and observation are put side by side. */
    public enum Compare {
        /** Each divided by its own mean over the observations before the event: shapes, not levels. */
        INDEX("index"),
        /** Observed values times {@code scale} against the model's units. */
        LEVEL("level");

        private final String key;

        Compare(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }

        public static Compare of(String key) {
            for (Compare c : values()) {
                if (c.key.equals(key)) {
                    return c;
                }
            }
            return null;
        }
    }

    public Observed {
        Checks.id(id, "observed series");
        name = name == null || name.isBlank() ? id : name;
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(per, "per");
        Objects.requireNonNull(compare, "compare");
        unit = unit == null ? "" : unit;
        sources = sources == null ? List.of() : List.copyOf(sources);
        dates = List.copyOf(dates);
        values = values.clone();
        Objects.requireNonNull(where, "where");
        if (dates.size() != values.length) {
            throw new IllegalArgumentException("dates and values differ in length");
        }
    }

    /** What the series is of, in words: {@code revenue of firm inspur-electronic}. */
    public String subject() {
        return subject(id -> "site " + id, id -> "firm " + id, id -> id, id -> "item " + id);
    }

    /**
     * What the series measures, with its site, firm and item put into words by the functions given
     * ({@code ownItem} for an item measured on its own, as the output of all its makers; {@code item}
     * for the item of exports, deliveries and prices).
     */
    public String subject(java.util.function.UnaryOperator<String> site, java.util.function.UnaryOperator<String> firm,
                          java.util.function.UnaryOperator<String> item, java.util.function.UnaryOperator<String> ownItem) {
        return switch (metric) {
            case OUTPUT, REVENUE -> metric.key() + " of "
                    + (site() != null ? site.apply(site()) : firm() != null ? firm.apply(firm()) : ownItem.apply(item()));
            case EXPORTS -> "exports of " + item.apply(item()) + " from " + from + (to == null ? "" : " to " + to);
            case DELIVERED -> "deliveries of " + item.apply(item()) + (market == null ? "" : " in " + market);
            case PRICE -> "price of " + item.apply(item()) + " in " + market;
        };
    }
}
