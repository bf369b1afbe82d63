package org.chokepoint.policy;

import java.util.List;

/**
 * Buyers in a market stop buying a share of what the named firms sell there (e.g. Micron in
 * China's critical information infrastructure, 2023): their links into the market and their final
 * demand there lose that share.
 *
 * @param market the buyers' country (default: the authority)
 * @param share the share of purchases lost, in [0, 1]
 */
public record ProcurementBan(MeasureHeader header, List<String> firms, String market, double share) implements PolicyMeasure {

    public ProcurementBan {
        firms = List.copyOf(firms);
        org.chokepoint.model.Countries.check(market, "market");
        org.chokepoint.model.Checks.fraction(share, "share");
    }
}
