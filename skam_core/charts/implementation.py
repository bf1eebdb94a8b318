"""Implementation figures (step 5): the milestone timeline (Gantt) with a today line and status colours, and
KPI actual against target over time."""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from skam_core.charts.axes import plain, short
from skam_core.charts.theme import (
    SLATE,
    STATUS_COLORS,
    TRAFFIC,
    apply_layout,
    month_format,
    pct_suffix,
    pct_ticks,
    tint,
    translator,
)
from skam_core.domain.enums import MilestoneStatus
from skam_core.i18n.formats import day, eur, month, number

ACTUAL_COLOR = STATUS_COLORS["done"]  # the dark blue
TARGET_COLOR = SLATE
TODAY_COLOR = "#323F4B"  # the today line and its label
_MS_PER_DAY = 86_400_000


def value_text(x: float | None, unit: str | None, lang: str) -> str:
    """A KPI value with its unit, per language: 12.900 € / €12,900; 97,9 % / 97.9%; 356,6 ppm."""
    if x is None or pd.isna(x):
        return "–"
    u = (unit or "").strip()
    if u.upper() in ("EUR", "€"):
        return eur(x, lang)
    decimals = 0 if float(x).is_integer() or abs(x) >= 10_000 else 1
    text = number(x, lang, decimals=decimals)
    if u == "%":
        return text + pct_suffix(lang)
    return f"{text} {u}".strip()


def gap_text(x: float | None, unit: str | None, lang: str) -> str:
    """A difference of two KPI values: percentage points where the KPI is a percentage ("6,8 Pp." / "6.8 pp"),
    else as ``value_text``."""
    if (unit or "").strip() == "%" and x is not None and not pd.isna(x):
        decimals = 0 if float(x).is_integer() else 1
        return f"{number(x, lang, decimals=decimals)} {'Pp.' if lang == 'de' else 'pp'}"
    return value_text(x, unit, lang)


def unit_label(unit: str | None) -> str:
    u = (unit or "").strip()
    return "€" if u.upper() == "EUR" else u


def milestone_gantt(milestones: pd.DataFrame, today: date, lang: str, *, title: str | None = None) -> go.Figure:
    """One bar per milestone from start to due (or completion), coloured by effective status; milestones past due
    and not done get a hatched stretch from the due date to today; a vertical line marks today.

    Expects ``analytics.milestones.for_timeline`` output (start, finish, effective_status, overdue_days)."""
    t = translator(lang)
    df = milestones.copy()
    fig = go.Figure()
    labels: list[str] = []
    if not df.empty:
        df = df.sort_values(["due", "title"]).reset_index(drop=True)
        labels = [_label(r["title"], i) for i, r in enumerate(df.to_dict("records"))]
        df["_label"] = labels
        start = pd.to_datetime(df["start"])
        finish = pd.to_datetime(df["finish"])
        df["_dur"] = ((finish - start).dt.days.clip(lower=1) * _MS_PER_DAY).astype("int64")
        df["_hover"] = [_hover(r, lang) for r in df.to_dict("records")]
        for status in MilestoneStatus:
            part = df[df["effective_status"] == status.value]
            if part.empty:
                continue
            fig.add_trace(
                go.Bar(
                    y=part["_label"],
                    x=part["_dur"],
                    base=[pd.Timestamp(s).isoformat() for s in part["start"]],
                    orientation="h",
                    name=t(f"status.{status.value}"),
                    marker={"color": STATUS_COLORS[status.value], "line": {"width": 0}},
                    hovertext=part["_hover"],
                    hoverinfo="text",
                )
            )
        late = df[df["overdue_days"] > 0]
        if not late.empty:
            fig.add_trace(
                go.Bar(
                    y=late["_label"],
                    x=(late["overdue_days"].astype("int64") * _MS_PER_DAY),
                    base=[pd.Timestamp(d).isoformat() for d in late["due"]],
                    orientation="h",
                    name=t("impl.gantt.overdue"),
                    marker={
                        "color": tint(STATUS_COLORS["delayed"], 0.25),
                        "pattern": {"shape": "/", "fgcolor": STATUS_COLORS["delayed"], "size": 6},
                        "line": {"width": 0},
                    },
                    hovertext=[t("impl.gantt.overdue_hover", days=int(d)) for d in late["overdue_days"]],
                    hoverinfo="text",
                )
            )
        lo = min(pd.to_datetime(df["start"]).min(), pd.Timestamp(today))
        hi = max(pd.to_datetime(df["finish"]).max(), pd.Timestamp(today))
        pad = max(pd.Timedelta(days=10), (hi - lo) * 0.03)
        fig.update_xaxes(range=[(lo - pad).isoformat(), (hi + pad).isoformat()])
    fig.add_vline(x=pd.Timestamp(today).timestamp() * 1000, line={"color": TODAY_COLOR, "width": 2, "dash": "dot"})
    fig.add_annotation(
        x=pd.Timestamp(today).isoformat(),
        y=1.0,
        yref="paper",
        text=t("impl.gantt.today", day=day(today, lang)),
        showarrow=False,
        xanchor="right",
        yanchor="bottom",
        font={"size": 11, "color": TODAY_COLOR},
    )
    height = 150 + 30 * max(3, len(labels))
    apply_layout(
        fig,
        title=title or t("impl.gantt.title"),
        lang=lang,
        height=height,
        legend_title=t("impl.col.status"),
        legend_below=-0.12,
    )
    fig.update_layout(barmode="overlay", bargap=0.35)
    fig.update_xaxes(type="date", title=t("impl.gantt.x_axis"), tickformat=month_format(lang))
    fig.update_yaxes(title=t("impl.gantt.y_axis"), autorange="reversed", categoryorder="array", categoryarray=labels)
    fig.update_layout(margin={"l": 10, "r": 20, "t": 70, "b": 10})
    return fig


