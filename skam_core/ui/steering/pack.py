"""Drawing one account's steering pack (on screen and, with ``present``, large for a projector)."""

from __future__ import annotations

from collections.abc import Callable, Mapping

import pandas as pd
import streamlit as st

from skam_core.analytics.steering import Pack, with_size_rank
from skam_core.charts import steering as charts
from skam_core.charts.implementation import milestone_gantt
from skam_core.charts.portfolio import account_margin_trend
from skam_core.ui.kit.cards import Card, Lines, card_row, line_groups
from skam_core.ui.kit.downloads import table_downloads
from skam_core.ui.kit.editing import display_name
from skam_core.ui.kit.figures import figure
from skam_core.ui.kit.md_table import static_table
from skam_core.ui.kit.page import PageContext
from skam_core.ui.kit.text import md
from skam_core.ui.kit.widgets import chart, empty_state, lazy_tabs
from skam_core.ui.steering.changes import action_table, change_groups, changes_heading, verdict_line
from skam_core.views import steering as steering_view


def light_text(ctx: PageContext, light: str | None) -> str:
    return ctx.t(f"steering.light.{light}") if light else "–"


def kpi_table(ctx: PageContext, pack: Pack) -> pd.DataFrame:
    """The KPI traffic lights as a table with raw values (for screen, downloads and exports)."""
    k = pack.kpis
    f = ctx.fmt
    return pd.DataFrame(
        {
            ctx.t("steering.kpi.name"): k["name"],
            ctx.t("steering.kpi.period"): [f.month(p) for p in k["latest_period"]],
            ctx.t("steering.kpi.value"): [
                f.number(v, decimals=1) if v is not None and not pd.isna(v) else "–" for v in k["latest_value"]
            ],
            ctx.t("steering.kpi.target"): [
                f.number(v, decimals=1) if v is not None and not pd.isna(v) else "–" for v in k["target"]
            ],
            ctx.t("steering.kpi.unit"): k["unit"],
            ctx.t("steering.kpi.light"): [light_text(ctx, x) for x in k["light"]],
            ctx.t("steering.kpi.since"): [
                light_text(ctx, x) if x is not None and not pd.isna(x) else "–" for x in k["light_then"]
            ],
        }
    )


def show_kpi_table(ctx: PageContext, pack: Pack) -> pd.DataFrame:
    """Draw the KPI lights as a markdown table (values and targets right-aligned); returns the table."""
    table = kpi_table(ctx, pack)
    static_table(table, right=(ctx.t("steering.kpi.value"), ctx.t("steering.kpi.target")))
    return table


def escalation_table(ctx: PageContext, df: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            ctx.t("steering.esc.problem"): df["problem"],
            ctx.t("steering.esc.owner"): df["owner"].fillna(""),
            ctx.t("steering.esc.decision_needed"): df["decision_needed"].fillna(""),
            ctx.t("steering.esc.due"): [
                ctx.fmt.day(d) + (f" · {ctx.t('steering.esc.overdue_yes')}" if o else "")
                for d, o in zip(df["due"], df["overdue"] if "overdue" in df else [False] * len(df), strict=True)
            ],
            ctx.t("steering.esc.raised"): [
                f"{ctx.fmt.day(d)} · {display_name(ctx, who)}"
                for d, who in zip(df["raised_on"], df["raised_by"], strict=True)
            ],
        }
    )


def decision_table(ctx: PageContext, df: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            ctx.t("steering.dec.date"): [ctx.fmt.day(d) for d in df["decided_on"]],
            ctx.t("steering.dec.text"): df["text"],
            ctx.t("steering.dec.owner"): df["owner"].fillna(""),
            ctx.t("steering.dec.source"): [
                ctx.t("steering.dec.in_meeting") if m else ctx.t("steering.dec.between")
                for m in df["meeting_id"].notna()
            ],
        }
    )


def headline(ctx: PageContext, pack: Pack) -> list[tuple[str, str, str, str | None]]:
    """(label, value, help, note) of the pack's five headline figures — the same on screen and in exports."""
    f, t = ctx.fmt, ctx.t
    c = pack.changes.counts
    lights = pack.kpi_lights
    gap = pack.margin_gap
    return [
        (
            t("steering.m.milestones"),
            f"{c.get('delayed', 0)} / {c.get('at_risk', 0)}",
            t("steering.m.milestones_help"),
            t("steering.m.milestones_note", done=c.get("done", 0)),
        ),
        (
            t("steering.m.kpis"),
            " / ".join(str(lights.get(x, 0)) for x in ("green", "amber", "red")),
            t("steering.m.kpis_help"),
            t("steering.m.kpis_note", grey=lights.get("grey", 0)),
        ),
        (
            t("steering.m.value"),
            f.eur_compact(pack.value.delivered_eur),
            t("steering.m.value_help"),
            t("steering.m.value_note", proposed=f.eur_compact(pack.value.proposed_eur)),
        ),
        (
            t("steering.m.margin"),
            f.pct(pack.margin_12m),
            t("steering.m.margin_help"),
            t("steering.m.margin_note", gap=f.pp(gap), others=f.pct(pack.others_margin)) if gap is not None else None,
        ),
        (
            t("steering.m.rules"),
            t("rules.score", score=f.number(pack.rules_score, decimals=1)),
            t("col.rules_help"),
            None,
        ),
    ]


# The pack below its headline and "since the last meeting", in tabs of which only the open one is built (issue 15:
# the whole pack took the page to 4× a blank page in the browser, its four charts most). The committee's own
# business comes first: open escalations, decisions and their action items.
PACK_TABS = ("committee", "kpis", "figures", "rules", "meetings")
PACK_TAB_KEY = "steer_pack_tab"  # session key of the open tab (its label)


