-- The defection stage's customer summaries as plain Spark SQL: per merchant and identified
-- customer, from PAID orders, the purchase days before the outage (x = repeat days, first and last
-- day), the average revenue of the repeat days, whether the customer bought in the return window,
-- and the same cut at the held-out split; kept in memory, as the stage keeps them.
WITH days AS (
  SELECT merchant_id,
         customer_id,
         datediff(local_date, DATE '${history_start}') AS day,
         CAST(sum(CASE WHEN created_at < TIMESTAMP '${outage_start}' THEN revenue END) AS DOUBLE)
           AS pre_revenue,
         max(created_at < TIMESTAMP '${outage_start}') AS pre
  FROM orders
  WHERE status = 'PAID'
    AND customer_id IS NOT NULL
    AND datediff(local_date, DATE '${history_start}') BETWEEN 0 AND ${horizon_day}
    AND (datediff(local_date, DATE '${history_start}') <= ${outage_day}
         OR datediff(local_date, DATE '${history_start}') >= ${window_start_day})
  GROUP BY merchant_id, customer_id, local_date),
spans AS (
  SELECT merchant_id,
         industry,
         CASE WHEN left_platform_at IS NULL
                   OR datediff(left_platform_at, DATE '${history_start}') < 0
              THEN ${horizon_day} + 1
              ELSE least(${horizon_day} + 1, datediff(left_platform_at, DATE '${history_start}') + 1)
         END AS window_end_day,
         greatest(0, datediff(signup_date, DATE '${history_start}')) AS origin_day
  FROM merchants)
SELECT d.merchant_id,
       d.customer_id,
       s.industry,
       ${window_start_day} AS window_start_day,
       s.window_end_day,
       CAST(count(CASE WHEN pre THEN 1 END) - 1 AS INT) AS x,
       min(CASE WHEN pre THEN day END) AS first_day,
       max(CASE WHEN pre THEN day END) AS last_day,
       s.origin_day,
       CASE WHEN count(CASE WHEN pre THEN 1 END) > 1
            THEN (sum(CASE WHEN pre THEN pre_revenue END)
                  - min_by(pre_revenue, CASE WHEN pre THEN day ELSE 2147483647 END))
                 / (count(CASE WHEN pre THEN 1 END) - 1)
            ELSE 0D END AS monetary,
       max(day >= ${window_start_day} AND day < s.window_end_day) AS returned,
       CAST(count(CASE WHEN day < ${held_split} THEN 1 END) - 1 AS INT) AS held_x,
       min(CASE WHEN day < ${held_split} THEN day END) AS held_first_day,
       max(CASE WHEN day < ${held_split} THEN day END) AS held_last_day,
       max(day >= ${held_start} AND day < ${held_end}) AS held_returned,
       max(day >= ${held_start} AND day < ${held_middle}) AS held_returned_early
FROM days d
JOIN spans s ON d.merchant_id = s.merchant_id
GROUP BY d.merchant_id, d.customer_id, s.industry, s.window_end_day, s.origin_day
HAVING count(CASE WHEN pre THEN 1 END) > 0
