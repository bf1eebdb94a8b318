"""A small document model for exports: the same content becomes a PDF (reportlab) and a PPTX (python-pptx).

A page builds a Report from what it shows (figures already formatted per language), so the export contains the
figures on screen, with the as-of date and the snapshot link printed on every page/slide.
"""

from __future__ import annotations

from dataclasses import dataclass, field

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
    style: str = "body"  # body | note | warning


@dataclass(frozen=True)
class Table:
    frame: pd.DataFrame  # already formatted for display (strings), headers translated
    title: str = ""


@dataclass(frozen=True)
class Figure:
    figure: go.Figure
    title: str = ""


Block = Metrics | Text | Table | Figure


@dataclass
class Section:
    title: str
    blocks: list[Block] = field(default_factory=list)


@dataclass
class Report:
    title: str
    subtitle: str  # e.g. "Stand: 12.03.2026"
    footer: str  # printed on every page/slide: as-of date and the snapshot link
    sections: list[Section] = field(default_factory=list)
    lang: str = "de"
