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
        for (int l = 0; l < links; l++) {
            double inPipe = 0;
            for (int i = 0; i < s.ringSize(l); i++) {
                inPipe += s.pipe[s.ringOffset[l] + i];
            }
            double expected = s.shippedTotal[l] - s.arrivedTotal[l];
            if (Math.abs(inPipe - expected) > 1e-9 * Math.max(1, s.shippedTotal[l])) {
                fail(t, "link " + l + ": shipped " + s.shippedTotal[l] + ", arrived " + s.arrivedTotal[l]
                        + ", but " + inPipe + " in the pipeline");
            }
        }
    }

    private static void fail(int t, String what) {
        throw new IllegalStateException("invariant broken in period " + t + ": " + what);
    }
}
