package org.chokepoint.model;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * An immutable map of String keys in insertion order, kept in three arrays: keys, values, and the
 * key order for binary search. A site's recipe and stock targets are such maps, one entry per
 * input: on networks of millions of links a linked hash map's entry objects were most of the
 * model's memory. Reads are O(log n); iteration is in the order given.
 */
final class CompactMap<V> extends AbstractMap<String, V> {

    private static final CompactMap<?> EMPTY = new CompactMap<>(new String[0], new Object[0], new int[0]);

    private final String[] keys;
    private final Object[] values;
    /** Positions of the keys in key order. */
    private final int[] sorted;

    private CompactMap(String[] keys, Object[] values, int[] sorted) {
        this.keys = keys;
        this.values = values;
        this.sorted = sorted;
    }

    /** A compact copy of {@code map}, in its iteration order (the same instance if it is one already). */
    @SuppressWarnings("unchecked")
    static <V> Map<String, V> of(Map<String, V> map) {
        if (map instanceof CompactMap<V> c) {
            return c;
        }
        if (map.isEmpty()) {
            return (Map<String, V>) EMPTY;
        }
        int n = map.size();
        String[] keys = new String[n];
        Object[] values = new Object[n];
        int i = 0;
        for (Map.Entry<String, V> e : map.entrySet()) {
            keys[i] = java.util.Objects.requireNonNull(e.getKey(), "key");
            values[i] = java.util.Objects.requireNonNull(e.getValue(), "value");
            i++;
        }
        Integer[] order = new Integer[n];
        for (int k = 0; k < n; k++) {
            order[k] = k;
        }
        Arrays.sort(order, (a, b) -> keys[a].compareTo(keys[b]));
        int[] sorted = new int[n];
        for (int k = 0; k < n; k++) {
            sorted[k] = order[k];
        }
        return new CompactMap<>(keys, values, sorted);
    }

    private int indexOf(Object key) {
        if (!(key instanceof String s)) {
            return -1;
        }
        int lo = 0;
        int hi = sorted.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = keys[sorted[mid]].compareTo(s);
            if (c < 0) {
                lo = mid + 1;
            } else if (c > 0) {
                hi = mid - 1;
            } else {
                return sorted[mid];
            }
        }
        return -1;
    }

    @Override
    public int size() {
        return keys.length;
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    @SuppressWarnings("unchecked")
    public V get(Object key) {
        int i = indexOf(key);
        return i < 0 ? null : (V) values[i];
    }

    @Override
    @SuppressWarnings("unchecked")
    public void forEach(BiConsumer<? super String, ? super V> action) {
        for (int i = 0; i < keys.length; i++) {
            action.accept(keys[i], (V) values[i]);
        }
    }

    @Override
    public Set<Map.Entry<String, V>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return keys.length;
            }

            @Override
            public Iterator<Map.Entry<String, V>> iterator() {
                return new Iterator<>() {
                    private int i;

                    @Override
                    public boolean hasNext() {
                        return i < keys.length;
                    }

                    @Override
                    @SuppressWarnings("unchecked")
                    public Map.Entry<String, V> next() {
                        if (i >= keys.length) {
                            throw new NoSuchElementException();
                        }
                        Map.Entry<String, V> e = new AbstractMap.SimpleImmutableEntry<>(keys[i], (V) values[i]);
                        i++;
                        return e;
                    }
                };
            }
        };
    }
}
