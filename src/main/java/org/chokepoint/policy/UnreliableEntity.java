package org.chokepoint.policy;

import java.util.List;

/** The authority's firms may neither buy from nor sell to the listed foreign firms. */
public record UnreliableEntity(MeasureHeader header, List<String> firms) implements PolicyMeasure {

    public UnreliableEntity {
        firms = List.copyOf(firms);
    }
}
