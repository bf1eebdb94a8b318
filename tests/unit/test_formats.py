"""Numbers, money and dates per language."""

from datetime import date

import pytest

from skam_core.i18n import formats


@pytest.mark.parametrize(
    ("func", "args", "de", "en"),
    [
        (formats.eur, (1234.5,), "1.234 €", "€1,234"),
        (formats.eur, (1234.5,), "1.234 €", "€1,234"),
        (formats.number, (1234567.25,), "1.234.567", "1,234,567"),
        (formats.pct, (0.0567,), "5,7 %", "5.7%"),
        (formats.pp, (0.0234,), "+2,3 Pp.", "+2.3 pp"),
        (formats.ratio, (2.04,), "2,0×", "2.0×"),
        (formats.day, (date(2026, 11, 27),), "27.11.2026", "27 Nov 2026"),
        (formats.quarter, ("2027-Q1",), "Q1 2027", "Q1 2027"),  # the stored key 2027-Q1 is not shown as such
    ],
)
def test_formats_follow_the_language(func, args, de, en):
    assert func(*args, "de") == de
    assert func(*args, "en") == en


def test_decimals_in_german_use_the_comma():
    assert formats.eur(1234.5, "de", decimals=1) == "1.234,5 €"


def test_missing_values_show_a_dash():
    assert formats.pct(None, "de") == "–"
    assert formats.eur(float("nan"), "en") == "–"


def test_a_quarter_that_is_no_quarter_key_is_shown_as_it_is():
    assert formats.quarter("2026", "de") == "2026"  # a year in the value page's economics by year
    assert formats.quarter("2026-Q5", "de") == "2026-Q5"
    assert formats.quarter(None, "en") == "–"
