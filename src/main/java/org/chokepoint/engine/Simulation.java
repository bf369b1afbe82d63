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
 * the processing order. A plain slot (policy touches none of its links this period, and none ships
 * without a wait) takes a shorter path, traced and checked runs included: no open
 * fractions, delays or policy markups to read, nothing blocked to sum, and with one lead time one
 * pipeline write for all its links; the slot's count of restricted links is kept as events apply.
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

    // Scarcity prices, compiled; the arrays are null when prices are off.
    private final PriceRule rule;
    /** Markets (1 when prices are off). */
    private final int markets;
    private final int priceCells;
    /** Per link: the price cell its supplier's item has in its customer's market. */
    private final int[] linkCell;
    /** Per link: its customer's market. */
    private final int[] linkMarket;
    /**
     * Per link: where its order is added up in {@link RunState#ordersIn}. With prices on, its
     * supplier's cell for its customer's market ({@code supplier * markets + market}), so that the
     * price update reads each supplier's orders by market as the link pass placed them; with prices
     * off, the supplier itself (this is the network's own {@code linkFrom}).
     */
    private final int[] orderCell;
    /** Per slot: the cell of its item in its site's market. */
    private final int[] slotCell;
    /** Per demand entry: the cell of its item in its market, and the market. */
    private final int[] demandCell;
    private final int[] demandMarket;
    /** Per cell: orders over what could be offered in the baseline; NaN where nobody buys. */
    private final double[] baseRatio;
    /** Per item: 1 / (its demand elasticity + the supply elasticity). */
    private final double[] flexibility;
    private final double priceRate;
    /** Whether plain slots take the shorter path (always, but for tests that hold it against the general one). */
    private final boolean plainPath;
    /** Whether every slot has at most one supply link (an input-output table of sector-regions): the link pass then ships without a loop. */
    private final boolean oneSupplierEach;

    public Simulation(CompiledNetwork network, Parameters parameters) {
        this(network, parameters, true);
    }

    /** With {@code plainPath} false, every slot takes the general path of the link pass: the reference the shorter one is tested against. */
    Simulation(CompiledNetwork network, Parameters parameters, boolean plainPath) {
        this.plainPath = plainPath;
        this.n = network;
        boolean one = true;
        for (int k = 0; k < network.slotCount && one; k++) {
            one = network.inOffsets[k + 1] - network.inOffsets[k] <= 1;
        }
        this.oneSupplierEach = one;
        this.p = parameters;
        this.carry = parameters.carryingCost() * network.step.days() / 365.0;
        this.rule = parameters.prices();
        if (rule == null) {
            markets = 1;
            priceCells = 0;
            linkCell = null;
            linkMarket = null;
            orderCell = network.linkFrom;
            slotCell = null;
            demandCell = null;
            demandMarket = null;
            baseRatio = null;
            flexibility = null;
            priceRate = 0;
        } else {
            markets = rule.markets().size();
            priceCells = network.itemIds.length * markets;
            flexibility = new double[network.itemIds.length];
            java.util.Set<String> ends = network.network().endItems();
            for (int i = 0; i < flexibility.length; i++) {
                flexibility[i] = 1 / (rule.elasticityOf(network.itemIds[i], ends.contains(network.itemIds[i])) + rule.supplyElasticity());
            }
            priceRate = rule.rate();
            int[] siteMarket = new int[network.siteCount];
            for (int site = 0; site < network.siteCount; site++) {
                siteMarket[site] = rule.marketOf(network.siteLocation[site]);
            }
            int links = network.linkCount + network.altCount;
            linkCell = new int[links];
            linkMarket = new int[links];
            orderCell = new int[links];
            for (int l = 0; l < links; l++) {
                linkMarket[l] = siteMarket[network.linkCustomer(l)];
                linkCell[l] = network.siteItem[network.linkFrom[l]] * markets + linkMarket[l];
                orderCell[l] = network.linkFrom[l] * markets + linkMarket[l];
            }
            slotCell = new int[network.slotCount];
            for (int k = 0; k < network.slotCount; k++) {
                slotCell[k] = network.slotItem[k] * markets + siteMarket[network.slotSite[k]];
            }
            demandCell = new int[network.demandCount];
            demandMarket = new int[network.demandCount];
            for (int j = 0; j < network.demandCount; j++) {
                demandMarket[j] = rule.marketOf(network.demand(j).market());
                demandCell[j] = network.siteItem[network.demandSite[j]] * markets + demandMarket[j];
            }
            baseRatio = baseRatios();
        }
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
            fractionCell[l] = 2 * network.linkFrom[l];
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
                            fractionCell[l] = 2 * network.siteCount + rankStart[site] + r;
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

    /**
     * Each cell's ratio of orders to what could be offered, in the Leontief equilibrium the run
     * starts in: every buyer orders its use, every seller could make its capacity or what its stocks
     * at target plus one period's deliveries allow, shared over markets by its baseline orders.
     */
    private double[] baseRatios() {
        double[] ordered = new double[priceCells];
        double[] offered = new double[priceCells];
        for (int k = 0; k < n.slotCount; k++) {
            if (n.inOffsets[k] < n.inOffsets[k + 1]) {
                ordered[slotCell[k]] += n.slotQty[k] * n.baseOutput[n.slotSite[k]];
            }
        }
        for (int j = 0; j < n.demandCount; j++) {
            ordered[demandCell[j]] += n.demandQty[j];
        }
        double[] byMarket = new double[markets];
        for (int site = 0; site < n.siteCount; site++) {
            java.util.Arrays.fill(byMarket, 0);
            double total = 0;
            for (int i = n.outOffsets[site]; i < n.outOffsets[site + 1]; i++) {
                int l = n.outLinks[i];
                double flow = n.baseFlow(l);
                byMarket[linkMarket[l]] += flow;
                total += flow;
            }
            for (int d = n.demandOffsets[site]; d < n.demandOffsets[site + 1]; d++) {
                int j = n.demandBySite[d];
                byMarket[demandMarket[j]] += n.demandQty[j];
                total += n.demandQty[j];
            }
            if (total <= 0) {
                continue;
            }
            double possible = n.capacity[site] * p.overproduction();
            for (int k = n.slotOffsets[site]; k < n.slotOffsets[site + 1]; k++) {
                possible = Math.min(possible, n.baseOutput[site] * (n.slotCover[k] + 1));
            }
            for (int m = 0; m < markets; m++) {
                offered[n.siteItem[site] * markets + m] += possible * byMarket[m] / total;
            }
        }
        double[] ratio = new double[priceCells];
        for (int c = 0; c < priceCells; c++) {
            ratio[c] = ordered[c] > 0 && offered[c] > 0 ? ordered[c] / offered[c] : Double.NaN;
        }
        return ratio;
    }

    /** The price rule the run follows, or null (prices follow costs alone). */
    public PriceRule priceRule() {
        return rule;
    }

    public CompiledNetwork network() {
        return n;
    }

    public Parameters parameters() {
        return p;
    }

    /** Fresh state for one thread; reuse it across runs. */
    public RunState newState() {
        RunState s = new RunState(n, rankCells, priceCells, markets);
        if (rule != null) {
            s.marketNames = rule.markets();
            s.priced = new boolean[priceCells];
            for (int c = 0; c < priceCells; c++) {
                s.priced[c] = !Double.isNaN(baseRatio[c]);
            }
        }
        return s;
    }

    /** Runs {@code periods} periods under {@code timeline}, reporting each to {@code recorder}. */
    public void run(Timeline timeline, int periods, RunState s, Recorder recorder) {
        if (!s.n.sameShape(n)) {
            throw new IllegalArgumentException("the state belongs to another compiled network");
        }
        s.n = n; // a copy with other capacities or covers shares the shape: its state is reused
        if (s.rankOrders.length != rankCells) {
            throw new IllegalArgumentException("the state was made for other priority lists");
        }
        if ((s.mu == null ? 0 : s.mu.length) != priceCells || s.marketOrders.length != markets) {
            throw new IllegalArgumentException("the state was made for other prices");
        }
        s.orderCells = orderCell; // where each link's order is added up: the same for every network of this shape
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
            sitePass(s);
            linkPass(s, t);
            sitePrices(s);
            if (s.mu != null) {
                scarcity(s);
            }
            if (n.poolCount > 0) {
                switchPools(s);
            }

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
            boolean was = restricted(s, l);
            s.orderOpen[2 * l + 1] = tl.linkEventOpen[e];
            s.linkPolicy(l, tl.linkEventDelay[e], tl.linkEventMarkup[e]);
            boolean is = restricted(s, l);
            if (l < n.linkCount && was != is) {
                s.restricted[n.linkSlot[l]] += is ? 1 : -1;
            }
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
        while (s.openCursor < tl.openEventPeriod.length && tl.openEventPeriod[s.openCursor] <= t) {
            int e = s.openCursor++;
            s.demandOpen[tl.openEventIndex[e]] = tl.openEventShare[e];
        }
        while (s.salesCursor < tl.sales.period().length && tl.sales.period()[s.salesCursor] <= t) {
            int e = s.salesCursor++;
            s.demandSales[tl.sales.index()[e]] = tl.sales.value()[e];
        }
        while (s.siteCursor < tl.siteEventPeriod.length && tl.siteEventPeriod[s.siteCursor] <= t) {
            int e = s.siteCursor++;
            s.capacityFactor[tl.siteEventSite[e]] = tl.siteEventCapacity[e];
        }
    }

    /** 1 + link l's standing markup: 1 where the network has none ({@code standing} null). */
    private static double withStanding(double[] standing, int l) {
        return standing == null ? 1 : 1 + standing[l];
    }

    /** Whether policy touches link l this period: not fully open, delayed, or marked up. */
    private static boolean restricted(RunState s, int l) {
        return s.orderOpen[2 * l + 1] < 1 || s.delay(l) != 0 || s.markup(l) != 0;
    }

    /** Where link l's fraction is in the offers: its supplier's, or its rank's. */
    private int fractionCell(int l) {
        return fractionCell == null ? 2 * n.linkFrom[l] : fractionCell[l];
    }

    /**
     * A site with a priority list: output goes to its ranks in order, each served in full while
     * output lasts (a listed customer's orders; final demand where listed), then what is left is
     * shared among everyone unlisted by the rationing rule. Sets each rank's fraction and the
     * unlisted one (the site's own cell); returns final demand's.
     */
    private double allocateByRank(RunState s, int site, double x, double finalOrders) {
        final double[] oo = s.orderOpen;
        final double[] offer = s.offer;
        final double[] byRank = s.rankOrders;
        final int first = rankStart[site];
        final int ranks = rankCount[site];
        final int records = 2 * n.siteCount;
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
            offer[records + first + r] = f;
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
        offer[2 * site] = linkFraction;
        return finalFraction;
    }

    /**
     * What suppliers already processed ship to site {@code site} on links without any wait (lead
     * time and license delay both zero): the customer takes it before it produces.
     */
    private void takeInstant(RunState s, int site) {
        for (int k = n.slotOffsets[site]; k < n.slotOffsets[site + 1]; k++) {
            for (int l = n.inOffsets[k]; l < n.inOffsets[k + 1]; l++) {
                if (n.linkLead[l] == 0 && s.delay(l) == 0) {
                    double q = s.orderOpen[2 * l] * s.orderOpen[2 * l + 1] * s.offer[fractionCell(l)];
                    s.shipped[l] = q; // booked by the link pass
                    s.slot[3 * k] += q;
                }
            }
        }
    }

    /**
     * The site pass, sites in supplier-first order: what arrives on instant links is taken first;
     * then deliveries (what the last link pass took out of the pipelines for this period join the
     * stock), production, allocation to final demand, and the fraction of its link orders the site
     * ships. Arrays are read into locals once, so that the calls on rare paths do not make the
     * compiler reload them for every site.
     */
    private void sitePass(RunState s) {
        final double[] offer = s.offer;
        final double[] ordersIn = s.ordersIn;
        final boolean[] spare = s.spare;
        final double[] oo = s.orderOpen;
        final double[] mu = s.mu;
        final double[] slot = s.slot;
        final double[] bookValue = s.bookValue;
        final double[] bookUnits = s.bookUnits;
        final double[] inputPrice = s.inputPrice;
        final double[] slotUse = s.slotUse;
        final double[] want = s.want;
        final double[] demandOpen = s.demandOpen;
        final double[] demandSales = s.demandSales;
        final double[] delivered = s.delivered;
        final boolean[] reopened = s.reopened;
        final boolean detailed = s.detailed;
        final int[] order = n.order;
        final boolean[] instant = n.instant;
        final int[] outOffsets = n.outOffsets;
        final int[] outLinks = n.outLinks;
        final int[] demandOffsets = n.demandOffsets;
        final int[] demandBySite = n.demandBySite;
        final int[] slotOffsets = n.slotOffsets;
        final double[] slotQty = n.slotQty;
        final double[] demandPrice = n.demandPrice;
        final double[] basePrice = n.basePrice;
        final boolean[] demandExport = n.demandExport;
        final double[] received = s.received;
        final double[] capacity = n.capacity;
        final double[] capacityFactor = s.capacityFactor;
        final double[] possible = s.possible;
        final double[] consumption = s.consumption;
        final double[] output = s.output;
        final double[] revenue = s.revenue;
        final double[] exportRevenue = s.exportRevenue;
        final double overproduction = p.overproduction();
        final boolean finalFirst = p.rationing() == Parameters.Rationing.FINAL_DEMAND_FIRST;
        final boolean byMarket = markets > 1;
        for (int i = 0; i < n.siteCount; i++) {
            final int site = order[i];
            if (instant[site]) {
                takeInstant(s, site);
            }
            double linkOrders;
            if (byMarket) {
                linkOrders = 0;
                for (int m = site * markets; m < site * markets + markets; m++) {
                    linkOrders += ordersIn[m];
                    ordersIn[m] = 0; // the link pass gathers next period's
                }
            } else {
                linkOrders = ordersIn[site];
                ordersIn[site] = 0; // the link pass gathers next period's
            }
            if (reopened[site]) {
                reopened[site] = false;
                linkOrders = 0;
                for (int o = outOffsets[site]; o < outOffsets[site + 1]; o++) {
                    int l = outLinks[o];
                    linkOrders += oo[2 * l] * oo[2 * l + 1];
                }
            }
            double priceNow = offer[2 * site + 1];
            double finalOrders = 0;
            for (int d = demandOffsets[site]; d < demandOffsets[site + 1]; d++) {
                finalOrders += finalOrder(s, demandBySite[d], site, priceNow);
            }
            double orders = linkOrders + finalOrders;
            received[site] = orders;

            double cap = capacity[site] * capacityFactor[site] * overproduction;
            double x = cap;
            final int slotFrom = slotOffsets[site];
            final int slotTo = slotOffsets[site + 1];
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
                double enough = stock / slotQty[k];
                if (enough < x) {
                    x = enough;
                }
            }
            if (x < 0) {
                x = 0;
            }
            possible[site] = x;
            if (orders < x) {
                x = orders;
            }
            double used = 0;
            for (int k = slotFrom; k < slotTo; k++) {
                double take = x * slotQty[k];
                double left = slot[3 * k] - take;
                slot[3 * k] = left > 0 ? left : 0; // x ≤ stock/a: only rounding can go below zero
                double units = bookUnits[k];
                double cost = units > EPS ? take * bookValue[k] / units : take * inputPrice[k];
                bookValue[k] -= cost;
                bookUnits[k] = units - take;
                slotUse[k] = cost;
                used += cost;
            }
            consumption[site] = used;
            output[site] = x;
            spare[site] = x < cap * (1 - 1e-9);

            // Allocation.
            double finalFraction;
            double linkShipped;
            if (rankStart != null && rankStart[site] >= 0) {
                finalFraction = allocateByRank(s, site, x, finalOrders);
                linkShipped = Math.max(0, x - finalOrders * finalFraction); // all output goes out: x ≤ orders
            } else {
                double linkFraction;
                if (finalFirst) {
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
                offer[2 * site] = linkFraction;
                linkShipped = linkOrders * linkFraction;
            }
            double sold = 0;
            double soldAbroad = 0;
            for (int d = demandOffsets[site]; d < demandOffsets[site + 1]; d++) {
                int j = demandBySite[d];
                double q = want[j] * demandOpen[j] * demandSales[j] * finalFraction;
                delivered[j] = q;
                double value = q * (demandPrice[j] + priceNow - basePrice[site]);
                if (mu != null) {
                    value *= mu[demandCell[j]];
                }
                sold += value;
                if (detailed && demandExport[j]) {
                    soldAbroad += value;
                }
            }
            // Every open order of a class is served in the same fraction; the link pass ships them (and,
            // with market prices, books what each link pays).
            revenue[site] = mu == null ? sold + linkShipped * priceNow : sold;
            exportRevenue[site] = soldAbroad; // the link pass adds shipments abroad
        }
    }

    /**
     * What final demand entry {@code j} orders from its site this period: its quantity on its path,
     * its pool share and, with an elasticity of final demand, the answer to its price against the
     * baseline; only the share of buyers a procurement ban leaves free to buy here reaches the site.
     * Outside a pool the rest is demand gone; in a pool it counts as demanded and short. What an
     * export restriction holds back of the orders the site receives counts as demanded and short.
     */
    private double finalOrder(RunState s, int j, int site, double priceNow) {
        double perShare = n.demandQty[j] * s.demandFactor[j];
        double e = p.finalDemandElasticity();
        if (e > 0 && n.demandPrice[j] > 0) {
            double price = n.demandPrice[j] + priceNow - n.basePrice[site];
            if (s.mu != null) {
                price *= s.mu[demandCell[j]];
            }
            perShare *= Math.pow(Math.max(price, EPS) / n.demandPrice[j], -e);
        }
        s.perShare[j] = perShare;
        double want = perShare * s.demandShare[j];
        s.want[j] = want;
        double q = want * s.demandOpen[j];
        s.demanded[j] = n.demandPool[j] >= 0 ? want : q;
        return q * s.demandSales[j];
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
        final double[] offer = s.offer;
        final double[] ordersIn = s.ordersIn;
        final double[] pipe = s.pipe;
        final double[] slot = s.slot;
        final double[] shipped = s.shipped;
        // Null in runs no event has delayed or marked up a link.
        final double[] markup = s.markup;
        final int[] delay = s.delay;
        final int[] ring = s.ringOffset;
        final int[] mod = s.modNow;
        final int[] modNext = s.modNext;
        final int[] inOffsets = n.inOffsets;
        final int[] altOffsets = n.altOffsets;
        final int[] from = n.linkFrom;
        final int[] lead = n.linkLead;
        final double[] standing = n.linkMarkup; // null where no link has a standing markup
        final double[] share = n.linkShare;
        final boolean traced = s.detailed || s.shippedTotal != null;
        final double[] arrivedTotal = s.arrivedTotal;
        final double perTau = 1 / p.restorationTime();
        final double[] mu = s.mu;
        final int[] cellOf = linkCell;
        final double[] revenue = s.revenue;
        final int[] cells = fractionCell;
        final int[] slotLead = n.slotLead;
        final int[] restrictedLinks = s.restricted;
        final double[] purchases = s.purchases;
        final double[] paidSuppliers = s.toSuppliers;
        final double[] bookValue = s.bookValue;
        final double[] bookUnits = s.bookUnits;
        final double[] inputPrice = s.inputPrice;
        final int[] slotSite = n.slotSite;
        final double[] slotQty = n.slotQty;
        final double[] received = s.received;
        final double[] slotCover = n.slotCover;
        final double[] coverFactor = s.coverFactor;
        final double[] leadBar = n.slotLeadBar;
        final double[] needs = s.need;
        final boolean detailed = s.detailed;
        final int slots = n.slotCount;
        final boolean single = oneSupplierEach;
        final int[] ocell = orderCell;
        final int supplyLinks = n.linkCount;
        final double[] altPerUnit = n.altPerUnit;
        final double[] altPremium = n.altPremium;
        for (int k = 0; k < slots; k++) {
            double value = 0;
            double toSuppliers = 0;
            double units = 0;
            double sent = 0;
            double blocked = 0;
            final int at = ring[k];
            final int size = ring[k + 1] - at;
            final int now = mod[size];
            final int first = inOffsets[k];
            final int last = inOffsets[k + 1];
            final int plain = slotLead[k];
            if (single && plain > 0 && last - first == 1 && restrictedLinks[k] == 0 && plainPath) {
                // A plain slot of one link, as every slot of an input-output table is: no loop.
                final int l = first;
                final int supplier = from[l];
                double q = oo[2 * l] * offer[cells == null ? 2 * supplier : cells[l]];
                shipped[l] = q;
                double price = offer[2 * supplier + 1];
                if (mu != null) {
                    price *= mu[cellOf[l]];
                    revenue[supplier] += q * price;
                }
                value = q * price * withStanding(standing, l);
                toSuppliers = q * price;
                units = q;
                if (traced) {
                    trace(s, l, k, supplier, q);
                }
                pipe[at + cell(now, plain, size)] += units;
                sent = units;
            } else if (plain != 0 && restrictedLinks[k] == 0 && plainPath) {
                // A plain slot: every link open, on time, without a policy markup, none instant:
                // nothing is blocked, and with one lead time its shipments go into one ring cell.
                for (int l = first; l < last; l++) {
                    final int supplier = from[l];
                    double q = oo[2 * l] * offer[cells == null ? 2 * supplier : cells[l]];
                    shipped[l] = q;
                    if (plain < 0) {
                        pipe[at + cell(now, lead[l], size)] += q;
                    }
                    double price = offer[2 * supplier + 1];
                    if (mu != null) {
                        price *= mu[cellOf[l]];
                        revenue[supplier] += q * price;
                    }
                    value += q * price * withStanding(standing, l);
                    toSuppliers += q * price;
                    units += q;
                    if (traced) {
                        trace(s, l, k, supplier, q);
                    }
                }
                if (plain > 0) {
                    pipe[at + cell(now, plain, size)] += units;
                }
                sent = units;
            } else {
            for (int l = first; l < last; l++) {
                final int supplier = from[l];
                final int d = RunState.at(delay, l);
                final int due = lead[l] + d;
                final double open = oo[2 * l + 1];
                double q;
                if (due == 0) {
                    q = shipped[l]; // taken by the customer in the site pass
                    if (arrivedTotal != null) {
                        arrivedTotal[k] += q;
                    }
                } else {
                    q = oo[2 * l] * open * offer[cells == null ? 2 * supplier : cells[l]];
                    shipped[l] = q;
                    pipe[at + cell(now, due, size)] += q;
                    sent += q;
                }
                double price = offer[2 * supplier + 1];
                if (mu != null) {
                    price *= mu[cellOf[l]];
                    revenue[supplier] += q * price;
                }
                double paid = q * price * (withStanding(standing, l) + RunState.at(markup, l));
                value += d > 0 ? paid * (1 + carry * d) : paid;
                toSuppliers += q * price;
                units += q;
                blocked += share[l] * (1 - open);
                if (traced) {
                    trace(s, l, k, supplier, q);
                }
            }
            }
            for (int l = altOffsets[k]; l < altOffsets[k + 1]; l++) {
                final int supplier = from[l];
                final int d = RunState.at(delay, l);
                double q = oo[2 * l] * oo[2 * l + 1] * offer[cells == null ? 2 * supplier : cells[l]];
                shipped[l] = q;
                double u = q * altPerUnit[l - supplyLinks];
                pipe[at + cell(now, lead[l] + d, size)] += u;
                sent += u;
                double price = offer[2 * supplier + 1];
                if (mu != null) {
                    price *= mu[cellOf[l]];
                    revenue[supplier] += q * price;
                }
                double paid = q * price * (withStanding(standing, l) + RunState.at(markup, l)) * (1 + altPremium[l - supplyLinks]);
                value += d > 0 ? paid * (1 + carry * d) : paid;
                toSuppliers += q * price;
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
            purchases[k] = value;
            paidSuppliers[k] = toSuppliers;
            bookValue[k] += value;
            bookUnits[k] += units;
            if (units > EPS) {
                inputPrice[k] = value / units; // else: nothing bought, the last price stands
            }
            if (detailed) {
                inputCauses(s, k, units);
            }

            // Orders for next period, now that this period's shipments are in transit.
            final int site = slotSite[k];
            double use = slotQty[k] * received[site];
            double target = slotCover[k] * coverFactor[k] * use;
            double need = use + (target + use * leadBar[k] - slot[3 * k] - slot[3 * k + 1]) * perTau;
            if (need < 0) {
                need = 0;
            }
            // A buyer bids in its market while some source of the item is open to it; one shut out of
            // every source (or with none) does not compete for what others can buy.
            needs[k] = first < last && blocked < 1 - 1e-9 ? need : 0;
            double uncovered = first == last ? 1 : blocked;
            if (blocked > 0) {
                uncovered = reroute(s, first, last, need, blocked);
            } else {
                for (int l = first; l < last; l++) {
                    double q = need * share[l];
                    oo[2 * l] = q;
                    ordersIn[ocell[l]] += q; // open: nothing blocked
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
        final double[] ordersIn = s.ordersIn;
        final boolean[] spare = s.spare;
        double reroutable = 0;
        for (int l = first; l < last; l++) {
            if (oo[2 * l + 1] >= 1 && spare[n.linkFrom[l]]) {
                reroutable += n.linkShare[l];
            }
        }
        double moved = reroutable > 0 ? need * blocked / reroutable : 0;
        for (int l = first; l < last; l++) {
            final int supplier = n.linkFrom[l];
            double o = oo[2 * l + 1];
            double q = need * n.linkShare[l];
            if (moved > 0 && o >= 1 && spare[supplier]) {
                q += moved * n.linkShare[l];
            }
            oo[2 * l] = q;
            ordersIn[orderCell[l]] += q * o;
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
        double atCost = q * s.offer[2 * supplier + 1];
        double atSupplier = s.mu == null ? atCost : atCost * s.mu[linkCell[l]];
        double markup = n.linkMarkup(l) + s.markup(l);
        double marked = atSupplier * (1 + markup);
        double premium = l < n.linkCount ? 0 : n.altPremium[l - n.linkCount];
        double held = marked * (1 + premium) * carry * s.delay(l);
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
        caused[to + 3] += q * s.siteCause[by + 3] + atSupplier - atCost;
    }

    /**
     * The price update of {@link PriceRule}: per cell, this period's orders (slots' needs for next
     * period, or what a slot shut out of its suppliers orders from alternates; end buyers' wants) against what could be offered (each seller's possible output,
     * shared over markets by the open orders it holds), relative to the baseline ratio.
     */
    private void scarcity(RunState s) {
        final double[] ordered = s.ordered;
        final double[] offered = s.offered;
        final double[] byMarket = s.marketOrders;
        final double[] oo = s.orderOpen;
        final double[] mu = s.mu;
        java.util.Arrays.fill(ordered, 0);
        java.util.Arrays.fill(offered, 0);
        for (int k = 0; k < n.slotCount; k++) {
            if (s.need[k] > 0) {
                ordered[slotCell[k]] += s.need[k];
            } else {
                // Shut out of every supplier: it bids for what it orders from alternates, their items.
                for (int a = n.altOffsets[k]; a < n.altOffsets[k + 1]; a++) {
                    ordered[linkCell[a]] += oo[2 * a];
                }
            }
        }
        for (int j = 0; j < n.demandCount; j++) {
            if (s.demandOpen[j] > 0 || n.demandPool[j] >= 0) {
                ordered[demandCell[j]] += s.want[j]; // end buyers banned from their only seller do not bid
            }
        }
        final double[] ordersIn = s.ordersIn;
        for (int site = 0; site < n.siteCount; site++) {
            // The open link orders placed on the site this period, by market, as the link pass added them up.
            double total = 0;
            for (int m = 0; m < markets; m++) {
                double q = ordersIn[site * markets + m];
                byMarket[m] = q;
                total += q;
            }
            for (int d = n.demandOffsets[site]; d < n.demandOffsets[site + 1]; d++) {
                int j = n.demandBySite[d];
                double q = s.want[j] * s.demandOpen[j] * s.demandSales[j];
                byMarket[demandMarket[j]] += q;
                total += q;
            }
            if (total <= 0) {
                continue;
            }
            double per = s.possible[site] / total;
            int base = n.siteItem[site] * markets;
            for (int m = 0; m < markets; m++) {
                offered[base + m] += per * byMarket[m];
            }
        }
        final double floor = rule.floor();
        final double ceiling = rule.ceiling();
        for (int c = 0; c < priceCells; c++) {
            double r0 = baseRatio[c];
            if (Double.isNaN(r0)) {
                continue; // nobody buys it there in the baseline: no price to move
            }
            if (ordered[c] <= 0) {
                continue; // no buyer bids: nothing to set a price
            }
            double target;
            if (offered[c] <= 0) {
                target = ceiling;
            } else {
                double ratio = ordered[c] / offered[c] / r0;
                // At the baseline ratio (most cells, most periods) the level is 1, within rounding: no pow.
                target = Math.abs(ratio - 1) < 1e-12 ? 1 : Math.pow(ratio, flexibility[c / markets]);
                target = target < floor ? floor : target > ceiling ? ceiling : target;
            }
            mu[c] += (target - mu[c]) * priceRate;
        }
    }

    /**
     * Buyers moving within each pool, after the period. A member whose buyers were left short for
     * the pool's switching time (by a shortage, or a procurement ban) loses what it left unmet to
     * members with spare capacity and no ban, in proportion to that spare, as far as it goes. A
     * member that lost buyers and has had spare capacity, without a ban, for the switching time
     * takes them back from members above their baseline share, as far as its spare goes. What a
     * pool's buyers want in all is kept.
     */
    private void switchPools(RunState s) {
        final double[] share = s.demandShare;
        for (int pool = 0; pool < n.poolCount; pool++) {
            final int from = n.poolOffsets[pool];
            final int to = n.poolOffsets[pool + 1];
            final int wait = Math.max(1, n.poolSwitch[pool]);
            double movable = 0;
            double room = 0;
            for (int i = from; i < to; i++) {
                int j = n.poolMembers[i];
                double unmet = unmet(s, j);
                double spare = spare(s, j, unmet);
                s.shortRun[j] = unmet > 0 ? s.shortRun[j] + 1 : 0;
                s.spareRun[j] = spare > 0 ? s.spareRun[j] + 1 : 0;
                if (s.shortRun[j] >= wait) {
                    movable += unmet;
                }
                room += spare;
            }
            if (movable > 0 && room > 0) {
                double moved = Math.min(movable, room);
                for (int i = from; i < to; i++) {
                    int j = n.poolMembers[i];
                    double unmet = unmet(s, j);
                    if (s.shortRun[j] >= wait && unmet > 0) {
                        share[j] -= unmet * (moved / movable) / s.perShare[j];
                    } else {
                        double spare = spare(s, j, unmet);
                        if (spare > 0) {
                            share[j] += spare * (moved / room) / s.perShare[j];
                        }
                    }
                }
                continue;
            }
            // Coming back: members below their baseline share with spare for the switching time.
            double asked = 0;
            double above = 0;
            for (int i = from; i < to; i++) {
                int j = n.poolMembers[i];
                if (share[j] < 1 && s.spareRun[j] >= wait) {
                    asked += Math.min((1 - share[j]) * s.perShare[j], spare(s, j, unmet(s, j)));
                } else if (share[j] > 1) {
                    above += (share[j] - 1) * s.perShare[j];
                }
            }
            if (asked <= 0 || above <= 0) {
                continue;
            }
            double back = Math.min(asked, above);
            for (int i = from; i < to; i++) {
                int j = n.poolMembers[i];
                if (share[j] < 1 && s.spareRun[j] >= wait) {
                    share[j] += Math.min((1 - share[j]) * s.perShare[j], spare(s, j, unmet(s, j))) * (back / asked) / s.perShare[j];
                } else if (share[j] > 1) {
                    share[j] -= (share[j] - 1) * (back / above);
                }
            }
        }
    }

    /** What pool member {@code j}'s buyers wanted and did not get this period (0 within rounding). */
    private static double unmet(RunState s, int j) {
        double unmet = s.want[j] - s.delivered[j];
        return unmet > 1e-9 * Math.max(1, s.want[j]) ? unmet : 0;
    }

    /** What member {@code j}'s site could have made more this period, if it served all its buyers and none is banned. */
    private static double spare(RunState s, int j, double unmet) {
        int site = s.n.demandSite[j];
        if (unmet > 0 || s.demandOpen[j] < 1 || s.demandSales[j] < 1 || s.perShare[j] <= 0) {
            return 0;
        }
        double spare = s.possible[site] - s.output[site];
        return spare > 1e-9 * Math.max(1, s.possible[site]) ? spare : 0;
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
            s.offer[2 * site + 1] = cost;
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
        if (uncovered <= EPS) {
            // Nothing for alternates (the common case): no orders, and no ramp has started.
            for (int a = n.altOffsets[k]; a < n.altOffsets[k + 1]; a++) {
                oo[2 * a] = 0;
            }
            return;
        }
        for (int a = n.altOffsets[k]; a < n.altOffsets[k + 1]; a++) {
            int j = a - n.linkCount;
            if (uncovered > EPS && s.altStart[j] < 0) {
                s.altStart[j] = t;
            }
            double take = Math.min(uncovered, available(s, j, t));
            double q = need * take * n.altFactor[j];
            oo[2 * a] = q;
            s.ordersIn[orderCell[a]] += q * oo[2 * a + 1];
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
