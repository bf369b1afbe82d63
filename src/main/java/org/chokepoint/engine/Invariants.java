package org.chokepoint.engine;

/**
 * Checked mode: after every period, mass balance into every slot (shipped on its links = arrived
 * + in its pipeline), no negative stock, output within capacity. A violation is a bug in the engine.
 */
final class Invariants {

    private Invariants() {}

    static void check(CompiledNetwork n, Parameters p, RunState s, int t) {
        for (int k = 0; k < n.slotCount; k++) {
            if (!(s.stock(k) >= 0)) {
                fail(t, "stock of slot " + k + " (" + n.siteIds[n.slotSite[k]] + "/" + n.itemIds[n.slotItem[k]] + ") is " + s.stock(k));
            }
        }
        for (int site = 0; site < n.siteCount; site++) {
            double cap = n.capacity[site] * s.capacityFactor[site] * p.overproduction();
            if (s.output[site] > cap * (1 + 1e-12) + 1e-12 || !(s.output[site] >= 0)) {
                fail(t, "output of " + n.siteIds[site] + " is " + s.output[site] + ", capacity " + cap);
            }
        }
        for (int k = 0; k < n.slotCount; k++) {
            double inPipe = 0;
            for (int i = 0; i < s.ringSize(k); i++) {
                inPipe += s.pipe[s.ringOffset[k] + i];
            }
            double shipped = 0;
            for (int l = n.inOffsets[k]; l < n.inOffsets[k + 1]; l++) {
                shipped += s.shippedTotal[l];
            }
            for (int l = n.altOffsets[k]; l < n.altOffsets[k + 1]; l++) {
                shipped += s.shippedTotal[l] * n.altPerUnit[l - n.linkCount];
            }
            double expected = shipped - s.arrivedTotal[k];
            if (Math.abs(inPipe - expected) > 1e-9 * Math.max(1, shipped)) {
                fail(t, "slot " + k + " (" + n.siteIds[n.slotSite[k]] + "/" + n.itemIds[n.slotItem[k]] + "): shipped " + shipped
                        + ", arrived " + s.arrivedTotal[k] + ", but " + inPipe + " in the pipeline");
            }
        }
    }

    private static void fail(int t, String what) {
        throw new IllegalStateException("invariant broken in period " + t + ": " + what);
    }
}
