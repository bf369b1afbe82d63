package org.chokepoint.examples;

import java.nio.file.Path;
import java.util.List;
import org.chokepoint.analysis.Sweep;
import org.chokepoint.api.Chokepoint;
import org.chokepoint.model.Scenario;

/** The README's sweep example: license approval × GPU stock, mean total shortfall value per point. */
public final class SweepExample {

    private SweepExample() {}

    public static void main(String[] args) {
        Scenario scenario = Chokepoint.loadScenario(Path.of("scenarios/inspur-entity-list-2025.yaml"));
        List<Sweep.Row> rows = Sweep.of(scenario)
                .vary("measures.bis-2025-inspur.license.approval", 0, 1, 5)
                .vary("sites.inspur-ai-line.stock.gpu-hopper", 4, 12, 3)
                .metrics(List.of("total-shortfall-value"))
                .runs(20).seed(42).run();
        for (Sweep.Row r : rows) {
            System.out.printf("%s -> USD %,.0f%n", r.values(), r.mean());
        }
    }
}
