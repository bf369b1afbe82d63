/**
 * The {@code chokepoint} command line (picocli). Commands parse options, call the public API,
 * print and write files; no model logic lives here. Exit codes: 0 ok, 1 internal error, 2 bad
 * input or usage.
 */
package org.chokepoint.cli;