def _label(title: str, i: int) -> str:
    return f"{i + 1}. {short(title, 42)}"


def _hover(r: dict[str, Any], lang: str) -> str:
    t = translator(lang)
    lines = [
        f"<b>{plain(r['title'])}</b>",
        f"{t('impl.col.status')}: {t('status.' + r['effective_status'])}",
        f"{t('impl.col.owner')}: {plain(r.get('owner') or '–')}",
        f"{t('impl.col.due')}: {day(pd.Timestamp(r['due']).date(), lang)}",
    ]
    done = r.get("completed_on")
    if done is not None and not pd.isna(done):
        lines.append(f"{t('impl.col.completed_on')}: {day(pd.Timestamp(done).date(), lang)}")
    if r.get("effective_status") != r.get("status"):
        lines.append(t("impl.gantt.auto_delayed", status=t("status." + str(r["status"]))))
    return "<br>".join(lines)


def kpi_chart(
    series: pd.DataFrame, kpi: dict[str, Any], lang: str, *, months: int = 24, today: date | None = None
) -> go.Figure:
    """Actual (markers coloured by the traffic light of that month) against target (dashed) for one KPI over the
    last ``months`` periods with a target or a value."""
    from skam_core.analytics.kpis import traffic_light

    t = translator(lang)
    unit = kpi.get("unit")
    df = series[series["kpi_id"] == kpi["id"]].sort_values("period")
    if today is not None:
        df = df[pd.to_datetime(df["period"]) <= pd.Timestamp(today)]
    with_any = df[df["actual"].notna() | df["target"].notna()]
    if not with_any.empty and df["actual"].notna().any():
        last_actual = df.loc[df["actual"].notna(), "period"].max()
        with_any = with_any[pd.to_datetime(with_any["period"]) <= pd.Timestamp(last_actual)]
    df = with_any.tail(months)
    x = pd.to_datetime(df["period"])
    fig = go.Figure()
    if df["target"].notna().any():
        fig.add_trace(
            go.Scatter(
                x=x,
                y=df["target"],
                mode="lines",
                line={"color": TARGET_COLOR, "dash": "dash", "width": 2},
                name=t("impl.kpi.target"),
                hovertext=[
                    f"{month(p, lang)} · {t('impl.kpi.target')}: {value_text(v, unit, lang)}"
                    for p, v in zip(df["period"], df["target"], strict=True)
                ],
                hoverinfo="text",
            )
        )
    actual = df[df["actual"].notna()]
    if not actual.empty:
        colors = [
            TRAFFIC[traffic_light(a, tg, kpi["direction"])]
            for a, tg in zip(actual["actual"], actual["target"], strict=True)
        ]
        # The legend shows the line's colour; the markers carry each month's traffic light.
        fig.add_trace(
            go.Scatter(
                x=[None],
                y=[None],
                mode="lines+markers",
                line={"color": ACTUAL_COLOR, "width": 2},
                marker={"color": ACTUAL_COLOR, "size": 8},
                name=t("impl.kpi.actual"),
            )
        )
        fig.add_trace(
            go.Scatter(
                x=pd.to_datetime(actual["period"]),
                y=actual["actual"],
                mode="lines+markers",
                line={"color": ACTUAL_COLOR, "width": 2},
                marker={"color": colors, "size": 8, "line": {"width": 1, "color": "white"}},
                name=t("impl.kpi.actual"),
                showlegend=False,
                hovertext=[
                    f"{month(p, lang)} · {t('impl.kpi.actual')}: {value_text(v, unit, lang)}"
                    + (f" ({t('impl.kpi.target')}: {value_text(tg, unit, lang)})" if not pd.isna(tg) else "")
                    for p, v, tg in zip(actual["period"], actual["actual"], actual["target"], strict=True)
                ],
                hoverinfo="text",
            )
        )
    arrow = "↑" if kpi["direction"] == "higher" else "↓"
    apply_layout(
        fig,
        title=f"{plain(kpi['name'])} ({plain(unit_label(unit))}, {arrow} {t('enum.direction.' + kpi['direction'])})",
        lang=lang,
        height=300,
    )
    fig.update_xaxes(title=t("impl.kpi.x_axis"), tickformat=month_format(lang))
    values = pd.concat([df["actual"], df["target"]]).dropna()
    big = not values.empty and values.abs().max() >= 100
    fig.update_yaxes(title=t("impl.kpi.y_axis", unit=plain(unit_label(unit))), tickformat=",.0f" if big else ",.1~f")
    if (unit or "").strip() == "%":
        fig.update_yaxes(**pct_ticks(lang))
    return fig
