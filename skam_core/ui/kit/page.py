"""Every page starts with ``ctx = setup_page("<page id>")``: page config, store, identity and role, the shared
view state from the URL, the sidebar — and the guard. A page file may be opened directly by URL on a fresh
server, so nothing here assumes that the entrypoint ran first."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any, TypeVar

import streamlit as st

from skam_core.domain import clock
from skam_core.domain.asof import AsOf
from skam_core.domain.enums import Role
from skam_core.domain.users import User, may_edit_account
from skam_core.i18n import DEFAULT_LANG, lang_from_locale, translate
from skam_core.i18n.formats import Formatter
from skam_core.storage.db import Store, StoreError
from skam_core.ui import cache
from skam_core.ui.kit import state as view_state
from skam_core.ui.kit.auth import Identity, current_user, identify
from skam_core.ui.kit.downloads import switch_off_built_in_export
from skam_core.ui.kit.fmt import CachedFormatter
from skam_core.ui.kit.return_to import remember_link, restore_link
from skam_core.ui.kit.screen import fit_narrow_screens, initial_sidebar
from skam_core.ui.kit.store import open_store
from skam_core.ui.kit.text import Markdown, md_all
from skam_core.ui.kit.widgets import empty_state
from skam_core.views import common as common_view

R = TypeVar("R")


@dataclass
class PageContext:
    page_id: str
    store: Store
    user: User
    identity: Identity
    lang: str
    asof: AsOf  # the time this request looks at, made once in setup_page and passed down to every view
    account: str | None
    present: bool = False  # presentation mode (present=1): no sidebar, no edit controls, large type
    # Documents (PDF, PPTX) print text as it is: there, messages must not carry markdown escapes ("http\://…").
    plain_text: bool = False
    fmt: Formatter = field(init=False)
    _user_names: dict[str, str] | None = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        self.fmt = CachedFormatter(self.lang)

    def user_names(self) -> dict[str, str]:
        """user id -> display name, read once per run: a history shows one per row (kit.editing.display_name)."""
        if self._user_names is None:
            self._user_names = self.read(common_view.user_names)
        return self._user_names

    def t(self, key: str, **kwargs: object) -> str:
        """The message ``key`` as markdown: its string parameters are data and shown as typed (kit.text.md);
        plain text in a context made for documents (``for_documents``)."""
        if self.plain_text:
            return self.t_plain(key, **kwargs)
        return Markdown(translate(key, self.lang, **md_all(kwargs)))

    def for_documents(self) -> PageContext:
        """The same context for building a PDF or PPTX: every message in plain text."""
        return replace(self, plain_text=True)

    def t_plain(self, key: str, **kwargs: object) -> str:
        """The message for places that show plain text (tables, select options, file names, charts)."""
        return translate(key, self.lang, **kwargs)

    def read(self, view: Callable[..., R], *args: Any) -> R:
        """``view(store, asof, *args)`` of skam_core.views, cached per data version (ui.cache.read)."""
        return cache.read(self.store, self.asof, view, *args)

    def may_edit(self, account_manager: str | None) -> bool:
        """Comfort only (to hide controls); the services check again on every write. In a snapshot
        (``asof.is_snapshot``) edits would not show in what is displayed, so pages offer none."""
        if self.present or self.asof.is_snapshot:
            return False
        return may_edit_account(self.user.role, self.user.user_id, account_manager)


# Presentation mode enlarges type for a projector, in steps of the screen's height so that a slide fits one
# 16:9 screen from 1280×720 to 1920×1080; labels wrap rather than end in "…". A fixed stylesheet with no user
# data in it (st.html renders it without scripts); nothing user-entered ever goes through st.html.
_PRESENT_CSS = """<style>
[data-testid="stMainBlockContainer"] {max-width: 100%; padding-top: 1rem; padding-bottom: 1rem;}
[data-testid="stMarkdownContainer"] p, [data-testid="stMarkdownContainer"] li, [data-testid="stText"] {
  font-size: clamp(0.95rem, 2.1vh, 1.35rem);
}
[data-testid="stMetricValue"], [data-testid="stMetricValue"] * {
  font-size: clamp(1.6rem, 4.4vh, 3rem) !important; line-height: 1.2;
}
[data-testid="stMarkdownContainer"] td, [data-testid="stMarkdownContainer"] th {
  font-size: clamp(0.9rem, 1.9vh, 1.2rem);
}
[data-testid="stMetricLabel"] p {font-size: clamp(0.95rem, 1.9vh, 1.2rem) !important;}
[data-testid="stMetricLabel"], [data-testid="stMetricLabel"] *, [data-testid="stMetricValue"] * {
  white-space: normal !important; overflow: visible !important; text-overflow: clip !important;
}
h1 {font-size: clamp(2rem, 4.6vh, 3.2rem) !important;} h2 {font-size: clamp(1.5rem, 3.4vh, 2.4rem) !important;}
h3 {font-size: clamp(1.2rem, 2.7vh, 1.9rem) !important;}
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"] {display: none;}
</style>"""


def _through_navigation() -> None:
    """On a fresh server Streamlit runs the first page opened on its own, in its mode for a pages/ folder, until
    dashboard.py's st.navigation has run once: the sidebar would list the raw file names ("dashboard", "kpis")
    instead of the navigation's titled sections. That mode is switched off and the page runs again, through
    dashboard.py; it happens once per server (the flag is the process's)."""
    from streamlit.runtime.pages_manager import PagesManager

    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()


def setup_page(page_id: str, *, admin_only: bool = False) -> PageContext:
    _through_navigation()
    switch_off_built_in_export()
    lang = view_state.early_lang()
    present = view_state.presentation_requested()
    st.set_page_config(
        page_title=translate(f"page.{page_id}", lang) + " · SKAM",
        page_icon=":material/handshake:",
        layout="wide",
        initial_sidebar_state=initial_sidebar(present),
    )

    def t(key: str, **kw: object) -> str:
        return translate(key, lang, **md_all(kw))

    try:
        store = open_store(t)
    except StoreError as exc:
        st.error(t("store.unavailable", detail=str(exc)))
        st.stop()

    identity = identify()
    if identity.mode == "login_required":
        st.title(t("auth.title"))
        st.write(t("auth.login_needed"))
        st.button(t("auth.login"), on_click=st.login, type="primary")
        remember_link()  # the link opened survives the provider's round trip
        st.stop()
    if identity.mode == "refused":
        st.error(t(identity.reason or "auth.refused"))
        st.stop()
    user = current_user(store, identity)
    if user is None:
        st.error(t("auth.not_registered", user=identity.user_id))
        if identity.mode == "oidc":
            st.button(t("auth.logout"), on_click=st.logout)
        st.stop()

    if identity.mode == "oidc":
        restore_link(page_id, is_admin=user.is_admin)  # back from the provider: the view that was opened
    today = clock.today()
    vs = view_state.resolve(
        view_state.current_params(),
        st.session_state,
        default_lang=lang_from_locale(st.context.locale) if st.context.locale else DEFAULT_LANG,
        account_exists=lambda cid: cache.read(store, AsOf.now(today), common_view.customer, cid) is not None,
        today=today,
    )
    view_state.remember(vs)
    ctx = PageContext(page_id, store, user, identity, vs.lang, AsOf.at(vs.as_of, today), vs.account, present)

    from skam_core.ui.kit.sidebar import render_sidebar  # imported late: the sidebar imports widgets of the UI

    if present:
        st.html(_PRESENT_CSS)
    else:
        render_sidebar(ctx)
        fit_narrow_screens()
    if identity.mode == "oidc" and not present:
        # Signing out ends the session: st.logout drops the identity cookie, the next run asks to sign in.
        st.sidebar.button(ctx.t("auth.logout"), on_click=st.logout, key="skam_logout", icon=":material/logout:")
    for key, kwargs in vs.problems:
        st.warning(ctx.t(key, **kwargs), icon=":material/link_off:")
    if identity.mode == "local" and not present:
        # the same name and role as the sidebar's "signed in as" and "view as" (the previewed user's own role)
        preview = user.user_id != identity.user_id
        st.caption(
            ctx.t(
                "auth.local_banner_preview" if preview else "auth.local_banner",
                user=user.name,
                role=ctx.t("role." + user.role.value),
            ),
            help=ctx.t("auth.local_banner_help"),
        )
    if ctx.asof.knowledge is not None:
        st.info(ctx.t("state.viewing_as_of", day=ctx.fmt.day(ctx.asof.knowledge)), icon=":material/history:")
    if admin_only and not user.is_admin:
        st.error(ctx.t("auth.admin_only"))
        st.stop()
    return ctx


def edit_rights(ctx: PageContext, cust: Mapping[str, Any] | None = None) -> tuple[bool, str | None]:
    """Whether the user may edit here and now — the account ``cust``, or (without one) account content at all —
    and if not, why: a message key, or None where nothing needs saying (presentation mode has no edit controls
    and no notice). Comfort only: the services check again on every write."""
    if ctx.present:
        return False, None
    if ctx.asof.is_snapshot:
        return False, "edit.read_only_snapshot"
    if ctx.user.role in (Role.VIEWER, Role.EXECUTIVE):  # executives decide in committees, edit no account content
        return False, "edit.viewer_read_only"
    if cust is not None and not ctx.may_edit(cust.get("account_manager")):
        return False, "edit.not_your_account"
    return True, None


def edit_notice(ctx: PageContext, cust: Mapping[str, Any]) -> bool:
    """Whether the user may edit this account now; if not, say why once, under the title (edit_rights). The
    account manager is named by address: the one to ask for a change."""
    may, reason = edit_rights(ctx, cust)
    if reason == "edit.not_your_account":
        who = cust.get("account_manager")
        st.info(ctx.t(reason, who=who if isinstance(who, str) and who else "–"), icon=":material/lock:")
    elif reason:
        st.caption(ctx.t(reason))
    return may


def require_account(
    ctx: PageContext,
    message: str,
    next_step: str | None = None,
    *,
    title: bool = False,
    picker: Callable[[PageContext], None] | None = None,
) -> dict:
    """The open account's customer record at the as-of date. Without one: an empty state (``message``, then
    ``next_step``, by default "choose an account on the left"), and the page stops — never an error.

    ``title``: the page's name above the empty state, for pages that title themselves with the account's name
    only once they have one. ``picker(ctx)`` draws a table to pick an account from under the empty state; it
    is also shown when the URL names an account that has no record at the as-of date. Without a picker such a
    page stops quietly (setup_page has warned about an account that does not exist)."""
    cust = ctx.read(common_view.customer, ctx.account) if ctx.account else None
    if cust is not None:
        return cust
    if ctx.account is not None and picker is None:
        st.stop()
    if title:
        st.title(ctx.t(f"page.{ctx.page_id}"))
    empty_state(message, next_step if next_step is not None else ctx.t("state.choose_account"))
    if picker is not None:
        picker(ctx)
    st.stop()
