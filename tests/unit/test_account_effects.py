"""The candidates take the per-account effects without the rest of the profit analysis: on panels made in code
they must be the analysis' own (analytics.profit.estimate_effect, which the profit page reports) to the last bit,
with the wild bootstrap's clustered per-account intervals and with a small programme's placebo ones."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from skam_core.analytics import profit_effect as pe
from skam_core.analytics import profit_inference as inf
from skam_core.analytics.account_effects import measured_account_effects, no_effects
from skam_core.analytics.profit import estimate_effect
from tests.unit.profit_panels import all_stats, make_panel

COLUMNS = ["customer_id", "month", "revenue", "operating_profit"]


def inputs(treated: int, others: int, seed: int, **panel_args):
    """What views.profit.effect_inputs hands over, made from a panel: the SKAM accounts, their rows, no unlisted
    customers, the all-customer statistics and (for a small programme) the placebo customers' rows."""
    panel, starts = make_panel(treated=treated, others=others, seed=seed, **panel_args)
    accounts = pd.DataFrame({"customer_id": list(starts.index), "skam_start": starts.dt.date.to_numpy()})
    rows = panel.loc[panel["customer_id"].isin(starts.index), COLUMNS].reset_index(drop=True)
    unlisted = rows.iloc[0:0]
    pools = None
    if pe.needs_placebo(accounts, rows):
        rest = panel[~panel["customer_id"].isin(starts.index)]
        sizes = rest.groupby("customer_id")["revenue"].sum()
        pools = {}
        for cid in starts.index:
            own = rows.loc[rows["customer_id"] == cid, "revenue"].sum()
            near = (np.log(sizes.clip(lower=1)) - np.log(max(own, 1))).abs().sort_values(kind="stable").index[:200]
            pools[cid] = rest.loc[rest["customer_id"].isin(near), COLUMNS]
    return accounts, rows, unlisted, all_stats(panel), pools


def the_analysis(accounts, rows, unlisted, stats, pools) -> pd.DataFrame:
    """The per-account effects as analytics.profit.analyse reports them (ids as Python strings first, as there)."""
    _, measured = estimate_effect(
        accounts.astype({"customer_id": object}), rows.astype({"customer_id": object}), unlisted, stats, pools
    )
    return measured.result.accounts if measured.result is not None else no_effects()


@pytest.mark.parametrize(
    ("treated", "seed", "inference"),
    [(20, 3, "wild_bootstrap"), (inf.MIN_CLUSTERED, 5, "wild_bootstrap"), (6, 7, "placebo"), (1, 9, "placebo")],
)
def test_account_effects_alone_equal_the_profit_analysis_bit_for_bit(treated, seed, inference):
    args = inputs(treated, 250, seed, starts=[14, 20, 26], hetero=0.01, entering=0.2)
    alone, full = measured_account_effects(*args), the_analysis(*args)
    assert len(alone) == treated and alone["std_error"].notna().all()
    pd.testing.assert_frame_equal(alone, full, check_exact=True)
    assert estimate_effect(*args)[0].inference == inference


def test_without_controls_or_accounts_no_account_is_measured():
    accounts, rows, unlisted, stats, pools = inputs(15, 40, 1)
    assert measured_account_effects(accounts.iloc[0:0], rows, unlisted, stats, pools).empty
    assert measured_account_effects(accounts, rows, unlisted, None, pools).empty
    assert list(no_effects().columns) == list(the_analysis(accounts, rows, unlisted, stats, pools).columns)
