"""A shared link survives signing in. The OpenID Connect round trip ends at the app's root without the link's
page and query (Streamlit's callback redirects to "/"), so a board member who opened
``/steering?account=K000700&lang=en`` would land on the German portfolio. The sign-in page leaves the link it was
opened with in a short-lived cookie (a fixed script of ours; the browser sends the cookie back with the next
page load); the first page after the sign-in reads it, keeps only the page and the contract's parameters, and
opens that view; the cookie is then cleared. The cookie's text is never shown: only a known page and values
that the view state validates as if they came from the URL."""

from __future__ import annotations

from urllib.parse import parse_qs, unquote, urlsplit

import streamlit as st

from skam_core.ui.kit import state as view_state
from skam_core.ui.kit.nav import PAGES, available

COOKIE = "skam_return"
# The contract's parameters (DESIGN.md) and presentation mode; nothing else is carried over.
KEPT = (view_state.ACCOUNT, view_state.AS_OF, view_state.LANG, "present")
_MAX_AGE_S = 900  # long enough to sign in, short enough not to steer a later visit
_DONE = "skam_return_done"  # session key: the link was restored (or there was none) in this session

_REMEMBER_JS = f"""
export default function() {{
  const here = window.location.pathname + window.location.search;
  document.cookie = '{COOKIE}=' + encodeURIComponent(here) + '; path=/; max-age={_MAX_AGE_S}; SameSite=Lax';
}}
"""
_FORGET_JS = f"""
export default function() {{
  document.cookie = '{COOKIE}=; path=/; max-age=0; SameSite=Lax';
}}
"""
_remember = st.components.v2.component("skam_return_remember", js=_REMEMBER_JS)
_forget = st.components.v2.component("skam_return_forget", js=_FORGET_JS)


def parse(raw: str | None, url_paths: dict[str, str], default_page: str) -> tuple[str, dict[str, str]] | None:
    """(page id, kept parameters) of a remembered link, or None when there is nothing to restore. ``url_paths``
    maps a page's URL path to its id; the last part of the link's path is matched (a deployment may serve the app
    under a prefix), an unknown one means the default page."""
    if not raw:
        return None
    parts = urlsplit(unquote(raw))
    last = parts.path.rstrip("/").rsplit("/", 1)[-1]
    page = url_paths.get(last, default_page)
    query = parse_qs(parts.query, keep_blank_values=False)
    params = {k: query[k][-1] for k in KEPT if query.get(k)}
    if page == default_page and not params:
        return None
    return page, params


def remember_link() -> None:
    """On the sign-in page: keep the link this page was opened with for the first page after the sign-in."""
    _remember(key="skam_return_remember")


def restore_link(page_id: str, *, is_admin: bool) -> None:
    """After a sign-in, once per session: open the remembered view (switching page when it is another one) and
    clear the cookie. A link opened with its own parameters wins over the remembered one."""
    raw = st.context.cookies.get(COOKIE)
    if not isinstance(raw, str):  # no cookie (or no browser behind the session, as in a test)
        return
    # The cookies are those of the session's first request: clear it on every run of this session until the
    # browser's next load no longer sends it.
    with st.sidebar:  # where the script's empty box takes no room of the page
        _forget(key="skam_return_forget")
    if st.session_state.get(_DONE):
        return
    st.session_state[_DONE] = True
    default = next(p.page_id for p in PAGES if p.default)
    target = parse(raw, {p.url_path: p.page_id for p in PAGES}, default)
    if target is None or any(k in st.query_params for k in KEPT):
        return
    page, params = target
    if page == page_id:
        st.query_params.update(params)
        return
    spec = available(page, is_admin=is_admin)  # a page this user may not open: stay where the sign-in ended
    if spec is not None:
        st.switch_page(spec.file, query_params=params)
