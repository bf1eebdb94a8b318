"""Report -> PDF (A4 landscape) with reportlab: a footer with the as-of date and the snapshot link on every page."""

from __future__ import annotations

import io
from pathlib import Path
from xml.sax.saxutils import escape

import reportlab
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    Image,
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    TableStyle,
)
from reportlab.platypus import Table as RLTable

from skam_core.io.report import CHART_HEIGHT, CHART_WIDTH, Figure, Metrics, Report, Table, Text

_FONT, _BOLD = "Helvetica", "Helvetica-Bold"


def _fonts() -> tuple[str, str]:
    """Bitstream Vera ships with reportlab and covers more characters (€, –, ×) than the built-in Helvetica."""
    global _FONT, _BOLD
    base = Path(reportlab.__file__).parent / "fonts"
    try:
        if "SkamVera" not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont("SkamVera", str(base / "Vera.ttf")))
            pdfmetrics.registerFont(TTFont("SkamVera-Bold", str(base / "VeraBd.ttf")))
        _FONT, _BOLD = "SkamVera", "SkamVera-Bold"
    except Exception:  # fonts missing in an unusual reportlab build: the built-ins still work
        pass
    return _FONT, _BOLD


def _styles() -> dict[str, ParagraphStyle]:
    font, bold = _fonts()
    dark = colors.HexColor("#1F2933")
    return {
        "title": ParagraphStyle("title", fontName=bold, fontSize=22, leading=26, textColor=dark, spaceAfter=4),
        "subtitle": ParagraphStyle(
            "subtitle", fontName=font, fontSize=11, leading=14, textColor=colors.grey, spaceAfter=10
        ),
        "h2": ParagraphStyle("h2", fontName=bold, fontSize=15, leading=19, textColor=dark, spaceBefore=8, spaceAfter=6),
        "body": ParagraphStyle("body", fontName=font, fontSize=10, leading=13, textColor=dark, spaceAfter=4),
        "note": ParagraphStyle("note", fontName=font, fontSize=8.5, leading=11, textColor=colors.grey),
        "warning": ParagraphStyle(
            "warning", fontName=bold, fontSize=10, leading=13, textColor=colors.HexColor("#B42318")
        ),
        "cell": ParagraphStyle("cell", fontName=font, fontSize=8.5, leading=10.5, textColor=dark),
        "head": ParagraphStyle("head", fontName=bold, fontSize=8.5, leading=10.5, textColor=colors.white),
        "metric_label": ParagraphStyle("ml", fontName=font, fontSize=8.5, leading=10.5, textColor=colors.grey),
        "metric_value": ParagraphStyle("mv", fontName=bold, fontSize=17, leading=21, textColor=dark),
    }


def _p(text: object, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(str(text)).replace("\n", "<br/>"), style)


def _metrics(block: Metrics, st: dict, width: float) -> RLTable:
    cells = [
        [_p(m.label, st["metric_label"]), _p(m.value, st["metric_value"]), _p(m.note, st["note"])] for m in block.items
    ]
    per_row = min(5, max(1, len(cells)))
    rows = [cells[i : i + per_row] for i in range(0, len(cells), per_row)]
    data = [[c for c in row] + [""] * (per_row - len(row)) for row in rows]
    table = RLTable(
        [[RLTable([[x] for x in c], colWidths=[width / per_row - 8]) if c else "" for c in r] for r in data],
        colWidths=[width / per_row] * per_row,
    )
    table.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 0.25, colors.HexColor("#D9DEE5")),
                ("INNERGRID", (0, 0), (-1, -1), 0.25, colors.HexColor("#D9DEE5")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return table


def _table(block: Table, st: dict, width: float) -> list:
    df = block.frame
    out: list = []
    if block.title:
        out.append(_p(block.title, st["body"]))
    if df.empty:
        return out
    data = [[_p(c, st["head"]) for c in df.columns]]
    data += [[_p("" if v is None else v, st["cell"]) for v in row] for row in df.itertuples(index=False)]
    col_w = width / len(df.columns)
    t = RLTable(data, colWidths=[col_w] * len(df.columns), repeatRows=1)
    t.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#1F5F99")),
                ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#F3F5F8")]),
                ("GRID", (0, 0), (-1, -1), 0.25, colors.HexColor("#D9DEE5")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    out.append(t)
    return out


def render_pdf(report: Report) -> bytes:
    st = _styles()
    buf = io.BytesIO()
    page = landscape(A4)
    margin = 14 * mm
    doc = SimpleDocTemplate(
        buf,
        pagesize=page,
        leftMargin=margin,
        rightMargin=margin,
        topMargin=margin,
        bottomMargin=margin + 6 * mm,
        title=report.title,
        author="SKAM dashboard",
    )
    width = page[0] - 2 * margin
    story: list = [_p(report.title, st["title"]), _p(report.subtitle, st["subtitle"])]
    for i, section in enumerate(report.sections):
        if i and any(isinstance(b, Figure) for b in section.blocks):
            story.append(PageBreak())
        story.append(_p(section.title, st["h2"]))
        for block in section.blocks:
            if isinstance(block, Metrics):
                story += [_metrics(block, st, width), Spacer(1, 6)]
            elif isinstance(block, Text):
                story.append(_p(block.text, st.get(block.style, st["body"])))
            elif isinstance(block, Table):
                story += [*_table(block, st, width), Spacer(1, 8)]
            elif isinstance(block, Figure):
                img = Image(io.BytesIO(block.png()), width=width, height=width * CHART_HEIGHT / CHART_WIDTH)
                parts = ([_p(block.title, st["body"])] if block.title else []) + [img, Spacer(1, 6)]
                story.append(KeepTogether(parts))

    def footer(canvas, _doc) -> None:
        canvas.saveState()
        canvas.setFont(_FONT, 7.5)
        canvas.setFillColor(colors.grey)
        canvas.drawString(margin, 8 * mm, report.footer[:220])
        canvas.drawRightString(page[0] - margin, 8 * mm, str(canvas.getPageNumber()))
        canvas.restoreState()

    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return buf.getvalue()
