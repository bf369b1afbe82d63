package org.chokepoint.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.chokepoint.model.Alternate;
import org.chokepoint.model.Demand;
import org.chokepoint.model.IdIndex;
import org.chokepoint.model.InvalidInputException;
import org.chokepoint.model.Item;
import org.chokepoint.model.Network;
import org.chokepoint.model.Problem;
import org.chokepoint.model.Site;
import org.chokepoint.model.Step;
import org.chokepoint.model.SupplyLink;
import org.jgrapht.Graph;
import org.jgrapht.alg.cycle.CycleDetector;
import org.jgrapht.graph.DefaultDirectedGraph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.traverse.TopologicalOrderIterator;

/**
 * A network compiled once per scenario into dense ids and primitive arrays. Everything here is
 * read-only and shared by all runs and threads.
 *
 * <h2>Layout</h2>
 * <ul>
 *   <li><b>Sites</b> {@code 0..S-1} and <b>items</b> {@code 0..I-1} in sorted id order.</li>
 *   <li><b>Slots</b> are recipe inputs, grouped by site (CSR): site {@code s} has slots
 *       {@code slotOffsets[s] .. slotOffsets[s+1]-1}, each with its item, quantity per unit of
 *       output {@code a[k]}, and target cover in periods.</li>
 *   <li><b>Links</b> are one table: supply links {@code 0..L-1}, numbered by customer slot (slot
 *       k's links are {@code inOffsets[k] .. inOffsets[k+1]-1}, by supplier id), then alternates
 *       {@code L..L+A-1}, also by customer slot ({@code altOffsets}). The loop's link pass walks
 *       slots in order, so shipping, pipelines and ordering all read link arrays front to back.
 *       Per link: supplier site, slot, normalised share (for alternates: the maximum share), lead
 *       time in whole periods, markup, conversion factor (units delivered per unit of the slot's
 *       item) and premium.</li>
 *   <li>The <b>supplier view</b>, for the rare pass that needs it: site s supplies links
 *       {@code outLinks[outOffsets[s] .. outOffsets[s+1]-1]} (supply links and alternates).</li>
 *   <li><b>Final demand</b> entries {@code 0..D-1}, grouped by serving site (CSR {@code demandOffsets}/
 *       {@code demandBySite}).</li>
 *   <li><b>order</b>: the order sites are processed in within a period, topological over links with
 *       zero lead time (so a same-period delivery is made before its customer produces), ties by id.</li>
 *   <li><b>Baseline</b>: the Leontief output {@code x = (I - A)^-1 d} and the flow on each link,
 *       where {@code A[s][c]} sums {@code a[k] * share[l]} over links from s into slots k of c.</li>
 * </ul>
 */
public final class CompiledNetwork implements Cloneable {

    final Network network;
    final Step step;

    final int siteCount;
    final String[] siteIds;
    final int[] siteItem;
    final int[] siteFirm;
    /** Not final: {@link #withOverrides} patches a copy. */
    double[] capacity;
    final double[] basePrice;

    final String[] itemIds;
    final String[] firmIds;

    final int slotCount;
    final int[] slotOffsets;
    final int[] slotSite;
    final int[] slotItem;
    final double[] slotQty;
    /** Not final: {@link #withOverrides} patches a copy. */
    double[] slotCover;
    /** Share-weighted lead time of the slot's supply links, in periods. */
    final double[] slotLeadBar;
    /**
     * Per slot: the one lead time all its supply links have (at least a period), -1 if they have
     * several (none instant), 0 if one is instant or it has none.
     */
    final int[] slotLead;

    final int linkCount;
    final int altCount;
    /** Slot k's supply links are {@code inOffsets[k] .. inOffsets[k+1]-1}. */
    final int[] inOffsets;
    final int[] altOffsets;
    final int[] linkFrom;
    final int[] linkSlot;
    final double[] linkShare;
    final int[] linkLead;
    /** Standing markups (transport, margins); {@code null} where no link has one. */
    final double[] linkMarkup;
    /** Per alternate ({@code a - linkCount}): units delivered per unit of the slot's item replaced. */
    final double[] altFactor;
    /** 1 / altFactor: the loop multiplies. */
    final double[] altPerUnit;
    final double[] altPremium;
    final int[] altQualify;
    final int[] altRamp;
    /**
     * For supply links: the index in {@code network.links()}; for alternates: in {@code
     * network.alternates()}. {@code null} where the supply links come in engine order already (as
     * an input-output table written customer by customer does), with {@link #altSource} then
     * holding the alternates' part.
     */
    private final int[] linkSource;
    private final int[] altSource;
    /** The engine index of the network's alternate i (file order): the inverse of {@code linkSource} for alternates. */
    private final int[] altOfSource;
    /** Whether the link crosses a border: supplier's firm and customer's firm in different countries. */
    final boolean[] linkExport;

