package org.chokepoint.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.chokepoint.analysis.SyntheticNetworks;
import org.chokepoint.api.Chokepoint;
import org.chokepoint.engine.Parameters;
import org.chokepoint.model.Scenario;
import org.chokepoint.model.Step;
import org.junit.jupiter.api.Test;

/** results.csv on a large network: the hardest-hit sites in full, the rest in totals by country that still add up. */
class ResultsWriterTest {

    /**
     * The books in results.csv, per site and period: the change in the value of stocks and goods
     * in transit is what was bought less what was used; flows out (tariffs, premiums, carrying
     * cost of delayed shipments) are never negative and, with licences under review and
     * alternates at a premium, not all zero; value added is revenue less the inputs used. (That
     * the books as a whole add up to final demand is AccountsTest's, on the engine.)
     */
    @Test
    void theBooksInResultsAddUpPerSiteAndPeriod() throws IOException {
        Scenario s = org.chokepoint.io.ScenarioReader.read(java.nio.file.Path.of("scenarios/inspur-entity-list-2025.yaml"));
        Chokepoint.Run run = Chokepoint.simulate(s, Parameters.of(s));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ResultsWriter.writeCsv(s, run.network(), run.series(), out);
        Map<String, Double> v = rows(out, 2);
        double flows = 0;
        for (int t = 0; t < s.periods(); t++) {
            for (var site : s.network().sites()) {
                String id = site.id();
                double bought = v.get(t + "|purchases|" + id);
                double used = v.get(t + "|inputs-used|" + id);
                double change = v.get(t + "|stock-value-change|" + id);
                double out_ = v.get(t + "|flows-out|" + id);
                assertThat(change).as("period %d site %s", t, id).isCloseTo(bought - used, offset(1e-6 * Math.max(1, bought)));
                assertThat(out_).as("period %d site %s", t, id).isGreaterThanOrEqualTo(-1e-9 * Math.max(1, bought));
                flows += out_;
                double revenue = v.get(t + "|revenue|" + id);
                assertThat(v.get(t + "|value-added|" + id)).as("period %d site %s", t, id)
                        .isCloseTo(revenue - used, offset(1e-6 * Math.max(1, revenue)));
            }
        }
        assertThat(flows).as("flows out over the run").isPositive();
    }

