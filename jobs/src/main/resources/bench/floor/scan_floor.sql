-- The Spark scan floor: one pass that only reads the order columns the computations use, and sums
-- them (also warms the JVM before the timed computations).
SELECT count(*), sum(revenue), sum(amount), sum(tax), sum(length(customer_id)),
       sum(length(merchant_id)), sum(length(status)), min(created_at), max(local_date)
FROM orders
