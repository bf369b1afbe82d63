package org.chokepoint.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.chokepoint.model.Alternate;
import org.chokepoint.model.Demand;
import org.chokepoint.model.Network;
import org.chokepoint.model.Site;
import org.chokepoint.model.Step;
import org.chokepoint.model.SupplyLink;

/**
 * The dynamics of {@link Simulation} written for clarity, not speed: objects and maps keyed by
 * ids, shipments as a list. It follows the rules as documented, step by step (scarcity prices by
 * item and market, end buyers moving within pools included), and is the yardstick the fast engine
 * is checked against on random networks.
 */
final class ReferenceSimulation {

    /** A restriction as a test states it. kind: link, slot, demand. */
    record Restriction(String kind, String key, int from, int to, double value, int delay, double markup) {}

    record Shipment(String source, int due, double quantity) {}

    private final Network net;
    private final Step step;
    private final double tau;
    private final boolean finalFirst;
    /** Carrying cost per period of license delay. */
    private final double carry;

    // inputs: site -> item -> quantity; sources per (site,item)
    private final Map<String, Map<String, Double>> recipe = new TreeMap<>();
    private final Map<String, List<SupplyLink>> linksInto = new HashMap<>();
    private final Map<String, List<Alternate>> altsInto = new HashMap<>();
    private final Map<String, Double> share = new HashMap<>();
    private final Map<String, Double> baseOutput = new HashMap<>();
    private final List<String> order = new ArrayList<>();
    private final Parameters params;
    private final PriceRule rule;
    /** Item|market to the baseline ratio of orders to what could be offered. */
    private final Map<String, Double> baseRatio = new HashMap<>();
    /** Item|market to the scarcity multiplier. */
    final Map<String, Double> mu = new HashMap<>();
    private final double[] poolShare;
    private final int[] shortRun;
    private final int[] spareRun;

    // state
    final Map<String, Double> stock = new HashMap<>();
    final List<Shipment> pipeline = new ArrayList<>();
    Map<String, Double> orders = new HashMap<>();
    final Map<String, Integer> altStart = new HashMap<>();
    final Map<String, Double> price = new HashMap<>();
    final Map<String, Double> inputPrice = new HashMap<>();
    final Map<String, Double> valueAdded = new HashMap<>();

    // results per period
    final List<Map<String, Double>> output = new ArrayList<>();
    final List<Map<String, Double>> stockSeries = new ArrayList<>();
    final List<double[]> deliveredSeries = new ArrayList<>();
    final List<Map<String, Double>> costSeries = new ArrayList<>();

    ReferenceSimulation(Network net, Step step, Parameters p) {
        this.params = p;
        this.rule = p.prices();
        this.poolShare = new double[net.demand().size()];
        this.shortRun = new int[net.demand().size()];
        this.spareRun = new int[net.demand().size()];
        java.util.Arrays.fill(poolShare, 1);
        this.net = net;
        this.step = step;
        this.tau = p.restorationTime();
        this.finalFirst = p.rationing() == Parameters.Rationing.FINAL_DEMAND_FIRST;
        this.carry = p.carryingCost() * step.days() / 365.0;
        for (Site s : net.sites()) {
            recipe.put(s.id(), new TreeMap<>(s.recipe()));
        }
        for (SupplyLink l : net.links()) {
            linksInto.computeIfAbsent(l.to() + "/" + l.item(), k -> new ArrayList<>()).add(l);
        }
        for (List<SupplyLink> ls : linksInto.values()) {
            ls.sort((a, b) -> a.from().compareTo(b.from()));
            double sum = ls.stream().mapToDouble(SupplyLink::share).sum();
            for (SupplyLink l : ls) {
                share.put(key(l), sum > 0 ? l.share() / sum : 1.0 / ls.size());
            }
        }
        for (Alternate a : net.alternates()) {
            altsInto.computeIfAbsent(a.site() + "/" + a.item(), k -> new ArrayList<>()).add(a);
        }
        computeOrder();
        computeBaseline();
        if (rule != null) {
            computeBaseRatios();
        }
    }

