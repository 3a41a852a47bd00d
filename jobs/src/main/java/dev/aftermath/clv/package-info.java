/**
 * Buy-till-you-die customer models: BG/NBD for the number of purchases and the probability that a
 * customer is still active (Fader, Hardie & Lee 2005, Marketing Science 24(2)), Gamma-Gamma for the
 * spend per purchase (Fader, Hardie & Lee 2005, JMR 42(4)), and their maximum-likelihood fitter.
 */
package dev.aftermath.clv;
