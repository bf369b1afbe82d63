package org.chokepoint.report;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.chokepoint.analysis.Sweep;
import org.chokepoint.analysis.SweepEffects;
import org.chokepoint.io.ResultsWriter;
import org.chokepoint.io.SweepReader;
import org.chokepoint.model.Uncertainty;

/**
 * The report of a parameter sweep: what was varied and how (the design), which parameter moves
 * which metric (rank correlations and main effects from the sweep's own points), the metric at
 * every point, the sweep charts, and how to run it again.
 */
public final class SweepReport {

    /** Points listed in the results table at most; sweep.csv holds them all. */
    static final int MAX_POINT_ROWS = 60;

    /**
     * @param sweepFile the sweep file as the user named it
     * @param sweepHash SHA-256 of the sweep file, hex
     * @param rows every row of the finished sweep
     * @param runDate shown on the title page, or {@code null} to leave it out
     */
    public record Content(SweepReader.Loaded loaded, List<Sweep.Row> rows, List<SweepEffects.Effect> effects,
                          List<PdfReport.Figure> figures, String version, String sweepFile, String sweepHash, LocalDate runDate) {}

    private final Content c;
    private final PdfPages p;

    private SweepReport(Content c, PdfPages p) {
        this.c = c;
        this.p = p;
    }

    public static void write(Content c, OutputStream target) throws IOException {
        PdfPages p = new PdfPages();
        try {
            SweepReport r = new SweepReport(c, p);
            r.titlePage();
            r.design();
            r.effects();
            r.points();
            p.figures(c.figures());
            r.sourcesAndMethods();
            p.save(title(c), c.version(), reproducibility(c), target);
        } finally {
            p.discard();
        }
    }

    static String title(Content c) {
        SweepReader.Loaded l = c.loaded();
        return l.title() != null && !l.title().isBlank() ? l.title() : "Parameter sweep: " + l.scenario().title();
    }

    static String reproducibility(Content c) {
        Sweep s = c.loaded().sweep();
        int points = (int) c.rows().stream().mapToInt(Sweep.Row::point).distinct().count();
        return String.format(Locale.ROOT, "sweep sha256 %s · seed %d · %d points × %d runs · Chokepoint %s",
                c.sweepHash().substring(0, Math.min(16, c.sweepHash().length())), s.seed(), points, s.runs(), c.version());
    }

    private void titlePage() throws IOException {
        Sweep s = c.loaded().sweep();
        int points = (int) c.rows().stream().mapToInt(Sweep.Row::point).distinct().count();
        p.titlePage(title(c),
                "Scenario: " + c.loaded().scenario().title(),
                String.format(Locale.ROOT, "%s design over %d parameter%s: %d points, %d Monte Carlo runs each", designName(s),
                        s.axes().size(), s.axes().size() == 1 ? "" : "s", points, s.runs()),
                c.loaded().description(),
                "Sweep report by Chokepoint " + c.version() + (c.runDate() == null ? "" : ", run on " + c.runDate()));
    }

    private static String designName(Sweep s) {
        return switch (s.design()) {
            case GRID -> "Full-grid";
            case LATIN_HYPERCUBE -> "Latin-hypercube";
            case SOBOL -> "Sobol-sequence";
        };
    }

