package dev.aftermath.generate;

import dev.aftermath.scenario.Timestamps;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Simulated records as rows of the case's tables, in text (CSV) or typed (Parquet) form. Text
 * timestamps use all three contract forms: local time (90%), with the zone's offset (7%), and in
 * UTC with Z (3%), chosen by a hash of the row's key.
 */
final class CaseRows implements Serializable {
  private final ZoneId zone;
  private final boolean text;

  CaseRows(ZoneId zone, boolean text) {
    this.zone = zone;
    this.text = text;
  }

  static final DataType MONEY = DataTypes.createDecimalType(18, 2);

  StructType ordersSchema() {
    return Schemas.of(
        "order_id",
        DataTypes.StringType,
        "merchant_id",
        DataTypes.StringType,
        "customer_id",
        DataTypes.StringType,
        "created_at",
        DataTypes.TimestampType,
        "amount",
        MONEY,
        "tax",
        MONEY,
        "status",
        DataTypes.StringType);
  }

  StructType membersSchema() {
    return Schemas.of(
        "merchant_id",
        DataTypes.StringType,
        "customer_id",
        DataTypes.StringType,
        "balance",
        MONEY,
        "points",
        MONEY,
        "recovered",
        DataTypes.BooleanType);
  }

  StructType signalsSchema() {
    return Schemas.of(
        "ts",
        DataTypes.TimestampType,
        "merchant_id",
        DataTypes.StringType,
        "customer_id",
        DataTypes.StringType,
        "signal",
        DataTypes.StringType,
        "value",
        MONEY);
  }

  Row order(SimRecords.Order o) {
    Object createdAt = o.createdAt() == null ? null : timestamp(o.createdAt(), o.orderId());
    Object amount = money(o.amountCents());
    if (text && o.bad() == BadRows.Kind.BAD_TIMESTAMP) {
      createdAt = "2020-02-30T25:61:00";
    } else if (text && o.bad() == BadRows.Kind.NOT_A_NUMBER) {
      amount = "12,5O";
    }
    return RowFactory.create(
        o.orderId(),
        o.merchantId(),
        o.customerId(),
        createdAt,
        amount,
        money(o.taxCents()),
        o.status());
  }

  Row member(SimRecords.Member m) {
    return RowFactory.create(
        m.merchantId(),
        m.customerId(),
        money(m.balanceCents()),
        money(m.points() * 100),
        text ? String.valueOf(m.recovered()) : m.recovered());
  }

  Row signal(SimRecords.Signal s) {
    return RowFactory.create(
        timestamp(s.ts(), s.merchantId() + s.signal() + s.ts()),
        s.merchantId(),
        s.customerId(),
        s.signal(),
        s.valueCents() == null ? null : money(s.valueCents()));
  }

  /** Text form: every column a string. */
  StructType asText(StructType typed) {
    if (!text) {
      return typed;
    }
    StructField[] fields = typed.fields().clone();
    for (int i = 0; i < fields.length; i++) {
      fields[i] = new StructField(fields[i].name(), DataTypes.StringType, true, Metadata.empty());
    }
    return new StructType(fields);
  }

  private Object money(long cents) {
    BigDecimal v = BigDecimal.valueOf(cents, 2);
    return text ? v.toPlainString() : v;
  }

  private Object timestamp(LocalDateTime t, String key) {
    if (!text) {
      return t.atZone(zone).toInstant();
    }
    int form = Math.floorMod(key.hashCode() * 31 + 7, 100);
    if (form < 90) {
      return Timestamps.format(t);
    }
    if (form < 97) {
      return Timestamps.formatWithOffset(t, zone);
    }
    return Timestamps.format(t.atZone(zone).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime())
        + "Z";
  }
}
