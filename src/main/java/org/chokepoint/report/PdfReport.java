package org.chokepoint.report;

import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.util.Matrix;
import org.chokepoint.analysis.MonteCarlo;
import org.chokepoint.analysis.RunSummary;
import org.chokepoint.api.Chokepoint;
import org.chokepoint.io.Digests;
import org.chokepoint.model.Measure;
import org.chokepoint.model.Scenario;
import org.chokepoint.policy.CountryControl;
import org.chokepoint.policy.Decision;
import org.chokepoint.policy.EntityListing;
import org.chokepoint.policy.ExportRestriction;
import org.chokepoint.policy.LicensePolicy;
import org.chokepoint.policy.PolicyMeasure;
import org.jfree.chart.JFreeChart;

/**
 * The report an analyst hands on: a title page, one page of headline figures, the measures, the
 * charts (drawn as vector graphics, so they stay sharp when printed or zoomed), the scenario's
 * sources and assumptions, and a short methods appendix. Every page carries its number and a line
 * that pins down how to reproduce it: the scenario file's SHA-256, the seed, the runs and the
 * version.
 *
 * <p>The text font is DejaVu Sans, embedded (the same font the charts use, installed by
 * {@code .ci/run}); the document carries no creation date and a document id derived from its
 * reproducibility line, so the same scenario and seed give the same bytes.
 */
public final class PdfReport {

    /**
     * A chart with the sentence under it that says what it shows.
     *
     * @param file the name of its PNG next to the report
     */
    public record Figure(String file, JFreeChart chart, String caption) {}

    /**
     * @param scenarioFile the scenario file as the user named it, for the line that reproduces the report
     * @param scenarioHash SHA-256 of the scenario file, hex
     * @param runDate shown on the title page, or {@code null} to leave it out
     */
    public record Content(Scenario scenario, Chokepoint.Run run, MonteCarlo.Result mc, List<Figure> figures,
                          String version, String scenarioFile, String scenarioHash, LocalDate runDate) {}

    static final Path FONT_DIR = Path.of("/usr/share/fonts/truetype/dejavu");
    private static final float MARGIN = 56;
    private static final PDRectangle PAGE = PDRectangle.A4;
    private static final float WIDTH = PAGE.getWidth() - 2 * MARGIN;
    private static final float CHART_LAYOUT_WIDTH = 700;
    private static final int MAX_DECISIONS = 40;
    private static final List<Decision.Effect> SEVERITY = List.of(Decision.Effect.BLOCK, Decision.Effect.LICENSE,
            Decision.Effect.PARTIAL, Decision.Effect.DEMAND, Decision.Effect.MARKUP, Decision.Effect.NONE);

    private final Content c;
    private final PDDocument doc;
    private final PDFont regular;
    private final PDFont bold;
    private PDPageContentStream out;
    private float y;

    private PdfReport(Content c, PDDocument doc) throws IOException {
        this.c = c;
        this.doc = doc;
        Path r = FONT_DIR.resolve("DejaVuSans.ttf");
        Path b = FONT_DIR.resolve("DejaVuSans-Bold.ttf");
        if (!Files.isReadable(r) || !Files.isReadable(b)) {
            throw new IOException("the report font DejaVu Sans is not installed (" + FONT_DIR
                    + "); install the fonts-dejavu-core package");
        }
        this.regular = PDType0Font.load(doc, r.toFile());
        this.bold = PDType0Font.load(doc, b.toFile());
    }

