package org.chokepoint.analysis;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.chokepoint.engine.CompiledNetwork;
import org.chokepoint.engine.Recorder;
import org.chokepoint.engine.RunState;
import org.chokepoint.model.Backtest;
import org.chokepoint.model.Observed;
import org.chokepoint.model.Scenario;
import org.chokepoint.model.Step;

/**
 * Sets what a scenario's model says beside what was observed: each {@link Observed} series is bound
 * to the recorded quantities it measures ({@link Probe}), summed (flows) or averaged (levels) over
 * the same months, quarters or years ({@link Calendar}), and compared point by point ({@link Fit}).
 */
public final class Backtests {

    private Backtests() {}

    /**
     * How simulated periods fall into calendar months, quarters or years. A period belongs to at most
     * two of them (a period is at most a week, a month at least 28 days); its share of each is the
     * days it has in it over its length.
     *
     * @param starts the first day of each bucket, from the one holding the run's first day to the one
     *     holding its last
     * @param first the bucket each period starts in
     * @param firstDays days of the period in that bucket; the rest, if any, are in the next
     * @param stepDays days in a period
     * @param covered days of each bucket the run covers
     */
    public record Calendar(Observed.Per per, List<LocalDate> starts, int[] first, int[] firstDays, int stepDays, int[] covered) {

        public static Calendar of(LocalDate start, Step step, int periods, Observed.Per per) {
            int days = step.days();
            List<LocalDate> starts = new ArrayList<>();
            LocalDate end = start.plusDays((long) periods * days);
            for (LocalDate b = per.bucketOf(start); b.isBefore(end); b = per.next(b)) {
                starts.add(b);
            }
            int[] first = new int[periods];
            int[] firstDays = new int[periods];
            int[] covered = new int[starts.size()];
            int b = 0;
            for (int t = 0; t < periods; t++) {
                LocalDate from = start.plusDays((long) t * days);
                while (b + 1 < starts.size() && !starts.get(b + 1).isAfter(from)) {
                    b++;
                }
                LocalDate next = b + 1 < starts.size() ? starts.get(b + 1) : per.next(starts.get(b));
                int in = (int) Math.min(days, ChronoUnit.DAYS.between(from, next));
                first[t] = b;
                firstDays[t] = in;
                covered[b] += in;
                if (in < days) {
                    covered[b + 1] += days - in;
                }
            }
            return new Calendar(per, List.copyOf(starts), first, firstDays, days, covered);
        }

        public int buckets() {
            return starts.size();
        }

        /** The bucket starting on {@code day}, or -1. */
        public int bucket(LocalDate day) {
            return starts.indexOf(day);
        }

        /** Whether the run covers the whole of bucket {@code b}. */
        public boolean whole(int b) {
            return covered[b] == ChronoUnit.DAYS.between(starts.get(b), per.next(starts.get(b)));
        }

        /**
         * Adds period {@code t}'s value to the buckets it falls in: a flow by its share of days, a
         * level by its days (divide by {@link #covered} afterwards: {@link #finish}).
         */
        public void add(int t, double value, boolean flow, double[] acc, int offset) {
            int b = first[t];
            int in = firstDays[t];
            double w = flow ? (double) in / stepDays : in;
            acc[offset + b] += w * value;
            if (in < stepDays) {
                acc[offset + b + 1] += (flow ? (double) (stepDays - in) / stepDays : stepDays - in) * value;
            }
        }

        /** Turns a level's day-weighted sums into day-weighted means. */
        public void finish(boolean flow, double[] acc, int offset) {
            if (flow) {
                return;
            }
            for (int b = 0; b < covered.length; b++) {
                acc[offset + b] = covered[b] == 0 ? 0 : acc[offset + b] / covered[b];
            }
        }

        /** A series of periods aggregated to buckets: sums for a flow, day-weighted means for a level. */
        public double[] aggregate(double[] perPeriod, boolean flow) {
            double[] acc = new double[buckets()];
            for (int t = 0; t < perPeriod.length; t++) {
                add(t, perPeriod[t], flow, acc, 0);
            }
            finish(flow, acc, 0);
            return acc;
        }
    }

    /** An observed series bound to the compiled network: which sites, links or demand entries it adds up. */
    public static final class Probe {
        private final Observed observed;
        private final Calendar calendar;
        private final int[] sites;
        private final int[] links;
        private final int[] demand;
        private final int item;
        private final int market;

        private Probe(Observed o, Calendar calendar, int[] sites, int[] links, int[] demand, int item, int market) {
            this.observed = o;
            this.calendar = calendar;
            this.sites = sites;
            this.links = links;
            this.demand = demand;
            this.item = item;
            this.market = market;
        }

