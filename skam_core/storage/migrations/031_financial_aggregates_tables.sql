-- Makes every store hold the same aggregate tables: an early development form of migration 030 (with the
-- tables agg_financials_customers and agg_financials_state) was applied to some local stores. Creates what is
-- missing and drops what is no longer used; on stores with the final 030 this changes nothing.
CREATE TABLE IF NOT EXISTS agg_financials_monthly (
    month            DATE NOT NULL,
    valid_from       TIMESTAMP NOT NULL,
    valid_to         TIMESTAMP,
    rows_n           BIGINT NOT NULL,
    revenue          DOUBLE NOT NULL,
    operating_profit DOUBLE NOT NULL,
    margin_n         BIGINT NOT NULL,
    margin_sum       DOUBLE NOT NULL
);
CREATE TABLE IF NOT EXISTS agg_key_financials (
    customer_id      VARCHAR NOT NULL,
    month            DATE NOT NULL,
    revenue          DOUBLE NOT NULL,
    operating_profit DOUBLE NOT NULL,
    valid_from       TIMESTAMP NOT NULL,
    valid_to         TIMESTAMP
);
CREATE TABLE IF NOT EXISTS agg_unlisted_candidates (
    customer_id VARCHAR NOT NULL
);
CREATE TABLE IF NOT EXISTS agg_customer_window (
    customer_id      VARCHAR NOT NULL,
    revenue          DOUBLE NOT NULL,
    operating_profit DOUBLE NOT NULL
);
CREATE TABLE IF NOT EXISTS agg_state (
    part        VARCHAR NOT NULL,
    fingerprint VARCHAR NOT NULL,
    window_end  DATE,
    valid_after TIMESTAMP,
    built_at    TIMESTAMP NOT NULL
);
DROP TABLE IF EXISTS agg_financials_customers;
DROP TABLE IF EXISTS agg_financials_state;
