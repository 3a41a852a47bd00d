-- Peer of the payout schemes' merchant inputs (PayoutInputs): per merchant, PAID revenue net of tax
-- in each baseline window (the cash plan's, and each custom cash scheme's), the mean counterfactual
-- revenue of the outage days, the pre-outage mean daily revenue and the earlier stages' losses.
CREATE OR REPLACE TEMP TABLE peer_payout_inputs AS
WITH revenue AS (
  SELECT merchant_id, ${window_sums}
  FROM read_parquet('${orders}')
  WHERE status = 'PAID'
  GROUP BY merchant_id),
counterfactual AS (
  SELECT merchant_id, avg(counterfactual_revenue) AS counterfactual_daily
  FROM read_parquet('${merchant_day_counterfactual}')
  WHERE period = 'outage'
  GROUP BY merchant_id),
size AS (
  SELECT merchant_id, CAST(avg(net_revenue) AS DOUBLE) AS pre_outage_daily_revenue
  FROM read_parquet('${merchant_day}')
  WHERE date < DATE '${outage_date}'
  GROUP BY merchant_id),
impact AS (
  SELECT merchant_id, lost_margin, lost_customer_margin, lost_member_balances
  FROM read_parquet('${merchant_impact}'))
SELECT m.merchant_id, m.industry, m.is_new, m.monthly_fee, m.ad_eligible, m.data_recovered_pct,
       m.left_platform_at, revenue.* EXCLUDE (merchant_id), counterfactual.counterfactual_daily,
       size.pre_outage_daily_revenue, impact.lost_margin, impact.lost_customer_margin,
       impact.lost_member_balances
FROM read_parquet('${merchants}') m
LEFT JOIN revenue ON m.merchant_id = revenue.merchant_id
LEFT JOIN counterfactual ON m.merchant_id = counterfactual.merchant_id
LEFT JOIN size ON m.merchant_id = size.merchant_id
LEFT JOIN impact ON m.merchant_id = impact.merchant_id
ORDER BY m.merchant_id;
