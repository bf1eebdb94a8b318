"""The profit page over a history loaded today with --known-since: as of a past day it shows what was known
then (the figures of the view for that day, not "no financial figures")."""

from __future__ import annotations

from datetime import timedelta

from skam_core.domain.asof import AsOf
from skam_core.i18n.formats import pct
from skam_core.storage.db import Store
from skam_core.views.profit import profit
from tests.app.conftest import assert_clean, cards, run_app, texts
from tests.conftest import DEMO_TODAY
from tests.integration.test_history_load import _known_month
from tests.integration.test_history_load import history as history


def test_the_profit_page_as_of_a_past_day_shows_the_history(history, monkeypatch):
    store, _ = history
    path = store.path
    store.close()
    monkeypatch.setenv("SKAM_DB", str(path))
    day = DEMO_TODAY - timedelta(days=700)
    at = run_app("pages/profit.py", params={"lang": "en", "as_of": day.isoformat()})
    assert_clean(at)
    assert "There are no financial figures" not in texts(at)
    s = Store(path)
    expected = profit(s, AsOf.at(day, DEMO_TODAY))
    s.close()
    assert expected.window is not None and expected.window.end == _known_month(day).to_timestamp().date()
    shown = cards(at)
    assert shown["Margin, others"] == pct(expected.comparison.others.relative_operating_profit, "en")
    assert shown["Margin, SKAM"] == pct(expected.comparison.skam.relative_operating_profit, "en")
