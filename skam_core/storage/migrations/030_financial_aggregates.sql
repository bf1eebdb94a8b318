-- Pre-aggregates for the profit comparison (issue 5), so that the profit page reads a few thousand rows instead
-- of scanning 6 million (100,000 customers x 60 months).
--
-- They are derived data, rebuilt from `financials` and `customers` (skam_core/storage/queries/profit.py):
-- a financial import rebuilds them in its own transaction; a reader that finds them stale (their fingerprint of
-- the source tables no longer matches, e.g. after the demo generator or an edit of a customer) rebuilds the
-- stale part once before it reads. Nothing here is ever edited by hand.
--
-- As-of reads stay exact: the aggregates keep the version columns (valid_from, valid_to) of the rows they sum,
-- so the usual visibility rule (storage.versioned.visible_clause) applies to them unchanged.

-- Monthly totals over all customers, one row per (month, valid_from, valid_to) group of financial versions.
CREATE TABLE agg_financials_monthly (
    month            DATE NOT NULL,
    valid_from       TIMESTAMP NOT NULL,
    valid_to         TIMESTAMP,
    rows_n           BIGINT NOT NULL,   -- financial rows (customer-months) in the group
    revenue          DOUBLE NOT NULL,   -- sum of revenue
    operating_profit DOUBLE NOT NULL,   -- sum of operating profit
    margin_n         BIGINT NOT NULL,   -- rows with revenue > 0
    margin_sum       DOUBLE NOT NULL    -- sum of operating_profit / revenue over rows with revenue > 0
);

-- Every financial row version of customers that have (or had, in any version) a SKAM start: the SKAM accounts
-- at any as-of date are among them.
CREATE TABLE agg_key_financials (
    customer_id      VARCHAR NOT NULL,
    month            DATE NOT NULL,
    revenue          DOUBLE NOT NULL,
    operating_profit DOUBLE NOT NULL,
    valid_from       TIMESTAMP NOT NULL,
    valid_to         TIMESTAMP
);

-- Customers with financial rows that may be no customer at some as-of date (removed at some point, created
-- after their first financial row was known, or never created). Usually empty; only these need checking.
CREATE TABLE agg_unlisted_candidates (
    customer_id VARCHAR NOT NULL
);

-- Each customer's revenue and operating profit over the 12-month window of the current data (window_end in
-- agg_state); valid for reads that see the current data (as_of None, or after the latest financial change).
CREATE TABLE agg_customer_window (
    customer_id      VARCHAR NOT NULL,
    revenue          DOUBLE NOT NULL,
    operating_profit DOUBLE NOT NULL
);

-- What each part was built from: a fingerprint of its sources.
CREATE TABLE agg_state (
    part        VARCHAR NOT NULL,   -- financials | customers
    fingerprint VARCHAR NOT NULL,
    window_end  DATE,               -- financials: the last month of agg_customer_window's window
    valid_after TIMESTAMP,          -- financials: the latest change of financials (as-of reads after it see it all)
    built_at    TIMESTAMP NOT NULL
);
