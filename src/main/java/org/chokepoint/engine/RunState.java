package org.chokepoint.engine;

import java.util.Arrays;

/**
 * The mutable state of one run: stocks, pipelines, orders, prices. Made once per thread by
 * {@link Simulation#newState()} and reset, not reallocated, for every run. Memory beyond the
 * shared {@link CompiledNetwork}: per link 3 doubles (and a double and an int more once an event
 * delays or marks up a link); per slot 11 doubles, 2 ints and
 * one double per period of its longest wait; per site 12 doubles and 2 booleans; per demand entry
 * 8 doubles and 2 ints ({@link #bytes()} counts them).
 */
public final class RunState {

    /** The network of the last run: one compiled network, or a copy of it with other capacities or covers. */
    CompiledNetwork n;
    int period;

    // slots
    /**
     * Per slot, interleaved: {@code slot[3k]} stock, {@code [3k+1]} in transit (arriving next
     * period included), {@code [3k+2]} arriving next period (taken out of the pipelines by the link
     * pass, added to the stock in the site pass).
     */
    final double[] slot;
    final double[] coverFactor;
    final double[] inputPrice;
    /** Per slot: how many of its supply links policy touches this period (not open, delayed or marked up). */
    final int[] restricted;
    /**
     * Per slot, what is in transit by the period it arrives, in units of the slot's item:
     * {@code pipe[ringOffset[k] .. ringOffset[k+1]-1]}, a ring indexed by period, as long as the
     * longest wait on any of the slot's links. All its links ship into it, so the link pass writes
     * close to where it reads, and takes one arrival per slot instead of one per link.
     */
    double[] pipe = new double[0];
    final int[] ringOffset;

    // links (supply links, then alternates)
    /**
     * Per link, interleaved: {@code orderOpen[2l]} is the order placed on link l (for shipment this
     * period), {@code orderOpen[2l+1]} its open fraction: the link pass reads both for every link.
     */
    final double[] orderOpen;
    final double[] shipped;
    /** t mod size for every ring size, refreshed each period: no division per link. */
    int[] modNow = new int[2];
    /** (t + 1) mod size for every ring size: the cell next period's arrival is in. */
    int[] modNext = new int[2];
    /** Per link: its license delay in periods; {@code null} until an event on this state sets one. */
    int[] delay;
    /** Per link: its policy markup; {@code null} until an event on this state sets one. */
    double[] markup;
    final int[] altStart;
    /** Checked mode: per link, all it shipped (the supplier's units); per slot, all that arrived (the slot's units). */
    double[] shippedTotal;
    double[] arrivedTotal;

    // sites
    final double[] output;
    final double[] received;
    final double[] unitCost;
    final double[] valueAdded;
    final double[] revenue;
    /** Revenue from buyers in another country than the site's firm (sites and final markets); kept with detailed accounts only. */
    final double[] exportRevenue;
    /**
     * The books, per slot: what this period's purchases cost the buyer (supplier's price with
     * markups, premiums and the carrying cost of delayed shipments), and the book value and units
     * of what the slot holds and has in transit, consumed at its average cost. Per site: the
     * value of inputs used this period. Value added is revenue less that.
     */
    final double[] purchases;
    /** Per slot, of this period's purchases: what its suppliers got (their prices), the rest flowing out. */
    final double[] toSuppliers;
    final double[] bookValue;
    final double[] bookUnits;
    final double[] slotUse;
    final double[] consumption;
    /**
     * Per site, interleaved, as the link pass reads them for each link's supplier: {@code offer[2s]}
     * the fraction of its open link orders it ships this period, {@code [2s+1]} its price. After the
     * sites, one fraction per rank of each priority list: what a listed customer's links get. Kept
     * apart from the orders the link pass adds up, and small, so that the suppliers' records the
     * link pass reads and writes at random stay in cache on large networks.
     */
    final double[] offer;
    /**
     * Per site (with prices on, per site and market: {@code site * markets + m}): the link orders
     * placed on it for next period (open fraction applied), added up by the link pass.
     */
    final double[] ordersIn;
    /** Per link: its cell in {@link #ordersIn} (its supplier's, with prices on its supplier's for its customer's market); set by each run. */
    int[] orderCells;
    /** Per site: whether it has spare capacity this period (what rerouting looks for). */
    final boolean[] spare;
    /** Sites whose outgoing links' open fraction changed this period: their orders are summed afresh. */
    final boolean[] reopened;
    /** Capacity multiplier from the timeline's site events (1: as built; 0: down). */
    final double[] capacityFactor;

