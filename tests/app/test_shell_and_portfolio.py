"""The shell and the portfolio page: render in both languages, deep links, bad values, roles."""

import json
import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest

from skam_core.charts.bubbles import fit_size_svg
from skam_core.demo import names as demo_names
from skam_core.domain.asof import AsOf
from skam_core.storage.db import Store
from skam_core.views import portfolio as portfolio_view
from tests.app.conftest import assert_clean, metrics, run_app, texts
from tests.conftest import DEMO_TODAY, key_account_of

pytestmark = pytest.mark.usefixtures("app_env")


@pytest.mark.parametrize("lang", ["de", "en"])
def test_portfolio_renders_headline_figures_in_both_languages(lang):
    at = run_app(params={"lang": lang})
    assert_clean(at)
    labels = [m.label for m in metrics(at)]
    assert ("Umsatzrendite SKAM" if lang == "de" else "Margin, SKAM") in labels
    ratio = next(m.value for m in metrics(at) if "÷" in m.label)
    assert ratio.endswith("×") and ratio != "–×"
    assert at.query_params.get("lang") == lang


def _account_table(at) -> ET.Element:
    """The key-account table the portfolio sent (a pickable component, like the bubble matrix)."""
    markup = next(json.loads(c.proto.json) for c in at.get("bidi_component") if "skam-sort" in c.proto.json)
    return ET.fromstring(markup)


def test_key_account_table_shows_a_dash_for_accounts_without_a_start_and_sorts_by_value():
    at = run_app(params={"lang": "en"})
    assert_clean(at)
    table = _account_table(at)
    # What a reader sees: long words carry soft hyphens (break points), which print nothing.
    heads = [th.find("button").text.replace("\u00ad", "") for th in table.iter("th")]
    assert heads[:3] == ["Account", "Customer ID", "Stage"] and "Milestones delayed" in heads
    col = heads.index("SKAM start")
    rows = list(table.find("table").find("tbody"))
    starts = [list(r)[col] for r in rows]
    assert any(c.text == "–" and c.get("data-v") is None for c in starts)  # no start: a dash, sorted last
    assert any(c.text != "–" and c.get("data-v") for c in starts)
    fit = heads.index("Fit")
    fits = [list(r)[fit] for r in rows]
    # Sorted by the score itself (a number), shown rounded.
    assert all(round(float(c.get("data-v"))) == int("".join(c.itertext())) for c in fits if c.get("data-v"))
    assert all(r.get("data-id", "").startswith("K") for r in rows)  # every row opens its account


def test_browser_locale_sets_the_default_language():
    at = run_app(locale="en-US")
    assert_clean(at)
    assert at.title[0].value == "Portfolio"
    assert "Margin, SKAM" in [m.label for m in metrics(at)]


def test_deep_link_selects_account_as_of_and_language(app_env):
    s = Store(app_env)
    cid = key_account_of(s, demo_names.USERS[3][0], "implementation")
    name = s.query("SELECT name FROM customers WHERE customer_id = ? AND valid_to IS NULL", [cid]).single_value()
    as_of = (DEMO_TODAY - timedelta(days=40)).isoformat()
    at = run_app(params={"account": cid, "as_of": as_of, "lang": "en"})
    assert_clean(at)
    assert at.sidebar.expander[0].label == f"Account: {name}"
    assert at.sidebar.date_input[0].value.isoformat() == as_of
    assert f"Selected account: {name}" in texts(at)
    assert at.query_params == {"account": cid, "as_of": as_of, "lang": "en"}
    at.session_state["_w_account_box"] = True  # the user opens the account's box: the list shows that account
    at.run()
    assert at.sidebar.selectbox[0].value == cid


def test_the_account_list_waits_in_a_box_that_names_the_account(app_env):
    at = run_app(params={"lang": "de"})
    assert_clean(at)
    assert not at.sidebar.selectbox  # not drawn, not loaded by the browser, until the box is opened
    assert at.sidebar.expander[0].label == "Konto wählen …"
    cid = key_account_of(Store(app_env), demo_names.USERS[4][0])
    at.query_params["account"] = cid
    at.run()
    name = Store(app_env).query("SELECT name FROM customers WHERE customer_id = ? AND valid_to IS NULL", [cid])
    assert at.sidebar.expander[0].label == f"Konto: {name.single_value()}"
    assert any(c.value.startswith("SKAM-Stufe: ") for c in at.sidebar.caption)  # the stage stays in sight


