package org.chokepoint.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.chokepoint.analysis.RunSummary;
import org.chokepoint.api.Chokepoint;
import org.chokepoint.engine.Parameters;
import org.chokepoint.model.Scenario;
import org.jfree.chart.JFreeChart;
import org.jfree.data.category.DefaultCategoryDataset;
import org.junit.jupiter.api.Test;

class CostChartTest {

    static final Scenario SAMPLE = Chokepoint.loadScenario(Path.of("scenarios/inspur-entity-list-2025.yaml"));

    @Test
    void barsAreEachCountrysCostsInMillionsLargestFirst() {
        RunSummary summary = Chokepoint.simulate(SAMPLE, Parameters.DEFAULT).summary();
        DefaultCategoryDataset d = CostChart.data(summary);

        assertThat(d.getColumnCount()).isEqualTo(summary.countries().size());
        double previous = Double.POSITIVE_INFINITY;
        for (int c = 0; c < d.getColumnCount(); c++) {
            String country = (String) d.getColumnKey(c);
            RunSummary.Totals t = summary.countries().stream().filter(x -> x.key().equals(country)).findFirst().orElseThrow();
            double lost = d.getValue("lost revenue", country).doubleValue();
            double extra = d.getValue("extra cost of inputs", country).doubleValue();
            assertThat(lost).isEqualTo(t.lostRevenue() / 1e6);
            assertThat(extra).isEqualTo(t.extraProcurementCost() / 1e6);
            assertThat(Math.abs(lost) + Math.abs(extra)).isLessThanOrEqualTo(previous);
            previous = Math.abs(lost) + Math.abs(extra);
        }
        // Both sides pay: the listing costs the US suppliers revenue and the Chinese maker its sales.
        assertThat(d.getValue("lost revenue", "US").doubleValue()).isPositive();
        assertThat(d.getValue("lost revenue", "CN").doubleValue()).isPositive();

        // By firm: the largest MAX_BARS firms, same figures.
        DefaultCategoryDataset firms = CostChart.data(summary.firms());
        assertThat(firms.getColumnCount()).isEqualTo(Math.min(CostChart.MAX_BARS, summary.firms().size()));
        RunSummary.Totals inspur = summary.firms().stream().filter(f -> f.key().equals("inspur-electronic")).findFirst().orElseThrow();
        assertThat(firms.getValue("lost revenue", "inspur-electronic").doubleValue()).isEqualTo(inspur.lostRevenue() / 1e6);
        assertThat(CostChart.byFirm(SAMPLE, summary).getTitle().getText()).isEqualTo("Cost of the measures by firm");

        JFreeChart chart = CostChart.chart(SAMPLE, summary);
        assertThat(chart.getTitle().getText()).isEqualTo("Cost of the measures by country");
        assertThat(chart.getCategoryPlot().getRangeAxis().getLabel()).isEqualTo("USD millions over the run");
        assertThat(chart.getLegend()).isNotNull();
    }
}
