package org.chokepoint.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.chokepoint.analysis.MonteCarlo;
import org.chokepoint.api.Chokepoint;
import org.chokepoint.engine.Parameters;
import org.chokepoint.model.Scenario;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShortfallChartTest {

    @TempDir
    Path dir;

    static final Scenario SAMPLE = Chokepoint.loadScenario(Path.of("scenarios/inspur-entity-list-2025.yaml"));

    @Test
    void datasetIsTheRecordedShortfallPerItem() {
        Chokepoint.Run run = Chokepoint.simulate(SAMPLE, Parameters.DEFAULT);
        MonteCarlo.Result mc = MonteCarlo.run(SAMPLE, Parameters.DEFAULT, 20, 2, new double[] {5, 50, 95}, r -> { });
        List<ShortfallChart.Data> data = ShortfallChart.data(SAMPLE, run.network(), run.series(), run.baselineSeries(), mc);
        assertThat(data).extracting(ShortfallChart.Data::item).containsExactlyElementsOf(
                SAMPLE.network().demand().stream().map(org.chokepoint.model.Demand::item).distinct().sorted().toList());
        ShortfallChart.Data gp = data.stream().filter(d -> d.item().equals("gp-server")).findFirst().orElseThrow();
        assertThat(gp.measuresBite()).isTrue();
        assertThat(data.stream().filter(d -> d.item().equals("thermal-camera")).findFirst().orElseThrow().measuresBite())
                .as("the listing does not reach US thermal cameras").isFalse();
        // gp-server has two markets: the chart's series is their sum, period by period.
        for (int t = 0; t < SAMPLE.periods(); t++) {
            double expected = 0;
            for (int j = 0; j < run.network().demandCount(); j++) {
                if (run.network().demand(j).item().equals("gp-server")) {
                    expected += run.series().shortfall(t, j);
                }
            }
            assertThat(gp.withMeasures()[t]).isEqualTo(expected);
        }
        double total = 0;
        for (double x : gp.withMeasures()) {
            total += x;
        }
        double fromSummary = run.summary().demand().stream().filter(d -> d.item().equals("gp-server"))
                .mapToDouble(org.chokepoint.analysis.RunSummary.DemandRow::shortfall).sum();
        assertThat(total).isCloseTo(fromSummary, org.assertj.core.data.Offset.offset(1e-6 * Math.max(1, fromSummary)));
        assertThat(gp.band()[0][50]).isLessThanOrEqualTo(gp.band()[2][50]);

        JFreeChart chart = ShortfallChart.chart(SAMPLE, data.get(0));
        assertThat(chart.getTitle().getText()).isEqualTo("Shortfall of AI server (8 H20-class accelerators)");
        XYPlot plot = chart.getXYPlot();
        assertThat(plot.getRangeAxis().getLabel()).isEqualTo("shortfall (units per week)");
        assertThat(plot.getDatasetCount()).isEqualTo(2);
        assertThat(plot.getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND)).hasSize(1); // 2025 listing; 2023 is before the start
        assertThat(chart.getLegend()).isNotNull();
    }

    @Test
    void pngHasTheConfiguredSizeAndIsNotBlank() throws Exception {
        Chokepoint.Run run = Chokepoint.simulate(SAMPLE, Parameters.DEFAULT);
        var d = ShortfallChart.data(SAMPLE, run.network(), run.series(), run.baselineSeries(), null).get(0);
        Path png = dir.resolve("c.png");
        Png.write(ShortfallChart.chart(SAMPLE, d), png, 800, 450, 2);
        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(img.getWidth()).isEqualTo(1600);
        assertThat(img.getHeight()).isEqualTo(900);
        int background = img.getRGB(1, 1);
        long different = 0;
        for (int y = 0; y < img.getHeight(); y += 3) {
            for (int x = 0; x < img.getWidth(); x += 3) {
                if (img.getRGB(x, y) != background) {
                    different++;
                }
            }
        }
        assertThat(different).as("pixels that are not background").isGreaterThan(5000);
        // Same chart, same bytes.
        Path again = dir.resolve("d.png");
        Png.write(ShortfallChart.chart(SAMPLE, d), again, 800, 450, 2);
        assertThat(again).hasSameBinaryContentAs(png);
    }
}
