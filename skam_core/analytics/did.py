"""Shared parts of the measured SKAM effect: the Effect record with its reasons, the horizon, month arithmetic.

The estimator itself (fixed-effect controls, revenue weights, one exact stacked regression per account) is in
analytics.profit_fe, its inference in analytics.profit_inference, the whole run in analytics.profit_effect;
docs/methodology.md explains it for finance readers.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

HORIZON = 24  # months before and after the start that a stack covers
EXPECTED_MONTHS = (9, 18)  # the method's expectation for clear improvement

# Why there is no estimate (the CLI prints the English text, the page translates the code).
REASONS = {
    "no_financials": "There are no financial figures (known at the as-of date).",
    "no_skam_accounts": "There are no SKAM accounts (no customer has a SKAM start on or before the as-of date).",
    "no_controls": "There are no other customers with revenue to compare with.",
    "no_pre_post": "No SKAM account has months with revenue both before and after its start.",
    "no_placebo": "Too few other customers of a similar size to build the placebo interval a programme of fewer "
    "than twelve accounts needs.",
    "too_few_accounts": "Fewer than two SKAM accounts have months with revenue both before and after their start; "
    "an interval clustered by customer needs at least two.",
}


@dataclass(frozen=True)
class Effect:
    """The pooled effect of SKAM on the monthly margin (0.02 = two percentage points), with its 95 % interval."""

    estimate: float | None
    ci_low: float | None
    ci_high: float | None
    std_error: float | None = None
    accounts: int = 0  # SKAM accounts that inform the estimate
    observations: int = 0  # account-months used
    reason: str | None = None  # a REASONS key when there is no estimate
    inference: str | None = None  # wild_bootstrap | placebo (analytics.profit_inference)
    estimand: str | None = None  # a short name, explained in docs/methodology.md

    @property
    def available(self) -> bool:
        return self.estimate is not None

    def as_dict(self) -> dict:
        out = {
            "estimate": self.estimate,
            "ci_low": self.ci_low,
            "ci_high": self.ci_high,
            "std_error": self.std_error,
            "accounts": self.accounts,
            "inference": self.inference,
            "estimand": self.estimand,
        }
        if self.reason is not None:
            out["reason"] = REASONS[self.reason]
        return out


def no_effect(reason: str) -> Effect:
    return Effect(None, None, None, reason=reason)


def month_index(months) -> np.ndarray:
    """Months (dates, datetimes or datetime64) as consecutive integers: months since 1970-01."""
    values = np.asarray(months)
    if values.dtype.kind != "M":
        values = pd.to_datetime(pd.Series(values)).to_numpy()
    return values.astype("datetime64[M]").astype("int64")
