"""Text from data shows as typed: the markdown escape (ui.kit.text), the Plotly guard (charts.inert and
axes.plain), and plural forms in messages."""

from __future__ import annotations

import re

import plotly.graph_objects as go
import pytest

from skam_core.charts.axes import plain, short, wrap
from skam_core.charts.inert import inert
from skam_core.i18n import translate
from skam_core.ui.kit.text import Markdown, md, md_all

LINK = "[Session expired](https://attacker.example/login)"


@pytest.mark.parametrize(
    "payload",
    [LINK, "![x](https://a.example/p.png)", ":red[RED]", "**bold**", "$x^2$", "<b>x</b>", "# Heading", "`code`"],
)
def test_markdown_syntax_in_data_is_escaped(payload):
    out = md(payload)
    # every syntax character is preceded by a backslash: nothing of it reaches the markdown parser unescaped
    assert not re.search(r"(?<!\\)[\[\]()!*:$<>#`]", out.replace("\\\\", "")), out


@pytest.mark.parametrize("payload", ["https://attacker.example/a", "www.attacker.example", "x@attacker.example"])
def test_autolinks_in_data_are_broken_invisibly(payload):
    out = md(payload)
    # GitHub's autolink literal runs after escapes are resolved: the pattern itself must be interrupted
    assert "://" not in out and "www." not in out.lower() and not re.search(r"\w@", out)
    assert out.replace("\u2060", "").replace("\\", "") == payload


def test_formatted_numbers_and_dates_pass_unchanged():
    for s in ("1.234,5 €", "12,1 %", "27.11.2026", "−3,2 Pp.", "Nov. 2025 – Okt. 2026"):
        assert md(s) == s


def test_messages_are_not_escaped_twice():
    inner = Markdown("**bold** message")
    assert md(inner) is inner
    assert md_all({"a": inner, "b": "*x*", "n": 3}) == {"a": inner, "b": "\\*x\\*", "n": 3}
    assert md(None) == ""


def test_chart_text_from_data_cannot_open_a_tag():
    assert plain('<a href="https://x.example">x</a>') == '&lt;a href="https://x.example"&gt;x&lt;/a&gt;'
    assert "<a" not in wrap('<a href="https://x.example">click here now</a>', 10)
    assert "<img" not in short("<img src=https://x.example/p.png>", 12)


def test_inert_figure_keeps_the_builders_tags_and_neutralises_the_rest():
    fig = go.Figure(
        go.Scatter(x=[1], y=[2], hovertext=['<a href="https://x.example">x</a><br><b>ok</b>'], name="<img src=x>")
    )
    fig.update_layout(title={"text": "<span style='color:red'>T</span><br><i>i</i>"})
    out = inert(fig)
    assert out.data[0].hovertext[0] == '&lt;a href="https://x.example">x&lt;/a><br><b>ok</b>'
    assert out.data[0].name == "&lt;img src=x>"
    assert out.layout.title.text == "&lt;span style='color:red'>T&lt;/span><br><i>i</i>"
    assert list(out.data[0].y) == [2]


@pytest.mark.parametrize(
    ("lang", "n", "expected"),
    [
        ("de", 1, "1 Wert gespeichert"),
        ("de", 2, "2 Werte gespeichert"),
        ("en", 1, "1 value saved"),
        ("en", 0, "0 values saved"),
    ],
)
def test_plural_forms_follow_the_languages_rule(lang, n, expected):
    assert translate("kpis.receipt.head", lang, n=n, who="A", when="B").startswith(expected)
