-- Peer of the defection stage's customer summaries (CustomerHistories): per merchant and
-- identified customer, from PAID orders, the pre-outage purchase days (first, last, count: x is
-- repeat days), the average revenue of the repeat days (monetary) and whether the customer bought
-- in the return window; kept in memory as the stage keeps its result cached.
CREATE OR REPLACE TEMP TABLE peer_customer_histories AS
WITH days AS (
  SELECT merchant_id,
         customer_id,
         local_date - DATE '${history_start}' AS day,
         CAST(sum(CASE WHEN created_at < TIMESTAMP '${outage_start}' THEN revenue END) AS DOUBLE)
           AS pre_revenue,
         bool_or(created_at < TIMESTAMP '${outage_start}') AS pre
  FROM read_parquet('${orders}')
  WHERE status = 'PAID'
    AND customer_id IS NOT NULL
    AND local_date - DATE '${history_start}' BETWEEN 0 AND ${horizon_day}
    AND (local_date - DATE '${history_start}' <= ${outage_day}
         OR local_date - DATE '${history_start}' >= ${window_start_day})
  GROUP BY merchant_id, customer_id, local_date),
spans AS (
  SELECT merchant_id,
         industry,
         CASE WHEN left_platform_at IS NULL OR left_platform_at < DATE '${history_start}'
              THEN ${horizon_day} + 1
              ELSE least(${horizon_day} + 1, left_platform_at - DATE '${history_start}' + 1)
         END AS window_end_day,
         greatest(0, signup_date - DATE '${history_start}') AS origin_day
  FROM read_parquet('${merchants}'))
SELECT d.merchant_id,
       d.customer_id,
       s.industry,
       s.window_end_day,
       CAST(count(*) FILTER (WHERE pre) - 1 AS INTEGER) AS x,
       min(day) FILTER (WHERE pre) AS first_day,
       max(day) FILTER (WHERE pre) AS last_day,
       s.origin_day,
       CASE WHEN count(*) FILTER (WHERE pre) > 1
            THEN (sum(pre_revenue) FILTER (WHERE pre) - arg_min(pre_revenue, day) FILTER (WHERE pre))
                 / (count(*) FILTER (WHERE pre) - 1)
            ELSE 0 END AS monetary,
       bool_or(day >= ${window_start_day} AND day < s.window_end_day) AS returned
FROM days d
JOIN spans s ON d.merchant_id = s.merchant_id
GROUP BY d.merchant_id, d.customer_id, s.industry, s.window_end_day, s.origin_day
HAVING count(*) FILTER (WHERE pre) > 0;
