package org.chokepoint.cli;

import java.time.LocalDate;
import picocli.CommandLine.Option;

/** How charts and reports are written, shared by every command that writes them. */
final class ChartOptions {

    @Option(names = "--png-width", paramLabel = "PX", defaultValue = "1100",
            description = "Chart width in points; the height follows at 16:9-ish (default: ${DEFAULT-VALUE}).")
    int pngWidth;

    @Option(names = "--png-scale", paramLabel = "X", defaultValue = "1",
            description = "Pixels per point, 2 for sharp slides and print (default: ${DEFAULT-VALUE}).")
    double pngScale;

    @Option(names = "--no-run-date",
            description = "Leave the run date off the PDF's title page, so reruns give identical files.")
    boolean noRunDate;

    /** Widest chart in pixels: 8000 × 4480 is 36 million pixels, about 140 MB while drawn. */
    static final int MAX_PIXELS_WIDE = 8000;

    int pngHeight() {
        return (int) Math.round(pngWidth * 0.56);
    }

    /** Today for the title page, or null with --no-run-date. */
    LocalDate runDate() {
        return noRunDate ? null : LocalDate.now(java.time.ZoneOffset.UTC);
    }

    void check() {
        if (pngWidth < 300 || pngWidth > 6000 || !(pngScale >= 0.5 && pngScale <= 4)) {
            throw new Main.UsageException("--png-width takes 300 to 6000 and --png-scale 0.5 to 4");
        }
        if (pngWidth * pngScale > MAX_PIXELS_WIDE) {
            throw new Main.UsageException("--png-width " + pngWidth + " at --png-scale " + pngScale + " makes charts "
                    + Math.round(pngWidth * pngScale) + " pixels wide; at most " + MAX_PIXELS_WIDE
                    + " (e.g. --png-width 2000 --png-scale 4 for print)");
        }
    }
}
