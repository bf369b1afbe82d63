package org.chokepoint.bench;

import org.chokepoint.engine.CompiledNetwork;

/**
 * The engine's floor: the least any period of this model has to do, on a compiled network's links
 * in the engine's order, with nothing else. A site pass turns each site's summed orders into the
 * fraction it ships; a link pass, slot by slot, puts each link's shipment (order × the supplier's
 * fraction, a gather) into the slot's pipeline ring at its lead time, takes the slot's arrival out,
 * sets the slot's need from its stock, and places the order on each link, adding it to the
 * supplier's sum (a scatter). No prices, policy, rationing rules, alternates, books, records or
 * checks. What it costs against a CSR pass bounds what any engine doing this per link can reach.
 *
 * <p>{@link #perSlot} keeps the state per slot, as a per-slot fast path would: no order stored per
 * link (a link's order is the slot's last need times its share), suppliers' order sums scattered
 * from the customers' side or gathered over each supplier's out-links.
 */
final class LeastPeriod {

    final int[] slotLinks;
    final int[] from;
    final int[] lead;
    final int[] ring;
    final double[] share;
    final double[] capacity;
    final double[] pipe;
    final double[] order;
    final double[] stock;
    final double[] fraction;
    final double[] ordersIn;
    final int[] mod;
    final double[] pipe0;
    final double[] order0;
    final double[] stock0;
    final double[] ordersIn0;
    // per slot: a slot's need instead of an order per link; links by supplier for the gather
    final double[] need;
    final double[] need0;
    final int[] outLinks;
    final int[] outSlot;
    final double[] outShare;

    LeastPeriod(CompiledNetwork c) {
        int links = c.linkCount();
        int slots = c.slotCount();
        int sites = c.siteCount();
        slotLinks = new int[slots + 1];
        from = new int[links];
        lead = new int[links];
        ring = new int[slots + 1];
        share = new double[links];
        order = new double[links];
        int[] ringSize = new int[slots];
        java.util.Arrays.fill(ringSize, 1);
        int[] slotOf = new int[links];
        for (int l = 0; l < links; l++) {
            slotOf[l] = c.linkSlot(l);
            slotLinks[slotOf[l] + 1]++;
            from[l] = c.linkFrom(l);
            lead[l] = Math.max(1, c.linkLead(l));
            share[l] = c.linkShare(l);
            order[l] = c.baseFlow(l);
            ringSize[slotOf[l]] = Math.max(ringSize[slotOf[l]], lead[l]);
        }
        int longest = 1;
        for (int k = 0; k < slots; k++) {
            slotLinks[k + 1] += slotLinks[k];
            ring[k + 1] = ring[k] + ringSize[k];
            longest = Math.max(longest, ringSize[k]);
        }
        capacity = new double[sites];
        for (int s = 0; s < sites; s++) {
            capacity[s] = c.capacity(s);
        }
        pipe = new double[ring[slots]];
        stock = new double[slots];
        fraction = new double[sites];
        ordersIn = new double[sites];
        mod = new int[longest + 1];
        // Start as the engine does: in the Leontief equilibrium, pipelines full, two periods of stock.
        for (int l = 0; l < links; l++) {
            int k = slotOf[l];
            for (int i = 0; i < lead[l]; i++) {
                pipe[ring[k] + i] += order[l];
            }
            stock[k] += 2 * order[l];
            ordersIn[from[l]] += order[l];
        }
        // last period's need, so that need x share is each link's order (as in the Leontief start)
        need = new double[slots];
        for (int l = 0; l < links; l++) {
            if (share[l] > 0) {
                need[slotOf[l]] = order[l] / share[l];
            }
        }
        outLinks = new int[sites + 1];
        for (int l = 0; l < links; l++) {
            outLinks[from[l] + 1]++;
        }
        for (int i = 0; i < sites; i++) {
            outLinks[i + 1] += outLinks[i];
        }
        outSlot = new int[links];
        outShare = new double[links];
        int[] fill = outLinks.clone();
        for (int l = 0; l < links; l++) {
            int at = fill[from[l]]++;
            outSlot[at] = slotOf[l];
            outShare[at] = share[l];
        }
        need0 = need.clone();
        pipe0 = pipe.clone();
        order0 = order.clone();
        stock0 = stock.clone();
        ordersIn0 = ordersIn.clone();
    }

