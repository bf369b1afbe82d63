package org.chokepoint.engine;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.chokepoint.model.Network;
import org.chokepoint.model.Site;
import org.chokepoint.model.Step;
import org.chokepoint.model.SupplyLink;

/**
 * What a run of a scenario needs in memory beyond the network already read, estimated from its
 * sizes before anything is allocated, so that a run too big for the Java heap is refused up front
 * with the figure instead of failing half-way with an OutOfMemoryError.
 *
 * <p>The estimate counts, in bytes: the compiled network (about 100 per link and 200 per site),
 * one run's state (40 per link, 100 per input slot, 130 per site, 64 per demand entry, 8 per pipeline cell: each input slot's ring is as
 * long as its longest lead time), and the two recorders of {@code run} (with and without the
 * measures), each 8 bytes per period for every site series (output, unit cost, revenue, export
 * revenue, value added and the books' four: nine, counted as ten), for each cost cause at every
 * site serving final demand, for every slot's stock, and for every demand entry's demand and
 * deliveries (per-link series are not kept by {@code run}). Monte Carlo runs record far less; this is the
 * largest need of any command.
 */
public record MemoryEstimate(long bytes, int sites, long links, int periods) {

    /** A century of daily periods at a hundred thousand cells each fits; beyond, arrays could not be indexed. */
    static final long MAX_ARRAY = Integer.MAX_VALUE - 16;

    public static MemoryEstimate of(Network n, Step step, int periods) {
        long sites = n.sites().size();
        long slots = 0;
        for (Site s : n.sites()) {
            slots += s.recipe().size();
        }
        long links = n.links().size() + n.alternates().size();
        long demand = n.demand().size();
        long served = n.demand().stream().map(org.chokepoint.model.Demand::site).distinct().count();
        // A ring per input slot, as long as the slot's longest lead time (at least one period).
        Map<String, Long> longest = new HashMap<>();
        for (SupplyLink l : n.links()) {
            long lead = (long) Math.ceil(l.leadTime().inPeriods(step));
            longest.merge(l.to() + '\u0000' + l.item(), Math.max(1, lead), Math::max);
        }
        long ring = Math.max(0, slots - longest.size());
        for (long x : longest.values()) {
            ring += x;
        }
        // Measured (Benchmarks --footprint): 60 bytes a link once compiled on the synthetic networks
        // and 81 on dense tables; compiling holds about 12 more a link of sort keys for a while.
        long compiled = 100 * links + 200 * sites;
        // RunState: 36 bytes a link, 96 an input slot, about 130 a site and 60 a demand entry, and the rings.
        long state = 40 * links + 100 * slots + 130 * sites + 64 * demand + 8 * ring;
        long perPeriod = sites * 10 + served * CostCause.COUNT + slots + 2 * demand;
        long recorders = 2 * 8 * perPeriod * periods;
        long widest = Math.max(Math.max(ring, periods * Math.max(sites, served * CostCause.COUNT)), periods * slots);
        long bytes = widest > MAX_ARRAY ? Long.MAX_VALUE : compiled + state + recorders;
        return new MemoryEstimate(bytes, (int) sites, links, periods);
    }

    /** Heap this Java may still use: its maximum less what is in use now. */
    public static long available() {
        Runtime rt = Runtime.getRuntime();
        return rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
    }

    /** Whether the run fits in {@code available} bytes (with a tenth kept for the rest of the program). */
    public boolean fits(long available) {
        return bytes != Long.MAX_VALUE && bytes <= available * 0.9;
    }

    /** Whether it fits in this Java's heap; collects garbage once before saying no. */
    public boolean fitsHeap() {
        if (fits(available())) {
            return true;
        }
        System.gc();
        return fits(available());
    }

    /** A size for people: "4.6 GiB", or "96 MiB" below a GiB. */
    public static String gib(long bytes) {
        if (bytes == Long.MAX_VALUE) {
            return "more than any Java heap can hold";
        }
        return bytes < 1L << 30 ? String.format(Locale.ROOT, "%d MiB", Math.max(1, bytes >> 20))
                : String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
    }

    /** The heap to ask for, in whole GiB: the estimate and a quarter more, plus what is in use now. */
    public long suggestedGib() {
        Runtime rt = Runtime.getRuntime();
        long used = rt.totalMemory() - rt.freeMemory();
        return Math.max(1, (long) Math.ceil((bytes * 1.25 + used) / (1L << 30)));
    }
}
