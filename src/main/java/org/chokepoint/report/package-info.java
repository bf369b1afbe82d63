/**
 * Reports: charts built with JFreeChart from datasets assembled from results (datasets first,
 * drawing second), written as PNG (and, later, drawn as vectors into the PDF report). A fixed font
 * and palette ({@link org.chokepoint.report.Theme}) so output looks the same on every machine.
 * No simulation logic.
 */
package org.chokepoint.report;
