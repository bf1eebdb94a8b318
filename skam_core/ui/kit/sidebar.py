"""The shared sidebar: account, as-of date, language (all bound to the URL), who you are, and a link to share."""

from __future__ import annotations

from urllib.parse import urlencode

import streamlit as st

from skam_core.i18n import LANGS
from skam_core.ui.kit import state as view_state
from skam_core.ui.kit.auth import ACT_AS_KEY, VIEW_AS
from skam_core.ui.kit.page import PageContext
from skam_core.views import common as common_view

_W_ACCOUNT, _W_AS_OF, _W_ACT_AS = "_w_account", "_w_as_of", "_w_act_as"
_ACCOUNT_BOX = "_w_account_box"  # the account picker's box
_ACCOUNT_BOX_KEPT = "skam_account_box_open"  # whether it was left open: a widget's own state ends with its page
_ACT_AS_BOX = "_w_act_as_box"  # the preview's box (open while a preview is on)
_AS_OF_BOX = "_w_as_of_box"
LANG_NAMES = {"de": "Deutsch", "en": "English"}  # each language in its own words


def _on_account() -> None:
    view_state.set_value(view_state.ACCOUNT, st.session_state.get(_W_ACCOUNT))


def _keep_account_box() -> None:
    st.session_state[_ACCOUNT_BOX_KEPT] = bool(st.session_state.get(_ACCOUNT_BOX))


def _on_as_of() -> None:
    view_state.set_value(view_state.AS_OF, st.session_state.get(_W_AS_OF))


def _to_today() -> None:
    st.session_state[_W_AS_OF] = None
    view_state.set_value(view_state.AS_OF, None)


def _on_act_as() -> None:
    who = st.session_state.get(_W_ACT_AS)
    st.session_state[ACT_AS_KEY] = who
    if who:
        st.query_params[VIEW_AS] = who
    elif VIEW_AS in st.query_params:
        del st.query_params[VIEW_AS]


def render_sidebar(ctx: PageContext) -> None:
    t = ctx.t
    # Seed the widgets from the canonical state (URL or session) before they are drawn.
    st.session_state[_W_ACCOUNT] = ctx.account
    st.session_state[_W_AS_OF] = ctx.asof.knowledge
    with st.sidebar:  # under Streamlit's navigation (dashboard.py), which lists the pages
        _languages(ctx)
        _account(ctx)
        _as_of(ctx)
        st.divider()
        st.caption(t("sidebar.signed_in_as", name=ctx.user.name, role=t("role." + ctx.user.role.value)))
        if ctx.identity.mode == "local":
            _act_as(ctx)
        _share_link(ctx)


def _languages(ctx: PageContext) -> None:
    """A button per other language: the page again in it, the rest of the view kept. Not a choice of both: a
    segmented control is a script of its own that the browser loads and evaluates on every full load of every
    page (about 0.2x of a blank page, docs/performance.md), a button's is 1 KB. Not a page link to
    this page: Streamlit then shows the page in the new language but leaves the old one in the address bar."""
    for code in LANGS:
        if code != ctx.lang:
            st.button(
                LANG_NAMES[code],
                key=f"_w_lang_{code}",
                icon=":material/translate:",
                type="tertiary",
                on_click=view_state.set_value,
                args=(view_state.LANG, code),
            )


def _account(ctx: PageContext) -> None:
    """The account shown, in a box that names it; the list to choose another is drawn once the box is opened
    (and while it stays open, across pages). A list field is the sidebar's costliest element (its script and
    its search, about 0.15x of a blank page on every full load of every page); most views keep their account,
    and a page that needs one offers its own list while none is chosen."""
    t = ctx.t
    picker = ctx.read(common_view.account_picker)
    ids, names, stages = list(picker.ids), dict(picker.names), picker.stages
    if ctx.account and ctx.account not in names:  # opened by a link: a customer that is not a key account
        ids.insert(0, ctx.account)
        record = ctx.read(common_view.customer, ctx.account)
        names[ctx.account] = str(record["name"]) if record else ctx.account
    label = t("sidebar.account_box", name=names[ctx.account]) if ctx.account else t("sidebar.account_placeholder")
    box = st.expander(
        label,
        expanded=bool(st.session_state.get(_ACCOUNT_BOX_KEPT)),
        icon=":material/domain:",
        key=_ACCOUNT_BOX,
        on_change=_keep_account_box,
    )
    if box.open:
        with box:
            st.selectbox(
                t("sidebar.account"),
                options=ids,
                key=_W_ACCOUNT,
                on_change=_on_account,
                index=None,
                placeholder=t("sidebar.account_placeholder"),
                format_func=lambda cid: names.get(cid, cid),
                help=t("sidebar.account_help"),
            )
    if ctx.account:
        st.caption(t("sidebar.account_stage", stage=t("stage." + stages.get(ctx.account, "none"))))


