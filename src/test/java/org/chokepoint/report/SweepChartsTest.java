package org.chokepoint.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.chokepoint.analysis.Sweep;
import org.chokepoint.analysis.SweepEffects;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.xy.XYZDataset;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.junit.jupiter.api.Test;

class SweepChartsTest {

    static Sweep.Row row(int point, Map<String, Double> values, String metric, double mean, double... ps) {
        return new Sweep.Row(point, values, metric, mean, ps);
    }

    @Test
    void oneParameterGivesTheMeanWithItsBand() {
        List<Sweep.Row> rows = List.of(row(0, Map.of("a.b", 0.0), "fill-rate", 0.5, 0.4, 0.6),
                row(1, Map.of("a.b", 0.5), "fill-rate", 0.7, 0.65, 0.8),
                row(2, Map.of("a.b", 1.0), "fill-rate", 0.9, 0.9, 0.95));
        List<SweepCharts.Named> charts = SweepCharts.charts("t", rows, List.of("a.b"), true, new double[] {5, 95});
        assertThat(charts).extracting(SweepCharts.Named::file).containsExactly("sweep-fill-rate.png");
        YIntervalSeriesCollection d = (YIntervalSeriesCollection) charts.get(0).chart().getXYPlot().getDataset();
        assertThat(d.getItemCount(0)).isEqualTo(3);
        assertThat(d.getXValue(0, 1)).isEqualTo(0.5);
        assertThat(d.getYValue(0, 1)).isEqualTo(0.7);
        assertThat(d.getStartYValue(0, 1)).isEqualTo(0.65);
        assertThat(d.getEndYValue(0, 1)).isEqualTo(0.8);
        assertThat(d.getSeriesKey(0)).isEqualTo("mean, P5–P95 band");
        assertThat(charts.get(0).chart().getTitle().getText()).isEqualTo("Fill rate (share of the value of demand delivered) across the sweep");
    }

    /** x in {0, 1, 2} × y in {0, 10}; the metric is 100x + y/10. */
    static List<Sweep.Row> grid() {
        List<Sweep.Row> rows = new ArrayList<>();
        int point = 0;
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 2; j++) {
                Map<String, Double> v = new LinkedHashMap<>();
                v.put("x", (double) i);
                v.put("y", 10.0 * j);
                rows.add(row(point++, v, "fill-rate", 100 * i + j, 0));
            }
        }
        return rows;
    }

    @Test
    void twoParametersOnAGridGiveAHeatMapOfTheMean() {
        List<SweepCharts.Named> charts = SweepCharts.charts("t", grid(), List.of("x", "y"), true, new double[] {50});
        XYZDataset d = (XYZDataset) charts.get(0).chart().getXYPlot().getDataset();
        assertThat(d.getItemCount(0)).isEqualTo(6);
        for (int k = 0; k < 6; k++) {
            assertThat(d.getZValue(0, k)).isEqualTo(100 * d.getXValue(0, k) + d.getYValue(0, k) / 10);
        }
        // every cell says its value; for the fill rate (higher is better) the darkest colour is the lowest value
        var plot = charts.get(0).chart().getXYPlot();
        assertThat(plot.getAnnotations()).hasSize(6);
        var scale = ((org.jfree.chart.renderer.xy.XYBlockRenderer) plot.getRenderer()).getPaintScale();
        java.awt.Color low = (java.awt.Color) scale.getPaint(scale.getLowerBound());
        java.awt.Color high = (java.awt.Color) scale.getPaint(scale.getUpperBound() - 1e-9);
        assertThat(low.getGreen()).as("the lowest fill rate is the darkest").isLessThan(high.getGreen());
        assertThat(SweepCharts.parameterLabel("measures.bis.license.approval")).isEqualTo("license approval probability, bis");
        assertThat(SweepCharts.parameterLabel("sites.line.stock.chip")).isEqualTo("stock of chip at line (periods of cover)");
        // Scattered designs get no chart of the metric.
        assertThat(SweepCharts.charts("t", grid(), List.of("x", "y"), false, new double[] {50})).isEmpty();
    }

    /**
     * Worked by hand. Ranks of the metric are 1..6; x's ranks are 1.5, 1.5, 3.5, 3.5, 5.5, 5.5 (ties
     * averaged), deviations ±2 and 0 against the metric's ±2.5, ±1.5, ±0.5: ρ = 16 / √(16 · 17.5).
     * y's ranks are 2 or 5: ρ = 4.5 / √(13.5 · 17.5). Main effects: x's level means 0.5, 100.5,
     * 200.5 (spread 200); y's 100 and 101 (spread 1).
     */
    @Test
    void effectsAreRankCorrelationsAndMainEffects() {
        List<SweepEffects.Effect> e = SweepEffects.of(grid(), List.of("x", "y"));
        assertThat(e).extracting(SweepEffects.Effect::parameter).containsExactly("x", "y");
        assertThat(e.get(0).rho()).isCloseTo(16 / Math.sqrt(16 * 17.5), Offset.offset(1e-12));
        assertThat(e.get(1).rho()).isCloseTo(4.5 / Math.sqrt(13.5 * 17.5), Offset.offset(1e-12));
        assertThat(e.get(0).mainEffect()).isCloseTo(200, Offset.offset(1e-9));
        assertThat(e.get(1).mainEffect()).isCloseTo(1, Offset.offset(1e-9));
        assertThat(e.get(0).levels()).isEqualTo(3);

        CategoryDataset bars = SweepCharts.effectsData(e);
        assertThat(bars.getValue("fill rate (share of the value of demand delivered)", "x").doubleValue()).isEqualTo(e.get(0).rho());
        assertThat(SweepCharts.effects("t", e).getTitle().getText()).isEqualTo("Which swept parameter moves each metric");
    }

    /** A scattered design: no value repeats, so no main effect; a constant metric has no ρ. */
    @Test
    void scatteredPointsHaveNoMainEffect() {
        List<Sweep.Row> rows = List.of(row(0, Map.of("x", 0.1, "y", 3.0), "m", 5), row(1, Map.of("x", 0.7, "y", 1.0), "m", 5),
                row(2, Map.of("x", 0.4, "y", 2.0), "m", 5), row(3, Map.of("x", 0.9, "y", 4.0), "m", 5));
        SweepEffects.Effect e = SweepEffects.of(rows, List.of("x", "y")).get(0);
        assertThat(e.rho()).isNaN();
        assertThat(e.mainEffect()).isNaN();
    }
}
