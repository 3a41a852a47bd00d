-- The scan floor: one pass that only reads the order columns the computations above use, and sums
-- them. No computation over the orders can be faster than this on the same files.
SELECT count(*), sum(revenue), sum(amount), sum(tax), sum(length(customer_id)),
       sum(length(merchant_id)), sum(length(status)), min(created_at), max(local_date)
FROM read_parquet('${orders}');