def test_a_customer_opened_by_link_that_is_no_key_account_is_named_in_the_box(app_env):
    cid, name = (
        Store(app_env)
        .query(
            "SELECT customer_id, name FROM customers c WHERE valid_to IS NULL AND skam_stage = 'none'"
            " AND NOT EXISTS (SELECT 1 FROM fit_scores f WHERE f.customer_id = c.customer_id) ORDER BY 1 LIMIT 1"
        )
        .rows[0]
    )
    at = run_app(params={"lang": "en", "account": cid})
    assert_clean(at)
    assert at.sidebar.expander[0].label == f"Account: {name}"
    at.session_state["_w_account_box"] = True
    at.run()
    assert at.sidebar.selectbox[0].value == cid and at.sidebar.selectbox[0].options[0] == name


def test_the_language_button_shows_the_page_in_the_other_language_and_keeps_the_view(app_env):
    cid = key_account_of(Store(app_env), demo_names.USERS[4][0])
    as_of = (DEMO_TODAY - timedelta(days=40)).isoformat()
    at = run_app(params={"lang": "de", "account": cid, "as_of": as_of})
    assert [b.label for b in at.sidebar.button if b.key and b.key.startswith("_w_lang_")] == ["English"]
    at.sidebar.button(key="_w_lang_en").click().run()
    assert_clean(at)
    assert at.query_params == {"account": cid, "as_of": as_of, "lang": "en"}
    assert "Margin, SKAM" in [m.label for m in metrics(at)]
    assert [b.label for b in at.sidebar.button if b.key and b.key.startswith("_w_lang_")] == ["Deutsch"]


def test_the_as_of_date_field_waits_in_a_box_that_names_the_day():
    at = run_app(params={"lang": "de"})
    assert_clean(at)
    assert not at.sidebar.date_input  # not drawn, not loaded by the browser, until the box is opened
    assert [e.label for e in at.sidebar.expander][1] == f"Stand: heute, {DEMO_TODAY:%d.%m.%Y}"
    at.session_state["_w_as_of_box"] = True  # the user opens the box
    at.run()
    assert_clean(at)
    assert at.sidebar.date_input[0].value is None
    assert not [b for b in at.sidebar.button if b.key != "_w_lang_en"]  # no way back to today: it is today


def test_the_share_box_gives_the_link_of_this_view_once_opened(app_env):
    cid = key_account_of(Store(app_env), demo_names.USERS[3][0], "implementation")
    at = run_app(params={"account": cid, "lang": "en"})
    assert_clean(at)
    assert not at.sidebar.text  # built when opened
    at.session_state["_w_share_box"] = True
    at.run()
    assert_clean(at)
    link = at.sidebar.text[0].value
    assert f"account={cid}" in link and "lang=en" in link


def test_a_past_as_of_date_opens_the_box_with_the_way_back_to_today():
    day = DEMO_TODAY - timedelta(days=40)
    at = run_app(params={"lang": "de", "as_of": day.isoformat()})
    assert_clean(at)
    assert [e.label for e in at.sidebar.expander][1] == f"Stand vom {day:%d.%m.%Y}"
    assert at.sidebar.date_input[0].value == day
    next(b for b in at.sidebar.button if b.label == "Zurück zu heute").click().run()
    assert_clean(at)
    assert "as_of" not in at.query_params and not at.sidebar.date_input


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"account": "K999999X"}, "does not exist"),
        ({"as_of": "2026-13-45"}, "is not a date"),
        ({"as_of": "3000-01-01"}, "lies in the future"),
        ({"lang": "xx"}, "Unknown language"),
    ],
)
def test_bad_url_values_give_a_clear_message_not_a_traceback(params, message):
    at = run_app(params={"lang": "en", **params} if "lang" not in params else params)
    assert_clean(at)
    if "lang" in params:
        message = "Unbekannte Sprache"
    assert message in texts(at)


def test_page_file_opened_directly_guards_itself():
    at = run_app("pages/portfolio.py", params={"lang": "en"})
    assert_clean(at)
    assert at.title[0].value == "Portfolio"


def test_choosing_an_account_in_the_sidebar_writes_it_into_the_url(app_env):
    cid = key_account_of(Store(app_env), demo_names.USERS[4][0])
    at = run_app(params={"lang": "de"})
    at.session_state["_w_account_box"] = True  # the user opens the box "Konto wählen …"
    at.run()
    at.sidebar.selectbox[0].set_value(cid).run()
    assert_clean(at)
    assert at.query_params.get("account") == cid


def test_admin_page_is_refused_to_a_viewer_and_hidden_from_navigation():
    at = run_app("pages/admin.py", params={"lang": "en"}, act_as=demo_names.USERS[0][0])
    assert_clean(at)
    assert "administrators only" in texts(at)


