package org.chokepoint.engine;

/**
 * Keeps every period's production, stock, shortfall, unit cost and revenue per site, slot and
 * demand entry ({@code periods × (sites + slots + demand)} numbers), and for each site the first
 * period in which policy cut one of its inbound links. Per-link series (shipments and the share
 * let through) are kept only when asked for: they are most of the memory on large networks
 * ({@code 16 × periods × links} bytes) and no report needs them.
 * Arrays are laid out period-major: value of index {@code i} at period {@code t} is at
 * {@code t * count + i}.
 */
public final class SeriesRecorder implements Recorder {

    /** {@link #firstCut} of a site never cut. */
    public static final int NEVER = -1;

    private final boolean causes;
    private final boolean perLink;
    private CompiledNetwork net;
    private int periods;
    private int sites;
    private int slots;
    private int links;
    private int demand;
    private double[] output;
    private double[] stock;
    private double[] unitCost;
    private double[] revenue;
    private double[] valueAdded;
    /** Per site: inputs bought, inputs used (at average cost), flows out, book value of its stocks and goods in transit. */
    private double[] bought;
    private double[] used;
    private double[] flows;
    private double[] books;
    private double[] exportRevenue;
    /**
     * Unit-cost components, {@code (t * causeRows + causeRow[site]) * CostCause.COUNT + cause};
     * empty unless traced.
     */
    private double[] caused = new double[0];
    /** Whether causes are kept for every site, or only for the sites serving final demand. */
    private final boolean causesEverywhere;
    /** Per site: its row in {@link #caused}, or -1 where its causes are not kept. */
    private int[] causeRow = new int[0];
    /** The sites whose causes are kept, by row. */
    private int[] causeSites = new int[0];
    private double[] shipped;
    private double[] open;
    private double[] demanded;
    private double[] delivered;
    /** Scarcity multipliers, {@code t * cells + item * markets + market}; empty with prices off. */
    private double[] scarcity = new double[0];
    private java.util.List<String> markets = java.util.List.of();
    private boolean[] priced = new boolean[0];
    /** The customer site of each supply link, and the first period each site had a link cut. */
    private int[] linkSite = new int[0];
    private int[] firstCut = new int[0];

    /** Records the series, per-link ones included, without tracing unit costs to causes. */
    public SeriesRecorder() {
        this(false, true);
    }

    /** @param causes also trace every site's unit cost to its {@link CostCause}s (per-link series included) */
    public SeriesRecorder(boolean causes) {
        this(causes, true);
    }

    /**
     * @param causes  also trace every site's unit cost to its {@link CostCause}s
     * @param perLink also keep every link's shipments and open share, period by period
     */
    public SeriesRecorder(boolean causes, boolean perLink) {
        this(causes, perLink, true);
    }

    private SeriesRecorder(boolean causes, boolean perLink, boolean causesEverywhere) {
        this.causes = causes;
        this.perLink = perLink;
        this.causesEverywhere = causesEverywhere;
    }

    /**
     * What a run for the reports keeps: unit costs traced to their causes, but their components
     * kept only at the sites that serve final demand, which is all the summary and the charts read
     * of them. On a network of 100,000 sites, 15,000 of them serving final demand, that is 10
     * numbers a site and period where causes everywhere would be 14: with both runs of a 52-week
     * run, 0.92 GB instead of 1.2.
     *
     * @param perLink also keep every link's shipments and open share, period by period
     */
    public static SeriesRecorder forReports(boolean perLink) {
        return new SeriesRecorder(true, perLink, false);
    }

    // ---- lookups by id, for scripts: whole series, period by period ----

    /** Output of the site with this id in every period. */
    public double[] output(String site) {
        int s = siteOf(site);
        double[] out = new double[periods];
        for (int t = 0; t < periods; t++) {
            out[t] = output(t, s);
        }
        return out;
    }

