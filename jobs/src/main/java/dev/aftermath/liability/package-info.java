/**
 * The liability model the exposure and frontier stages share: each merchant's claimable amounts
 * under the liability regimes ({@link dev.aftermath.liability.ExposureInput}), its probability of
 * claiming ({@link dev.aftermath.liability.ClaimPropensity}), and the Monte Carlo of the total
 * ({@link dev.aftermath.liability.ExposureModel}). Not a stage: it reads what the stages wrote.
 */
package dev.aftermath.liability;
