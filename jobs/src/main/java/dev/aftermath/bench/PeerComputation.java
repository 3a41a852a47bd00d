package dev.aftermath.bench;

/**
 * One computation of the pipeline expressed as SQL for the peer: the resource holding the SQL, and
 * the pipeline stage that computes the same (null for the scan floor, which has no counterpart).
 */
record PeerComputation(String name, String resource, String ourStage) {}
