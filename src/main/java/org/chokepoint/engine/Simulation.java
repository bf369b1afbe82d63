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
 *   <li><b>shipping</b>: into the pipeline of the customer's slot, due after its lead time plus any license delay
 *       (zero: straight into the customer's stock before it produces, which the processing order
 *       allows);</li>
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
 * <h2>How the work is laid out</h2>
 * A period is one pass over the sites (deliveries, production, allocation) and one pass over the
 * links in customer order (shipping, prices, orders), so every link array is read front to back
 * once. Every open order on a site is served in the same fraction, so production needs only the
 * sum of its orders, which the link pass gathers for the next period; the link pass reads the
 * supplier's fraction and price like a sparse matrix–vector product reads its vector. Each slot has
 * one pipeline ring, by arrival period, that all its links ship into; the pass takes next period's
 * arrival out of it while it is there (it joins the stock when the site's turn comes). Links with
 * no wait at all are shipped in the site pass, by the customer, as their suppliers come first in
 * the processing order.
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

    // Priority lists, compiled; all null when there are none.
    /**
     * Per link: where in the state's supply records its fraction is: its supplier's record
     * ({@code 4 × supplier}), or, for a listed customer, its rank's cell after the records.
     */
    private final int[] fractionCell;
    /** Per site: its first rank cell (0-based after the site records), or -1 without a list. */
    final int[] rankStart;
    /** Per site: how many ranks its list has. */
    final int[] rankCount;
    /** Per site: the rank of its own final demand, or -1 (unlisted). */
    final int[] finalRank;
    private final int rankCells;

    public Simulation(CompiledNetwork network, Parameters parameters) {
        this.n = network;
        this.p = parameters;
        this.carry = parameters.carryingCost() * network.step.days() / 365.0;
        if (parameters.priority().isEmpty()) {
            fractionCell = null;
            rankStart = null;
            rankCount = null;
            finalRank = null;
            rankCells = 0;
            return;
        }
        int links = network.linkCount + network.altCount;
        fractionCell = new int[links];
        for (int l = 0; l < links; l++) {
            fractionCell[l] = 4 * network.linkFrom[l];
        }
        rankStart = new int[network.siteCount];
        java.util.Arrays.fill(rankStart, -1);
        rankCount = new int[network.siteCount];
        finalRank = new int[network.siteCount];
        java.util.Arrays.fill(finalRank, -1);
        int cells = 0;
        // Sites in index order, so the cells do not depend on the map's order.
        for (int site = 0; site < network.siteCount; site++) {
            java.util.List<java.util.List<String>> places = parameters.priority().get(network.siteIds[site]);
            if (places == null) {
                continue;
            }
            rankStart[site] = cells;
            rankCount[site] = places.size();
            cells += places.size();
            for (int r = 0; r < places.size(); r++) {
                for (String who : places.get(r)) {
                    if (who.equals(org.chokepoint.model.Behaviour.FINAL_DEMAND)) {
                        finalRank[site] = r;
                        continue;
                    }
                    int customer = network.site(who);
                    for (int i = network.outOffsets[site]; i < network.outOffsets[site + 1]; i++) {
                        int l = network.outLinks[i];
                        if (network.linkCustomer(l) == customer) {
                            fractionCell[l] = 4 * network.siteCount + rankStart[site] + r;
                        }
                    }
                }
            }
        }
        for (String id : parameters.priority().keySet()) {
            network.site(id); // an unknown supplier is an error, not a silent no-op
        }
        rankCells = cells;
    }

    public CompiledNetwork network() {
        return n;
    }

    public Parameters parameters() {
        return p;
    }

    /** Fresh state for one thread; reuse it across runs. */
    public RunState newState() {
        return new RunState(n, rankCells);
    }

    /** Runs {@code periods} periods under {@code timeline}, reporting each to {@code recorder}. */
    public void run(Timeline timeline, int periods, RunState s, Recorder recorder) {
        if (s.n != n) {
            throw new IllegalArgumentException("the state belongs to another compiled network");
        }
        if (s.rankOrders.length != rankCells) {
            throw new IllegalArgumentException("the state was made for other priority lists");
        }
        s.reset(timeline, p, recorder.detailedAccounts());
        recorder.start(n, periods);
        final int[] mod = s.modNow;
        final int[] modNext = s.modNext;
        for (int t = 0; t < periods; t++) {
            s.period = t;
            for (int size = 1; size < mod.length; size++) {
                mod[size] = t % size;
                modNext[size] = (t + 1) % size;
            }
            applyEvents(timeline, s, t);
            for (int i = 0; i < n.siteCount; i++) {
                int site = n.order[i];
                if (n.instant[site]) {
                    takeInstant(s, site);
                }
                produce(s, site);
            }
            linkPass(s, t);
            sitePrices(s);

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
            s.reopened[n.linkFrom[l]] = true; // the orders it can ship change with the open fraction
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

    /** Where link l's fraction is in the supply records. */
    private int fractionCell(int l) {
        return fractionCell == null ? 4 * n.linkFrom[l] : fractionCell[l];
    }

    /**
     * A site with a priority list: output goes to its ranks in order, each served in full while
     * output lasts (a listed customer's orders; final demand where listed), then what is left is
     * shared among everyone unlisted by the rationing rule. Sets each rank's fraction and the
     * unlisted one (the site's own cell); returns final demand's.
     */
    private double allocateByRank(RunState s, int site, double x, double finalOrders) {
        final double[] oo = s.orderOpen;
        final double[] supply = s.supply;
        final double[] byRank = s.rankOrders;
        final int first = rankStart[site];
        final int ranks = rankCount[site];
        final int records = 4 * n.siteCount;
        java.util.Arrays.fill(byRank, first, first + ranks, 0);
        double unlisted = 0;
        for (int i = n.outOffsets[site]; i < n.outOffsets[site + 1]; i++) {
            int l = n.outLinks[i];
            double q = oo[2 * l] * oo[2 * l + 1];
            if (fractionCell[l] >= records) {
                byRank[fractionCell[l] - records] += q;
            } else {
                unlisted += q;
            }
        }
        double left = x;
        double finalFraction = 0;
        for (int r = 0; r < ranks; r++) {
            double asked = byRank[first + r] + (finalRank[site] == r ? finalOrders : 0);
            double f = asked > 0 ? Math.min(1, left / asked) : 1;
            supply[records + first + r] = f;
            if (finalRank[site] == r) {
                finalFraction = f;
            }
            left = Math.max(0, left - f * asked);
        }
        double finalUnlisted = finalRank[site] < 0 ? finalOrders : 0;
        double linkFraction;
        if (p.rationing() == Parameters.Rationing.FINAL_DEMAND_FIRST && finalUnlisted > 0) {
            double toFinal = Math.min(left, finalUnlisted);
            finalFraction = toFinal / finalUnlisted;
            linkFraction = unlisted > 0 ? Math.min(1, (left - toFinal) / unlisted) : 0;
        } else {
            double asked = unlisted + finalUnlisted;
            linkFraction = asked > 0 ? Math.min(1, left / asked) : 0;
            if (finalUnlisted > 0) {
                finalFraction = linkFraction;
            }
        }
        supply[4 * site] = linkFraction;
        return finalFraction;
    }

    /**
     * What suppliers already processed ship to site {@code site} on links without any wait (lead
     * time and license delay both zero): the customer takes it before it produces.
     */
    private void takeInstant(RunState s, int site) {
        for (int k = n.slotOffsets[site]; k < n.slotOffsets[site + 1]; k++) {
            for (int l = n.inOffsets[k]; l < n.inOffsets[k + 1]; l++) {
                if (n.linkLead[l] == 0 && s.delay[l] == 0) {
                    double q = s.orderOpen[2 * l] * s.orderOpen[2 * l + 1] * s.supply[fractionCell(l)];
                    s.shipped[l] = q; // booked by the link pass
                    s.slot[3 * k] += q;
                }
            }
        }
    }

    /**
     * Deliveries (what the last link pass took out of the pipelines for this period join the
     * stock), production, allocation to final demand, and the fraction of its link orders the
     * site ships.
     */
    private void produce(RunState s, int site) {
        final double[] supply = s.supply;
        double linkOrders = supply[4 * site + 3];
        supply[4 * site + 3] = 0; // the link pass gathers next period's
        if (s.reopened[site]) {
            s.reopened[site] = false;
            linkOrders = 0;
            final double[] oo = s.orderOpen;
            for (int i = n.outOffsets[site]; i < n.outOffsets[site + 1]; i++) {
                int l = n.outLinks[i];
                linkOrders += oo[2 * l] * oo[2 * l + 1];
            }
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
            double stock = slot[3 * k];
            double arrived = slot[3 * k + 2];
            if (arrived != 0) {
                slot[3 * k + 2] = 0;
                stock += arrived;
                slot[3 * k] = stock;
                double transit = slot[3 * k + 1] - arrived;
                slot[3 * k + 1] = transit > 0 ? transit : 0; // rounding
            }
            double possible = stock / n.slotQty[k];
            if (possible < x) {
                x = possible;
            }
        }
        if (x < 0) {
            x = 0;
        }
        double used = 0;
        final double[] bookValue = s.bookValue;
        final double[] bookUnits = s.bookUnits;
        for (int k = slotFrom; k < slotTo; k++) {
            double take = x * n.slotQty[k];
            double left = slot[3 * k] - take;
            slot[3 * k] = left > 0 ? left : 0; // x ≤ stock/a: only rounding can go below zero
            double units = bookUnits[k];
            double cost = units > EPS ? take * bookValue[k] / units : take * s.inputPrice[k];
            bookValue[k] -= cost;
            bookUnits[k] = units - take;
            s.slotUse[k] = cost;
            used += cost;
        }
        s.consumption[site] = used;
        s.output[site] = x;
        supply[4 * site + 2] = x < cap * (1 - 1e-9) ? 1 : 0;

        // Allocation.
        double finalFraction;
        double linkShipped;
        if (rankStart != null && rankStart[site] >= 0) {
            finalFraction = allocateByRank(s, site, x, finalOrders);
            linkShipped = Math.max(0, x - finalOrders * finalFraction); // all output goes out: x ≤ orders
        } else {
            double linkFraction;
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
            supply[4 * site] = linkFraction;
            linkShipped = linkOrders * linkFraction;
        }
        double priceNow = supply[4 * site + 1];
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
        // Every open order of a class is served in the same fraction; the link pass ships them.
        s.revenue[site] = sold + linkShipped * priceNow;
        s.exportRevenue[site] = soldAbroad; // the link pass adds shipments abroad
    }

    /**
     * The link pass, slot by slot in order: ships on the slot's links (supply links, then
     * alternates) into the slot's pipeline and takes next period's arrival out; sets the slot's input
     * price from what it paid; places its orders for next period. Written as one loop with the
     * rare work (cause tracing, checked totals, alternates' ramps) in calls of its own, so that the
     * compiler keeps the common path inline and in registers.
     */
    private void linkPass(RunState s, int t) {
        final double[] oo = s.orderOpen;
        final double[] supply = s.supply;
        final double[] pipe = s.pipe;
        final double[] slot = s.slot;
        final double[] shipped = s.shipped;
        final double[] markup = s.markup;
        final int[] delay = s.delay;
        final int[] ring = s.ringOffset;
        final int[] mod = s.modNow;
        final int[] modNext = s.modNext;
        final int[] inOffsets = n.inOffsets;
        final int[] altOffsets = n.altOffsets;
        final int[] from = n.linkFrom;
        final int[] lead = n.linkLead;
        final double[] standing = n.linkMarkup;
        final double[] share = n.linkShare;
        final boolean traced = s.detailed || s.shippedTotal != null;
        final double[] arrivedTotal = s.arrivedTotal;
        final double perTau = 1 / p.restorationTime();
        for (int k = 0; k < n.slotCount; k++) {
            double value = 0;
            double units = 0;
            double sent = 0;
            double blocked = 0;
            final int at = ring[k];
            final int size = ring[k + 1] - at;
            final int now = mod[size];
            final int first = inOffsets[k];
            final int last = inOffsets[k + 1];
            for (int l = first; l < last; l++) {
                final int supplier = from[l];
                final int d = delay[l];
                final int due = lead[l] + d;
                final double open = oo[2 * l + 1];
                double q;
                if (due == 0) {
                    q = shipped[l]; // taken by the customer in the site pass
                    if (arrivedTotal != null) {
                        arrivedTotal[k] += q;
                    }
                } else {
                    q = oo[2 * l] * open * supply[fractionCell(l)];
                    shipped[l] = q;
                    pipe[at + cell(now, due, size)] += q;
                    sent += q;
                }
                double paid = q * supply[4 * supplier + 1] * (1 + standing[l] + markup[l]);
                value += d > 0 ? paid * (1 + carry * d) : paid;
                units += q;
                blocked += share[l] * (1 - open);
                if (traced) {
                    trace(s, l, k, supplier, q);
                }
            }
            for (int l = altOffsets[k]; l < altOffsets[k + 1]; l++) {
                final int supplier = from[l];
                final int d = delay[l];
                double q = oo[2 * l] * oo[2 * l + 1] * supply[fractionCell(l)];
                shipped[l] = q;
                double u = q * n.linkPerUnit[l];
                pipe[at + cell(now, lead[l] + d, size)] += u;
                sent += u;
                double paid = q * supply[4 * supplier + 1] * (1 + standing[l] + markup[l]) * (1 + n.linkPremium[l]);
                value += d > 0 ? paid * (1 + carry * d) : paid;
                units += u;
                if (traced) {
                    trace(s, l, k, supplier, q);
                }
            }
            // Next period's arrival, out of the ring.
            final int next = at + modNext[size];
            double arriving = pipe[next];
            pipe[next] = 0;
            slot[3 * k + 2] += arriving;
            if (arrivedTotal != null) {
                arrivedTotal[k] += arriving;
            }
            slot[3 * k + 1] += sent;
            s.purchases[k] = value;
            s.bookValue[k] += value;
            s.bookUnits[k] += units;
            if (units > EPS) {
                s.inputPrice[k] = value / units; // else: nothing bought, the last price stands
            }
            if (s.detailed) {
                inputCauses(s, k, units);
            }

            // Orders for next period, now that this period's shipments are in transit.
            final int site = n.slotSite[k];
            double use = n.slotQty[k] * s.received[site];
            double target = n.slotCover[k] * s.coverFactor[k] * use;
            double need = use + (target + use * n.slotLeadBar[k] - slot[3 * k] - slot[3 * k + 1]) * perTau;
            if (need < 0) {
                need = 0;
            }
            double uncovered = first == last ? 1 : blocked;
            if (blocked > 0) {
                uncovered = reroute(s, first, last, need, blocked);
            } else {
                for (int l = first; l < last; l++) {
                    double q = need * share[l];
                    oo[2 * l] = q;
                    supply[4 * from[l] + 3] += q; // open: nothing blocked
                }
            }
            if (altOffsets[k] < altOffsets[k + 1]) {
                orderAlternates(s, k, t, need, uncovered);
            }
        }
    }

    /**
     * The ring cell for a shipment due in {@code due} periods, {@code 1 <= due <= size}, when
     * {@code now} is this period's cell: (now + due) mod size, wrapped without a branch (lead times
     * are mixed along the links, so a branch would be guessed wrong often).
     */
    private static int cell(int now, int due, int size) {
        int cell = now + due;
        return cell - (size & ((size - 1 - cell) >> 31));
    }

    /**
     * Orders on links {@code first .. last-1} of a slot with a blocked share: that share moves to
     * open sources with spare capacity, in proportion to their shares. Returns the share left for
     * alternates (none when it could be moved).
     */
    private double reroute(RunState s, int first, int last, double need, double blocked) {
        final double[] oo = s.orderOpen;
        final double[] supply = s.supply;
        double reroutable = 0;
        for (int l = first; l < last; l++) {
            if (oo[2 * l + 1] >= 1 && supply[4 * n.linkFrom[l] + 2] != 0) {
                reroutable += n.linkShare[l];
            }
        }
        double moved = reroutable > 0 ? need * blocked / reroutable : 0;
        for (int l = first; l < last; l++) {
            final int supplier = n.linkFrom[l];
            double o = oo[2 * l + 1];
            double q = need * n.linkShare[l];
            if (moved > 0 && o >= 1 && supply[4 * supplier + 2] != 0) {
                q += moved * n.linkShare[l];
            }
            oo[2 * l] = q;
            supply[4 * supplier + 3] += q * o;
        }
        return reroutable > 0 ? 0 : blocked;
    }

    /** Checked totals and, when traced, export revenue and the causes of what slot k paid on link l. */
    private void trace(RunState s, int l, int k, int supplier, double q) {
        if (s.shippedTotal != null) {
            s.shippedTotal[l] += q;
        }
        if (!s.detailed || q == 0) {
            return;
        }
        double atSupplier = q * s.supply[4 * supplier + 1];
        double markup = n.linkMarkup[l] + s.markup[l];
        double marked = atSupplier * (1 + markup);
        double premium = l < n.linkCount ? 0 : n.linkPremium[l];
        double held = marked * (1 + premium) * carry * s.delay[l];
        if (n.linkExport[l]) {
            s.exportRevenue[supplier] += atSupplier;
        }
        final int c = CostCause.COUNT;
        int to = c * k;
        int by = c * supplier;
        double[] caused = s.slotCause;
        caused[to] += q * s.siteCause[by] + atSupplier * markup;
        caused[to + 1] += q * s.siteCause[by + 1] + marked * premium;
        caused[to + 2] += q * s.siteCause[by + 2] + held;
    }

    /** Each site's unit cost: value added plus its recipe at this period's input prices. */
    private void sitePrices(RunState s) {
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
            s.supply[4 * site + 1] = cost;
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

    /** Slot k's orders on its alternates: the uncovered share, as far as each is qualified and ramped up. */
    private void orderAlternates(RunState s, int k, int t, double need, double uncovered) {
        final double[] oo = s.orderOpen;
        for (int a = n.altOffsets[k]; a < n.altOffsets[k + 1]; a++) {
            int j = a - n.linkCount;
            if (uncovered > EPS && s.altStart[j] < 0) {
                s.altStart[j] = t;
            }
            double take = Math.min(uncovered, available(s, j, t));
            double q = need * take * n.linkFactor[a];
            oo[2 * a] = q;
            s.supply[4 * n.linkFrom[a] + 3] += q * oo[2 * a + 1];
            uncovered -= take * oo[2 * a + 1]; // what policy stops on this alternate is left to the next
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
