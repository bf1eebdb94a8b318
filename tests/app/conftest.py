"""AppTest helpers: run a page against a private copy of the demo store, as a chosen user."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True, scope="session")
def _component_scan_once():
    """Every AppTest run scans all installed distributions for Streamlit component manifests (what a server does
    once at start-up): about half a second per run, most of the app tests' time. The installed packages do not
    change during the session, so the scan runs once and its answer is reused."""
    from streamlit.components.v2 import manifest_scanner

    scan = manifest_scanner.scan_component_manifests
    found: list = []

    def once(*args, **kwargs):
        if not found:
            found.append(scan(*args, **kwargs))
        return list(found[0])

    manifest_scanner.scan_component_manifests = once
    yield
    manifest_scanner.scan_component_manifests = scan


@pytest.fixture
def app_env(demo_path, monkeypatch):
    """Point the app at a private demo store for this test."""
    monkeypatch.setenv("SKAM_DB", str(demo_path))
    monkeypatch.delenv("SKAM_PROXY_HEADER", raising=False)
    return demo_path


def run_app(
    page: str | None = None,
    *,
    params: dict | None = None,
    act_as: str | None = None,
    locale: str | None = None,
    user: dict | None = None,
    timeout: float = 60,
) -> AppTest:
    """Run the dashboard (page=None) or one page file opened directly, e.g. page='pages/portfolio.py'.

    ``act_as`` previews the app as a registered user (local mode); ``user`` simulates an OIDC sign-in.
    """
    script = ROOT / (page or "dashboard.py")
    at = AppTest.from_file(str(script), default_timeout=timeout)
    if params:
        for k, v in params.items():
            at.query_params[k] = v
    if act_as:
        at.session_state["skam_act_as"] = act_as
    if locale:
        at.context = {"locale": locale}
    if user is not None:
        at.user = user
    at.run()
    return at


def texts(at: AppTest) -> str:
    """Everything readable on the page, to look for figures and messages."""
    parts = [e.value for e in at.markdown] + [e.value for e in at.caption] + [e.value for e in at.title]
    parts += [e.value for e in at.subheader] + [e.value for e in at.header]
    parts += [str(e.value) for e in at.info] + [str(e.value) for e in at.warning] + [str(e.value) for e in at.error]
    parts += [str(e.value) for e in at.success] + [str(e.value) for e in at.toast]
    parts += [f"{m.label} {m.value}" for m in at.metric]  # the cards of kit.cards are in html_texts
    return rendered("\n".join(str(p) for p in parts)) + "\n" + "\n".join(html_texts(at))


def html_texts(at: AppTest) -> list[str]:
    """The text of every HTML element (kit.cards: cards and line groups) as it reads: tags dropped, one line
    per paragraph or list item, entities resolved."""
    out = []
    for e in at.get("html"):
        body = re.sub(r"</(p|li|div)>", "\n", e.proto.body)
        out += [html.unescape(line).strip() for line in re.sub(r"<[^>]+>", "", body).split("\n") if line.strip()]
    return out


@dataclass(frozen=True)
class Figure:
    label: str
    value: str
    help: str


_CARD = re.compile(
    r'<p class="skam-card-label">(.*?) <span class="skam-help" title="(.*?)".*?<p class="skam-card-value">(.*?)</p>'
)


def metrics(at: AppTest) -> list[Figure]:
    """Every headline figure shown: the st.metric elements, then the cards of kit.cards (one HTML element per
    row), each with its label, value and help text as they read."""
    found = [Figure(m.label, m.value, m.help) for m in at.metric]
    for e in at.get("html"):
        for label, tip, value in _CARD.findall(e.proto.body):
            found.append(Figure(html.unescape(label), html.unescape(value), html.unescape(tip)))
    return found


def cards(at: AppTest) -> dict[str, str]:
    """The headline figures as label -> value."""
    return {m.label: m.value for m in metrics(at)}


def rendered(markdown: str) -> str:
    """Markdown as it reads once rendered, as far as the text escape goes (ui.kit.text.md): without the
    backslashes before punctuation and the invisible joiners that break autolinks."""
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", markdown.replace("\u2060", ""))


def assert_clean(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]


def server_table(at, key: str) -> tuple[list[str], list[list[str]]]:
    """The header and the rows' text (as a reader sees them: soft hyphens removed) of a table drawn on the
    server (ui.kit.pickable.sortable_table) under ``key``."""
    import json
    import xml.etree.ElementTree as ET

    markup = next(json.loads(c.proto.json) for c in at.get("bidi_component") if c.proto.id.endswith(f"-{key}"))
    table = ET.fromstring(markup).find("table")
    heads = [th.find("button").text.replace("\u00ad", "") for th in table.iter("th")]
    rows = [["".join(td.itertext()).replace("\u00ad", "") for td in tr] for tr in table.find("tbody")]
    return heads, rows
