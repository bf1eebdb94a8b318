"""Small pieces for charts drawn on the server as SVG or HTML (the first screens of the portfolio and the fit
page): scales, escaped text and the one place where a data string is made safe.

A Plotly chart on a first screen costs a full load about as much as the whole rest of the page (the script,
its parsing and drawing in the browser; docs/performance.md, December 2026). The few charts that must be seen
without a click are therefore drawn here as markup that the browser shows at once. Every text from data or
messages goes through ``esc``: nothing in it becomes a tag, a link or an image."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from html import escape


def esc(text: object) -> str:
    """Text as SVG/HTML text or attribute value: ``<``, ``>``, ``&`` and both quotes as entities."""
    return escape("" if text is None else str(text), quote=True)


def cut(text: object, width: int) -> str:
    """The text (unescaped) cut to at most ``width`` characters, an ellipsis marking the cut."""
    s = "" if text is None else str(text)
    return s if len(s) <= width else s[: width - 1] + "…"


_VOWELS = frozenset("aeiouäöüyAEIOUÄÖÜY")
SHY = "\u00ad"  # a soft hyphen: a place to break, shown as "-" only where the line breaks


def soft_hyphens(text: object, min_len: int = 10) -> str:
    """The text (unescaped) with soft hyphens in its long words, for narrow headers: Chromium on Linux has no
    hyphenation dictionaries, and a column header broken at any letter reads as two words ("Systemintegra tion").
    A rough rule, not a dictionary: before a consonant between vowels ("Zerti-fi-zie-rungen") and between
    doubled consonants ("Energieef-fizienz"), at least three letters either side."""
    s = "" if text is None else str(text)
    out = []
    for word in re.split(r"(\W+)", s):
        if len(word) < min_len or not word.isalpha():
            out.append(word)
            continue
        chars = []
        for i, ch in enumerate(word):
            chars.append(ch)
            if 2 <= i <= len(word) - 4:
                a, b, c = word[i], word[i + 1], word[i + 2]
                between_vowels = a in _VOWELS and b not in _VOWELS and c in _VOWELS
                doubled = a == b and a not in _VOWELS and c in _VOWELS
                if between_vowels or doubled:
                    chars.append(SHY)
        out.append("".join(chars))
    return "".join(out)


def num(x: float) -> str:
    """A coordinate: two decimals at most, so that the markup stays small."""
    return f"{x:.2f}".rstrip("0").rstrip(".")


@dataclass(frozen=True)
class Linear:
    lo: float
    hi: float
    start: float  # pixel of lo
    end: float  # pixel of hi

    def __call__(self, v: float) -> float:
        return self.start + (v - self.lo) / (self.hi - self.lo) * (self.end - self.start)


@dataclass(frozen=True)
class Log:
    lo: float
    hi: float
    start: float
    end: float

    def __call__(self, v: float) -> float:
        a, b = math.log10(self.lo), math.log10(self.hi)
        return self.start + (math.log10(v) - a) / (b - a) * (self.end - self.start)


def text(x: float, y: float, body: str, *, cls: str, anchor: str = "middle", extra: str = "") -> str:
    """An SVG text element; ``body`` is plain text (escaped here)."""
    return f'<text x="{num(x)}" y="{num(y)}" text-anchor="{anchor}" class="{cls}"{extra}>{esc(body)}</text>'


def tip(lines: Iterable[str]) -> str:
    """A tooltip's lines as one attribute value (shown as text, one line each). The line breaks are written as
    character references: a literal one inside an attribute is a space to an XML parser."""
    return esc("\n".join(lines)).replace("\n", "&#10;")
