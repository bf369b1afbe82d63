/**
 * Export controls and retaliation: the measure types ({@link org.chokepoint.policy.EntityListing},
 * {@link org.chokepoint.policy.CountryControl}, {@link org.chokepoint.policy.DeMinimis},
 * {@link org.chokepoint.policy.ExportRestriction}, {@link org.chokepoint.policy.UnreliableEntity},
 * {@link org.chokepoint.policy.ProcurementBan}, {@link org.chokepoint.policy.Tariff},
 * {@link org.chokepoint.policy.Escalation}) and the {@link org.chokepoint.policy.PolicyEvaluator}
 * that decides, link by link and with a step-by-step trace, what each does; its decisions are
 * sampled per run into the engine's timeline.
 *
 * <p>No simulation state and no I/O. Thresholds, groups and dates are data, never constants in
 * the rules.
 */
package org.chokepoint.policy;
