package org.chokepoint.engine;

/**
 * The time-stepped loop. Each period, in order:
 * <ol>
 *   <li><b>policy</b>: the timeline's events for this period set each link's open fraction, extra
 *       delay and markup, slots' stockpiling factors, demand factors and sites' capacity factors
 *       (outages);</li>
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
    /** Carrying cost per period of license delay, as a fraction of the value held up. */
    private final double carry;

    public Simulation(CompiledNetwork network, Parameters parameters) {
        this.n = network;
        this.p = parameters;
        this.carry = parameters.carryingCost() * network.step.days() / 365.0;
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
        s.reset(timeline, p, recorder.detailedAccounts());
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
            s.orderOpen[2 * l + 1] = tl.linkEventOpen[e];
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
        while (s.siteCursor < tl.siteEventPeriod.length && tl.siteEventPeriod[s.siteCursor] <= t) {
            int e = s.siteCursor++;
            s.capacityFactor[tl.siteEventSite[e]] = tl.siteEventCapacity[e];
        }
    }

    private void deliver(RunState s, int t) {
        final int links = n.linkCount + n.altCount;
        final double[] pipe = s.pipe;
        final int[] mod = s.modNow;
        for (int size = 1; size < mod.length; size++) {
            mod[size] = t % size;
        }
        final int[] ring = s.ringOffset;
        for (int l = 0; l < links; l++) {
            int at = ring[l] + mod[ring[l + 1] - ring[l]];
            double q = pipe[at];
            if (q != 0) {
                pipe[at] = 0;
                int k = 4 * n.linkSlot[l];
                double units = q * n.linkPerUnit[l];
                double[] slot = s.slot;
                slot[k] += units;
                double transit = slot[k + 1] - units;
                slot[k + 1] = transit > 0 ? transit : 0; // rounding
                if (s.arrivedTotal != null) {
                    s.arrivedTotal[l] += q;
                }
            }
        }
    }

    private void produceAndShip(RunState s, int site, int t) {
        final double[] oo = s.orderOpen;
        final int outFrom = n.outOffsets[site];
        final int outTo = n.outOffsets[site + 1];
        final int altFrom = n.altOutOffsets[site];
        final int altTo = n.altOutOffsets[site + 1];
        double linkOrders = 0;
        for (int l = outFrom; l < outTo; l++) {
            linkOrders += oo[2 * l] * oo[2 * l + 1];
        }
        for (int i = altFrom; i < altTo; i++) {
            int l = n.altOutLinks[i];
            linkOrders += oo[2 * l] * oo[2 * l + 1];
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

        double cap = n.capacity[site] * s.capacityFactor[site] * p.overproduction();
        double x = Math.min(cap, orders);
        final int slotFrom = n.slotOffsets[site];
        final int slotTo = n.slotOffsets[site + 1];
        final double[] slot = s.slot;
        for (int k = slotFrom; k < slotTo; k++) {
            double possible = slot[4 * k] / n.slotQty[k];
            if (possible < x) {
                x = possible;
            }
        }
        if (x < 0) {
            x = 0;
        }
        for (int k = slotFrom; k < slotTo; k++) {
            double left = slot[4 * k] - x * n.slotQty[k];
            slot[4 * k] = left > 0 ? left : 0; // x ≤ stock/a: only rounding can go below zero
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
        double priceNow = s.price[site];
        double sold = 0;
        double soldAbroad = 0;
        for (int d = n.demandOffsets[site]; d < n.demandOffsets[site + 1]; d++) {
            int j = n.demandBySite[d];
            double q = s.demanded[j] * finalFraction;
            s.delivered[j] = q;
            double value = q * (n.demandPrice[j] + priceNow - n.basePrice[site]);
            sold += value;
            if (s.detailed && n.demandExport[j]) {
                soldAbroad += value;
            }
        }
        // Shipping.
        double shippedUnits = 0;
        double shippedAbroad = 0;
        for (int l = outFrom; l < outTo; l++) {
            double q = ship(s, l, oo[2 * l] * oo[2 * l + 1] * linkFraction, site, priceNow);
            shippedUnits += q;
            if (s.detailed && n.linkExport[l]) {
                shippedAbroad += q;
            }
        }
        for (int i = altFrom; i < altTo; i++) {
            int l = n.altOutLinks[i];
            double q = ship(s, l, oo[2 * l] * oo[2 * l + 1] * linkFraction, site, priceNow);
            shippedUnits += q;
            if (s.detailed && n.linkExport[l]) {
                shippedAbroad += q;
            }
        }
        s.revenue[site] = sold + shippedUnits * priceNow;
        s.exportRevenue[site] = soldAbroad + shippedAbroad * priceNow;
    }

    /**
     * Ships q on link l from {@code supplier}: into the customer's stock (no wait) or its pipeline;
     * books what it cost the customer, and by which cause when causes are traced.
     */
    private double ship(RunState s, int l, double q, int supplier, double supplierPrice) {
        s.shipped[l] = q;
        if (q == 0) {
            return 0;
        }
        final double[] slot = s.slot;
        int k = 4 * n.linkSlot[l];
        int due = n.linkLead[l] + s.delay[l];
        double units = q * n.linkPerUnit[l];
        if (due == 0) {
            slot[k] += units;
            if (s.arrivedTotal != null) {
                s.arrivedTotal[l] += q;
            }
        } else {
            int size = s.ringOffset[l + 1] - s.ringOffset[l];
            int at = s.modNow[size] + due; // (t + due) mod size, as due ≤ size
            if (at >= size) {
                at -= size;
            }
            s.pipe[s.ringOffset[l] + at] += q;
            slot[k + 1] += units;
        }
        if (s.shippedTotal != null) {
            s.shippedTotal[l] += q;
        }
        double markup = n.linkMarkup[l] + s.markup[l];
        double atSupplier = q * supplierPrice;
        double marked = atSupplier * (1 + markup);
        double paid = marked * (1 + n.linkPremium[l]);
        int delay = s.delay[l];
        double held = 0;
        if (delay > 0) {
            held = paid * carry * delay;
            paid += held;
        }
        slot[k + 2] += paid;
        slot[k + 3] += units;
        if (s.detailed) {
            final int c = CostCause.COUNT;
            int at = c * n.linkSlot[l];
            int from = c * supplier;
            double[] caused = s.slotCause;
            caused[at] += q * s.siteCause[from] + atSupplier * markup;
            caused[at + 1] += q * s.siteCause[from + 1] + marked * n.linkPremium[l];
            caused[at + 2] += q * s.siteCause[from + 2] + held;
        }
        return q;
    }

    private void updatePrices(RunState s) {
        final double[] slot = s.slot;
        for (int k = 0; k < n.slotCount; k++) {
            double units = slot[4 * k + 3];
            if (units > EPS) {
                s.inputPrice[k] = slot[4 * k + 2] / units; // else: nothing bought, the last price stands
            }
            if (s.detailed) {
                inputCauses(s, k, units);
            }
            slot[4 * k + 2] = 0;
            slot[4 * k + 3] = 0;
        }
        if (s.detailed) {
            siteCauses(s);
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

    /** Slot k's price components, averaged over what it bought like the price itself. */
    private static void inputCauses(RunState s, int k, double units) {
        final int c = CostCause.COUNT;
        for (int i = c * k; i < c * k + c; i++) {
            if (units > EPS) {
                s.inputCause[i] = s.slotCause[i] / units;
            }
            s.slotCause[i] = 0;
        }
    }

    /** Each site's unit-cost components: its recipe over its inputs' components. */
    private void siteCauses(RunState s) {
        final int c = CostCause.COUNT;
        final double[] input = s.inputCause;
        for (int site = 0; site < n.siteCount; site++) {
            for (int i = 0; i < c; i++) {
                double v = 0;
                for (int k = n.slotOffsets[site]; k < n.slotOffsets[site + 1]; k++) {
                    v += n.slotQty[k] * input[c * k + i];
                }
                s.siteCause[c * site + i] = v;
            }
        }
    }

    private void placeOrders(RunState s, int t) {
        final double tau = p.restorationTime();
        final double[] oo = s.orderOpen;
        for (int k = 0; k < n.slotCount; k++) {
            int site = n.slotSite[k];
            double use = n.slotQty[k] * s.received[site];
            double target = n.slotCover[k] * s.coverFactor[k] * use;
            double need = use + (target + use * n.slotLeadBar[k] - s.slot[4 * k] - s.slot[4 * k + 1]) / tau;
            if (need < 0) {
                need = 0;
            }
            final int from = n.inOffsets[k];
            final int to = n.inOffsets[k + 1];
            double blocked = 0;
            double reroutable = 0;
            for (int j = from; j < to; j++) {
                double w = n.inShare[j];
                double o = oo[2 * n.inLink[j] + 1];
                blocked += w * (1 - o);
                if (o >= 1 && s.spare[n.inFrom[j]]) {
                    reroutable += w;
                }
            }
            double uncovered = from == to ? 1 : (reroutable > 0 ? 0 : blocked);
            for (int j = from; j < to; j++) {
                int l = n.inLink[j];
                double q = need * n.inShare[j];
                if (reroutable > 0 && oo[2 * l + 1] >= 1 && s.spare[n.inFrom[j]]) {
                    q += need * blocked * n.inShare[j] / reroutable;
                }
                oo[2 * l] = q;
            }
            for (int a = n.altOffsets[k]; a < n.altOffsets[k + 1]; a++) {
                int j = a - n.linkCount;
                if (uncovered > EPS && s.altStart[j] < 0) {
                    s.altStart[j] = t;
                }
                double take = Math.min(uncovered, available(s, j, t));
                oo[2 * a] = need * take * n.linkFactor[a];
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
