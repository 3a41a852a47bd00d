-- The payout schemes' merchant inputs as plain Spark SQL: per merchant, PAID revenue in each
-- baseline window, the mean counterfactual revenue of the outage days, the pre-outage mean daily
-- revenue and the earlier stages' losses and intervals; one row per merchant, collected.
WITH revenue AS (
  SELECT merchant_id, ${window_sums}
  FROM orders
  WHERE status = 'PAID'
  GROUP BY merchant_id),
counterfactual AS (
  SELECT merchant_id, avg(counterfactual_revenue) AS counterfactual_daily
  FROM merchant_day_counterfactual
  WHERE period = 'outage'
  GROUP BY merchant_id),
size AS (
  SELECT merchant_id, CAST(avg(net_revenue) AS DOUBLE) AS pre_outage_daily_revenue
  FROM merchant_day
  WHERE date < DATE '${outage_date}'
  GROUP BY merchant_id),
impact AS (
  SELECT l.merchant_id, l.lost_margin, l.lost_margin_low, l.lost_margin_high, l.margin_rate,
         d.lost_customer_margin, d.lost_customer_value_low, d.lost_customer_value_high,
         d.lost_member_balances
  FROM merchant_loss l
  LEFT JOIN merchant_defection d ON l.merchant_id = d.merchant_id)
SELECT m.merchant_id, m.industry, m.is_new, m.monthly_fee, m.ad_eligible, m.data_recovered_pct,
       m.left_platform_at, ${window_columns}, c.counterfactual_daily, s.pre_outage_daily_revenue,
       i.lost_margin, i.lost_margin_low, i.lost_margin_high, i.margin_rate, i.lost_customer_margin,
       i.lost_customer_value_low, i.lost_customer_value_high, i.lost_member_balances
FROM merchants m
LEFT JOIN revenue r ON m.merchant_id = r.merchant_id
LEFT JOIN counterfactual c ON m.merchant_id = c.merchant_id
LEFT JOIN size s ON m.merchant_id = s.merchant_id
LEFT JOIN impact i ON m.merchant_id = i.merchant_id
ORDER BY m.merchant_id