    /** Writes the report to {@code target}. */
    public static void write(Content c, OutputStream target) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PdfReport r = new PdfReport(c, doc);
            r.titlePage();
            r.summaryPage();
            r.measures();
            r.figures();
            r.sourcesAndMethods();
            r.close();
            r.footers();
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(c.scenario().title());
            info.setCreator("Chokepoint " + c.version());
            info.setProducer("Chokepoint " + c.version());
            COSArray id = new COSArray();
            byte[] digest = Digests.sha256(reproducibility(c).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            id.add(new COSString(java.util.Arrays.copyOf(digest, 16)));
            id.add(new COSString(java.util.Arrays.copyOf(digest, 16)));
            doc.getDocument().getTrailer().setItem(COSName.ID, id);
            doc.save(target);
        }
    }

    /** The line on every page that says how to get this report again. */
    static String reproducibility(Content c) {
        int runs = c.mc() == null ? 1 : c.mc().runs();
        return String.format(Locale.ROOT, "scenario sha256 %s · seed %d · %d run%s · Chokepoint %s",
                c.scenarioHash().substring(0, Math.min(16, c.scenarioHash().length())), c.scenario().seed(), runs,
                runs == 1 ? "" : "s", c.version());
    }

    // ---- pages ------------------------------------------------------------------------------

    private void titlePage() throws IOException {
        newPage();
        Scenario s = c.scenario();
        y = PAGE.getHeight() - 220;
        paragraph(bold, 24, s.title(), 30);
        y -= 12;
        paragraph(regular, 13, s.start() + " to " + s.end() + ", " + s.periods() + " "
                + (s.step() == org.chokepoint.model.Step.DAY ? "daily" : "weekly") + " periods", 18);
        if (s.description() != null && !s.description().isBlank()) {
            y -= 10;
            paragraph(regular, 11, s.description(), 15);
        }
        y -= 30;
        paragraph(regular, 11, "Supply-chain impact report by Chokepoint " + c.version()
                + (c.runDate() == null ? "" : ", run on " + c.runDate()), 15);
    }

    private void summaryPage() throws IOException {
        newPage();
        RunSummary sum = c.run().summary();
        heading("Summary");
        double total = sum.demand().stream().mapToDouble(RunSummary.DemandRow::shortfallValue).sum();
        String band = c.mc() == null ? "" : String.format(Locale.ROOT, " (%d runs: P5 %s, median %s, P95 %s)", c.mc().runs(),
                usd(c.mc().totalPercentile(5)), usd(c.mc().totalPercentile(50)), usd(c.mc().totalPercentile(95)));
        bullet("Total value of end items not delivered: " + usd(total) + band + ".");
        Map<String, Double> byItem = new LinkedHashMap<>();
        for (RunSummary.DemandRow d : sum.demand()) {
            byItem.merge(d.item(), d.shortfallValue(), Double::sum);
        }
        String worst = null;
        for (Map.Entry<String, Double> e : byItem.entrySet()) {
            if (e.getValue() > 0 && (worst == null || e.getValue() > byItem.get(worst))) {
                worst = e.getKey();
            }
        }
        bullet(worst == null ? "No end item ran short." : "Worst-hit end item: " + worst + ", " + usd(byItem.get(worst)) + " short.");
        int first = sum.demand().stream().mapToInt(RunSummary.DemandRow::firstShort).filter(p -> p != RunSummary.NEVER)
                .min().orElse(RunSummary.NEVER);
        if (first != RunSummary.NEVER) {
            bullet("First shortfall: week of " + c.scenario().dateOf(first) + ".");
        }
        y -= 10;
        subheading("Cost by country, against the same run without the measures (USD)");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"country", "lost revenue", "extra cost of inputs"});
        for (RunSummary.Totals t : sum.countries()) {
            rows.add(new String[] {t.key(), usd(t.lostRevenue()), usd(t.extraProcurementCost())});
        }
        table(rows, new float[] {0.3f, 0.35f, 0.35f});
        y -= 10;
        subheading("End items");
        rows = new ArrayList<>();
        rows.add(new String[] {"end item @ market", "demanded", "delivered", "short (USD)", "first short"});
        for (RunSummary.DemandRow d : sum.demand()) {
            rows.add(new String[] {d.item() + " @ " + d.market(), usd(d.demanded()), usd(d.delivered()),
                usd(d.shortfallValue()), d.firstShort() == RunSummary.NEVER ? "-" : c.scenario().dateOf(d.firstShort()).toString()});
        }
        table(rows, new float[] {0.32f, 0.17f, 0.17f, 0.18f, 0.16f});
    }

    private void measures() throws IOException {
        newPage();
        heading("The measures");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"measure", "type", "by", "effective", "ends"});
        for (Measure m : c.scenario().measures()) {
            rows.add(new String[] {m.id(), m.type(), m.authority(), m.effective().toString(),
                m.ends() == null ? "-" : m.ends().toString()});
        }
        table(rows, new float[] {0.34f, 0.22f, 0.08f, 0.18f, 0.18f});
        y -= 4;
        for (Measure m : c.scenario().measures()) {
            bullet(scope(m));
        }
        y -= 6;
        restrictions();
    }

    /** One measure in a sentence: whom it names, its license policy, its sources. */
    static String scope(Measure m) {
        StringBuilder b = new StringBuilder(m.id()).append(": ");
        if (!m.firms().isEmpty()) {
            b.append("names ").append(String.join(", ", m.firms())).append("; ");
        }
        LicensePolicy license = m instanceof EntityListing e ? e.license()
                : m instanceof CountryControl cc ? cc.license()
                : m instanceof ExportRestriction r ? r.license() : null;
        if (license != null) {
            b.append("licenses: ").append(license.describe()).append("; ");
        }
        List<String> sources = m instanceof PolicyMeasure pm ? pm.header().sources() : List.of();
        b.append(sources.isEmpty() ? "no source given in the scenario" : "source: " + String.join("; ", sources));
        return b.append('.').toString();
    }

    /** The restricted links, harshest effect first, each with the rule step that caught it. */
    private void restrictions() throws IOException {
        List<Decision> effective = new ArrayList<>(c.run().decisions().effective());
        effective.sort(Comparator.comparingInt((Decision d) -> SEVERITY.indexOf(d.effect())).thenComparing(Decision::from)
                .thenComparing(Decision::linkName).thenComparing(Decision::measure));
        subheading("What the measures restrict, and why (" + effective.size() + " decisions)");
        int shown = Math.min(effective.size(), MAX_DECISIONS);
        for (Decision d : effective.subList(0, shown)) {
            room(40);
            y -= 13;
            text(out, bold, 9.5f, MARGIN, y, fit(bold, 9.5f, clean(d.linkName() + " · " + d.item()), WIDTH));
            y -= 1;
            for (String line : wrap(regular, 9, clean(d.effectText() + " from " + d.from() + " under " + d.measure()
                    + (d.condition() == null ? "" : ", if " + d.condition() + " fires") + ". Because: " + d.decisiveStep()),
                    WIDTH - 12)) {
                room(12);
                y -= 12;
                text(out, regular, 9, MARGIN + 12, y, line);
            }
        }
        y -= 6;
        paragraph(regular, 9.5f, (shown < effective.size() ? "And " + (effective.size() - shown) + " more. " : "")
                + "chokepoint explain " + c.scenarioFile() + " --link FROM->TO gives every rule step behind a decision.", 13);
    }

    private void figures() throws IOException {
        float h = WIDTH * 0.56f;
        boolean top = true;
        for (Figure f : c.figures()) {
            if (top) {
                newPage();
                y = PAGE.getHeight() - MARGIN;
            }
            drawChart(f.chart(), MARGIN, y - h, WIDTH, h);
            y -= h + 8;
            paragraph(regular, 9.5f, f.caption(), 13);
            y -= 22;
            top = !top;
        }
    }

    private void sourcesAndMethods() throws IOException {
        newPage();
        Scenario s = c.scenario();
        heading("Sources");
        if (s.sources().isEmpty()) {
            paragraph(regular, 10, "The scenario lists no sources.", 14);
        }
        for (String src : s.sources()) {
            bullet(src);
        }
        y -= 8;
        heading("Assumptions");
        if (s.assumptions().isEmpty()) {
            paragraph(regular, 10, "The scenario lists no assumptions.", 14);
        }
        for (String a : s.assumptions()) {
            bullet(a);
        }
        y -= 8;
        heading("Methods");
        paragraph(regular, 10, "Each site makes one output from inputs in fixed amounts per unit (a Leontief recipe), up to"
                + " its capacity, and orders enough to meet what its customers ordered and to close the gap to its target"
                + " stock over the restoration time. A supplier short of output shares it among its customers in proportion"
                + " to their orders, unless the scenario ranks final demand first. Goods arrive after each link's lead time."
                + " Measures act on links: a listing, control or ban stops a link (or lets a licensed share through after the"
                + " license delay), a tariff raises its price; escalations add measures when their trigger fires.", 14);
        y -= 6;
        paragraph(regular, 10, "Every figure is compared with the same run without the measures, so costs and shortfalls are"
                + " what the measures caused. Uncertain inputs (license approvals, escalation, ranges in the uncertainty"
                + " block) are drawn once per Monte Carlo run from its own random stream, split from the scenario seed, so"
                + " the results are the same for any number of threads.", 14);
        y -= 6;
        paragraph(regular, 10, "Reproduce this report with: chokepoint run " + c.scenarioFile() + " --seed " + s.seed()
                + (c.mc() == null ? "" : " --runs " + c.mc().runs()) + " (" + reproducibility(c) + ").", 14);
    }

    private void footers() throws IOException {
        int n = doc.getNumberOfPages();
        String repro = reproducibility(c);
        for (int i = 0; i < n; i++) {
            try (PDPageContentStream f = new PDPageContentStream(doc, doc.getPage(i), PDPageContentStream.AppendMode.APPEND, true)) {
                f.setNonStrokingColor(0.4f, 0.4f, 0.4f);
                text(f, regular, 8, MARGIN, 30, repro);
                String page = "page " + (i + 1) + " of " + n;
                text(f, regular, 8, PAGE.getWidth() - MARGIN - width(regular, 8, page), 30, page);
            }
        }
    }

    // ---- drawing ----------------------------------------------------------------------------

    private void newPage() throws IOException {
        close();
        PDPage page = new PDPage(PAGE);
        doc.addPage(page);
        out = new PDPageContentStream(doc, page);
        y = PAGE.getHeight() - MARGIN;
    }

    private void close() throws IOException {
        if (out != null) {
            out.close();
            out = null;
        }
    }

    private void room(float needed) throws IOException {
        if (y - needed < MARGIN + 20) {
            newPage();
        }
    }

    private void heading(String s) throws IOException {
        room(40);
        y -= 18;
        text(out, bold, 16, MARGIN, y, s);
        y -= 14;
    }

    private void subheading(String s) throws IOException {
        room(30);
        y -= 13;
        text(out, bold, 11, MARGIN, y, s);
        y -= 8;
    }

    private void bullet(String s) throws IOException {
        List<String> lines = wrap(regular, 10.5f, clean(s), WIDTH - 14);
        for (int i = 0; i < lines.size(); i++) {
            room(15);
            y -= 15;
            if (i == 0) {
                text(out, regular, 10.5f, MARGIN, y, "•");
            }
            text(out, regular, 10.5f, MARGIN + 14, y, lines.get(i));
        }
        y -= 3;
    }

    private void paragraph(PDFont font, float size, String s, float leading) throws IOException {
        for (String line : wrap(font, size, clean(s), WIDTH)) {
            room(leading);
            y -= leading;
            text(out, font, size, MARGIN, y, line);
        }
    }

    /** A table with a bold header row; columns are shares of the text width; numbers right-aligned. */
    private void table(List<String[]> rows, float[] shares) throws IOException {
        float size = 9.5f;
        // A column is right-aligned, header included, when its first data cell is a number.
        boolean[] right = new boolean[shares.length];
        for (int k = 1; k < shares.length && rows.size() > 1; k++) {
            right[k] = looksNumeric(rows.get(1)[k]);
        }
        for (int r = 0; r < rows.size(); r++) {
            room(15);
            y -= 14;
            PDFont font = r == 0 ? bold : regular;
            float x = MARGIN;
            for (int k = 0; k < shares.length; k++) {
                float w = shares[k] * WIDTH;
                String cell = fit(font, size, clean(rows.get(r)[k]), w - 6);
                float tx = right[k] ? x + w - 6 - width(font, size, cell) : x;
                text(out, font, size, tx, y, cell);
                x += w;
            }
            if (r == 0) {
                out.setStrokingColor(0.6f, 0.6f, 0.6f);
                out.setLineWidth(0.5f);
                out.moveTo(MARGIN, y - 4);
                out.lineTo(MARGIN + WIDTH, y - 4);
                out.stroke();
                y -= 3;
            }
        }
    }

    private void drawChart(JFreeChart chart, float x, float bottom, float w, float h) throws IOException {
        // Laid out at 700 points wide, as on a screen, then scaled to the page: chart text ends up
        // about 9 points, like the captions.
        float scale = w / CHART_LAYOUT_WIDTH;
        PdfBoxGraphics2D g = new PdfBoxGraphics2D(doc, CHART_LAYOUT_WIDTH, h / scale);
        chart.draw(g, new Rectangle2D.Double(0, 0, CHART_LAYOUT_WIDTH, h / scale));
        g.dispose();
        out.saveGraphicsState();
        out.transform(Matrix.getTranslateInstance(x, bottom));
        out.transform(Matrix.getScaleInstance(scale, scale));
        out.drawForm(g.getXFormObject());
        out.restoreGraphicsState();
    }

    private static void text(PDPageContentStream s, PDFont font, float size, float x, float y, String t) throws IOException {
        s.beginText();
        s.setFont(font, size);
        s.newLineAtOffset(x, y);
        s.showText(t);
        s.endText();
    }

    private static float width(PDFont font, float size, String s) throws IOException {
        return font.getStringWidth(s) / 1000 * size;
    }

    static List<String> wrap(PDFont font, float size, String s, float max) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : s.split(" +")) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (line.length() > 0 && width(font, size, candidate) > max) {
                lines.add(line.toString());
                line.setLength(0);
                line.append(word);
            } else {
                line.setLength(0);
                line.append(candidate);
            }
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }

    private static String fit(PDFont font, float size, String s, float max) throws IOException {
        if (width(font, size, s) <= max) {
            return s;
        }
        String t = s;
        while (t.length() > 1 && width(font, size, t + "…") > max) {
            t = t.substring(0, t.length() - 1);
        }
        return t + "…";
    }

    /** Text as one line: PDF text operators take no line breaks or tabs. */
    private static String clean(String s) {
        return s == null ? "" : s.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
    }

    private static boolean looksNumeric(String s) {
        return s.matches("-?[0-9][0-9,.]*");
    }

    /** Whole numbers with thousands separators: dollars and units alike. */
    private static String usd(double v) {
        return String.format(Locale.ROOT, "%,.0f", v);
    }

}
