package org.chokepoint.model;

import java.util.List;

/**
 * A legal entity. Export-control lists name legal entities, so subsidiaries are firms of their
 * own, tied to their group through {@code parent}.
 *
 * @param id unique id
 * @param name legal name (defaults to the id)
 * @param country ISO country code of incorporation
 * @param parent id of the parent firm, or {@code null}
 * @param aliases other names, as they appear on screening lists
 */
public record Firm(String id, String name, String country, String parent, List<String> aliases) {

    public Firm {
        Checks.id(id, "id");
        name = name == null || name.isBlank() ? id : name;
        Countries.check(country, "country");
        if (parent != null) {
            Checks.id(parent, "parent");
        }
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }

    public static Firm of(String id, String country) {
        return new Firm(id, null, country, null, null);
    }

    public Firm withParent(String newParent) {
        return new Firm(id, name, country, newParent, aliases);
    }
}
