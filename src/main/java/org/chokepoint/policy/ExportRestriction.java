package org.chokepoint.policy;

import java.util.List;

/**
 * An export ban or licensing regime on items (materials such as gallium or germanium) from the
 * authority's territory to destinations; with an optional foreign-content rule of its own (foreign
 * goods containing at least a share of the authority's listed items by value also need approval).
 *
 * @param ban an export ban (licenses denied unless the policy says otherwise) or licensing
 * @param items item ids restricted
 * @param destinations countries or groups; empty: every country but the authority
 * @param foreignContentThreshold share of value that brings foreign goods in; NaN: no such rule
 * @param except countries or groups taken out of {@code destinations}
 */
public record ExportRestriction(MeasureHeader header, boolean ban, List<String> items, List<String> destinations,
                                LicensePolicy license, double foreignContentThreshold, double stockpile, List<String> except)
        implements PolicyMeasure {

    public ExportRestriction {
        items = List.copyOf(items);
        destinations = destinations == null ? List.of() : List.copyOf(destinations);
        license = license == null
                ? (ban ? LicensePolicy.DENY : LicensePolicy.of(LicensePolicy.Kind.CASE_BY_CASE))
                : license;
        if (!Double.isNaN(foreignContentThreshold)) {
            org.chokepoint.model.Checks.fraction(foreignContentThreshold, "foreign-content");
        }
        Rules.stockpile(stockpile);
        except = except == null ? List.of() : List.copyOf(except);
    }

    /** A restriction without exceptions. */
    public ExportRestriction(MeasureHeader header, boolean ban, List<String> items, List<String> destinations, LicensePolicy license,
                             double foreignContentThreshold, double stockpile) {
        this(header, ban, items, destinations, license, foreignContentThreshold, stockpile, null);
    }

    /** The same restriction with another header, license policy or stockpiling factor. */
    public ExportRestriction with(MeasureHeader h, LicensePolicy lp, double sp) {
        return new ExportRestriction(h, ban, items, destinations, lp, foreignContentThreshold, sp, except);
    }
}
