"""Who next on the portfolio and the open account's own prediction on the strategy and fit pages, in both
languages."""

import pytest

from skam_core.domain.asof import AsOf
from skam_core.storage.db import Store
from skam_core.views.candidates import candidates
from tests.app.conftest import assert_clean, metrics, run_app, texts
from tests.conftest import DEMO_TODAY

pytestmark = pytest.mark.usefixtures("app_env")


@pytest.mark.parametrize("lang", ["de", "en"])
def test_portfolio_shows_who_next_with_ranked_candidates_in_both_languages(lang):
    at = run_app("pages/portfolio.py", params={"lang": lang})
    assert_clean(at)
    who_next = "Wer als Nächstes?" if lang == "de" else "Who next?"
    assert who_next not in [s.value for s in at.subheader]  # a tab below the fold, built when opened
    at.session_state["portfolio_tab"] = who_next  # what clicking the tab reports
    at.run()
    assert_clean(at)
    assert who_next in [s.value for s in at.subheader]
    body = texts(at)
    assert ("Vorhersageintervall" if lang == "de" else "prediction interval") in body
    slope = "Zuwachs je Fit-Punkt" if lang == "de" else "Uplift per fit point"
    assert slope in [m.label for m in metrics(at)]
    titles = [c.proto.spec for c in at.get("plotly_chart")]
    assert any(("Vorhergesagter Zuwachs" if lang == "de" else "Predicted uplift") in s for s in titles)


@pytest.mark.parametrize(("page", "lang"), [("strategy", "de"), ("strategy", "en"), ("fit", "de"), ("fit", "en")])
def test_candidate_account_shows_its_own_prediction(app_env, page, lang):
    s = Store(app_env)
    model = candidates(s, AsOf.now(DEMO_TODAY))
    s.close()
    top = model.candidates.iloc[0]
    at = run_app(f"pages/{page}.py", params={"lang": lang, "account": top["customer_id"]})
    assert_clean(at)
    assert ("Vorhersage für dieses Konto" if lang == "de" else "Prediction for this account") in [
        x.value for x in at.subheader
    ]
    label = "Zuwachs (95 %)" if lang == "de" else "Uplift (95 %)"
    assert label in [m.label for m in metrics(at)]


def test_account_in_implementation_shows_no_prediction(app_env):
    s = Store(app_env)
    model = candidates(s, AsOf.now(DEMO_TODAY))
    s.close()
    measured = model.accounts.iloc[0]["customer_id"]
    at = run_app("pages/strategy.py", params={"lang": "en", "account": measured})
    assert_clean(at)
    assert "Prediction for this account" not in [x.value for x in at.subheader]


def test_the_chairs_overview_names_the_top_candidates_from_the_same_model(app_env):
    at = run_app("pages/steering.py", params={"lang": "en"})
    assert_clean(at)
    assert "Who next?" in [s.value for s in at.subheader]
    s = Store(app_env)
    model = candidates(s, AsOf.now(DEMO_TODAY))
    s.close()
    table = next(d.value for d in at.dataframe if "Customer" in d.value.columns)
    assert list(table["Customer"]) == list(model.candidates["name"].head(5))  # the portfolio's ranking, top five
