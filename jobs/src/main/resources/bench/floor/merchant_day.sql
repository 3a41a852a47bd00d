-- merchant_day as a Spark user would write it in an afternoon: per merchant and local day, net
-- revenue, paid orders, exact distinct paying customers (count DISTINCT), refunds; on a dense
-- calendar of the days each merchant was on the platform (sequence + explode, full outer join);
-- in (merchant, date) order. The benchmark writes it to Parquet, as the stage does.
WITH sums AS (
  SELECT merchant_id,
         local_date AS date,
         sum(CASE WHEN status = 'PAID' THEN revenue END) AS net_revenue,
         count(CASE WHEN status = 'PAID' THEN 1 END) AS paid_orders,
         count(DISTINCT CASE WHEN status = 'PAID' THEN customer_id END) AS customers,
         count(CASE WHEN status = 'REFUNDED' THEN 1 END) AS refunds,
         sum(CASE WHEN status = 'REFUNDED' THEN amount - tax END) AS refund_amount
  FROM orders
  WHERE local_date BETWEEN DATE '${history_start}' AND DATE '${horizon_end}'
  GROUP BY merchant_id, local_date),
spans AS (
  SELECT merchant_id,
         greatest(signup_date, DATE '${history_start}') AS first,
         least(coalesce(left_platform_at, DATE '${horizon_end}'), DATE '${horizon_end}') AS last
  FROM merchants),
calendar AS (
  SELECT merchant_id, explode(sequence(first, last, INTERVAL 1 DAY)) AS date
  FROM spans
  WHERE first <= last)
SELECT coalesce(c.merchant_id, s.merchant_id) AS merchant_id,
       coalesce(c.date, s.date) AS date,
       CAST(coalesce(s.net_revenue, 0) AS DECIMAL(18, 2)) AS net_revenue,
       coalesce(s.paid_orders, 0L) AS paid_orders,
       coalesce(s.customers, 0L) AS customers,
       coalesce(s.refunds, 0L) AS refunds,
       CAST(coalesce(s.refund_amount, 0) AS DECIMAL(18, 2)) AS refund_amount,
       c.merchant_id IS NOT NULL AS on_platform
FROM calendar c
FULL OUTER JOIN sums s ON c.merchant_id = s.merchant_id AND c.date = s.date
ORDER BY merchant_id, date