        /** Binds a series read with the scenario (its ids are known to exist). */
        public static Probe of(Scenario s, CompiledNetwork c, List<String> priceMarkets, Observed o) {
            Calendar cal = Calendar.of(s.start(), s.step(), s.periods(), o.per());
            List<Integer> sites = new ArrayList<>();
            List<Integer> links = new ArrayList<>();
            List<Integer> demand = new ArrayList<>();
            int item = o.item() == null ? -1 : c.item(o.item());
            int market = -1;
            switch (o.metric()) {
                case OUTPUT, REVENUE -> {
                    for (int x = 0; x < c.siteCount(); x++) {
                        boolean in = o.site() != null ? c.siteId(x).equals(o.site())
                                : o.firm() != null ? c.firmOf(x).equals(o.firm()) : c.siteItem(x) == item;
                        if (in) {
                            sites.add(x);
                        }
                    }
                }
                case EXPORTS -> {
                    for (int l = 0; l < c.allLinkCount(); l++) {
                        int to = c.linkCustomer(l);
                        if (c.siteItem(c.linkFrom(l)) == item && c.siteLocation(c.linkFrom(l)).equals(o.from())
                                && crosses(o, c.siteLocation(to))) {
                            links.add(l);
                        }
                    }
                    for (int j = 0; j < c.demandCount(); j++) {
                        if (c.demand(j).item().equals(o.item()) && c.siteLocation(c.demandSite(j)).equals(o.from())
                                && crosses(o, c.demand(j).market())) {
                            demand.add(j);
                        }
                    }
                }
                case DELIVERED -> {
                    for (int j = 0; j < c.demandCount(); j++) {
                        if (c.demand(j).item().equals(o.item()) && (o.market() == null || c.demand(j).market().equals(o.market()))) {
                            demand.add(j);
                        }
                    }
                }
                case PRICE -> market = priceMarkets.indexOf(o.market());
            }
            return new Probe(o, cal, ints(sites), ints(links), ints(demand), item, market);
        }

        private static boolean crosses(Observed o, String country) {
            return o.to() == null ? !country.equals(o.from()) : country.equals(o.to());
        }

        private static int[] ints(List<Integer> xs) {
            return xs.stream().mapToInt(Integer::intValue).toArray();
        }

        public Observed observed() {
            return observed;
        }

        public Calendar calendar() {
            return calendar;
        }

        /** The quantity in one period's end state. */
        public double value(RunState s) {
            double v = 0;
            switch (observed.metric()) {
                case OUTPUT -> {
                    for (int x : sites) {
                        v += s.output(x);
                    }
                }
                case REVENUE -> {
                    for (int x : sites) {
                        v += s.revenue(x);
                    }
                }
                case EXPORTS -> {
                    for (int l : links) {
                        v += s.shipped(l);
                    }
                    for (int j : demand) {
                        v += s.delivered(j);
                    }
                }
                case DELIVERED -> {
                    for (int j : demand) {
                        v += s.delivered(j);
                    }
                }
                case PRICE -> v = market < 0 || !s.priced(item, market) ? 1 : s.priceIndex(item, market);
            }
            return v;
        }

        /** Adds the period's value into this series' buckets at {@code offset} of {@code acc}. */
        public void add(RunState s, double[] acc, int offset) {
            calendar.add(s.period(), value(s), observed.metric().flow(), acc, offset);
        }

        public void finish(double[] acc, int offset) {
            calendar.finish(observed.metric().flow(), acc, offset);
        }
    }

    /** Binds every observed series of a scenario. */
    public static List<Probe> probes(Scenario s, CompiledNetwork c) {
        var rule = org.chokepoint.engine.Parameters.of(s).prices();
        List<String> markets = rule == null ? List.of() : rule.markets();
        List<Probe> out = new ArrayList<>();
        for (Observed o : s.backtest().observed()) {
            out.add(Probe.of(s, c, markets, o));
        }
        return out;
    }

    /** Adds one period's values of every probe into their buckets, laid out at {@code offsets} in {@code acc}. */
    static void addAll(List<Probe> probes, int[] offsets, RunState s, double[] acc) {
        for (int i = 0; i < probes.size(); i++) {
            probes.get(i).add(s, acc, offsets[i]);
        }
    }

    /** Where each probe's buckets start in one row of all of them. */
    public static int[] offsets(List<Probe> probes) {
        int[] at = new int[probes.size() + 1];
        for (int i = 0; i < probes.size(); i++) {
            at[i + 1] = at[i] + probes.get(i).calendar().buckets();
        }
        return at;
    }

