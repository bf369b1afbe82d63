package org.chokepoint.model;

import java.util.List;
import java.util.function.Function;

/**
 * The elements of a list by their ids: open addressing over positions in the list, 12 to 20 bytes
 * an element where a {@link java.util.HashMap} takes about 48 (its entry, and its table slot).
 * Ids' hash codes are cached by their Strings and the ids are kept in an array beside the list,
 * so a lookup costs about what a HashMap's does. Where two elements share an id, the later one is
 * found, as a map filled in list order would.
 */
final class IdIndex<T> {

    private final List<T> elements;
    /** The elements' ids, in list order. */
    private final String[] ids;
    /** Position + 1 of the element whose id hashes here (or was displaced here); 0 is empty. */
    private final int[] table;
    private final int mask;

    IdIndex(List<T> elements, Function<T, String> idOf) {
        this.elements = elements;
        this.ids = new String[elements.size()];
        // At most half full: a power of two of at least twice the elements.
        int capacity = Integer.highestOneBit(Math.max(1, elements.size()) * 2 - 1) << 1;
        table = new int[Math.max(2, capacity)];
        mask = table.length - 1;
        for (int i = 0; i < elements.size(); i++) {
            String id = idOf.apply(elements.get(i));
            ids[i] = id;
            int h = slot(id);
            while (table[h] != 0 && !ids[table[h] - 1].equals(id)) {
                h = (h + 1) & mask;
            }
            table[h] = i + 1;
        }
    }

    /** The element with {@code id}, or {@code null}. */
    T get(Object id) {
        if (!(id instanceof String s)) {
            return null;
        }
        for (int h = slot(s); table[h] != 0; h = (h + 1) & mask) {
            int i = table[h] - 1;
            if (ids[i].equals(s)) {
                return elements.get(i);
            }
        }
        return null;
    }

    boolean contains(Object id) {
        return get(id) != null;
    }

    private int slot(String id) {
        int h = id.hashCode();
        return (h ^ (h >>> 16)) & mask;
    }
}
