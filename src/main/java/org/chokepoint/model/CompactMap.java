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

    private static final CompactMap<?> EMPTY = new CompactMap<>(new String[0], new Object[0], null, null);

    /** Maps of at most this many keys are searched by a scan. */
    private static final int SCAN = 8;

    private final String[] keys;
    /** The values; {@code null} when they are all {@link Double}s, kept unboxed in {@link #numbers}. */
    private final Object[] values;
    private final double[] numbers;
    /** Positions of the keys in key order; {@code null} when the keys were given in that order. */
    private final int[] sorted;

    private CompactMap(String[] keys, Object[] values, double[] numbers, int[] sorted) {
        this.keys = keys;
        this.values = values;
        this.numbers = numbers;
        this.sorted = sorted;
    }

    /**
     * A compact copy of {@code map} that shares {@code like}'s key arrays when it has the same keys
     * in the same order, as a site's stock targets often have its recipe's: one array fewer a site.
     */
    static <V> Map<String, V> of(Map<String, V> map, Map<String, ?> like) {
        Map<String, V> copy = of(map);
        if (copy instanceof CompactMap<V> c && like instanceof CompactMap<?> l && c.keys != l.keys && Arrays.equals(c.keys, l.keys)) {
            return new CompactMap<>(l.keys, c.values, c.numbers, l.sorted);
        }
        return copy;
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
        boolean numeric = true;
        boolean inOrder = true;
        int i = 0;
        for (Map.Entry<String, V> e : map.entrySet()) {
            keys[i] = java.util.Objects.requireNonNull(e.getKey(), "key");
            values[i] = java.util.Objects.requireNonNull(e.getValue(), "value");
            numeric &= values[i] instanceof Double;
            inOrder &= i == 0 || keys[i - 1].compareTo(keys[i]) < 0;
            i++;
        }
        double[] numbers = null;
        if (numeric) {
            // An input-output table's recipes hold a number for every pair of sectors: unboxed,
            // 8 bytes an entry instead of a reference and a 16-byte Double.
            numbers = new double[n];
            for (int k = 0; k < n; k++) {
                numbers[k] = (Double) values[k];
            }
            values = null;
        }
        // A few keys are found as fast by a scan: no order array for them.
        return new CompactMap<>(keys, values, numbers, inOrder || n <= SCAN ? null : sortedOrder(keys));
    }

    /** Positions of {@code keys} in key order, by a primitive sort of (key rank, position) pairs. */
    private static int[] sortedOrder(String[] keys) {
        int n = keys.length;
        String[] byKey = keys.clone();
        Arrays.sort(byKey);
        long[] packed = new long[n];
        for (int k = 0; k < n; k++) {
            packed[k] = ((long) Arrays.binarySearch(byKey, keys[k]) << 32) | k;
        }
        Arrays.sort(packed);
        int[] sorted = new int[n];
        for (int k = 0; k < n; k++) {
            sorted[k] = (int) packed[k];
        }
        return sorted;
    }

    @SuppressWarnings("unchecked")
    private V value(int i) {
        return values == null ? (V) Double.valueOf(numbers[i]) : (V) values[i];
    }

    private int indexOf(Object key) {
        if (!(key instanceof String s)) {
            return -1;
        }
        if (sorted == null && keys.length <= SCAN) {
            for (int i = 0; i < keys.length; i++) {
                if (keys[i].equals(s)) {
                    return i;
                }
            }
            return -1;
        }
        int lo = 0;
        int hi = keys.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int at = sorted == null ? mid : sorted[mid];
            int c = keys[at].compareTo(s);
            if (c < 0) {
                lo = mid + 1;
            } else if (c > 0) {
                hi = mid - 1;
            } else {
                return at;
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
    public V get(Object key) {
        int i = indexOf(key);
        return i < 0 ? null : value(i);
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super V> action) {
        for (int i = 0; i < keys.length; i++) {
            action.accept(keys[i], value(i));
        }
    }

    /** A new view each call: {@link AbstractMap} would keep one in every map, and there is a map per site and input kind. */
    @Override
    public Set<String> keySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return keys.length;
            }

            @Override
            public boolean contains(Object key) {
                return indexOf(key) >= 0;
            }

            @Override
            public Iterator<String> iterator() {
                return Arrays.asList(keys).iterator();
            }
        };
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
                    public Map.Entry<String, V> next() {
                        if (i >= keys.length) {
                            throw new NoSuchElementException();
                        }
                        Map.Entry<String, V> e = new AbstractMap.SimpleImmutableEntry<>(keys[i], value(i));
                        i++;
                        return e;
                    }
                };
            }
        };
    }
}