    /** Supplier view: site s supplies links {@code outLinks[outOffsets[s] .. outOffsets[s+1]-1]}. */
    final int[] outOffsets;
    final int[] outLinks;
    /** The longest lead time of any link, in periods. */
    final int maxLead;

    final int demandCount;
    final int[] demandSite;
    final double[] demandQty;
    final double[] demandPrice;
    /** Whether the market is another country than that of the serving site's firm. */
    final boolean[] demandExport;
    final int[] demandOffsets;
    final int[] demandBySite;
    /** Per demand entry: its pool, or -1. Pool p's members are {@code poolMembers[poolOffsets[p] .. poolOffsets[p+1]-1]}. */
    final int[] demandPool;
    final int poolCount;
    final int[] poolOffsets;
    final int[] poolMembers;
    /** Per pool: periods its buyers stay short with a member before they move. */
    final int[] poolSwitch;
    /** Per site: the country it is in (where its buyers' market is). */
    final String[] siteLocation;
    /** Sites by the item they make (CSR): item i's makers are {@code itemSites[itemSiteOffsets[i] .. itemSiteOffsets[i+1]-1]}. */
    final int[] itemSiteOffsets;
    final int[] itemSites;
    /** Per item: its makers' baseline output at their baseline prices, the weights of its cost index. */
    final double[] itemBaseValue;
    /** Per site: whether it changes owner at some date (its owner then depends on the day). */
    final boolean[] changesOwner;

    final int[] order;
    /** Sites buying on a supply link of zero lead time: they take such shipments themselves, in the site pass. */
    final boolean[] instant;

    final double[] baseOutput;
    /** Sites whose baseline output exceeds their capacity (sorted ids); the run starts short there. */
    List<String> overCapacity;


