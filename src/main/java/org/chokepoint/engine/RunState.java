package org.chokepoint.engine;

import java.util.Arrays;

/**
 * The mutable state of one run: stocks, pipelines, orders, prices. Made once per thread by
 * {@link Simulation#newState()} and reset, not reallocated, for every run. Memory beyond the
 * shared {@link CompiledNetwork}: per link about 6 numbers plus one per period of pipeline; per
 * slot 5; per site 9; per demand entry 4.
 */
public final class RunState {

    final CompiledNetwork n;
    int period;

    // slots
    final double[] stock;
    final double[] inTransit;
    final double[] coverFactor;
    final double[] inputPrice;
    final double[] baseInputPrice;

    // links (supply links, then alternates)
    double[] pipe = new double[0];
    /** Link l's pipeline is {@code pipe[ringOffset[l] .. ringOffset[l+1]-1]}, a ring indexed by period. */
    final int[] ringOffset;
    final double[] orders;
    final double[] shipped;
    final double[] open;
    final int[] delay;
    final double[] markup;
    final int[] altStart;
    double[] shippedTotal;
    double[] arrivedTotal;

    // sites
    final double[] output;
    final double[] received;
    final double[] price;
    final double[] lastPrice;
    final double[] unitCost;
    final double[] valueAdded;
    final double[] revenue;
    final boolean[] spare;

    // final demand
    final double[] demandFactor;
    final double[] demanded;
    final double[] delivered;

    int linkCursor;
    int slotCursor;
    int demandCursor;

    RunState(CompiledNetwork n) {
        this.n = n;
        int links = n.linkCount + n.altCount;
        stock = new double[n.slotCount];
        inTransit = new double[n.slotCount];
        coverFactor = new double[n.slotCount];
        inputPrice = new double[n.slotCount];
        baseInputPrice = new double[n.slotCount];
        ringOffset = new int[links + 1];
        orders = new double[links];
        shipped = new double[links];
        open = new double[links];
        delay = new int[links];
        markup = new double[links];
        altStart = new int[n.altCount];
        output = new double[n.siteCount];
        received = new double[n.siteCount];
        price = new double[n.siteCount];
        lastPrice = new double[n.siteCount];
        unitCost = new double[n.siteCount];
        valueAdded = new double[n.siteCount];
        revenue = new double[n.siteCount];
        spare = new boolean[n.siteCount];
        demandFactor = new double[n.demandCount];
        demanded = new double[n.demandCount];
        delivered = new double[n.demandCount];
    }

