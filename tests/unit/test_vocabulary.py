"""Data values in the page's language: ISO country codes by Babel, known industry names, unknown ones untouched."""

import math

from skam_core.i18n import vocabulary


def test_country_codes_read_as_names_in_the_page_language():
    assert vocabulary.country("DE", "de") == "Deutschland"
    assert vocabulary.country("DE", "en") == "Germany"
    assert vocabulary.country("ch", "en") == "Switzerland"


def test_a_country_that_is_not_a_code_is_shown_as_imported():
    assert vocabulary.country("Bayern", "en") == "Bayern"
    assert vocabulary.country("XZ", "de") == "XZ"  # no such territory
    assert vocabulary.country(None, "de") is None and vocabulary.country(math.nan, "de") is None


def test_known_industries_are_translated_both_ways_and_unknown_ones_kept():
    assert vocabulary.industry("Landtechnik", "en") == "Agricultural machinery"
    assert vocabulary.industry("Landtechnik", "de") == "Landtechnik"
    assert vocabulary.industry("Agricultural machinery", "de") == "Landtechnik"
    assert vocabulary.industry("Halbleiter", "en") == "Halbleiter"
    assert vocabulary.industry(None, "en") is None
