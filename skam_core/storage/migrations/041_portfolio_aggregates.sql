-- The portfolio's figures kept with the other aggregates (issue 15): its group sums and every customer's size
-- rank, which the portfolio page, the steering pack's standing and the candidates read. Joining 100,000
-- customers with their window sums and ranking them on every page read took ~0.4 s on PostgreSQL.
--
-- Rebuilt with the customer-dependent aggregates (storage/queries/profit.py, _rebuild_customers) in the same
-- transaction and under the same fingerprint, from the current customers and agg_customer_window. They hold the
-- current view only: a read uses them when the view sees the current customers and figures and its window is
-- agg_customer_window's (storage.queries.profit.portfolio_is_current); other views join and rank at read time.
-- No index on PostgreSQL either: keeping one on customer_id made the rebuild there 1-2 s slower (0.7 s -> 2.3 s after an
-- edit of a customer), and the one read by customer (the steering pack's rank) scans 100,000 narrow rows quickly.

-- Every current customer (not removed) with its window sums and its size rank (1 + customers with more revenue).
CREATE TABLE agg_portfolio_customers (
    customer_id      VARCHAR NOT NULL,
    skam_stage       VARCHAR NOT NULL,
    skam_start       DATE,
    revenue          DOUBLE NOT NULL,   -- over agg_customer_window's window, 0 without figures
    operating_profit DOUBLE NOT NULL,
    has_figures      BOOLEAN NOT NULL,  -- has a row in agg_customer_window
    size_rank        BIGINT NOT NULL
);

-- Sums of agg_portfolio_customers per stage and SKAM start: which customers count as SKAM depends on the day
-- shown (skam_start on or before it), so the reads group these few rows by that.
CREATE TABLE agg_portfolio_groups (
    skam_stage       VARCHAR NOT NULL,
    skam_start       DATE,
    customers        BIGINT NOT NULL,
    revenue          DOUBLE NOT NULL,
    operating_profit DOUBLE NOT NULL
);
