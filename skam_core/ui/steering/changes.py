""" "Since the last meeting" and the open action items as plain lines and tables: the same words on screen, in
the PDF and in the PowerPoint."""

from __future__ import annotations

import pandas as pd

from skam_core.analytics.steering import Pack
from skam_core.ui.kit.page import PageContext


def _day(ctx: PageContext, d: object) -> str:
    return ctx.fmt.day(pd.Timestamp(d).date()) if d is not None and not pd.isna(d) else "–"


def _light(ctx: PageContext, light: object) -> str:
    return ctx.t(f"steering.light.{light}") if isinstance(light, str) and light else "–"


def change_groups(ctx: PageContext, pack: Pack) -> list[tuple[str, list[str], str]]:
    """(title, lines, what to say when there are none) for: done, newly delayed or overdue, at risk,
    escalations (new, overdue, decide-by passed), KPI lights that changed."""
    t = ctx.t
    ch = pack.changes

    # Only the columns each line needs, walked column-wise: to_dict("records") of these wide frames took a
    # fifth of the pack's run (issue 15).
    def ms_lines(df: pd.DataFrame) -> list[str]:
        if df.empty:
            return []
        overdue = df["overdue"] if "overdue" in df else [False] * len(df)
        return [
            t(
                "steering.changes.ms_line_overdue" if o else "steering.changes.ms_line",
                title=title,
                due=_day(ctx, due),
            )
            for title, due, o in zip(df["title"], df["due"], overdue, strict=True)
        ]

    esc_lines: list[str] = []
    if ch.escalations is not None:
        new, overdue = ch.escalations.new, ch.escalations.overdue
        new_ids = set(new["id"]) if not new.empty else set()
        if not new.empty:
            for problem, due, late in zip(new["problem"], new["due"], new["overdue"], strict=True):
                key = "steering.changes.esc_new_overdue" if late else "steering.changes.esc_new"
                esc_lines.append(t(key, problem=problem, due=_day(ctx, due)))
        # Overdue ones raised before the meeting: their decide-by date passed without a decision.
        if not overdue.empty:
            for eid, problem, due in zip(overdue["id"], overdue["problem"], overdue["due"], strict=True):
                if eid not in new_ids:
                    esc_lines.append(t("steering.changes.esc_overdue", problem=problem, due=_day(ctx, due)))
    kpi_lines = []
    if ch.kpi_lights is not None and not ch.kpi_lights.empty:
        k = ch.kpi_lights
        for name, then, now, change in zip(k["name"], k["light_then"], k["light"], k["change"], strict=True):
            kpi_lines.append(
                t(
                    "steering.changes.kpi_line",
                    name=name,
                    then=_light(ctx, then),
                    now=_light(ctx, now),
                    change=t("steering.changes.kpi." + change),
                )
            )
    return [
        (t("steering.changes.done"), ms_lines(ch.done_since), t("steering.changes.none_done")),
        (t("steering.changes.delayed"), ms_lines(ch.newly_delayed), t("steering.changes.none_delayed")),
        (t("steering.changes.at_risk"), ms_lines(ch.at_risk), t("steering.changes.none_at_risk")),
        (t("steering.changes.escalations"), esc_lines, t("steering.changes.none_escalations")),
        (t("steering.changes.kpis"), kpi_lines, t("steering.changes.none_kpis")),
    ]


def change_block(title: str, lines: list[str], note: str | None) -> str:
    """One group of "since the last meeting" as one markdown element: the title, a line per change, and
    ``note`` in grey after them (what to say when there is none, or how many more). The lines are messages
    whose parameters were escaped (PageContext.t), so a problem reads exactly as typed; one element per group
    rather than one per line (the pack's first view drew ~60 elements, each a cost in the browser)."""
    parts = [f"**{title}**", *(f"• {line}" for line in lines)]
    if note:
        parts.append(f":gray[{note}]")
    return "  \n".join(parts)


def changes_heading(ctx: PageContext, pack: Pack) -> str:
    since = pack.changes.since
    return ctx.t("steering.changes_title", day=ctx.fmt.day(since)) if since else ctx.t("steering.changes_first")


def action_table(ctx: PageContext, pack: Pack, *, open_only: bool = True) -> pd.DataFrame:
    """Action items (open ones by default) with decision, owner, due date and status; overdue ones marked."""
    t = ctx.t
    df = pack.actions
    if open_only and not df.empty:
        df = df[df["status"] != "done"]
    return pd.DataFrame(
        {
            t("steering.act.item"): list(df["title"]),
            t("steering.act.decision"): list(df["decision"]),
            t("steering.act.owner"): [x if isinstance(x, str) else "" for x in df["owner"]],
            t("steering.act.due"): [
                _day(ctx, d) + (f" · {t('steering.changes.overdue_mark')}" if o else "")
                for d, o in zip(df["due"], df["overdue"], strict=True)
            ],
            t("steering.act.status"): [t("status." + s) for s in df["status"]],
        }
    )


def verdict_line(ctx: PageContext, pack: Pack) -> str:
    """The account's margin gap against the other customers in pp and what it is worth in EUR per year."""
    f = ctx.fmt
    eur = pack.margin_gap_eur
    if eur is None or pack.margin_gap is None:
        return ctx.t("steering.verdict.none")
    key = "steering.verdict.above" if eur >= 0 else "steering.verdict.below"
    return ctx.t(
        key,
        name=pack.customer["name"],
        gap=f.pp(abs(pack.margin_gap), sign=False),
        revenue=f.eur_compact(pack.revenue_12m),
        eur=f.eur_compact(abs(eur)),
    )