    private String cell(String item, String country) {
        return item + "|" + rule.marketOf(country);
    }

    private String marketOf(String site) {
        return net.site(site).location();
    }

    /** The baseline orders and offers of {@link PriceRule}, from the Leontief flows. */
    private void computeBaseRatios() {
        Map<String, Double> ordered = new HashMap<>();
        Map<String, Double> offered = new HashMap<>();
        for (Site s : net.sites()) {
            for (var in : recipe.get(s.id()).entrySet()) {
                if (!linksInto.getOrDefault(s.id() + "/" + in.getKey(), List.of()).isEmpty()) {
                    ordered.merge(cell(in.getKey(), marketOf(s.id())), in.getValue() * baseOutput.get(s.id()), Double::sum);
                }
            }
        }
        for (Demand d : net.demand()) {
            ordered.merge(cell(d.item(), d.market()), d.quantity(), Double::sum);
        }
        for (Site s : net.sites()) {
            Map<String, Double> byCell = new HashMap<>();
            double total = 0;
            for (SupplyLink l : net.links()) {
                if (l.from().equals(s.id())) {
                    double q = recipe.get(l.to()).get(l.item()) * share.get(key(l)) * baseOutput.get(l.to());
                    byCell.merge(cell(s.makes(), marketOf(l.to())), q, Double::sum);
                    total += q;
                }
            }
            for (Demand d : net.demand()) {
                if (d.site().equals(s.id())) {
                    byCell.merge(cell(s.makes(), d.market()), d.quantity(), Double::sum);
                    total += d.quantity();
                }
            }
            if (total <= 0) {
                continue;
            }
            double possible = s.capacity() * params.overproduction();
            for (String input : recipe.get(s.id()).keySet()) {
                var cover = s.stock().get(input);
                possible = Math.min(possible, baseOutput.get(s.id()) * ((cover == null ? 0 : Math.round(cover.inPeriods(step))) + 1));
            }
            for (var e : byCell.entrySet()) {
                offered.merge(e.getKey(), possible * e.getValue() / total, Double::sum);
            }
        }
        for (var e : ordered.entrySet()) {
            Double off = offered.get(e.getKey());
            if (e.getValue() > 0 && off != null && off > 0) {
                baseRatio.put(e.getKey(), e.getValue() / off);
                mu.put(e.getKey(), 1.0);
            }
        }
    }

    private double muOf(Map<String, Double> m, String item, String country) {
        return rule == null ? 1 : m.getOrDefault(cell(item, country), 1.0);
    }

    static String key(SupplyLink l) {
        return l.from() + "->" + l.to() + "/" + l.item();
    }

    static String key(Alternate a) {
        return "alt:" + a.from() + "->" + a.site() + "/" + a.item();
    }

    int lead(SupplyLink l) {
        return (int) Math.round(l.leadTime().inPeriods(step));
    }

    private void computeOrder() {
        // Kahn's algorithm over zero-lead links, always taking the smallest id available.
        Map<String, Set<String>> after = new HashMap<>();
        Map<String, Integer> before = new TreeMap<>();
        net.sites().forEach(s -> before.put(s.id(), 0));
        for (SupplyLink l : net.links()) {
            if (lead(l) == 0 && !l.from().equals(l.to()) && after.computeIfAbsent(l.from(), k -> new LinkedHashSet<>()).add(l.to())) {
                before.merge(l.to(), 1, Integer::sum);
            }
        }
        TreeSet<String> ready = new TreeSet<>();
        before.forEach((s, c) -> {
            if (c == 0) {
                ready.add(s);
            }
        });
        while (!ready.isEmpty()) {
            String s = ready.pollFirst();
            order.add(s);
            for (String c : after.getOrDefault(s, Set.of())) {
                if (before.merge(c, -1, Integer::sum) == 0) {
                    ready.add(c);
                }
            }
        }
    }

