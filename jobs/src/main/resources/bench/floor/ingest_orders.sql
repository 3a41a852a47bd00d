-- Ingestion of the orders as a Spark user would write it in an afternoon: the contract's checks
-- as one CASE over the source rows (the first failed check, in column order, is the row's
-- reason), typed with try_cast; the benchmark then keeps the good rows once per order_id
-- (dropDuplicates) and adds the derived columns. Known merchants are the ingested merchants.
WITH typed AS (
  SELECT r.order_id,
         r.merchant_id,
         CASE WHEN trim(r.customer_id) = '' THEN NULL ELSE r.customer_id END AS customer_id,
         r.created_at AS created_raw,
         try_cast(try_cast(r.created_at AS TIMESTAMP) AS TIMESTAMP_NTZ) AS created_at,
         r.amount AS amount_raw,
         try_cast(r.amount AS DOUBLE) AS amount_double,
         try_cast(r.amount AS DECIMAL(18, 4)) AS amount,
         r.tax AS tax_raw,
         try_cast(r.tax AS DOUBLE) AS tax_double,
         try_cast(r.tax AS DECIMAL(18, 4)) AS tax,
         r.status,
         m.merchant_id IS NOT NULL AS known_merchant
  FROM raw_orders r
  LEFT JOIN (SELECT DISTINCT merchant_id FROM merchants) m ON r.merchant_id = m.merchant_id)
SELECT *,
       CASE
         WHEN order_id IS NULL OR trim(order_id) = '' THEN 'MISSING_REQUIRED'
         WHEN length(order_id) > 2000 THEN 'TEXT_TOO_LONG'
         WHEN merchant_id IS NULL OR trim(merchant_id) = '' THEN 'MISSING_REQUIRED'
         WHEN length(merchant_id) > 2000 THEN 'TEXT_TOO_LONG'
         WHEN NOT known_merchant THEN 'UNKNOWN_MERCHANT'
         WHEN length(customer_id) > 2000 THEN 'TEXT_TOO_LONG'
         WHEN created_raw IS NULL OR trim(CAST(created_raw AS STRING)) = '' THEN 'MISSING_REQUIRED'
         WHEN created_at IS NULL THEN 'BAD_TIMESTAMP'
         WHEN year(created_at) NOT BETWEEN 1970 AND 2099 THEN 'OUT_OF_RANGE'
         WHEN amount_raw IS NULL OR trim(CAST(amount_raw AS STRING)) = '' THEN 'MISSING_REQUIRED'
         WHEN amount_double IS NULL OR isnan(amount_double) THEN 'NOT_A_NUMBER'
         WHEN abs(amount_double) > 99999999999999 THEN 'OUT_OF_RANGE'
         WHEN amount < 0 THEN 'NEGATIVE_AMOUNT'
         WHEN tax_raw IS NULL OR trim(CAST(tax_raw AS STRING)) = '' THEN 'MISSING_REQUIRED'
         WHEN tax_double IS NULL OR isnan(tax_double) THEN 'NOT_A_NUMBER'
         WHEN abs(tax_double) > 99999999999999 THEN 'OUT_OF_RANGE'
         WHEN tax < 0 THEN 'NEGATIVE_AMOUNT'
         WHEN status IS NULL OR trim(status) = '' THEN 'MISSING_REQUIRED'
         WHEN length(status) > 2000 THEN 'TEXT_TOO_LONG'
         WHEN status NOT IN ('PAID', 'REFUNDED', 'CANCELLED') THEN 'UNKNOWN_STATUS'
         WHEN tax > amount THEN 'TAX_EXCEEDS_AMOUNT'
       END AS reason
FROM typed
