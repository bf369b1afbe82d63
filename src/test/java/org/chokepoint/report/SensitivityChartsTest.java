package org.chokepoint.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.chokepoint.analysis.Sensitivity;
import org.jfree.data.category.DefaultCategoryDataset;
import org.junit.jupiter.api.Test;

class SensitivityChartsTest {

    @Test
    void tornadoBarsAreChangesFromTheCentreInMillions() {
        List<Sensitivity.Bar> bars = List.of(new Sensitivity.Bar("a", 0, 1, 9e6, 2e6), new Sensitivity.Bar("b", 3, 4, 5.5e6, 4.5e6));
        DefaultCategoryDataset d = SensitivityCharts.tornadoData(bars, 5e6);
        assertThat(d.getColumnKeys()).containsExactly("a", "b");
        assertThat(d.getValue("parameter at its P5", "a").doubleValue()).isEqualTo(4.0);
        assertThat(d.getValue("parameter at its P95", "a").doubleValue()).isEqualTo(-3.0);
        assertThat(d.getValue("parameter at its P5", "b").doubleValue()).isEqualTo(0.5);
        assertThat(d.getValue("parameter at its P95", "b").doubleValue()).isEqualTo(-0.5);
    }

    @Test
    void sobolBarsAreTheIndices() {
        List<Sensitivity.Index> ix = List.of(new Sensitivity.Index("x1", 0.31, 0.2, 0.4, 0.55, 0.5, 0.6),
                new Sensitivity.Index("x3", 0.0, -0.05, 0.05, 0.24, 0.2, 0.3));
        DefaultCategoryDataset d = SensitivityCharts.sobolData(ix);
        assertThat(d.getValue("first order (alone)", "x1").doubleValue()).isEqualTo(0.31);
        assertThat(d.getValue("total (with interactions)", "x3").doubleValue()).isEqualTo(0.24);
        double[][][] whiskers = SensitivityCharts.sobolIntervals(ix);
        assertThat(whiskers[0][0]).containsExactly(0.2, 0.4);
        assertThat(whiskers[1][1]).containsExactly(0.2, 0.3);
        assertThat(SensitivityCharts.sobol(org.chokepoint.report.PdfReportTest.SAMPLE, ix).getTitle().getText())
                .isEqualTo("Sobol sensitivity indices");
    }
}
