/**
 * Readings of the case's typed input tables that several stages share (the merchants' industries,
 * the industry index as daily control series). Stage packages do not import each other; what they
 * share lives here.
 */
package dev.aftermath.casedata;
