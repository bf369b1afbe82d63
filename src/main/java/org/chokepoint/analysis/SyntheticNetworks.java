package org.chokepoint.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.chokepoint.model.Alternate;
import org.chokepoint.model.Demand;
import org.chokepoint.model.Duration;
import org.chokepoint.model.Firm;
import org.chokepoint.model.Item;
import org.chokepoint.model.Network;
import org.chokepoint.model.NetworkBuilder;
import org.chokepoint.model.Origin;
import org.chokepoint.model.Site;
import org.chokepoint.model.SupplyLink;

/**
 * Generates layered supply networks of a requested size for tests, benchmarks and method studies.
 *
 * <p>Four tiers (raw materials, components, sub-assemblies, end products; 20/35/30/15% of the
 * sites). Items are made by about three sites each. Every site above the raw tier draws inputs
 * from the tier below, each input from up to three of its makers with random shares that add up
 * to 1, until the site's share of the requested links is used. Capacities are 1.5–2.5 times the
 * output the end demand needs through the recipes and shares, so an undisturbed run has spare
 * capacity; one site in ten above the raw tier has an alternate for its first input. The same
 * seed gives the same network.
 */
public final class SyntheticNetworks {

    private static final String[] COUNTRIES = {"US", "CN", "TW", "KR", "JP", "DE", "NL", "MY", "VN", "MX"};
    private static final double[] TIER_SHARE = {0.20, 0.35, 0.30, 0.15};
    private static final int MAKERS_PER_ITEM = 3;

    private SyntheticNetworks() {}

    public static Network generate(int sites, int links, long seed) {
        return generate(sites, links, RandomSource.XO_RO_SHI_RO_128_PP.create(seed));
    }

