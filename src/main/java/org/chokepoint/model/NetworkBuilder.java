package org.chokepoint.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.KosarajuStrongConnectivityInspector;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.DirectedPseudograph;

/**
 * Collects the elements of a supply network, checks every cross-reference and network-wide rule,
 * and freezes the result into a {@link Network}. All problems are collected; {@link #build()}
 * throws one {@link InvalidInputException} listing them all.
 *
 * <p>Each element may come with an {@link Origin} so that problems point into the file it came
 * from. Problems found by the caller while reading (bad types, unknown keys) can be added with
 * {@link #report(Problem)} so that they are reported together with the model's own.
 */
public final class NetworkBuilder {

    /** Shares of one customer's item may exceed 1 by this much (rounding in spreadsheets). */
    static final double SHARE_TOLERANCE = 1e-9;

    private final List<Item> items = new ArrayList<>();
    private final OriginTable itemOrigins = new OriginTable();
    private final List<Firm> firms = new ArrayList<>();
    private final OriginTable firmOrigins = new OriginTable();
    private final List<Site> sites = new ArrayList<>();
    private final OriginTable siteOrigins = new OriginTable();
    private final LinkTable links = new LinkTable();
    private final OriginTable linkOrigins = new OriginTable();
    private final List<Alternate> alternates = new ArrayList<>();
    private final OriginTable alternateOrigins = new OriginTable();
    private final List<Demand> demand = new ArrayList<>();
    private final OriginTable demandOrigins = new OriginTable();
    private final List<Problem> problems = new ArrayList<>();
    private final List<Note> notes = new ArrayList<>();
    private final List<Fact> facts = new ArrayList<>();
    private final Set<String> broken = new HashSet<>();

    public NetworkBuilder item(Item item) {
        return item(item, Origin.of("items[" + items.size() + "]"));
    }

    public NetworkBuilder item(Item item, Origin origin) {
        items.add(item);
        itemOrigins.add(origin);
        return this;
    }

    public NetworkBuilder firm(Firm firm) {
        return firm(firm, Origin.of("firms[" + firms.size() + "]"));
    }

    public NetworkBuilder firm(Firm firm, Origin origin) {
        firms.add(firm);
        firmOrigins.add(origin);
        return this;
    }

    public NetworkBuilder site(Site site) {
        return site(site, Origin.of("sites[" + sites.size() + "]"));
    }

    public NetworkBuilder site(Site site, Origin origin) {
        sites.add(site);
        siteOrigins.add(origin);
        return this;
    }

    public NetworkBuilder link(SupplyLink link) {
        return link(link, Origin.of("links[" + links.size() + "]"));
    }

    public NetworkBuilder link(SupplyLink link, Origin origin) {
        links.add(link);
        linkOrigins.add(origin);
        return this;
    }

    /**
     * Adds many links at once; {@code originOf.apply(i)} makes the origin of {@code batch.get(i)}
     * when a problem is found in it (file readers keep positions in primitive arrays).
     */
    public NetworkBuilder links(List<SupplyLink> batch, java.util.function.IntFunction<Origin> originOf) {
        links.addAll(batch);
        linkOrigins.addBatch(batch.size(), originOf);
        return this;
    }

    public NetworkBuilder alternate(Alternate alternate) {
        return alternate(alternate, Origin.of("alternates[" + alternates.size() + "]"));
    }

    public NetworkBuilder alternate(Alternate alternate, Origin origin) {
        alternates.add(alternate);
        alternateOrigins.add(origin);
        return this;
    }

    /**
     * The links with their ids the same String instances as the sites' and items' own, and equal
     * lead times one instance: a file reader makes a new String for every cell, and on a network
     * of millions of links those copies would be most of its memory.
     */
    private static LinkTable shared(LinkTable links, Map<String, Site> siteById, Map<String, Item> itemById,
                                    Map<Duration, Duration> leads) {
        LinkTable out = new LinkTable(links.size());
        for (int i = 0; i < links.size(); i++) {
            String from = siteById.get(links.from(i)).id();
            String to = siteById.get(links.to(i)).id();
            String item = itemById.get(links.item(i)).id();
            Duration lead = leads.computeIfAbsent(links.lead(i), d -> d);
            out.add(from, to, item, links.share(i), lead, links.markup(i));
        }
        return out;
    }

