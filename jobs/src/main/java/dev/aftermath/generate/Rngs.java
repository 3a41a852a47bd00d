package dev.aftermath.generate;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Independent, reproducible random streams: one per (seed, purpose, merchant), so a merchant's data
 * does not depend on how merchants are split across Spark tasks.
 */
final class Rngs {
  private Rngs() {}

  /** Stream purposes. */
  static final long PROFILE = 1;

  static final long SALES = 2;
  static final long SIGNALS = 3;
  static final long DEFECTS = 4;
  static final long MARKET = 5;
  static final long BAD_ROWS = 6;

  static UniformRandomProvider of(long seed, long purpose, long index) {
    return RandomSource.XO_RO_SHI_RO_128_PP.create(
        new long[] {
          mix(seed ^ 0x9E3779B97F4A7C15L * purpose), mix(index + 0x632BE59BD9B4E019L * purpose)
        });
  }

  /** SplitMix64 finaliser. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
