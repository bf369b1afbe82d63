package org.chokepoint.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;

/**
 * What a finished sweep says about sensitivity, from its own points: for each metric and swept
 * parameter, the rank correlation (Spearman's ρ) of the parameter with the metric's mean over all
 * points, and the main effect — the spread between the highest and lowest mean of the metric
 * across the parameter's values, averaging over the other parameters. ρ reads for any design;
 * the main effect needs values that repeat (a grid or a one-parameter line).
 */
public final class SweepEffects {

    private SweepEffects() {}

    /**
     * @param rho Spearman's rank correlation of the parameter with the metric; NaN if either is constant
     * @param mainEffect max − min over the parameter's values of the metric's mean; NaN when no value repeats
     * @param levels distinct values the parameter took
     */
    public record Effect(String metric, String parameter, double rho, double mainEffect, int levels) {}

    /** Effects for every metric (in first-seen order) and axis (in the order given). */
    public static List<Effect> of(List<Sweep.Row> rows, List<String> axes) {
        List<String> metrics = rows.stream().map(Sweep.Row::metric).distinct().toList();
        List<Effect> out = new ArrayList<>();
        for (String metric : metrics) {
            List<Sweep.Row> mine = rows.stream().filter(r -> r.metric().equals(metric)).toList();
            double[] y = mine.stream().mapToDouble(Sweep.Row::mean).toArray();
            for (String axis : axes) {
                double[] x = mine.stream().mapToDouble(r -> r.values().get(axis)).toArray();
                double rho = constant(x) || constant(y) || x.length < 3 ? Double.NaN
                        : new SpearmansCorrelation().correlation(x, y);
                TreeMap<Double, double[]> byLevel = new TreeMap<>();
                for (int i = 0; i < x.length; i++) {
                    double[] acc = byLevel.computeIfAbsent(x[i], k -> new double[2]);
                    acc[0] += y[i];
                    acc[1]++;
                }
                double main = Double.NaN;
                // levels that repeat (a grid), or the one axis of a line
                if (byLevel.size() > 1 && (byLevel.size() < x.length || axes.size() == 1)) {
                    double lo = Double.POSITIVE_INFINITY;
                    double hi = Double.NEGATIVE_INFINITY;
                    for (double[] acc : byLevel.values()) {
                        double m = acc[0] / acc[1];
                        lo = Math.min(lo, m);
                        hi = Math.max(hi, m);
                    }
                    main = hi - lo;
                }
                out.add(new Effect(metric, axis, rho, main, byLevel.size()));
            }
        }
        return out;
    }

    private static boolean constant(double[] v) {
        for (double d : v) {
            if (d != v[0]) {
                return false;
            }
        }
        return true;
    }
}
