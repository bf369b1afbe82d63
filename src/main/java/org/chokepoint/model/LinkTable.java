package org.chokepoint.model;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;

/**
 * Supply links kept column by column: one array per field, no object per link. A {@link
 * SupplyLink} record made on each read stands for a row; the escape analysis of the JIT removes
 * most of those in loops. On networks of millions of links the records themselves (48 bytes each
 * and a reference) were the model's largest part; the columns take 32 bytes a link, 24 where no
 * link has a markup.
 *
 * <p>Grows like an {@link java.util.ArrayList}. Once it stops growing, reads and {@link
 * #item(int, String)} of distinct rows may run on different threads; {@link #set} may not (a first
 * markup allocates its column).
 */
final class LinkTable extends AbstractList<SupplyLink> implements RandomAccess {

    private String[] from;
    private String[] to;
    private String[] item;
    private double[] share;
    private Duration[] lead;
    /** {@code null} while every markup is zero. */
    private double[] markup;
    private int size;

    LinkTable(int capacity) {
        from = new String[capacity];
        to = new String[capacity];
        item = new String[capacity];
        share = new double[capacity];
        lead = new Duration[capacity];
    }

    LinkTable() {
        this(16);
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public SupplyLink get(int i) {
        check(i);
        return new SupplyLink(from[i], to[i], item[i], share[i], lead[i], markup == null ? 0 : markup[i]);
    }

    // Fields of row i without making its record (a record checks its ids on every construction).

    String from(int i) {
        check(i);
        return from[i];
    }

    String to(int i) {
        check(i);
        return to[i];
    }

    String item(int i) {
        check(i);
        return item[i];
    }

    /** Sets row i's item (rows of distinct i may be set from different threads). */
    void item(int i, String newItem) {
        check(i);
        item[i] = newItem;
    }

    double share(int i) {
        check(i);
        return share[i];
    }

    Duration lead(int i) {
        check(i);
        return lead[i];
    }

    double markup(int i) {
        check(i);
        return markup == null ? 0 : markup[i];
    }

    @Override
    public boolean add(SupplyLink l) {
        add(l.from(), l.to(), l.item(), l.share(), l.leadTime(), l.markup());
        return true;
    }

    /** Adds a row of fields a {@link SupplyLink} has checked already (they are not checked again). */
    void add(String rowFrom, String rowTo, String rowItem, double rowShare, Duration rowLead, double rowMarkup) {
        if (size == from.length) {
            grow(size + 1);
        }
        size++;
        put(size - 1, rowFrom, rowTo, rowItem, rowShare, rowLead, rowMarkup);
        modCount++;
    }

    @Override
    public boolean addAll(java.util.Collection<? extends SupplyLink> links) {
        if (size + links.size() > from.length) {
            grow(size + links.size());
        }
        for (SupplyLink l : links) {
            add(l);
        }
        return !links.isEmpty();
    }

    @Override
    public SupplyLink set(int i, SupplyLink l) {
        SupplyLink old = get(i);
        put(i, l);
        return old;
    }

    private void put(int i, SupplyLink l) {
        put(i, l.from(), l.to(), l.item(), l.share(), l.leadTime(), l.markup());
    }

    private void put(int i, String rowFrom, String rowTo, String rowItem, double rowShare, Duration rowLead, double m) {
        from[i] = rowFrom;
        to[i] = rowTo;
        item[i] = rowItem;
        share[i] = rowShare;
        lead[i] = rowLead;
        if (m != 0 && markup == null) {
            markup = new double[from.length];
        }
        if (markup != null) {
            markup[i] = m;
        }
    }

    private void grow(int least) {
        int capacity = Math.max(least, from.length + (from.length >> 1) + 1);
        from = Arrays.copyOf(from, capacity);
        to = Arrays.copyOf(to, capacity);
        item = Arrays.copyOf(item, capacity);
        share = Arrays.copyOf(share, capacity);
        lead = Arrays.copyOf(lead, capacity);
        if (markup != null) {
            markup = Arrays.copyOf(markup, capacity);
        }
    }

    private void check(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("link " + i + " of " + size);
        }
    }
}
