package org.chokepoint.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jfree.data.xy.XYZDataset;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepChartsTest {

    @TempDir
    Path dir;

    @Test
    void oneParameterGivesTheMeanWithItsBand() throws Exception {
        Path csv = dir.resolve("sweep.csv");
        Files.writeString(csv, """
                point,a.b,metric,mean,p5,p95
                0,0,fill-rate,0.5,0.4,0.6
                1,0.5,fill-rate,0.7,0.65,0.8
                2,1,fill-rate,0.9,0.9,0.95
                """);
        List<SweepCharts.Named> charts = SweepCharts.charts("t", csv, List.of("a.b"), true);
        assertThat(charts).extracting(SweepCharts.Named::file).containsExactly("sweep-fill-rate.png");
        YIntervalSeriesCollection d = (YIntervalSeriesCollection) charts.get(0).chart().getXYPlot().getDataset();
        assertThat(d.getItemCount(0)).isEqualTo(3);
        assertThat(d.getXValue(0, 1)).isEqualTo(0.5);
        assertThat(d.getYValue(0, 1)).isEqualTo(0.7);
        assertThat(d.getStartYValue(0, 1)).isEqualTo(0.65);
        assertThat(d.getEndYValue(0, 1)).isEqualTo(0.8);
        assertThat(charts.get(0).chart().getTitle().getText()).isEqualTo("Fill rate (share of demand delivered) across the sweep");
    }

    @Test
    void twoParametersOnAGridGiveAHeatMapOfTheMean() throws Exception {
        Path csv = dir.resolve("sweep.csv");
        StringBuilder b = new StringBuilder("point,x,y,metric,mean,p50\n");
        int point = 0;
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 2; j++) {
                b.append(point++).append(',').append(i).append(',').append(10 * j).append(",total-shortfall,")
                        .append(100 * i + j).append(",0\n");
            }
        }
        Files.writeString(csv, b);
        List<SweepCharts.Named> charts = SweepCharts.charts("t", csv, List.of("x", "y"), true);
        XYZDataset d = (XYZDataset) charts.get(0).chart().getXYPlot().getDataset();
        assertThat(d.getItemCount(0)).isEqualTo(6);
        for (int k = 0; k < 6; k++) {
            assertThat(d.getZValue(0, k)).isEqualTo(100 * d.getXValue(0, k) + d.getYValue(0, k) / 10);
        }
        // Scattered designs get no chart.
        assertThat(SweepCharts.charts("t", csv, List.of("x", "y"), false)).isEmpty();
    }
}
