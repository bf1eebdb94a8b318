"""Report -> PPTX (16:9) with python-pptx: a title slide, then slides per section; every slide carries the
as-of date and the snapshot link in its footer."""

from __future__ import annotations

import io

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.util import Emu, Inches, Pt

from skam_core.io.report import Figure, Grid, Metrics, Report, Table, Text

DARK = RGBColor(0x1F, 0x29, 0x33)
GREY = RGBColor(0x61, 0x6E, 0x7C)
BLUE = RGBColor(0x1F, 0x5F, 0x99)
ROWS_PER_SLIDE = 12


def _text(slide, left, top, width, height, text, size=14, bold=False, color=DARK):
    box = slide.shapes.add_textbox(left, top, width, height)
    tf = box.text_frame
    tf.word_wrap = True
    lines = str(text).split("\n")
    for i, line in enumerate(lines):
        p = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
        p.text = line
        for r in p.runs:
            r.font.size = Pt(size)
            r.font.bold = bold
            r.font.color.rgb = color
    return box


class _Deck:
    def __init__(self, report: Report):
        self.report = report
        self.prs = Presentation()
        self.prs.slide_width, self.prs.slide_height = Inches(13.333), Inches(7.5)
        self.blank = self.prs.slide_layouts[6]
        width, height = self.prs.slide_width, self.prs.slide_height
        assert width is not None and height is not None  # both set just above
        self.W, self.H = width, height
        self.margin = Inches(0.5)

    def slide(self, title: str):
        s = self.prs.slides.add_slide(self.blank)
        _text(s, self.margin, Inches(0.3), self.W - 2 * self.margin, Inches(0.8), title, size=26, bold=True)
        _text(
            s,
            self.margin,
            self.H - Inches(0.45),
            self.W - 2 * self.margin,
            Inches(0.35),
            self.report.footer,
            size=9,
            color=GREY,
        )
        return s

    @property
    def body_top(self):
        return Inches(1.2)

    @property
    def body_width(self):
        return self.W - 2 * self.margin


