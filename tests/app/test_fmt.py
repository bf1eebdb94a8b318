"""The page's remembering formatter (ui.kit.fmt) writes exactly what i18n.formats writes, in both languages."""

from __future__ import annotations

from datetime import date, datetime

import numpy as np
import pandas as pd
import pytest

from skam_core.i18n.formats import Formatter
from skam_core.ui.kit import fmt

CASES = [
    ("eur", (1234567.891,), {}),
    ("eur", (1234.5,), {"decimals": 2}),
    ("eur", (None,), {}),
    ("eur_compact", (2_500_000.0,), {}),
    ("number", (np.float64(0.5),), {"decimals": 1}),
    ("number", (1,), {}),
    ("number", (1.0,), {"decimals": 2}),
    ("pct", (0.1234,), {}),
    ("pct", (float("nan"),), {}),
    ("pp", (-0.0123,), {"sign": False}),
    ("pp", (0.0123,), {}),
    ("ratio", (2.04,), {}),
    ("day", (date(2026, 11, 27),), {}),
    ("day", (pd.Timestamp("2026-03-01"),), {}),
    ("day", (pd.NaT,), {}),
    ("month", (date(2026, 3, 1),), {}),
    ("timestamp", (datetime(2026, 11, 27, 14, 5),), {}),
]


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize(("method", "args", "kwargs"), CASES)
def test_the_remembering_formatter_writes_what_the_formatter_writes(lang, method, args, kwargs):
    plain = getattr(Formatter(lang), method)(*args, **kwargs)
    cached = fmt.CachedFormatter(lang)
    assert getattr(cached, method)(*args, **kwargs) == plain
    assert getattr(cached, method)(*args, **kwargs) == plain  # the second time from the cache


def test_a_figure_formatted_twice_is_formatted_once():
    f = fmt.CachedFormatter("de")
    f.eur(98765.4321)
    hits = fmt._formatted.cache_info().hits
    assert f.eur(98765.4321) == "98.765 €"
    assert fmt._formatted.cache_info().hits == hits + 1
    assert f.eur(98765.4321) != fmt.CachedFormatter("en").eur(98765.4321)  # the language is part of the key
