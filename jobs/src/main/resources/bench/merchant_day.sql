-- Peer of the merchant_day stage: per merchant and local day, net revenue, paid orders, exact
-- distinct paying customers, refunds; on a dense calendar of the days each merchant was on the
-- platform; written to Parquet in (merchant, date) order, as the stage writes it.
COPY (
  WITH sums AS (
    SELECT merchant_id,
           local_date AS date,
           sum(CASE WHEN status = 'PAID' THEN revenue END) AS net_revenue,
           count(*) FILTER (WHERE status = 'PAID') AS paid_orders,
           count(DISTINCT CASE WHEN status = 'PAID' THEN customer_id END) AS customers,
           count(*) FILTER (WHERE status = 'REFUNDED') AS refunds,
           sum(CASE WHEN status = 'REFUNDED' THEN amount - tax END) AS refund_amount
    FROM read_parquet('${orders}')
    WHERE local_date BETWEEN DATE '${history_start}' AND DATE '${horizon_end}'
    GROUP BY merchant_id, local_date),
  spans AS (
    SELECT merchant_id,
           greatest(signup_date, DATE '${history_start}') AS first,
           least(coalesce(left_platform_at, DATE '${horizon_end}'), DATE '${horizon_end}') AS last
    FROM read_parquet('${merchants}')),
  calendar AS (
    SELECT merchant_id, CAST(unnest(generate_series(first, last, INTERVAL 1 DAY)) AS DATE) AS date
    FROM spans
    WHERE first <= last)
  SELECT coalesce(c.merchant_id, s.merchant_id) AS merchant_id,
         coalesce(c.date, s.date) AS date,
         CAST(coalesce(s.net_revenue, 0) AS DECIMAL(18, 2)) AS net_revenue,
         coalesce(s.paid_orders, 0) AS paid_orders,
         coalesce(s.customers, 0) AS customers,
         coalesce(s.refunds, 0) AS refunds,
         CAST(coalesce(s.refund_amount, 0) AS DECIMAL(18, 2)) AS refund_amount,
         c.merchant_id IS NOT NULL AS on_platform
  FROM calendar c
  FULL OUTER JOIN sums s ON c.merchant_id = s.merchant_id AND c.date = s.date
  ORDER BY 1, 2
) TO '${peer}/merchant_day.parquet' (FORMAT parquet);
