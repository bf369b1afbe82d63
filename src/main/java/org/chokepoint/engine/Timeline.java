package org.chokepoint.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * What policy does to the network, period by period, compiled to event arrays the loop applies at
 * the start of each period. The loop never sees a measure: the policy evaluator (or a test) states
 * restrictions as intervals, and {@link Builder#build()} turns them into "from period p, link l is
 * open to this fraction, delayed this much, marked up this much" events.
 *
 * <p>Restrictions may overlap: on one link, open fractions multiply, extra delays take the
 * largest, and markups add. Stockpiling (a cover multiplier on a slot's target stock), demand
 * factors (a procurement ban's cut) and capacity factors (a site's outage: 0 while it is down)
 * work the same way, multiplying where they overlap.
 */
public final class Timeline {

    /** No restrictions. */
    public static final Timeline NONE = new Builder(0, 0, 0, 0).build();

    /** The share of entry {@code j}'s buyers free to buy from its site in period {@code t}, for checks. */
    public double buyersAt(int j, int t) {
        return inForce(openEventPeriod, openEventIndex, openEventShare, j, t);
    }

    /** The share of entry {@code j}'s orders its site may deliver in period {@code t} (an export restriction), for checks. */
    public double salesAt(int j, int t) {
        return inForce(sales.period, sales.index, sales.value, j, t);
    }

    /** Factor events, in period order: from {@code period[e]} on, index {@code index[e]} has factor {@code value[e]}. */
    record Factors(int[] period, int[] index, double[] value) {

        static Factors of(List<double[]> events) {
            int[] period = new int[events.size()];
            int[] index = new int[events.size()];
            double[] value = new double[events.size()];
            for (int i = 0; i < events.size(); i++) {
                period[i] = (int) events.get(i)[0];
                index[i] = (int) events.get(i)[1];
                value[i] = events.get(i)[2];
            }
            return new Factors(period, index, value);
        }
    }

    /** The value the last event for index {@code i} at or before period {@code t} set, or 1. */
    private static double inForce(int[] period, int[] index, double[] value, int i, int t) {
        double v = 1;
        int at = Integer.MIN_VALUE;
        for (int e = 0; e < index.length; e++) {
            if (index[e] == i && period[e] <= t && period[e] >= at) {
                v = value[e];
                at = period[e];
            }
        }
        return v;
    }

    final int[] linkEventPeriod;
    final int[] linkEventLink;
    final double[] linkEventOpen;
    final int[] linkEventDelay;
    final double[] linkEventMarkup;

    final int[] slotEventPeriod;
    final int[] slotEventSlot;
    final double[] slotEventCover;

    final int[] demandEventPeriod;
    final int[] demandEventIndex;
    final double[] demandEventFactor;

    final int[] openEventPeriod;
    final int[] openEventIndex;
    final double[] openEventShare;

    /** The share of final demand entries' orders their sites may deliver (export restrictions on sales to end buyers). */
    final Factors sales;

    final int[] siteEventPeriod;
    final int[] siteEventSite;
    final double[] siteEventCapacity;

    /** The largest extra delay on each link, for sizing pipelines (shorter than the links when the last have none). */
    final int[] maxDelay;

    /** The share of orders link {@code l} may carry in period {@code t} (1 if never restricted), for checks and reports. */
    public double openAt(int l, int t) {
        return inForce(linkEventPeriod, linkEventLink, linkEventOpen, l, t);
    }

    /** The largest license delay link l ever has under this timeline, in periods. */
    int maxDelay(int l) {
        return l < maxDelay.length ? maxDelay[l] : 0;
    }

    private Timeline(Builder b) {
        List<double[]> le = new ArrayList<>();
        for (int l = 0; l < b.links.length; l++) {
            if (b.links[l] != null) {
                compileLink(l, b.links[l], le);
            }
        }
        le.sort((x, y) -> x[0] != y[0] ? Double.compare(x[0], y[0]) : Double.compare(x[1], y[1]));
        linkEventPeriod = new int[le.size()];
        linkEventLink = new int[le.size()];
        linkEventOpen = new double[le.size()];
        linkEventDelay = new int[le.size()];
        linkEventMarkup = new double[le.size()];
        for (int i = 0; i < le.size(); i++) {
            double[] e = le.get(i);
            linkEventPeriod[i] = (int) e[0];
            linkEventLink[i] = (int) e[1];
            linkEventOpen[i] = e[2];
            linkEventDelay[i] = (int) e[3];
            linkEventMarkup[i] = e[4];
        }
        maxDelay = new int[b.links.length];
        for (int l = 0; l < b.links.length; l++) {
            if (b.links[l] != null) {
                for (double[] r : b.links[l]) {
                    maxDelay[l] = Math.max(maxDelay[l], (int) r[3]);
                }
            }
        }
        List<double[]> se = factorEvents(b.slots);
        slotEventPeriod = new int[se.size()];
        slotEventSlot = new int[se.size()];
        slotEventCover = new double[se.size()];
        for (int i = 0; i < se.size(); i++) {
            slotEventPeriod[i] = (int) se.get(i)[0];
            slotEventSlot[i] = (int) se.get(i)[1];
            slotEventCover[i] = se.get(i)[2];
        }
        List<double[]> de = factorEvents(b.demand);
        demandEventPeriod = new int[de.size()];
        demandEventIndex = new int[de.size()];
        demandEventFactor = new double[de.size()];
        for (int i = 0; i < de.size(); i++) {
            demandEventPeriod[i] = (int) de.get(i)[0];
            demandEventIndex[i] = (int) de.get(i)[1];
            demandEventFactor[i] = de.get(i)[2];
        }
        List<double[]> oe = factorEvents(b.demandOpen);
        openEventPeriod = new int[oe.size()];
        openEventIndex = new int[oe.size()];
        openEventShare = new double[oe.size()];
        for (int i = 0; i < oe.size(); i++) {
            openEventPeriod[i] = (int) oe.get(i)[0];
            openEventIndex[i] = (int) oe.get(i)[1];
            openEventShare[i] = oe.get(i)[2];
        }
        sales = Factors.of(factorEvents(b.demandSales));
        List<double[]> ce = factorEvents(b.sites);
        siteEventPeriod = new int[ce.size()];
        siteEventSite = new int[ce.size()];
        siteEventCapacity = new double[ce.size()];
        for (int i = 0; i < ce.size(); i++) {
            siteEventPeriod[i] = (int) ce.get(i)[0];
            siteEventSite[i] = (int) ce.get(i)[1];
            siteEventCapacity[i] = ce.get(i)[2];
        }
    }

    /** Piecewise-constant combination of one link's restrictions: an event at every boundary. */
    private static void compileLink(int link, List<double[]> rs, List<double[]> out) {
        TreeSet<Integer> bounds = new TreeSet<>();
        for (double[] r : rs) {
            bounds.add((int) r[0]);
            bounds.add((int) r[1]);
        }
        for (int p : bounds) {
            double open = 1;
            int delay = 0;
            double markup = 0;
            for (double[] r : rs) {
                if (r[0] <= p && p < r[1]) {
                    open *= r[2];
                    delay = Math.max(delay, (int) r[3]);
                    markup += r[4];
                }
            }
            out.add(new double[] {p, link, open, delay, markup});
        }
    }

    private static List<double[]> factorEvents(List<double[]>[] byIndex) {
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < byIndex.length; i++) {
            if (byIndex[i] == null) {
                continue;
            }
            TreeSet<Integer> bounds = new TreeSet<>();
            for (double[] r : byIndex[i]) {
                bounds.add((int) r[0]);
                bounds.add((int) r[1]);
            }
            for (int p : bounds) {
                double f = 1;
                for (double[] r : byIndex[i]) {
                    if (r[0] <= p && p < r[1]) {
                        f *= r[2];
                    }
                }
                out.add(new double[] {p, i, f});
            }
        }
        out.sort((x, y) -> x[0] != y[0] ? Double.compare(x[0], y[0]) : Double.compare(x[1], y[1]));
        return out;
    }

    public static Builder builder(CompiledNetwork n) {
        return new Builder(n.linkCount + n.altCount, n.slotCount, n.demandCount, n.siteCount);
    }

    public int linkEventCount() {
        return linkEventPeriod.length;
    }

    /** Collects restrictions as intervals of periods {@code [from, to)}. */
    public static final class Builder {
        private final List<double[]>[] links;
        private final List<double[]>[] slots;
        private final List<double[]>[] demand;
        private final List<double[]>[] demandOpen;
        private final List<double[]>[] demandSales;
        private final List<double[]>[] sites;

        @SuppressWarnings("unchecked")
        Builder(int links, int slots, int demand, int sites) {
            this.links = new List[links];
            this.slots = new List[slots];
            this.demand = new List[demand];
            this.demandOpen = new List[demand];
            this.demandSales = new List[demand];
            this.sites = new List[sites];
        }

        /**
         * Restricts link {@code link} in periods {@code [from, to)}: only {@code open} of what is
         * ordered passes (0 blocks it, 1 leaves it open; between, the leakage share), shipments take
         * {@code delay} more periods, and cost {@code markup} more (a fraction of the price).
         */
        public Builder restrict(int link, int from, int to, double open, int delay, double markup) {
            if (!(open >= 0 && open <= 1)) {
                throw new IllegalArgumentException("open fraction must be in [0, 1]: " + open);
            }
            if (delay < 0 || !(markup >= 0) || from < 0 || to < from) {
                throw new IllegalArgumentException("bad restriction " + Arrays.toString(new double[] {from, to, open, delay, markup}));
            }
            if (to > from) {
                add(links, link, new double[] {from, to, open, delay, markup});
            }
            return this;
        }

        /** Blocks a link in {@code [from, to)}. */
        public Builder block(int link, int from, int to) {
            return restrict(link, from, to, 0, 0, 0);
        }

        /** Multiplies the target cover of slot {@code slot} by {@code factor} in {@code [from, to)} (stockpiling). */
        public Builder stockpile(int slot, int from, int to, double factor) {
            if (!(factor >= 0) || from < 0 || to < from) {
                throw new IllegalArgumentException("bad stockpile factor " + factor);
            }
            if (to > from) {
                add(slots, slot, new double[] {from, to, factor});
            }
            return this;
        }

        /** Multiplies final demand entry {@code j} by {@code factor} in {@code [from, to)}. */
        public Builder demand(int j, int from, int to, double factor) {
            if (!(factor >= 0) || from < 0 || to < from) {
                throw new IllegalArgumentException("bad demand factor " + factor);
            }
            if (to > from) {
                add(demand, j, new double[] {from, to, factor});
            }
            return this;
        }

        /**
         * Lets only {@code share} of demand entry {@code j}'s buyers buy from its site in
         * {@code [from, to)} (a procurement ban). Outside a pool the rest buy elsewhere, outside the
         * network, as a demand factor would say; in a pool they are short until they switch.
         */
        public Builder buyers(int j, int from, int to, double share) {
            if (!(share >= 0 && share <= 1) || from < 0 || to < from) {
                throw new IllegalArgumentException("bad buyers' share " + share);
            }
            if (to > from) {
                add(demandOpen, j, new double[] {from, to, share});
            }
            return this;
        }

        /**
         * Lets demand entry {@code j}'s site deliver only {@code open} of the entry's orders in
         * {@code [from, to)}: an export ban or license requirement on sales to end buyers abroad.
         * Unlike a procurement ban ({@link #buyers}), the buyers still want the goods: what is held
         * back counts as demanded and short.
         */
        public Builder sales(int j, int from, int to, double open) {
            if (!(open >= 0 && open <= 1) || from < 0 || to < from) {
                throw new IllegalArgumentException("bad open share of sales " + open);
            }
            if (to > from) {
                add(demandSales, j, new double[] {from, to, open});
            }
            return this;
        }

        /**
         * Multiplies site {@code site}'s capacity by {@code factor} in {@code [from, to)}: 0 is an
         * outage (a fire, a knock-out), between 0 and 1 a partial one.
         */
        public Builder capacity(int site, int from, int to, double factor) {
            if (!(factor >= 0) || from < 0 || to < from) {
                throw new IllegalArgumentException("bad capacity factor " + factor);
            }
            if (to > from) {
                add(sites, site, new double[] {from, to, factor});
            }
            return this;
        }

        /**
         * The network's own dated paths — capacity of sites, quantity of final demand — as factors
         * from the period containing each date: they belong to every run, with the measures or
         * without them.
         */
        public Builder paths(CompiledNetwork n, java.time.LocalDate start, org.chokepoint.model.Step step, int periods) {
            for (int s = 0; s < n.siteCount; s++) {
                addPath(sites, s, n.network().site(n.siteId(s)).capacityPath(), start, step, periods);
            }
            for (int j = 0; j < n.demandCount; j++) {
                addPath(demand, j, n.demand(j).path(), start, step, periods);
            }
            return this;
        }

        private static void addPath(List<double[]>[] byIndex, int i, java.util.NavigableMap<java.time.LocalDate, Double> path,
                                    java.time.LocalDate start, org.chokepoint.model.Step step, int periods) {
            java.util.List<java.util.Map.Entry<java.time.LocalDate, Double>> entries = new java.util.ArrayList<>(path.entrySet());
            for (int e = 0; e < entries.size(); e++) {
                int from = period(start, step, entries.get(e).getKey());
                int to = e + 1 < entries.size() ? period(start, step, entries.get(e + 1).getKey()) : periods;
                to = Math.min(to, periods);
                if (to > from) {
                    add(byIndex, i, new double[] {from, to, entries.get(e).getValue()});
                }
            }
        }

        /** The period containing {@code day} (0 for days before the start). */
        private static int period(java.time.LocalDate start, org.chokepoint.model.Step step, java.time.LocalDate day) {
            long days = java.time.temporal.ChronoUnit.DAYS.between(start, day);
            return days <= 0 ? 0 : (int) Math.min(Integer.MAX_VALUE / 2, days / step.days());
        }

        private static void add(List<double[]>[] byIndex, int i, double[] r) {
            if (byIndex[i] == null) {
                byIndex[i] = new ArrayList<>(2);
            }
            byIndex[i].add(r);
        }

        public Timeline build() {
            return new Timeline(this);
        }
    }
}
