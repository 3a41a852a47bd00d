package dev.aftermath.stage;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** A stage given by its declarations and a function that does its work. */
public record JobStage(
    String name,
    List<String> reads,
    List<String> readsIfPresent,
    List<String> writes,
    Function<StageContext, Map<String, Long>> work)
    implements Stage {

  public JobStage {
    reads = List.copyOf(reads);
    readsIfPresent = List.copyOf(readsIfPresent);
    writes = List.copyOf(writes);
  }

  @Override
  public Map<String, Long> run(StageContext context) {
    return work.apply(context);
  }
}
