"""Captions of the value page's headline cards."""

from __future__ import annotations

from skam_core.analytics.value import Summary
from skam_core.ui.kit.page import PageContext


def accepted_caption(ctx: PageContext, s: Summary) -> str | None:
    """The accepted benefit's share of the total — and how much of it is only partly accepted, so that a card reading
    "100 %" never hides a component the customer took only in part."""
    if not s.benefit_per_year:
        return None
    share = ctx.fmt.pct(s.benefit_accepted / s.benefit_per_year, decimals=0)
    if s.benefit_partly <= 0:
        return ctx.t("value.m.accepted_share", share=share)
    partly = ctx.fmt.pct(s.benefit_partly / s.benefit_per_year, decimals=0)
    return ctx.t("value.m.accepted_share_partly", share=share, partly=partly)
