/**
 * Analyses over networks and simulation results: metrics, Monte Carlo, sweeps, exposure, and the
 * synthetic networks that tests, benchmarks and method studies run on. Takes random streams as
 * {@code UniformRandomProvider}s; never draws or writes files.
 */
package org.chokepoint.analysis;