    /**
     * Records the probes' buckets in one run beside another recorder: {@link #values} after the
     * run gives each series' buckets.
     */
    public static final class Recording implements Recorder {
        private final Recorder inner;
        private final List<Probe> probes;
        private final int[] offsets;
        private final double[] acc;

        public Recording(Recorder inner, List<Probe> probes) {
            this.inner = inner;
            this.probes = List.copyOf(probes);
            this.offsets = offsets(this.probes);
            this.acc = new double[offsets[probes.size()]];
        }

        @Override
        public boolean detailedAccounts() {
            return inner.detailedAccounts();
        }

        @Override
        public void start(CompiledNetwork network, int periods) {
            java.util.Arrays.fill(acc, 0);
            inner.start(network, periods);
        }

        @Override
        public void period(int t, RunState state) {
            inner.period(t, state);
            addAll(probes, offsets, state, acc);
        }

        /** Series {@code i}'s value in each of its buckets. */
        public double[] values(int i) {
            double[] out = java.util.Arrays.copyOfRange(acc, offsets[i], offsets[i + 1]);
            probes.get(i).finish(out, 0);
            return out;
        }
    }

    /**
     * One observation beside the model, in the terms of the comparison (indexes, or model units).
     *
     * @param start the first day of its month, quarter or year
     * @param raw the observed value as written
     * @param observed the observed value compared: an index, or {@code raw × scale}
     * @param model the model's value (the median of the runs when there are several)
     * @param low the model's P5 (NaN for a single run)
     * @param high the model's P95 (NaN for a single run)
     * @param baseline the model without the measures
     * @param afterEvent whether the observation ends after the event (else it is part of the base)
     */
    public record Point(LocalDate start, double raw, double observed, double model, double low, double high, double baseline,
                        boolean afterEvent) {

        public double error() {
            return model - observed;
        }

        /** |model − observed| / |observed|; NaN when nothing was observed. */
        public double absolutePercentageError() {
            return observed == 0 ? Double.NaN : Math.abs(model - observed) / Math.abs(observed);
        }
    }

    /** The share of its level before the event below which an observation is left out of the MAPE. */
    public static final double MAPE_FLOOR = 0.05;

    /**
     * The fit of one series.
     *
     * @param points every observation, in time order
     * @param mape mean absolute percentage error (a fraction) over the observations after the event
     *     whose observed value is at least {@link #MAPE_FLOOR} of its level before the event (any
     *     non-zero value when there is no such level): a percentage of a value near zero says
     *     nothing; NaN when no observation qualifies
     * @param mapePoints how many observations the MAPE is over
     * @param mae mean absolute error over the observations after the event, in the terms compared
     *     (index points, or model units): unlike the MAPE it stays meaningful where the observed
     *     value falls to or near zero
     * @param onsetObserved the first observation after the event below {@code (1 − onset) ×} its level
     *     before the event; null when none is, or no onset is asked
     * @param onsetModel the same for the model, at the same dates
     * @param note why a figure is missing, or empty
     */
    public record Fit(Observed series, List<Point> points, double mape, int mapePoints, double mae, LocalDate onsetObserved,
                      LocalDate onsetModel, String note) {

        /** Days from the observed onset to the model's (positive: the model is late); null unless both exist. */
        public Long onsetLagDays() {
            return onsetObserved == null || onsetModel == null ? null : ChronoUnit.DAYS.between(onsetObserved, onsetModel);
        }

        public long pointsAfterEvent() {
            return points.stream().filter(Point::afterEvent).count();
        }
    }

