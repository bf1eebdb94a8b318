"""The profit page: renders in both languages, with an as-of date, and on a store without SKAM accounts."""

from datetime import timedelta

import pytest

from skam_core.domain.asof import AsOf
from skam_core.i18n.formats import pct, ratio
from skam_core.storage.db import Store
from skam_core.views.profit import profit as load_profit_view
from tests.app.conftest import assert_clean, cards, metrics, run_app, texts
from tests.conftest import DEMO_TODAY

pytestmark = pytest.mark.usefixtures("app_env")


@pytest.mark.parametrize("lang", ["de", "en"])
def test_profit_page_shows_the_same_numbers_as_the_cli_in_both_languages(app_env, lang):
    s = Store(app_env)
    expected = load_profit_view(s, AsOf.now(DEMO_TODAY))
    s.close()
    at = run_app("pages/profit.py", params={"lang": lang})
    assert_clean(at)
    assert at.title[0].value == ("Ergebnis-Effekt" if lang == "de" else "Profit effect")
    shown = cards(at)
    ratio_label = "SKAM ÷ übrige" if lang == "de" else "SKAM ÷ others"
    assert shown[ratio_label] == ratio(expected.ratio, lang)
    skam_label = "Umsatzrendite SKAM" if lang == "de" else "Margin, SKAM"
    assert shown[skam_label] == pct(expected.comparison.skam.relative_operating_profit, lang)
    effect_label = "SKAM-Effekt" if lang == "de" else "SKAM effect"
    assert shown[effect_label].endswith("Pp." if lang == "de" else "pp")
    months_label = "Verbesserung ab" if lang == "de" else "Improvement from"
    assert shown[months_label] == ("Monat " if lang == "de" else "month ") + str(expected.months_to_improvement)
    body = texts(at)
    assert ("Was die Zahlen bedeuten" if lang == "de" else "What the figures mean") in body
    assert not at.get("plotly_chart")  # the three charts wait in their box (issue 12), the accounts' below it
    at.session_state["profit_charts_box"] = True
    at.run()
    assert_clean(at)
    assert len(at.get("plotly_chart")) == 3
    assert all(m.help for m in metrics(at))
    verdict = "**Urteil:**" if lang == "de" else "**Verdict:**"
    assert verdict in body and ("pro Jahr" if lang == "de" else "per year") in body
    bootstrap = "neuziehungsverfahren" if lang == "de" else "wild cluster bootstrap"
    inference = "placebo" if expected.effect.inference == "placebo" else bootstrap
    assert inference in body.lower()
    at.session_state["profit_effects_box"] = True  # what opening it in the browser reports
    at.run()
    assert_clean(at)
    tables = [df.value for df in at.dataframe]
    low = "95 % von" if lang == "de" else "95 % from"
    (effects,) = [d for d in tables if low in getattr(d, "columns", [])]
    assert len(effects) == len(expected.account_effects)


def test_profit_page_with_as_of_uses_only_what_was_known_then(app_env):
    as_of = DEMO_TODAY - timedelta(days=200)
    s = Store(app_env)
    expected = load_profit_view(s, AsOf.at(as_of, DEMO_TODAY))
    s.close()
    at = run_app("pages/profit.py", params={"lang": "en", "as_of": as_of.isoformat()})
    assert_clean(at)
    shown = cards(at)
    assert shown["SKAM ÷ others"] == ratio(expected.ratio, "en")
    assert shown["Margin, others"] == pct(expected.comparison.others.relative_operating_profit, "en")
    assert expected.window.label()["end"] in {
        f"{(as_of.replace(day=1) - timedelta(days=d)):%Y-%m}" for d in (1, 32, 62)
    }


def test_profit_page_is_reachable_through_the_navigation():
    at = run_app(params={"lang": "en"})
    assert_clean(at)
    from skam_core.ui.kit.nav import spec

    assert spec("profit").url_path == "profit" and spec("profit").section == "overview"


def test_profit_page_without_skam_accounts_explains_what_to_do(app_env):
    s = Store(app_env)
    s.transaction(lambda cur: cur.execute("UPDATE customers SET skam_start = NULL"))
    s.close()
    at = run_app("pages/profit.py", params={"lang": "de"})
    assert_clean(at)
    body = texts(at)
    assert "Noch kein Kunde hat einen SKAM-Start" in body
    assert {m.label: m.value for m in metrics(at)}["SKAM-Effekt"] == "–"
    assert "Keine Schätzung: Es gibt keine SKAM-Konten" in body


def test_the_per_account_sections_are_built_only_once_opened(app_env):
    # Two charts and two account tables behind every view of the page, opened by few (issue 15).
    at = run_app("pages/profit.py", params={"lang": "en"})
    assert_clean(at)
    assert not at.dataframe
    boxes = [e.label for e in at.expander]
    assert "The SKAM accounts one by one" in boxes and "Measured uplift per account" in boxes
    at.session_state["profit_accounts_box"] = True
    at.run()
    assert_clean(at)
    assert len(at.get("plotly_chart")) == 2 and len(at.dataframe) == 1