    private void computeBaseline() {
        Map<String, Double> d = new HashMap<>();
        net.sites().forEach(s -> d.put(s.id(), 0.0));
        for (Demand dem : net.demand()) {
            d.merge(dem.site(), dem.quantity(), Double::sum);
        }
        Map<String, Double> x = new HashMap<>(d);
        for (int round = 0; round < 100_000; round++) {
            Map<String, Double> next = new HashMap<>(d);
            for (SupplyLink l : net.links()) {
                next.merge(l.from(), recipe.get(l.to()).get(l.item()) * share.get(key(l)) * x.get(l.to()), Double::sum);
            }
            boolean same = true;
            for (String s : x.keySet()) {
                if (Math.abs(next.get(s) - x.get(s)) > 1e-15 * Math.max(1e-300, Math.abs(next.get(s)))) {
                    same = false;
                }
            }
            x = next;
            if (same) {
                break;
            }
        }
        baseOutput.putAll(x);
    }

    void run(List<Restriction> restrictions, int periods, double initialStockFactor) {
        // equilibrium start
        for (SupplyLink l : net.links()) {
            double q = recipe.get(l.to()).get(l.item()) * share.get(key(l)) * baseOutput.get(l.to());
            orders.put(key(l), q);
            for (int i = 0; i < lead(l); i++) {
                pipeline.add(new Shipment(key(l), i, q));
            }
        }
        for (Site s : net.sites()) {
            for (var in : recipe.get(s.id()).entrySet()) {
                var cover = s.stock().get(in.getKey());
                double c = cover == null ? 0 : cover.inPeriods(step);
                stock.put(s.id() + "/" + in.getKey(), c * in.getValue() * baseOutput.get(s.id()) * initialStockFactor);
                double value = 0;
                double qty = 0;
                for (SupplyLink l : linksInto.getOrDefault(s.id() + "/" + in.getKey(), List.of())) {
                    double flow = in.getValue() * share.get(key(l)) * baseOutput.get(s.id());
                    double w = flow > 0 ? flow : share.get(key(l));
                    value += w * net.price(net.site(l.from())) * (1 + l.markup());
                    qty += w;
                }
                inputPrice.put(s.id() + "/" + in.getKey(), qty > 0 ? value / qty : 0);
            }
        }
        for (Site s : net.sites()) {
            double inputs = 0;
            for (var in : recipe.get(s.id()).entrySet()) {
                inputs += in.getValue() * inputPrice.get(s.id() + "/" + in.getKey());
            }
            valueAdded.put(s.id(), net.price(s) - inputs);
            price.put(s.id(), net.price(s));
        }

        for (int t = 0; t < periods; t++) {
            final int now = t;
            // 1. policy in force now
            Map<String, Double> open = new HashMap<>();
            Map<String, Integer> delay = new HashMap<>();
            Map<String, Double> markup = new HashMap<>();
            Map<String, Double> cover = new HashMap<>();
            Map<String, Double> demandFactor = new HashMap<>();
            Map<String, Double> buyers = new HashMap<>();
            Map<String, Double> sales = new HashMap<>();
            for (Restriction r : restrictions) {
                if (r.from() <= t && t < r.to()) {
                    switch (r.kind()) {
                        case "link" -> {
                            open.merge(r.key(), r.value(), (a, b) -> a * b);
                            delay.merge(r.key(), r.delay(), Math::max);
                            markup.merge(r.key(), r.markup(), Double::sum);
                        }
                        case "slot" -> cover.merge(r.key(), r.value(), (a, b) -> a * b);
                        case "buyers" -> buyers.merge(r.key(), r.value(), (a, b) -> a * b);
                        case "sales" -> sales.merge(r.key(), r.value(), (a, b) -> a * b);
                        default -> demandFactor.merge(r.key(), r.value(), (a, b) -> a * b);
                    }
                }
            }
            // 2. deliveries
            for (var it = pipeline.iterator(); it.hasNext(); ) {
                Shipment sh = it.next();
                if (sh.due() == t) {
                    stock.merge(slotOf(sh.source()), sh.quantity() / factor(sh.source()), Double::sum);
                    it.remove();
                }
            }
            // 3-5. production, allocation, shipping, in order
            Map<String, Double> out = new HashMap<>();
            Map<String, Double> received = new HashMap<>();
            Map<String, Double> shipped = new HashMap<>();
            Map<String, Double> possibleOf = new HashMap<>();
            double[] delivered = new double[net.demand().size()];
            double[] want = new double[net.demand().size()];
            double[] perShare = new double[net.demand().size()];
            double[] buyerOpen = new double[net.demand().size()];
            double[] sellOpen = new double[net.demand().size()];
            for (String s : order) {
                double linkOrders = 0;
                List<String> outKeys = outKeys(s);
                for (String k : outKeys) {
                    linkOrders += orders.getOrDefault(k, 0.0) * open.getOrDefault(k, 1.0);
                }
                double finalOrders = 0;
                for (int j = 0; j < net.demand().size(); j++) {
                    Demand d = net.demand().get(j);
                    if (d.site().equals(s)) {
                        double base = d.quantity() * demandFactor.getOrDefault(Integer.toString(j), 1.0);
                        double dp = net.price(d);
                        if (params.finalDemandElasticity() > 0 && dp > 0) {
                            double paid = (dp + price.get(s) - net.price(net.site(s))) * muOf(mu, d.item(), d.market());
                            base *= Math.pow(Math.max(paid, 1e-12) / dp, -params.finalDemandElasticity());
                        }
                        perShare[j] = base;
                        want[j] = base * poolShare[j];
                        buyerOpen[j] = buyers.getOrDefault(Integer.toString(j), 1.0);
                        sellOpen[j] = sales.getOrDefault(Integer.toString(j), 1.0);
                        finalOrders += want[j] * buyerOpen[j] * sellOpen[j];
                    }
                }
                double all = linkOrders + finalOrders;
                received.put(s, all);
                double x = net.site(s).capacity() * params.overproduction();
                for (var in : recipe.get(s).entrySet()) {
                    x = Math.min(x, stock.get(s + "/" + in.getKey()) / in.getValue());
                }
                x = Math.max(x, 0);
                possibleOf.put(s, x);
                x = Math.min(x, all);
                for (var in : recipe.get(s).entrySet()) {
                    stock.put(s + "/" + in.getKey(), Math.max(0, stock.get(s + "/" + in.getKey()) - x * in.getValue()));
                }
                out.put(s, x);
                double linkFraction;
                double finalFraction;
                if (finalFirst) {
                    double toFinal = Math.min(x, finalOrders);
                    finalFraction = finalOrders > 0 ? toFinal / finalOrders : 0;
                    linkFraction = linkOrders > 0 ? (x - toFinal) / linkOrders : 0;
                } else {
                    linkFraction = all > 0 ? x / all : 0;
                    finalFraction = linkFraction;
                }
                linkFraction = Math.min(1, linkFraction);
                finalFraction = Math.min(1, finalFraction);
                for (int j = 0; j < net.demand().size(); j++) {
                    Demand d = net.demand().get(j);
                    if (d.site().equals(s)) {
                        delivered[j] = want[j] * buyerOpen[j] * sellOpen[j] * finalFraction;
                    }
                }
                for (String k : outKeys) {
                    double q = orders.getOrDefault(k, 0.0) * open.getOrDefault(k, 1.0) * linkFraction;
                    shipped.put(k, q);
                    if (q == 0) {
                        continue;
                    }
                    int due = leadOf(k) + delay.getOrDefault(k, 0);
                    if (due == 0) {
                        stock.merge(slotOf(k), q / factor(k), Double::sum);
                    } else {
                        pipeline.add(new Shipment(k, t + due, q));
                    }
                }
            }
            // 6. prices
            Map<String, Double> last = new HashMap<>(price);
            Map<String, Double> cost = new HashMap<>();
            for (Site s : net.sites()) {
                for (String item : recipe.get(s.id()).keySet()) {
                    String slot = s.id() + "/" + item;
                    double value = 0;
                    double units = 0;
                    for (SupplyLink l : linksInto.getOrDefault(slot, List.of())) {
                        double q = shipped.getOrDefault(key(l), 0.0);
                        value += q * last.get(l.from()) * muOf(mu, l.item(), marketOf(s.id())) * (1 + l.markup() + markup.getOrDefault(key(l), 0.0))
                                * (1 + carry * delay.getOrDefault(key(l), 0));
                        units += q;
                    }
                    for (Alternate a : altsInto.getOrDefault(slot, List.of())) {
                        double q = shipped.getOrDefault(key(a), 0.0);
                        value += q * last.get(a.from()) * muOf(mu, net.site(a.from()).makes(), marketOf(s.id()))
                                * (1 + markup.getOrDefault(key(a), 0.0)) * (1 + a.premium())
                                * (1 + carry * delay.getOrDefault(key(a), 0));
                        units += q / a.factor();
                    }
                    if (units > 1e-12) {
                        inputPrice.put(slot, value / units);
                    }
                }
                double c = valueAdded.get(s.id());
                for (var in : recipe.get(s.id()).entrySet()) {
                    c += in.getValue() * inputPrice.get(s.id() + "/" + in.getKey());
                }
                cost.put(s.id(), c);
                price.put(s.id(), c);
            }
            // 7. orders
            Map<String, Double> next = new HashMap<>();
            Map<String, Double> bids = new HashMap<>();
            for (Site s : net.sites()) {
                for (var in : recipe.get(s.id()).entrySet()) {
                    String slot = s.id() + "/" + in.getKey();
                    double use = in.getValue() * received.get(s.id());
                    var cv = s.stock().get(in.getKey());
                    double target = (cv == null ? 0 : cv.inPeriods(step)) * cover.getOrDefault(slot, 1.0) * use;
                    List<SupplyLink> ls = linksInto.getOrDefault(slot, List.of());
                    double leadBar = 0;
                    for (SupplyLink l : ls) {
                        leadBar += share.get(key(l)) * lead(l);
                    }
                    double transit = 0;
                    for (Shipment sh : pipeline) {
                        if (slotOf(sh.source()).equals(slot)) {
                            transit += sh.quantity() / factor(sh.source());
                        }
                    }
                    double need = Math.max(0, use + (target + use * leadBar - stock.get(slot) - transit) / tau);
                    double blocked = 0;
                    double reroutable = 0;
                    for (SupplyLink l : ls) {
                        double o = open.getOrDefault(key(l), 1.0);
                        blocked += share.get(key(l)) * (1 - o);
                        if (o >= 1 && spare(l.from(), out)) {
                            reroutable += share.get(key(l));
                        }
                    }
                    boolean bidding = !ls.isEmpty() && blocked < 1 - 1e-9;
                    if (bidding) {
                        bids.merge(rule == null ? slot : cell(in.getKey(), marketOf(s.id())), need, Double::sum);
                    }
                    double uncovered = ls.isEmpty() ? 1 : (reroutable > 0 ? 0 : blocked);
                    for (SupplyLink l : ls) {
                        double q = need * share.get(key(l));
                        if (reroutable > 0 && open.getOrDefault(key(l), 1.0) >= 1 && spare(l.from(), out)) {
                            q += need * blocked * share.get(key(l)) / reroutable;
                        }
                        next.put(key(l), q);
                    }
                    for (Alternate a : altsInto.getOrDefault(slot, List.of())) {
                        if (uncovered > 1e-12 && !altStart.containsKey(key(a))) {
                            altStart.put(key(a), now);
                        }
                        double take = Math.min(uncovered, available(a, now));
                        next.put(key(a), need * take * a.factor());
                        if (!bidding && rule != null) {
                            bids.merge(cell(net.site(a.from()).makes(), marketOf(s.id())), need * take * a.factor(), Double::sum);
                        }
                        uncovered -= take * open.getOrDefault(key(a), 1.0); // what policy stops is left to the next alternate
                    }
                }
            }
            orders = next;
            if (rule != null) {
                updatePrices(bids, want, buyerOpen, sellOpen, possibleOf, open(restrictions, t));
            }
            switchPools(want, perShare, delivered, buyerOpen, sellOpen, possibleOf, out);
            output.add(out);
            stockSeries.add(new HashMap<>(stock));
            deliveredSeries.add(delivered);
            costSeries.add(cost);
        }
    }