    /**
     * links.csv: every unit a site makes goes out on its links or to its end buyers in the same
     * period, so a site's output is what its links shipped plus what its buyers received, period
     * by period, read back from the two tables.
     */
    @Test
    void whatLinksShipAndEndBuyersReceiveIsWhatSitesMake() throws IOException {
        Scenario s = org.chokepoint.io.ScenarioReader.read(java.nio.file.Path.of("scenarios/inspur-entity-list-2025.yaml"));
        Chokepoint.Run run = Chokepoint.simulate(s, Parameters.of(s), true);
        ByteArrayOutputStream results = new ByteArrayOutputStream();
        ResultsWriter.writeCsv(s, run.network(), run.series(), results);
        ByteArrayOutputStream links = new ByteArrayOutputStream();
        ResultsWriter.writeLinks(s, run.network(), run.series(), links);
        Map<String, Double> out = new HashMap<>();
        String[] lines = links.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines[0]).isEqualTo("period,date,metric,unit,from,to,item,path,value");
        int alternates = 0;
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].split(",", -1);
            if (f[2].equals("shipped")) {
                out.merge(f[0] + "|" + f[4], Double.parseDouble(f[8]), Double::sum);
                alternates += f[7].equals("alternate") ? 1 : 0;
            }
        }
        assertThat(alternates).isEqualTo(s.periods() * s.network().alternates().size());
        Map<String, Double> r = rows(results, 2);
        for (var d : s.network().demand()) {
            for (int t = 0; t < s.periods(); t++) {
                out.merge(t + "|" + d.site(), r.get(t + "|delivered|" + d.site() + "@" + d.market()), Double::sum);
            }
        }
        for (int t = 0; t < s.periods(); t++) {
            for (var site : s.network().sites()) {
                double made = r.get(t + "|output|" + site.id());
                assertThat(out.getOrDefault(t + "|" + site.id(), 0.0)).as("period %d site %s", t, site.id())
                        .isCloseTo(made, offset(1e-6 * Math.max(1, made)));
            }
        }
    }

    /**
     * results-by-quarter.csv sums flows and averages levels over each quarter's days, splitting a
     * week that straddles two quarters by its days; firm rows sum their sites. Checked by hand on
     * two rows read back from results.csv: the sample's first quarter covers 2024-01-01 to
     * 2024-03-31, 91 days, periods 0 to 12 whole (period 12 is 2024-03-25 to 03-31).
     */
    @Test
    void quarterlyResultsAreTheWeeklyOnesSummedOrAveragedByDays() throws IOException {
        Scenario s = org.chokepoint.io.ScenarioReader.read(java.nio.file.Path.of("scenarios/inspur-entity-list-2025.yaml"));
        Chokepoint.Run run = Chokepoint.simulate(s, Parameters.of(s));
        ByteArrayOutputStream weekly = new ByteArrayOutputStream();
        ResultsWriter.writeCsv(s, run.network(), run.series(), weekly);
        ByteArrayOutputStream quarterly = new ByteArrayOutputStream();
        ResultsWriter.writeAggregated(s, run.network(), run.series(), ResultsWriter.allSites(run.network()),
                org.chokepoint.model.Observed.Per.QUARTER, quarterly);
        Map<String, Double> w = rows(weekly, 2);
        List<String> lines = List.of(quarterly.toString(StandardCharsets.UTF_8).split("\n"));
        assertThat(lines.get(0)).isEqualTo("period,start,end,days,metric,unit,site,firm,item,market,input,country,value");
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            if (f[0].equals("2024-Q1")) {
                assertThat(f[1] + " " + f[2] + " " + f[3]).isEqualTo("2024-01-01 2024-03-31 91");
            }
        }
        Map<String, Double> q = rows(quarterly, 4);
        // a flow: revenue of the AI line, the sum of 13 weeks
        double revenue = 0;
        double stock = 0;
        for (int t = 0; t <= 12; t++) {
            revenue += w.get(t + "|revenue|inspur-ai-line");
            stock += 7 * w.get(t + "|stock|inspur-ai-line/gpu-hopper");
        }
        assertThat(q.get("2024-Q1|revenue|inspur-ai-line")).isCloseTo(revenue, offset(1e-6 * revenue));
        // a level: the day-weighted mean of the stock
        assertThat(q.get("2024-Q1|stock|inspur-ai-line/gpu-hopper")).isCloseTo(stock / 91, offset(1e-9 * stock));
        // a quarter that starts inside a week: Q2 2025 begins on Tuesday 2025-04-01, in period 65 (from 2025-03-31)
        double q2 = 6.0 / 7 * w.get("65|output|inspur-gp-line");
        for (int t = 66; t <= 77; t++) {
            q2 += w.get(t + "|output|inspur-gp-line");
        }
        q2 += 1.0 / 7 * w.get("78|output|inspur-gp-line");
        assertThat(q.get("2025-Q2|output|inspur-gp-line")).isCloseTo(q2, offset(1e-6 * Math.max(1, q2)));
        // by firm: the two Inspur lines
        assertThat(q.get("2024-Q1|firm-revenue|inspur-electronic")).isCloseTo(
                q.get("2024-Q1|revenue|inspur-ai-line") + q.get("2024-Q1|revenue|inspur-gp-line"), offset(1e-3));
    }

    /**
     * totals.csv carries what each run drew, and the outcome follows the draw: a plant of drawn
     * capacity (5 to 9 a week) against buyers of 10 is short by 10 less the capacity every week.
     */
    @Test
    void totalsCarryEachRunsDrawsAndTheOutcomeFollowsThem(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws IOException {
        java.nio.file.Path f = java.nio.file.Files.writeString(dir.resolve("s.yaml"), """
                scenario: draws
                start: 2025-01-06
                step: week
                periods: 10
                seed: 7
                network:
                  items:
                    - {id: widget, value: 100, category: end-product}
                  firms:
                    - {id: maker, country: DE}
                  sites:
                    - {id: plant, firm: maker, makes: widget, capacity: 20}
                  demand:
                    - {item: widget, market: DE, site: plant, quantity: 10}
                uncertainty:
                  runs: 6
                  parameters:
                    - {path: sites.plant.capacity, distribution: uniform, min: 5, max: 9}
                """);
        Scenario s = ScenarioReader.read(f);
        org.chokepoint.analysis.MonteCarlo.Result mc = org.chokepoint.analysis.MonteCarlo.run(s, Parameters.of(s), 6, 2,
                new double[] {5, 50, 95}, r -> { });
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ResultsWriter.writeTotals(s, mc, out);
        List<String> lines = List.of(out.toString(StandardCharsets.UTF_8).split("\n"));
        assertThat(lines.get(0)).isEqualTo("run,total-shortfall-value,shortfall-value-DE,sites.plant.capacity");
        assertThat(lines).hasSize(7);
        java.util.Set<Double> seen = new java.util.HashSet<>();
        for (int r = 0; r < 6; r++) {
            String[] cell = lines.get(r + 1).split(",");
            double capacity = Double.parseDouble(cell[3]);
            assertThat(capacity).isEqualTo(org.chokepoint.analysis.MonteCarlo.draws(s, r)[0]).isBetween(5.0, 9.0);
            assertThat(Double.parseDouble(cell[1])).as("run %d", r).isCloseTo((10 - capacity) * 100 * 10, offset(1e-6));
            seen.add(capacity);
        }
        assertThat(seen).as("every run draws its own").hasSize(6);
    }

    /**
     * The rows of a results table by {@code PERIOD|METRIC|WHAT}, WHAT being the site (with
     * {@code /INPUT} for a stock), else the firm, the country, or {@code ITEM@MARKET}; the metric is
     * column {@code m} (2 in results.csv, 4 in the calendar tables, after start, end and days).
     */
    static Map<String, Double> rows(ByteArrayOutputStream csv, int m) {
        Map<String, Double> out = new HashMap<>();
        String[] lines = csv.toString(StandardCharsets.UTF_8).split("\n");
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].split(",", -1);
            String site = f[m + 2];
            String firm = f[m + 3];
            String item = f[m + 4];
            String market = f[m + 5];
            String input = f[m + 6];
            String country = f[m + 7];
            String what = !site.isEmpty() ? (input.isEmpty() ? site : site + "/" + input) + (market.isEmpty() ? "" : "@" + market)
                    : !firm.isEmpty() ? firm : !country.isEmpty() ? country : item + "@" + market;
            out.put(f[0] + "|" + f[m] + "|" + what, Double.parseDouble(f[f.length - 1]));
        }
        return out;
    }

    private static org.assertj.core.data.Offset<Double> offset(double x) {
        return org.assertj.core.data.Offset.offset(x);
    }

    @Test
    void aLargeNetworkWritesTheHardestHitSitesAndCountryTotalsThatAddUp() throws IOException {
        var net = SyntheticNetworks.generate(ResultsWriter.ALL_SITES_UP_TO + 300, 6000, 9);
        Scenario s = new Scenario("large", null, null, net, "inline", LocalDate.of(2025, 1, 6), Step.WEEK, 6, 1, List.of(),
                List.of(), List.of(), List.of(), null, null);
        Chokepoint.Run run = Chokepoint.simulate(s, Parameters.of(s));
        boolean[] keep = ResultsWriter.defaultSites(run.network(), run.summary());
        int kept = 0;
        for (boolean b : keep) {
            kept += b ? 1 : 0;
        }
        assertThat(kept).isEqualTo(ResultsWriter.ALL_SITES_UP_TO);

        ByteArrayOutputStream all = new ByteArrayOutputStream();
        ResultsWriter.writeCsv(s, run.network(), run.series(), all);
        ByteArrayOutputStream part = new ByteArrayOutputStream();
        ResultsWriter.writeCsv(s, run.network(), run.series(), keep, part);

        Map<String, Double> siteRevenue = new HashMap<>();
        Map<String, Double> countryRevenue = new HashMap<>();
        Map<String, Double> siteValueAdded = new HashMap<>();
        Map<String, Double> countryValueAdded = new HashMap<>();
        long outputRows = 0;
        for (String line : part.toString(StandardCharsets.UTF_8).split("\n")) {
            String[] c = line.split(",", -1);
            if (c[2].equals("output")) {
                outputRows++;
            } else if (c[2].equals("country-revenue")) {
                countryRevenue.merge(c[0], Double.parseDouble(c[10]), Double::sum);
            } else if (c[2].equals("country-value-added")) {
                countryValueAdded.merge(c[0], Double.parseDouble(c[10]), Double::sum);
            }
        }
        for (String line : all.toString(StandardCharsets.UTF_8).split("\n")) {
            String[] c = line.split(",", -1);
            assertThat(c[2]).isNotEqualTo("country-revenue");
            if (c[2].equals("revenue")) {
                siteRevenue.merge(c[0], Double.parseDouble(c[10]), Double::sum);
            } else if (c[2].equals("value-added")) {
                siteValueAdded.merge(c[0], Double.parseDouble(c[10]), Double::sum);
            }
        }
        assertThat(outputRows).isEqualTo(6L * ResultsWriter.ALL_SITES_UP_TO);

        ByteArrayOutputStream json = new ByteArrayOutputStream();
        ResultsWriter.writeSummary(s, run.network(), run.summary(), "test", null, keep, json);
        var summary = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.toByteArray());
        assertThat(summary.get("sites")).hasSize(ResultsWriter.ALL_SITES_UP_TO);
        assertThat(summary.get("sites-left-out").asInt()).isEqualTo(300);
        assertThat(countryRevenue.keySet()).isEqualTo(siteRevenue.keySet());
        for (String period : siteRevenue.keySet()) {
            assertThat(countryRevenue.get(period)).as("period %s", period)
                    .isCloseTo(siteRevenue.get(period), org.assertj.core.data.Offset.offset(1e-6 * (1 + siteRevenue.get(period))));
            assertThat(countryValueAdded.get(period)).as("value added, period %s", period)
                    .isCloseTo(siteValueAdded.get(period), org.assertj.core.data.Offset.offset(1e-6 * (1 + Math.abs(siteValueAdded.get(period)))));
        }
    }
}
