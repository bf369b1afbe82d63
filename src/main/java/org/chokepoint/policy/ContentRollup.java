package org.chokepoint.policy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.chokepoint.model.Item;
import org.chokepoint.model.Network;
import org.chokepoint.model.Site;
import org.chokepoint.model.SupplyLink;

/**
 * Controlled content by value, rolled up through recipes and supply shares: for each site, the
 * value per unit of output of inputs that originate in one country and meet a test (e.g. US-origin
 * items that need a license to China), counting such an input at its full price and looking inside
 * any other input for its own content. Loops converge to a fixpoint. This is the de minimis
 * calculation on a costed bill of materials (15 CFR 734.4), and China's 2025 rare-earth
 * foreign-content rule works the same way.
 *
 * <p>The network's shape is compiled once ({@link Shape}); each rollup is then a sweep over
 * primitive arrays in supplier-first order, repeated only where links form loops.
 */
final class ContentRollup {

    /** The links into each site as arrays, in an order that visits suppliers before customers where it can. */
    static final class Shape {
        final Network network;
        final Map<String, Integer> siteIndex = new HashMap<>();
        final String[] location;
        final double[] price;
        final int[] order;
        final int[] start;
        final int[] from;
        final int[] item;
        final double[] weight;
        final List<Item> items;

        Shape(Network network) {
            this.network = network;
            List<Site> sites = network.sites();
            int n = sites.size();
            location = new String[n];
            price = new double[n];
            for (int s = 0; s < n; s++) {
                siteIndex.put(sites.get(s).id(), s);
                location[s] = sites.get(s).location();
                price[s] = network.price(sites.get(s));
            }
            items = network.items();
            Map<String, Integer> itemIndex = new HashMap<>();
            for (int i = 0; i < items.size(); i++) {
                itemIndex.put(items.get(i).id(), i);
            }
            Map<String, Double> shareTotal = new HashMap<>();
            List<List<SupplyLink>> into = new ArrayList<>();
            for (int s = 0; s < n; s++) {
                into.add(new ArrayList<>());
            }
            for (SupplyLink l : network.links()) {
                shareTotal.merge(l.to() + "/" + l.item(), l.share(), Double::sum);
                into.get(siteIndex.get(l.to())).add(l);
            }
            start = new int[n + 1];
            int links = network.links().size();
            from = new int[links];
            item = new int[links];
            weight = new double[links];
            int k = 0;
            for (int s = 0; s < n; s++) {
                start[s] = k;
                Site site = sites.get(s);
                for (SupplyLink l : into.get(s)) {
                    double total = shareTotal.get(l.to() + "/" + l.item());
                    from[k] = siteIndex.get(l.from());
                    item[k] = itemIndex.get(l.item());
                    weight[k] = site.recipe().get(l.item()) * (total > 0 ? l.share() / total : 0);
                    k++;
                }
            }
            start[n] = k;
            order = supplierFirst(n);
        }

        /** Sites in depth-first post-order over their suppliers: in a network without loops, every supplier before its customers. */
        private int[] supplierFirst(int n) {
            int[] out = new int[n];
            boolean[] seen = new boolean[n];
            int[] stack = new int[n];
            int[] next = new int[n];
            int k = 0;
            for (int root = 0; root < n; root++) {
                if (seen[root]) {
                    continue;
                }
                int top = 0;
                stack[top] = root;
                seen[root] = true;
                next[root] = start[root];
                while (top >= 0) {
                    int s = stack[top];
                    if (next[s] < start[s + 1]) {
                        int f = from[next[s]++];
                        if (!seen[f]) {
                            seen[f] = true;
                            next[f] = start[f];
                            stack[++top] = f;
                        }
                    } else {
                        out[k++] = s;
                        top--;
                    }
                }
            }
            return out;
        }
    }

    private final Shape shape;
    private final double[] valuePerUnit;

    ContentRollup(Network network, String origin, Predicate<Item> controlled) {
        this(new Shape(network), origin, controlled);
    }

    ContentRollup(Shape shape, String origin, Predicate<Item> controlled) {
        this.shape = shape;
        boolean[] counts = new boolean[shape.items.size()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = controlled.test(shape.items.get(i));
        }
        int n = shape.location.length;
        boolean[] fromOrigin = new boolean[n];
        for (int s = 0; s < n; s++) {
            fromOrigin[s] = origin.equals(shape.location[s]);
        }
        double[] v = new double[n];
        for (int round = 0; round < 10_000; round++) {
            double change = 0;
            for (int s : shape.order) {
                double x = 0;
                for (int k = shape.start[s]; k < shape.start[s + 1]; k++) {
                    int f = shape.from[k];
                    double input = fromOrigin[f] && counts[shape.item[k]] ? shape.price[f] : v[f];
                    x += shape.weight[k] * input;
                }
                change = Math.max(change, Math.abs(x - v[s]));
                v[s] = x;
            }
            if (change < 1e-12) {
                break;
            }
        }
        this.valuePerUnit = v;
    }

    /** Controlled content per unit of what the site makes, in USD. */
    double value(String site) {
        return valuePerUnit[shape.siteIndex.get(site)];
    }

    /** Controlled content as a share of the site's price. */
    double share(String site) {
        int s = shape.siteIndex.get(site);
        double price = shape.price[s];
        return price > 0 ? Math.min(1, valuePerUnit[s] / price) : 0;
    }
}
