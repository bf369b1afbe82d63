package org.chokepoint.model;

import java.util.List;
import java.util.Map;

/**
 * A legal entity. Export-control lists name legal entities, so subsidiaries are firms of their
 * own, tied to their group through {@code parent}.
 *
 * @param id unique id
 * @param name legal name (defaults to the id)
 * @param country ISO country code of incorporation
 * @param parent id of the parent firm, or {@code null}
 * @param aliases other names, as they appear on screening lists
 * @param owners shareholders with their shares in (0, 1], for ownership rules (a parent not listed
 *     here counts as owning all of the firm)
 */
public record Firm(String id, String name, String country, String parent, List<String> aliases, Map<String, Double> owners) {

    public Firm {
        Checks.id(id, "id");
        name = name == null || name.isBlank() ? id : name;
        Countries.check(country, "country");
        if (parent != null) {
            Checks.id(parent, "parent");
        }
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        owners = owners == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(owners));
        double total = 0;
        for (Map.Entry<String, Double> e : owners.entrySet()) {
            Checks.id(e.getKey(), "owners");
            double x = e.getValue();
            if (!(x > 0 && x <= 1)) {
                throw new FieldException("owners." + e.getKey(), "a share must be in (0, 1] (" + Checks.fmt(x) + ")", "0.6 is 60%.");
            }
            if (e.getKey().equals(id)) {
                throw new FieldException("owners." + e.getKey(), "a firm cannot own itself", "");
            }
            total += x;
        }
        if (total > 1 + 1e-9) {
            throw new FieldException("owners", "the shares add up to more than 100% (" + Checks.fmt(Math.round(total * 1000) / 10.0) + "%)",
                    "Give each owner's share of the firm; together at most 1.");
        }
    }

    public Firm(String id, String name, String country, String parent, List<String> aliases) {
        this(id, name, country, parent, aliases, null);
    }

    /**
     * Who owns how much: the owners with their shares, or the parent with all of it if no owners
     * are given.
     */
    public Map<String, Double> shareholders() {
        if (!owners.isEmpty() || parent == null) {
            return owners;
        }
        return Map.of(parent, 1.0);
    }

    public static Firm of(String id, String country) {
        return new Firm(id, null, country, null, null);
    }

    public Firm withParent(String newParent) {
        return new Firm(id, name, country, newParent, aliases, owners);
    }
}