    /** The open fraction of every link key in force at period t. */
    private Map<String, Double> open(List<Restriction> restrictions, int t) {
        Map<String, Double> open = new HashMap<>();
        for (Restriction r : restrictions) {
            if (r.kind().equals("link") && r.from() <= t && t < r.to()) {
                open.merge(r.key(), r.value(), (a, b) -> a * b);
            }
        }
        return open;
    }

    /** {@link PriceRule}, cell by cell, from this period's bids, end buyers and possible outputs. */
    private void updatePrices(Map<String, Double> bids, double[] want, double[] open, double[] sell, Map<String, Double> possible,
                              Map<String, Double> linkOpen) {
        Map<String, Double> ordered = new HashMap<>(bids);
        for (int j = 0; j < net.demand().size(); j++) {
            Demand d = net.demand().get(j);
            if (open[j] > 0 || d.pool() != null) {
                ordered.merge(cell(d.item(), d.market()), want[j], Double::sum);
            }
        }
        Map<String, Double> offered = new HashMap<>();
        for (Site s : net.sites()) {
            Map<String, Double> byCell = new HashMap<>();
            double total = 0;
            for (SupplyLink l : net.links()) {
                if (l.from().equals(s.id())) {
                    double q = orders.getOrDefault(key(l), 0.0) * linkOpen.getOrDefault(key(l), 1.0);
                    byCell.merge(cell(s.makes(), marketOf(l.to())), q, Double::sum);
                    total += q;
                }
            }
            for (Alternate a : net.alternates()) {
                if (a.from().equals(s.id())) {
                    double q = orders.getOrDefault(key(a), 0.0) * linkOpen.getOrDefault(key(a), 1.0);
                    byCell.merge(cell(s.makes(), marketOf(a.site())), q, Double::sum);
                    total += q;
                }
            }
            for (int j = 0; j < net.demand().size(); j++) {
                Demand d = net.demand().get(j);
                if (d.site().equals(s.id())) {
                    byCell.merge(cell(s.makes(), d.market()), want[j] * open[j] * sell[j], Double::sum);
                    total += want[j] * open[j] * sell[j];
                }
            }
            if (total <= 0) {
                continue;
            }
            for (var e : byCell.entrySet()) {
                offered.merge(e.getKey(), possible.get(s.id()) * e.getValue() / total, Double::sum);
            }
        }
        java.util.Set<String> ends = net.endItems();
        double rate = rule.adjustment() == 0 ? 1 : 1 - Math.exp(-1 / rule.adjustment());
        for (var e : baseRatio.entrySet()) {
            double o = ordered.getOrDefault(e.getKey(), 0.0);
            if (o <= 0) {
                continue;
            }
            String item = e.getKey().substring(0, e.getKey().indexOf('|'));
            double f = offered.getOrDefault(e.getKey(), 0.0);
            double exponent = 1 / (rule.elasticityOf(item, ends.contains(item)) + rule.supplyElasticity());
            double target = f <= 0 ? rule.ceiling()
                    : Math.max(rule.floor(), Math.min(rule.ceiling(),
                            Math.abs(o / f / e.getValue() - 1) < 1e-12 ? 1 : Math.pow(o / f / e.getValue(), exponent)));
            mu.put(e.getKey(), mu.get(e.getKey()) + (target - mu.get(e.getKey())) * rate);
        }
    }