    /**
     * The sites with their firm, item and input ids (and their location, where a firm has that
     * country) the firms' and items' own String instances, and equal covers one instance.
     */
    private static List<Site> sharedSites(List<Site> sites, Map<String, Firm> firmById, Map<String, Item> itemById,
                                          Map<Duration, Duration> durations) {
        List<Site> out = new ArrayList<>(sites.size());
        Map<String, String> countries = new HashMap<>();
        firmById.values().forEach(f -> countries.putIfAbsent(f.country(), f.country()));
        for (Site s : sites) {
            Map<String, Double> recipe = new LinkedHashMap<>();
            s.recipe().forEach((item, q) -> recipe.put(itemById.get(item).id(), q));
            Map<String, Duration> stock = new LinkedHashMap<>();
            s.stock().forEach((item, d) -> stock.put(itemById.get(item).id(), durations.computeIfAbsent(d, x -> x)));
            out.add(new Site(s.id(), firmById.get(s.firm()).id(), itemById.get(s.makes()).id(), countries.getOrDefault(s.location(), s.location()),
                    s.capacity(), recipe, stock, s.price(), s.madeWith(), s.capacityPath(), s.ownerPath()));
        }
        return out;
    }

    public NetworkBuilder demand(Demand d) {
        return demand(d, Origin.of("demand[" + demand.size() + "]"));
    }

    public NetworkBuilder demand(Demand d, Origin origin) {
        demand.add(d);
        demandOrigins.add(origin);
        return this;
    }

    /** Attaches a source or an assumption to an element (kept for reports). */
    public NetworkBuilder note(Note note) {
        notes.add(note);
        return this;
    }

    private java.time.LocalDate defaultAsOf;

    /** The date of every element that gives none of its own: the network file's {@code as-of}. */
    public NetworkBuilder defaultAsOf(java.time.LocalDate day) {
        defaultAsOf = day;
        return this;
    }

    public java.time.LocalDate defaultAsOf() {
        return defaultAsOf;
    }

    /** Dates an element's figures (kept for the back-test checks). */
    public NetworkBuilder fact(Fact fact) {
        facts.add(fact);
        return this;
    }

    /**
     * Takes the notes and facts another builder gathered (a file reader's second thread), in its
     * order; a fact without a date of its own takes this builder's {@link #defaultAsOf}, which the
     * other could not know.
     */
    public NetworkBuilder notesAndFactsOf(NetworkBuilder other) {
        notes.addAll(other.notes);
        for (Fact f : other.facts) {
            facts.add(f.asOf() == null && defaultAsOf != null ? new Fact(f.element(), defaultAsOf, f.calibrated(), f.where()) : f);
        }
        return this;
    }

    /**
     * Declares that an element with this id was present in the input but could not be built (its
     * problem is already reported), so references to it are not reported again as unknown.
     */
    public NetworkBuilder broken(String id) {
        if (id != null) {
            broken.add(id);
        }
        return this;
    }

    /** Adds a problem found outside the builder, to be reported with the others. */
    public NetworkBuilder report(Problem problem) {
        problems.add(problem);
        return this;
    }