    /** Revenue (USD) of the site with this id in every period. */
    public double[] revenue(String site) {
        int s = siteOf(site);
        double[] out = new double[periods];
        for (int t = 0; t < periods; t++) {
            out[t] = revenue(t, s);
        }
        return out;
    }

    /** Value added (USD) of the site with this id in every period. */
    public double[] valueAdded(String site) {
        int s = siteOf(site);
        double[] out = new double[periods];
        for (int t = 0; t < periods; t++) {
            out[t] = valueAdded(t, s);
        }
        return out;
    }

    /** Stock of {@code input} at the site in every period. */
    public double[] stock(String site, String input) {
        siteOf(site);
        int k = net.slot(site, input);
        double[] out = new double[periods];
        for (int t = 0; t < periods; t++) {
            out[t] = stock(t, k);
        }
        return out;
    }

    /** Shortfall of {@code item} to end buyers in {@code market}, all sites serving them together, in every period. */
    public double[] shortfall(String item, String market) {
        double[] out = new double[periods];
        boolean any = false;
        for (int j = 0; j < demand; j++) {
            if (net.demand(j).item().equals(item) && net.demand(j).market().equals(market)) {
                any = true;
                for (int t = 0; t < periods; t++) {
                    out[t] += shortfall(t, j);
                }
            }
        }
        if (!any) {
            throw new IllegalArgumentException("no final demand for " + item + " in " + market);
        }
        return out;
    }

    private int siteOf(String id) {
        if (!net.network().hasSite(id)) {
            java.util.Set<String> ids = new java.util.TreeSet<>();
            net.network().sites().forEach(x -> ids.add(x.id()));
            throw new IllegalArgumentException("no site '" + id + "'." + org.chokepoint.model.Names.didYouMean(id, ids));
        }
        return net.site(id);
    }

    /** Whether the per-link series are kept. */
    public boolean perLink() {
        return perLink;
    }

    @Override
    public boolean detailedAccounts() {
        return causes;
    }

    @Override
    public void start(CompiledNetwork n, int periods) {
        this.net = n;
        this.periods = periods;
        sites = n.siteCount;
        slots = n.slotCount;
        links = n.linkCount + n.altCount;
        demand = n.demandCount;
        output = new double[periods * sites];
        stock = new double[periods * slots];
        unitCost = new double[periods * sites];
        revenue = new double[periods * sites];
        valueAdded = new double[periods * sites];
        bought = new double[periods * sites];
        used = new double[periods * sites];
        flows = new double[periods * sites];
        books = new double[periods * sites];
        exportRevenue = new double[periods * sites];
        if (causes) {
            causeSites = causesEverywhere ? java.util.stream.IntStream.range(0, sites).toArray() : n.demandSites();
            causeRow = new int[sites];
            java.util.Arrays.fill(causeRow, -1);
            for (int r = 0; r < causeSites.length; r++) {
                causeRow[causeSites[r]] = r;
            }
            caused = new double[periods * causeSites.length * CostCause.COUNT];
        }
        shipped = new double[perLink ? periods * links : 0];
        open = new double[perLink ? periods * links : 0];
        linkSite = new int[n.linkCount];
        for (int l = 0; l < n.linkCount; l++) {
            linkSite[l] = n.linkCustomer(l);
        }
        firstCut = new int[sites];
        java.util.Arrays.fill(firstCut, NEVER);
        demanded = new double[periods * demand];
        delivered = new double[periods * demand];
        scarcity = new double[0];
        markets = java.util.List.of();
        priced = new boolean[0];
    }

