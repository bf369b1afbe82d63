package org.chokepoint.analysis;

import org.chokepoint.model.Uncertainty;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chokepoint.model.Alternate;
import org.chokepoint.model.Demand;
import org.chokepoint.model.Duration;
import org.chokepoint.model.Measure;
import org.chokepoint.model.Network;
import org.chokepoint.model.NetworkBuilder;
import org.chokepoint.model.Scenario;
import org.chokepoint.model.Site;
import org.chokepoint.policy.CountryControl;
import org.chokepoint.policy.DeMinimis;
import org.chokepoint.policy.EntityListing;
import org.chokepoint.policy.Escalation;
import org.chokepoint.policy.ExportRestriction;
import org.chokepoint.policy.LicensePolicy;
import org.chokepoint.policy.ProcurementBan;
import org.chokepoint.policy.Tariff;

/**
 * The numeric parameters a sweep or an uncertainty block may set, by path, and how to set them:
 * <ul>
 *   <li>{@code measures.ID.license.approval|review|approved-share|leakage|leakage-premium|shipment-delay}</li>
 *   <li>{@code measures.ID.rate} (tariff), {@code .share} (procurement ban), {@code .threshold}
 *       (de minimis), {@code .probability} and {@code .lag} (escalation), {@code .stockpile}</li>
 *   <li>{@code sites.ID.capacity}, {@code sites.ID.stock.ITEM} (periods of cover)</li>
 *   <li>{@code alternates[i].qualify|ramp|max-share|factor|premium}</li>
 *   <li>{@code demand[i].quantity}</li>
 * </ul>
 * Durations are set in periods of the scenario's step.
 */
public final class ParameterPaths {

    private static final Pattern MEASURE = Pattern.compile("measures\\.([^.]+)\\.(license\\.)?([a-z-]+)");
    private static final Pattern SITE = Pattern.compile("sites\\.([^.]+)\\.(capacity|stock\\.(.+))");
    private static final Pattern ALTERNATE = Pattern.compile("alternates\\[(\\d+)]\\.(qualify|ramp|max-share|factor|premium)");
    private static final Pattern DEMAND = Pattern.compile("demand\\[(\\d+)]\\.quantity");
    private static final Pattern BEHAVIOUR = Pattern.compile("behaviour\\.(restoration-time|carrying-cost|final-demand-elasticity"
            + "|prices\\.(elasticity|end-item-elasticity|supply-elasticity|adjustment|ceiling|floor))");

    /** Whether a path sets how firms behave (the run's parameters) rather than the network or the measures. */
    public static boolean behaviour(String path) {
        return BEHAVIOUR.matcher(path).matches();
    }

    private static final Pattern RUNTIME = Pattern.compile(
            "sites\\.[^.]+\\.(capacity|stock\\..+)|measures\\.[^.]+\\.license\\.(approval|review|approved-share|leakage|leakage-premium|shipment-delay)");

    private ParameterPaths() {}

    /**
     * Whether a path changes only what a run does with a compiled network and its decisions —
     * capacity, target cover, license policies — and not the network's structure or the decisions
     * themselves, so a run can patch instead of rebuilding.
     */
    private static final Pattern PERIODS = Pattern.compile(
            "sites\\.[^.]+\\.stock\\..+|alternates\\[\\d+]\\.(qualify|ramp)|measures\\.[^.]+\\.(license\\.(review|shipment-delay)|lag)"
                    + "|behaviour\\.(restoration-time|prices\\.adjustment)");

    /** Whether the parameter is a length of time in periods, so that its numbers may be written as durations (90d, 12w). */
    public static boolean inPeriods(String path) {
        return PERIODS.matcher(path).matches();
    }

    public static boolean runtimeOnly(String path) {
        return RUNTIME.matcher(path).matches();
    }

