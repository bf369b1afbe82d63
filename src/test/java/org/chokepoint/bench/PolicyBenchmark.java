package org.chokepoint.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.chokepoint.analysis.SyntheticNetworks;
import org.chokepoint.engine.CompiledNetwork;
import org.chokepoint.model.Measure;
import org.chokepoint.model.Network;
import org.chokepoint.model.Scenario;
import org.chokepoint.model.Step;
import org.chokepoint.policy.CountryControl;
import org.chokepoint.policy.DeMinimis;
import org.chokepoint.policy.EntityListing;
import org.chokepoint.policy.ExportRestriction;
import org.chokepoint.policy.LicensePolicy;
import org.chokepoint.policy.MeasureHeader;
import org.chokepoint.policy.PolicyDecisions;
import org.chokepoint.policy.PolicyEvaluator;
import org.chokepoint.policy.ProcurementBan;
import org.chokepoint.policy.Tariff;
import org.chokepoint.policy.UnreliableEntity;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Policy evaluation of a synthetic network (ten links a site) under ten measures: three entity
 * listings (one of them reaching its groups), two country controls, a de minimis change, an
 * export ban, a tariff, an unreliable-entity listing and a procurement ban, all under the shipped
 * law tables. Every path is examined by every measure.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PolicyBenchmark {

    @Param({"100000"})
    public int sites;

    Scenario scenario;
    CompiledNetwork compiled;

    @Setup(Level.Trial)
    public void setUp() {
        Network n = SyntheticNetworks.generate(sites, sites * 10, 42);
        compiled = CompiledNetwork.of(n, Step.WEEK);
        scenario = scenario(n);
    }

    static Scenario scenario(Network n) {
        List<String> firms = new ArrayList<>();
        n.firms().forEach(f -> firms.add(f.id()));
        // Slices of the firm list: 1% of firms each (at least one), so the measures scale with the network.
        int w = Math.max(1, firms.size() / 100);
        java.util.function.IntFunction<List<String>> slice = i -> firms.subList(Math.min(i * w, firms.size() - 1),
                Math.min((i + 1) * w, firms.size()));
        LicensePolicy denial = LicensePolicy.of(LicensePolicy.Kind.PRESUMPTION_OF_DENIAL);
        LocalDate start = LocalDate.of(2023, 1, 2);
        List<Measure> measures = List.of(
                new EntityListing(header("el-1", "entity-listing", "US", "2023-03-06"), slice.apply(0), null, null,
                        List.of("us-semiconductor-equipment", "us-technology"), denial, 1),
                new EntityListing(header("el-2", "entity-listing", "US", "2023-06-05"), slice.apply(1),
                        EntityListing.Affiliates.GROUP, null, List.of(), denial, 1),
                new EntityListing(header("el-3", "entity-listing", "US", "2024-01-01"), slice.apply(2), null,
                        List.of("3A"), List.of(), denial, 1.5),
                new CountryControl(header("cc-1", "country-control", "US", "2023-10-23"), List.of("D:1", "D:4", "D:5"),
                        List.of("3A090"), List.of(), List.of("us-semiconductor-equipment"), denial, 1),
                new CountryControl(header("cc-2", "country-control", "US", "2024-12-02"), List.of("CN"), List.of("3A"), List.of(),
                        List.of(), denial, 1),
                new DeMinimis(header("dm", "de-minimis", "US", "2024-06-03"), 0.1, List.of("CN"), List.of("3A090")),
                new ExportRestriction(header("ban", "export-ban", "CN", "2023-08-01"), true,
                        List.of(n.items().get(0).id(), n.items().get(1).id()), List.of("US"), null, Double.NaN, 1),
                new Tariff(header("tariff", "tariff", "CN", "2025-04-10"), 0.34, List.of("US"), List.of(), List.of()),
                new UnreliableEntity(header("uel", "unreliable-entity", "CN", "2025-01-02"), slice.apply(3)),
                new ProcurementBan(header("pb", "procurement-ban", "CN", "2023-05-21"), slice.apply(4), "CN", 0.5));
        Scenario s = new Scenario("policy-bench", null, null, n, "synthetic", start, Step.WEEK, 156, 1, measures, null, null,
                null, null);
        return s.withLaw(org.chokepoint.io.LawReader.shipped());
    }

    static MeasureHeader header(String id, String type, String authority, String effective) {
        return MeasureHeader.of(id, type, authority, LocalDate.parse(effective));
    }

    @Benchmark
    public PolicyDecisions evaluate() {
        return PolicyEvaluator.evaluate(scenario, compiled);
    }
}