    @Override
    public void period(int t, RunState s) {
        for (int i = 0; i < sites; i++) {
            if (!Double.isFinite(s.output[i]) || !Double.isFinite(s.revenue[i])) {
                throw new NumericalFailure((Double.isFinite(s.output[i]) ? "the revenue" : "the output") + " of site "
                        + net.siteId(i), t);
            }
        }
        System.arraycopy(s.output, 0, output, t * sites, sites);
        for (int k = 0; k < slots; k++) {
            double x = s.stock(k);
            if (!Double.isFinite(x)) {
                throw new NumericalFailure("the stock of " + net.slotItemId(k) + " at site " + net.siteId(net.slotSite(k)), t);
            }
            stock[t * slots + k] = x;
        }
        System.arraycopy(s.unitCost, 0, unitCost, t * sites, sites);
        System.arraycopy(s.revenue, 0, revenue, t * sites, sites);
        for (int i = 0; i < sites; i++) {
            valueAdded[t * sites + i] = s.revenue[i] - s.consumption[i];
            used[t * sites + i] = s.consumption[i];
        }
        for (int k = 0; k < slots; k++) {
            int at = t * sites + net.slotSite[k];
            bought[at] += s.purchases[k];
            flows[at] += s.purchases[k] - s.toSuppliers[k];
            books[at] += s.bookValue[k];
        }
        System.arraycopy(s.exportRevenue, 0, exportRevenue, t * sites, sites);
        if (causes && causesEverywhere) {
            System.arraycopy(s.siteCause, 0, caused, t * sites * CostCause.COUNT, sites * CostCause.COUNT);
        } else if (causes) {
            int rows = causeSites.length;
            for (int r = 0; r < rows; r++) {
                System.arraycopy(s.siteCause, causeSites[r] * CostCause.COUNT, caused, (t * rows + r) * CostCause.COUNT, CostCause.COUNT);
            }
        }
        if (perLink) {
            System.arraycopy(s.shipped, 0, shipped, t * links, links);
            for (int l = 0; l < links; l++) {
                open[t * links + l] = s.open(l);
            }
        }
        for (int l = 0; l < linkSite.length; l++) {
            if (s.open(l) < 1 && firstCut[linkSite[l]] == NEVER) {
                firstCut[linkSite[l]] = t;
            }
        }
        System.arraycopy(s.demanded, 0, demanded, t * demand, demand);
        System.arraycopy(s.delivered, 0, delivered, t * demand, demand);
        if (s.mu != null) {
            if (scarcity.length != periods * s.mu.length) {
                scarcity = new double[periods * s.mu.length];
                markets = s.marketNames;
                priced = s.priced.clone();
            }
            for (int c = 0; c < s.mu.length; c++) {
                if (!Double.isFinite(s.mu[c])) {
                    throw new NumericalFailure("the price of " + net.itemIds[c / markets.size()] + " in market "
                            + markets.get(c % markets.size()), t);
                }
            }
            System.arraycopy(s.mu, 0, scarcity, t * s.mu.length, s.mu.length);
        }
    }

    /** The price markets, in order (the last is everyone unnamed); empty when the run had prices off. */
    public java.util.List<String> markets() {
        return markets;
    }

    /** Whether item {@code item} (an index of the compiled network) has a price in {@code market}: someone buys it there. */
    public boolean priced(int item, int market) {
        return !markets.isEmpty() && priced[item * markets.size() + market];
    }

    /** The scarcity multiplier on sellers' cost-based prices of the item in the market, period t (1 with prices off). */
    public double scarcity(int t, int item, int market) {
        return markets.isEmpty() ? 1 : scarcity[(t * net.itemIds.length + item) * markets.size() + market];
    }

    /**
     * The price index of an item in a market at period t, baseline 1: the scarcity multiplier
     * times its sellers' unit cost against their baseline price, weighted by baseline output.
     */
    public double priceIndex(int t, int item, int market) {
        return scarcity(t, item, market) * net.costIndex(item, unitCost, t * sites);
    }

    public int periods() {
        return periods;
    }

    /** What site {@code site} paid for the inputs it bought in period t, USD (what its buyers' books call purchases). */
    public double purchases(int t, int site) {
        return bought[t * sites + site];
    }

    /** The inputs site {@code site} used in period t, at their average cost, USD. */
    public double inputsUsed(int t, int site) {
        return used[t * sites + site];
    }

