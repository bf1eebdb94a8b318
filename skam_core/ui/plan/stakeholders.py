"""The /plan page's stakeholder part: the map, the coverage findings, the list, and the customer-feedback log."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from skam_core.analytics import stakeholders as rules
from skam_core.analytics.plan_facts import facts_of
from skam_core.charts import plan as charts
from skam_core.charts.table import Cell, Column, Row, day_cell, table_html
from skam_core.domain.enums import StakeholderFunction
from skam_core.ui.kit.cards import card, card_row
from skam_core.ui.kit.editing import FormField, save
from skam_core.ui.kit.figures import figure
from skam_core.ui.kit.page import PageContext
from skam_core.ui.kit.pickable import sortable_table
from skam_core.ui.kit.widgets import chart, empty_state, lazy_expander, metric
from skam_core.ui.plan.common import names_list, show_findings
from skam_core.ui.plan.items import item_editor, row_dict

FUNCTION_OPTIONS = {f.value: f"enum.function.{f.value}" for f in StakeholderFunction}
SENTIMENT_OPTIONS = {1: "enum.sentiment.1", 0: "enum.sentiment.0", -1: "enum.sentiment.-1"}


def finding_text(ctx: PageContext, f: rules.Finding) -> str:
    p = dict(f.params)
    if "functions" in p:
        p["functions"] = names_list(ctx.t(f"enum.function.{x}") for x in p["functions"])
    if "names" in p:
        p["names"] = names_list(p["names"])
    return ctx.t(f"plan.finding.{f.code}", **p)


def render_stakeholders(ctx: PageContext, view, cust: dict, editable: bool) -> None:
    t = ctx.t
    facts = facts_of(view, ctx.asof.day)
    df = facts.engagement
    if df.empty:
        empty_state(t("plan.sh.empty"), t("plan.sh.empty_next" if editable else "plan.sh.empty_viewer"))
    else:
        engaged = int(df["engaged"].sum())
        cov = facts.coverage
        key_cov = cov[cov["key_function"]]
        lt = df[df["long_term_responsibility"]]
        days = rules.CONTACT_WINDOW_DAYS
        card_row(
            [
                card(t("plan.m.stakeholders"), ctx.fmt.number(len(df)), help=t("plan.m.stakeholders_help")),
                card(t("plan.m.engaged"), f"{engaged} / {len(df)}", help=t("plan.m.engaged_help", days=days)),
                card(
                    t("plan.m.key_functions"),
                    f"{int(key_cov['reached'].sum())} / {len(key_cov)}",
                    help=t("plan.m.key_functions_help", days=days),
                ),
                card(
                    t("plan.m.long_term"),
                    f"{int((lt['engaged']).sum())} / {len(lt)}",
                    help=t("plan.m.long_term_help", days=days),
                ),
            ]
        )
        st.markdown(f"**{t('plan.cov.title')}**", help=t("plan.cov.help", days=rules.CONTACT_WINDOW_DAYS))
        show_findings(ctx, facts.findings, lambda f: finding_text(ctx, f))

        def charts_of_stakeholders() -> None:
            chart(figure(charts.stakeholder_map, df, ctx.lang), key="sh_map")
            st.caption(t("plan.map.caption", days=rules.CONTACT_WINDOW_DAYS))
            chart(figure(charts.function_bars, cov, ctx.lang), key="sh_functions")
            st.caption(t("plan.cov.key_marker"))

        # The map and the bars per function under the findings, in one box built once opened: as the tab's first
        # sight a chart cost every full load Plotly's script and a drawing (about 0.7x of a blank page, issue 12),
        # and each box of its own about 0.1x more; the findings say what the charts show.
        lazy_expander(ctx.t_plain("plan.map.title"), "sh_map_box", charts_of_stakeholders)
        st.markdown(f"**{t('plan.sh.list')}**")
        _stakeholder_table(ctx, df)
    if editable:
        _stakeholder_editor(ctx, view, cust)


def _stakeholder_table(ctx: PageContext, df: pd.DataFrame) -> None:
    """The list as a sortable table drawn on the server (charts.table): a grid component cost the tab's full
    load in the browser more than the rest of it (docs/performance.md)."""
    t = ctx.t_plain
    columns = [
        Column(t("plan.col.name"), wrap=True),
        Column(t("plan.col.job_title"), wrap=True),
        Column(t("plan.col.function"), wrap=True),
        Column(t("plan.col.influence"), t("plan.col.influence_help"), numeric=True),
        Column(t("plan.col.attitude")),
        Column(t("plan.col.long_term"), t("plan.col.long_term_help")),
        Column(t("plan.col.last_contact")),
        Column(t("plan.col.days_since"), t("plan.col.days_since_help"), numeric=True),
        Column(t("plan.col.our_contact"), wrap=True),
    ]
    rows = []
    for r in df.itertuples():
        job = r.job_title if isinstance(r.job_title, str) else ""
        ours = r.our_contact if isinstance(r.our_contact, str) else ""
        days = None if pd.isna(r.days_since_contact) else int(r.days_since_contact)
        long_term = bool(r.long_term_responsibility)
        cells = [
            Cell(str(r.name), str(r.name)),
            Cell(job, job or None),
            Cell(t(f"enum.function.{r.function}"), t(f"enum.function.{r.function}")),
            Cell(ctx.fmt.number(int(r.influence)), float(r.influence), bar=int(r.influence) / 5),
            Cell(t(f"plan.attitude.{int(r.attitude)}"), float(r.attitude)),
            Cell(t("edit.yes") if long_term else "–", 1.0 if long_term else 0.0),
            day_cell(r.last_contact, ctx.fmt.day),
            Cell(ctx.fmt.number(days) if days is not None else "–", float(days) if days is not None else None),
            Cell(ours or "–", ours or None),
        ]
        rows.append(Row(cells))
    sortable_table(table_html(columns, rows, caption=t("plan.sh.table_caption"), lang=ctx.lang), key="sh_table")
    st.caption(ctx.t("table.sort_hint"))


STAKEHOLDER_FIELDS = (
    FormField("name", "plan.col.name"),
    FormField("job_title", "plan.col.job_title"),
    FormField("function", "plan.col.function", options=FUNCTION_OPTIONS),
    FormField("our_contact", "plan.col.our_contact", help="plan.col.our_contact_help"),
    FormField("influence", "plan.col.influence", help="plan.col.influence_help", widget="slider"),
    FormField("attitude", "plan.col.attitude", help="plan.col.attitude_help", widget="slider"),
    FormField("last_contact", "plan.col.last_contact"),
    FormField("long_term_responsibility", "plan.col.long_term", help="plan.col.long_term_help"),
)


def _stakeholder_editor(ctx: PageContext, view, cust: dict) -> None:
    t = ctx.t
    items = view.stakeholders
    item_editor(
        ctx,
        table="stakeholders",
        items=items,
        fields=STAKEHOLDER_FIELDS,
        key="sh",
        label_of=lambda r: f"{r['name']} · {t('enum.function.' + r['function'])}",
        fixed={"customer_id": cust["customer_id"]},
        title=t("plan.sh.edit"),
        new_template={"influence": 3, "attitude": 0},
    )
    if items.empty:
        return
    # The weekly chore in one click: record that we spoke to someone today.
    box = st.expander(t("plan.sh.contacted"), icon=":material/call:", key="sh_contact_box", on_change="rerun")
    if not box.open:
        return
    with box:
        names = {r["id"]: r["name"] for r in items.to_dict("records")}
        who = st.selectbox(
            t("plan.sh.contacted_who"), list(names), format_func=lambda v: names[v], key="sh_contact_pick"
        )
        if st.button(t("plan.sh.contacted_button", day=ctx.fmt.day(ctx.asof.today)), key="sh_contact_save"):
            current = row_dict(items, who)
            save(
                ctx,
                "stakeholders",
                {"id": who, "last_contact": ctx.asof.today},
                expected_valid_from=pd.Timestamp(current["valid_from"]).to_pydatetime() if current else None,
                done=t("plan.sh.contacted_saved", name=names[who]),
                rerun=True,
            )


def render_feedback(ctx: PageContext, view, cust: dict, editable: bool) -> None:
    t = ctx.t
    facts = facts_of(view, ctx.asof.day)
    log = facts.feedback_log
    if log.empty:
        empty_state(t("plan.fb.empty"), t("plan.fb.empty_next" if editable else "plan.fb.empty_viewer"))
    else:
        bal = facts.sentiment
        c1, c2, c3, c4 = st.columns(4)
        with c1:
            metric(t("plan.fb.m.total"), ctx.fmt.number(len(log)), help=t("plan.fb.m.total_help"))
        with c2:
            metric(t("enum.sentiment.1"), ctx.fmt.number(bal["positive"]), help=t("plan.fb.m.sentiment_help"))
        with c3:
            metric(t("enum.sentiment.0"), ctx.fmt.number(bal["neutral"]), help=t("plan.fb.m.sentiment_help"))
        with c4:
            metric(t("enum.sentiment.-1"), ctx.fmt.number(bal["negative"]), help=t("plan.fb.m.sentiment_help"))
        titles = dict(zip(view.value_items["id"], view.value_items["title"], strict=True))
        out = pd.DataFrame(
            {
                t("plan.fb.col.date"): [ctx.fmt.day(v) for v in log["received_on"]],
                t("plan.fb.col.from"): [
                    f"{w} ({jt})" if jt else w for w, jt in zip(log["from"], log["from_title"], strict=True)
                ],
                t("plan.fb.col.what"): log["text"],
                t("plan.fb.col.sentiment"): [t(f"enum.sentiment.{int(s)}") for s in log["sentiment"]],
                t("plan.fb.col.about"): [titles.get(v, "") if isinstance(v, str) else "" for v in log["value_item_id"]],
            }
        )
        st.dataframe(
            out,
            hide_index=True,
            width="stretch",
            column_config={t("plan.fb.col.what"): st.column_config.TextColumn(width="large")},
        )
    if editable:
        stakeholder_names = dict(zip(view.stakeholders["id"], view.stakeholders["name"], strict=True))
        value_titles = dict(zip(view.value_items["id"], view.value_items["title"], strict=True))
        fields = (
            FormField("received_on", "plan.fb.col.date"),
            FormField(
                "stakeholder_id",
                "plan.fb.col.stakeholder",
                help="plan.fb.col.stakeholder_help",
                options=stakeholder_names,
                translate_options=False,
            ),
            FormField("from_name", "plan.fb.col.from_name", help="plan.fb.col.from_name_help"),
            FormField("sentiment", "plan.fb.col.sentiment", options=SENTIMENT_OPTIONS, widget="radio"),
            FormField("text", "plan.fb.col.what", widget="textarea"),
            FormField(
                "value_item_id",
                "plan.fb.col.about",
                help="plan.fb.col.about_help",
                options=value_titles,
                translate_options=False,
            ),
        )
        item_editor(
            ctx,
            table="customer_feedback",
            items=view.feedback,
            fields=fields,
            key="fb",
            label_of=lambda r: f"{ctx.fmt.day(r['received_on'])} · {str(r['text'])[:60]}",
            fixed={"customer_id": cust["customer_id"]},
            title=t("plan.fb.edit"),
            new_template={"received_on": ctx.asof.today, "sentiment": 0},
        )
