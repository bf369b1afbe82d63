/**
 * The immutable supply network and scenario: items, firms, sites, supply links, alternates and
 * final demand, built by {@link org.chokepoint.model.NetworkBuilder}, validated, then frozen.
 *
 * <p>Holds no I/O and no randomness. Validation problems are reported through {@link
 * org.chokepoint.model.Origin}, which the file readers implement to attach file, line and column;
 * programmatic callers get a path such as {@code sites[3]}.
 */
package org.chokepoint.model;
