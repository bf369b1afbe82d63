package org.chokepoint.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.chokepoint.api.Chokepoint;
import org.chokepoint.io.DecisionsWriter;
import org.chokepoint.model.Scenario;
import org.chokepoint.policy.Decision;
import org.chokepoint.policy.PolicyDecisions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"Explain what each measure does to each link and alternate source, and why, rule step by rule step.",
                "With no filter: a table of every affected path (with --all, also those examined and not caught).",
                "With --link or --site: the full trace of each decision, including paths examined and not caught."})
final class ExplainCommand implements java.util.concurrent.Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "The scenario file.")
    Path scenario;

    @Option(names = "--site", paramLabel = "ID", description = "Only links into or out of this site.")
    String site;

    @Option(names = "--link", paramLabel = "FROM->TO", description = "Only this link, e.g. nvidia-gpu->inspur-ai-line.")
    String link;

    @Option(names = "--date", paramLabel = "DATE", description = "Only decisions in force on this day (YYYY-MM-DD).")
    String date;

    @Option(names = "--all", description = "In the table, also list paths examined and not caught.")
    boolean everything;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", description = "text or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Override
    public Integer call() throws IOException {
        if (!format.equals("text") && !format.equals("json")) {
            throw new Main.UsageException("unknown format '" + format + "'; use text or json.");
        }
        LocalDate day = null;
        if (date != null) {
            try {
                day = LocalDate.parse(date);
            } catch (DateTimeParseException e) {
                throw new Main.UsageException("'" + date + "' is not a date; use YYYY-MM-DD.");
            }
        }
        if (link != null && !link.contains("->")) {
            throw new Main.UsageException("--link takes FROM->TO, e.g. nvidia-gpu->inspur-ai-line");
        }
        Scenario s = LoadProgress.scenario(scenario);
        java.util.Set<String> sites = new java.util.TreeSet<>();
        s.network().sites().forEach(x -> sites.add(x.id()));
        if (site != null && !s.network().hasSite(site)) {
            throw new Main.UsageException("no site '" + site + "' in this scenario's network." + org.chokepoint.model.Names.didYouMean(site, sites));
        }
        if (link != null) {
            link = checkedLink(s, link.replaceAll("\\s*->\\s*", "->").trim(), sites);
        }
        PolicyDecisions all = Chokepoint.decide(s);
        boolean detailed = site != null || link != null;
        final LocalDate on = day;
        List<Decision> chosen = all.all().stream()
                .filter(d -> detailed || everything || d.effect() != Decision.Effect.NONE)
                .filter(d -> link == null || d.linkName().equals(link))
                .filter(d -> site == null || d.linkName().startsWith(site + "->") || d.linkName().endsWith("->" + site)
                        || d.linkName().equals(site))
                .filter(d -> on == null || (d.effect() == Decision.Effect.NONE
                        ? !on.isBefore(d.from()) && (d.to() == null || on.isBefore(d.to())) : d.inForce(on)))
                .toList();
        PrintWriter out = spec.commandLine().getOut();
        if (format.equals("json")) {
            var buffer = new java.io.ByteArrayOutputStream();
            DecisionsWriter.json(chosen, buffer);
            out.print(buffer.toString(java.nio.charset.StandardCharsets.UTF_8));
        } else if (detailed) {
            if (chosen.isEmpty()) {
                out.println("No measure examines " + (link != null ? "link " + link : "site " + site) + ".");
            }
            for (Decision d : chosen) {
                out.printf("%s  %s  [%s]%s%n", d.linkName(), d.item(), d.measure(), all.isAlternate(d) ? "  (alternate source)" : "");
                for (int i = 0; i < d.trace().size(); i++) {
                    out.printf("  %d. %s%n", i + 1, d.trace().get(i));
                }
                out.printf("  => %s, from %s%s%n%n", d.effectText(), d.from(), d.to() == null ? "" : " until " + d.to());
            }
        } else {
            out.printf("%-40s %-14s %-24s %-12s %s%n", "link", "item", "measure", "from", "effect");
            for (Decision d : chosen) {
                out.printf("%-40s %-14s %-24s %-12s %s%n", d.linkName() + (all.isAlternate(d) ? " (alternate)" : ""), d.item(),
                        d.measure(), d.from(), d.effectText());
                out.printf("%-40s   because: %s%n", "", d.decisiveStep());
            }
            long examined = all.all().stream().filter(d -> d.effect() == Decision.Effect.NONE).count();
            out.printf("%n%d decisions.%s Show a link's full trace with --link FROM->TO.%n", chosen.size(),
                    everything || examined == 0 ? "" : " " + examined + " more paths were examined and not caught (--all lists them).");
        }
        out.flush();
        return Main.OK;
    }

    /**
     * The link named FROM->TO as the decisions name it, or a usage error saying what is wrong: an
     * unknown site (with the nearest id), or two sites with no link or alternate between them (with
     * the paths there are into TO). {@code FROM->end buyers in XX} names sales to end buyers abroad.
     */
    static String checkedLink(Scenario s, String link, java.util.Set<String> sites) {
        String from = link.substring(0, link.indexOf("->"));
        String to = link.substring(link.indexOf("->") + 2);
        if (!sites.contains(from)) {
            throw new Main.UsageException("--link " + link + ": no site '" + from + "' in this scenario's network."
                    + org.chokepoint.model.Names.didYouMean(from, sites));
        }
        if (to.startsWith("end buyers in ")) {
            return link;
        }
        if (!sites.contains(to)) {
            throw new Main.UsageException("--link " + link + ": no site '" + to + "' in this scenario's network."
                    + org.chokepoint.model.Names.didYouMean(to, sites));
        }
        java.util.List<String> into = new java.util.ArrayList<>();
        boolean found = false;
        for (var l : s.network().links()) {
            found |= l.from().equals(from) && l.to().equals(to);
            if (l.to().equals(to)) {
                into.add(l.from() + "->" + to);
            }
        }
        for (var a : s.network().alternates()) {
            found |= a.from().equals(from) && a.site().equals(to);
            if (a.site().equals(to)) {
                into.add(a.from() + "->" + to + " (alternate)");
            }
        }
        if (!found) {
            throw new Main.UsageException("--link " + link + ": no link or alternate from " + from + " to " + to + "."
                    + (into.isEmpty() ? " Nothing is supplied to " + to + "." : " Paths into " + to + ": "
                    + org.chokepoint.model.Names.list(into, 8) + "."));
        }
        return link;
    }
}
