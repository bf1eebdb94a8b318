"""The board pack: one page with everything the meeting needs (figures, verdict, changes, KPI lights,
escalations, decisions, action items, two charts side by side), then an appendix; the PowerPoint says the same."""

from __future__ import annotations

import io

import pandas as pd
from pptx import Presentation
from pypdf import PdfReader

from skam_core.io import images
from skam_core.io.report import Figure, Grid
from skam_core.io.report_pdf import render_pdf
from skam_core.io.report_pptx import render_pptx
from skam_core.ui.steering.board import board_report, recent_decisions
from skam_core.ui.steering.changes import verdict_line
from skam_core.ui.steering.pack import headline
from tests.conftest import AM_BECKER, key_account_of
from tests.integration.test_steering_exports import FakeCtx, _pack


def _blank_png(monkeypatch):
    """A plain image of the asked size per chart (each a different shade: identical images are stored once)."""
    from PIL import Image

    shades = iter(range(250, 0, -10))

    def png(fig, *, width, height, scale):
        buf = io.BytesIO()
        Image.new("RGB", (width // 10, height // 10), (next(shades),) * 3).save(buf, format="PNG")
        return buf.getvalue()

    monkeypatch.setattr(images, "figure_png", png)


def test_page_one_holds_the_figures_the_verdict_the_changes_and_two_charts_side_by_side(demo_store, monkeypatch):
    _blank_png(monkeypatch)  # layout, not rendering: Chromium is tested elsewhere
    cid = key_account_of(demo_store, AM_BECKER.user_id, "implementation")
    ctx = FakeCtx("en", account=cid)
    pack = _pack(demo_store, cid)
    report = board_report(ctx, pack, "As of · snapshot: http://skam.example/steering")
    board = report.sections[0]
    grids = [b for b in board.blocks if isinstance(b, Grid)]
    assert [len(g.columns) for g in grids][-1] == 2
    assert all(isinstance(c[0], Figure) for c in grids[-1].columns)  # the two charts next to each other
    pdf = PdfReader(io.BytesIO(render_pdf(report)))
    first = " ".join(pdf.pages[0].extract_text().split())
    assert first.count(report.title) == 1  # the title once
    for _, value, _, _ in headline(ctx, pack):
        assert value in first
    assert " ".join(verdict_line(ctx, pack).split())[:40] in first
    assert "Since the last meeting" in first and "KPI lights" in first
    assert len(pdf.pages[0].images) == 2
    assert "Appendix" in pdf.pages[1].extract_text()
    prs = Presentation(io.BytesIO(render_pptx(report)))
    deck = " ".join(sh.text_frame.text for s in prs.slides for sh in s.shapes if sh.has_text_frame)
    assert verdict_line(ctx, pack) in deck


def test_a_decision_appears_once_on_the_board_page(demo_store):
    cid = key_account_of(demo_store, AM_BECKER.user_id, "implementation")
    pack = _pack(demo_store, cid)
    pack.decisions = pd.concat([pack.decisions.head(1), pack.decisions], ignore_index=True)  # one twice
    recent = recent_decisions(pack)
    assert not recent.duplicated(subset=["decided_on", "text"]).any()


def test_the_verdict_puts_the_margin_gap_in_eur_a_year_next_to_the_pp(demo_store):
    cid = key_account_of(demo_store, AM_BECKER.user_id, "implementation")
    pack = _pack(demo_store, cid)
    assert pack.margin_gap_eur is not None
    assert abs(pack.margin_gap_eur - pack.margin_gap * pack.revenue_12m) < 1e-6
    line = verdict_line(FakeCtx("de"), pack)
    assert " Pp. " in line and "€" in line and "pro Jahr" in line


def test_documents_print_data_and_links_as_typed_without_markdown_escapes(demo_store, monkeypatch):
    """The page escapes data for markdown; a PDF prints text as it is — "http\\://" or "Rollout\\_2027" in the
    minutes would be a defect."""
    from skam_core.services.steering import NewEscalation, raise_escalation

    _blank_png(monkeypatch)
    cid = key_account_of(demo_store, AM_BECKER.user_id, "implementation")
    title = "Rollout_2027 *Phase 2* [neu]"
    raise_escalation(demo_store, AM_BECKER, cid, NewEscalation(title, "Vertrieb", "Budget_freigeben", None))
    ctx = FakeCtx("de", account=cid)
    url = "http://skam.example:8501/steering?account=K1&as_of=2026-11-27"
    report = board_report(ctx, _pack(demo_store, cid), f"Snapshot: {url}")
    pdf = PdfReader(io.BytesIO(render_pdf(report)))
    text = " ".join(" ".join(page.extract_text().split()) for page in pdf.pages)
    assert "Rollout_2027 *Phase 2* [neu]" in text, text[:2000]
    assert url in text and "\\" not in text
