"""Shared chart helpers: log-axis ticks, shortened and wrapped labels, the legend below the plot, the
language's percent notation and one translator."""

import pandas as pd
import plotly.graph_objects as go
import pytest

from skam_core.charts import strategy as strategy_charts
from skam_core.charts.axes import log_ticks, short, wrap, wrap_hyphen
from skam_core.charts.theme import (
    GREY,
    STATUS_COLORS,
    TRAFFIC,
    apply_layout,
    pct_suffix,
    pct_ticks,
    pp_ticks,
    tint,
    translator,
)
from skam_core.i18n import translate


@pytest.mark.parametrize(
    "values",
    [[3e5, 2e6, 5e6], [1.2e4, 9.9e4], [7.0, 7.0], [0.0, 450.0, 1.1e6], [2.5e5, 3.1e5, 4.0e5]],
)
def test_log_ticks_cover_the_values(values):
    s = pd.Series(values)
    lo, hi = s[s > 0].min(), s.max()
    for pad, min_ticks in ((1.5, 0), (1.3, 4)):
        ticks = log_ticks(s, pad=pad, min_ticks=min_ticks)
        assert ticks and ticks == sorted(ticks) and len(set(ticks)) == len(ticks)
        assert all(lo / pad <= v <= hi * pad for v in ticks)  # nothing beyond the padded range
    # 1-2-5: every such number in the padded range is a tick (none left out between the values)
    everything = [m * 10.0**e for e in range(-3, 10) for m in (1, 2, 5)]
    assert log_ticks(s) == [v for v in everything if lo / 1.5 <= v <= hi * 1.5]


def test_log_ticks_default_is_1_2_5_and_min_ticks_refines():
    s = pd.Series([3e5, 2e6, 5e6])
    assert log_ticks(s) == [2e5, 5e5, 1e6, 2e6, 5e6]
    narrow = pd.Series([2.5e5, 3.1e5, 4.0e5])
    assert log_ticks(narrow, pad=1.3) == [2e5, 5e5]  # 1-2-5 alone: too few
    assert log_ticks(narrow, pad=1.3, min_ticks=4) == [2e5, 3e5, 5e5]  # finer steps, still within the pad
    assert log_ticks(pd.Series([1.0e5, 1.9e5]), pad=1.3, min_ticks=4) == [1e5, 1.5e5, 2e5]
    assert log_ticks(pd.Series([0.0, 3e5, 5e6])) == log_ticks(pd.Series([3e5, 5e6]))  # zero and below: ignored


def test_short_truncates_with_an_ellipsis():
    assert short("Kurz", 10) == "Kurz"
    assert short("x" * 10, 10) == "x" * 10  # exactly the width: untouched
    out = short("Maier Lebensmitteltechnik GmbH", 12)
    assert out == "Maier Leben…" and len(out) == 12
    assert len(short("a" * 100)) == 34  # the default width
    assert strategy_charts.short is short  # the old import path keeps working


def test_wrap_and_wrap_hyphen():
    assert wrap(None) == "" and wrap("") == ""
    assert wrap("eins zwei drei", 9) == "eins zwei<br>drei"
    assert wrap_hyphen("Lebenszykluskostenberatung", 10) == "Lebenszyk-<br>luskosten-<br>beratung"
    for line in wrap_hyphen("Lebenszykluskostenberatung und mehr", 10).split("<br>"):
        assert len(line) <= 10


def test_legend_below_places_the_legend_under_the_plot():
    fig = apply_layout(go.Figure(), title="T", lang="de", legend_title="Stufe", legend_below=-0.25)
    legend = fig.layout.legend
    assert (legend.orientation, legend.y, legend.yanchor, legend.x, legend.xanchor) == ("h", -0.25, "top", 0, "left")
    assert legend.title.text == "Stufe"
    top = apply_layout(go.Figure(), title="T", lang="de").layout.legend
    assert (top.y, top.yanchor, top.x, top.xanchor) == (1.0, "bottom", 1.0, "right")  # the default: above, right


def test_percent_notation_follows_the_language():
    assert pct_suffix("de") == " %" and pct_suffix("en") == "%"
    assert pct_ticks("de") == {"ticksuffix": " %"} and pct_ticks("en") == {"ticksuffix": "%"}
    assert pp_ticks("de") == {"ticksuffix": " Pp."} and pp_ticks("en") == {"ticksuffix": " pp"}


def test_translator_and_palette():
    for lang in ("de", "en"):
        t = translator(lang)
        assert t("fit.chart.flagged") == translate("fit.chart.flagged", lang)
    assert TRAFFIC["grey"] == GREY == STATUS_COLORS["open"]
    assert STATUS_COLORS["delayed"] == TRAFFIC["red"]
    assert tint("#D64545", 0.25) == "rgba(214, 69, 69, 0.25)"


def test_a_long_chart_title_takes_two_lines_and_the_plot_moves_down_for_it():
    import plotly.graph_objects as go

    from skam_core.charts.theme import TITLE_LINE, apply_layout

    long = "Vorhergesagter Zuwachs je Kandidat (95-%-Vorhersageintervall)"
    assert len(long) > TITLE_LINE
    fig = apply_layout(go.Figure(), title=long, lang="de")
    first, second = fig.layout.title.text.split("<br>")
    assert f"{first} {second}" == long and fig.layout.margin.t > 60
    short = apply_layout(go.Figure(), title="Ampel je KPI", lang="de")
    assert short.layout.title.text == "Ampel je KPI" and short.layout.margin.t == 60