    private void design() throws IOException {
        p.newPage();
        p.heading("The design");
        Sweep s = c.loaded().sweep();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"swept parameter", "values or distribution"});
        for (Sweep.Axis a : s.axes()) {
            rows.add(new String[] {a.path(), a.distribution() != null ? describe(a.distribution()) : values(a.values())});
        }
        p.table(rows, new float[] {0.5f, 0.5f});
        p.y -= 6;
        p.bullet("Metrics kept at each point: " + String.join(", ", s.metrics().stream().map(SweepCharts::label).toList())
                + "; each as its mean over the point's runs and its P" + String.join(", P",
                java.util.Arrays.stream(s.percentiles()).mapToObj(ResultsWriter::number).toList()) + ".");
        p.bullet("Every point runs the scenario's Monte Carlo with the same seed (" + s.seed() + "), so the points share their"
                + " random draws: differences between points come from the swept parameters, not from sampling noise.");
        p.bullet("Uncertain inputs of the scenario that are not swept keep their distributions; a swept parameter's own"
                + " distribution in the scenario, if any, gives way to the sweep's values.");
    }

    private static String values(List<Double> v) {
        return String.join(", ", v.stream().map(ResultsWriter::number).toList());
    }

    private static String describe(Uncertainty.Parameter u) {
        StringBuilder b = new StringBuilder(u.distribution());
        List<String> parts = new ArrayList<>();
        u.numbers().forEach((k, v) -> parts.add(k + " " + ResultsWriter.number(v)));
        if (!parts.isEmpty()) {
            b.append(" (").append(String.join(", ", parts)).append(')');
        }
        return b.toString();
    }

    private void effects() throws IOException {
        p.y -= 8;
        p.heading("What moves what");
        p.paragraph(p.regular, 10, "Spearman's ρ ranks each swept parameter against each metric over all points: +1 when the"
                + " metric rises with the parameter in every case, −1 when it falls, near 0 when the parameter's rank says"
                + " nothing. The main effect is how far the metric's mean moves across the parameter's values, averaging"
                + " over the others (a grid only).", 14);
        p.y -= 4;
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"metric", "parameter", "ρ", "main effect"});
        for (SweepEffects.Effect e : c.effects()) {
            rows.add(new String[] {SweepCharts.label(e.metric()), e.parameter(),
                Double.isNaN(e.rho()) ? "-" : String.format(Locale.ROOT, "%.2f", e.rho()),
                Double.isNaN(e.mainEffect()) ? "-" : amount(e.mainEffect())});
        }
        p.table(rows, new float[] {0.34f, 0.40f, 0.08f, 0.18f});
    }

    private void points() throws IOException {
        p.y -= 8;
        p.heading("The metrics at each point (means over the runs)");
        Sweep s = c.loaded().sweep();
        List<String> metrics = c.rows().stream().map(Sweep.Row::metric).distinct().toList();
        List<String[]> rows = new ArrayList<>();
        List<String> head = new ArrayList<>(List.of("point"));
        s.axes().forEach(a -> head.add(shortName(a.path())));
        head.addAll(metrics);
        rows.add(head.toArray(String[]::new));
        Map<Integer, List<Sweep.Row>> byPoint = new java.util.TreeMap<>();
        for (Sweep.Row r : c.rows()) {
            byPoint.computeIfAbsent(r.point(), k -> new ArrayList<>()).add(r);
        }
        for (List<Sweep.Row> pr : byPoint.values()) {
            if (rows.size() > MAX_POINT_ROWS) {
                break;
            }
            List<String> cells = new ArrayList<>(List.of(Integer.toString(pr.get(0).point())));
            s.axes().forEach(a -> cells.add(ResultsWriter.number(pr.get(0).values().get(a.path()))));
            for (String m : metrics) {
                cells.add(pr.stream().filter(r -> r.metric().equals(m)).findFirst().map(r -> amount(r.mean())).orElse("-"));
            }
            rows.add(cells.toArray(String[]::new));
        }
        float[] shares = new float[head.size()];
        shares[0] = 0.08f;
        for (int i = 1; i < shares.length; i++) {
            shares[i] = 0.92f / (shares.length - 1);
        }
        p.table(rows, shares);
        if (byPoint.size() > MAX_POINT_ROWS) {
            p.paragraph(p.regular, 9.5f, "And " + (byPoint.size() - MAX_POINT_ROWS) + " more points in sweep.csv.", 13);
        }
    }

    /** The last two parts of a parameter path: enough to tell columns apart. */
    static String shortName(String path) {
        String[] parts = path.split("\\.");
        return parts.length <= 2 ? path : parts[parts.length - 2] + "." + parts[parts.length - 1];
    }

    /** Large amounts in whole units with separators; shares and rates with three decimals. */
    private static String amount(double v) {
        return Math.abs(v) >= 100 ? PdfPages.usd(v) : String.format(Locale.ROOT, "%.3f", v);
    }

    private void sourcesAndMethods() throws IOException {
        p.newPage();
        SweepReader.Loaded l = c.loaded();
        List<String> sources = new ArrayList<>(l.sources());
        l.scenario().sources().stream().filter(x -> !sources.contains(x)).forEach(sources::add);
        List<String> assumptions = new ArrayList<>(l.assumptions());
        l.scenario().assumptions().stream().filter(x -> !assumptions.contains(x)).forEach(assumptions::add);
        p.heading("Sources");
        if (sources.isEmpty()) {
            p.paragraph(p.regular, 10, "Neither the sweep nor its scenario lists sources.", 14);
        }
        for (String s : sources) {
            p.bullet(s);
        }
        p.y -= 8;
        p.heading("Assumptions");
        if (assumptions.isEmpty()) {
            p.paragraph(p.regular, 10, "Neither the sweep nor its scenario lists assumptions.", 14);
        }
        for (String a : assumptions) {
            p.bullet(a);
        }
        p.y -= 8;
        p.heading("Methods");
        p.paragraph(p.regular, 10, "At each point of the design the scenario is changed by the swept values and simulated as"
                + " a Monte Carlo: every run draws the scenario's remaining uncertain inputs from its own random stream, split"
                + " from the seed, and is compared with the same network without the measures. A point's metric is the mean"
                + " (and percentiles) over its runs. The dynamics are those of a single run (docs/model.md): fixed recipes,"
                + " capacities, stocks with a target cover, lead times, proportional rationing, alternates that qualify and"
                + " ramp up.", 14);
        p.y -= 6;
        p.paragraph(p.regular, 10, "Reproduce this report with: chokepoint sweep " + c.sweepFile() + " (" + reproducibility(c)
                + "). The rows are in sweep.csv and the design in design.json next to it.", 14);
    }
}