    // unit cost by cause, CostCause.COUNT numbers per slot or site; allocated when first traced
    boolean detailed;
    /** Per slot, this period: what each cause added to the value bought. */
    double[] slotCause;
    /** Per slot: the components of the input price. */
    double[] inputCause;
    /** Per site: the components of the unit cost. */
    double[] siteCause;

    // final demand
    final double[] demandFactor;
    final double[] demanded;
    final double[] delivered;

    int linkCursor;
    int slotCursor;
    int demandCursor;
    int openCursor;
    int salesCursor;
    int siteCursor;

    /** Per priority rank of the sites with priority lists: orders this period (scratch of the site pass). */
    final double[] rankOrders;

    // scarcity prices: null when off
    /** Per price cell (item × market): the multiplier on every seller's cost-based price to that market. */
    final double[] mu;
    /** Per price cell, scratch of the price update: what the market's buyers ordered, and what could be offered them. */
    final double[] ordered;
    final double[] offered;
    /** Per market, scratch: one seller's open orders by its buyers' market. */
    final double[] marketOrders;
    /** The markets' names with prices on (else empty), and per cell whether anyone buys it there in the baseline. */
    java.util.List<String> marketNames = java.util.List.of();
    boolean[] priced = new boolean[0];
    /** Per site: what it could have made this period (capacity and input stocks allowing). */
    final double[] possible;
    /** Per slot: the need its orders for next period cover. */
    final double[] need;

    // final demand, pools
    /** Per entry: the share of its buyers a procurement ban lets buy from its site (1: all). */
    final double[] demandOpen;
    /** The share of each final demand entry's orders its site may deliver (1 unless an export restriction holds it back). */
    final double[] demandSales;
    /** Per entry: its pool share against the baseline split (1 outside pools, and at the start). */
    final double[] demandShare;
    /** Per entry: what its buyers want this period (quantity, path, pool share and price response), before any ban. */
    final double[] want;
    /** Per entry: what its buyers would want at a pool share of 1 (quantity, path, price response). */
    final double[] perShare;
    /** Per entry: periods in a row its buyers were left short; with spare capacity to serve them more. */
    final int[] shortRun;
    final int[] spareRun;

    /**
     * With {@code rankCells} more fraction cells after the sites' records, for priority ranks, and
     * {@code priceCells} scarcity prices over {@code markets} markets (0: prices off).
     */
    RunState(CompiledNetwork n, int rankCells, int priceCells, int markets) {
        this.n = n;
        int links = n.linkCount + n.altCount;
        slot = new double[3 * n.slotCount];
        coverFactor = new double[n.slotCount];
        inputPrice = new double[n.slotCount];
        restricted = new int[n.slotCount];

        ringOffset = new int[n.slotCount + 1];
        orderOpen = new double[2 * links];
        shipped = new double[links];

        altStart = new int[n.altCount];
        output = new double[n.siteCount];
        received = new double[n.siteCount];
        unitCost = new double[n.siteCount];
        valueAdded = new double[n.siteCount];
        revenue = new double[n.siteCount];
        exportRevenue = new double[n.siteCount];
        purchases = new double[n.slotCount];
        toSuppliers = new double[n.slotCount];
        bookValue = new double[n.slotCount];
        bookUnits = new double[n.slotCount];
        slotUse = new double[n.slotCount];
        consumption = new double[n.siteCount];
        offer = new double[2 * n.siteCount + rankCells];
        ordersIn = new double[n.siteCount * Math.max(1, markets)];
        spare = new boolean[n.siteCount];
        rankOrders = new double[rankCells];
        reopened = new boolean[n.siteCount];
        capacityFactor = new double[n.siteCount];
        demandFactor = new double[n.demandCount];
        demanded = new double[n.demandCount];
        delivered = new double[n.demandCount];
        mu = priceCells == 0 ? null : new double[priceCells];
        ordered = priceCells == 0 ? null : new double[priceCells];
        offered = priceCells == 0 ? null : new double[priceCells];
        marketOrders = new double[Math.max(1, markets)];
        possible = new double[n.siteCount];
        need = new double[n.slotCount];
        demandOpen = new double[n.demandCount];
        demandSales = new double[n.demandCount];
        demandShare = new double[n.demandCount];
        want = new double[n.demandCount];
        perShare = new double[n.demandCount];
        shortRun = new int[n.demandCount];
        spareRun = new int[n.demandCount];
    }

