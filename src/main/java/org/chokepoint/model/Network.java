package org.chokepoint.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.jgrapht.Graph;

/**
 * A validated, frozen supply network. Element lists keep the order they were given in (so a file
 * read and written back reads the same); lookups are by id. Built only by {@link NetworkBuilder}.
 */
public final class Network {

    private final List<Item> items;
    private final List<Firm> firms;
    private final List<Site> sites;
    private final LinkTable linkTable;
    private final List<SupplyLink> links;
    private final List<Alternate> alternates;
    private final List<Demand> demand;
    private final List<Note> notes;
    private final List<Fact> facts;
    private final IdIndex<Item> itemById;
    private final IdIndex<Firm> firmById;
    private final IdIndex<Site> siteById;
    private volatile Graph<Site, SupplyLink> graph;

    Network(List<Item> items, List<Firm> firms, List<Site> sites, LinkTable links,
            List<Alternate> alternates, List<Demand> demand, List<Note> notes, List<Fact> facts) {
        this.items = List.copyOf(items);
        this.firms = List.copyOf(firms);
        this.sites = List.copyOf(sites);
        this.linkTable = links;
        this.links = Collections.unmodifiableList(links);
        this.alternates = List.copyOf(alternates);
        this.demand = List.copyOf(demand);
        this.notes = List.copyOf(notes);
        this.facts = List.copyOf(facts);
        this.itemById = new IdIndex<>(this.items, Item::id);
        this.firmById = new IdIndex<>(this.firms, Firm::id);
        this.siteById = new IdIndex<>(this.sites, Site::id);
    }

    public List<Item> items() {
        return items;
    }

    public List<Firm> firms() {
        return firms;
    }

    public List<Site> sites() {
        return sites;
    }

    public List<SupplyLink> links() {
        return links;
    }

    public List<Alternate> alternates() {
        return alternates;
    }

    public List<Demand> demand() {
        return demand;
    }

    /** Sources and assumptions attached to elements, in file order. */
    public List<Note> notes() {
        return notes;
    }

    /**
     * When the figures of each element carrying any (every item, site, link, alternate and
     * demand entry, firms excepted) were public, and which were calibrated, in file order.
     */
    public List<Fact> facts() {
        return facts;
    }

    public Item item(String id) {
        return require(itemById, id, "item");
    }

    public Firm firm(String id) {
        return require(firmById, id, "firm");
    }

    public Site site(String id) {
        return require(siteById, id, "site");
    }

    public boolean hasItem(String id) {
        return itemById.contains(id);
    }

    public boolean hasFirm(String id) {
        return firmById.contains(id);
    }

    public boolean hasSite(String id) {
        return siteById.contains(id);
    }

    /** Price a site charges for its output: its own price, or the item's value. */
    public double price(Site site) {
        return Double.isNaN(site.price()) ? item(site.makes()).value() : site.price();
    }

    /** What buyers pay a unit under a demand entry: its own price, or else the item's value. */
    public double price(Demand d) {
        return Double.isNaN(d.price()) ? item(d.item()).value() : d.price();
    }

    /** Every day a site changes owner, sorted. */
    public java.util.SortedSet<java.time.LocalDate> ownerChanges() {
        java.util.SortedSet<java.time.LocalDate> days = new TreeSet<>();
        for (Site s : sites) {
            days.addAll(s.ownerPath().keySet());
        }
        return days;
    }

    /** The network as it stands on {@code day}: every site owned by its owner that day, without owner paths. */
    public Network ownersOn(java.time.LocalDate day) {
        List<Site> owned = new ArrayList<>(sites.size());
        for (Site s : sites) {
            owned.add(s.ownerPath().isEmpty() ? s : s.ownedBy(s.firmOn(day)));
        }
        return new Network(items, firms, owned, linkTable, alternates, demand, notes, facts);
    }

    /** Items with final demand, sorted by id. */
    public SortedSet<String> endItems() {
        SortedSet<String> ends = new TreeSet<>();
        for (Demand d : demand) {
            ends.add(d.item());
        }
        return Collections.unmodifiableSortedSet(ends);
    }

    /** Every country that appears: firms, site locations and markets, sorted. */
    public SortedSet<String> countries() {
        SortedSet<String> all = new TreeSet<>();
        for (Firm f : firms) {
            all.add(f.country());
        }
        for (Site s : sites) {
            all.add(s.location());
        }
        for (Demand d : demand) {
            all.add(d.market());
        }
        return Collections.unmodifiableSortedSet(all);
    }

    /** The firm's top-level group: follows parents to the root. */
    public Firm group(Firm firm) {
        Firm at = firm;
        while (at.parent() != null) {
            at = firm(at.parent());
        }
        return at;
    }

    /**
     * Sites as vertices, links as edges (supplier to customer), read-only; built once on first
     * use. For analysis and export only: the engine uses its compiled arrays.
     */
    public Graph<Site, SupplyLink> graph() {
        Graph<Site, SupplyLink> g = graph;
        if (g == null) {
            synchronized (this) {
                g = graph;
                if (g == null) {
                    g = SupplyGraph.of(this);
                    graph = g;
                }
            }
        }
        return g;
    }

    private static <T> T require(IdIndex<T> index, String id, String kind) {
        T t = index.get(id);
        if (t == null) {
            throw new IllegalArgumentException("no " + kind + " '" + id + "' in this network");
        }
        return t;
    }
}
