package org.chokepoint.policy;

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
 */
final class ContentRollup {

    private final Map<String, Double> valuePerUnit = new HashMap<>();
    private final Network network;

    ContentRollup(Network network, String origin, Predicate<Item> controlled) {
        this.network = network;
        Map<String, List<SupplyLink>> into = new HashMap<>();
        for (SupplyLink l : network.links()) {
            into.computeIfAbsent(l.to(), k -> new java.util.ArrayList<>()).add(l);
        }
        Map<String, Double> shareTotal = new HashMap<>();
        for (SupplyLink l : network.links()) {
            shareTotal.merge(l.to() + "/" + l.item(), l.share(), Double::sum);
        }
        network.sites().forEach(s -> valuePerUnit.put(s.id(), 0.0));
        for (int round = 0; round < 10_000; round++) {
            double change = 0;
            Map<String, Double> next = new HashMap<>();
            for (Site s : network.sites()) {
                double v = 0;
                for (SupplyLink l : into.getOrDefault(s.id(), List.of())) {
                    Site from = network.site(l.from());
                    double total = shareTotal.get(l.to() + "/" + l.item());
                    double w = total > 0 ? l.share() / total : 0;
                    double input = origin.equals(from.location()) && controlled.test(network.item(l.item()))
                            ? network.price(from)
                            : valuePerUnit.get(from.id());
                    v += s.recipe().get(l.item()) * w * input;
                }
                next.put(s.id(), v);
                change = Math.max(change, Math.abs(v - valuePerUnit.get(s.id())));
            }
            valuePerUnit.putAll(next);
            if (change < 1e-12) {
                break;
            }
        }
    }

    /** Controlled content per unit of what the site makes, in USD. */
    double value(String site) {
        return valuePerUnit.get(site);
    }

    /** Controlled content as a share of the site's price. */
    double share(String site) {
        double price = network.price(network.site(site));
        return price > 0 ? Math.min(1, valuePerUnit.get(site) / price) : 0;
    }
}
