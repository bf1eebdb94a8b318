"""The candidates view reads and computes only what the model needs (the per-account effects without the rest
of the profit analysis, the candidates' rows without the rest of the portfolio): its model must be the one built
from the full profit analysis and the full portfolio, to the last bit, on every day and after every write."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from skam_core.analytics.candidates import CandidateModel, as_json, build
from skam_core.domain.asof import AsOf
from skam_core.services.imports import import_file
from skam_core.services.items import save_item
from skam_core.storage.db import Store
from skam_core.storage.queries import strategy as sq
from skam_core.views.candidates import _effort_by_customer, candidates
from skam_core.views.portfolio import portfolio
from skam_core.views.profit import profit
from tests.conftest import ADMIN, DEMO_TODAY


def full_chain(store: Store, asof: AsOf) -> CandidateModel:
    """The model as it was built before the view was made lean: from the whole profit analysis and portfolio."""
    effects = profit(store, asof).account_effects
    accounts = portfolio(store, asof).accounts
    effort = _effort_by_customer(sq.opportunities(store, asof), sq.value_items(store, asof))
    customers = pd.DataFrame(
        {
            "customer_id": accounts["customer_id"].astype(object).to_numpy(),
            "name": accounts["name"].to_numpy(),
            "skam_stage": accounts["skam_stage"].to_numpy(),
            "fit_score": accounts["fit_score"].to_numpy(dtype="float64"),
            "revenue": accounts["revenue"].fillna(0).to_numpy(dtype="float64"),
            "size_rank": accounts["size_rank"].to_numpy(),
        }
    )
    customers["effort_eur"] = customers["customer_id"].map(effort).astype("float64")
    return build(asof.day, effects, customers)


def assert_same_model(lean: CandidateModel, full: CandidateModel) -> None:
    pd.testing.assert_frame_equal(lean.candidates, full.candidates, check_exact=True)
    pd.testing.assert_frame_equal(lean.accounts, full.accounts, check_exact=True)
    assert as_json(lean) == as_json(full)


@pytest.mark.parametrize("as_of", [None, date(2026, 8, 31), date(2025, 12, 31), date(2024, 1, 31)])
def test_lean_view_gives_the_model_of_the_full_profit_analysis_and_portfolio(demo_store, as_of):
    asof = AsOf.at(as_of, DEMO_TODAY)
    lean, full = candidates(demo_store, asof), full_chain(demo_store, asof)
    assert_same_model(lean, full)
    if as_of is None:  # the demo's present has a model to compare, not only empty frames
        assert lean.available and len(lean.candidates) > 0 and len(lean.accounts) >= 5


def test_a_corrected_month_of_a_measured_account_moves_its_effect_and_the_model(demo_store):
    asof = AsOf.now(DEMO_TODAY)
    before = candidates(demo_store, asof)
    account = str(before.accounts["customer_id"].iloc[0])
    start = demo_store.query(
        "SELECT skam_start FROM customers WHERE customer_id = ? AND valid_to IS NULL", [account]
    ).single_value()
    month = (pd.Timestamp(start) + pd.DateOffset(months=3)).date().replace(day=1)
    revenue = demo_store.query(
        "SELECT revenue FROM financials WHERE customer_id = ? AND month = ? AND valid_to IS NULL", [account, month]
    ).single_value()
    # A re-import that corrects one month after the start to a far better margin (a new version of that month).
    fix = f"customer_id,month,revenue,operating_profit\n{account},{month:%Y-%m},{revenue},{0.5 * revenue}\n"
    result = import_file(demo_store, ADMIN, "financials", fix.encode(), name="correction.csv")
    assert result.ok and result.changed == 1, result.problems
    after = candidates(demo_store, asof)

    def own(model: CandidateModel) -> float:
        return float(model.accounts.set_index("customer_id").loc[account, "estimate"])

    assert own(after) > own(before)  # a better month after the start raises the account's own effect
    assert_same_model(after, full_chain(demo_store, asof))


def test_a_new_fit_score_shows_at_once_in_the_candidates(demo_store):
    asof = AsOf.now(DEMO_TODAY)
    before = candidates(demo_store, asof)
    top = before.candidates.iloc[0]
    cells = sq.fit_cells(demo_store, asof, str(top["customer_id"]))
    assert not cells.empty
    for cell in cells.itertuples():  # the matrix re-scored: no capability serves any priority
        key = {"customer_id": cell.customer_id, "priority_id": cell.priority_id, "capability_id": cell.capability_id}
        save_item(demo_store, ADMIN, "fit_scores", {**key, "score": 0})
    after = candidates(demo_store, asof)
    row = after.candidates.set_index("customer_id").loc[top["customer_id"]]
    assert row["fit_score"] == 0.0 and row["estimate"] < top["estimate"]
    assert_same_model(after, full_chain(demo_store, asof))