    /** Validates everything and returns the frozen network, or throws with every problem found. */
    public Network build() {
        List<Problem> found = new ArrayList<>(problems);
        Map<String, Item> itemById = index(items, itemOrigins, Item::id, "item", found);
        Map<String, Firm> firmById = index(firms, firmOrigins, Firm::id, "firm", found);
        Map<String, Site> siteById = index(sites, siteOrigins, Site::id, "site", found);
        Set<String> itemIds = new TreeSet<>(itemById.keySet());
        Set<String> firmIds = new TreeSet<>(firmById.keySet());
        Set<String> siteIds = new TreeSet<>(siteById.keySet());

        checkParents(firmById, firmIds, found);

        // Sites: references, and the default location from the firm.
        for (int i = 0; i < sites.size(); i++) {
            Site s = sites.get(i);
            Origin o = siteOrigins.get(i);
            Firm firm = firmById.get(s.firm());
            if (firm == null) {
                found.add(unknown(o, "firm", "firm", s.firm(), firmIds));
            } else if (s.location() == null) {
                Site located = s.withLocation(firm.country());
                sites.set(i, located);
                if (siteById.get(s.id()) == s) {
                    siteById.put(s.id(), located);
                }
            }
            if (!itemById.containsKey(s.makes())) {
                found.add(unknown(o, "makes", "item", s.makes(), itemIds));
            }
            for (String input : s.recipe().keySet()) {
                if (!itemById.containsKey(input)) {
                    found.add(unknown(o, "recipe." + input, "item", input, itemIds));
                }
            }
            for (var e : s.ownerPath().entrySet()) {
                if (!firmById.containsKey(e.getValue())) {
                    found.add(unknown(o, "owner-path." + e.getKey(), "firm", e.getValue(), firmIds));
                }
            }
        }

        // Links: references and item consistency, link by link; then duplicates and share sums,
        // customer by customer over dense indices (no per-link strings or boxing).
        Map<String, Integer> siteIndex = denseIndex(sites, Site::id);
        Map<String, Integer> itemIndex = denseIndex(items, Item::id);
        int[] makesIndex = new int[sites.size()];
        for (int i = 0; i < makesIndex.length; i++) {
            Integer m = itemIndex.get(sites.get(i).makes());
            makesIndex[i] = m == null ? -1 : m;
        }
        int n = links.size();
        int[] linkFrom = new int[n];
        int[] linkTo = new int[n];
        int[] linkItem = new int[n];
        // Independent per link (read-only lookups, writes to distinct slots): chunks run in
        // parallel, and their problems are appended in chunk order, so output does not depend on
        // scheduling.
        int chunks = n < 200_000 ? 1 : Math.min(Runtime.getRuntime().availableProcessors(), 8);
        List<List<Problem>> perChunk = new ArrayList<>();
        for (int c = 0; c < chunks; c++) {
            perChunk.add(new ArrayList<>());
        }
        LinkResolver resolver = new LinkResolver(siteIndex, itemIndex, makesIndex, siteIds, itemIds, linkFrom, linkTo, linkItem);
        java.util.stream.IntStream.range(0, chunks).parallel()
                .forEach(c -> resolver.resolve((int) ((long) n * c / chunks), (int) ((long) n * (c + 1) / chunks), perChunk.get(c)));
        perChunk.forEach(found::addAll);
        Set<String> alternateFor = new HashSet<>();

        // Alternates.
        for (int i = 0; i < alternates.size(); i++) {
            Alternate a = alternates.get(i);
            Origin o = alternateOrigins.get(i);
            Site customer = siteById.get(a.site());
            Site source = siteById.get(a.from());
            if (customer == null) {
                found.add(unknown(o, "site", "site", a.site(), siteIds));
            } else if (!customer.recipe().containsKey(a.item())) {
                found.add(o.problem("item", "site '" + a.site() + "' has no '" + a.item() + "' in its recipe",
                        "An alternate replaces a recipe input; the site uses: " + String.join(", ", customer.recipe().keySet()) + "."));
            }
            if (!itemById.containsKey(a.item())) {
                found.add(unknown(o, "item", "item", a.item(), itemIds));
            }
            if (source == null) {
                found.add(unknown(o, "from", "site", a.from(), siteIds));
            } else if (a.as() == null) {
                if (!source.makes().equals(a.item())) {
                    found.add(o.problem("from", "site '" + a.from() + "' makes '" + source.makes() + "', not '" + a.item() + "'",
                            "Add 'as: " + source.makes() + "' (with a conversion factor) to substitute another item."));
                }
            } else if (!itemById.containsKey(a.as())) {
                found.add(unknown(o, "as", "item", a.as(), itemIds));
            } else if (!source.makes().equals(a.as())) {
                found.add(o.problem("as", "site '" + a.from() + "' makes '" + source.makes() + "', not '" + a.as() + "'",
                        "'as' names the substitute item the alternate site makes."));
            }
            alternateFor.add(a.site() + "\u0000" + a.item());
        }

        // Demand.
        Map<String, Integer> poolFirst = new HashMap<>();
        java.util.Set<String> poolSites = new java.util.HashSet<>();
        for (int i = 0; i < demand.size(); i++) {
            Demand d = demand.get(i);
            if (d.pool() == null) {
                continue;
            }
            Integer first = poolFirst.putIfAbsent(d.pool(), i);
            Origin o = demandOrigins.get(i);
            if (first != null) {
                Demand f = demand.get(first);
                if (!f.item().equals(d.item()) || !f.market().equals(d.market())) {
                    found.add(o.problem("pool", "pool '" + d.pool() + "' is " + f.item() + " @ " + f.market() + " (demand[" + first
                            + "]), not " + d.item() + " @ " + d.market(), "A pool is one item's demand in one market; name another pool."));
                } else if (!f.switching().equals(d.switching())) {
                    found.add(o.problem("switching", "pool '" + d.pool() + "' switches after " + f.switching() + " at demand[" + first
                            + "], here after " + d.switching(), "Give every member of a pool the same switching time."));
                }
            }
            if (!poolSites.add(d.pool() + "\u0000" + d.site())) {
                found.add(o.problem("site", "site '" + d.site() + "' is in pool '" + d.pool() + "' twice",
                        "A pool lists each supplier once; add the quantities."));
            }
        }
        for (int i = 0; i < demand.size(); i++) {
            Demand d = demand.get(i);
            Origin o = demandOrigins.get(i);
            if (!itemById.containsKey(d.item())) {
                found.add(unknown(o, "item", "item", d.item(), itemIds));
            }
            Site s = siteById.get(d.site());
            if (s == null) {
                found.add(unknown(o, "site", "site", d.site(), siteIds));
            } else if (itemById.containsKey(d.item()) && !s.makes().equals(d.item())) {
                found.add(o.problem("site", "site '" + d.site() + "' makes '" + s.makes() + "', not '" + d.item() + "'",
                        "Final demand is served by a site that makes the item."));
            }
        }

        checkLinksPerCustomer(linkFrom, linkTo, linkItem, itemIndex, siteById, alternateFor, found);
        checkZeroLeadTimeCycles(found);
        found.removeIf(java.util.Objects::isNull);
        if (found.isEmpty()) {
            checkValueAdded(linkFrom, linkTo, linkItem, itemById, itemIndex, siteIndex, found);
        }

        found.removeIf(java.util.Objects::isNull);
        if (!found.isEmpty()) {
            throw new InvalidInputException(found);
        }
        Map<Duration, Duration> durations = new HashMap<>();
        return new Network(items, firms, sharedSites(sites, firmById, itemById, durations), shared(links, siteById, itemById, durations),
                alternates, demand, notes, facts);
    }