def render_pack(
    ctx: PageContext,
    pack: Pack,
    *,
    snapshot_url: str,
    after_header: Callable[[], None] | None = None,
    tab_extras: Mapping[str, Callable[[], None]] | None = None,
) -> None:
    """The pack; ``after_header`` draws what belongs right under the title (the board-pack buttons);
    ``tab_extras[tab]`` what the page adds at the end of a tab of PACK_TABS, built only while it is open."""
    _pack_top(ctx, pack, after_header)
    sections = {
        "committee": lambda: _committee(ctx, pack),
        "kpis": lambda: _kpis(ctx, pack),
        "figures": lambda: _figures(ctx, pack),
        "rules": lambda: _rules(ctx, pack, snapshot_url),
    }
    extras = tab_extras or {}

    def draw(name: str) -> Callable[[], None]:
        def run() -> None:
            if name in sections:
                sections[name]()
            if name in extras:
                extras[name]()

        return run

    lazy_tabs(PACK_TAB_KEY, [(ctx.t_plain(f"steering.tab.{name}"), draw(name)) for name in PACK_TABS])


def _pack_top(ctx: PageContext, pack: Pack, after_header: Callable[[], None] | None) -> None:
    t, f = ctx.t, ctx.fmt
    cust = pack.customer
    st.header(t("steering.pack_title", name=cust["name"]))
    facts = [t("stage." + cust["skam_stage"])]
    if cust.get("skam_start"):
        facts.append(t("card.since", day=f.day(cust["skam_start"])))
    facts.append(t("steering.as_of", day=f.day(pack.day)))
    st.caption(" · ".join(facts))
    if after_header is not None:
        after_header()

    # The cards and the changes as two elements of escaped HTML (kit.cards): their text is plain (for_documents).
    plain = ctx.for_documents()
    card_row([Card(label, value, help_, note) for label, value, help_, note in headline(plain, pack)])
    st.markdown(verdict_line(ctx, pack))  # a message whose parameters (the name) are escaped: reads as typed

    st.subheader(changes_heading(ctx, pack))
    line_groups([Lines(title, lines, None if lines else none) for title, lines, none in change_groups(plain, pack)])


def _kpis(ctx: PageContext, pack: Pack) -> None:
    t = ctx.t
    st.subheader(t("steering.kpi.title"))
    if pack.kpis.empty:
        empty_state(t("steering.kpi.none"), t("steering.kpi.none_next"))
        return
    k1, k2 = st.columns([1, 2.2])
    with k1:
        chart(figure(charts.kpi_lights, pack.kpis, ctx.lang))
    with k2:
        table = show_kpi_table(ctx, pack)
        if not ctx.present:
            table_downloads(ctx, table, t("steering.kpi.title"), key="steer_kpis")


def _figures(ctx: PageContext, pack: Pack) -> None:
    t = ctx.t
    cust = pack.customer
    v1, v2 = st.columns(2)
    with v1:
        if pack.value.components.empty or pack.value.proposed_eur == 0:
            empty_state(t("steering.value.none"), t("steering.value.none_next"))
        else:
            chart(figure(charts.value_delivery, pack.value.components, ctx.lang))
    with v2:
        if pack.monthly.empty:
            empty_state(t("card.no_financials"), t("card.no_financials_next"))
        else:
            chart(
                figure(
                    account_margin_trend,
                    pack.monthly,
                    pack.others_margin,
                    ctx.lang,
                    cust["name"],
                    cust.get("skam_start"),
                    title=t("steering.margin_chart"),
                ),
            )
    if not pack.milestones.empty:
        chart(figure(milestone_gantt, pack.milestones, pack.day, ctx.lang))


def _committee(ctx: PageContext, pack: Pack) -> None:
    t = ctx.t
    st.subheader(t("steering.esc.title"))
    if pack.escalations_open.empty:
        st.caption(t("steering.esc.none"))
    else:
        static_table(escalation_table(ctx, pack.escalations_open))

    st.subheader(t("steering.dec.title"))
    if pack.decisions.empty:
        st.caption(t("steering.dec.none"))
    else:
        dec = decision_table(ctx, pack.decisions)
        static_table(dec)
        if not ctx.present:
            table_downloads(ctx, dec, t("steering.dec.title"), key="steer_decisions")

    st.subheader(t("steering.act.title"))
    acts = action_table(ctx, pack)
    if acts.empty:
        st.caption(t("steering.act.none"))
    else:
        static_table(acts)
        st.caption(t("steering.act.help"))


def _rules(ctx: PageContext, pack: Pack, snapshot_url: str) -> None:
    t, f = ctx.t, ctx.fmt
    n1, n2 = st.columns([1, 2])
    with n1:
        st.subheader(t("steering.next.title"))
        st.markdown(f"**{f.day(pack.next_meeting)}**" if pack.next_meeting else t("steering.next.none"))
    with n2:
        st.markdown(f"**{t('steering.next.ours')}** {md(', '.join(pack.attendees_ours) or '–')}")
        st.markdown(f"**{t('steering.next.customer')}** {md(', '.join(pack.attendees_customer) or '–')}")

    st.subheader(t("rules.title"))
    icon = {"met": ":material/check_circle:", "partly": ":material/adjust:", "not_met": ":material/cancel:"}
    # The size rank (evidence of the fit rule) is read here, where it is shown: see views.steering.
    rank = ctx.read(steering_view.size_rank, pack.customer["customer_id"])
    for r in with_size_rank(pack, rank).rules:
        st.markdown(f"{icon[r.status]} **{t('rules.' + r.rule)}** — {t('rules.status.' + r.status)}")
        st.caption(" ".join(t(k, **kw) for k, kw in r.evidence))

    if not ctx.present:
        st.caption(t("steering.snapshot_hint", url=snapshot_url))
