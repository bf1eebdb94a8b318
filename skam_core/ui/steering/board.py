"""The board pack: one page to prepare and run the meeting (the five figures, the verdict line, changes since
the last meeting, KPI lights, open escalations, recent decisions and open action items, the two charts that
matter side by side) and an appendix (every KPI, decision and action item, the milestone plan, the golden
rules). The same Report becomes the PDF and the PowerPoint."""

from __future__ import annotations

import pandas as pd

from skam_core.analytics.steering import Pack
from skam_core.charts import steering as charts
from skam_core.charts.implementation import milestone_gantt
from skam_core.charts.portfolio import account_margin_trend
from skam_core.charts.theme import STATUS_COLORS, TRAFFIC
from skam_core.io.report import Figure, Grid, Metric, Metrics, Report, Section, Table, Text
from skam_core.ui.kit.page import PageContext
from skam_core.ui.steering.changes import action_table, change_groups, changes_heading, verdict_line
from skam_core.ui.steering.pack import decision_table, escalation_table, headline, kpi_table

# Half-page charts: rendered small with large type, so that their text stays readable on paper.
HALF_W, HALF_H, HALF_FONT = 760, 290, 14


def _half(fig) -> Figure:
    # The legend below the plot: above it, it would cover the title and the top tick.
    charts.enlarge(fig, HALF_FONT)
    fig.update_layout(
        margin={"l": 60, "r": 70, "t": 40, "b": 10},
        legend={"orientation": "h", "yanchor": "top", "y": -0.28, "xanchor": "left", "x": 0},
    )
    return Figure(fig, width=HALF_W, height=HALF_H)


def recent_decisions(pack: Pack) -> pd.DataFrame:
    """Decisions of the last meeting and since (each once), else the latest three."""
    dec = pack.decisions
    if dec.empty:
        return dec
    if pack.changes.since is not None:
        recent = dec[pd.to_datetime(dec["decided_on"]).dt.date >= pack.changes.since]
        dec = recent if not recent.empty else dec.head(3)
    else:
        dec = dec.head(3)
    return dec.drop_duplicates(subset=["decided_on", "text"])


def _board_page(ctx: PageContext, pack: Pack) -> Section:
    t = ctx.t
    cards = Metrics([Metric(label, value, note or "") for label, value, _, note in headline(ctx, pack)])
    changes: list = [Text(changes_heading(ctx, pack), "strong")]
    for title, lines, none in change_groups(ctx, pack):
        changes.append(Text(f"{title}: {'; '.join(lines) if lines else none}"))
    left: list = changes
    if not pack.kpis.empty:
        k = kpi_table(ctx, pack)
        lights = [TRAFFIC.get(x, TRAFFIC["grey"]) for x in pack.kpis["light"]]
        left.append(Table(k, t("steering.kpi.title"), widths=(2.3, 1.1, 1.1, 1, 0.95, 0.9, 1.1), colours=tuple(lights)))
    right: list = []
    esc = pack.escalations_open
    if esc.empty:
        right.append(Text(t("steering.esc.none")))
    else:
        e = escalation_table(ctx, esc).drop(columns=[t("steering.esc.raised")])  # the appendix has it
        marks = tuple(STATUS_COLORS["delayed"] if o else None for o in esc["overdue"])
        right.append(Table(e, t("steering.board.escalations"), widths=(3, 1.7, 2.4, 1.7), colours=marks))
    dec = recent_decisions(pack)
    if dec.empty:
        right.append(Text(t("steering.dec.none")))
    else:
        right.append(Table(decision_table(ctx, dec), t("steering.board.decisions_recent"), widths=(1.2, 4, 1.6, 1.4)))
    acts = action_table(ctx, pack)
    if acts.empty:
        right.append(Text(t("steering.act.none")))
    else:
        open_items = pack.actions[pack.actions["status"] != "done"]
        marks = tuple(STATUS_COLORS["delayed"] if o else None for o in open_items["overdue"])
        right.append(Table(acts, t("steering.act.title"), widths=(3, 3, 1.9, 1.8, 1.2), colours=marks))
    figs: list[list] = []
    if not pack.monthly.empty:
        fig = account_margin_trend(
            pack.monthly,
            pack.others_margin,
            ctx.lang,
            pack.customer["name"],
            pack.customer.get("skam_start"),
            title=t("steering.margin_chart"),
        )
        figs.append([_half(fig)])
    if not pack.value.components.empty and pack.value.proposed_eur > 0:
        figs.append([_half(charts.value_delivery(pack.value.components, ctx.lang))])
    blocks: list = [cards, Text(verdict_line(ctx, pack), "strong"), Grid([left, right], widths=(1, 1.15))]
    if figs:
        blocks.append(Grid(figs))
    return Section("", blocks, compact=True)


def _appendix(ctx: PageContext, pack: Pack) -> Section:
    t, f = ctx.t, ctx.fmt
    blocks: list = []
    if not pack.escalations_open.empty:
        esc = escalation_table(ctx, pack.escalations_open)
        blocks.append(Table(esc, t("steering.board.escalations"), widths=(3, 1.7, 2.4, 1.7, 2.2)))
    if not pack.kpis.empty:
        blocks.append(Table(kpi_table(ctx, pack), t("steering.kpi.title")))
    if not pack.decisions.empty:
        blocks.append(
            Table(
                decision_table(ctx, pack.decisions.drop_duplicates(subset=["decided_on", "text"])),
                t("steering.board.all_decisions"),
                widths=(1.2, 5, 1.6, 1.4),
            )
        )
    if not pack.actions.empty:
        blocks.append(Table(action_table(ctx, pack, open_only=False), t("steering.board.all_actions")))
    blocks.append(
        Text(
            f"{t('steering.next.title')}: {f.day(pack.next_meeting) if pack.next_meeting else '–'} · "
            f"{t('steering.next.ours')} {', '.join(pack.attendees_ours) or '–'} · "
            f"{t('steering.next.customer')} {', '.join(pack.attendees_customer) or '–'}"
        )
    )
    blocks.append(Text(t("rules.title") + " · " + t("rules.score", score=f.number(pack.rules_score, 1)), "strong"))
    for r in pack.rules:
        evidence = " ".join(t(k, **kw) for k, kw in r.evidence)
        blocks.append(Text(f"{t('rules.' + r.rule)}: {t('rules.status.' + r.status)} — {evidence}"))
    if not pack.milestones.empty:
        blocks.append(Figure(milestone_gantt(pack.milestones, pack.day, ctx.lang)))
    return Section(t("steering.board.appendix"), blocks, new_page=True)


def board_report(ctx: PageContext, pack: Pack, footer: str) -> Report:
    ctx = ctx.for_documents()
    return Report(
        title=ctx.t("steering.pack_title", name=pack.customer["name"]),
        subtitle=ctx.t("steering.as_of", day=ctx.fmt.day(pack.day)),
        footer=footer,
        sections=[_board_page(ctx, pack), _appendix(ctx, pack)],
        lang=ctx.lang,
    )