def _metrics(deck: _Deck, slide, block: Metrics, top) -> Emu:
    n = max(1, min(5, len(block.items)))
    w = deck.body_width / n
    for i, m in enumerate(block.items):
        left = deck.margin + (i % n) * w
        row_top = top + (i // n) * Inches(1.3)
        _text(slide, left, row_top, w - Inches(0.1), Inches(0.35), m.label, size=12, color=GREY)
        _text(slide, left, row_top + Inches(0.35), w - Inches(0.1), Inches(0.6), m.value, size=28, bold=True)
        if m.note:
            _text(slide, left, row_top + Inches(0.95), w - Inches(0.1), Inches(0.3), m.note, size=10, color=GREY)
    return top + Inches(1.3) * ((len(block.items) + n - 1) // n)


def _table(deck: _Deck, title: str, block: Table) -> None:
    df = block.frame
    for start in range(0, max(1, len(df)), ROWS_PER_SLIDE):
        part = df.iloc[start : start + ROWS_PER_SLIDE]
        suffix = f" ({start // ROWS_PER_SLIDE + 1})" if len(df) > ROWS_PER_SLIDE else ""
        s = deck.slide((block.title or title) + suffix)
        rows, cols = len(part) + 1, len(df.columns)
        shape = s.shapes.add_table(rows, cols, deck.margin, deck.body_top, deck.body_width, Inches(0.4) * rows)
        table = shape.table
        for j, col in enumerate(df.columns):
            cell = table.cell(0, j)
            cell.text = str(col)
            cell.fill.solid()
            cell.fill.fore_color.rgb = BLUE
            for p in cell.text_frame.paragraphs:
                for r in p.runs:
                    r.font.size, r.font.bold, r.font.color.rgb = Pt(11), True, RGBColor(255, 255, 255)
        for i, row in enumerate(part.itertuples(index=False), start=1):
            for j, v in enumerate(row):
                cell = table.cell(i, j)
                cell.text = "" if v is None else str(v)
                for p in cell.text_frame.paragraphs:
                    for r in p.runs:
                        r.font.size = Pt(10)


def _small_table(slide, block: Table, left, top, width) -> Emu:
    """A table inside a grid column, in small type; returns where the next block starts."""
    df = block.frame
    if block.title:
        _text(slide, left, top, width, Inches(0.3), block.title, size=12, bold=True)
        top += Inches(0.32)
    if df.empty:
        return top
    rows = min(len(df), ROWS_PER_SLIDE)
    row_h = Inches(0.26)
    shape = slide.shapes.add_table(rows + 1, len(df.columns), left, top, width, row_h * (rows + 1))
    shares = block.widths if len(block.widths) == len(df.columns) else (1.0,) * len(df.columns)
    for j, w in enumerate(shares):
        shape.table.columns[j].width = int(width * w / sum(shares))
    for j, col in enumerate(df.columns):
        cell = shape.table.cell(0, j)
        cell.text = str(col)
        cell.fill.solid()
        cell.fill.fore_color.rgb = BLUE
        for p in cell.text_frame.paragraphs:
            for r in p.runs:
                r.font.size, r.font.bold, r.font.color.rgb = Pt(9), True, RGBColor(255, 255, 255)
    for i, row in enumerate(df.head(rows).itertuples(index=False), start=1):
        for j, v in enumerate(row):
            cell = shape.table.cell(i, j)
            cell.text = "" if v is None else str(v)
            for p in cell.text_frame.paragraphs:
                for r in p.runs:
                    r.font.size = Pt(8)
        colour = block.colours[i - 1] if i - 1 < len(block.colours) else None
        if colour:  # the row's status colour on its first cell, as the bar in the PDF
            cell = shape.table.cell(i, 0)
            cell.fill.solid()
            cell.fill.fore_color.rgb = RGBColor.from_string(colour.lstrip("#").upper())
    return top + row_h * (rows + 1) + Inches(0.15)


def _grid(deck: _Deck, slide, grid: Grid, top) -> None:
    n = len(grid.columns)
    shares = grid.widths if len(grid.widths) == n else (1.0,) * n
    gap = Inches(0.3)
    left: int = deck.margin
    for col, share in zip(grid.columns, shares, strict=True):
        width = int((deck.body_width - gap * (n - 1)) * share / sum(shares))
        y = top
        for b in col:
            if isinstance(b, Text):
                size = {"note": 10, "strong": 13}.get(b.style, 11)
                lines = max(1, len(b.text) // 70 + b.text.count("\n") + 1)
                _text(slide, left, y, width, Inches(0.24) * lines, b.text, size=size, bold=b.style == "strong")
                y += Inches(0.24) * lines
            elif isinstance(b, Table):
                y = _small_table(slide, b, left, y, width)
            elif isinstance(b, Figure):
                pic = slide.shapes.add_picture(io.BytesIO(b.png()), left, y, width=width)
                y += pic.height
        left += width + gap


def render_pptx(report: Report) -> bytes:
    deck = _Deck(report)
    first = deck.prs.slides.add_slide(deck.blank)
    _text(first, deck.margin, Inches(2.4), deck.body_width, Inches(1.2), report.title, size=40, bold=True)
    _text(first, deck.margin, Inches(3.6), deck.body_width, Inches(0.8), report.subtitle, size=18, color=GREY)
    _text(first, deck.margin, deck.H - Inches(0.45), deck.body_width, Inches(0.35), report.footer, size=9, color=GREY)
    for section in report.sections:
        title = section.title or report.title
        texts = [b for b in section.blocks if isinstance(b, (Metrics, Text))]
        if texts:
            s = deck.slide(title)
            top = deck.body_top
            for b in texts:
                if isinstance(b, Metrics):
                    top = _metrics(deck, s, b, top)
                else:
                    size = {"note": 12, "strong": 18}.get(b.style, 16)
                    color = RGBColor(0xB4, 0x23, 0x18) if b.style == "warning" else DARK
                    lines = max(1, len(b.text) // 120 + b.text.count("\n") + 1)
                    bold = b.style == "strong"
                    _text(s, deck.margin, top, deck.body_width, Inches(0.35) * lines, b.text, size, bold, color)
                    top += Inches(0.4) * lines
        for blk in section.blocks:
            if isinstance(blk, Grid):
                _grid(deck, deck.slide(title), blk, deck.body_top)
            elif isinstance(blk, Figure):
                s = deck.slide(blk.title or title)
                s.shapes.add_picture(io.BytesIO(blk.png()), deck.margin, deck.body_top, width=deck.body_width)
            elif isinstance(blk, Table):
                _table(deck, title, blk)
    buf = io.BytesIO()
    deck.prs.save(buf)
    return buf.getvalue()
