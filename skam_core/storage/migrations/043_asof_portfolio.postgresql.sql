-- PostgreSQL's form of 043_asof_portfolio.sql: the same tables, and indexes on the kept portfolio of the rows,
-- which PostgreSQL would otherwise find by scanning every kept portfolio's rows (DuckDB's zone maps do without).
--
-- The portfolio's figures kept for views of older knowledge (issue 15), as migration 041 keeps them for the
-- current view: every customer visible at the view's instant with its window sums from an as-of entry
-- (migration 037), its size rank, and their sums per stage and SKAM start. Joining the 100,000 customers of an
-- older day with the entry's window sums and ranking them took ~0.45 s of PostgreSQL server time on every view.
--
-- Derived data (storage/queries/portfolio_asof.py): built by the portfolio's first view of an instant, served
-- only while its as-of entry exists and the customers are unchanged since (the fingerprint of agg_state's
-- customers row, which every write to customers changes), and dropped when a newer one is built after either
-- changed, or beyond the few kept.

-- One row per kept portfolio; two sessions building the same one at once may both insert it (identical
-- figures: the reads take the smallest id).
CREATE TABLE agg_asof_portfolio (
    id        VARCHAR NOT NULL,
    entry     VARCHAR NOT NULL,    -- agg_asof_epochs.id: the window sums
    instant   TIMESTAMP NOT NULL,  -- the knowledge instant of the view (the customers visible then)
    customers VARCHAR NOT NULL,    -- agg_state's customers fingerprint when built
    built_at  TIMESTAMP NOT NULL
);

-- As agg_portfolio_customers, per kept portfolio.
CREATE TABLE agg_asof_portfolio_customers (
    id               VARCHAR NOT NULL,
    customer_id      VARCHAR NOT NULL,
    skam_stage       VARCHAR NOT NULL,
    skam_start       DATE,
    revenue          DOUBLE PRECISION NOT NULL,
    operating_profit DOUBLE PRECISION NOT NULL,
    has_figures      BOOLEAN NOT NULL,
    size_rank        BIGINT NOT NULL
);

-- As agg_portfolio_groups, per kept portfolio.
CREATE TABLE agg_asof_portfolio_groups (
    id               VARCHAR NOT NULL,
    skam_stage       VARCHAR NOT NULL,
    skam_start       DATE,
    customers        BIGINT NOT NULL,
    revenue          DOUBLE PRECISION NOT NULL,
    operating_profit DOUBLE PRECISION NOT NULL
);

CREATE INDEX agg_asof_portfolio_customers_id ON agg_asof_portfolio_customers (id);
CREATE INDEX agg_asof_portfolio_groups_id ON agg_asof_portfolio_groups (id);
