package dev.aftermath.stage;

import java.util.List;
import java.util.Map;

/**
 * One step of a run: the tables it needs, the tables it may read when the case has them, the tables
 * it writes, and the work. The pipeline checks before any work starts that every table a stage
 * needs is written by an earlier stage, and while it runs that the stage reads and writes only what
 * it declares ({@link dev.aftermath.io.TableWriter#scoped}).
 *
 * @see dev.aftermath.pipeline.Stages the ordered list of a run's stages
 */
public interface Stage {
  /** A short name, as progress lines and the architecture document show it. */
  String name();

  /** Tables that must exist before the stage runs. */
  List<String> reads();

  /** Tables the stage reads when the case has them (optional inputs). */
  List<String> readsIfPresent();

  /** Every table the stage may write; it writes no other, and no other stage writes these. */
  List<String> writes();

  /** Does the work; returns the rows written per table. */
  Map<String, Long> run(StageContext context);
}
