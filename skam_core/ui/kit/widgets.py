"""Small building blocks the pages share: metrics with help, empty states, charts, and widget keys that start a
widget afresh."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Literal

import streamlit as st

from skam_core.charts.inert import inert
from skam_core.ui.kit.cards import Card, card
from skam_core.ui.kit.figures import Prebuilt

if TYPE_CHECKING:
    from skam_core.ui.kit.page import PageContext

PLOT_CONFIG = {"displaylogo": False}  # Plotly's mode bar without its logo, on every chart


def metric(
    label: str,
    value: str,
    *,
    help: str,
    caption: str | None = None,
    delta: str | None = None,
    delta_color: Literal["normal", "inverse", "off"] = "normal",
) -> None:
    """A headline figure. Every metric says how it is computed (``help``)."""
    st.metric(label, value, delta=delta, delta_color=delta_color, help=help, border=True)
    if caption:
        st.caption(caption)


def empty_state(message: str, next_step: str) -> None:
    """What is missing and what to do next."""
    st.info(f"{message}\n\n{next_step}", icon=":material/lightbulb:")


def chart(fig, **kwargs: Any) -> Any:
    """A Plotly chart with the dashboard's chart config; ``kwargs`` as st.plotly_chart (key, on_select, ...).
    ``fig``: best ``figure(builder, ...)`` (kit.figures: built once per content), or a built figure. No tag from
    data becomes markup on the way (charts.inert)."""
    return st.plotly_chart(fig if isinstance(fig, Prebuilt) else inert(fig), config=PLOT_CONFIG, **kwargs)


def comparison_cards(ctx: PageContext, comparison, *, prefix: str, others_caption: str) -> list[Card]:
    """The margin comparison as three cards: SKAM accounts, all other customers, and their ratio. Labels,
    help texts and captions are the page's own (``{prefix}.m.skam_margin``, ``..._help``, ...)."""
    t, f = ctx.t, ctx.fmt
    skam, others = comparison.skam, comparison.others
    return [
        card(
            t(f"{prefix}.m.skam_margin"),
            f.pct(skam.relative_operating_profit),
            help=t(f"{prefix}.m.skam_margin_help"),
            caption=t(f"{prefix}.m.accounts", n=f.number(skam.customers)),
        ),
        card(
            t(f"{prefix}.m.others_margin"),
            f.pct(others.relative_operating_profit),
            help=t(f"{prefix}.m.others_margin_help"),
            caption=t(others_caption, n=f.number(others.customers)),
        ),
        card(
            t(f"{prefix}.m.ratio"),
            f.ratio(comparison.ratio),
            help=t(f"{prefix}.m.ratio_help"),
            caption=t(f"{prefix}.m.ratio_caption"),
        ),
    ]


def lazy_tabs(key: str, sections: Sequence[tuple[str, Callable[[], None]]]) -> None:
    """Tabs (label, draw) of which only the open one is drawn: a click on another tab reruns the page
    (st.tabs with on_change="rerun"). Below the fold a page's charts and tables cost every run and every full
    load in the browser while nobody looks at them (issue 15); the open tab is kept under ``key``."""
    tabs = st.tabs([label for label, _ in sections], key=key, on_change="rerun")
    for (_, draw), tab in zip(sections, tabs, strict=True):
        if tab.open:
            with tab:
                draw()


def lazy_expander(label: str, key: str, draw: Callable[[], None]) -> None:
    """A closed expander whose content is drawn only once it is opened (opening it reruns the page), for detail
    below the fold that most views never open (issue 15); its state is kept under ``key``."""
    box = st.expander(label, key=key, on_change="rerun")
    if box.open:
        with box:
            draw()


def round_key(base: str) -> str:
    """A widget key that changes after ``next_round(base)``: the widget (an editor, a form) starts afresh,
    without the input it held, e.g. after its content was saved."""
    return f"{base}_{st.session_state.get(f'{base}_round', 0)}"


def next_round(base: str) -> None:
    st.session_state[f"{base}_round"] = st.session_state.get(f"{base}_round", 0) + 1


def view_params(ctx: PageContext, account: str | None = None, **extra: str) -> dict[str, str]:
    """The shared view state as link parameters (account, as-of date, language) plus ``extra``; ``account``
    links to another account than the one shown."""
    params = {"lang": ctx.lang}
    target = account or ctx.account
    if target:
        params["account"] = target
    if ctx.asof.knowledge:
        params["as_of"] = ctx.asof.knowledge.isoformat()
    if ctx.identity.mode == "local" and ctx.user.user_id != ctx.identity.user_id:
        params["view_as"] = ctx.user.user_id  # the preview survives a page switch and a reload
    params.update(extra)
    return params


def page_link(
    ctx: PageContext, page_id: str, *, label: str | None = None, params: dict[str, str] | None = None
) -> None:
    """A link to another page keeping the view state (account, as-of date, language; ``params`` replaces them,
    e.g. ``view_params(ctx, account=...)`` for another account), labelled ``label`` or the page's name. Nothing
    is shown where the page is not there for this user (admin only, or its file missing).

    ``st.page_link`` knows only pages registered with the navigation; when a page file runs on its own (in a
    test; on a server, kit.page runs a fresh server's first page again through dashboard.py), a plain link does
    the job."""
    from urllib.parse import urlencode

    from streamlit.errors import StreamlitPageNotFoundError

    from skam_core.ui.kit.nav import available

    p = available(page_id, is_admin=ctx.user.is_admin)
    if p is None:
        return
    text = label or ctx.t(f"page.{page_id}")
    query = params if params is not None else view_params(ctx)
    try:
        st.page_link(p.file, label=text, icon=p.icon, query_params=query)
    except StreamlitPageNotFoundError:
        st.markdown(f"[{text}](/{'' if p.default else p.url_path}?{urlencode(query)})")
