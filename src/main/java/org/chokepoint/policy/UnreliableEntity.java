package org.chokepoint.policy;

import java.util.List;
import java.util.Locale;

/**
 * Measures against firms on an unreliable-entity list (MOFCOM Order 2020 No. 4, Article 10): chosen
 * case by case, so each listing names what it restricts.
 *
 * @param firms the listed firms
 * @param directions {@link Direction#IMPORTS} (the authority's side may not buy from the listed
 *     firms, e.g. the 2025 ban on Illumina exporting sequencers to China) and/or
 *     {@link Direction#EXPORTS} (may not sell to them)
 * @param items the items restricted; empty: all
 * @param basis whether "the authority's side" is the authority's territory (where the other site
 *     is; the provisions restrict trade with China) or its nationality (where the other firm is
 *     incorporated)
 * @param exemptFirms counterparties exempted
 * @param exemptItems items exempted
 */
public record UnreliableEntity(MeasureHeader header, List<String> firms, List<Direction> directions, List<String> items,
                               Basis basis, List<String> exemptFirms, List<String> exemptItems) implements PolicyMeasure {

    public enum Direction {
        IMPORTS, EXPORTS;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public enum Basis {
        TERRITORY, NATIONALITY;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public UnreliableEntity {
        firms = List.copyOf(firms);
        directions = directions == null || directions.isEmpty() ? List.of(Direction.IMPORTS, Direction.EXPORTS) : List.copyOf(directions);
        items = items == null ? List.of() : List.copyOf(items);
        basis = basis == null ? Basis.TERRITORY : basis;
        exemptFirms = exemptFirms == null ? List.of() : List.copyOf(exemptFirms);
        exemptItems = exemptItems == null ? List.of() : List.copyOf(exemptItems);
    }

    /** A listing that bans all trade both ways with the authority's territory. */
    public UnreliableEntity(MeasureHeader header, List<String> firms) {
        this(header, firms, null, null, null, null, null);
    }

    public UnreliableEntity with(MeasureHeader h) {
        return new UnreliableEntity(h, firms, directions, items, basis, exemptFirms, exemptItems);
    }
}
