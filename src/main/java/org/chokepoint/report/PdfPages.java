package org.chokepoint.report;

import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
import org.chokepoint.io.Digests;
import org.jfree.chart.JFreeChart;

/**
 * The page layout every Chokepoint PDF shares: A4, DejaVu Sans embedded, headings, bullets,
 * wrapped paragraphs, tables, charts drawn as vector graphics two to a page with captions, and a
 * footer on every page with the page number and the line that reproduces the document. The
 * document carries no creation date and an id derived from that line, so the same inputs give the
 * same bytes.
 */
final class PdfPages implements AutoCloseable {

    static final Path FONT_DIR = Path.of("/usr/share/fonts/truetype/dejavu");
    static final float MARGIN = 56;
    static final PDRectangle PAGE = PDRectangle.A4;
    static final float WIDTH = PAGE.getWidth() - 2 * MARGIN;
    private static final float CHART_LAYOUT_WIDTH = 700;

    final PDDocument doc;
    final PDFont regular;
    final PDFont bold;
    PDPageContentStream out;
    float y;

    PdfPages() throws IOException {
        doc = new PDDocument();
        Path r = FONT_DIR.resolve("DejaVuSans.ttf");
        Path b = FONT_DIR.resolve("DejaVuSans-Bold.ttf");
        if (!Files.isReadable(r) || !Files.isReadable(b)) {
            doc.close();
            throw new IOException("the report font DejaVu Sans is not installed (" + FONT_DIR
                    + "); install the fonts-dejavu-core package");
        }
        this.regular = PDType0Font.load(doc, r.toFile());
        this.bold = PDType0Font.load(doc, b.toFile());
    }

