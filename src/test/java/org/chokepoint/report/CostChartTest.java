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
    void barsAreEachCountrysLostValueAddedInMillionsLargestFirst() {
        RunSummary summary = Chokepoint.simulate(SAMPLE, Parameters.DEFAULT).summary();
        DefaultCategoryDataset d = CostChart.data(summary);

        assertThat(d.getColumnCount()).isEqualTo(summary.countries().size());
        double previous = Double.POSITIVE_INFINITY;
        double sumValueAdded = 0;
        double sumGross = 0;
        for (int c = 0; c < d.getColumnCount(); c++) {
            String country = (String) d.getColumnKey(c);
            RunSummary.Totals t = summary.countries().stream().filter(x -> x.key().equals(country)).findFirst().orElseThrow();
            double va = d.getValue(CostChart.SERIES.get(0), country).doubleValue();
            double gross = d.getValue(CostChart.SERIES.get(1), country).doubleValue();
            assertThat(va).isEqualTo(t.lostValueAdded() / 1e6);
            assertThat(gross).isEqualTo(t.lostRevenue() / 1e6);
            assertThat(Math.abs(va)).isLessThanOrEqualTo(previous);
            previous = Math.abs(va);
            sumValueAdded += va;
            sumGross += gross;
        }
        // Gross sales summed over tiers count parts again: more than the value added lost in all.
        assertThat(sumGross).isGreaterThan(sumValueAdded);
        // Both sides pay: the US suppliers lose value added on their sales to Inspur's Chinese plants.
        assertThat(d.getValue(CostChart.SERIES.get(0), "US").doubleValue()).isPositive();

        DefaultCategoryDataset firms = CostChart.data(summary.firms());
        assertThat(firms.getColumnCount()).isEqualTo(Math.min(CostChart.MAX_BARS, summary.firms().size()));
        RunSummary.Totals inspur = summary.firms().stream().filter(f -> f.key().equals("inspur-electronic")).findFirst().orElseThrow();
        assertThat(firms.getValue(CostChart.SERIES.get(0), "inspur-electronic").doubleValue()).isEqualTo(inspur.lostValueAdded() / 1e6);
        JFreeChart byFirm = CostChart.byFirm(SAMPLE, summary);
        assertThat(byFirm.getTitle().getText()).isEqualTo("Value added lost to the measures, by firm");
        // the bars carry the firms' names, not their ids
        assertThat(byFirm.getCategoryPlot().getDataset().getColumnKeys()).map(Object::toString)
                .contains(SAMPLE.network().firm("inspur-electronic").name()).doesNotContain("inspur-electronic");

        JFreeChart chart = CostChart.chart(SAMPLE, summary);
        assertThat(chart.getTitle().getText()).isEqualTo("Value added lost to the measures, by country");
        assertThat(chart.getCategoryPlot().getRangeAxis().getLabel()).isEqualTo("USD millions over the run");
        assertThat(chart.getLegend()).isNotNull();
    }

    /** Each waterfall bar is its cause's share of the baseline unit cost; the bars add up to the total. */
    @Test
    void unitCostWaterfallAddsUp() {
        RunSummary summary = Chokepoint.simulate(SAMPLE, Parameters.DEFAULT).summary();
        assertThat(summary.unitCosts()).extracting(RunSummary.UnitCostRow::site).contains("inspur-ai-line", "inspur-gp-line")
                .hasSize((int) SAMPLE.network().demand().stream().map(org.chokepoint.model.Demand::site).distinct().count());
        // Charted: the end items whose unit cost the measures moved, and only those.
        assertThat(UnitCostChart.rows(summary)).extracting(RunSummary.UnitCostRow::site)
                .containsExactlyInAnyOrder("inspur-ai-line", "inspur-gp-line");
        for (RunSummary.UnitCostRow u : UnitCostChart.rows(summary)) {
            DefaultCategoryDataset d = UnitCostChart.data(u);
            double sum = 0;
            for (org.chokepoint.engine.CostCause c : org.chokepoint.engine.CostCause.values()) {
                double bar = d.getValue("change", c.label()).doubleValue();
                assertThat(bar).isCloseTo(100 * u.change(c) / u.baseline(), org.assertj.core.data.Offset.offset(1e-12));
                sum += bar;
            }
            sum += d.getValue("change", UnitCostChart.MIX).doubleValue();
            double total = d.getValue("change", UnitCostChart.TOTAL).doubleValue();
            assertThat(sum).isCloseTo(total, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(total).isCloseTo(100 * (u.scenario() - u.baseline()) / u.baseline(), org.assertj.core.data.Offset.offset(1e-9));
            // Alternates are dearer per unit: with Inspur buying from them, premiums raise the cost.
            assertThat(u.change(org.chokepoint.engine.CostCause.PREMIUM)).isPositive();
            assertThat(UnitCostChart.chart(SAMPLE, u).getTitle().getText()).isEqualTo("Unit cost of " + SAMPLE.network().item(u.item()).name() + " by cause");
        }
    }

    /** Unit-cost labels show a small change with its digits and nothing as 0: never "+0%" or "-0%". */
    @org.junit.jupiter.api.Test
    void unitCostLabelsNeverSayPlusOrMinusZero() {
        java.text.NumberFormat f = new UnitCostChart.SignedFormat();
        org.assertj.core.api.Assertions.assertThat(f.format(0.0)).isEqualTo("0");
        org.assertj.core.api.Assertions.assertThat(f.format(1e-12)).isEqualTo("0");
        org.assertj.core.api.Assertions.assertThat(f.format(0.004)).isEqualTo("+0.004");
        org.assertj.core.api.Assertions.assertThat(f.format(-0.0031)).isEqualTo("-0.003");
        org.assertj.core.api.Assertions.assertThat(f.format(0.2)).isEqualTo("+0.2");
        org.assertj.core.api.Assertions.assertThat(f.format(-1.256)).isEqualTo("-1.26");
    }
}