    private CompiledNetwork(Network network, Step step) {
        this.network = network;
        this.step = step;

        // Dense ids in sorted order: never in hash-map order.
        siteIds = network.sites().stream().map(Site::id).sorted().toArray(String[]::new);
        itemIds = network.items().stream().map(Item::id).sorted().toArray(String[]::new);
        firmIds = network.firms().stream().map(f -> f.id()).sorted().toArray(String[]::new);
        siteCount = siteIds.length;
        // A map for compiling, dropped after: later lookups search the sorted ids.
        IdIndex<Integer> siteIndex = IdIndex.positions(siteIds);
        IdIndex<Integer> itemIndex = IdIndex.positions(itemIds);
        IdIndex<Integer> firmIndex = IdIndex.positions(firmIds);
        // The country of each firm: the side of a measure its sites' revenue counts on.
        String[] firmCountry = new String[firmIds.length];
        for (int f = 0; f < firmIds.length; f++) {
            firmCountry[f] = network.firm(firmIds[f]).country();
        }

        siteItem = new int[siteCount];
        siteFirm = new int[siteCount];
        capacity = new double[siteCount];
        basePrice = new double[siteCount];
        slotOffsets = new int[siteCount + 1];
        for (int s = 0; s < siteCount; s++) {
            Site site = network.site(siteIds[s]);
            siteItem[s] = itemIndex.get(site.makes());
            siteFirm[s] = firmIndex.get(site.firm());
            capacity[s] = site.capacity();
            basePrice[s] = network.price(site);
            slotOffsets[s + 1] = slotOffsets[s] + site.recipe().size();
        }
        slotCount = slotOffsets[siteCount];
        slotSite = new int[slotCount];
        slotItem = new int[slotCount];
        slotQty = new double[slotCount];
        slotCover = new double[slotCount];
        slotLeadBar = new double[slotCount];
        for (int s = 0; s < siteCount; s++) {
            Site site = network.site(siteIds[s]);
            List<String> inputs = new ArrayList<>(site.recipe().keySet());
            inputs.sort(Comparator.naturalOrder());
            int k = slotOffsets[s];
            for (String input : inputs) {
                slotSite[k] = s;
                slotItem[k] = itemIndex.get(input);
                slotQty[k] = site.recipe().get(input);
                var cover = site.stock().get(input);
                slotCover[k] = cover == null ? 0 : cover.inPeriods(step);
                k++;
            }
        }

        // Links, then alternates, each sorted by (slot, supplier id); primitive sorts throughout.
        List<SupplyLink> links = network.links();
        int[] lslot = new int[links.size()];
        int[] lfrom = new int[links.size()];
        for (int i = 0; i < links.size(); i++) {
            SupplyLink l = links.get(i);
            lslot[i] = slotOf(siteIndex.get(l.to()), itemIndex.get(l.item()));
            lfrom[i] = siteIndex.get(l.from());
        }
        int[] byLink = bySlotThen(lslot, lfrom, slotCount);
        List<Alternate> alts = network.alternates();
        int[] aslot = new int[alts.size()];
        for (int i = 0; i < alts.size(); i++) {
            Alternate a = alts.get(i);
            aslot[i] = slotOf(siteIndex.get(a.site()), itemIndex.get(a.item()));
        }
        int[] byAlt = bySlotThen(aslot, null, slotCount);

        linkCount = links.size();
        altCount = alts.size();
        int total = linkCount + altCount;
        linkFrom = new int[total];
        linkSlot = new int[total];
        linkShare = new double[total];
        linkLead = new int[total];
        double[] markups = new double[total];
        altFactor = new double[alts.size()];
        altPerUnit = new double[alts.size()];
        altPremium = new double[alts.size()];
        int[] source = new int[total];
        altQualify = new int[altCount];
        altRamp = new int[altCount];
        altOfSource = new int[altCount];
        inOffsets = new int[slotCount + 1];
        altOffsets = new int[slotCount + 1];
        for (int j = 0; j < linkCount; j++) {
            int i = byLink[j];
            SupplyLink l = links.get(i);
            linkFrom[j] = siteIndex.get(l.from());
            linkSlot[j] = lslot[i];
            linkShare[j] = l.share();
            linkLead[j] = periods(l.leadTime().inPeriods(step));
            markups[j] = l.markup();
            source[j] = i;
            inOffsets[lslot[i] + 1]++;
        }
        for (int j = 0; j < altCount; j++) {
            int i = byAlt[j];
            Alternate a = alts.get(i);
            int l = linkCount + j;
            linkFrom[l] = siteIndex.get(a.from());
            linkSlot[l] = aslot[i];
            linkShare[l] = a.maxShare();
            linkLead[l] = 1; // an alternate delivers the period after it ships
            markups[l] = 0;
            altFactor[j] = a.factor();
            altPerUnit[j] = 1 / a.factor();
            altPremium[j] = a.premium();
            source[l] = i;
            altQualify[j] = periods(a.qualify().inPeriods(step));
            altRamp[j] = periods(a.ramp().inPeriods(step));
            altOffsets[aslot[i] + 1]++;
            altOfSource[i] = l;
        }
        boolean anyMarkup = false;
        for (int l = 0; l < total && !anyMarkup; l++) {
            anyMarkup = markups[l] != 0;
        }
        linkMarkup = anyMarkup ? markups : null;
        boolean inOrder = true;
        for (int j = 0; j < linkCount && inOrder; j++) {
            inOrder = source[j] == j;
        }
        linkSource = inOrder ? null : source;
        altSource = inOrder ? Arrays.copyOfRange(source, linkCount, total) : null;
        linkExport = new boolean[total];
        for (int l = 0; l < total; l++) {
            linkExport[l] = !firmCountry[siteFirm[linkFrom[l]]].equals(firmCountry[siteFirm[slotSite[linkSlot[l]]]]);
        }
        for (int k = 0; k < slotCount; k++) {
            inOffsets[k + 1] += inOffsets[k];
            altOffsets[k + 1] += altOffsets[k];
        }
        for (int k = 0; k <= slotCount; k++) {
            altOffsets[k] += linkCount;
        }
        // Shares: normalised within each slot, so they say how the need is split among sources.
        for (int k = 0; k < slotCount; k++) {
            double sum = 0;
            for (int l = inOffsets[k]; l < inOffsets[k + 1]; l++) {
                sum += linkShare[l];
            }
            double lead = 0;
            for (int l = inOffsets[k]; l < inOffsets[k + 1]; l++) {
                linkShare[l] = sum > 0 ? linkShare[l] / sum : 1.0 / (inOffsets[k + 1] - inOffsets[k]);
                lead += linkShare[l] * linkLead[l];
            }
            slotLeadBar[k] = lead;
        }
        slotLead = new int[slotCount];
        for (int k = 0; k < slotCount; k++) {
            int one = inOffsets[k] < inOffsets[k + 1] ? linkLead[inOffsets[k]] : 0;
            for (int l = inOffsets[k]; l < inOffsets[k + 1]; l++) {
                if (linkLead[l] == 0) {
                    one = 0;
                    break;
                }
                if (linkLead[l] != one) {
                    one = -1;
                }
            }
            slotLead[k] = one;
        }

        // Supplier view of all links, in link order within each supplier.
        outOffsets = new int[siteCount + 1];
        for (int l = 0; l < total; l++) {
            outOffsets[linkFrom[l] + 1]++;
        }
        for (int s = 0; s < siteCount; s++) {
            outOffsets[s + 1] += outOffsets[s];
        }
        outLinks = new int[total];
        int[] fill = Arrays.copyOf(outOffsets, siteCount);
        for (int l = 0; l < total; l++) {
            outLinks[fill[linkFrom[l]]++] = l;
        }
        int longest = 0;
        for (int l = 0; l < total; l++) {
            longest = Math.max(longest, linkLead[l]);
        }
        maxLead = longest;

        // Final demand, grouped by site.
        List<Demand> demand = network.demand();
        demandCount = demand.size();
        demandSite = new int[demandCount];
        demandQty = new double[demandCount];
        demandPrice = new double[demandCount];
        demandExport = new boolean[demandCount];
        demandOffsets = new int[siteCount + 1];
        for (int j = 0; j < demandCount; j++) {
            Demand d = demand.get(j);
            demandSite[j] = siteIndex.get(d.site());
            demandQty[j] = d.quantity();
            demandPrice[j] = network.price(d);
            demandExport[j] = !d.market().equals(firmCountry[siteFirm[demandSite[j]]]);
            demandOffsets[demandSite[j] + 1]++;
        }
        for (int s = 0; s < siteCount; s++) {
            demandOffsets[s + 1] += demandOffsets[s];
        }
        demandBySite = new int[demandCount];
        int[] dfill = Arrays.copyOf(demandOffsets, siteCount);
        for (int j = 0; j < demandCount; j++) {
            demandBySite[dfill[demandSite[j]]++] = j;
        }
        // Pools, in the order their first member comes in the file.
        Map<String, Integer> poolIndex = new java.util.LinkedHashMap<>();
        demandPool = new int[demandCount];
        for (int j = 0; j < demandCount; j++) {
            String pool = demand.get(j).pool();
            demandPool[j] = pool == null ? -1 : poolIndex.computeIfAbsent(pool, k -> poolIndex.size());
        }
        poolCount = poolIndex.size();
        poolOffsets = new int[poolCount + 1];
        poolSwitch = new int[poolCount];
        for (int j = 0; j < demandCount; j++) {
            if (demandPool[j] >= 0) {
                poolOffsets[demandPool[j] + 1]++;
                poolSwitch[demandPool[j]] = periods(demand.get(j).switching().inPeriods(step));
            }
        }
        for (int p = 0; p < poolCount; p++) {
            poolOffsets[p + 1] += poolOffsets[p];
        }
        poolMembers = new int[poolOffsets[poolCount]];
        int[] pfill = Arrays.copyOf(poolOffsets, poolCount);
        for (int j = 0; j < demandCount; j++) {
            if (demandPool[j] >= 0) {
                poolMembers[pfill[demandPool[j]]++] = j;
            }
        }
        itemSiteOffsets = new int[itemIds.length + 1];
        for (int t = 0; t < siteCount; t++) {
            itemSiteOffsets[siteItem[t] + 1]++;
        }
        for (int i = 0; i < itemIds.length; i++) {
            itemSiteOffsets[i + 1] += itemSiteOffsets[i];
        }
        itemSites = new int[siteCount];
        int[] ifill = Arrays.copyOf(itemSiteOffsets, itemIds.length);
        for (int t = 0; t < siteCount; t++) {
            itemSites[ifill[siteItem[t]]++] = t;
        }
        siteLocation = new String[siteCount];
        changesOwner = new boolean[siteCount];
        for (int s = 0; s < siteCount; s++) {
            siteLocation[s] = network.site(siteIds[s]).location();
            changesOwner[s] = !network.site(siteIds[s]).ownerPath().isEmpty();
        }

        order = processingOrder();
        instant = new boolean[siteCount];
        for (int l = 0; l < linkCount; l++) {
            if (linkLead[l] == 0) {
                instant[slotSite[linkSlot[l]]] = true;
            }
        }
        baseOutput = leontief();
        itemBaseValue = new double[itemIds.length];
        for (int t = 0; t < siteCount; t++) {
            itemBaseValue[siteItem[t]] += Math.max(0, baseOutput[t]) * basePrice[t];
        }
        List<String> over = new ArrayList<>();
        for (int s = 0; s < siteCount; s++) {
            if (baseOutput[s] > capacity[s] * (1 + 1e-9)) {
                over.add(siteIds[s]);
            }
        }
        overCapacity = List.copyOf(over);
    }

