"""The view state every page shares — account, as-of date, language — and its sync with the URL.

Contract (DESIGN.md): ``account`` (customer_id), ``as_of`` (YYYY-MM-DD), ``lang`` (de|en). The URL wins when
it carries a parameter (a shared link, a deep link); when it does not (a page switch cleared it), the
session's value is kept and written back, so the address bar always reproduces the view. A bad value gives a
message and is dropped from the URL; it never raises.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, cast

import streamlit as st

from skam_core.domain.validation import parse_iso_date
from skam_core.i18n import LANGS, lang_from_locale

ACCOUNT, AS_OF, LANG = "account", "as_of", "lang"
_S = {ACCOUNT: "skam_account", AS_OF: "skam_as_of", LANG: "skam_lang"}  # session keys of the canonical values


@dataclass
class ViewState:
    account: str | None
    as_of: date | None  # None: now
    lang: str
    problems: list[tuple[str, dict]] = field(default_factory=list)  # (message key, kwargs)


def parse_lang(raw: str | None) -> str | None:
    return raw if raw in LANGS else None


def resolve(
    params: Mapping[str, str],
    session: Mapping[Any, object],  # Any key: st.session_state is keyed by str | int
    *,
    default_lang: str,
    account_exists: Callable[[str], bool],
    today: date,
) -> ViewState:
    """Pure resolution of the view state from URL parameters and the session (testable without a server)."""
    problems: list[tuple[str, dict]] = []

    lang = cast(str, session.get(_S[LANG]) or default_lang)  # remember() stores the resolved str
    if LANG in params:
        raw = params[LANG]
        if parse_lang(raw):
            lang = raw
        else:
            problems.append(("state.bad_lang", {"value": raw}))

    as_of = session.get(_S[AS_OF])
    if AS_OF in params:
        raw = params[AS_OF]
        try:
            parsed = parse_iso_date(raw)
        except ValueError:
            problems.append(("state.bad_as_of", {"value": raw}))
        else:
            if parsed > today:
                problems.append(("state.future_as_of", {"value": raw}))
            else:
                as_of = parsed
    as_of = as_of if isinstance(as_of, date) else None

    account = session.get(_S[ACCOUNT])
    if ACCOUNT in params:
        raw = params[ACCOUNT].strip()
        if raw and account_exists(raw):
            account = raw
        elif raw:
            problems.append(("state.unknown_account", {"value": raw}))
            account = None
    return ViewState(account if isinstance(account, str) else None, as_of, lang, problems)


def early_lang() -> str:
    """The language before the view state is resolved (navigation titles, first-run progress, sign-in)."""
    raw = st.query_params.get(LANG)
    if raw in LANGS:
        return raw
    return st.session_state.get(_S[LANG]) or lang_from_locale(st.context.locale)


def presentation_requested() -> bool:
    """Presentation mode (present=1 in the URL): no navigation, no sidebar, no edit controls, large type."""
    return st.query_params.get("present") in ("1", "true", "yes")


def current_params() -> dict[str, str]:
    return {k: st.query_params[k] for k in (ACCOUNT, AS_OF, LANG) if k in st.query_params}


def remember(state: ViewState) -> None:
    """Store the canonical values in the session and write them into the URL."""
    st.session_state[_S[ACCOUNT]] = state.account
    st.session_state[_S[AS_OF]] = state.as_of
    st.session_state[_S[LANG]] = state.lang
    write_url(state.account, state.as_of, state.lang)


def write_url(account: str | None, as_of: date | None, lang: str) -> None:
    wanted = {ACCOUNT: account, AS_OF: as_of.isoformat() if as_of else None, LANG: lang}
    for key, value in wanted.items():
        if value is None:
            if key in st.query_params:
                del st.query_params[key]
        elif st.query_params.get(key) != value:
            st.query_params[key] = value


def set_value(key: str, value: object) -> None:
    """Change one part of the view state now (from a widget callback or a chart click): session and URL."""
    st.session_state[_S[key]] = value
    write_url(
        st.session_state.get(_S[ACCOUNT]), st.session_state.get(_S[AS_OF]), st.session_state.get(_S[LANG]) or "de"
    )
