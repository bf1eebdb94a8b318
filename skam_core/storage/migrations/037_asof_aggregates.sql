-- As-of pre-aggregates of the profit page (issues 11, 15): what a view of older knowledge needs from all
-- customers' rows — the effect sums of migrations 033/036 and each customer's window sums — per *epoch*, so
-- that a past steering committee's view reads a few thousand numbers instead of recomputing them from 6 M rows.
--
-- The rows visible at an instant T depend only on the latest version boundary (a distinct valid_from or
-- valid_to of financials) before T, the epoch: every instant up to the next boundary sees the same rows.
-- An entry is built for (epoch, window end) and records how many row versions were known (valid_from <= epoch)
-- and closed (valid_to <= epoch) when it was built; versions being append-only, the rows of the epoch changed
-- exactly when one of the two counts did (a back-dated history load), and such an entry is never served
-- (skam_core/storage/queries/profit_asof.py). Derived data: computed when first needed, the month-ends of the
-- last months filled when the aggregates are rebuilt; nothing here is edited by hand.

-- One entry per (epoch, window end); two sessions computing the same one at once may both insert it (identical
-- sums: the reads take the smallest id).
CREATE TABLE agg_asof_epochs (
    id          VARCHAR NOT NULL,
    epoch       TIMESTAMP NOT NULL,  -- the latest boundary of financials before the instants it serves
    window_end  DATE NOT NULL,       -- the last month of the 12-month window
    rows_known  BIGINT NOT NULL,     -- financial row versions with valid_from <= epoch when built
    rows_closed BIGINT NOT NULL,     -- financial row versions with valid_to <= epoch when built
    definition  VARCHAR NOT NULL,    -- the definition of the sums (profit_asof.DEFINITION) when built
    first_month DATE,                -- month_index 0 of the sums below (NULL: no month with revenue)
    built_at    TIMESTAMP NOT NULL
);

-- Per entry and month (month_index 0 = first_month): as agg_fe_months.
CREATE TABLE agg_asof_fe_months (
    id               VARCHAR NOT NULL,
    month_index      INTEGER NOT NULL,
    revenue          DOUBLE NOT NULL,
    operating_profit DOUBLE NOT NULL,
    adjusted         DOUBLE NOT NULL
);

-- Per entry and pair of months (month_a <= month_b, as indexes): as agg_fe_gram and agg_fe_meat.
CREATE TABLE agg_asof_fe_pairs (
    id      VARCHAR NOT NULL,
    month_a INTEGER NOT NULL,
    month_b INTEGER NOT NULL,
    gram    DOUBLE NOT NULL,
    meat    DOUBLE NOT NULL
);

-- Per entry: every customer's revenue and operating profit over the window, as agg_customer_window.
CREATE TABLE agg_asof_window (
    id               VARCHAR NOT NULL,
    customer_id      VARCHAR NOT NULL,
    revenue          DOUBLE NOT NULL,
    operating_profit DOUBLE NOT NULL
);
