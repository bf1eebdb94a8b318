-- The variance of the control customers' month effects (issue 10): per pair of months, the sum over customers
-- of their fixed-effects scores' products, g_a * g_b with g_t = revenue_t * (margin_t - a_i - b_t) at the
-- all-customer fit (a_i: the customer's effect, b_t: the month's). Derived data, rebuilt with agg_fe_gram
-- (skam_core/storage/queries/profit_fe.py); the SKAM accounts' own part is taken off when the effect's interval
-- is computed (skam_core/analytics/profit_fe.py).
CREATE TABLE agg_fe_meat (
    month_a DATE NOT NULL,
    month_b DATE NOT NULL,
    value   DOUBLE NOT NULL
);
