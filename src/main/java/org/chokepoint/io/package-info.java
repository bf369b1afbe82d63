/**
 * Scenario, network and sweep files: YAML and JSON read with Jackson's streaming parsers into a
 * tree that keeps each value's line and column ({@link org.chokepoint.io.Node}), checked and bound
 * to model records by {@link org.chokepoint.io.Fields}; CSV tables with Jackson's CSV module;
 * writers for the same formats; graph export with JGraphT's exporters.
 *
 * <p>Jackson stays inside this package. No simulation logic lives here.
 */
package org.chokepoint.io;
