"""The /plan page's plan part: the plan in force and its readiness, objectives, the team on both sides, the RACI
matrix over objectives and milestones, and the plan versions with the date agreed and what the customer sees."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from skam_core.analytics import plan as rules
from skam_core.domain.enums import Side
from skam_core.services.plan import agree_plan_version, start_plan_version
from skam_core.ui.kit.cards import card, card_row
from skam_core.ui.kit.editing import FormField, last_changes, run_write, save
from skam_core.ui.kit.history import history_expander
from skam_core.ui.kit.page import PageContext
from skam_core.ui.kit.text import md
from skam_core.ui.kit.widgets import empty_state
from skam_core.ui.plan.common import names_list, shown_objectives, visible_to_customer
from skam_core.ui.plan.items import item_editor
from skam_core.ui.plan.raci import render_raci  # noqa: F401  (the plan page imports it from here)

SIDE_OPTIONS = {s.value: f"enum.side.{s.value}" for s in Side}


def version_text(ctx: PageContext, current: dict | None) -> tuple[str, str | None]:
    """The plan in force as a short value ("v2") and a caption (agreed on …, title)."""
    t = ctx.t
    if current is None:
        return t("plan.version.none"), None
    if current["status"] == "agreed" and current.get("agreed_on") is not None:
        state = t("plan.version.agreed_on", day=ctx.fmt.day(current["agreed_on"]))
    else:
        state = t(f"enum.plan_status.{current['status']}")
    return f"v{int(current['version_no'])}", f"{state} · {md(current.get('title'))}"


def check_text(ctx: PageContext, c: rules.Check) -> str:
    p = dict(c.params)
    if "missing" in p:
        p["missing"] = names_list(p["missing"]) or "–"
    return ctx.t(f"plan.ready.{c.code}", **p)


def render_header(ctx: PageContext, view: rules.PlanView, checks: list[rules.Check]) -> None:
    t = ctx.t
    current = view.current
    ok = sum(c.ok for c in checks)
    value, caption = version_text(ctx, current)
    parts = rules.parse_parts((current or {}).get("customer_sees"))
    missing = [t(f"plan.ready_short.{c.code}") for c in checks if not c.ok]
    card_row(
        [
            card(t("plan.m.version"), value, help=t("plan.m.version_help"), caption=caption),
            card(
                t("plan.m.customer_sees"),
                f"{len(parts)} / {len(rules.PLAN_PARTS)}",
                help=t("plan.m.customer_sees_help"),
                caption=names_list(t(f"enum.plan_part.{p}") for p in parts)
                if parts
                else t("plan.m.customer_sees_none"),
            ),
            card(
                t("plan.m.readiness"),
                f"{ok} / {len(checks)}",
                help=t("plan.m.readiness_help"),
                caption=t("plan.ready.open", items=names_list(missing)) if missing else t("plan.ready.all"),
            ),
        ]
    )
    box = st.expander(t("plan.ready.title"), icon=":material/checklist:", key="plan_ready_box", on_change="rerun")
    if not box.open:  # its lines are built when opened, not on every run
        return
    with box:
        for c in checks:
            icon = ":material/check_circle:" if c.ok else ":material/radio_button_unchecked:"
            st.markdown(f"{icon} {check_text(ctx, c)}")


def render_objectives(ctx: PageContext, view: rules.PlanView, cust: dict, editable: bool, customer_view: bool) -> None:
    t = ctx.t
    objectives = shown_objectives(view.objectives, customer_view)
    st.subheader(t("plan.obj.title"))
    if objectives.empty:
        empty_state(t("plan.obj.empty"), t("plan.obj.empty_next" if editable else "plan.obj.empty_viewer"))
    else:
        out = pd.DataFrame(
            {
                t("plan.obj.col.objective"): objectives["objective"],
                t("plan.obj.col.measure"): objectives["measure"].fillna(""),
                t("plan.obj.col.due"): [ctx.fmt.day(v) for v in objectives["due"]],
            }
        )
        if not customer_view:
            out[t("plan.obj.col.visible")] = visible_to_customer(objectives).to_numpy()
        st.dataframe(
            out,
            hide_index=True,
            width="stretch",
            column_config={
                t("plan.obj.col.visible"): st.column_config.CheckboxColumn(help=t("plan.obj.col.visible_help"))
            },
        )
    if editable and not customer_view:
        item_editor(
            ctx,
            table="plan_objectives",
            items=view.objectives,
            fields=(
                FormField("objective", "plan.obj.col.objective", widget="textarea"),
                FormField("measure", "plan.obj.col.measure", help="plan.obj.col.measure_help"),
                FormField("due", "plan.obj.col.due"),
                FormField("sort_order", "plan.obj.col.order", help="plan.obj.col.order_help"),
                FormField("visible_to_customer", "plan.obj.col.visible", help="plan.obj.col.visible_help"),
            ),
            key="obj",
            label_of=lambda r: str(r["objective"])[:80],
            fixed={"customer_id": cust["customer_id"]},
            title=t("plan.obj.edit"),
            new_template={"visible_to_customer": True, "sort_order": len(view.objectives)},
        )


def render_team(ctx: PageContext, view: rules.PlanView, cust: dict, editable: bool, customer_view: bool) -> None:
    t = ctx.t
    st.subheader(t("plan.team.title"))
    team = view.team
    if team.empty:
        empty_state(t("plan.team.empty"), t("plan.team.empty_next" if editable else "plan.team.empty_viewer"))
    else:
        cols = st.columns(2)
        for col, side in zip(cols, ("ours", "customer"), strict=True):
            with col:
                st.markdown(f"**{t('enum.side.' + side)}**")
                part = team[team["side"] == side]
                if part.empty:
                    st.caption(t("plan.team.side_empty"))
                    continue
                st.dataframe(
                    pd.DataFrame(
                        {
                            t("plan.team.col.name"): part["name"],
                            t("plan.team.col.role"): part["role"].fillna(""),
                            t("plan.team.col.steering"): part["on_steering_committee"].fillna(False).astype(bool),
                        }
                    ),
                    hide_index=True,
                    width="stretch",
                    column_config={
                        t("plan.team.col.steering"): st.column_config.CheckboxColumn(
                            help=t("plan.team.col.steering_help")
                        )
                    },
                )
    if editable and not customer_view:
        item_editor(
            ctx,
            table="team_members",
            items=view.team,
            fields=(
                FormField("name", "plan.team.col.name"),
                FormField("side", "plan.team.col.side", options=SIDE_OPTIONS, widget="radio"),
                FormField("role", "plan.team.col.role", help="plan.team.col.role_help"),
                FormField("email", "plan.team.col.email"),
                FormField("on_steering_committee", "plan.team.col.steering", help="plan.team.col.steering_help"),
            ),
            key="team",
            label_of=lambda r: f"{r['name']} · {t('enum.side.' + r['side'])}",
            fixed={"customer_id": cust["customer_id"]},
            title=t("plan.team.edit"),
            new_template={"side": "customer", "on_steering_committee": False},
        )


def render_milestones_brief(ctx: PageContext, view: rules.PlanView) -> None:
    """The milestones as the customer sees them in the plan: what, who, when, where it stands."""
    from skam_core.analytics.milestones import with_effective_status

    t = ctx.t
    st.subheader(t("plan.ms.title"))
    ms = with_effective_status(view.milestones, ctx.asof.day)
    if ms.empty:
        st.caption(t("plan.ms.empty"))
        return
    ms = ms.sort_values("due")
    st.dataframe(
        pd.DataFrame(
            {
                t("impl.col.title"): ms["title"],
                t("impl.col.owner"): ms["owner"].fillna(""),
                t("impl.col.due"): [ctx.fmt.day(v) for v in ms["due"]],
                t("impl.col.status"): [t(f"status.{s}") for s in ms["effective_status"]],
            }
        ),
        hide_index=True,
        width="stretch",
    )


def render_versions(ctx: PageContext, view: rules.PlanView, cust: dict, editable: bool) -> None:
    t = ctx.t
    st.subheader(t("plan.ver.title"))
    versions = view.versions
    if versions.empty:
        empty_state(t("plan.ver.empty"), t("plan.ver.empty_next" if editable else "plan.ver.empty_viewer"))
    else:
        out = pd.DataFrame(
            {
                t("plan.ver.col.no"): versions["version_no"].astype(int),
                t("plan.ver.col.title"): versions["title"],
                t("plan.ver.col.status"): [t(f"enum.plan_status.{s}") for s in versions["status"]],
                t("plan.ver.col.agreed_on"): [ctx.fmt.day(v) for v in versions["agreed_on"]],
                t("plan.ver.col.customer_sees"): [
                    names_list(t(f"enum.plan_part.{p}") for p in rules.parse_parts(v)) or "–"
                    for v in versions["customer_sees"]
                ],
                t("plan.ver.col.summary"): versions["summary"].fillna(""),
                t("plan.ver.col.changed"): last_changes(ctx, versions),
            }
        )
        st.dataframe(out, hide_index=True, width="stretch")
    if not editable:
        return
    if st.button(t("plan.ver.start"), icon=":material/add:", help=t("plan.ver.start_help"), key="ver_start"):
        run_write(ctx, start_plan_version, ctx.store, ctx.user, cust["customer_id"], done=t("plan.ver.started"))
    if versions.empty:
        return
    labels = {r["id"]: f"v{int(r['version_no'])} · {r['title']}" for r in versions.to_dict("records")}
    vid = st.selectbox(t("plan.ver.pick"), list(labels), format_func=lambda v: labels[v], key="ver_pick")
    row = versions[versions["id"] == vid].iloc[0].to_dict()
    with st.form(f"ver_form_{vid}"):
        title = st.text_input(t("plan.ver.col.title"), value=row["title"])
        sees = st.multiselect(
            t("plan.ver.col.customer_sees"),
            list(rules.PLAN_PARTS),
            default=rules.parse_parts(row.get("customer_sees")),
            format_func=lambda p: t(f"enum.plan_part.{p}"),
            help=t("plan.ver.customer_sees_help"),
        )
        summary = st.text_area(t("plan.ver.col.summary"), value=row.get("summary") or "", height=80)
        if st.form_submit_button(t("edit.save"), type="primary", icon=":material/save:"):
            save(
                ctx,
                "plan_versions",
                {"id": vid, "title": title, "customer_sees": rules.format_parts(sees), "summary": summary or None},
                expected_valid_from=pd.Timestamp(row["valid_from"]).to_pydatetime(),
                done=t("edit.saved"),
                rerun=True,
            )
    if row["status"] != "agreed":
        c1, c2 = st.columns([1, 2])
        with c1:
            agreed_on = st.date_input(
                t("plan.ver.agreed_on_input"),
                value=ctx.asof.today,
                max_value=ctx.asof.today,
                key=f"ver_agreed_{vid}",
                format=ctx.fmt.date_input_format,
            )
        with c2:
            st.write("")
            if st.button(t("plan.ver.agree", no=int(row["version_no"])), key=f"ver_agree_{vid}", type="primary"):
                run_write(
                    ctx,
                    agree_plan_version,
                    ctx.store,
                    ctx.user,
                    vid,
                    agreed_on or ctx.asof.today,
                    today=ctx.asof.today,
                    done=t("plan.ver.agreed"),
                    icon=":material/handshake:",
                )
    history_expander(ctx, "plan_versions", {"id": vid})