def test_admin_page_renders_for_the_local_admin():
    at = run_app("pages/admin.py", params={"lang": "de"})
    assert_clean(at)
    assert at.title[0].value == "Verwaltung"
    columns = "Pflichtspalten: customer_id, month, revenue, operating_profit · optional: known_since"
    # plain text (escaped for markdown), no asterisks of markdown bold
    assert columns in [c.value.replace("\\_", "_") for c in at.caption]


def test_signed_in_user_not_registered_is_refused():
    at = run_app(params={"lang": "en"}, user={"is_logged_in": True, "email": "stranger@example.com"})
    assert_clean(at)
    assert "not registered" in texts(at)


def test_signed_in_registered_user_gets_the_role_from_the_store():
    at = run_app(params={"lang": "en"}, user={"is_logged_in": True, "email": demo_names.USERS[0][0].upper()})
    assert_clean(at)
    assert "Viewer" in "\n".join(c.value for c in at.sidebar.caption)


def test_presentation_mode_hides_sidebar_and_keeps_the_view():
    at = run_app(params={"lang": "en", "present": "1"})
    assert_clean(at)
    assert not at.sidebar.selectbox and not at.sidebar.date_input
    assert at.title[0].value == "Portfolio"
    assert at.query_params.get("present") == "1"


def test_store_held_by_another_process_is_reported_plainly(monkeypatch, tmp_path):
    import subprocess
    import sys
    import time

    db = tmp_path / "held.duckdb"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"import duckdb, time; c = duckdb.connect({str(db)!r}); print('ready', flush=True); time.sleep(60)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "ready"
        monkeypatch.setenv("SKAM_DB", str(db))
        at = run_app(params={"lang": "en"})
        assert_clean(at)
        assert "in use by another process" in texts(at)
    finally:
        holder.kill()
        time.sleep(0.1)


def test_portfolio_opened_directly_with_an_account_links_into_its_pages(app_env):
    cid = key_account_of(Store(app_env), demo_names.USERS[3][0], "implementation")
    at = run_app("pages/portfolio.py", params={"lang": "en", "account": cid})
    assert_clean(at)
    assert "Selected account" in texts(at)
    # The bubble matrix and the stage bars are drawn on the server (no Plotly); the card's trend waits in its box.
    charts = len(at.get("plotly_chart"))
    at.session_state["card_trend_box"] = True
    at.run()
    assert_clean(at)
    assert charts == 0 and len(at.get("plotly_chart")) == 1


def test_the_portfolio_sends_its_bubble_matrix_drawn_on_the_server_with_the_account_ringed(app_env):
    store = Store(app_env)
    cid = key_account_of(store, demo_names.USERS[3][0], "implementation")
    at = run_app("pages/portfolio.py", params={"lang": "de", "account": cid})
    assert_clean(at)
    matrix = next(c for c in at.get("bidi_component") if c.proto.id.endswith("-fit_size"))
    assert matrix.proto.component_name == "skam_pickable"
    data = portfolio_view.portfolio(store, AsOf.now(DEMO_TODAY))
    assert json.loads(matrix.proto.json) == fit_size_svg(data.accounts, "de", cid)
    assert f'data-id="{cid}"' in fit_size_svg(data.accounts, "de", cid)


@pytest.mark.parametrize("claim", [False, "false", "False", None, 0])
def test_a_sign_in_whose_email_is_not_verified_is_refused(app_env, claim):
    at = run_app(
        params={"lang": "en"},
        user={"is_logged_in": True, "email": demo_names.USERS[3][0], "email_verified": claim},
    )
    assert not at.exception
    assert any("has not verified your e-mail address" in e.value for e in at.error)
    assert not at.dataframe and not metrics(at)  # nothing of the store before a valid sign-in


@pytest.mark.parametrize("claim", [True, "true"])
def test_a_verified_email_signs_in_as_its_registered_user(app_env, claim):
    at = run_app(
        params={"lang": "en"},
        user={"is_logged_in": True, "email": demo_names.USERS[3][0], "email_verified": claim},
    )
    assert not at.exception and not at.error


def test_a_customer_outside_the_key_accounts_names_its_manager_not_the_e_mail(app_env):
    from skam_core.services.items import save_item
    from tests.conftest import ADMIN

    store = Store(app_env)
    cid = store.query(
        "SELECT customer_id FROM customers WHERE valid_to IS NULL AND skam_stage = 'none' ORDER BY 1 LIMIT 1"
    ).single_value()
    becker, becker_name, _ = demo_names.USERS[3]
    save_item(store, ADMIN, "customers", {"customer_id": cid, "account_manager": becker})
    store.close()
    at = run_app(params={"lang": "de", "account": cid})
    assert_clean(at)
    assert f"betreut von {becker_name}" in texts(at) and becker not in texts(at)
