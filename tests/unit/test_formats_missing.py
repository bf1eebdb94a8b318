"""Dates and times from what the tables hold (dates, pd.Timestamp, ISO text) — and a dash where there is none."""

from datetime import UTC, date, datetime

import numpy as np
import pandas as pd
import pytest

from skam_core.i18n import formats
from skam_core.i18n.formats import Formatter

MISSING = [None, float("nan"), pd.NaT, np.datetime64("NaT"), pd.NA, "", "  "]


@pytest.mark.parametrize("value", MISSING, ids=repr)
@pytest.mark.parametrize("func", [formats.day, formats.month, formats.timestamp])
def test_a_missing_date_shows_a_dash(func, value):
    assert func(value, "de") == "–"
    assert func(value, "en") == "–"


@pytest.mark.parametrize(
    "value",
    [
        date(2026, 11, 27),
        datetime(2026, 11, 27, 23, 30),
        pd.Timestamp("2026-11-27"),
        pd.Timestamp("2026-11-27 08:15"),
        np.datetime64("2026-11-27"),
        "2026-11-27",
        "2026-11-27T08:15:00",
    ],
    ids=repr,
)
def test_a_day_comes_from_any_date_like_value(value):
    assert formats.day(value, "de") == "27.11.2026"
    assert formats.day(value, "en") == "27 Nov 2026"
    assert formats.month(value, "de") == "Nov. 2026"


def test_a_timestamp_is_shown_in_the_company_time_zone(monkeypatch):
    monkeypatch.setenv("SKAM_TZ", "Europe/Berlin")
    stored = datetime(2026, 3, 12, 13, 5)  # naive UTC, as the store keeps it
    for value in (stored, pd.Timestamp(stored), np.datetime64(stored), stored.isoformat()):
        assert formats.timestamp(value, "de") == "12.03.2026 14:05"
    assert formats.timestamp(stored.replace(tzinfo=UTC), "en") == "12 Mar 2026, 14:05"


def test_the_formatter_passes_missing_values_through():
    f = Formatter("de")
    assert f.day(pd.NaT) == "–" and f.timestamp(None) == "–" and f.month(float("nan")) == "–"
    assert f.day(pd.Timestamp("2026-01-02")) == "02.01.2026"


def test_the_date_picker_format_follows_the_language():
    assert Formatter("de").date_input_format == "DD.MM.YYYY"
    assert Formatter("en").date_input_format == "YYYY-MM-DD"