def _as_of(ctx: PageContext) -> None:
    """The as-of date in a box that names it; its date field is drawn once the box is opened. A date field is
    a script of its own (its calendar and date parsing) that the browser loads and evaluates on every full load
    of every page, the sidebar's costliest widget (about 0.3x of a blank page), for a choice made rarely. The box
    opens by itself while a past date is shown, with the way back to today in it."""
    t, f = ctx.t, ctx.fmt
    past = ctx.asof.knowledge
    label = t("sidebar.as_of_past", day=f.day(past)) if past else t("sidebar.as_of_today", day=f.day(ctx.asof.today))
    box = st.expander(label, icon=":material/event:", expanded=past is not None, key=_AS_OF_BOX, on_change="rerun")
    if not box.open:
        return
    with box:
        st.date_input(
            t("sidebar.as_of"),
            key=_W_AS_OF,
            on_change=_on_as_of,
            max_value=ctx.asof.today,
            format=f.date_input_format,
            help=t("sidebar.as_of_help"),
        )
        if past is not None:
            st.button(t("sidebar.back_to_today"), on_click=_to_today, icon=":material/today:", width="stretch")


def _act_as(ctx: PageContext) -> None:
    """Local mode: the operator may preview the dashboard as another user, with that user's rights. The choice
    waits in a box that names whose view is shown (a list of users is drawn on every full load of every page,
    about 0.1-0.15x of a blank page, for a check made rarely); the box is open while a preview is on."""
    previewing = st.session_state.get(ACT_AS_KEY) is not None
    who = f"{ctx.user.name} ({ctx.t('role.' + ctx.user.role.value)})" if previewing else ctx.t("sidebar.act_as_self")
    box = st.expander(
        ctx.t("sidebar.act_as_box", who=who),
        icon=":material/visibility:",
        expanded=previewing,
        key=_ACT_AS_BOX,
        on_change="rerun",
    )
    if not box.open:
        return
    users = ctx.read(common_view.user_choices)
    with box:
        if not users:
            st.caption(ctx.t("sidebar.act_as_nobody"))
            return
        options = [None, *(u for u, _, _ in users)]
        labels = {u: f"{name} ({ctx.t('role.' + role)})" for u, name, role in users}
        st.session_state[_W_ACT_AS] = st.session_state.get(ACT_AS_KEY)
        st.selectbox(
            ctx.t("sidebar.act_as"),
            options=options,
            key=_W_ACT_AS,
            on_change=_on_act_as,
            format_func=lambda u: ctx.t("sidebar.act_as_self") if u is None else labels.get(u, u),
            help=ctx.t("sidebar.act_as_help"),
            placeholder=ctx.t("sidebar.act_as_self"),
        )


def _share_link(ctx: PageContext) -> None:
    from skam_core.ui.kit.widgets import view_params

    # Drawn once opened (opening reruns the page): the link is built from the view as it is then.
    box = st.expander(ctx.t("sidebar.share"), icon=":material/link:", key="_w_share_box", on_change="rerun")
    if not box.open:
        return
    with box:
        # Plain text to select and copy: st.code's copy button cost every page a 1.5 MB syntax highlighter the
        # browser parsed on each load (issue 15), for a line that needs no highlighting.
        st.text(f"{st.context.url or ''}?{urlencode(view_params(ctx))}")
        st.caption(ctx.t("sidebar.share_help"))
