"""The board pack's files are made on the click, not when the pack is shown (issue 15: building them behind every
view slowed every page), and both buttons share one build."""

from __future__ import annotations

import io
from concurrent.futures import Future
from types import SimpleNamespace

import pytest

from skam_core.domain.asof import AsOf
from skam_core.ui import cache
from skam_core.ui.steering import board_files as bf
from tests.conftest import DEMO_TODAY


class _Inline:
    """The build pool, run at once in the caller's thread: a build shows in ``builds`` as soon as it starts."""

    def submit(self, fn, *args):
        done: Future = Future()
        done.set_result(fn(*args))
        return done


class _Column:
    """Stands in for a Streamlit column: keeps what each download button would hand over on its click."""

    def __init__(self, clicks: dict):
        self.clicks = clicks

    def download_button(self, label, data, **kwargs):
        self.clicks[kwargs["file_name"].rsplit(".", 1)[1]] = data


@pytest.fixture
def drawn(monkeypatch, tmp_path):
    builds: list[str] = []

    def build(ctx, pack, footer):
        builds.append(pack.customer["customer_id"])
        return f"pdf {len(builds)}".encode(), f"pptx {len(builds)}".encode()

    clicks: dict = {}
    monkeypatch.setattr(bf, "_build", build)
    monkeypatch.setattr(bf.runtime, "exists", lambda: True)
    monkeypatch.setattr(bf, "chromium_path", lambda: "/usr/bin/chromium")
    monkeypatch.setattr(bf.st, "columns", lambda spec: [_Column(clicks) for _ in spec])
    monkeypatch.setattr(bf, "_FILES", type(bf._FILES)())
    monkeypatch.setattr(bf, "_POOL", _Inline())
    ctx = SimpleNamespace(
        t=lambda key, **kw: key, lang="en", store=SimpleNamespace(path=tmp_path / "x.duckdb"), asof=AsOf.now(DEMO_TODAY)
    )
    pack = SimpleNamespace(customer={"customer_id": "K1"})
    return ctx, pack, builds, clicks


def test_showing_the_pack_builds_no_board_files(drawn):
    ctx, pack, builds, clicks = drawn
    bf.board_buttons(ctx, pack, "footer", "stem")
    bf.board_buttons(ctx, pack, "footer", "stem")  # a rerun of the page
    assert builds == []
    assert set(clicks) == {"pdf", "pptx"}


def test_a_click_builds_both_files_once(drawn):
    ctx, pack, builds, clicks = drawn
    bf.board_buttons(ctx, pack, "footer", "stem")
    assert clicks["pdf"]() == b"pdf 1"
    assert clicks["pptx"]() == b"pptx 1"  # the other button takes the same build
    assert builds == ["K1"]


def test_a_pack_drawn_before_a_write_is_not_served_after_it(drawn):
    ctx, pack, builds, clicks = drawn
    bf.board_buttons(ctx, pack, "footer", "stem")
    old_click = clicks["pdf"]
    assert old_click() == b"pdf 1"
    cache.bump_data_version()  # a write: the pack drawn next holds the new data
    bf.board_buttons(ctx, pack, "footer", "stem")
    assert clicks["pdf"]() == b"pdf 2"
    assert builds == ["K1", "K1"]


def test_when_chromium_cannot_draw_the_charts_the_pack_is_made_without_them_and_says_so(monkeypatch):
    import plotly.graph_objects as go
    from pypdf import PdfReader

    from skam_core.io import images
    from skam_core.io.report import Figure, Grid, Report, Section, Text

    def broken(*args, **kwargs):
        raise RuntimeError("choreographer: browser closed")

    report = Report(
        "Vorlage Vogt",
        "Stand 15.12.2026",
        "footer",
        [
            Section(
                "",
                [Text("Seit der letzten Sitzung"), Grid([[Figure(go.Figure(), "KPI-Ampeln")], [Figure(go.Figure())]])],
            )
        ],
        "de",
    )
    monkeypatch.setattr(images, "figure_png", broken)
    monkeypatch.setattr(bf, "board_report", lambda ctx, pack, footer: report)
    monkeypatch.setattr(bf, "with_size_rank", lambda pack, rank: pack)
    monkeypatch.setattr(bf.steering_view, "size_rank", lambda *args: 7)
    ctx = SimpleNamespace(store=None, asof=None, t_plain=lambda key, **kw: "Diagramm nicht verfügbar", lang="de")
    pdf, pptx = bf._build(ctx, SimpleNamespace(customer={"customer_id": "K1"}), "footer")
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())
    assert "Seit der letzten Sitzung" in text and "KPI-Ampeln: Diagramm nicht verfügbar" in text
    assert pptx[:2] == b"PK"  # the PowerPoint is made too
