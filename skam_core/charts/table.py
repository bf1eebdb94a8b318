"""A read-only table as HTML that the page's script sorts by a click on a header and whose rows open what they
stand for (ui.kit.pickable): the portfolio's key accounts, which a grid component (st.dataframe) made the
slowest part of the portfolio's full load (docs/performance.md, December 2026 (4)).

Every cell carries its text as shown (formatted in the page's language) and the value it sorts by; empty values
sort last either way. Headers wrap, so that full column names fit; a table wider than the page scrolls
sideways inside its box. All text is escaped (charts.svg.esc)."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import pandas as pd

from skam_core.charts.svg import esc, num, soft_hyphens


@dataclass(frozen=True)
class Column:
    label: str
    help: str = ""  # shown on hovering the header
    numeric: bool = False  # right-aligned, sorted as numbers
    wrap: bool = False  # long text (titles, comments): wraps within the cell instead of widening the table


@dataclass(frozen=True)
class Cell:
    text: str
    sort: float | str | None = None  # None or NaN: no value, sorted last
    bar: float | None = None  # 0..1: a bar before the text (the fit score's share of 100)


@dataclass(frozen=True)
class Row:
    cells: Sequence[Cell]
    pick: str | None = None  # what a click on the row reports (an account's id)
    label: str = ""  # the row for a screen reader ("open Vogt Anlagenbau")


def day_cell(v: object, text: Callable[[object], str]) -> Cell:
    """A date written by ``text`` (the page's format), sorted by its ISO form; a dash, sorted last, for none."""
    if v is None or pd.isna(v):
        return Cell("–")
    return Cell(text(v), pd.Timestamp(v).date().isoformat())


def _sort_attr(v: float | str | None) -> str:
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return ""
    return f' data-v="{esc(repr(float(v)) if not isinstance(v, str) else v)}"'


def _cell(c: Cell, col: Column) -> str:
    cls = ' class="skam-num"' if col.numeric else ' class="skam-wrap"' if col.wrap else ""
    bar = ""
    if c.bar is not None and not math.isnan(c.bar):
        share = max(0.0, min(1.0, c.bar))
        bar = f'<span class="skam-cell-bar"><span style="width:{num(100 * share)}%"></span></span>'
    # Long words in wrapping cells break at syllables with a hyphen, not at any letter (soft hyphens).
    text = soft_hyphens(c.text) if col.wrap else c.text
    return f"<td{cls}{_sort_attr(c.sort)}>{bar}{esc(text)}</td>"


def _header(c: Column) -> str:
    cls = ' class="skam-num"' if c.numeric else ""
    title = f' title="{esc(c.help)}"' if c.help else ""
    return (
        f'<th scope="col"{cls} data-num="{int(c.numeric)}"{title}>'
        f'<button type="button" class="skam-sort-btn">{esc(soft_hyphens(c.label))}</button></th>'
    )


def table_html(columns: Sequence[Column], rows: Sequence[Row], *, caption: str, lang: str) -> str:
    """The table; ``caption`` names it for screen readers and says how to sort and open a row; ``lang`` orders
    text when sorting ("Ä" with "A" in German)."""
    if any(len(r.cells) != len(columns) for r in rows):
        raise ValueError("every row needs one cell per column")
    head = "".join(_header(c) for c in columns)
    body = []
    for r in rows:
        pick = f' data-id="{esc(r.pick)}" tabindex="0" aria-label="{esc(r.label)}"' if r.pick else ""
        body.append(f"<tr{pick}>{''.join(_cell(c, col) for c, col in zip(r.cells, columns, strict=True))}</tr>")
    return (
        f'<div class="skam-table-scroll"><table class="skam-sort" lang="{esc(lang)}">'
        f'<caption class="skam-sr">{esc(caption)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table></div>"
    )
