package dev.aftermath.reports;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.Table;

/**
 * The fields of a final major-incident report, filled from the run's tables and the case's facts:
 * those of the EU DORA final report (Commission Delegated Regulation (EU) 2025/301, Art. 4: root
 * cause, times of detection, classification, restoration and resolution, clients and counterparties
 * affected, data losses, economic impact, recurrence, remediation), the economic impact in the cost
 * categories of Delegated Regulation (EU) 2024/1772 Art. 7, and what China's measures for
 * cybersecurity incident reporting (2025) ask for (the incident's time, type, impact and harm,
 * measures taken, cause and rectification). A field the case does not hold says so; none is
 * invented. The same fields are written as {@code regulator-report.json} for an intake system.
 *
 * @param fields one per field: key, label, value, source, the frameworks that ask for it
 * @param costs one per cost category: key, label, amount (null: not in the case data), source
 * @param recovery merchants by share of data recovered: group, merchants, share of all (as shown),
 *     then the merchants as a plain number
 * @param complaints complaints by week since the incident: week's first day, count (as shown), then
 *     both again as ISO date and plain number
 * @param milestones the dated milestones: when, what, source
 */
public record FinalIncidentReport(
    List<Field> fields,
    List<Cost> costs,
    List<List<String>> recovery,
    List<List<String>> complaints,
    List<List<String>> milestones) {

  /** One field of the report; {@code available} false when the case does not hold it. */
  public record Field(
      String key, String label, String value, String source, String asks, boolean available) {}

  /** One cost category; {@code amount} null when the case does not hold it. */
  public record Cost(String key, String label, Double amount, String shown, String source) {}

  static final String DORA = "DORA 2025/301 Art. 4";
  static final String CAC = "CAC 2025";

  /** The cost categories of Delegated Regulation (EU) 2024/1772 Art. 7, in its order. */
  static final List<String> COST_CATEGORIES =
      List.of(
          "expropriated_funds",
          "replacement_costs",
          "staff_costs",
          "contractual_fees",
          "customer_redress",
          "revenue_forgone",
          "communication_costs",
          "advisory_costs");

  static FinalIncidentReport of(
      ResultTables tables,
      IncidentFacts incident,
      List<String> remediation,
      CaseShare share,
      Formats f,
      Map<String, String> msg) {
    String none = msg.get("final.not_in_case");
    List<Field> fields = new ArrayList<>();
    fields.add(text("classification", incident.classification(), "facts.yaml incident", f, msg));
    Bilingual rootSource = incident.rootCauseSource();
    fields.add(
        text(
            "root_cause",
            incident.rootCause(),
            rootSource == null ? "facts.yaml incident" : rootSource.in(f),
            f,
            msg));
    for (String key : List.of("detection", "restoration", "data_restored")) {
      IncidentFacts.Milestone m = incident.milestone(key);
      fields.add(
          m == null
              ? missing("time_" + key, msg)
              : field("time_" + key, m.at() + " · " + m.what().in(f), m.source().in(f), msg));
    }
    if (tables.has("incident_timeline")) {
      fields.add(field("duration", ScopeView.outage(tables, f, msg), "incident_timeline", msg));
    }
    fields.add(
        field(
            "clients_affected",
            SummaryView.fill(
                msg.get(share.sample() ? "final.clients.sample" : "final.clients"),
                "merchants",
                f.count(share.inCase()),
                "platform",
                Double.isNaN(share.onPlatform()) ? "" : f.count(share.onPlatform())),
            "merchants; scenario platform.merchants",
            msg));
    if (tables.has("defection_totals")) {
      Table d = tables.table("defection_totals");
      int p = Rows.find(d, "scope", "platform");
      if (p >= 0) {
        fields.add(
            field(
                "counterparties_affected",
                SummaryView.fill(
                    msg.get("final.consumers"),
                    "active",
                    f.count(Rows.num(d, p, "active_customers")),
                    "defected",
                    f.count(Rows.num(d, p, "defected_customers"))),
                "defection_totals.active_customers, defected_customers",
                msg));
        fields.add(
            field(
                "consumer_money",
                SummaryView.fill(
                    msg.get("final.consumer_money"),
                    "balances",
                    f.money(Rows.num(d, p, "lost_member_balances")),
                    "points",
                    f.count(Rows.num(d, p, "lost_member_points"))),
                "defection_totals.lost_member_balances, lost_member_points",
                msg));
      }
    }
    List<List<String>> recovery = recovery(tables, f, msg);
    fields.add(
        recovery.isEmpty()
            ? missing("data_losses", msg)
            : field(
                "data_losses",
                SummaryView.fill(
                    msg.get("final.data_losses"),
                    "none",
                    recovery.get(0).get(1),
                    "partial",
                    partial(recovery, f)),
                "scheme_fairness (dimension data_recovery)",
                msg));
    List<Cost> costs = costs(tables, f, msg);
    double known = 0;
    for (Cost c : costs) {
      known += c.amount() == null ? 0 : c.amount();
    }
    fields.add(
        field(
            "economic_impact",
            SummaryView.fill(msg.get("final.economic"), "known", f.money(known)),
            "company_impact",
            msg));
    fields.add(
        text(
            "recurrence",
            incident.recurrence(),
            incident.recurrenceSource() == null
                ? "facts.yaml incident"
                : incident.recurrenceSource().in(f),
            f,
            msg));
    fields.add(
        remediation.isEmpty()
            ? missing("remediation", msg)
            : field(
                "remediation",
                String.join(f.chinese() ? "；" : "; ", remediation),
                "facts.yaml remediation",
                msg));
    List<List<String>> milestones = new ArrayList<>();
    for (IncidentFacts.Milestone m : incident.milestones()) {
      milestones.add(List.of(m.at(), m.what().in(f), m.source().in(f)));
    }
    return new FinalIncidentReport(fields, costs, recovery, complaints(tables, f), milestones);
  }

  /** Merchants by share of data recovered ({@code scheme_fairness}, the chosen scheme's rows). */
  static List<List<String>> recovery(ResultTables tables, Formats f, Map<String, String> msg) {
    List<List<String>> rows = new ArrayList<>();
    if (!tables.has("scheme_fairness")) {
      return rows;
    }
    Table s = tables.table("scheme_fairness");
    double all = 0;
    List<Object[]> groups = new ArrayList<>();
    for (int i = 0; i < s.rowCount(); i++) {
      if ("chosen".equals(Rows.text(s, i, "scheme"))
          && "data_recovery".equals(Rows.text(s, i, "dimension"))) {
        double n = Rows.num(s, i, "merchants");
        all += n;
        groups.add(new Object[] {Rows.text(s, i, "group"), n});
      }
    }
    groups.sort(java.util.Comparator.comparing(g -> RegulatorReport.order((String) g[0])));
    for (Object[] g : groups) {
      double n = (Double) g[1];
      rows.add(
          List.of(
              (String) g[0],
              f.count(n),
              f.percent(all > 0 ? n / all : Double.NaN),
              String.valueOf((long) n)));
    }
    return rows;
  }

  /** Merchants with part of their data back: the groups between none and all. */
  private static String partial(List<List<String>> recovery, Formats f) {
    long n = 0;
    for (int i = 1; i < recovery.size() - 1; i++) {
      n += Long.parseLong(recovery.get(i).get(3));
    }
    return f.count(n);
  }

  /** The cost categories of 2024/1772 Art. 7 the case holds, the others marked as not held. */
  static List<Cost> costs(ResultTables tables, Formats f, Map<String, String> msg) {
    Map<String, Double> company =
        tables.has("company_impact") ? Rows.metrics(tables.table("company_impact")) : Map.of();
    List<Cost> out = new ArrayList<>();
    for (String key : COST_CATEGORIES) {
      String metric =
          switch (key) {
            case "customer_redress" -> "cost_total";
            case "revenue_forgone" -> "subscription_revenue_at_risk";
            default -> null;
          };
      Double amount = metric == null ? null : company.get(metric);
      out.add(
          new Cost(
              key,
              msg.get("final.cost." + key),
              amount,
              amount == null ? msg.get("final.not_in_case") : f.money(amount),
              amount == null ? "" : "company_impact." + metric));
    }
    return out;
  }

  /** Complaints by week (Monday) from the incident's first week ({@code churn_signals}). */
  static List<List<String>> complaints(ResultTables tables, Formats f) {
    List<List<String>> rows = new ArrayList<>();
    if (!tables.has("churn_signals") || !tables.has("incident_timeline")) {
      return rows;
    }
    java.time.LocalDate since = LegalReport.incidentDay(tables.table("incident_timeline", "phase"));
    Table weeks =
        tables.aggregate(
            "churn_signals",
            "date_trunc('week', local_date) AS week, count(*) AS n",
            "signal = 'complaint' AND local_date >= DATE '"
                + since.minusDays(since.getDayOfWeek().getValue() - 1)
                + "'");
    for (int i = 0; i < weeks.rowCount(); i++) {
      String iso = Rows.text(weeks, i, "week").substring(0, 10);
      rows.add(
          List.of(
              f.date(java.time.LocalDate.parse(iso)),
              f.count(Rows.num(weeks, i, "n")),
              iso,
              String.valueOf((long) Rows.num(weeks, i, "n"))));
    }
    return rows;
  }

  private static Field field(String key, String value, String source, Map<String, String> msg) {
    return new Field(
        key, msg.get("final.field." + key), value, source, msg.get("final.asks." + key), true);
  }

  private static Field missing(String key, Map<String, String> msg) {
    return new Field(
        key,
        msg.get("final.field." + key),
        msg.get("final.not_in_case"),
        "",
        msg.get("final.asks." + key),
        false);
  }

  private static Field text(
      String key, Bilingual value, String source, Formats f, Map<String, String> msg) {
    return value == null ? missing(key, msg) : field(key, value.in(f), source, msg);
  }

  /** The fields as JSON for an intake system (the English report's texts, amounts as numbers). */
  ObjectNode json(ObjectMapper mapper, List<List<String>> scope, String currency) {
    ObjectNode root = mapper.createObjectNode();
    root.put("schema", "aftermath.regulator-report/1");
    ArrayNode frameworks = root.putArray("frameworks");
    frameworks.add(
        "EU DORA final major-incident report, Commission Delegated Regulation (EU) 2025/301, Art. 4");
    frameworks.add("EU Commission Delegated Regulation (EU) 2024/1772, Art. 7 (cost categories)");
    frameworks.add(
        "PRC Measures for the Administration of Cybersecurity Incident Reporting (2025)");
    ObjectNode sc = root.putObject("scope");
    for (List<String> r : scope) {
      sc.put(r.get(0), r.get(1));
    }
    ArrayNode fs = root.putArray("fields");
    for (Field fd : fields) {
      ObjectNode n = fs.addObject();
      n.put("field", fd.key());
      n.put("label", fd.label());
      n.put("available", fd.available());
      if (fd.available()) {
        n.put("value", fd.value());
        n.put("source", fd.source());
      } else {
        n.putNull("value");
        n.put("note", fd.value());
      }
      n.put("asked_by", fd.asks());
    }
    ArrayNode cs = root.putArray("economic_impact");
    for (Cost c : costs) {
      ObjectNode n = cs.addObject();
      n.put("category", c.key());
      n.put("label", c.label());
      if (c.amount() == null) {
        n.putNull("amount");
        n.put("note", c.shown());
      } else {
        n.put("amount", c.amount());
        n.put("currency", currency);
        n.put("source", c.source());
      }
    }
    ArrayNode rec = root.putArray("data_recovery");
    for (List<String> r : recovery) {
      rec.addObject().put("recovered", r.get(0)).put("merchants", Long.parseLong(r.get(3)));
    }
    ArrayNode comp = root.putArray("complaints_by_week");
    for (List<String> r : complaints) {
      comp.addObject().put("week_of", r.get(2)).put("complaints", Long.parseLong(r.get(3)));
    }
    ArrayNode ms = root.putArray("milestones");
    for (List<String> r : milestones) {
      ms.addObject().put("at", r.get(0)).put("what", r.get(1)).put("source", r.get(2));
    }
    return root;
  }
}
