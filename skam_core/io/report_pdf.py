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

from skam_core.io.report import Figure, Grid, Metrics, Report, Table, Text

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


def _styles(compact: bool = False) -> dict[str, ParagraphStyle]:
    """The paragraph styles; ``compact``: smaller type for a one-page summary."""
    font, bold = _fonts()
    dark = colors.HexColor("#1F2933")
    if compact:
        return {
            "title": ParagraphStyle("title", fontName=bold, fontSize=15, leading=18, textColor=dark),
            "subtitle": ParagraphStyle("subtitle", fontName=font, fontSize=8.5, leading=11, textColor=colors.grey),
            "h2": ParagraphStyle("h2", fontName=bold, fontSize=9.5, leading=12, textColor=dark, spaceBefore=3),
            "body": ParagraphStyle("body", fontName=font, fontSize=7.5, leading=9.2, textColor=dark, spaceAfter=1),
            "strong": ParagraphStyle("strong", fontName=bold, fontSize=8.5, leading=11, textColor=dark, spaceAfter=2),
            "note": ParagraphStyle("note", fontName=font, fontSize=6.8, leading=8.4, textColor=colors.grey),
            "warning": ParagraphStyle("warning", fontName=bold, fontSize=7.5, leading=9.2, textColor=colors.red),
            "cell": ParagraphStyle("cell", fontName=font, fontSize=6.8, leading=8.2, textColor=dark),
            "head": ParagraphStyle("head", fontName=bold, fontSize=6.8, leading=8.2, textColor=colors.white),
            "metric_label": ParagraphStyle("ml", fontName=font, fontSize=7, leading=8.6, textColor=colors.grey),
            "metric_value": ParagraphStyle("mv", fontName=bold, fontSize=13, leading=16, textColor=dark),
        }
    return {
        "title": ParagraphStyle("title", fontName=bold, fontSize=22, leading=26, textColor=dark, spaceAfter=4),
        "subtitle": ParagraphStyle(
            "subtitle", fontName=font, fontSize=11, leading=14, textColor=colors.grey, spaceAfter=10
        ),
        "h2": ParagraphStyle("h2", fontName=bold, fontSize=15, leading=19, textColor=dark, spaceBefore=8, spaceAfter=6),
        "body": ParagraphStyle("body", fontName=font, fontSize=10, leading=13, textColor=dark, spaceAfter=4),
        "strong": ParagraphStyle("strong", fontName=bold, fontSize=11, leading=14, textColor=dark, spaceAfter=4),
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
        out.append(_p(block.title, st["h2"] if "h2" in st else st["body"]))
    if df.empty:
        return out
    data = [[_p(c, st["head"]) for c in df.columns]]
    data += [[_p("" if v is None else v, st["cell"]) for v in row] for row in df.itertuples(index=False)]
    shares = block.widths if len(block.widths) == len(df.columns) else (1.0,) * len(df.columns)
    col_w = [width * w / sum(shares) for w in shares]
    t = RLTable(data, colWidths=col_w, repeatRows=1)
    style = [
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#1F5F99")),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#F3F5F8")]),
        ("GRID", (0, 0), (-1, -1), 0.25, colors.HexColor("#D9DEE5")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
    ]
    # A status colour marks its row with a bar at the left edge (the same palette as on screen).
    for i, colour in enumerate(block.colours[: len(df)], start=1):
        if colour:
            style.append(("LINEBEFORE", (0, i), (0, i), 4, colors.HexColor(colour)))
    t.setStyle(TableStyle(style))
    out.append(t)
    return out


def _flowables(blocks: list, st: dict[str, ParagraphStyle], width: float, *, in_cell: bool = False) -> list:
    """The blocks as flowables ``width`` wide; ``in_cell``: inside a grid cell (where KeepTogether cannot split)."""
    story: list = []
    for block in blocks:
        if isinstance(block, Metrics):
            story += [_metrics(block, st, width), Spacer(1, 4)]
        elif isinstance(block, Text):
            story.append(_p(block.text, st.get(block.style, st["body"])))
        elif isinstance(block, Table):
            story += [*_table(block, st, width), Spacer(1, 4)]
        elif isinstance(block, Figure):
            img = Image(io.BytesIO(block.png()), width=width, height=width * block.height / block.width)
            parts = ([_p(block.title, st["body"])] if block.title else []) + [img, Spacer(1, 4)]
            story += parts if in_cell else [KeepTogether(parts)]
        elif isinstance(block, Grid):
            story += [_grid(block, st, width), Spacer(1, 4)]
    return story


def _grid(block: Grid, st: dict[str, ParagraphStyle], width: float) -> RLTable:
    n = len(block.columns)
    shares = block.widths if len(block.widths) == n else (1.0,) * n
    gap = 10
    widths = [(width - gap * (n - 1)) * w / sum(shares) for w in shares]
    cells = [_flowables(col, st, w, in_cell=True) for col, w in zip(block.columns, widths, strict=True)]
    col_widths = []
    for i, w in enumerate(widths):
        col_widths.append(w + (gap if i < n - 1 else 0))
    table = RLTable([cells], colWidths=col_widths)
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-2, -1), gap),
                ("RIGHTPADDING", (-1, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table


def render_pdf(report: Report) -> bytes:
    buf = io.BytesIO()
    page = landscape(A4)
    margin = 12 * mm
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
    first = report.sections[0] if report.sections else None
    head = _styles(compact=bool(first and first.compact))
    story: list = [_p(report.title, head["title"]), _p(report.subtitle, head["subtitle"])]
    for i, section in enumerate(report.sections):
        st = _styles(section.compact)
        if i and section.new_page:
            story.append(PageBreak())
        if section.title:
            story.append(_p(section.title, st["h2"]))
        story += _flowables(section.blocks, st, width)

    def footer(canvas, _doc) -> None:
        canvas.saveState()
        canvas.setFont(_FONT, 7.5)
        canvas.setFillColor(colors.grey)
        canvas.drawString(margin, 8 * mm, report.footer[:220])
        canvas.drawRightString(page[0] - margin, 8 * mm, str(canvas.getPageNumber()))
        canvas.restoreState()

    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return buf.getvalue()
