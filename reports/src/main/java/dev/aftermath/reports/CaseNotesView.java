package dev.aftermath.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.Table;

/**
 * The case's gaps ({@code case_notes}) for the regulator and legal reports: what each note means,
 * how many of how many it concerns, and which (industries by their name in the report's language).
 */
final class CaseNotesView {
  private CaseNotesView() {}

  static List<List<String>> rows(ResultTables tables, Formats f, Map<String, String> msg) {
    List<List<String>> rows = new ArrayList<>();
    if (!tables.has("case_notes")) {
      return rows;
    }
    Table t = tables.table("case_notes", "note");
    for (int i = 0; i < t.rowCount(); i++) {
      String note = Rows.text(t, i, "note");
      String detail = Rows.text(t, i, "detail");
      if (note.startsWith("industry_")) {
        List<String> names = new ArrayList<>();
        for (String code : detail.split(", ")) {
          names.add(msg.getOrDefault("industry." + code, code));
        }
        detail = String.join(", ", names);
      }
      rows.add(
          List.of(
              msg.getOrDefault("note." + note, note),
              f.count(Rows.num(t, i, "count")) + " / " + f.count(Rows.num(t, i, "of")),
              detail));
    }
    return rows;
  }
}