    /** Sizes the pipelines for this timeline's delays; grows the shared array only when needed. */
    void reset(Timeline timeline, Parameters p) {
        int links = orders.length;
        // A ring as long as the longest wait: what arrives in period t is taken out before anything
        // due at t + size is put in the same place.
        int total = 0;
        for (int l = 0; l < links; l++) {
            ringOffset[l] = total;
            total += Math.max(1, n.linkLead[l] + (l < timeline.maxDelay.length ? timeline.maxDelay[l] : 0));
        }
        ringOffset[links] = total;
        if (pipe.length < total) {
            pipe = new double[total];
        } else {
            Arrays.fill(pipe, 0, total, 0);
        }
        period = 0;
        linkCursor = 0;
        slotCursor = 0;
        demandCursor = 0;
        Arrays.fill(inTransit, 0);
        Arrays.fill(coverFactor, 1);
        Arrays.fill(orders, 0);
        Arrays.fill(shipped, 0);
        Arrays.fill(open, 1);
        Arrays.fill(delay, 0);
        Arrays.fill(markup, 0);
        Arrays.fill(altStart, -1);
        Arrays.fill(output, 0);
        Arrays.fill(received, 0);
        Arrays.fill(revenue, 0);
        Arrays.fill(spare, true);
        Arrays.fill(demandFactor, 1);
        Arrays.fill(demanded, 0);
        Arrays.fill(delivered, 0);
        if (p.checked()) {
            if (shippedTotal == null) {
                shippedTotal = new double[links];
                arrivedTotal = new double[links];
            }
            Arrays.fill(shippedTotal, 0);
            Arrays.fill(arrivedTotal, 0);
        }

        // Start in the Leontief equilibrium: orders placed, pipelines full, stocks at target.
        for (int l = 0; l < n.linkCount; l++) {
            double q = n.baseFlow[l];
            orders[l] = q;
            for (int i = 0; i < n.linkLead[l]; i++) {
                pipe[ringOffset[l] + i % ringSize(l)] = q;
            }
            inTransit[n.linkSlot[l]] += n.linkLead[l] * q;
            if (shippedTotal != null && p.checked()) {
                shippedTotal[l] = n.linkLead[l] * q; // shipped before period 0
            }
        }
        for (int k = 0; k < n.slotCount; k++) {
            double use = n.slotQty[k] * n.baseOutput[n.slotSite[k]];
            stock[k] = n.slotCover[k] * use * p.initialStockFactor();
            double value = 0;
            double qty = 0;
            for (int l = n.linkOffsets[k]; l < n.linkOffsets[k + 1]; l++) {
                double w = n.baseFlow[l] > 0 ? n.baseFlow[l] : n.linkShare[l];
                value += w * n.basePrice[n.linkFrom[l]] * (1 + n.linkMarkup[l]);
                qty += w;
            }
            baseInputPrice[k] = qty > 0 ? value / qty : 0;
            inputPrice[k] = baseInputPrice[k];
        }
        for (int s = 0; s < n.siteCount; s++) {
            double inputs = 0;
            for (int k = n.slotOffsets[s]; k < n.slotOffsets[s + 1]; k++) {
                inputs += n.slotQty[k] * baseInputPrice[k];
            }
            valueAdded[s] = n.basePrice[s] - inputs;
            price[s] = n.basePrice[s];
            lastPrice[s] = n.basePrice[s];
            unitCost[s] = n.basePrice[s];
        }
    }

    int ringSize(int l) {
        return ringOffset[l + 1] - ringOffset[l];
    }

    /** Bytes held by this state's arrays (object headers aside): the memory one run needs per thread. */
    public long bytes() {
        long doubles = (long) pipe.length + stock.length + inTransit.length + coverFactor.length + inputPrice.length
                + baseInputPrice.length + orders.length + shipped.length + open.length + markup.length
                + output.length + received.length + price.length + lastPrice.length + unitCost.length + valueAdded.length
                + revenue.length + demandFactor.length + demanded.length + delivered.length
                + (shippedTotal == null ? 0 : shippedTotal.length + arrivedTotal.length);
        long ints = (long) ringOffset.length + delay.length + altStart.length;
        return doubles * 8 + ints * 4 + spare.length;
    }

    // ---- read access for recorders ----

    public CompiledNetwork network() {
        return n;
    }

    /** The period just finished. */
    public int period() {
        return period;
    }

    public double output(int site) {
        return output[site];
    }

    /** Orders the site could serve this period (from open links, and final demand). */
    public double ordered(int site) {
        return received[site];
    }

    public double stock(int slot) {
        return stock[slot];
    }

    public double inTransit(int slot) {
        return inTransit[slot];
    }

    public double unitCost(int site) {
        return unitCost[site];
    }

    public double price(int site) {
        return price[site];
    }

    public double revenue(int site) {
        return revenue[site];
    }

    /** What was shipped on link {@code l} this period, in units the supplier makes. */
    public double shipped(int link) {
        return shipped[link];
    }

    public double demanded(int j) {
        return demanded[j];
    }

    public double delivered(int j) {
        return delivered[j];
    }

    public double shortfall(int j) {
        return demanded[j] - delivered[j];
    }

    /** The period alternate {@code a} (0-based among alternates) was first needed, or -1. */
    public int alternateStart(int a) {
        return altStart[a];
    }
}
