package dev.aftermath.generate;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** The truth tables written beside a demo case; columns documented in the data dictionary. */
final class TruthRows {
  private TruthRows() {}

  static final StructType MERCHANT =
      Schemas.of(
          "merchant_id", DataTypes.StringType,
          "industry", DataTypes.StringType,
          "is_new", DataTypes.BooleanType,
          "signup_date", DataTypes.DateType,
          "left_platform_at", DataTypes.DateType,
          "left_because_of_outage", DataTypes.BooleanType,
          "data_recovered_pct", DataTypes.DoubleType,
          "base_daily_orders", DataTypes.DoubleType,
          "annual_trend", DataTypes.DoubleType,
          "covid_sensitivity", DataTypes.DoubleType,
          "fast_grower", DataTypes.BooleanType,
          "growth_factor", DataTypes.DoubleType,
          "impact_start", DataTypes.TimestampNTZType,
          "impact_end", DataTypes.TimestampNTZType,
          "expected_revenue_no_outage", DataTypes.DoubleType,
          "expected_actual_revenue", DataTypes.DoubleType,
          "expected_lost_revenue", DataTypes.DoubleType,
          "expected_lost_revenue_outage", DataTypes.DoubleType,
          "expected_lost_revenue_tail", DataTypes.DoubleType,
          "realized_revenue_no_outage", DataTypes.DoubleType,
          "actual_revenue", DataTypes.DoubleType,
          "true_lost_revenue", DataTypes.DoubleType,
          "true_lost_revenue_outage", DataTypes.DoubleType,
          "true_lost_revenue_tail", DataTypes.DoubleType,
          "customers_active_at_outage", DataTypes.LongType,
          "defected_customers", DataTypes.LongType,
          "members", DataTypes.LongType,
          "members_lost", DataTypes.LongType,
          "member_balance_lost", DataTypes.DoubleType,
          "member_points_lost", DataTypes.DoubleType);

  static final StructType CUSTOMER =
      Schemas.of(
          "merchant_id", DataTypes.StringType,
          "customer_id", DataTypes.StringType,
          "guest", DataTypes.BooleanType,
          "arrived_at", DataTypes.TimestampNTZType,
          "lifetime_end", DataTypes.TimestampNTZType,
          "alive_at_outage", DataTypes.BooleanType,
          "defected", DataTypes.BooleanType,
          "member", DataTypes.BooleanType,
          "purchase_rate_per_day", DataTypes.DoubleType,
          "mean_spend", DataTypes.DoubleType,
          "window_no_return_probability", DataTypes.DoubleType);

  static final StructType BAD_ROW =
      Schemas.of(
          "table", DataTypes.StringType,
          "order_id", DataTypes.StringType,
          "expected", DataTypes.StringType);

  static Row merchant(MerchantTruth t, MerchantProfile p) {
    return RowFactory.create(
        t.merchantId(),
        t.industry(),
        t.isNew(),
        p.signupDate(),
        p.leftPlatformAt(),
        t.leftBecauseOfOutage(),
        t.dataRecoveredPct(),
        p.baseDailyOrders(),
        p.annualTrend(),
        t.covidSensitivity(),
        t.fastGrower(),
        t.growthFactor(),
        t.impactStart(),
        t.impactEnd(),
        round(t.expectedRevenueNoOutage()),
        round(t.expectedActualRevenue()),
        round(t.expectedLostRevenue()),
        round(t.expectedLostRevenueOutage()),
        round(t.expectedLostRevenueTail()),
        round(t.realizedRevenueNoOutage()),
        round(t.actualRevenue()),
        round(t.trueLostRevenue()),
        round(t.trueLostRevenueOutage()),
        round(t.trueLostRevenueTail()),
        t.customersActiveAtOutage(),
        t.defectedCustomers(),
        t.members(),
        t.membersLost(),
        round(t.memberBalanceLost()),
        t.memberPointsLost());
  }

  static Row customer(SimRecords.Customer c) {
    return RowFactory.create(
        c.merchantId(),
        c.customerId(),
        c.guest(),
        c.arrivedAt(),
        c.lifetimeEnd(),
        c.aliveAtOutage(),
        c.defected(),
        c.member(),
        c.purchaseRatePerDay(),
        c.meanSpend(),
        c.windowNoReturnProbability());
  }

  static Row badRow(SimRecords.Order o) {
    return RowFactory.create("orders", o.orderId(), o.bad().expected());
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }
}
