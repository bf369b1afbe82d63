/**
 * The public Java API: what the command line does, callable from a researcher's script. Loads
 * scenarios and networks; later layers add simulation, sweeps and reports here.
 */
package org.chokepoint.api;
