"""The page registry: one entry per page that exists and works, with its URL path from the contract."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import streamlit as st

from skam_core.i18n import translate

log = logging.getLogger(__name__)
ROOT = Path(__file__).resolve().parents[3]  # where dashboard.py and pages/ live


@dataclass(frozen=True)
class PageSpec:
    page_id: str
    file: str  # relative to dashboard.py
    url_path: str
    icon: str
    section: str
    admin_only: bool = False
    default: bool = False


# Sections: overview (portfolio, profit, steering), account (steps 1-5), administration.
PAGES: list[PageSpec] = [
    PageSpec("portfolio", "pages/portfolio.py", "portfolio", ":material/dashboard:", "overview", default=True),
    # -- profit page (issue 5) --
    PageSpec("profit", "pages/profit.py", "profit", ":material/trending_up:", "overview"),
    # -- steering page (issue 6) --
    PageSpec("steering", "pages/steering.py", "steering", ":material/groups:", "overview"),
    # -- strategy, fit, value pages (issue 3) --
    PageSpec("strategy", "pages/strategy.py", "strategy", ":material/psychology:", "account"),
    PageSpec("fit", "pages/fit.py", "fit", ":material/join_inner:", "account"),
    PageSpec("value", "pages/value.py", "value", ":material/paid:", "account"),
    # -- plan, implementation, kpis pages (issue 4) --
    PageSpec("plan", "pages/plan.py", "plan", ":material/groups:", "account"),
    PageSpec("implementation", "pages/implementation.py", "implementation", ":material/flag:", "account"),
    PageSpec("kpis", "pages/kpis.py", "kpis", ":material/edit_note:", "account"),
    PageSpec("admin", "pages/admin.py", "admin", ":material/admin_panel_settings:", "administration", admin_only=True),
]
SECTIONS = ["overview", "account", "administration"]


@cache
def _exists(p: PageSpec) -> bool:
    """A registered page whose file is missing is left out (and logged) rather than taking the whole app down.
    Looked up once per process: the sidebar asked the file system twenty times on every run of every page."""
    if (ROOT / p.file).is_file():
        return True
    log.error("page %s is registered but %s does not exist", p.page_id, p.file)
    return False


def available_pages(section: str, *, is_admin: bool) -> list[PageSpec]:
    """The section's pages this user may open, whose files exist (navigation, sidebar and links use this)."""
    return [p for p in PAGES if p.section == section and (is_admin or not p.admin_only) and _exists(p)]


def spec(page_id: str) -> PageSpec:
    return next(p for p in PAGES if p.page_id == page_id)


def available(page_id: str, *, is_admin: bool) -> PageSpec | None:
    """The page if this user may open it and its file exists (as ``available_pages``), else None."""
    p = spec(page_id)
    return p if (is_admin or not p.admin_only) and _exists(p) else None


def build_navigation(lang: str, *, is_admin: bool) -> dict[str, list[st.Page]]:
    sections: dict[str, list[st.Page]] = {}
    for section in SECTIONS:
        pages = [
            st.Page(
                p.file,
                title=translate(f"page.{p.page_id}", lang),
                icon=p.icon,
                url_path=None if p.default else p.url_path,
                default=p.default,
            )
            for p in available_pages(section, is_admin=is_admin)
        ]
        if pages:
            sections[translate(f"nav.{section}", lang)] = pages
    return sections
