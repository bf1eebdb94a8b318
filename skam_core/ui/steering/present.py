"""Presentation mode (present=1): the pack as 16:9 slides for the projector, one screen each — per account an
overview (figures, verdict, changes since the last meeting), KPI lights, the two charts, escalations and
decisions. The buttons and the arrow keys (Streamlit's own button shortcuts, no custom script) step through
the sections and on to the next or previous account."""

from __future__ import annotations

import streamlit as st

from skam_core.analytics.steering import Pack
from skam_core.charts import steering as charts
from skam_core.charts.portfolio import account_margin_trend
from skam_core.ui.kit import state as view_state
from skam_core.ui.kit.md_table import static_table
from skam_core.ui.kit.page import PageContext
from skam_core.ui.kit.widgets import chart, empty_state, metric
from skam_core.ui.steering.changes import action_table, change_block, change_groups, changes_heading, verdict_line
from skam_core.ui.steering.pack import decision_table, escalation_table, headline, show_kpi_table

SECTIONS = ("overview", "kpis", "charts", "decisions")
SLIDE_KEY = "_steer_slide"
OVERVIEW_LINES = 3  # per group of changes: with the cards and the verdict, what fits a 1280×720 projector
CHART_HEIGHT, CHART_FONT = 520, 20  # one 1080 px screen below the title; large type for the back row


def _big(fig, height: int = CHART_HEIGHT):
    return charts.enlarge(fig, CHART_FONT, height)


def step(ids: list[str], account: str, section: int, delta: int) -> tuple[str, int]:
    """The slide ``delta`` (+1 / -1) away: through the sections, then on to the next / previous account."""
    i = ids.index(account)
    s = section + delta
    if s >= len(SECTIONS):
        return (ids[i + 1], 0) if i + 1 < len(ids) else (account, len(SECTIONS) - 1)
    if s < 0:
        return (ids[i - 1], len(SECTIONS) - 1) if i > 0 else (account, 0)
    return account, s


def _go(ids: list[str], account: str, section: int, delta: int) -> None:
    cid, s = step(ids, account, section, delta)
    st.session_state[SLIDE_KEY] = s
    if cid != account:
        view_state.set_value(view_state.ACCOUNT, cid)


def _navigation(ctx: PageContext, ids: list[str], account: str, section: int) -> None:
    t = ctx.t
    i = ids.index(account)
    first, last = i == 0 and section == 0, i == len(ids) - 1 and section == len(SECTIONS) - 1
    c1, c2, c3 = st.columns([1, 3, 1], vertical_alignment="center")
    c1.button(
        t("steering.present.back"),  # no arrow icon: Streamlit shows the shortcut's arrow beside the label
        shortcut="Left",
        disabled=first,
        on_click=_go,
        args=(ids, account, section, -1),
        width="stretch",
        key="present_prev",
    )
    c2.caption(
        t(
            "steering.present.where",
            n=i + 1,
            total=len(ids),
            section=t("steering.present.section." + SECTIONS[section]),
            k=section + 1,
            sections=len(SECTIONS),
        )
    )
    c3.button(
        t("steering.present.forward"),
        shortcut="Right",
        disabled=last,
        on_click=_go,
        args=(ids, account, section, 1),
        width="stretch",
        key="present_next",
    )


def _overview(ctx: PageContext, pack: Pack) -> None:
    for col, (label, value, help_, note) in zip(st.columns(5), headline(ctx, pack), strict=True):
        with col:
            metric(label, value, help=help_, caption=note)
    st.markdown(verdict_line(ctx, pack))  # a message whose parameters (the name) are escaped: reads as typed
    st.subheader(changes_heading(ctx, pack))
    groups = change_groups(ctx, pack)
    # Groups without news share one line; the others get the width (five narrow columns at 1024 px wrapped
    # an escalation into nine lines and pushed the slide below the screen).
    quiet = [none for _title, lines, none in groups if not lines]
    if quiet:
        st.caption(" ".join(quiet))  # each is a sentence of its own
    shown = [(title, lines) for title, lines, _none in groups if lines]
    for col, (title, lines) in zip(st.columns(max(len(shown), 1)), shown, strict=False):
        with col:
            # One screen: the rest is in the pack and the appendix.
            more = (
                ctx.t("steering.present.more", n=len(lines) - OVERVIEW_LINES) if len(lines) > OVERVIEW_LINES else None
            )
            st.markdown(change_block(title, lines[:OVERVIEW_LINES], more))


def _kpis(ctx: PageContext, pack: Pack) -> None:
    if pack.kpis.empty:
        empty_state(ctx.t("steering.kpi.none"), ctx.t("steering.kpi.none_next"))
        return
    k1, k2 = st.columns([1, 1.6])
    with k1:
        chart(_big(charts.kpi_lights(pack.kpis, ctx.lang), min(CHART_HEIGHT, 140 + 80 * len(pack.kpis))))
    with k2:
        show_kpi_table(ctx, pack)


def _charts(ctx: PageContext, pack: Pack) -> None:
    c1, c2 = st.columns(2)
    with c1:
        if pack.monthly.empty:
            empty_state(ctx.t("card.no_financials"), ctx.t("card.no_financials_next"))
        else:
            cust = pack.customer
            fig = account_margin_trend(
                pack.monthly,
                pack.others_margin,
                ctx.lang,
                cust["name"],
                cust.get("skam_start"),
                title=ctx.t("steering.margin_chart"),
            )
            fig.update_layout(legend={"orientation": "h", "yanchor": "top", "y": -0.25, "xanchor": "left", "x": 0})
            chart(_big(fig))
    with c2:
        if pack.value.components.empty or pack.value.proposed_eur == 0:
            empty_state(ctx.t("steering.value.none"), ctx.t("steering.value.none_next"))
        else:
            chart(_big(charts.value_delivery(pack.value.components, ctx.lang)))


def _decisions(ctx: PageContext, pack: Pack) -> None:
    t = ctx.t
    c1, c2 = st.columns(2)
    with c1:
        st.markdown(f"**{t('steering.esc.title')}**")
        if pack.escalations_open.empty:
            st.caption(t("steering.esc.none"))
        else:
            esc = escalation_table(ctx, pack.escalations_open).drop(columns=[t("steering.esc.raised")])
            static_table(esc)
        st.markdown(f"**{t('steering.act.title')}**")
        acts = action_table(ctx, pack)
        if acts.empty:
            st.caption(t("steering.act.none"))
        else:
            static_table(acts.drop(columns=[t("steering.act.decision")]))
    with c2:
        st.markdown(f"**{t('steering.dec.title')}**")
        if pack.decisions.empty:
            st.caption(t("steering.dec.none"))
        else:
            dec = pack.decisions.drop_duplicates(subset=["decided_on", "text"])
            static_table(decision_table(ctx, dec.head(12)))


def render_presentation(ctx: PageContext, pack: Pack, ids: list[str]) -> None:
    account = pack.customer["customer_id"]
    section = int(st.session_state.get(SLIDE_KEY, 0)) % len(SECTIONS)
    if account not in ids:  # an account without a plan opened directly: its own slides only
        ids = [account]
    _navigation(ctx, ids, account, section)
    st.header(f"{pack.customer['name']} · {ctx.t('steering.present.section.' + SECTIONS[section])}")
    {"overview": _overview, "kpis": _kpis, "charts": _charts, "decisions": _decisions}[SECTIONS[section]](ctx, pack)