    /** Sizes the pipelines for this timeline's delays; grows the shared array only when needed. */
    void reset(Timeline timeline, Parameters p, boolean causes) {
        int links = shipped.length;
        // A ring as long as the longest wait: what arrives in period t is taken out before anything
        // due at t + size is put in the same place.
        int total = 0;
        int longest = 1;
        for (int k = 0; k < n.slotCount; k++) {
            ringOffset[k] = total;
            int size = 1;
            for (int l = n.inOffsets[k]; l < n.inOffsets[k + 1]; l++) {
                size = Math.max(size, n.linkLead[l] + timeline.maxDelay(l));
            }
            for (int l = n.altOffsets[k]; l < n.altOffsets[k + 1]; l++) {
                size = Math.max(size, n.linkLead[l] + timeline.maxDelay(l));
            }
            total += size;
            longest = Math.max(longest, size);
        }
        ringOffset[n.slotCount] = total;
        if (modNow.length <= longest) {
            modNow = new int[longest + 1];
            modNext = new int[longest + 1];
        }
        if (pipe.length < total) {
            pipe = new double[total];
        } else {
            Arrays.fill(pipe, 0, total, 0);
        }
        period = 0;
        linkCursor = 0;
        slotCursor = 0;
        demandCursor = 0;
        openCursor = 0;
        salesCursor = 0;
        siteCursor = 0;
        Arrays.fill(slot, 0);
        Arrays.fill(coverFactor, 1);
        Arrays.fill(restricted, 0);
        for (int l = 0; l < links; l++) {
            orderOpen[2 * l] = 0;
            orderOpen[2 * l + 1] = 1;
        }
        Arrays.fill(shipped, 0);

        if (delay != null) {
            Arrays.fill(delay, 0);
        }
        if (markup != null) {
            Arrays.fill(markup, 0);
        }
        Arrays.fill(altStart, -1);
        Arrays.fill(output, 0);
        Arrays.fill(received, 0);
        Arrays.fill(revenue, 0);
        Arrays.fill(exportRevenue, 0);
        Arrays.fill(offer, 0); // prices are set with the baseline below
        Arrays.fill(ordersIn, 0);
        Arrays.fill(spare, true);
        Arrays.fill(reopened, false);
        Arrays.fill(capacityFactor, 1);
        Arrays.fill(demandFactor, 1);
        Arrays.fill(demanded, 0);
        Arrays.fill(delivered, 0);
        Arrays.fill(demandOpen, 1);
        Arrays.fill(demandSales, 1);
        Arrays.fill(demandShare, 1);
        Arrays.fill(want, 0);
        Arrays.fill(perShare, 0);
        Arrays.fill(shortRun, 0);
        Arrays.fill(spareRun, 0);
        Arrays.fill(possible, 0);
        Arrays.fill(need, 0);
        if (mu != null) {
            Arrays.fill(mu, 1);
        }
        if (p.checked()) {
            if (shippedTotal == null) {
                shippedTotal = new double[links];
                arrivedTotal = new double[n.slotCount];
            }
            Arrays.fill(shippedTotal, 0);
            Arrays.fill(arrivedTotal, 0);
        }

        // Start in the Leontief equilibrium: orders placed, pipelines full, stocks at target.
        for (int l = 0; l < n.linkCount; l++) {
            double q = n.baseFlow(l);
            orderOpen[2 * l] = q;
            ordersIn[orderCells[l]] += q;
            int k = n.linkSlot[l];
            for (int i = 0; i < n.linkLead[l]; i++) {
                pipe[ringOffset[k] + i] += q; // the ring is at least as long as the lead time
            }
            slot[3 * k + 1] += n.linkLead[l] * q;
            if (shippedTotal != null) {
                shippedTotal[l] = n.linkLead[l] * q; // shipped before period 0
            }
        }
        // Period 0's arrivals taken out, as the link pass does for every later period.
        for (int k = 0; k < n.slotCount; k++) {
            double arriving = pipe[ringOffset[k]];
            pipe[ringOffset[k]] = 0;
            slot[3 * k + 2] = arriving;
            if (arrivedTotal != null) {
                arrivedTotal[k] = arriving;
            }
        }
        for (int k = 0; k < n.slotCount; k++) {
            double use = n.slotQty[k] * n.baseOutput[n.slotSite[k]];
            slot[3 * k] = n.slotCover[k] * use * p.initialStockFactor();
            double value = 0;
            double qty = 0;
            for (int l = n.inOffsets[k]; l < n.inOffsets[k + 1]; l++) {
                double flow = n.baseFlow(l);
                double w = flow > 0 ? flow : n.linkShare[l];
                value += w * n.basePrice[n.linkFrom[l]] * (1 + n.linkMarkup(l));
                qty += w;
            }
            inputPrice[k] = qty > 0 ? value / qty : 0; // the baseline price paid
            // The opening books: what is held and in transit, at the baseline price paid.
            bookUnits[k] = slot[3 * k] + slot[3 * k + 1];
            bookValue[k] = bookUnits[k] * inputPrice[k];
            purchases[k] = 0;
            toSuppliers[k] = 0;
            slotUse[k] = 0;
        }
        Arrays.fill(consumption, 0);
        for (int s = 0; s < n.siteCount; s++) {
            double inputs = 0;
            for (int k = n.slotOffsets[s]; k < n.slotOffsets[s + 1]; k++) {
                inputs += n.slotQty[k] * inputPrice[k];
            }
            valueAdded[s] = n.basePrice[s] - inputs;
            offer[2 * s + 1] = n.basePrice[s];
            unitCost[s] = n.basePrice[s];
        }
        detailed = causes;
        if (causes) {
            startCauses();
        }
    }

