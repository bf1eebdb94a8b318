"""A small document model for exports: the same content becomes a PDF (reportlab) and a PPTX (python-pptx).

A page builds a Report from what it shows (figures already formatted per language), so the export contains the
figures on screen, with the as-of date and the snapshot link printed on every page/slide.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import pandas as pd
import plotly.graph_objects as go


@dataclass(frozen=True)
class Metric:
    label: str
    value: str
    note: str = ""


@dataclass(frozen=True)
class Metrics:
    items: list[Metric]


@dataclass(frozen=True)
class Text:
    text: str
    style: str = "body"  # body | note | warning | strong


@dataclass(frozen=True)
class Table:
    frame: pd.DataFrame  # already formatted for display (strings), headers translated
    title: str = ""
    widths: tuple[float, ...] = ()  # relative column widths (default: equal)
    colours: tuple[str | None, ...] = ()  # per row: a status colour (hex) marking the row, or None


# Charts are rendered once per export at one size and placed in both formats (rendering dominates the time).
CHART_WIDTH, CHART_HEIGHT, CHART_SCALE = 1400, 600, 1.5


@dataclass(frozen=True)
class Figure:
    figure: go.Figure
    title: str = ""
    width: int = CHART_WIDTH  # rendering size in px: the aspect ratio it keeps on the page
    height: int = CHART_HEIGHT
    _png: list[bytes] = field(default_factory=list, repr=False, compare=False)

    def png(self) -> bytes:
        """The chart as PNG (width x height), rendered on first use and kept for the other format."""
        if not self._png:
            from skam_core.io.images import figure_png  # Chromium is started only when a chart is rendered

            self._png.append(figure_png(self.figure, width=self.width, height=self.height, scale=CHART_SCALE))
        return self._png[0]


@dataclass(frozen=True)
class Grid:
    """Blocks side by side: one list of blocks per column (e.g. two charts next to each other)."""

    columns: list[list[Metrics | Text | Table | Figure]]
    widths: tuple[float, ...] = ()  # relative column widths (default: equal)


Block = Metrics | Text | Table | Figure | Grid


@dataclass
class Section:
    title: str  # empty: no heading (the report's title already says it)
    blocks: list[Block] = field(default_factory=list)
    new_page: bool = False  # start on a new page (e.g. the appendix after a one-page summary)
    compact: bool = False  # small type, to fit a one-page summary


@dataclass
class Report:
    title: str
    subtitle: str  # e.g. "Stand: 12.03.2026"
    footer: str  # printed on every page/slide: as-of date and the snapshot link
    sections: list[Section] = field(default_factory=list)
    lang: str = "de"


def figures(report: Report) -> list[Figure]:
    """Every chart of the report, also those inside grids."""
    found: list[Figure] = []
    for section in report.sections:
        for block in section.blocks:
            inner = [b for column in block.columns for b in column] if isinstance(block, Grid) else [block]
            found += [b for b in inner if isinstance(b, Figure)]
    return found


def without_charts(report: Report, note: str) -> Report:
    """The report with each chart replaced by a line saying so (``note``, after the chart's title): the file a
    meeting needs is still made when Chromium cannot draw its charts."""

    def leaf(block: Metrics | Text | Table | Figure) -> Metrics | Text | Table | Figure:
        if isinstance(block, Figure):
            return Text(f"{block.title}: {note}" if block.title else note, "warning")
        return block

    def swap(block: Block) -> Block:
        if isinstance(block, Grid):
            return replace(block, columns=[[leaf(b) for b in column] for column in block.columns])
        return leaf(block)

    sections = [replace(s, blocks=[swap(b) for b in s.blocks]) for s in report.sections]
    return replace(report, sections=sections)
