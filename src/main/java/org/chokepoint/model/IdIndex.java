package org.chokepoint.model;

import java.util.List;
import java.util.function.Function;

/**
 * The elements of a list by their ids: open addressing with each id and its element side by side
 * in one array, 16 to 32 bytes an element where a {@link java.util.HashMap} takes about 48 (its
 * entry, and its table slot). A lookup reads one place of the array for the id and the element
 * (ids' hash codes are cached by their Strings, and an id passed in is most often the very String
 * kept here), so it costs about what a HashMap's does. Where two elements share an id, the later
 * one is found, as a map filled in list order would. Also what the engine's compiler finds dense
 * ids by ({@link #positions}).
 */
public final class IdIndex<T> {

    /** Id at {@code 2h}, element at {@code 2h + 1}; {@code null} ids are empty places. */
    private final Object[] slots;
    private final int mask;

    public IdIndex(List<T> elements, Function<T, String> idOf) {
        // At most half full: a power of two of at least twice the elements.
        int capacity = Math.max(2, Integer.highestOneBit(Math.max(1, elements.size()) * 2 - 1) << 1);
        slots = new Object[2 * capacity];
        mask = capacity - 1;
        for (T t : elements) {
            String id = idOf.apply(t);
            int h = place(id);
            while (slots[2 * h] != null && !slots[2 * h].equals(id)) {
                h = (h + 1) & mask;
            }
            slots[2 * h] = id;
            slots[2 * h + 1] = t;
        }
    }

    /** Each id's position in {@code ids}: {@code get(ids[i])} is {@code i} (the last, where an id is there twice). */
    public static IdIndex<Integer> positions(String[] ids) {
        return new IdIndex<>(new java.util.AbstractList<Integer>() {
            @Override
            public Integer get(int i) {
                return i;
            }

            @Override
            public int size() {
                return ids.length;
            }
        }, i -> ids[i]);
    }

    /** The element with {@code id}, or {@code null}. */
    @SuppressWarnings("unchecked")
    public T get(Object id) {
        if (!(id instanceof String s)) {
            return null;
        }
        for (int h = place(s); slots[2 * h] != null; h = (h + 1) & mask) {
            Object at = slots[2 * h];
            if (at == s || at.equals(s)) {
                return (T) slots[2 * h + 1];
            }
        }
        return null;
    }

    public boolean contains(Object id) {
        return get(id) != null;
    }

    /**
     * Where the search for {@code id} starts: its hash code through MurmurHash3's finaliser. Ids
     * are most often a prefix and a running number ("s00042"), whose String hash codes fall on a
     * regular lattice; folding the high half onto the low one, as HashMap does, leaves them in
     * runs of neighbouring places, and linear probing then walks about four places a lookup at
     * 100,000 such ids (each a String compared), against about 1.3 with the finaliser.
     */
    private int place(String id) {
        int h = id.hashCode();
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h & mask;
    }
}
