package org.chokepoint.engine;

/**
 * The time-stepped loop. Each period, in order:
 * <ol>
 *   <li><b>policy</b>: the timeline's events for this period set each link's open fraction, extra
 *       delay and markup, slots' stockpiling factors and demand factors;</li>
 *   <li><b>deliveries</b>: shipments due this period join the customer's stock (alternates' in
 *       units of the replaced item: delivered ÷ factor);</li>
 *   <li><b>production</b>, site by site in {@link CompiledNetwork#order}: output = min(capacity ×
 *       overproduction, each input's stock ÷ its recipe quantity, the orders it can ship); inputs
 *       are consumed;</li>
 *   <li><b>allocation</b> of output to the orders of open links and to final demand, by the
 *       rationing rule;</li>
 *   <li><b>shipping</b>: into the link's pipeline, due after its lead time plus any license delay
 *       (zero: straight into the customer's stock, which is processed later in the period);</li>
 *   <li><b>prices</b>: each slot's input price is the shipment-weighted price paid this period
 *       (supplier's last price × (1 + markup) × factor × (1 + premium)); a site's unit cost is its
 *       value added plus its inputs, and its price moves with its cost;</li>
 *   <li><b>orders</b> for the next period: for each input, use = a × D (D: the orders the site
 *       could serve), need = use + (target + use × L̄ − stock − in transit) ÷ τ with target =
 *       cover × use × stockpiling factor; split by share over the slot's links; the blocked share
 *       moves to open links whose supplier has spare capacity, else to alternates, which take
 *       orders from {@code qualify} periods after first needed, ramping linearly to their maximum
 *       share.</li>
 * </ol>
 * Started in the Leontief equilibrium, an unrestricted run stays there: that is a test.
 *
 * <p>The loop is plain indexed loops over the arrays of {@link CompiledNetwork} and
 * {@link RunState}; it does not allocate.
 */
public final class Simulation {

    private static final double EPS = 1e-12;

    private final CompiledNetwork n;
    private final Parameters p;

    public Simulation(CompiledNetwork network, Parameters parameters) {
        this.n = network;
        this.p = parameters;
    }

    public CompiledNetwork network() {
        return n;
    }

    public Parameters parameters() {
        return p;
    }

    /** Fresh state for one thread; reuse it across runs. */
    public RunState newState() {
        return new RunState(n);
    }

    /** Runs {@code periods} periods under {@code timeline}, reporting each to {@code recorder}. */
    public void run(Timeline timeline, int periods, RunState s, Recorder recorder) {
        if (s.n != n) {
            throw new IllegalArgumentException("the state belongs to another compiled network");
        }
        s.reset(timeline, p);
        recorder.start(n, periods);
        for (int t = 0; t < periods; t++) {
            s.period = t;
            applyEvents(timeline, s, t);
            deliver(s, t);
            for (int i = 0; i < n.siteCount; i++) {
                produceAndShip(s, n.order[i], t);
            }
            updatePrices(s);
            placeOrders(s, t); // overwrites this period's orders: production has used them

            if (p.checked()) {
                Invariants.check(n, p, s, t);
            }
            recorder.period(t, s);
        }
    }

    private void applyEvents(Timeline tl, RunState s, int t) {
        while (s.linkCursor < tl.linkEventPeriod.length && tl.linkEventPeriod[s.linkCursor] <= t) {
            int e = s.linkCursor++;
            int l = tl.linkEventLink[e];
            s.open[l] = tl.linkEventOpen[e];
            s.delay[l] = tl.linkEventDelay[e];
            s.markup[l] = tl.linkEventMarkup[e];
        }
        while (s.slotCursor < tl.slotEventPeriod.length && tl.slotEventPeriod[s.slotCursor] <= t) {
            int e = s.slotCursor++;
            s.coverFactor[tl.slotEventSlot[e]] = tl.slotEventCover[e];
        }
        while (s.demandCursor < tl.demandEventPeriod.length && tl.demandEventPeriod[s.demandCursor] <= t) {
            int e = s.demandCursor++;
            s.demandFactor[tl.demandEventIndex[e]] = tl.demandEventFactor[e];
        }
    }

