package org.chokepoint.bench;

import org.chokepoint.engine.CompiledNetwork;
import org.chokepoint.model.Network;
import org.chokepoint.model.SupplyLink;

/**
 * The yardstick of the engine benchmarks: a network's links as a plain CSR matrix by customer
 * ({@code y[customer] += share · x[supplier]}), and one sparse matrix–vector product over them.
 */
final class CsrMatrix {

    final int[] offsets;
    final int[] columns;
    final double[] values;

    CsrMatrix(Network n, CompiledNetwork c) {
        int sites = c.siteCount();
        offsets = new int[sites + 1];
        for (SupplyLink l : n.links()) {
            offsets[c.site(l.to()) + 1]++;
        }
        for (int s = 0; s < sites; s++) {
            offsets[s + 1] += offsets[s];
        }
        columns = new int[n.links().size()];
        values = new double[n.links().size()];
        int[] fill = java.util.Arrays.copyOf(offsets, sites);
        for (SupplyLink l : n.links()) {
            int at = fill[c.site(l.to())]++;
            columns[at] = c.site(l.from());
            values[at] = l.share();
        }
    }

    /** {@code out = A in}. */
    double[] multiply(double[] in, double[] out) {
        final int[] off = offsets;
        final int[] col = columns;
        final double[] val = values;
        for (int i = 0; i < out.length; i++) {
            double sum = 0;
            for (int j = off[i]; j < off[i + 1]; j++) {
                sum += val[j] * in[col[j]];
            }
            out[i] = sum;
        }
        return out;
    }
}
