"""The profit analysis' per-account effects alone: what the candidates learn from, without the pooled effect's
inference, the event study or the group figures (at 100,000 customers those are most of the analysis' time).

The same steps as analytics.profit.estimate_effect and analytics.profit_effect.measure, in the same order and
under the same BLAS setting, so the numbers are the analysis' own to the last bit
(tests/unit/test_account_effects.py holds them equal on panels of both kinds of inference).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from skam_core.analytics import profit_effect as pe
from skam_core.analytics import profit_fe as fe
from skam_core.analytics import profit_inference as inf
from skam_core.analytics.blas import single_threaded_blas


def measured_account_effects(
    accounts: pd.DataFrame,
    rows: pd.DataFrame,
    unlisted_rows: pd.DataFrame,
    all_customers: fe.ControlStats | None,
    pool_rows: dict[str, pd.DataFrame] | None,
) -> pd.DataFrame:
    """``ProfitAnalysis.account_effects`` for these inputs (views.profit.EffectInputs.args(), in that order):
    customer_id, estimate, std_error, ci_low, ci_high, months_before, months_after."""
    if accounts.empty or all_customers is None or all_customers.months == 0:
        return no_effects()
    # As analytics.profit.analyse hands them on: customer ids as Python strings.
    accounts, rows = _python_ids(accounts), _python_ids(rows)
    own = fe.stats_of_rows(
        pd.concat([rows, unlisted_rows]), all_customers.first, all_customers.months, all_customers.month_effects()
    )
    controls = all_customers.minus(own)
    if controls.months == 0 or not (controls.revenue > 0).any():
        return no_effects()
    starts = pe.starts_of(accounts)
    with single_threaded_blas():
        stacks = fe.build_stacks(rows, starts, controls)
        if not stacks:
            return no_effects()
        if len(stacks) >= inf.MIN_CLUSTERED:
            # What inf.wild_bootstrap reports per account; its bootstrap draws only concern the pooled effect.
            return fe.account_effects(stacks, controls=controls)
    # A small programme: each account's interval comes from its placebo customers, as the analysis does it.
    result = pe.measure(controls, rows, starts, pool_rows).result
    return no_effects() if result is None else result.accounts


def _python_ids(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame.astype({"customer_id": object})`` with only that column converted (astype copied every column:
    ~10 ms for the SKAM accounts' rows under load, this ~2)."""
    ids = pd.Series(np.asarray(frame["customer_id"], dtype=object), index=frame.index, dtype=object)
    return frame.assign(customer_id=ids)


def no_effects() -> pd.DataFrame:
    """The per-account effects where nothing is measured (no figures yet): the columns without rows."""
    return fe.account_effects([])
