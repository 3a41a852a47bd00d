package dev.aftermath.spark;

import java.util.List;
import scala.collection.immutable.Seq;

/** Column-name lists in the Scala form that Spark's join-using-columns API takes. */
public final class ColumnNames {
  private ColumnNames() {}

  public static Seq<String> of(String... names) {
    return scala.jdk.javaapi.CollectionConverters.asScala(List.of(names)).toList();
  }
}
