"""Text is text: the one helper through which every user- or link-supplied string reaches Streamlit's
markdown (st.markdown, st.caption, st.info, titles, labels, tabs, expanders, toasts, metric labels).

Streamlit renders GitHub-flavoured markdown plus its own directives (``:red[...]``, ``:material/icon:``,
emoji shortcodes) and LaTeX (``$...$``) in all of those. A customer called
``[Sign in](https://attacker.example)`` or a feedback ``![x](https://attacker.example/p.png)`` would show a live
link or make every viewer's browser fetch a foreign image. ``md(value)`` backslash-escapes every character
that starts markdown syntax, a directive or LaTeX, and breaks bare-URL and e-mail autolinks, so that the value
reads exactly as typed. Messages (the catalogs) are trusted markdown; their parameters are data, so
``PageContext.t`` passes every string parameter through ``md``.
"""

from __future__ import annotations

import re

# CommonMark lets a backslash escape any ASCII punctuation; these start emphasis, code, links and images,
# HTML, headings, block quotes, tables, strikethrough, directives and shortcodes (":") and LaTeX ("$").
# "." "," "-" "+" "%" "/" stay as they are, so formatted numbers and dates pass unchanged.
_SYNTAX = re.compile(r"([\\`*_\[\]<>()!$:~|#{}&])")
# GitHub's autolink literals ("https://host", "www.host", "name@host") are found in the text after escapes
# are resolved, so a backslash does not stop them: an invisible word joiner inside the pattern does.
_JOINER = "\u2060"
_AUTOLINK = re.compile(r"(?i)(://|www\.|@)")


def _break_autolink(m: re.Match[str]) -> str:
    s = m.group(1)
    return s[0] + _JOINER + s[1:] if s != "@" else _JOINER + s


class Markdown(str):
    """Markdown from a trusted message whose parameters were escaped (``PageContext.t``): passed on unchanged
    when it becomes a parameter of another message, so nothing is escaped twice."""


def md(value: object) -> str:
    """``value`` as markdown that renders as the literal text (None: empty)."""
    if value is None:
        return ""
    if isinstance(value, Markdown):
        return value
    return _SYNTAX.sub(r"\\\1", _AUTOLINK.sub(_break_autolink, str(value)))


_ESCAPED = re.compile(r"\\([\\`*_\[\]<>()!$:~|#{}&])")


def plain(markdown: str) -> str:
    """A message from ``PageContext.t`` as the text it renders to: ``md``'s escapes undone (for a place that
    shows text, not markdown: kit.cards escapes it as HTML)."""
    return _ESCAPED.sub(r"\1", markdown.replace(_JOINER, ""))


def md_all(values: dict[str, object]) -> dict[str, object]:
    """Message parameters for markdown: strings escaped, numbers and the rest as they are."""
    return {k: md(v) if isinstance(v, str) else v for k, v in values.items()}
