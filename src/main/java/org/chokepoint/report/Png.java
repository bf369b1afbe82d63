package org.chokepoint.report;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.TimeZone;
import javax.imageio.ImageIO;
import org.chokepoint.io.AtomicFiles;
import org.jfree.chart.JFreeChart;

/** Writes charts as PNG, atomically, at a size and scale (2 for high-density screens and print). */
public final class Png {

    private Png() {}

    public static void write(JFreeChart chart, Path file, int width, int height, double scale) throws IOException {
        TimeZone.setDefault(TimeZone.getTimeZone("UTC")); // date axes draw the same everywhere
        int w = (int) Math.round(width * scale);
        int h = (int) Math.round(height * scale);
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.scale(scale, scale);
        chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
        g.dispose();
        AtomicFiles.write(file, out -> ImageIO.write(image, "png", out));
    }
}
