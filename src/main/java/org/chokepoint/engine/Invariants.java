package org.chokepoint.engine;

/**
 * Checked mode: after every period, mass balance on every link (shipped = arrived + in the
 * pipeline), no negative stock, output within capacity. A violation is a bug in the engine.
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
        int links = n.linkCount + n.altCount;
        // Mass balance per slot: what its links shipped (in its units) = what arrived + what is on the way.
        double[] shipped = new double[n.slotCount];
        for (int l = 0; l < links; l++) {
            shipped[n.linkSlot[l]] += s.shippedTotal[l] * n.linkPerUnit[l];
        }
        for (int k = 0; k < n.slotCount; k++) {
            double onTheWay = 0;
            for (int i = s.ringOffset[k]; i < s.ringOffset[k + 1]; i++) {
                onTheWay += s.arrive[i];
            }
            double expected = shipped[k] - s.arrivedTotal[k];
            if (Math.abs(onTheWay - expected) > 1e-9 * Math.max(1, shipped[k])) {
                fail(t, "slot " + k + ": shipped " + shipped[k] + ", arrived " + s.arrivedTotal[k] + ", but " + onTheWay
                        + " on the way");
            }
        }
    }

    private static void fail(int t, String what) {
        throw new IllegalStateException("invariant broken in period " + t + ": " + what);
    }
}
