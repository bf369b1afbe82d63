package org.chokepoint.policy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.chokepoint.model.Checks;
import org.chokepoint.model.FieldException;

/**
 * Reference data the rules use, as data: country groups (abridged from Supplement No. 1 to 15 CFR
 * Part 740 — a scenario that depends on a group's exact membership should list countries), and
 * the default control table (which classifications need a license to which destinations).
 */
public final class Rules {

    /**
     * Country groups, abridged. E:1 terrorist-supporting countries; E:2 unilateral embargo; D:1
     * national security, D:4 missile technology and D:5 US arms embargo concerns (selected
     * members). Check the current Supplement No. 1 to Part 740 before relying on a group.
     */
    public static final Map<String, Set<String>> GROUPS = Map.of(
            "E:1", Set.of("IR", "KP", "SY"),
            "E:2", Set.of("CU"),
            "D:1", Set.of("AM", "AZ", "BY", "CN", "GE", "IQ", "KZ", "KP", "KG", "LA", "LY", "MO", "MD", "MN", "RU", "TJ",
                    "TM", "UZ", "VN", "YE", "IR", "CU"),
            "D:4", Set.of("BH", "CN", "EG", "IR", "IQ", "IL", "JO", "KP", "KW", "LB", "LY", "MO", "OM", "PK", "QA", "RU",
                    "SA", "SY", "AE", "YE"),
            "D:5", Set.of("AF", "BY", "MM", "KH", "CF", "CN", "CD", "CU", "ER", "HT", "IR", "IQ", "KP", "LB", "LY", "NI",
                    "RU", "SO", "SS", "SD", "SY", "VE", "ZW"));

    /** Default de minimis thresholds: 25%, and 10% for E:1 destinations (15 CFR 734.4). */
    public static final double DE_MINIMIS = 0.25;
    public static final double DE_MINIMIS_E1 = 0.10;

    private Rules() {}

    /** Countries named directly or through groups; "all" gives null (meaning every country). */
    public static Set<String> countries(List<String> names) {
        Set<String> out = new TreeSet<>();
        for (String n : names) {
            if (n.equals("all")) {
                return null;
            }
            Set<String> group = GROUPS.get(n);
            if (group != null) {
                out.addAll(group);
            } else {
                out.add(n);
            }
        }
        return out;
    }

    /** Whether a name is a country code, a known group, or "all". */
    public static boolean isDestination(String name) {
        return name.equals("all") || GROUPS.containsKey(name) || org.chokepoint.model.Countries.isCode(name);
    }

    /**
     * The default control table: whether an item of this classification needs a license to this
     * destination. EAR99 items need one only to embargoed destinations (E:1, E:2); classified
     * items need one to D:1, D:4, D:5, E:1 and E:2 countries. A simplification of the Commerce
     * Country Chart; scenarios that turn on one classification should state their own rule.
     */
    public static boolean controlled(String eccn, String destination) {
        if (GROUPS.get("E:1").contains(destination) || GROUPS.get("E:2").contains(destination)) {
            return true;
        }
        if (eccn.equals("EAR99")) {
            return false;
        }
        return GROUPS.get("D:1").contains(destination) || GROUPS.get("D:4").contains(destination)
                || GROUPS.get("D:5").contains(destination);
    }

    /** The control test of a scenario: its own table if it has one, else the default. */
    public static java.util.function.BiPredicate<String, String> table(List<org.chokepoint.model.ControlRule> rules) {
        if (rules.isEmpty()) {
            return Rules::controlled;
        }
        List<Set<String>> where = new java.util.ArrayList<>();
        for (org.chokepoint.model.ControlRule r : rules) {
            where.add(countries(r.destinations()));
        }
        return (eccn, destination) -> {
            for (int i = 0; i < rules.size(); i++) {
                Set<String> dest = where.get(i);
                if (matches(eccn, rules.get(i).eccns()) && (dest == null || dest.contains(destination))) {
                    return true;
                }
            }
            return false;
        };
    }

    /** Whether classification {@code eccn} falls under a prefix such as {@code 3A090} or {@code 3A}. */
    public static boolean matches(String eccn, List<String> prefixes) {
        for (String p : prefixes) {
            if (eccn.equals(p) || eccn.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    static void stockpile(double factor) {
        if (!(factor >= 1) || Double.isInfinite(factor)) {
            throw new FieldException("stockpile", "must be at least 1 (" + Checks.fmt(factor) + ")",
                    "A multiplier of target stock before the effective date: 1.5 means half as much again.");
        }
    }
}
