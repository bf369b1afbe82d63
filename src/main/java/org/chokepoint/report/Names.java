package org.chokepoint.report;

import org.chokepoint.model.Network;
import org.chokepoint.model.Scenario;
import org.chokepoint.model.Site;

/**
 * Sites, items and links as a reader knows them, for charts and reports: names, not ids. A site is
 * "what it makes, by its firm", with its location added when the same firm makes the same item at
 * another site too. Ids a network does not know come back as they are.
 */
public final class Names {

    private Names() {}

    /** A site: "DRAM, by Samsung Electronics", or "DRAM, by Samsung Electronics (CN)" where the firm makes DRAM elsewhere too. */
    public static String site(Scenario s, String id) {
        Network n = s.network();
        if (!n.hasSite(id)) {
            return id;
        }
        Site x = n.site(id);
        String name = n.item(x.makes()).name() + ", by " + n.firm(x.firm()).name();
        for (Site other : n.sites()) {
            if (other != x && other.firm().equals(x.firm()) && other.makes().equals(x.makes())) {
                return name + " (" + x.location() + ")";
            }
        }
        return name;
    }

    /** The name of the firm that owns a site (at the start), with the site's country. */
    public static String firm(Scenario s, String site) {
        return s.network().hasSite(site) ? firmOf(s, s.network().site(site)) : site;
    }

    /** An item's name. */
    public static String item(Scenario s, String id) {
        return s.network().hasItem(id) ? s.network().item(id).name() : id;
    }

    /**
     * A link given as {@code from->to} (or a site alone, for its sales to end buyers): "Gallium from
     * Chalco to AXT Beijing", the firms' names, with the item's name when {@code item} is given.
     */
    public static String link(Scenario s, String link, String item) {
        int arrow = link.indexOf("->");
        String what = item == null ? "" : item(s, item) + " ";
        if (arrow < 0) {
            String site = link.strip();
            return s.network().hasSite(site) ? what + "sold by " + firmOf(s, s.network().site(site)) : link;
        }
        String from = link.substring(0, arrow).strip();
        String to = link.substring(arrow + 2).strip();
        if (!s.network().hasSite(from) || !s.network().hasSite(to)) {
            return link;
        }
        return what + "from " + firmOf(s, s.network().site(from)) + " to " + firmOf(s, s.network().site(to));
    }

    /** What an observed series measures, in names: "exports of High-purity hydrogen fluoride (kg) from JP to KR". */
    public static String subject(Scenario s, org.chokepoint.model.Observed o) {
        return o.subject(id -> site(s, id), id -> s.network().hasFirm(id) ? s.network().firm(id).name() : id, id -> item(s, id),
                id -> item(s, id));
    }

    private static String firmOf(Scenario s, Site x) {
        return s.network().firm(x.firm()).name() + " (" + x.location() + ")";
    }
}