    private void deliver(RunState s, int t) {
        final int links = n.linkCount + n.altCount;
        final double[] pipe = s.pipe;
        for (int l = 0; l < links; l++) {
            int at = s.ringOffset[l] + t % (s.ringOffset[l + 1] - s.ringOffset[l]);
            double q = pipe[at];
            if (q != 0) {
                pipe[at] = 0;
                int k = n.linkSlot[l];
                double units = q / n.linkFactor[l];
                s.stock[k] += units;
                s.inTransit[k] -= units;
                if (s.inTransit[k] < 0) {
                    s.inTransit[k] = 0; // rounding
                }
                if (s.arrivedTotal != null) {
                    s.arrivedTotal[l] += q;
                }
            }
        }
    }

    private void produceAndShip(RunState s, int site, int t) {
        final int outFrom = n.outOffsets[site];
        final int outTo = n.outOffsets[site + 1];
        double linkOrders = 0;
        for (int o = outFrom; o < outTo; o++) {
            int l = n.outLinks[o];
            linkOrders += s.orders[l] * s.open[l];
        }
        double finalOrders = 0;
        for (int d = n.demandOffsets[site]; d < n.demandOffsets[site + 1]; d++) {
            int j = n.demandBySite[d];
            double q = n.demandQty[j] * s.demandFactor[j];
            s.demanded[j] = q;
            finalOrders += q;
        }
        double orders = linkOrders + finalOrders;
        s.received[site] = orders;

        double cap = n.capacity[site] * p.overproduction();
        double x = Math.min(cap, orders);
        final int slotFrom = n.slotOffsets[site];
        final int slotTo = n.slotOffsets[site + 1];
        for (int k = slotFrom; k < slotTo; k++) {
            double possible = s.stock[k] / n.slotQty[k];
            if (possible < x) {
                x = possible;
            }
        }
        if (x < 0) {
            x = 0;
        }
        for (int k = slotFrom; k < slotTo; k++) {
            double left = s.stock[k] - x * n.slotQty[k];
            s.stock[k] = left > 0 ? left : 0; // x ≤ stock/a: only rounding can go below zero
        }
        s.output[site] = x;
        s.spare[site] = x < cap * (1 - 1e-9);

        // Allocation.
        double linkFraction;
        double finalFraction;
        if (p.rationing() == Parameters.Rationing.FINAL_DEMAND_FIRST) {
            double toFinal = Math.min(x, finalOrders);
            finalFraction = finalOrders > 0 ? toFinal / finalOrders : 0;
            linkFraction = linkOrders > 0 ? (x - toFinal) / linkOrders : 0;
        } else {
            double f = orders > 0 ? x / orders : 0;
            linkFraction = f;
            finalFraction = f;
        }
        if (linkFraction > 1) {
            linkFraction = 1;
        }
        if (finalFraction > 1) {
            finalFraction = 1;
        }
        double sold = 0;
        double priceNow = s.price[site];
        for (int d = n.demandOffsets[site]; d < n.demandOffsets[site + 1]; d++) {
            int j = n.demandBySite[d];
            double q = s.demanded[j] * finalFraction;
            s.delivered[j] = q;
            sold += q * (n.demandPrice[j] + priceNow - n.basePrice[site]);
        }
        // Shipping.
        for (int o = outFrom; o < outTo; o++) {
            int l = n.outLinks[o];
            double q = s.orders[l] * s.open[l] * linkFraction;
            s.shipped[l] = q;
            if (q == 0) {
                continue;
            }
            sold += q * priceNow;
            int k = n.linkSlot[l];
            int due = n.linkLead[l] + s.delay[l];
            double units = q / n.linkFactor[l];
            if (due == 0) {
                s.stock[k] += units;
                if (s.arrivedTotal != null) {
                    s.arrivedTotal[l] += q;
                }
            } else {
                s.pipe[s.ringOffset[l] + (t + due) % s.ringSize(l)] += q;
                s.inTransit[k] += units;
            }
            if (s.shippedTotal != null) {
                s.shippedTotal[l] += q;
            }
        }
        s.revenue[site] = sold;
    }