    public static Network generate(int sites, int links, UniformRandomProvider rng) {
        if (sites < 8) {
            throw new IllegalArgumentException("a synthetic network needs at least 8 sites (" + sites + ")");
        }
        if (links < 0) {
            throw new IllegalArgumentException("links must not be negative (" + links + ")");
        }
        // Tier sizes.
        int[] tierSize = new int[4];
        int assigned = 0;
        for (int t = 0; t < 3; t++) {
            tierSize[t] = Math.max(2, (int) Math.round(sites * TIER_SHARE[t]));
            assigned += tierSize[t];
        }
        tierSize[3] = sites - assigned;
        int[] tierStart = new int[5];
        for (int t = 0; t < 4; t++) {
            tierStart[t + 1] = tierStart[t] + tierSize[t];
        }
        // Items: about MAKERS_PER_ITEM sites each; itemOf[site], makers[item].
        int[] itemOf = new int[sites];
        List<int[]> tierItems = new ArrayList<>();
        List<List<Integer>> makers = new ArrayList<>();
        int itemCount = 0;
        for (int t = 0; t < 4; t++) {
            int n = Math.max(1, (tierSize[t] + MAKERS_PER_ITEM - 1) / MAKERS_PER_ITEM);
            int[] ids = new int[n];
            for (int k = 0; k < n; k++) {
                ids[k] = itemCount++;
                makers.add(new ArrayList<>());
            }
            tierItems.add(ids);
            for (int s = tierStart[t]; s < tierStart[t + 1]; s++) {
                int item = ids[(s - tierStart[t]) % n];
                itemOf[s] = item;
                makers.get(item).add(s);
            }
        }
        int firms = Math.max(1, sites / 5);
        int width = Integer.toString(sites - 1).length();

        // Recipes and links, site by site above the raw tier.
        int nonRaw = sites - tierSize[0];
        List<Map<Integer, Double>> recipes = new ArrayList<>();
        for (int s = 0; s < sites; s++) {
            recipes.add(new LinkedHashMap<>());
        }
        // Links column by column (supplier, customer, item, lead time, share): a network of ten
        // million links is made in a small part of its own size.
        int[] linkFrom = new int[links];
        int[] linkTo = new int[links];
        int[] linkItem = new int[links];
        int[] linkLead = new int[links];
        double[] linkShare = new double[links];
        int made = 0;
        for (int s = tierStart[1]; s < sites; s++) {
            int tier = tierOf(s, tierStart);
            int budget = (int) ((long) links * (s - tierStart[1] + 1) / nonRaw) - made;
            int[] below = tierItems.get(tier - 1);
            int tries = 0;
            while (budget > 0 && tries++ < below.length) {
                int input = below[rng.nextInt(below.length)];
                if (recipes.get(s).containsKey(input)) {
                    continue;
                }
                List<Integer> ms = makers.get(input);
                int k = Math.min(Math.min(MAKERS_PER_ITEM, ms.size()), budget);
                recipes.get(s).put(input, (double) (1 + rng.nextInt(3)));
                double[] w = new double[k];
                double sum = 0;
                for (int j = 0; j < k; j++) {
                    w[j] = 0.5 + rng.nextDouble();
                    sum += w[j];
                }
                int first = rng.nextInt(ms.size());
                for (int j = 0; j < k; j++) {
                    linkFrom[made + j] = ms.get((first + j) % ms.size());
                    linkTo[made + j] = s;
                    linkItem[made + j] = input;
                    linkLead[made + j] = 1 + rng.nextInt(8);
                    linkShare[made + j] = j == k - 1 ? 1 - partial(w, sum, k - 1) : w[j] / sum;
                }
                made += k;
                budget -= k;
            }
        }

        // Demand on end sites, then the output each site needs, top tier down.
        double[] need = new double[sites];
        double[] demandQty = new double[sites];
        for (int s = tierStart[3]; s < sites; s++) {
            demandQty[s] = 10 + rng.nextInt(91);
            need[s] = demandQty[s];
        }
        // Links were made customer by customer in ascending order, so walk them backwards.
        for (int i = made - 1; i >= 0; i--) {
            need[linkFrom[i]] += need[linkTo[i]] * recipes.get(linkTo[i]).get(linkItem[i]) * linkShare[i];
        }
        // Every id made once: the builder keeps these instances.
        String[] siteIds = ids("s", sites, width);
        String[] itemIds = ids("i", itemCount, width);
        String[] firmIds = ids("f", firms, width);

        NetworkBuilder b = new NetworkBuilder();
        // Values tier by tier (inputs come from the tier below, so they are known): the drawn value,
        // raised where needed so that every maker's recipe costs at most 80% of it (positive value added).
        double[] values = new double[itemCount];
        for (int it = 0; it < itemCount; it++) {
            int tier = tierOf(makers.get(it).get(0), tierStart);
            Item.Category cat = Item.Category.values()[tier];
            double value = Math.round(Math.pow(8, tier) * (5 + rng.nextInt(20)));
            for (int s : makers.get(it)) {
                double cost = 0;
                for (Map.Entry<Integer, Double> in : recipes.get(s).entrySet()) {
                    cost += in.getValue() * values[in.getKey()];
                }
                value = Math.max(value, Math.ceil(1.25 * cost));
            }
            values[it] = value;
            String eccn = rng.nextInt(4) == 0 ? "3A090" : "EAR99";
            b.item(new Item(itemIds[it], null, value, eccn, cat, null, null));
        }
        for (int f = 0; f < firms; f++) {
            b.firm(Firm.of(firmIds[f], COUNTRIES[rng.nextInt(COUNTRIES.length)]));
        }
        for (int s = 0; s < sites; s++) {
            Map<String, Double> recipe = new LinkedHashMap<>();
            Map<String, Duration> stock = new LinkedHashMap<>();
            for (Map.Entry<Integer, Double> in : recipes.get(s).entrySet()) {
                recipe.put(itemIds[in.getKey()], in.getValue());
                stock.put(itemIds[in.getKey()], Duration.periods(2 + rng.nextInt(6)));
            }
            double capacity = need[s] > 0 ? Math.ceil(need[s] * (1.5 + rng.nextDouble())) : 100;
            String firm = firmIds[s % firms];
            b.site(new Site(siteIds[s], firm, itemIds[itemOf[s]], null, capacity, recipe, stock, Double.NaN, List.of()));
        }
        Duration[] leads = new Duration[9];
        for (int d = 1; d < leads.length; d++) {
            leads[d] = Duration.periods(d);
        }
        int linkCount = made;
        // One batch, its origins made only if a problem names one: no object per link stays alive.
        b.links(new java.util.AbstractList<SupplyLink>() {
            @Override
            public SupplyLink get(int i) {
                return new SupplyLink(siteIds[linkFrom[i]], siteIds[linkTo[i]], itemIds[linkItem[i]], linkShare[i], leads[linkLead[i]], 0);
            }

            @Override
            public int size() {
                return linkCount;
            }
        }, i -> Origin.of("links[" + i + "]"));
        for (int s = tierStart[1]; s < sites; s += 10) {
            if (recipes.get(s).isEmpty()) {
                continue;
            }
            int input = recipes.get(s).keySet().iterator().next();
            int tier = tierOf(s, tierStart);
            int[] sameTier = tierItems.get(tier - 1);
            int substitute = sameTier[rng.nextInt(sameTier.length)];
            int from = makers.get(substitute).get(0);
            b.alternate(new Alternate(siteIds[s], itemIds[input], siteIds[from],
                    substitute == input ? null : itemIds[substitute], 1 + rng.nextInt(3) * 0.25,
                    Duration.periods(4 + rng.nextInt(9)), Duration.periods(2 + rng.nextInt(7)), 0.5, 0.1 + 0.05 * rng.nextInt(5)));
        }
        for (int s = tierStart[3]; s < sites; s++) {
            b.demand(Demand.of(itemIds[itemOf[s]], COUNTRIES[rng.nextInt(COUNTRIES.length)], siteIds[s], demandQty[s]));
        }
        return b.build();
    }

    private static double partial(double[] w, double sum, int n) {
        double p = 0;
        for (int j = 0; j < n; j++) {
            p += w[j] / sum;
        }
        return p;
    }

    private static int tierOf(int site, int[] tierStart) {
        int t = 0;
        while (site >= tierStart[t + 1]) {
            t++;
        }
        return t;
    }

    private static String[] ids(String prefix, int count, int width) {
        String[] ids = new String[count];
        for (int i = 0; i < count; i++) {
            ids[i] = prefix + pad(i, width);
        }
        return ids;
    }

    private static String pad(int i, int width) {
        String s = Integer.toString(i);
        return "0".repeat(Math.max(0, width - s.length())) + s;
    }
}
