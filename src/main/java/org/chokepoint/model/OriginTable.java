package org.chokepoint.model;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The origins of one kind of element, by index. Elements added one at a time keep their origin
 * object; a batch (a CSV table of a million links) supplies a function that makes the origin of
 * its i-th element only when a problem needs it, so no object per element stays alive.
 */
final class OriginTable {

    private final List<Integer> starts = new ArrayList<>();
    private final List<IntFunction<Origin>> segments = new ArrayList<>();
    private List<Origin> open;
    private int size;

    void add(Origin origin) {
        if (open == null) {
            List<Origin> segment = new ArrayList<>();
            open = segment;
            starts.add(size);
            segments.add(segment::get);
        }
        open.add(origin);
        size++;
    }

    void addBatch(int count, IntFunction<Origin> originOf) {
        starts.add(size);
        segments.add(originOf);
        open = null;
        size += count;
    }

    Origin get(int index) {
        int lo = 0;
        int hi = starts.size() - 1;
        while (lo < hi) { // the last segment starting at or before index
            int mid = (lo + hi + 1) >>> 1;
            if (starts.get(mid) <= index) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return segments.get(lo).apply(index - starts.get(lo));
    }

    int size() {
        return size;
    }
}
