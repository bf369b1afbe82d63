/**
 * The simulation engine: the network and the restriction timeline compiled to primitive arrays
 * ({@link org.chokepoint.engine.CompiledNetwork}, {@link org.chokepoint.engine.Timeline}), and the
 * time-stepped loop ({@link org.chokepoint.engine.Simulation}) over per-run state that is reset,
 * not reallocated, between runs.
 *
 * <p>No file, chart or CLI code; no JGraphT, boxing, maps, streams or allocation in the per-period
 * loop. The loop never sees a policy object: measures arrive as a compiled timeline of events.
 * The equations are in {@code docs/model.md}.
 */
package org.chokepoint.engine;