    /** End buyers moving within pools, as documented on {@link Simulation}. */
    private void switchPools(double[] want, double[] perShare, double[] delivered, double[] open, double[] sell,
                             Map<String, Double> possible,
                             Map<String, Double> out) {
        Map<String, List<Integer>> pools = new TreeMap<>();
        for (int j = 0; j < net.demand().size(); j++) {
            if (net.demand().get(j).pool() != null) {
                pools.computeIfAbsent(net.demand().get(j).pool(), k -> new ArrayList<>()).add(j);
            }
        }
        for (List<Integer> members : pools.values()) {
            int wait = (int) Math.max(1, Math.round(net.demand().get(members.get(0)).switching().inPeriods(step)));
            double[] unmet = new double[want.length];
            double[] spare = new double[want.length];
            double movable = 0;
            double room = 0;
            for (int j : members) {
                double u = want[j] - delivered[j];
                unmet[j] = u > 1e-9 * Math.max(1, want[j]) ? u : 0;
                String site = net.demand().get(j).site();
                double sp = possible.get(site) - out.get(site);
                spare[j] = unmet[j] > 0 || open[j] < 1 || sell[j] < 1 || perShare[j] <= 0 || !(sp > 1e-9 * Math.max(1, possible.get(site))) ? 0 : sp;
                shortRun[j] = unmet[j] > 0 ? shortRun[j] + 1 : 0;
                spareRun[j] = spare[j] > 0 ? spareRun[j] + 1 : 0;
                if (shortRun[j] >= wait) {
                    movable += unmet[j];
                }
                room += spare[j];
            }
            if (movable > 0 && room > 0) {
                double moved = Math.min(movable, room);
                for (int j : members) {
                    if (shortRun[j] >= wait && unmet[j] > 0) {
                        poolShare[j] -= unmet[j] * (moved / movable) / perShare[j];
                    } else if (spare[j] > 0) {
                        poolShare[j] += spare[j] * (moved / room) / perShare[j];
                    }
                }
                continue;
            }
            double asked = 0;
            double above = 0;
            for (int j : members) {
                if (poolShare[j] < 1 && spareRun[j] >= wait) {
                    asked += Math.min((1 - poolShare[j]) * perShare[j], spare[j]);
                } else if (poolShare[j] > 1) {
                    above += (poolShare[j] - 1) * perShare[j];
                }
            }
            if (asked <= 0 || above <= 0) {
                continue;
            }
            double back = Math.min(asked, above);
            for (int j : members) {
                if (poolShare[j] < 1 && spareRun[j] >= wait) {
                    poolShare[j] += Math.min((1 - poolShare[j]) * perShare[j], spare[j]) * (back / asked) / perShare[j];
                } else if (poolShare[j] > 1) {
                    poolShare[j] -= (poolShare[j] - 1) * (back / above);
                }
            }
        }
    }