    /**
     * Fits one series.
     *
     * @param model the model's buckets (the median of the runs, or the single run)
     * @param low P5 buckets, or null
     * @param high P95 buckets, or null
     * @param baseline the run without measures
     */
    public static Fit fit(Observed o, Calendar cal, LocalDate event, double[] model, double[] low, double[] high, double[] baseline) {
        int n = o.dates().size();
        int[] b = new int[n];
        boolean[] after = new boolean[n];
        double obsBase = 0;
        double modelBase = 0;
        int bases = 0;
        for (int i = 0; i < n; i++) {
            b[i] = cal.bucket(o.dates().get(i));
            after[i] = o.per().next(o.dates().get(i)).isAfter(event);
            if (!after[i]) {
                obsBase += o.values()[i];
                modelBase += model[b[i]];
                bases++;
            }
        }
        obsBase = bases == 0 ? Double.NaN : obsBase / bases;
        modelBase = bases == 0 ? Double.NaN : modelBase / bases;
        double baselineBase = bases == 0 ? Double.NaN : 0;
        for (int i = 0; i < n; i++) {
            baselineBase += after[i] ? 0 : baseline[b[i]] / bases;
        }
        if (!Double.isNaN(o.base())) {
            // the source's own level before the event; the model's is its mean over the whole spans before it
            obsBase = o.base();
            if (bases == 0) {
                double m = 0;
                double w = 0;
                int k = 0;
                for (int x = 0; x < cal.buckets(); x++) {
                    if (cal.whole(x) && !o.per().next(cal.starts().get(x)).isAfter(event)) {
                        m += model[x];
                        w += baseline[x];
                        k++;
                    }
                }
                modelBase = k == 0 ? Double.NaN : m / k;
                baselineBase = k == 0 ? Double.NaN : w / k;
                bases = k;
            }
        }
        boolean index = o.compare() == Observed.Compare.INDEX;
        String note = "";
        if (index && Double.isNaN(modelBase)) {
            note = "the run covers no whole " + o.per().key() + " before the event, so the model has no level to index on";
        } else if (index && modelBase == 0) {
            note = "the model's series is zero before the event, so it has no index";
        } else if (index && obsBase == 0) {
            note = "the observed series is zero before the event, so it has no index";
        }
        double obsDiv = index ? obsBase : 1 / o.scale();
        double modelDiv = index ? modelBase : 1;
        // the baseline run is indexed on its own level before the event, like the model
        double baseDiv = index ? baselineBase : 1;
        List<Point> points = new ArrayList<>();
        // observations below this are left out of the MAPE (their percentage errors explode)
        double apeFloor = bases > 0 && Double.isFinite(obsBase / obsDiv) ? MAPE_FLOOR * Math.abs(obsBase / obsDiv) : 0;
        double sumApe = 0;
        int apes = 0;
        double sumAe = 0;
        int aes = 0;
        for (int i = 0; i < n; i++) {
            double raw = o.values()[i];
            Point p = new Point(o.dates().get(i), raw, raw / obsDiv, model[b[i]] / modelDiv,
                    low == null ? Double.NaN : low[b[i]] / modelDiv, high == null ? Double.NaN : high[b[i]] / modelDiv,
                    baseline[b[i]] / baseDiv, after[i]);
            points.add(p);
            double ape = p.absolutePercentageError();
            if (after[i] && Double.isFinite(ape) && Math.abs(p.observed()) >= apeFloor) {
                sumApe += ape;
                apes++;
            }
            if (after[i] && Double.isFinite(p.error())) {
                sumAe += Math.abs(p.error());
                aes++;
            }
        }
        double mape = apes == 0 ? Double.NaN : sumApe / apes;
        double mae = aes == 0 ? Double.NaN : sumAe / aes;
        LocalDate onsetObserved = null;
        LocalDate onsetModel = null;
        if (!Double.isNaN(o.onset())) {
            if (bases == 0) {
                note = note.isEmpty() ? "no observation before the event, so no onset" : note;
            } else {
                double obsLevel = obsBase / obsDiv;
                double modelLevel = modelBase / modelDiv;
                for (Point p : points) {
                    if (p.afterEvent() && onsetObserved == null && p.observed() < (1 - o.onset()) * obsLevel) {
                        onsetObserved = p.start();
                    }
                    if (p.afterEvent() && onsetModel == null && p.model() < (1 - o.onset()) * modelLevel) {
                        onsetModel = p.start();
                    }
                }
            }
        }
        return new Fit(o, List.copyOf(points), mape, apes, mae, onsetObserved, onsetModel, note);
    }

    /**
     * Fits every observed series of a run: against the median of the Monte Carlo runs, with their
     * P5 and P95, when there is one; else against the single run.
     *
     * @param model each series' buckets in the run with the measures
     * @param baseline the same without the measures
     * @param mc the Monte Carlo, or null
     */
    public static List<Fit> fits(Scenario s, List<Probe> probes, List<double[]> model, List<double[]> baseline, MonteCarlo.Result mc) {
        LocalDate event = Backtest.eventOf(s);
        List<Fit> out = new ArrayList<>();
        for (int i = 0; i < probes.size(); i++) {
            Probe p = probes.get(i);
            double[] mid = model.get(i);
            double[] low = null;
            double[] high = null;
            if (mc != null) {
                mid = mc.accounts().observedPercentile(i, 50);
                low = mc.accounts().observedPercentile(i, 5);
                high = mc.accounts().observedPercentile(i, 95);
            }
            out.add(fit(p.observed(), p.calendar(), event, mid, low, high, baseline.get(i)));
        }
        return out;
    }

    /** The event day of a scenario (see {@link Backtest#eventOf}). */
    public static LocalDate event(Scenario s) {
        return Backtest.eventOf(s);
    }
}