    /** Footers on every page, the document's title, creator and id, then the bytes to {@code target}. */
    void save(String title, String version, String reproducibility, OutputStream target) throws IOException {
        close();
        footers(reproducibility);
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(title);
        info.setCreator("Chokepoint " + version);
        info.setProducer("Chokepoint " + version);
        COSArray id = new COSArray();
        byte[] digest = Digests.sha256(reproducibility.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        id.add(new COSString(java.util.Arrays.copyOf(digest, 16)));
        id.add(new COSString(java.util.Arrays.copyOf(digest, 16)));
        doc.getDocument().getTrailer().setItem(COSName.ID, id);
        doc.save(target);
    }

    @Override
    public void close() throws IOException {
        if (out != null) {
            out.close();
            out = null;
        }
    }

    /** Releases the document; call after {@link #save}, or instead of it on failure. */
    void discard() throws IOException {
        close();
        doc.close();
    }

    /** A title page: the title large, then lines of smaller text. */
    void titlePage(String title, String... lines) throws IOException {
        newPage();
        y = PAGE.getHeight() - 220;
        paragraph(bold, 24, title, 30);
        y -= 12;
        for (String line : lines) {
            if (line != null && !line.isBlank()) {
                paragraph(regular, 12, line, 17);
                y -= 10;
            }
        }
    }

    /** Charts two to a page, each with its caption under it. */
    void figures(List<PdfReport.Figure> figures) throws IOException {
        float h = WIDTH * 0.56f;
        boolean top = true;
        for (PdfReport.Figure f : figures) {
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

    private void footers(String repro) throws IOException {
        int n = doc.getNumberOfPages();
        for (int i = 0; i < n; i++) {
            try (PDPageContentStream f = new PDPageContentStream(doc, doc.getPage(i), PDPageContentStream.AppendMode.APPEND, true)) {
                f.setNonStrokingColor(0.4f, 0.4f, 0.4f);
                text(f, regular, 8, MARGIN, 30, repro);
                String page = "page " + (i + 1) + " of " + n;
                text(f, regular, 8, PAGE.getWidth() - MARGIN - width(regular, 8, page), 30, page);
            }
        }
    }

    void newPage() throws IOException {
        close();
        PDPage page = new PDPage(PAGE);
        doc.addPage(page);
        out = new PDPageContentStream(doc, page);
        y = PAGE.getHeight() - MARGIN;
    }

    void room(float needed) throws IOException {
        if (y - needed < MARGIN + 20) {
            newPage();
        }
    }

    void heading(String s) throws IOException {
        room(40);
        y -= 18;
        text(out, bold, 16, MARGIN, y, s);
        y -= 14;
    }

    void subheading(String s) throws IOException {
        room(30);
        y -= 13;
        text(out, bold, 11, MARGIN, y, s);
        y -= 8;
    }

    void bullet(String s) throws IOException {
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

    void paragraph(PDFont font, float size, String s, float leading) throws IOException {
        for (String line : wrap(font, size, clean(s), WIDTH)) {
            room(leading);
            y -= leading;
            text(out, font, size, MARGIN, y, line);
        }
    }

    /**
     * A table with a bold header row; columns are shares of the text width; numbers right-aligned.
     * A cell too long for its column wraps onto more lines (a word longer than the column is broken
     * inside), so nothing is ever cut; a row never splits across pages.
     */
    void table(List<String[]> rows, float[] shares) throws IOException {
        float size = 9.5f;
        float leading = 11.5f;
        // A column is right-aligned, header included, when its first data cell is a number.
        boolean[] right = new boolean[shares.length];
        for (int k = 1; k < shares.length && rows.size() > 1; k++) {
            right[k] = looksNumeric(rows.get(1)[k]);
        }
        for (int r = 0; r < rows.size(); r++) {
            PDFont font = r == 0 ? bold : regular;
            List<List<String>> cells = new ArrayList<>();
            int height = 1;
            for (int k = 0; k < shares.length; k++) {
                List<String> lines = wrapBreaking(font, size, clean(rows.get(r)[k]), shares[k] * WIDTH - 6);
                cells.add(lines);
                height = Math.max(height, lines.size());
            }
            room(14 + leading * (height - 1) + 1);
            y -= 14;
            float x = MARGIN;
            for (int k = 0; k < shares.length; k++) {
                float w = shares[k] * WIDTH;
                float ly = y;
                for (String line : cells.get(k)) {
                    float tx = right[k] ? x + w - 6 - width(font, size, line) : x;
                    text(out, font, size, tx, ly, line);
                    ly -= leading;
                }
                x += w;
            }
            y -= leading * (height - 1);
            if (r == 0) {
                out.setStrokingColor(0.6f, 0.6f, 0.6f);
                out.setLineWidth(0.5f);
                out.moveTo(MARGIN, y - 4);
                out.lineTo(MARGIN + WIDTH, y - 4);
                out.stroke();
                y -= 3;
            } else if (height > 1) {
                y -= 3; // a little air after a wrapped row, so rows stay apart
            }
        }
    }

    /** {@link #wrap} that also breaks a word wider than {@code max}, so every line fits. */
    static List<String> wrapBreaking(PDFont font, float size, String s, float max) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line : wrap(font, size, s, max)) {
            String rest = line;
            while (width(font, size, rest) > max && rest.length() > 1) {
                int cut = rest.length() - 1;
                while (cut > 1 && width(font, size, rest.substring(0, cut)) > max) {
                    cut--;
                }
                // Break after a hyphen, slash or dot in the part that fits, when there is one.
                int soft = Math.max(rest.lastIndexOf('-', cut - 1), Math.max(rest.lastIndexOf('/', cut - 1), rest.lastIndexOf('.', cut - 1)));
                if (soft > cut / 2) {
                    cut = soft + 1;
                }
                lines.add(rest.substring(0, cut));
                rest = rest.substring(cut);
            }
            lines.add(rest);
        }
        return lines.isEmpty() ? List.of("") : lines;
    }

    void drawChart(JFreeChart chart, float x, float bottom, float w, float h) throws IOException {
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

    static void text(PDPageContentStream s, PDFont font, float size, float x, float y, String t) throws IOException {
        s.beginText();
        s.setFont(font, size);
        s.newLineAtOffset(x, y);
        s.showText(t);
        s.endText();
    }

    static float width(PDFont font, float size, String s) throws IOException {
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

    /** Text as one line: PDF text operators take no line breaks or tabs. */
    static String clean(String s) {
        return s == null ? "" : s.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
    }

    static boolean looksNumeric(String s) {
        return s.matches("-?[0-9][0-9,.]*");
    }

    /** Whole numbers with thousands separators: dollars and units alike. */
    static String usd(double v) {
        return String.format(Locale.ROOT, "%,.0f", v);
    }

    /** An amount for a reader: {@code USD 8.24 bn}, {@code USD 16.8 m}, {@code USD 950,000}. */
    static String money(double v) {
        double a = Math.abs(v);
        if (a >= 1e9) {
            return String.format(Locale.ROOT, "USD %.2f bn", v / 1e9);
        }
        if (a >= 1e6) {
            return String.format(Locale.ROOT, "USD %.1f m", v / 1e6);
        }
        return String.format(Locale.ROOT, "USD %,.0f", v);
    }
}
