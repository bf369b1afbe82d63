package org.chokepoint.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LoadScenarioTest {

    @Test
    void readmeSweepExampleRuns() {
        PrintStream old = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            SweepExample.main(new String[0]);
        } finally {
            System.setOut(old);
        }
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text.lines()).hasSize(15);
        assertThat(text).contains("{measures.bis-2025-inspur.license.approval=1.0, sites.inspur-ai-line.stock.gpu-hopper=12.0} -> USD 0");
    }

    static final org.chokepoint.model.Network NET = org.chokepoint.api.Chokepoint.loadNetwork(
            java.nio.file.Path.of("scenarios/networks/inspur-servers-2025.yaml"));
    static final int SITES = NET.sites().size();
    static final int LINKS = NET.links().size();

    @Test
    void readmeExampleRuns() {
        PrintStream old = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            LoadScenario.main(new String[0]);
        } finally {
            System.setOut(old);
        }
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("US Entity List additions of Inspur subsidiaries, March 2025: " + SITES + " sites, " + LINKS
                        + " links, 104 periods from 2024-01-01")
                .contains("US-owned site nvidia-gpu makes gpu-hopper in TW");
    }
}
