package dev.aftermath.bench;

/**
 * A computation timed in both engines on the same Parquet: our stage's wall and CPU seconds (from
 * the run's summary) and the peer's, measured the same way (wall clock, process CPU time), and the
 * rows the peer produced.
 */
record PeerTiming(
    String computation,
    String ourStage,
    double ourWall,
    double ourCpu,
    double peerWall,
    double peerCpu,
    long peerRows) {

  /** Ours over the peer's wall time: at most 1 means no slower. NaN without our stage. */
  double ratio() {
    return ourStage == null || peerWall <= 0 ? Double.NaN : ourWall / peerWall;
  }
}