    /**
     * Every site's price covers its recipe at its suppliers' prices (share-weighted, markups
     * included): a site that sells below the cost of its inputs would have negative value added,
     * which no accounts can carry.
     */
    private void checkValueAdded(int[] linkFrom, int[] linkTo, int[] linkItem, Map<String, Item> itemById,
                                 Map<String, Integer> itemIndex, Map<String, Integer> siteIndex, List<Problem> found) {
        int n = sites.size();
        double[] price = new double[n];
        for (int i = 0; i < n; i++) {
            Site s = sites.get(i);
            price[i] = Double.isNaN(s.price()) ? itemById.get(s.makes()).value() : s.price();
        }
        // Per site and input: share-weighted price paid, as sums over the site's links.
        Map<Long, double[]> paid = new HashMap<>();
        for (int l = 0; l < links.size(); l++) {
            double[] acc = paid.computeIfAbsent(((long) linkTo[l] << 32) | linkItem[l], k -> new double[2]);
            acc[0] += links.share(l) * price[linkFrom[l]] * (1 + links.markup(l));
            acc[1] += links.share(l);
        }
        double[] siteCost = new double[n];
        List<String> siteParts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Site s = sites.get(i);
            double cost = 0;
            List<String> parts = new ArrayList<>();
            for (Map.Entry<String, Double> in : s.recipe().entrySet()) {
                double[] acc = paid.get(((long) i << 32) | itemIndex.get(in.getKey()));
                if (acc == null || acc[1] <= 0) {
                    continue; // served by alternates only: no baseline price
                }
                double c = in.getValue() * acc[0] / acc[1];
                cost += c;
                parts.add(in.getKey() + " " + Checks.fmt(Math.round(c * 100) / 100.0));
            }
            siteCost[i] = cost;
            siteParts.add(String.join(", ", parts));
            if (price[i] < cost * (1 - 1e-9)) {
                found.add(siteOrigins.get(i).problem(Double.isNaN(s.price()) ? "makes" : "price", "site '" + s.id() + "' sells "
                        + s.makes() + " at USD " + Checks.fmt(price[i]) + " but its recipe costs USD " + Checks.fmt(Math.round(cost * 100) / 100.0)
                        + " at its suppliers' prices (" + String.join(", ", parts) + "): its value added would be negative",
                        "Raise the site's price (price:) or the value of " + s.makes() + ", or check the recipe quantities and the"
                                + " suppliers' prices."));
            }
        }
        // Final demand bought below the cost of the site's recipe: the same negative value added on those sales.
        for (int j = 0; j < demand.size(); j++) {
            Demand d = demand.get(j);
            int i = siteIndex.get(d.site());
            if (Double.isNaN(d.price())) {
                continue; // at the item's value, checked with the site when the site has no price of its own
            }
            if (d.price() < siteCost[i] * (1 - 1e-9)) {
                found.add(demandOrigins.get(j).problem("price", "final demand buys " + d.item() + " from '" + d.site() + "' at USD "
                        + Checks.fmt(d.price()) + " but the site's recipe costs USD " + Checks.fmt(Math.round(siteCost[i] * 100) / 100.0)
                        + " (" + siteParts.get(i) + "): its sales there would have negative value added",
                        "Raise the price of this demand entry, or check the recipe quantities and the suppliers' prices."));
            }
        }
    }

    /**
     * Groups links by customer (CSR: offsets into an array of link indices), then for each customer
     * sorts its links by (item, file position) as packed longs and checks: no supplier twice for the
     * same item, shares of each item at most 1 (reported at the link where the sum first passes 1),
     * and every recipe input of the customer has a link or an alternate. Linear in the number of
     * links apart from the small per-customer sorts.
     */
    private void checkLinksPerCustomer(int[] from, int[] to, int[] item, Map<String, Integer> itemIndex,
                                       Map<String, Site> siteById, Set<String> alternateFor, List<Problem> found) {
        int nSites = sites.size();
        int[] offsets = new int[nSites + 1];
        for (int t : to) {
            if (t >= 0) {
                offsets[t + 1]++;
            }
        }
        for (int c = 0; c < nSites; c++) {
            offsets[c + 1] += offsets[c];
        }
        int[] byCustomer = new int[offsets[nSites]];
        int[] fill = offsets.clone();
        for (int i = 0; i < to.length; i++) {
            if (to[i] >= 0) {
                byCustomer[fill[to[i]]++] = i; // ascending i within each customer
            }
        }
        int[] supplierStamp = new int[nSites];
        java.util.Arrays.fill(supplierStamp, -1);
        int[] itemStamp = new int[items.size()];
        java.util.Arrays.fill(itemStamp, -1);
        long[] keys = new long[16];
        int group = 0;
        for (int c = 0; c < nSites; c++) {
            int k = offsets[c + 1] - offsets[c];
            if (keys.length < k) {
                keys = new long[Math.max(k, keys.length * 2)];
            }
            int m = 0;
            for (int j = offsets[c]; j < offsets[c + 1]; j++) {
                int i = byCustomer[j];
                if (item[i] >= 0) {
                    keys[m++] = ((long) item[i] << 32) | i;
                }
            }
            java.util.Arrays.sort(keys, 0, m);
            for (int g = 0; g < m; ) {
                int it = (int) (keys[g] >>> 32);
                itemStamp[it] = c;
                group++;
                double sum = 0;
                int end = g;
                while (end < m && (int) (keys[end] >>> 32) == it) {
                    int i = (int) keys[end];
                    if (from[i] >= 0) {
                        if (supplierStamp[from[i]] == group) {
                            SupplyLink l = links.get(i);
                            found.add(linkOrigins.get(i).problem("", "duplicate link " + l.key() + " for '" + l.item() + "'",
                                    "Each supplier, customer and item appear together once; merge the two shares."));
                        }
                        supplierStamp[from[i]] = group;
                    }
                    double before = sum;
                    sum += links.share(i);
                    if (sum > 1 + SHARE_TOLERANCE && before <= 1 + SHARE_TOLERANCE) {
                        SupplyLink l = links.get(i);
                        found.add(linkOrigins.get(i).problem("share", "shares of '" + l.item() + "' into site '" + l.to()
                                        + "' add up to " + Checks.fmt(round(sum)) + " here, above 1",
                                "Shares are fractions of the customer's need for the item; make them add up to at most 1."));
                    }
                    end++;
                }
                g = end;
            }
            Site s = sites.get(c);
            if (siteById.get(s.id()) != s) {
                continue; // a duplicate id, reported already
            }
            for (String input : s.recipe().keySet()) {
                Integer ii = itemIndex.get(input);
                if (ii != null && itemStamp[ii] != c && !alternateFor.contains(s.id() + "\u0000" + input)) {
                    found.add(siteOrigins.get(c).problem("recipe." + input,
                            "no link or alternate supplies '" + input + "' to site '" + s.id() + "'",
                            "Add a link from a site that makes '" + input + "', or remove it from the recipe."));
                }
            }
        }
    }

    /** Resolves links' ids to dense indices and checks each link against its two sites. */
    private final class LinkResolver {
        private final Map<String, Integer> siteIndex;
        private final Map<String, Integer> itemIndex;
        private final int[] makesIndex;
        private final Set<String> siteIds;
        private final Set<String> itemIds;
        private final int[] linkFrom;
        private final int[] linkTo;
        private final int[] linkItem;

        LinkResolver(Map<String, Integer> siteIndex, Map<String, Integer> itemIndex, int[] makesIndex, Set<String> siteIds,
                     Set<String> itemIds, int[] linkFrom, int[] linkTo, int[] linkItem) {
            this.siteIndex = siteIndex;
            this.itemIndex = itemIndex;
            this.makesIndex = makesIndex;
            this.siteIds = siteIds;
            this.itemIds = itemIds;
            this.linkFrom = linkFrom;
            this.linkTo = linkTo;
            this.linkItem = linkItem;
        }

        void resolve(int start, int end, List<Problem> found) {
            for (int i = start; i < end; i++) {
                String lFrom = links.from(i);
                String lTo = links.to(i);
                String lItem = links.item(i);
                Integer fromIndex = siteIndex.get(lFrom);
                Integer toIndex = siteIndex.get(lTo);
                Site from = fromIndex == null ? null : sites.get(fromIndex);
                Site to = toIndex == null ? null : sites.get(toIndex);
                if (lItem == null) {
                    if (from == null) {
                        found.add(unknown(linkOrigins.get(i), "from", "site", lFrom, siteIds));
                        linkFrom[i] = linkTo[i] = linkItem[i] = -1;
                        continue;
                    }
                    lItem = from.makes();
                    links.item(i, lItem);
                }
                linkFrom[i] = fromIndex == null ? -1 : fromIndex;
                linkTo[i] = toIndex == null ? -1 : toIndex;
                // A valid link carries what its supplier makes: one string comparison, no lookup.
                Integer item = from != null && lItem.equals(from.makes()) && makesIndex[fromIndex] >= 0
                        ? (Integer) makesIndex[fromIndex] : itemIndex.get(lItem);
                linkItem[i] = item == null ? -1 : item;
                if (from == null) {
                    found.add(unknown(linkOrigins.get(i), "from", "site", lFrom, siteIds));
                }
                if (to == null) {
                    found.add(unknown(linkOrigins.get(i), "to", "site", lTo, siteIds));
                }
                if (item == null) {
                    found.add(unknown(linkOrigins.get(i), "item", "item", lItem, itemIds));
                } else {
                    if (from != null && !from.makes().equals(lItem)) {
                        found.add(linkOrigins.get(i).problem("item", "site '" + lFrom + "' makes '" + from.makes() + "', not '" + lItem + "'",
                                "A link carries the item its supplier site makes. Use item: " + from.makes()
                                        + ", or an alternate with 'as' for a substitute."));
                    }
                    if (to != null && !to.recipe().containsKey(lItem)) {
                        found.add(linkOrigins.get(i).problem("item", "site '" + lTo + "' has no '" + lItem + "' in its recipe",
                                "Its recipe uses: " + (to.recipe().isEmpty() ? "nothing (a raw-material site)"
                                        : String.join(", ", to.recipe().keySet())) + "."));
                    }
                }
            }
        }
    }

    /** Ids to dense indices in list order; a duplicate id keeps its first index. */
    private static <T> Map<String, Integer> denseIndex(List<T> list, java.util.function.Function<T, String> id) {
        Map<String, Integer> index = new HashMap<>(list.size() * 2);
        for (int i = 0; i < list.size(); i++) {
            index.putIfAbsent(id.apply(list.get(i)), i);
        }
        return index;
    }

    private void checkParents(Map<String, Firm> firmById, Set<String> firmIds, List<Problem> found) {
        for (int i = 0; i < firms.size(); i++) {
            Firm f = firms.get(i);
            for (String owner : f.owners().keySet()) {
                if (!firmById.containsKey(owner)) {
                    found.add(unknown(firmOrigins.get(i), "owners." + owner, "firm", owner, firmIds));
                }
            }
            if (f.parent() == null) {
                continue;
            }
            if (!firmById.containsKey(f.parent())) {
                found.add(unknown(firmOrigins.get(i), "parent", "firm", f.parent(), firmIds));
                continue;
            }
            // Walk up the ownership chain; a chain longer than the number of firms is a cycle.
            String at = f.parent();
            for (int steps = 0; at != null && steps <= firms.size(); steps++) {
                if (at.equals(f.id())) {
                    found.add(firmOrigins.get(i).problem("parent", "firm '" + f.id() + "' is its own parent through '"
                            + f.parent() + "'", "Ownership must form a tree: remove one parent in the loop."));
                    break;
                }
                Firm up = firmById.get(at);
                at = up == null ? null : up.parent();
            }
        }
    }

    private void checkZeroLeadTimeCycles(List<Problem> found) {
        Graph<String, DefaultEdge> instant = new DirectedPseudograph<>(DefaultEdge.class);
        Map<String, Integer> firstLink = new HashMap<>();
        for (int i = 0; i < links.size(); i++) {
            if (links.lead(i).isZero()) {
                String from = links.from(i);
                String to = links.to(i);
                instant.addVertex(from);
                instant.addVertex(to);
                instant.addEdge(from, to);
                firstLink.putIfAbsent(from + "\u0000" + to, i);
            }
        }
        if (instant.edgeSet().isEmpty()) {
            return;
        }
        for (Set<String> component : new KosarajuStrongConnectivityInspector<>(instant).stronglyConnectedSets()) {
            boolean selfLoop = component.size() == 1 && instant.containsEdge(component.iterator().next(), component.iterator().next());
            if (component.size() < 2 && !selfLoop) {
                continue;
            }
            TreeSet<String> members = new TreeSet<>(component);
            // Point at the first link of the cycle in file order.
            int at = Integer.MAX_VALUE;
            for (String a : members) {
                for (String b : members) {
                    Integer idx = firstLink.get(a + "\u0000" + b);
                    if (idx != null) {
                        at = Math.min(at, idx);
                    }
                }
            }
            found.add(linkOrigins.get(at).problem("lead-time", "sites " + Names.list(new ArrayList<>(members), 8)
                            + " supply each other in a loop with zero lead time",
                    "A loop needs at least one link with a lead time of one period or more, or the period can never settle."));
        }
    }

    private static <T> Map<String, T> index(List<T> elements, OriginTable origins, java.util.function.Function<T, String> id,
                                            String kind, List<Problem> found) {
        Map<String, T> byId = new HashMap<>(elements.size() * 2);
        Map<String, Integer> firstAt = new HashMap<>();
        for (int i = 0; i < elements.size(); i++) {
            T e = elements.get(i);
            String key = id.apply(e);
            if (byId.putIfAbsent(key, e) != null) {
                found.add(origins.get(i).problem("id", "duplicate " + kind + " id '" + key + "'",
                        "Already defined at " + origins.get(firstAt.get(key)).path() + "; ids must be unique."));
            } else {
                firstAt.put(key, i);
            }
        }
        return byId;
    }

    private Problem unknown(Origin o, String field, String kind, String id, Set<String> known) {
        if (broken.contains(id)) {
            return null;
        }
        Set<String> candidates = new TreeSet<>(known);
        candidates.addAll(broken);
        String advice = known.isEmpty() ? "No valid " + kind + " is defined."
                : "Known " + kind + "s: " + Names.list(new ArrayList<>(known), 8) + "." + Names.didYouMean(id, candidates);
        return o.problem(field, "unknown " + kind + " '" + id + "'", advice);
    }

    private static double round(double x) {
        return Math.round(x * 1e9) / 1e9;
    }
}
