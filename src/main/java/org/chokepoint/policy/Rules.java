package org.chokepoint.policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.chokepoint.model.Checks;
import org.chokepoint.model.ControlRule;
import org.chokepoint.model.FieldException;
import org.chokepoint.model.Law;

/**
 * The logic shared by the rules that is not itself law: matching classifications, the CCL's
 * numbering convention for reasons of control, and the control test a scenario uses (its own
 * table, or the Country Chart of its law). Thresholds and groups are in {@link Law}.
 */
public final class Rules {

    private Rules() {}

    /** Whether classification {@code eccn} falls under one of the patterns (see {@link Law#matches}). */
    public static boolean matches(String eccn, List<String> patterns) {
        return Law.matches(eccn, patterns);
    }

    /**
     * The control test of a scenario: whether an item of a classification needs a license to a
     * destination on a day, and under which reason (null: no license needed). A scenario's own
     * {@code controls} table replaces the Country Chart of its law.
     */
    public interface ControlTest {
        String reason(String eccn, String destination, LocalDate day);
    }

    public static ControlTest table(List<ControlRule> rules, Law law) {
        if (rules.isEmpty()) {
            return law::licenseReason;
        }
        List<ControlRule> copy = new ArrayList<>(rules);
        return (eccn, destination, day) -> {
            for (int i = 0; i < copy.size(); i++) {
                ControlRule r = copy.get(i);
                if (matches(eccn, r.eccns()) && law.among(destination, r.destinations(), day)) {
                    return "the scenario's control table, row " + (i + 1);
                }
            }
            return null;
        };
    }

    static void stockpile(double factor) {
        if (!(factor >= 1) || Double.isInfinite(factor)) {
            throw new FieldException("stockpile", "must be at least 1 (" + Checks.fmt(factor) + ")",
                    "A multiplier of target stock before the effective date: 1.5 means half as much again.");
        }
    }
}
