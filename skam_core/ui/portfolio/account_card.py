"""The selected account on the portfolio page: key facts, margin trend, and links into the account's pages."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from skam_core.charts.portfolio import account_margin_trend
from skam_core.i18n import vocabulary
from skam_core.ui.kit.cards import card, card_row
from skam_core.ui.kit.figures import figure
from skam_core.ui.kit.nav import available_pages
from skam_core.ui.kit.page import PageContext
from skam_core.ui.kit.text import md
from skam_core.ui.kit.widgets import chart, empty_state, lazy_expander, page_link
from skam_core.views import common as common_view


def account_links(ctx: PageContext, section: str = "account") -> None:
    """Links to the account's pages that exist, keeping account, as-of date and language in the URL."""
    pages = available_pages(section, is_admin=ctx.user.is_admin)
    if not pages:
        return
    cols = st.columns(len(pages))
    for col, p in zip(cols, pages, strict=True):
        with col:
            page_link(ctx, p.page_id)


def render_account_card(ctx: PageContext, data) -> None:
    t, f = ctx.t, ctx.fmt
    cust = ctx.read(common_view.customer, ctx.account)
    if cust is None:
        return
    row = data.accounts[data.accounts["customer_id"] == ctx.account]
    st.divider()
    st.subheader(t("card.title", name=cust["name"]))
    facts = [
        t("stage." + cust["skam_stage"]),
        md(vocabulary.industry(cust.get("industry"), ctx.lang)),
        md(vocabulary.country(cust.get("country"), ctx.lang)),
    ]
    if cust.get("account_manager"):
        # A customer outside the key accounts is not in the portfolio's rows: its manager's name, not the e-mail.
        names = ctx.read(common_view.user_names)
        who = row["account_manager_name"].iloc[0] if not row.empty else names.get(cust["account_manager"])
        who = who if isinstance(who, str) and who else cust["account_manager"]
        facts.append(t("card.managed_by", who=who))
    if cust.get("skam_start"):
        facts.append(t("card.since", day=f.day(cust["skam_start"])))
    st.caption(" · ".join(x for x in facts if x))
    monthly = ctx.read(common_view.customer_monthly, ctx.account)
    if monthly.empty:
        empty_state(t("card.no_financials"), t("card.no_financials_next"))
        return
    margin: float | None
    if not row.empty:
        rev, margin = float(row["revenue"].iloc[0]), float(row["margin"].iloc[0])
    else:  # not a key account: its own last 12 months
        last = monthly.tail(12)
        rev = float(last["revenue"].sum())
        margin = float(last["operating_profit"].sum()) / rev if rev > 0 else None
    others = data.comparison.others.relative_operating_profit if data.comparison else None
    fit = row["fit_score"].iloc[0] if not row.empty else None
    cards = [
        card(t("card.revenue_12m"), f.eur_compact(rev), help=t("card.revenue_12m_help")),
        card(
            t("card.margin_12m"),
            f.pct(margin),
            help=t("card.margin_12m_help"),
            delta=f.pp(margin - others) if margin is not None and others is not None else None,
        ),
        card(t("card.fit"), f.number(fit) if fit is not None and not pd.isna(fit) else "–", help=t("col.fit_help")),
    ]
    if not row.empty:
        r = row.iloc[0]
        cards.append(
            card(t("card.milestones"), f"{int(r.ms_delayed)} / {int(r.ms_at_risk)}", help=t("card.milestones_help"))
        )
    card_row(cards)
    account_links(ctx)
    # Below the portfolio's charts, built once opened: as a third chart on every full load of the portfolio it
    # cost a drawing the cards above already sum up (issue 12).
    lazy_expander(
        ctx.t_plain("card.trend_chart"),
        "card_trend_box",
        lambda: chart(figure(account_margin_trend, monthly, others, ctx.lang, cust["name"], cust.get("skam_start"))),
    )
