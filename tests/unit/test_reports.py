"""Exports: the same report as PDF and PPTX, opened again with pypdf / python-pptx; charts need Chromium."""

import io

import pandas as pd
import plotly.graph_objects as go

from skam_core.io.report import Figure, Metric, Metrics, Report, Section, Table, Text
from tests.conftest import require_chromium


def _report(with_figure: bool) -> Report:
    blocks = [
        Metrics([Metric("Umsatzrendite SKAM", "13,9 %", "7 Kunden"), Metric("SKAM ÷ übrige", "2,4×")]),
        Text("Offene Eskalation: Halbleiter-Engpass – Entscheidung bis 15.12.2026"),
        Table(
            pd.DataFrame({"Meilenstein": ["Prototyp ausgeliefert", "Feldtest"], "Status": ["erledigt", "verzögert"]}),
            "Meilensteine",
        ),
    ]
    if with_figure:
        blocks.append(Figure(go.Figure(go.Bar(x=["a", "b"], y=[1, 2])), "Umsatz je Monat"))
    return Report(
        "Lenkungsausschuss Müller GmbH",
        "Stand: 12.03.2026",
        "Stand 12.03.2026 · http://127.0.0.1:8501/steering?account=K1&as_of=2026-03-12",
        [Section("Überblick", blocks)],
    )


def test_pdf_contains_the_figures_and_the_snapshot_link_without_charts():
    from pypdf import PdfReader

    from skam_core.io.report_pdf import render_pdf

    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(render_pdf(_report(False)))).pages)
    for needle in ("Lenkungsausschuss Müller GmbH", "13,9 %", "2,4×", "verzögert", "as_of=2026-03-12"):
        assert needle in text, needle


def test_pptx_contains_the_figures_and_the_footer_on_every_slide():
    from pptx import Presentation

    from skam_core.io.report_pptx import render_pptx

    prs = Presentation(io.BytesIO(render_pptx(_report(False))))
    slides = [[sh.text_frame.text for sh in s.shapes if sh.has_text_frame] for s in prs.slides]
    assert all(any("as_of=2026-03-12" in t for t in texts) for texts in slides)
    everything = "\n".join("\n".join(t) for t in slides)
    assert "13,9 %" in everything and "Lenkungsausschuss Müller GmbH" in everything
    cells = [c.text for s in prs.slides for sh in s.shapes if sh.has_table for r in sh.table.rows for c in r.cells]
    assert "verzögert" in cells


def test_charts_are_rendered_as_images_into_both_formats():
    require_chromium()
    from pptx import Presentation
    from pypdf import PdfReader

    from skam_core.io.report_pdf import render_pdf
    from skam_core.io.report_pptx import render_pptx

    pdf = PdfReader(io.BytesIO(render_pdf(_report(True))))
    assert sum(len(p.images) for p in pdf.pages) >= 1
    prs = Presentation(io.BytesIO(render_pptx(_report(True))))
    assert any(sh.shape_type == 13 for s in prs.slides for sh in s.shapes)  # 13 = picture


def test_each_chart_is_rendered_once_for_both_formats(monkeypatch):
    # Rendering through Chromium dominates an export: the PDF and the PPTX of one click share the image.
    from PIL import Image

    from skam_core.io import images
    from skam_core.io.report_pdf import render_pdf
    from skam_core.io.report_pptx import render_pptx

    buf = io.BytesIO()
    Image.new("RGB", (28, 12), "white").save(buf, format="PNG")
    calls = []
    monkeypatch.setattr(images, "figure_png", lambda fig, **kw: calls.append(kw) or buf.getvalue())
    report = _report(with_figure=True)
    assert render_pdf(report).startswith(b"%PDF") and render_pptx(report)[:2] == b"PK"
    assert len(calls) == 1
