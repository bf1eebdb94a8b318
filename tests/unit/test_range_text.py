"""A KPI's plausible range in a table cell: an open end reads "ab …" / "bis …", never as a figure cut off."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from skam_core.i18n import translate
from skam_core.ui.plan.common import range_text


def _ctx(lang: str) -> SimpleNamespace:
    return SimpleNamespace(lang=lang, t_plain=lambda key, **kw: translate(key, lang, **kw))


@pytest.mark.parametrize(
    ("kpi", "de", "en"),
    [
        ({"unit": "%"}, "0 % – 100 %", "0% – 100%"),
        ({"unit": "EUR", "min_value": 0}, "ab 0 €", "from €0"),
        ({"unit": "ppm", "max_value": 500}, "bis 500 ppm", "up to 500 ppm"),
        ({"unit": "ppm"}, "–", "–"),
    ],
)
def test_a_range_with_an_open_end_reads_from_or_up_to(kpi, de, en):
    assert range_text(_ctx("de"), kpi).replace("\u00a0", " ") == de
    assert range_text(_ctx("en"), kpi).replace("\u00a0", " ") == en