    private void updatePrices(RunState s) {
        System.arraycopy(s.price, 0, s.lastPrice, 0, n.siteCount);
        for (int k = 0; k < n.slotCount; k++) {
            double value = 0;
            double units = 0;
            for (int l = n.linkOffsets[k]; l < n.linkOffsets[k + 1]; l++) {
                double q = s.shipped[l];
                value += q * s.lastPrice[n.linkFrom[l]] * (1 + n.linkMarkup[l] + s.markup[l]);
                units += q;
            }
            for (int l = n.altOffsets[k]; l < n.altOffsets[k + 1]; l++) {
                double q = s.shipped[l];
                value += q * s.lastPrice[n.linkFrom[l]] * (1 + n.linkMarkup[l] + s.markup[l]) * (1 + n.linkPremium[l]);
                units += q / n.linkFactor[l];
            }
            if (units > EPS) {
                s.inputPrice[k] = value / units; // else: nothing bought, the last price stands
            }
        }
        // Value added is fixed at its baseline, so cost changes pass through to price one for one.
        for (int site = 0; site < n.siteCount; site++) {
            double cost = s.valueAdded[site];
            for (int k = n.slotOffsets[site]; k < n.slotOffsets[site + 1]; k++) {
                cost += n.slotQty[k] * s.inputPrice[k];
            }
            s.unitCost[site] = cost;
            s.price[site] = cost;
        }
    }

    private void placeOrders(RunState s, int t) {
        final double tau = p.restorationTime();
        final double[] next = s.orders;
        for (int k = 0; k < n.slotCount; k++) {
            int site = n.slotSite[k];
            double use = n.slotQty[k] * s.received[site];
            double target = n.slotCover[k] * s.coverFactor[k] * use;
            double need = use + (target + use * n.slotLeadBar[k] - s.stock[k] - s.inTransit[k]) / tau;
            if (need < 0) {
                need = 0;
            }
            final int from = n.linkOffsets[k];
            final int to = n.linkOffsets[k + 1];
            double blocked = 0;
            double reroutable = 0;
            for (int l = from; l < to; l++) {
                double w = n.linkShare[l];
                double o = s.open[l];
                blocked += w * (1 - o);
                if (o >= 1 && s.spare[n.linkFrom[l]]) {
                    reroutable += w;
                }
            }
            double uncovered = from == to ? 1 : (reroutable > 0 ? 0 : blocked);
            for (int l = from; l < to; l++) {
                double q = need * n.linkShare[l];
                if (reroutable > 0 && s.open[l] >= 1 && s.spare[n.linkFrom[l]]) {
                    q += need * blocked * n.linkShare[l] / reroutable;
                }
                next[l] = q;
            }
            for (int a = n.altOffsets[k]; a < n.altOffsets[k + 1]; a++) {
                int j = a - n.linkCount;
                if (uncovered > EPS && s.altStart[j] < 0) {
                    s.altStart[j] = t;
                }
                double take = Math.min(uncovered, available(s, j, t));
                next[a] = need * take * n.linkFactor[a];
                uncovered -= take;
            }
        }
    }

    /** The share of the need alternate {@code j} can cover at period t: 0 until qualified, then a linear ramp. */
    private double available(RunState s, int j, int t) {
        int start = s.altStart[j];
        if (start < 0) {
            return 0;
        }
        int since = t - start - n.altQualify[j];
        if (since < 0) {
            return 0;
        }
        double max = n.linkShare[n.linkCount + j];
        int ramp = n.altRamp[j];
        return ramp == 0 ? max : max * Math.min(1.0, (since + 1) / (double) ramp);
    }
}