    /**
     * A copy sharing every array but capacity and target cover, which take these values: what a
     * Monte Carlo run needs when only such parameters are uncertain (no rebuild, no recompile).
     *
     * @param cover slot index to cover in periods
     * @param capacities site index to capacity
     */
    public CompiledNetwork withOverrides(java.util.Map<Integer, Double> cover, java.util.Map<Integer, Double> capacities) {
        try {
            CompiledNetwork copy = (CompiledNetwork) super.clone();
            if (!cover.isEmpty()) {
                copy.slotCover = slotCover.clone();
                cover.forEach((k, v) -> copy.slotCover[k] = v);
            }
            if (!capacities.isEmpty()) {
                copy.capacity = capacity.clone();
                capacities.forEach((s, v) -> copy.capacity[s] = v);
                List<String> over = new ArrayList<>();
                for (int s = 0; s < siteCount; s++) {
                    if (baseOutput[s] > copy.capacity[s] * (1 + 1e-9)) {
                        over.add(siteIds[s]);
                    }
                }
                copy.overCapacity = List.copyOf(over);
            }
            return copy;
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
    }

    /** The slot of site {@code s} for item {@code item}: its slots are in item order, so a binary search. */
    private int slotOf(int s, int item) {
        int k = java.util.Arrays.binarySearch(slotItem, slotOffsets[s], slotOffsets[s + 1], item);
        if (k < 0) {
            throw new IllegalStateException("site " + siteIds[s] + " has no slot for item " + itemIds[item]);
        }
        return k;
    }

    /**
     * Indices {@code 0..n-1} ordered by slot, then by {@code then} (null: none), then by index: a
     * counting sort by slot and, within a slot, a sort of primitive keys.
     */
    static int[] bySlotThen(int[] slot, int[] then, int slots) {
        int n = slot.length;
        int[] start = new int[slots + 1];
        for (int i = 0; i < n; i++) {
            start[slot[i] + 1]++;
        }
        for (int k = 0; k < slots; k++) {
            start[k + 1] += start[k];
        }
        int[] out = new int[n];
        int[] fill = Arrays.copyOf(start, slots);
        for (int i = 0; i < n; i++) {
            out[fill[slot[i]]++] = i; // stable: index order within a slot
        }
        if (then == null) {
            return out;
        }
        long[] keys = new long[0];
        for (int k = 0; k < slots; k++) {
            int from = start[k];
            int to = start[k + 1];
            if (to - from < 2) {
                continue;
            }
            if (keys.length < to - from) {
                keys = new long[Math.max(to - from, 2 * keys.length)];
            }
            for (int i = from; i < to; i++) {
                keys[i - from] = ((long) then[out[i]] << 32) | out[i];
            }
            Arrays.sort(keys, 0, to - from);
            for (int i = from; i < to; i++) {
                out[i] = (int) keys[i - from];
            }
        }
        return out;
    }

    /**
     * Whether {@code other} is this network or a copy of it from {@link #withOverrides}: the same
     * sites, slots, links and demand, so one run state serves both.
     */
    public boolean sameShape(CompiledNetwork other) {
        return other == this || (other.inOffsets == inOffsets && other.linkFrom == linkFrom && other.demandSite == demandSite);
    }

    /**
     * The last network compiled, while memory allows. Reading a scenario (its stability check), the
     * run and its Monte Carlo each compile the same network: at ten million links that was 23-25 s
     * each. Nothing changes a compiled network once made, so they can share it; the collector
     * clears a soft reference before it runs out of memory.
     */
    private static java.lang.ref.SoftReference<CompiledNetwork> last = new java.lang.ref.SoftReference<>(null);

    /** Compiles a frozen network for a scenario step, or gives the one compiled last for the same network and step. */
    public static CompiledNetwork of(Network network, Step step) {
        synchronized (CompiledNetwork.class) {
            CompiledNetwork c = last.get();
            if (c != null && c.network == network && c.step == step) {
                return c;
            }
        }
        CompiledNetwork c = new CompiledNetwork(network, step);
        synchronized (CompiledNetwork.class) {
            last = new java.lang.ref.SoftReference<>(c);
        }
        return c;
    }

    static int periods(double p) {
        return (int) Math.round(p);
    }

    private int[] processingOrder() {
        Graph<Integer, DefaultEdge> instant = new DefaultDirectedGraph<>(DefaultEdge.class);
        for (int s = 0; s < siteCount; s++) {
            instant.addVertex(s);
        }
        for (int l = 0; l < linkCount; l++) {
            if (linkLead[l] == 0 && linkFrom[l] != slotSite[linkSlot[l]]) {
                instant.addEdge(linkFrom[l], slotSite[linkSlot[l]]);
            }
        }
        for (int l = 0; l < linkCount; l++) {
            if (linkLead[l] == 0 && linkFrom[l] == slotSite[linkSlot[l]]) {
                throw loop(List.of(siteIds[linkFrom[l]]));
            }
        }
        CycleDetector<Integer, DefaultEdge> cycles = new CycleDetector<>(instant);
        if (cycles.detectCycles()) {
            List<String> ids = cycles.findCycles().stream().sorted().map(s -> siteIds[s]).toList();
            throw loop(ids);
        }
        int[] out = new int[siteCount];
        int i = 0;
        TopologicalOrderIterator<Integer, DefaultEdge> it = new TopologicalOrderIterator<>(instant, Comparator.naturalOrder());
        while (it.hasNext()) {
            out[i++] = it.next();
        }
        return out;
    }

    private InvalidInputException loop(List<String> ids) {
        return new InvalidInputException(Problem.at("links", "at a " + step.key() + "ly step, links between sites "
                        + String.join(", ", ids) + " round to zero lead time and form a loop",
                "Give one link of the loop a lead time of at least half a period."));
    }

    /**
     * The Leontief output by fixed-point iteration {@code x <- A x + d}: exact after as many rounds
     * as the longest supply chain for a network without loops, geometric with loops. A network whose
     * loops need more than they make (spectral radius of A at least 1) has no solution.
     */
    private double[] leontief() {
        double[] d = new double[siteCount];
        for (int j = 0; j < demandCount; j++) {
            d[demandSite[j]] += demandQty[j];
        }
        double[] x = d.clone();
        double[] next = new double[siteCount];
        for (int round = 0; round < 1_000_000; round++) {
            System.arraycopy(d, 0, next, 0, siteCount);
            for (int l = 0; l < linkCount; l++) {
                int k = linkSlot[l];
                next[linkFrom[l]] += slotQty[k] * linkShare[l] * x[slotSite[k]];
            }
            double change = 0;
            double size = 0;
            for (int s = 0; s < siteCount; s++) {
                change = Math.max(change, Math.abs(next[s] - x[s]));
                size = Math.max(size, Math.abs(next[s]));
            }
            double[] t = x;
            x = next;
            next = t;
            if (change <= 1e-15 * Math.max(size, 1e-300) || change == 0) {
                return x;
            }
            if (!(size < 1e300)) {
                break;
            }
        }
        throw new InvalidInputException(Problem.at("links", "the network cannot meet its final demand: "
                        + "some loop of recipes needs more of an item than it makes",
                "Check recipes and shares along supply loops (an item used, directly or indirectly, to make itself)."));
    }

    // ---- lookups for callers building timelines and reading results (not for the loop) ----

    public Network network() {
        return network;
    }

    public Step step() {
        return step;
    }

    public int siteCount() {
        return siteCount;
    }

    public int linkCount() {
        return linkCount;
    }

    public int alternateCount() {
        return altCount;
    }

    public int slotCount() {
        return slotCount;
    }

    public int itemCount() {
        return itemIds.length;
    }

    public String itemId(int i) {
        return itemIds[i];
    }

    /** The index of item {@code id}, or -1. */
    public int item(String id) {
        int i = java.util.Arrays.binarySearch(itemIds, id);
        return i >= 0 ? i : -1;
    }

    /**
     * Item {@code item}'s cost index, baseline 1: its makers' unit costs ({@code unitCost[offset +
     * site]}) against their baseline prices, weighted by baseline output; 1 if it has no baseline output.
     */
    double costIndex(int item, double[] unitCost, int offset) {
        double base = itemBaseValue[item];
        if (!(base > 0)) {
            return 1;
        }
        double cost = 0;
        for (int i = itemSiteOffsets[item]; i < itemSiteOffsets[item + 1]; i++) {
            int t = itemSites[i];
            cost += Math.max(0, baseOutput[t]) * unitCost[offset + t];
        }
        return cost / base;
    }

    /** Whether site {@code s} changes owner at some date. */
    public boolean changesOwner(int s) {
        return changesOwner[s];
    }

    /** The firm that owns site {@code s} on {@code day}. */
    public String firmOn(int s, java.time.LocalDate day) {
        return changesOwner[s] ? network.site(siteIds[s]).firmOn(day) : firmIds[siteFirm[s]];
    }

    /** The country site {@code s} is in. */
    public String siteLocation(int s) {
        return siteLocation[s];
    }

    /** The item site {@code s} makes. */
    public int siteItem(int s) {
        return siteItem[s];
    }

    public int demandCount() {
        return demandCount;
    }

    public String siteId(int s) {
        return siteIds[s];
    }

    public int site(String id) {
        int s = siteIndex(id);
        if (s < 0) {
            throw new IllegalArgumentException("no site '" + id + "'");
        }
        return s;
    }

    /** The dense index of site {@code id}, or a negative number: a binary search of the sorted ids. */
    private int siteIndex(String id) {
        return id == null ? -1 : Arrays.binarySearch(siteIds, id);
    }

    /** The engine's index of the supply link {@code from -> to} carrying {@code item}. */
    public int link(String from, String to, String item) {
        // A slot's links are in supplier order (dense ids follow id order): a binary search, no map.
        int f = siteIndex(from);
        int t = siteIndex(to);
        if (f >= 0 && t >= 0) {
            for (int k = slotOffsets[t]; k < slotOffsets[t + 1]; k++) {
                if (itemIds[slotItem[k]].equals(item)) {
                    int l = Arrays.binarySearch(linkFrom, inOffsets[k], inOffsets[k + 1], f);
                    if (l >= 0) {
                        return l;
                    }
                    break;
                }
            }
        }
        throw new IllegalArgumentException("no link " + from + "->" + to + " for '" + item + "'");
    }

    /**
     * The engine's index of every supply link of the network, in the network's order: what
     * {@link #link(SupplyLink)} finds for each, without looking any up (a new array).
     */
    public int[] supplyLinks() {
        int[] engine = new int[linkCount];
        for (int l = 0; l < linkCount; l++) {
            engine[linkSource == null ? l : linkSource[l]] = l;
        }
        return engine;
    }

    /** The engine's index of a supply link of the network. */
    public int link(SupplyLink l) {
        return link(l.from(), l.to(), l.item());
    }

    /** The engine's index of the network's alternate {@code i} (in file order). */
    public int alternate(int i) {
        if (i < 0 || i >= altCount) {
            throw new IllegalArgumentException("no alternate " + i);
        }
        return altOfSource[i];
    }

    /** The slot of {@code item} at {@code site}. */
    public int slot(String site, String item) {
        int s = site(site);
        for (int k = slotOffsets[s]; k < slotOffsets[s + 1]; k++) {
            if (itemIds[slotItem[k]].equals(item)) {
                return k;
            }
        }
        throw new IllegalArgumentException("site '" + site + "' has no input '" + item + "'");
    }

    /** Site {@code s}'s input slots are {@code slotStart(s) .. slotEnd(s) - 1}. */
    public int slotStart(int s) {
        return slotOffsets[s];
    }

    public int slotEnd(int s) {
        return slotOffsets[s + 1];
    }

    public int slotSite(int k) {
        return slotSite[k];
    }

    public String slotItemId(int k) {
        return itemIds[slotItem[k]];
    }

    /** The supply link (or, for l >= linkCount, the alternate) behind engine link {@code l}. */
    public Object linkSource(int l) {
        return l < linkCount ? network.links().get(linkSource == null ? l : linkSource[l])
                : network.alternates().get(linkSource == null ? altSource[l - linkCount] : linkSource[l]);
    }

    /** Supply links and alternates: {@code linkCount() + alternateCount()}. */
    public int allLinkCount() {
        return linkCount + altCount;
    }

    public int linkFrom(int l) {
        return linkFrom[l];
    }

    /** Link l's share of its customer's need for the item (normalised within the slot; an alternate's maximum share). */
    public double linkShare(int l) {
        return linkShare[l];
    }

    /** Units of link l's item its customer uses per unit of output. */
    public double linkQuantity(int l) {
        return slotQty[linkSlot[l]];
    }

    /** Link l's standing markup (transport, margin), a fraction of the price. */
    public double linkMarkup(int l) {
        return linkMarkup == null ? 0 : linkMarkup[l];
    }

    public int linkLead(int l) {
        return linkLead[l];
    }

    public int linkSlot(int l) {
        return linkSlot[l];
    }

    /** Baseline flow on supply link l, units per period (0 on alternates): worked out when asked, not kept per link. */
    public double baseFlow(int l) {
        if (l >= linkCount) {
            return 0;
        }
        int k = linkSlot[l];
        return slotQty[k] * linkShare[l] * baseOutput[slotSite[k]];
    }

    /** Target stock cover of slot k, in periods. */
    public double slotCover(int k) {
        return slotCover[k];
    }

    public double slotQuantity(int k) {
        return slotQty[k];
    }

    /** Supply links into slot k. */
    public int[] slotLinks(int k) {
        return java.util.stream.IntStream.range(inOffsets[k], inOffsets[k + 1]).toArray();
    }

    /** Slot k's alternates are engine links {@code alternateStart(k) .. alternateEnd(k)-1}. */
    public int alternateStart(int k) {
        return altOffsets[k];
    }

    public int alternateEnd(int k) {
        return altOffsets[k + 1];
    }

    /** Sites serving final demand (end items), in site order. */
    public int[] demandSites() {
        return java.util.Arrays.stream(demandSite).distinct().sorted().toArray();
    }

    /** The longest lead time of any link, in periods. */
    public int maxLead() {
        return maxLead;
    }

    public int linkCustomer(int l) {
        return slotSite[linkSlot[l]];
    }

    public int demandSite(int j) {
        return demandSite[j];
    }

    public Demand demand(int j) {
        return network.demand().get(j);
    }

    public double demandQuantity(int j) {
        return demandQty[j];
    }

    public double demandPrice(int j) {
        return demandPrice[j];
    }

    public double baseOutput(int s) {
        return baseOutput[s];
    }

    public double capacity(int s) {
        return capacity[s];
    }

    public double basePrice(int s) {
        return basePrice[s];
    }

    public String firmOf(int s) {
        return firmIds[siteFirm[s]];
    }

    /** Every supply link into site s (not alternates). */
    public int[] inboundLinks(int s) {
        int count = 0;
        for (int k = slotOffsets[s]; k < slotOffsets[s + 1]; k++) {
            count += inOffsets[k + 1] - inOffsets[k];
        }
        int[] out = new int[count];
        int i = 0;
        for (int k = slotOffsets[s]; k < slotOffsets[s + 1]; k++) {
            for (int l = inOffsets[k]; l < inOffsets[k + 1]; l++) {
                out[i++] = l;
            }
        }
        return out;
    }

    /** Sites whose baseline output is above capacity (the undisturbed run is already short there). */
    public List<String> overCapacity() {
        return overCapacity;
    }
}