    /** Of its purchases in period t, what left the network: tariffs and other markups, premiums, carrying cost, USD. */
    public double flowsOut(int t, int site) {
        return flows[t * sites + site];
    }

    /**
     * The change in period t of the book value of site {@code site}'s stocks and goods in transit,
     * USD (period 0: against the opening books, what it held before its purchases and use).
     */
    public double stockValueChange(int t, int site) {
        double now = books[t * sites + site];
        double before = t > 0 ? books[(t - 1) * sites + site] : now - purchases(0, site) + inputsUsed(0, site);
        return now - before;
    }

    public double output(int t, int site) {
        return output[t * sites + site];
    }

    public double stock(int t, int slot) {
        return stock[t * slots + slot];
    }

    public double unitCost(int t, int site) {
        return unitCost[t * sites + site];
    }

    /** Value added in period t: revenue less the value of inputs used (at average cost), USD. */
    public double valueAdded(int t, int site) {
        return valueAdded[t * sites + site];
    }

    public double revenue(int t, int site) {
        return revenue[t * sites + site];
    }

    /** Revenue from buyers in other countries than the site's firm, in period t. */
    public double exportRevenue(int t, int site) {
        return exportRevenue[t * sites + site];
    }

    /** Whether unit costs were traced to causes. */
    public boolean isDetailed() {
        return causes;
    }

    /**
     * What {@code cause} added to the site's unit cost in period t (0 unless traced). A recorder
     * {@link #forReports} keeps this for the sites serving final demand only, and refuses the others.
     */
    public double unitCost(int t, int site, CostCause cause) {
        if (!causes) {
            return 0;
        }
        int row = causeRow[site];
        if (row < 0) {
            throw new IllegalArgumentException("unit-cost causes were kept for the sites serving final demand only, and "
                    + net.siteId(site) + " serves none: record with new SeriesRecorder(true, perLink) to keep them at every site");
        }
        return caused[(t * causeSites.length + row) * CostCause.COUNT + cause.ordinal()];
    }

    /** What link l shipped in period t; needs the per-link series. */
    public double shipped(int t, int link) {
        requirePerLink();
        return shipped[t * links + link];
    }

    /** The share of orders policy let through on link l in period t (1: open); needs the per-link series. */
    public double open(int t, int link) {
        requirePerLink();
        return open[t * links + link];
    }

    /** The first period in which the share let through on one of the site's supply links fell below 1, or {@link #NEVER}. */
    public int firstCut(int site) {
        return firstCut[site];
    }

    private void requirePerLink() {
        if (!perLink) {
            throw new IllegalStateException("per-link series were not recorded: use new SeriesRecorder(causes, true)");
        }
    }

    public double demanded(int t, int j) {
        return demanded[t * demand + j];
    }

    public double delivered(int t, int j) {
        return delivered[t * demand + j];
    }

    public double shortfall(int t, int j) {
        return demanded(t, j) - delivered(t, j);
    }

    /** What the recorder holds once started, in bytes: its arrays' contents. */
    public long bytes() {
        long doubles = (long) output.length + stock.length + unitCost.length + revenue.length + valueAdded.length + bought.length
                + used.length + flows.length + books.length + exportRevenue.length + caused.length + shipped.length + open.length
                + demanded.length + delivered.length + scarcity.length;
        long ints = (long) causeRow.length + causeSites.length + linkSite.length + firstCut.length;
        return 8 * doubles + 4 * ints;
    }

    /** All recorded numbers in one array, for bit-for-bit comparisons. */
    public double[] all() {
        double[][] parts = {output, stock, unitCost, revenue, exportRevenue, caused, shipped, demanded, delivered, bought, used, flows,
            books};
        int size = 0;
        for (double[] p : parts) {
            size += p.length;
        }
        double[] out = new double[size];
        int at = 0;
        for (double[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
