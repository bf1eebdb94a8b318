-- Pre-aggregates for the measured SKAM effect (issue 10): the sufficient statistics of a revenue-weighted
-- customer + month fixed-effects fit over all customers' current rows (months with revenue > 0 up to the window
-- end of agg_state), so that the month effects of the control customers come from a few thousand numbers.
-- Derived data, rebuilt with the other financial aggregates (skam_core/storage/queries/profit_fe.py); the
-- SKAM accounts' own part is taken off when the effect is computed (skam_core/analytics/profit_fe.py).

-- Per month: sum of revenue, sum of operating profit, and sum over customers of revenue * P_i / W_i (P_i, W_i:
-- the customer's profit and revenue over all its months).
CREATE TABLE agg_fe_months (
    month            DATE NOT NULL,
    revenue          DOUBLE NOT NULL,
    operating_profit DOUBLE NOT NULL,
    adjusted         DOUBLE NOT NULL
);

-- Per pair of months: sum over customers of revenue(month_a) * revenue(month_b) / W_i.
CREATE TABLE agg_fe_gram (
    month_a DATE NOT NULL,
    month_b DATE NOT NULL,
    value   DOUBLE NOT NULL
);