    /**
     * The baseline's cost components: only standing markups, passed down the chain. Found by
     * sweeping the sites in processing order until nothing changes (one sweep per level of
     * suppliers with a lead time; cycles converge as the input shares are below one).
     */
    private void startCauses() {
        final int c = CostCause.COUNT;
        if (siteCause == null) {
            slotCause = new double[c * n.slotCount];
            inputCause = new double[c * n.slotCount];
            siteCause = new double[c * n.siteCount];
        }
        Arrays.fill(slotCause, 0);
        Arrays.fill(inputCause, 0);
        Arrays.fill(siteCause, 0);
        int m = CostCause.MARKUP.ordinal();
        for (int pass = 0; pass <= n.siteCount; pass++) {
            boolean changed = false;
            for (int i = 0; i < n.siteCount; i++) {
                int s = n.order[i];
                double total = 0;
                for (int k = n.slotOffsets[s]; k < n.slotOffsets[s + 1]; k++) {
                    double value = 0;
                    double qty = 0;
                    for (int l = n.inOffsets[k]; l < n.inOffsets[k + 1]; l++) {
                        int from = n.linkFrom[l];
                        double flow = n.baseFlow(l);
                        double w = flow > 0 ? flow : n.linkShare[l];
                        value += w * (n.basePrice[from] * n.linkMarkup(l) + siteCause[c * from + m]);
                        qty += w;
                    }
                    inputCause[c * k + m] = qty > 0 ? value / qty : 0;
                    total += n.slotQty[k] * inputCause[c * k + m];
                }
                if (Math.abs(total - siteCause[c * s + m]) > 1e-12 * Math.max(1, n.basePrice[s])) {
                    changed = true;
                }
                siteCause[c * s + m] = total;
            }
            if (!changed) {
                return;
            }
        }
    }

    int ringSize(int k) {
        return ringOffset[k + 1] - ringOffset[k];
    }

