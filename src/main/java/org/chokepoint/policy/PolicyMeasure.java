package org.chokepoint.policy;

import java.time.LocalDate;
import org.chokepoint.model.Measure;

/** A measure type of the policy engine: the header's parts, through {@link #header()}. */
public sealed interface PolicyMeasure extends Measure
        permits EntityListing, CountryControl, DeMinimis, ExportRestriction, UnreliableEntity, ProcurementBan, Tariff,
        Escalation {

    MeasureHeader header();

    @Override
    default String id() {
        return header().id();
    }

    @Override
    default String type() {
        return header().type();
    }

    @Override
    default String authority() {
        return header().authority();
    }

    @Override
    default LocalDate announced() {
        return header().announced();
    }

    @Override
    default LocalDate effective() {
        return header().effective();
    }

    @Override
    default LocalDate ends() {
        return header().ends();
    }

    /** "bis-2025-inspur (entity-listing by US, effective 2025-03-25)". */
    default String describe() {
        return id() + " (" + type() + " by " + authority() + ", effective " + effective()
                + (ends() == null ? "" : ", until " + ends()) + ")";
    }
}
