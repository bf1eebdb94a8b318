-- PostgreSQL only (DuckDB scans its columns through zone maps, see migration 040).
-- The pages ask the 100,000 customers for the few that matter: the SKAM accounts (skam_start set: profit
-- comparison, steering pack, rebuild of agg_key_financials), the key accounts (stage other than none: the
-- golden rules' facts of the portfolio) and the number of current customers. Each was a scan of the whole
-- table, 20-400 ms at 100,000 customers on a busy machine; through these partial indexes well under 1 ms (the
-- count ~30 ms). They hold only current rows or the few key accounts, except the count's, which a customer
-- import maintains like customers_customer (migration 040).
CREATE INDEX IF NOT EXISTS customers_skam_start ON customers (skam_start) WHERE skam_start IS NOT NULL;
CREATE INDEX IF NOT EXISTS customers_key_accounts ON customers (customer_id) WHERE skam_stage <> 'none';
CREATE INDEX IF NOT EXISTS customers_current ON customers (customer_id) WHERE valid_to IS NULL AND NOT is_deleted;
