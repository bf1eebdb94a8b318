"""The model joins the measured accounts to the customers' fit and revenue by a lookup per account instead of a
merge: the joined frame must be the merge's, to the last bit (rows, order, index, types)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from skam_core.analytics import profit_fe as fe
from skam_core.analytics.candidates import _with_fit


def effects(ids: list[str]) -> pd.DataFrame:
    n = len(ids)
    rng = np.random.default_rng(n)
    frame = {c: rng.normal(0.02, 0.01, n) for c in ("estimate", "std_error", "ci_low", "ci_high")}
    months = {"months_before": np.arange(n), "months_after": np.arange(n) + 1}
    return pd.DataFrame({"customer_id": pd.Series(ids, dtype=object), **frame, **months}).astype(fe.ACCOUNT_COLUMNS)


def customers(ids: list[str]) -> pd.DataFrame:
    n = len(ids)
    return pd.DataFrame(
        {
            "customer_id": pd.Series(ids, dtype="str"),
            "name": [f"Name {c}" for c in ids],
            "fit_score": np.where(np.arange(n) % 3 == 0, np.nan, np.linspace(40, 90, n)),
            "revenue": np.linspace(1e5, 1e6, n),
        }
    )


def the_merge(e: pd.DataFrame, c: pd.DataFrame) -> pd.DataFrame:
    return e.merge(c[["customer_id", "fit_score", "revenue"]], on="customer_id", how="inner")


def test_lookup_equals_the_merge_with_accounts_missing_among_customers_and_customers_in_another_order():
    e = effects(["K3", "K1", "K9", "K2", "K7"])
    e = e[e["estimate"] > -1].iloc[[4, 0, 2, 1]]  # a filtered frame: an index that is not 0..n-1
    c = customers(["K1", "K2", "K3", "K4", "K5", "K7"])
    pd.testing.assert_frame_equal(_with_fit(e, c), the_merge(e, c), check_exact=True)


def test_lookup_equals_the_merge_without_any_match_and_without_rows():
    e, c = effects(["K1", "K2"]), customers(["K8", "K9"])
    pd.testing.assert_frame_equal(_with_fit(e, c), the_merge(e, c), check_exact=True)
    pd.testing.assert_frame_equal(_with_fit(e.iloc[0:0], c), the_merge(e.iloc[0:0], c), check_exact=True)
    pd.testing.assert_frame_equal(_with_fit(e, c.iloc[0:0]), the_merge(e, c.iloc[0:0]), check_exact=True)


def test_a_customer_listed_twice_joins_as_the_merge_does():
    e, c = effects(["K1", "K2"]), customers(["K1", "K2", "K1"])
    pd.testing.assert_frame_equal(_with_fit(e, c), the_merge(e, c), check_exact=True)
