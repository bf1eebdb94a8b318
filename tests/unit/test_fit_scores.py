"""The fit scores on integer codes instead of a merge and group-by on the id strings (the portfolio's and the
candidates' largest Python part): every score must be the one the merge formulation gave, to the last bit, with
irregular weights, priority ids repeated across customers, unscored and zero-weighted priorities."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from skam_core.analytics.fit import fit_scores
from skam_core.domain.rules import FIT_CELL_MAX


def merge_formulation(priorities: pd.DataFrame, cells: pd.DataFrame) -> pd.Series:
    """The implementation the factorised one replaced, kept as the reference."""
    customers = priorities["customer_id"].unique()
    p = priorities[["customer_id", "id", "weight"]].astype({"weight": "float64"})
    p = p[p["weight"] > 0]
    if cells.empty:
        p = p.assign(best=0.0)
    else:
        best = cells.groupby(["customer_id", "priority_id"])["score"].max().astype("float64").rename("best")
        p = p.merge(best.reset_index().rename(columns={"priority_id": "id"}), on=["customer_id", "id"], how="left")
        p["best"] = p["best"].fillna(0.0)
    p["achieved"] = p["weight"] * p["best"]
    sums = p.groupby("customer_id")[["weight", "achieved"]].sum()
    out = (100.0 * sums["achieved"] / (FIT_CELL_MAX * sums["weight"])).reindex(customers).astype("float64")
    out.index.name = None
    return out.rename("fit_score")


def portfolio_like(seed: int, customers: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    rng = np.random.default_rng(seed)
    prios, cells = [], []
    for c in rng.permutation(customers):  # customers in no order; within one, the priorities in theirs
        for k in range(int(rng.integers(0, 7))):
            # Weights as a user types them (thirds, tenths) and zeros; ids "p<k>" recur in every customer.
            weight = float(rng.choice([0.0, 1 / 3, 0.1, 2.5, 7.0, 33.3, 100.0]) * rng.uniform(0.5, 1.5))
            prios.append((f"K{c:05d}", f"p{k}", weight))
            for cap in rng.choice(9, int(rng.integers(0, 5)), replace=False):
                cells.append((f"K{c:05d}", f"p{k}", f"cap{cap}", int(rng.integers(0, FIT_CELL_MAX + 1))))
        if rng.random() < 0.05:
            cells.append((f"K{c:05d}", "gone", "cap1", 3))  # a cell of no (current) priority
    p = pd.DataFrame(prios, columns=["customer_id", "id", "weight"]).astype({"customer_id": "str", "id": "str"})
    cl = pd.DataFrame(cells, columns=["customer_id", "priority_id", "capability_id", "score"])
    return p, cl.astype({"customer_id": "str", "priority_id": "str", "score": "int32"})


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("order", ["as_the_store_reads_them", "shuffled"])
def test_factorised_fit_scores_equal_the_merge_formulation_bit_for_bit(seed, order):
    # The order matters to pandas' sums (ascending group codes take another summation): both are checked.
    p, c = portfolio_like(seed, 800)
    if order == "as_the_store_reads_them":  # storage.queries.strategy.priorities: ORDER BY customer_id, sort_order
        p = p.sort_values("customer_id", kind="stable").reset_index(drop=True)
    got, want = fit_scores(p, c), merge_formulation(p, c)
    pd.testing.assert_series_equal(got, want, check_exact=True)
    assert got.isna().any() and (got == 0).any() and (got > 0).any()  # every kind of customer is in the data


def test_fit_scores_without_any_scored_cell_are_zero_where_weighted():
    p, c = portfolio_like(4, 50)
    pd.testing.assert_series_equal(fit_scores(p, c.iloc[0:0]), merge_formulation(p, c.iloc[0:0]), check_exact=True)