    /** A fresh run of {@code periods} periods, state reset first as the engine resets its own. */
    double[] run(int periods) {
        final int[] sl = slotLinks;
        final int[] fr = from;
        final int[] ld = lead;
        final int[] rg = ring;
        final double[] sh = share;
        final double[] pp = pipe;
        final double[] od = order;
        final double[] st = stock;
        final double[] fc = fraction;
        final double[] in = ordersIn;
        final int[] md = mod;
        reset(false);
        for (int t = 0; t < periods; t++) {
            sitePass(t);
            for (int k = 0; k < st.length; k++) {
                final int at = rg[k];
                final int size = rg[k + 1] - at;
                final int now = md[size];
                double arrived = pp[at + now];
                pp[at + now] = 0;
                double sent = 0;
                for (int l = sl[k]; l < sl[k + 1]; l++) {
                    double q = od[l] * fc[fr[l]];
                    int cell = now + ld[l];
                    pp[at + (cell >= size ? cell - size : cell)] += q;
                    sent += q;
                }
                double level = st[k] + arrived;
                double need = Math.max(0, sent + 0.5 * (sent - level));
                st[k] = Math.max(0, level - sent);
                for (int l = sl[k]; l < sl[k + 1]; l++) {
                    double q = need * sh[l];
                    od[l] = q;
                    in[fr[l]] += q;
                }
            }
        }
        return st;
    }

    /** The same with the state per slot; suppliers' order sums gathered after the slots' pass if {@code gather}, else scattered. */
    double[] perSlot(int periods, boolean gather) {
        final int[] sl = slotLinks;
        final int[] fr = from;
        final int[] ld = lead;
        final int[] rg = ring;
        final double[] sh = share;
        final double[] pp = pipe;
        final double[] st = stock;
        final double[] fc = fraction;
        final double[] in = ordersIn;
        final double[] nd = need;
        final int[] md = mod;
        final int[] ol = outLinks;
        final int[] os = outSlot;
        final double[] osh = outShare;
        reset(true);
        for (int t = 0; t < periods; t++) {
            sitePass(t);
            for (int k = 0; k < st.length; k++) {
                final int at = rg[k];
                final int size = rg[k + 1] - at;
                final int now = md[size];
                double arrived = pp[at + now];
                pp[at + now] = 0;
                double sent = 0;
                final double last = nd[k];
                for (int l = sl[k]; l < sl[k + 1]; l++) {
                    double q = last * sh[l] * fc[fr[l]];
                    int cell = now + ld[l];
                    pp[at + (cell >= size ? cell - size : cell)] += q;
                    sent += q;
                }
                double level = st[k] + arrived;
                double next = Math.max(0, sent + 0.5 * (sent - level));
                st[k] = Math.max(0, level - sent);
                nd[k] = next;
                if (!gather) {
                    for (int l = sl[k]; l < sl[k + 1]; l++) {
                        in[fr[l]] += next * sh[l];
                    }
                }
            }
            if (gather) {
                for (int s = 0; s < in.length; s++) {
                    double sum = 0;
                    for (int i = ol[s]; i < ol[s + 1]; i++) {
                        sum += nd[os[i]] * osh[i];
                    }
                    in[s] = sum;
                }
            }
        }
        return st;
    }

    /** A fresh run: pipelines, orders (per link, or per slot as needs), stocks and order sums as at the start. */
    private void reset(boolean perSlot) {
        System.arraycopy(pipe0, 0, pipe, 0, pipe.length);
        if (perSlot) {
            System.arraycopy(need0, 0, need, 0, need.length);
        } else {
            System.arraycopy(order0, 0, order, 0, order.length);
        }
        System.arraycopy(stock0, 0, stock, 0, stock.length);
        System.arraycopy(ordersIn0, 0, ordersIn, 0, ordersIn.length);
    }

    /** The ring cells of period t, and each site's shipped fraction from its summed orders (reset for the link pass). */
    private void sitePass(int t) {
        final int[] md = mod;
        final double[] fc = fraction;
        final double[] in = ordersIn;
        for (int size = 1; size < md.length; size++) {
            md[size] = t % size;
        }
        for (int s = 0; s < fc.length; s++) {
            double orders = in[s];
            in[s] = 0;
            fc[s] = orders > capacity[s] ? capacity[s] / orders : 1;
        }
    }
}
