"""The shared view state: URL parameters win, bad values give messages, never exceptions."""

from datetime import date

import pytest

from skam_core.ui.kit.state import resolve

TODAY = date(2026, 11, 27)


def _resolve(params, session=None, accounts=("K1", "K2")):
    return resolve(params, session or {}, default_lang="de", account_exists=lambda c: c in accounts, today=TODAY)


def test_url_parameters_select_account_date_and_language():
    s = _resolve({"account": "K2", "as_of": "2026-03-31", "lang": "en"})
    assert (s.account, s.as_of, s.lang, s.problems) == ("K2", date(2026, 3, 31), "en", [])


def test_without_url_parameters_the_session_keeps_the_view():
    s = _resolve({}, {"skam_account": "K1", "skam_as_of": date(2026, 1, 1), "skam_lang": "en"})
    assert (s.account, s.as_of, s.lang) == ("K1", date(2026, 1, 1), "en")


def test_url_wins_over_the_session():
    s = _resolve({"account": "K2"}, {"skam_account": "K1"})
    assert s.account == "K2"


@pytest.mark.parametrize(
    ("params", "problem"),
    [
        ({"account": "NOPE"}, "state.unknown_account"),
        ({"as_of": "2026-02-30"}, "state.bad_as_of"),
        ({"as_of": "yesterday"}, "state.bad_as_of"),
        ({"as_of": "2027-01-01"}, "state.future_as_of"),
        ({"lang": "fr"}, "state.bad_lang"),
    ],
)
def test_bad_values_give_a_message_and_fall_back(params, problem):
    s = _resolve(params)
    assert [p[0] for p in s.problems] == [problem]
    assert s.account is None and s.as_of is None and s.lang == "de"
