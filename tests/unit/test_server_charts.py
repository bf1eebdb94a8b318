"""The first screens' charts and the key-account table, drawn on the server (charts.svg, bubbles, bars,
fit_grid, table): well-formed markup in both languages, data text only ever as text, and the rules the Plotly
figures and the grid they replace had (unscored cells blank, the current account marked, bubble area by the
square root of revenue, empty values sorted last)."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import numpy as np
import pandas as pd
import pytest

from skam_core.charts.bars import breakdown_bars_html, stage_bars_html
from skam_core.charts.bubbles import CHAR_PX, LEFT, R_MAX, R_MIN, RIGHT, bubble_radius, fit_size_svg
from skam_core.charts.fit_grid import fit_grid_html
from skam_core.charts.svg import cut, esc, num, soft_hyphens
from skam_core.charts.table import Cell, Column, Row, table_html
from skam_core.charts.theme import INK
from skam_core.i18n import translate

EVIL = "<a href='https://x.example'>Klick</a> & \"Söhne\" <img src=x onerror=alert(1)>"


def _accounts(n: int = 3, **over) -> pd.DataFrame:
    rng = np.random.default_rng(7)
    df = pd.DataFrame(
        {
            "customer_id": [f"K{i:06d}" for i in range(n)],
            "name": [f"Kunde {i}" for i in range(n)],
            "skam_stage": (["implementation", "fit", "strategy", "none", "plan", "value"] * n)[:n],
            "revenue": rng.uniform(1e5, 5e7, n),
            "fit_score": rng.uniform(0, 100, n),
            "margin": rng.uniform(-0.05, 0.2, n),
        }
    )
    return df.assign(**over)


def _tree(markup: str) -> ET.Element:
    return ET.fromstring(markup)  # raises on anything not well-formed


def _bubbles(root: ET.Element) -> list[ET.Element]:
    return [g for g in root.iter("g") if g.get("class") == "skam-bubble"]


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_bubble_matrix_has_one_bubble_per_account_with_fit_and_revenue(lang):
    df = _accounts(6)
    df.loc[1, "fit_score"] = np.nan  # no fit yet: not placed
    df.loc[2, "revenue"] = 0.0  # no revenue: no place on a log axis
    root = _tree(fit_size_svg(df, lang))
    ids = [g.get("data-id") for g in _bubbles(root)]
    assert sorted(ids) == sorted(df["customer_id"].drop([1, 2]))
    title = "Strategischer Fit gegen Kundengröße" if lang == "de" else "Strategic fit against customer size"
    assert root.get("aria-label") == title
    texts = [t.text for t in root.iter("text")]
    assert {title, translate("chart.fit_axis", lang), translate("chart.revenue_axis", lang)} <= set(texts)


def test_the_bubble_matrix_is_empty_when_nothing_can_be_placed():
    assert fit_size_svg(_accounts(3, fit_score=np.nan), "de") == ""
    assert fit_size_svg(_accounts(0), "en") == ""


def test_a_name_from_data_stays_text_in_the_bubble_matrix():
    df = _accounts(2)
    df.loc[0, "name"] = EVIL
    df.loc[0, "customer_id"] = "K\"1'<x>"
    markup = fit_size_svg(df, "de")
    root = _tree(markup)
    assert not [e for e in root.iter() if e.tag in {"a", "img", "script", "foreignObject"}]
    g = next(g for g in _bubbles(root) if g.get("aria-label") == EVIL)
    assert g.get("data-id") == "K\"1'<x>"  # the attribute round-trips exactly
    assert g.get("data-tip").split("\n")[0] == EVIL
    assert g.find("text").text == cut(EVIL, 22)  # the label is cut, the tooltip carries the whole name


def test_the_current_account_is_ringed_and_no_other():
    df = _accounts(4)
    root = _tree(fit_size_svg(df, "en", current="K000002"))
    rings = {g.get("data-id"): g.find("circle").get("stroke") for g in _bubbles(root)}
    assert rings.pop("K000002") == INK
    assert set(rings.values()) == {"white"}


def test_the_tooltip_gives_stage_fit_revenue_and_margin_in_the_pages_language():
    df = _accounts(
        1, name="Vogt Anlagenbau", skam_stage="implementation", revenue=2_400_000.0, fit_score=72.0, margin=0.123
    )
    tip = _bubbles(_tree(fit_size_svg(df, "de")))[0].get("data-tip").split("\n")
    assert tip[0] == "Vogt Anlagenbau"
    assert any("2,4\xa0Mio.\xa0€" in x for x in tip), tip  # Babel's German format, unbroken
    assert any("12,3" in x and "%" in x for x in tip), tip
    assert any(x.endswith("72") for x in tip), tip


def test_bubble_area_grows_with_the_square_root_of_revenue():
    assert bubble_radius(1e6, 1e6) == R_MAX
    # 16 times the revenue: twice the radius (four times the area).
    assert bubble_radius(1e6, 16e6) == pytest.approx(R_MAX / 2)
    assert bubble_radius(1.0, 1e9) == R_MIN  # the smallest stay visible
    assert bubble_radius(float("nan"), 1e6) == R_MIN


def test_the_stage_legend_wraps_within_the_plot_width():
    df = _accounts(6)  # all six stages
    root = _tree(fit_size_svg(df, "de"))
    keys = [t for t in root.iter("text") if t.get("class") == "skam-svg-tick" and t.get("text-anchor") == "start"]
    assert len(keys) == 6
    for k in keys:
        assert float(k.get("x")) + CHAR_PX * len(k.text) <= RIGHT + 1, k.text
    assert float(keys[0].get("x")) >= LEFT


def test_the_svg_grows_to_hold_a_second_legend_row():
    one = _tree(fit_size_svg(_accounts(1), "de"))
    six = _tree(fit_size_svg(_accounts(6), "de"))
    keys = [k for k in six.iter("text") if k.get("text-anchor") == "start" and k.get("class") == "skam-svg-tick"]
    rows_six = len({k.get("y") for k in keys})
    h = lambda r: float(r.get("viewBox").split()[3])  # noqa: E731
    assert rows_six >= 2 and h(six) == h(one) + 20 * (rows_six - 1)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_stage_bars_give_each_stage_its_count_and_a_width_by_share(lang):
    counts = pd.Series({"strategy": 4, "fit": 2, "implementation": 8})
    root = _tree(stage_bars_html(counts, lang))
    rows = [d for d in root.iter("div") if d.get("class") == "skam-bar-row"]
    assert len(rows) == 3
    values = [next(s for s in r if s.get("class") == "skam-bar-value").text for r in rows]
    assert values == ["4", "2", "8"]
    widths = [s.get("style").split(";")[0] for s in root.iter("span") if s.get("class") == "skam-bar-seg"]
    assert widths == ["width:50%", "width:25%", "width:100%"]


def test_a_stage_with_no_account_has_an_empty_track_not_a_sliver():
    root = _tree(stage_bars_html(pd.Series({"strategy": 0, "fit": 3}), "de"))
    segs = [s for s in root.iter("span") if s.get("class") == "skam-bar-seg"]
    assert len(segs) == 1


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_breakdown_shows_reached_and_possible_points(lang):
    bd = pd.DataFrame({"priority": ["Energie", EVIL], "points": [30.0, 0.0], "max_points": [60.0, 40.0]})
    markup = breakdown_bars_html(bd, lang)
    root = _tree(markup)
    assert not [e for e in root.iter() if e.tag in {"a", "img", "script"}]
    labels = [s.text for s in root.iter("span") if s.get("class") == "skam-bar-label"]
    assert labels == ["Energie", EVIL]
    values = [s.text for s in root.iter("span") if s.get("class") == "skam-bar-value"]
    assert values == ["30 / 60", "0 / 40"]
    keys = [s for s in root.iter("span") if s.get("class") == "skam-key"]
    assert len(keys) == 2  # reached, possible


def _grid(lang: str = "de") -> ET.Element:
    matrix = pd.DataFrame([[3.0, np.nan], [0.0, 1.0]], index=["p1", "p2"], columns=["c1", "c2"])
    notes = pd.DataFrame(
        [["weil <b>wir</b>", None], [None, None]], index=matrix.index, columns=matrix.columns, dtype=object
    )
    return _tree(
        fit_grid_html(
            matrix,
            notes,
            {"p1": "Energie", "p2": EVIL},
            {"p1": 0.75, "p2": 0.25},
            {"c1": "Antriebe", "c2": "IoT"},
            lang,
        )
    )


def test_an_unscored_cell_stays_blank_not_zero():
    cells = list(_grid().iter("td"))
    assert [c.text for c in cells] == ["3", None, "0", "1"]
    assert cells[1].get("class") == "skam-fit-none" and "nicht bewertet" in cells[1].get("title")


def test_a_fit_cell_names_its_pair_its_score_and_its_note():
    title = next(iter(_grid().iter("td"))).get("title").split("\n")
    assert title == ["Energie", "× Antriebe", "Bewertung: 3 stark", "weil <b>wir</b>"]


def test_the_fit_grid_shows_priority_shares_and_keeps_names_as_text():
    root = _grid("en")
    assert not [e for e in root.iter() if e.tag in {"a", "img", "script"}]
    heads = [th for th in root.iter("th") if th.get("scope") == "row"]
    assert heads[0].text.strip() == "Energie" and heads[0].find("span").text == "(75%)"
    assert heads[1].text.strip() == EVIL


def test_markup_helpers_escape_and_round():
    assert esc(None) == "" and esc("<&\"'>") == "&lt;&amp;&quot;&#x27;&gt;"
    assert cut("abcdef", 4) == "abc…" and cut("abc", 4) == "abc" and cut(None, 3) == ""
    assert num(1.0) == "1" and num(1.256) == "1.26" and num(-0.5) == "-0.5"


def _table(rows, lang="de"):
    cols = [Column("Konto"), Column("Fit", "0–100", numeric=True)]
    return _tree(table_html(cols, rows, caption="Key Accounts", lang=lang))


def test_a_table_cell_carries_its_text_and_the_value_it_sorts_by():
    root = _table([Row([Cell(EVIL, EVIL), Cell("86,7", 86.66, bar=0.8666)], pick="K1", label="öffnen")])
    assert not [e for e in root.iter() if e.tag in {"a", "img", "script"}]
    name, fit = root.find("table").find("tbody").find("tr")
    assert name.text == EVIL and name.get("data-v") == EVIL
    assert float(fit.get("data-v")) == 86.66 and fit.get("class") == "skam-num"
    assert fit.find("span").find("span").get("style") == "width:86.66%"
    th = list(root.find("table").find("thead").find("tr"))
    assert th[1].get("data-num") == "1" and th[1].get("title") == "0–100" and th[0].get("data-num") == "0"
    assert root.find("table").get("lang") == "de"


def test_a_missing_value_has_no_sort_key_and_a_row_without_pick_opens_nothing():
    root = _table([Row([Cell("A", "A"), Cell("–", float("nan"))]), Row([Cell("B", "B"), Cell("–", None)])])
    rows = list(root.find("table").find("tbody"))
    assert all(r[1].get("data-v") is None for r in rows)
    assert all(r.get("data-id") is None and r.get("tabindex") is None for r in rows)


def test_a_row_with_the_wrong_number_of_cells_is_refused():
    with pytest.raises(ValueError, match="one cell per column"):
        _table([Row([Cell("A", "A")])])


def test_long_header_words_get_soft_hyphens_between_syllables_and_keep_their_letters():
    shy = "\u00ad"
    out = soft_hyphens("Kundenspezifische Antriebslösungen & IoT")
    assert out.replace(shy, "") == "Kundenspezifische Antriebslösungen & IoT"
    assert out.split(" ")[0].split(shy) == ["Kundenspe", "zi", "fische"]
    assert soft_hyphens("Energieeffizienz").split(shy) == ["Energieef", "fi", "zienz"]
    assert soft_hyphens("Kurz und gut") == "Kurz und gut" and soft_hyphens(None) == ""
    assert shy not in soft_hyphens("K000700-Lebenszyklus1")  # ids and words with digits stay whole


def test_a_date_cell_shows_the_pages_format_sorts_by_iso_and_is_a_dash_when_missing():
    from datetime import date

    from skam_core.charts.table import day_cell

    def german(v):
        return pd.Timestamp(v).strftime("%d.%m.%Y")

    assert day_cell(date(2026, 2, 1), german) == Cell("01.02.2026", "2026-02-01")
    assert day_cell(pd.Timestamp("2025-12-31 14:00"), german).sort == "2025-12-31"
    assert day_cell(None, german) == Cell("–") and day_cell(pd.NaT, german) == Cell("–")
