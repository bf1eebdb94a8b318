"""The steering pack as a board document (PDF and PPTX): the figures on screen, with the as-of date and the
snapshot link printed on every page, so that the paper in the minutes leads back to exactly this state."""

from __future__ import annotations

from urllib.parse import urlencode

import pandas as pd
import streamlit as st

from skam_core.charts import steering as charts
from skam_core.charts.implementation import milestone_gantt
from skam_core.charts.portfolio import account_margin_trend
from skam_core.io.images import ImagesUnavailable
from skam_core.io.report import Block, Figure, Metric, Metrics, Report, Section, Table, Text
from skam_core.io.report_pdf import render_pdf
from skam_core.io.report_pptx import render_pptx
from skam_core.ui.kit.page import PageContext
from skam_core.ui.steering.changes import change_groups, changes_heading
from skam_core.ui.steering.pack import decision_table, escalation_table, headline, kpi_table


def snapshot_url(ctx: PageContext, customer_id: str | None, day) -> str:
    """A link that re-renders this view as of ``day`` (always pinned, also when looking at today)."""
    base = (st.context.url or "").split("?")[0] or "/steering"
    params = {"as_of": day.isoformat(), "lang": ctx.lang}
    if customer_id:
        params = {"account": customer_id, **params}
    return f"{base}?{urlencode(params)}"


def pack_sections(ctx: PageContext, pack, *, charts_too: bool = True) -> list[Section]:
    ctx = ctx.for_documents()
    t, f = ctx.t, ctx.fmt
    name = pack.customer["name"]
    head = Metrics([Metric(label, value, note or "") for label, value, _, note in headline(ctx, pack)])
    lines = [Text(f"{title}: {'; '.join(items) if items else '–'}") for title, items, _ in change_groups(ctx, pack)]
    overview = Section(
        t("steering.pack_title", name=name),
        [
            head,
            Text(changes_heading(ctx, pack), "note"),
            *lines,
            Text(
                f"{t('steering.next.title')}: {f.day(pack.next_meeting) if pack.next_meeting else '–'} · "
                f"{t('steering.next.ours')} {', '.join(pack.attendees_ours) or '–'} · "
                f"{t('steering.next.customer')} {', '.join(pack.attendees_customer) or '–'}"
            ),
        ],
    )
    sections = [overview]
    if not pack.kpis.empty:
        sections.append(Section(t("steering.kpi.title"), [Table(kpi_table(ctx, pack))]))
    esc = escalation_table(ctx, pack.escalations_open) if not pack.escalations_open.empty else None
    dec = decision_table(ctx, pack.decisions.head(12)) if not pack.decisions.empty else None
    blocks: list[Block] = [Table(esc, t("steering.esc.title")) if esc is not None else Text(t("steering.esc.none"))]
    blocks.append(Table(dec, t("steering.dec.title")) if dec is not None else Text(t("steering.dec.none")))
    sections.append(Section(t("steering.esc.title") + " · " + t("steering.dec.title"), blocks))
    rules: list[Block] = [
        Text(
            f"{t('rules.' + r.rule)}: {t('rules.status.' + r.status)} — " + " ".join(t(k, **kw) for k, kw in r.evidence)
        )
        for r in pack.rules
    ]
    sections.append(Section(t("rules.title") + " · " + t("rules.score", score=f.number(pack.rules_score, 1)), rules))
    if charts_too:
        figs: list[Block] = []
        if not pack.monthly.empty:
            figs.append(
                Figure(
                    account_margin_trend(
                        pack.monthly, pack.others_margin, ctx.lang, name, pack.customer.get("skam_start")
                    )
                )
            )
        if not pack.value.components.empty and pack.value.proposed_eur > 0:
            figs.append(Figure(charts.value_delivery(pack.value.components, ctx.lang)))
        if not pack.milestones.empty:
            figs.append(Figure(milestone_gantt(pack.milestones, pack.day, ctx.lang)))
        if figs:
            sections.append(Section(t("steering.export.charts", name=name), figs))
    return sections


def pack_report(ctx: PageContext, pack) -> Report:
    ctx = ctx.for_documents()
    url = snapshot_url(ctx, pack.customer["customer_id"], pack.day)
    return Report(
        title=ctx.t("steering.pack_title", name=pack.customer["name"]),
        subtitle=ctx.t("steering.as_of", day=ctx.fmt.day(pack.day)),
        footer=ctx.t("steering.export.footer", day=ctx.fmt.day(pack.day), url=url),
        sections=pack_sections(ctx, pack),
        lang=ctx.lang,
    )


def portfolio_report(ctx: PageContext, overview_table: pd.DataFrame, packs: list) -> Report:
    ctx = ctx.for_documents()
    url = snapshot_url(ctx, None, ctx.asof.day)
    sections = [Section(ctx.t("steering.overview.title"), [Table(overview_table)])]
    for pack in packs:
        sections += pack_sections(ctx, pack, charts_too=False)[:2]
    return Report(
        title=ctx.t("steering.overview.title"),
        subtitle=ctx.t("steering.as_of", day=ctx.fmt.day(ctx.asof.day)),
        footer=ctx.t("steering.export.footer", day=ctx.fmt.day(ctx.asof.day), url=url),
        sections=sections,
        lang=ctx.lang,
    )


def export_buttons(ctx: PageContext, make_report, stem: str, key: str) -> None:
    """'Prepare' renders the document (charts take a few seconds); then it can be downloaded."""
    t = ctx.t
    c1, c2, c3 = st.columns([1.2, 1, 1])
    state_key = f"_export_{key}"
    if c1.button(t("steering.export.prepare"), key=f"{key}.prepare", icon=":material/picture_as_pdf:", width="stretch"):
        with st.spinner(t("steering.export.preparing")):
            try:
                report = make_report()
                st.session_state[state_key] = (render_pdf(report), render_pptx(report))
            except ImagesUnavailable as exc:
                st.session_state.pop(state_key, None)
                st.error(t("steering.export.no_images", detail=str(exc)))
    files = st.session_state.get(state_key)
    if files:
        pdf, pptx = files
        c2.download_button(
            "PDF",
            pdf,
            file_name=f"{stem}.pdf",
            mime="application/pdf",
            key=f"{key}.pdf",
            icon=":material/download:",
            width="stretch",
        )
        c3.download_button(
            "PowerPoint",
            pptx,
            file_name=f"{stem}.pptx",
            key=f"{key}.pptx",
            mime="application/vnd.openxmlformats-officedocument.presentationml.presentation",
            icon=":material/download:",
            width="stretch",
        )