    /** Why the path names nothing settable in this scenario, or null if it is fine. */
    public static String problem(Scenario s, String path) {
        try {
            apply(s, Map.of(path, probe(path)));
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /**
     * Why setting {@code path} to {@code value} is refused by the scenario's own checks (the same
     * records a run builds), or null when the value is allowed.
     */
    public static String valueProblem(Scenario s, String path, double value) {
        Scenario set;
        try {
            set = apply(s, Map.of(path, value));
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        if (SITE.matcher(path).matches() && path.contains(".stock.")) {
            // More stock cover raises the gain of the order rule: the value must keep it stable.
            var unstable = org.chokepoint.engine.Stability.check(set, org.chokepoint.engine.Parameters.of(s).restorationTime());
            if (unstable != null) {
                return unstable.message();
            }
        }
        return null;
    }

    /**
     * Why some value a distribution can draw would be refused for {@code path}, or null when every
     * draw is allowed: the extremes of its range are tried (see {@link Distributions#extremes}).
     */
    public static String rangeProblem(Scenario s, String path, Uncertainty.Parameter p) {
        for (double x : Distributions.extremes(p)) {
            String why = valueProblem(s, path, x);
            if (why != null) {
                // Shown as written: the probe just inside an open end (1.9999999999999998) reads as its end (2).
                String probe = org.chokepoint.model.Checks.fmt(x);
                String shown = org.chokepoint.model.Checks.fmt(Double.parseDouble(String.format(java.util.Locale.ROOT, "%.12g", x)));
                if (Math.abs(x) >= Distributions.UNBOUNDED) {
                    return "draws " + (x < 0 ? "without a lower bound" : "without an upper bound") + ", where "
                            + why.replace(" (" + probe + ")", "");
                }
                return "draws as far as " + shown + ", where " + why.replace(probe, shown);
            }
        }
        return null;
    }

    private static double probe(String path) {
        return path.endsWith("approval") || path.endsWith("share") || path.endsWith("leakage") || path.endsWith("probability")
                || path.endsWith("threshold") ? 0.5 : 1;
    }

    /** The scenario with these values set. Throws IllegalArgumentException for a path that names nothing. */
    public static Scenario apply(Scenario s, Map<String, Double> values) {
        Network n = s.network();
        List<Measure> measures = new ArrayList<>(s.measures());
        List<Site> sites = new ArrayList<>(n.sites());
        List<Alternate> alts = new ArrayList<>(n.alternates());
        List<Demand> demand = new ArrayList<>(n.demand());
        boolean networkChanged = false;
        org.chokepoint.model.Behaviour behaviour = s.behaviour();
        for (Map.Entry<String, Double> e : values.entrySet()) {
            String path = e.getKey();
            double v = e.getValue();
            Matcher m;
            if ((m = MEASURE.matcher(path)).matches()) {
                int i = indexOfMeasure(measures, m.group(1));
                measures.set(i, setMeasure(measures.get(i), m.group(2) != null, m.group(3), v, s, path));
            } else if ((m = SITE.matcher(path)).matches()) {
                int i = indexOfSite(sites, m.group(1));
                Site site = sites.get(i);
                if (m.group(2).equals("capacity")) {
                    sites.set(i, site.withCapacity(v));
                } else {
                    String item = m.group(3);
                    if (!site.recipe().containsKey(item)) {
                        throw new IllegalArgumentException("site '" + site.id() + "' has no input '" + item + "'; inputs: "
                                + String.join(", ", site.recipe().keySet()));
                    }
                    Map<String, Duration> stock = new java.util.LinkedHashMap<>(site.stock());
                    stock.put(item, Duration.periods(v));
                    sites.set(i, site.withStock(stock));
                }
                networkChanged = true;
            } else if ((m = ALTERNATE.matcher(path)).matches()) {
                int i = Integer.parseInt(m.group(1));
                if (i >= alts.size()) {
                    throw new IllegalArgumentException("there are " + alts.size() + " alternates; alternates[" + i + "] does not exist");
                }
                Alternate a = alts.get(i);
                alts.set(i, switch (m.group(2)) {
                    case "qualify" -> new Alternate(a.site(), a.item(), a.from(), a.as(), a.factor(), Duration.periods(v), a.ramp(), a.maxShare(), a.premium());
                    case "ramp" -> new Alternate(a.site(), a.item(), a.from(), a.as(), a.factor(), a.qualify(), Duration.periods(v), a.maxShare(), a.premium());
                    case "max-share" -> new Alternate(a.site(), a.item(), a.from(), a.as(), a.factor(), a.qualify(), a.ramp(), v, a.premium());
                    case "factor" -> new Alternate(a.site(), a.item(), a.from(), a.as(), v, a.qualify(), a.ramp(), a.maxShare(), a.premium());
                    default -> new Alternate(a.site(), a.item(), a.from(), a.as(), a.factor(), a.qualify(), a.ramp(), a.maxShare(), v);
                });
                networkChanged = true;
            } else if ((m = DEMAND.matcher(path)).matches()) {
                int i = Integer.parseInt(m.group(1));
                if (i >= demand.size()) {
                    throw new IllegalArgumentException("there are " + demand.size() + " demand entries; demand[" + i + "] does not exist");
                }
                Demand d = demand.get(i);
                demand.set(i, d.withQuantity(v));
                networkChanged = true;
            } else if ((m = BEHAVIOUR.matcher(path)).matches()) {
                behaviour = setBehaviour(behaviour, m.group(1), v);
            } else {
                throw new IllegalArgumentException("'" + path + "' is not a parameter path; use measures.ID.license.approval, "
                        + "measures.ID.rate, sites.ID.capacity, sites.ID.stock.ITEM, alternates[i].qualify, demand[i].quantity, "
                        + "behaviour.restoration-time, behaviour.prices.elasticity, ...");
            }
        }
        Network net = n;
        if (networkChanged) {
            NetworkBuilder b = new NetworkBuilder();
            n.items().forEach(b::item);
            n.firms().forEach(b::firm);
            sites.forEach(b::site);
            n.links().forEach(b::link);
            alts.forEach(b::alternate);
            demand.forEach(b::demand);
            n.notes().forEach(b::note);
            n.facts().forEach(b::fact);
            net = b.build();
        }
        Scenario out = s.with(net, measures);
        return behaviour == s.behaviour() ? out : out.withBehaviour(behaviour);
    }

    /** {@code b} with one number set; out-of-range values fail as the file's would. */
    private static org.chokepoint.model.Behaviour setBehaviour(org.chokepoint.model.Behaviour b, String key, double v) {
        return switch (key) {
            case "restoration-time" -> b.overriddenBy(new org.chokepoint.model.Behaviour(null, v, null));
            case "carrying-cost" -> b.overriddenBy(new org.chokepoint.model.Behaviour(null, null, v));
            case "final-demand-elasticity" -> b.overriddenBy(new org.chokepoint.model.Behaviour(null, null, null, null, null, v));
            default -> {
                org.chokepoint.model.Behaviour.Prices p = b.prices() == null || b.prices().off()
                        ? new org.chokepoint.model.Behaviour.Prices(null, null, null, null, null, null, null, null, false) : b.prices();
                yield b.withPrices(p.with(key.substring("prices.".length()), v));
            }
        };
    }

    private static Measure setMeasure(Measure m, boolean license, String key, double v, Scenario s, String path) {
        if (license) {
            LicensePolicy lp = licenseOf(m, path);
            if (!LicensePolicy.NUMBERS.contains(key)) {
                throw new IllegalArgumentException("'" + path + "': a license has " + String.join(", ", LicensePolicy.NUMBERS) + "."
                        + org.chokepoint.model.Names.didYouMean(key, LicensePolicy.NUMBERS));
            }
            LicensePolicy changed = lp.with(key, v);
            if (m instanceof EntityListing x) {
                return x.with(x.header(), changed, x.stockpile());
            }
            if (m instanceof CountryControl x) {
                return x.with(x.header(), changed, x.stockpile());
            }
            ExportRestriction x = (ExportRestriction) m;
            return x.with(x.header(), changed, x.stockpile());
        }
        if (m instanceof Tariff x && key.equals("rate")) {
            return new Tariff(x.header(), v, x.origins(), x.destinations(), x.items());
        }
        if (m instanceof ProcurementBan x && key.equals("share")) {
            return new ProcurementBan(x.header(), x.firms(), x.market(), v);
        }
        if (m instanceof DeMinimis x && key.equals("threshold")) {
            return new DeMinimis(x.header(), v, x.destinations(), x.eccns());
        }
        if (m instanceof Escalation x && (key.equals("probability") || key.equals("lag"))) {
            return key.equals("probability") ? new Escalation(x.header(), x.trigger(), x.when(), x.response(), x.lag(), v)
                    : new Escalation(x.header(), x.trigger(), x.when(), x.response(), Duration.periods(v), x.probability());
        }
        if (key.equals("stockpile")) {
            if (m instanceof EntityListing x) {
                return x.with(x.header(), x.license(), v);
            }
            if (m instanceof CountryControl x) {
                return x.with(x.header(), x.license(), v);
            }
            if (m instanceof ExportRestriction x) {
                return x.with(x.header(), x.license(), v);
            }
        }
        throw new IllegalArgumentException("'" + path + "': a " + m.type() + " measure has no parameter '" + key + "'");
    }

    private static LicensePolicy licenseOf(Measure m, String path) {
        if (m instanceof EntityListing x) {
            return x.license();
        }
        if (m instanceof CountryControl x) {
            return x.license();
        }
        if (m instanceof ExportRestriction x) {
            return x.license();
        }
        throw new IllegalArgumentException("'" + path + "': a " + m.type() + " measure has no license");
    }

    private static int indexOfMeasure(List<Measure> measures, String id) {
        for (int i = 0; i < measures.size(); i++) {
            if (measures.get(i).id().equals(id)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no measure '" + id + "' in this scenario");
    }

    private static int indexOfSite(List<Site> sites, String id) {
        for (int i = 0; i < sites.size(); i++) {
            if (sites.get(i).id().equals(id)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no site '" + id + "' in this network");
    }
}