    private boolean spare(String site, Map<String, Double> out) {
        return out.get(site) < net.site(site).capacity() * (1 - 1e-9);
    }

    private double available(Alternate a, int t) {
        Integer start = altStart.get(key(a));
        if (start == null) {
            return 0;
        }
        int since = t - start - (int) Math.round(a.qualify().inPeriods(step));
        if (since < 0) {
            return 0;
        }
        int ramp = (int) Math.round(a.ramp().inPeriods(step));
        return ramp == 0 ? a.maxShare() : a.maxShare() * Math.min(1.0, (since + 1) / (double) ramp);
    }

    private List<String> outKeys(String site) {
        List<String> keys = new ArrayList<>();
        for (SupplyLink l : net.links()) {
            if (l.from().equals(site)) {
                keys.add(key(l));
            }
        }
        for (Alternate a : net.alternates()) {
            if (a.from().equals(site)) {
                keys.add(key(a));
            }
        }
        return keys;
    }

    private final Map<String, String> slotCache = new HashMap<>();

    private String slotOf(String source) {
        return slotCache.computeIfAbsent(source, k -> {
            String rest = k.startsWith("alt:") ? k.substring(4) : k;
            String to = rest.substring(rest.indexOf("->") + 2, rest.indexOf('/'));
            return to + "/" + rest.substring(rest.indexOf('/') + 1);
        });
    }

    private double factor(String source) {
        if (!source.startsWith("alt:")) {
            return 1;
        }
        for (Alternate a : net.alternates()) {
            if (key(a).equals(source)) {
                return a.factor();
            }
        }
        throw new IllegalStateException(source);
    }

    private int leadOf(String source) {
        if (source.startsWith("alt:")) {
            return 1;
        }
        for (SupplyLink l : net.links()) {
            if (key(l).equals(source)) {
                return lead(l);
            }
        }
        throw new IllegalStateException(source);
    }
}
