"""A row of headline cards, and blocks of short lines, each drawn as one element of escaped HTML.

A page's first screen is mostly such cards and lines. As Streamlit elements, each card was a metric, a caption
and a column, each line group a column and a markdown element: some 25 elements on the steering pack's first
screen, each a React subtree with its own styles that the browser builds on every load, about 5 ms each on the
bench's machine (docs/performance.md). One element of HTML holds the same text. Every text in it is data or a
message and goes through ``html.escape``: nothing in it becomes markup, a link or an image (st.html also runs
DOMPurify and no scripts). The styles are the fixed stylesheet of kit.screen."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

import streamlit as st

from skam_core.ui.kit.text import plain


@dataclass(frozen=True)
class Card:
    label: str
    value: str
    help: str  # how the figure is computed: the "?" beside the label shows it on hover and reads it out
    note: str | None = None  # a line under the card
    delta: str | None = None  # a change under the value: green with ▲ when it starts with "+", red with ▼ with "-"


@dataclass(frozen=True)
class Lines:
    title: str
    lines: Sequence[str]
    note: str | None = None  # in grey after the lines (what to say when there are none)
    intro: str | None = None  # in grey between the title and the lines (what they are)


def card(label: str, value: str, *, help: str, caption: str | None = None, delta: str | None = None) -> Card:
    """A card from the page's messages (``ctx.t``: markdown whose parameters are escaped) and figures, as the
    plain text it reads as: the arguments of kit.widgets.metric."""
    return Card(plain(label), plain(value), plain(help), plain(caption) if caption else None, delta)


def _delta(delta: str | None) -> str:
    if not delta:
        return ""
    # The formatter writes a sign before every change ("+2,8 Pp.", "-1,0 Pp."; a minus sign in some locales).
    down = delta.lstrip()[:1] in ("-", "\u2212")
    return (
        f'<p class="skam-card-delta skam-delta-{"down" if down else "up"}">{"▼" if down else "▲"} {escape(delta)}</p>'
    )


def cards_html(cards: Sequence[Card]) -> str:
    items = []
    for c in cards:
        tip = escape(c.help)
        note = f'<p class="skam-card-note">{escape(c.note)}</p>' if c.note else ""
        items.append(
            '<div class="skam-card"><div class="skam-card-box">'
            f'<p class="skam-card-label">{escape(c.label)}'
            f' <span class="skam-help" title="{tip}" aria-label="{tip}" role="img">?</span></p>'
            f'<p class="skam-card-value">{escape(c.value)}</p>{_delta(c.delta)}</div>{note}</div>'
        )
    return f'<div class="skam-cards">{"".join(items)}</div>'


def lines_html(groups: Sequence[Lines]) -> str:
    blocks = []
    for g in groups:
        lines = "".join(f"<li>{escape(line)}</li>" for line in g.lines)
        note = f'<p class="skam-lines-note">{escape(g.note)}</p>' if g.note else ""
        intro = f'<p class="skam-lines-intro">{escape(g.intro)}</p>' if g.intro else ""
        blocks.append(
            f'<div class="skam-lines"><p class="skam-lines-title">{escape(g.title)}</p>{intro}'
            f"{f'<ul>{lines}</ul>' if lines else ''}{note}</div>"
        )
    return f'<div class="skam-line-groups">{"".join(blocks)}</div>'


def split_html(left: str, right: str) -> str:
    """Two blocks of HTML side by side (left wider), one under the other on a narrow screen: one element where
    st.columns would be five (a row, two columns, their contents), each a message the browser renders."""
    return f'<div class="skam-split"><div>{left}</div><div>{right}</div></div>'


# Findings as Streamlit's alert boxes would show them (error, warning, success), one element for all of them.
_NOTICE_SIGN = {"problem": "✕", "warning": "⚠", "ok": "✓"}


def notices_html(items: Sequence[tuple[str, str]]) -> str:
    """(level, text) per finding, level one of problem, warning, ok."""
    boxes = "".join(
        f'<p class="skam-notice skam-notice-{escape(level)}"><span aria-hidden="true">{_NOTICE_SIGN[level]}</span>'
        f"<span>{escape(text)}</span></p>"
        for level, text in items
    )
    return f'<div class="skam-notices">{boxes}</div>'


def notices(items: Sequence[tuple[str, str]]) -> None:
    """Findings as coloured boxes in one element; ``text`` as from ``ctx.t`` (shown as the text it reads as)."""
    if items:
        st.html(notices_html([(level, plain(text)) for level, text in items]))


def card_row(cards: Sequence[Card]) -> None:
    """The cards side by side (as many per row as fit, at least 9rem each), their notes under them."""
    st.html(cards_html(cards))


def line_groups(groups: Sequence[Lines]) -> None:
    """Groups of lines side by side (as many per row as fit, at least 15rem each)."""
    st.html(lines_html(groups))