    /** Bytes held by this state's arrays (object headers aside): the memory one run needs per thread. */
    public long bytes() {
        long doubles = (long) pipe.length + slot.length + coverFactor.length + inputPrice.length
                + orderOpen.length + shipped.length
                + (markup == null ? 0 : markup.length)
                + output.length + received.length + unitCost.length + valueAdded.length
                + revenue.length + exportRevenue.length + offer.length + ordersIn.length + rankOrders.length + capacityFactor.length + demandFactor.length + demanded.length + delivered.length
                + (shippedTotal == null ? 0 : shippedTotal.length + arrivedTotal.length)
                + (siteCause == null ? 0 : slotCause.length + inputCause.length + siteCause.length)
                + (mu == null ? 0 : 3L * mu.length) + marketOrders.length + possible.length + need.length
                + demandOpen.length + demandSales.length + demandShare.length + want.length + perShare.length;
        long ints = (long) ringOffset.length + restricted.length + (delay == null ? 0 : delay.length) + altStart.length + modNow.length + modNext.length
                + shortRun.length + spareRun.length;
        return doubles * 8 + ints * 4 + reopened.length + spare.length;
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

    /** What slot k's purchases this period cost the buyer, USD (markups, premiums and carrying cost included). */
    public double purchases(int k) {
        return purchases[k];
    }

    /**
     * What slot k's purchases this period paid beyond its suppliers' prices, USD: tariffs and other
     * markups, alternate premiums, the carrying cost of delayed shipments (flows out of the network).
     */
    public double flowsOut(int k) {
        return purchases[k] - toSuppliers[k];
    }

    /** The book value of what slot k holds and has in transit, USD, at average cost. */
    public double bookValue(int k) {
        return bookValue[k];
    }

    /** The units slot k's books hold (stock and in transit): the same as the goods, by conservation. */
    public double bookUnits(int k) {
        return bookUnits[k];
    }

    /** The value of slot k's input its site used this period, at average cost, USD. */
    public double slotUse(int k) {
        return slotUse[k];
    }

    /** The value of inputs site {@code site} used this period, at their average cost, USD. */
    public double consumption(int site) {
        return consumption[site];
    }

    /** Value added this period: revenue less the inputs used, USD. */
    public double valueAdded(int site) {
        return revenue[site] - consumption[site];
    }

    public double stock(int k) {
        return slot[3 * k];
    }

    public double inTransit(int k) {
        return slot[3 * k + 1];
    }

    public double unitCost(int site) {
        return unitCost[site];
    }

    public double price(int site) {
        return offer[2 * site + 1];
    }

    public double revenue(int site) {
        return revenue[site];
    }

    /** The share of orders on link {@code l} that policy lets through this period (1: open, 0: blocked). */
    /** Revenue this period from buyers in other countries than the site's firm. */
    public double exportRevenue(int site) {
        return exportRevenue[site];
    }

    /** What {@code cause} adds to the site's unit cost; 0 unless the run traces causes. */
    public double unitCost(int site, CostCause cause) {
        return detailed ? siteCause[CostCause.COUNT * site + cause.ordinal()] : 0;
    }

    public double open(int link) {
        return orderOpen[2 * link + 1];
    }

    /** The policy markup on link {@code l} this period (tariffs, leakage premiums), a fraction of the price. */
    public double markup(int link) {
        return at(markup, link);
    }

    /** The license delay on link {@code l} this period, in periods. */
    int delay(int link) {
        return at(delay, link);
    }

    /** {@code a[l]}, or 0 while the array is not made ({@link #delay} and {@link #markup} before a first event sets one). */
    static double at(double[] a, int l) {
        return a == null ? 0 : a[l];
    }

    static int at(int[] a, int l) {
        return a == null ? 0 : a[l];
    }

    /**
     * Sets link {@code l}'s delay and markup; their arrays are made when a first one is not zero,
     * so runs without delays or markups hold none (12 bytes a link).
     */
    void linkPolicy(int l, int d, double m) {
        if (d != 0 && delay == null) {
            delay = new int[shipped.length];
        }
        if (delay != null) {
            delay[l] = d;
        }
        if (m != 0 && markup == null) {
            markup = new double[shipped.length];
        }
        if (markup != null) {
            markup[l] = m;
        }
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

    /** Whether item {@code item} has a price in market {@code market}: someone buys it there in the baseline. */
    public boolean priced(int item, int market) {
        int markets = marketNames.size();
        return markets > 0 && market < markets && priced[item * markets + market];
    }

    /**
     * The price index of item {@code item} in market {@code market} this period, baseline 1: the
     * scarcity multiplier times its makers' unit costs against their baseline prices.
     */
    public double priceIndex(int item, int market) {
        return scarcity(item, market) * n.costIndex(item, unitCost, 0);
    }

    /** What the buyers of demand entry {@code j} want this period, before any procurement ban. */
    public double wanted(int j) {
        return want[j];
    }

    /** Entry {@code j}'s share of its pool against the baseline split (1 outside pools). */
    public double poolShare(int j) {
        return demandShare[j];
    }

    /**
     * The multiplier scarcity puts on sellers' cost-based prices of item {@code item} (an index of
     * {@link CompiledNetwork}) in market {@code market}; 1 with prices off.
     */
    public double scarcity(int item, int market) {
        return mu == null ? 1 : mu[item * (mu.length / n.itemIds.length) + market];
    }

    /** The period alternate {@code a} (0-based among alternates) was first needed, or -1. */
    public int alternateStart(int a) {
        return altStart[a];
    }
}
