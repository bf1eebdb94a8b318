"""Data values the UI shows in the page's language: country codes through Babel's territory names, and industry
names where the vocabulary is known (the demo's, in German as a German company's ERP gives them).

A company's own industry names are free text from its imports: an unknown value is shown as it was imported,
never guessed at.
"""

from __future__ import annotations

from functools import cache

from babel import Locale

from skam_core.i18n.formats import LOCALES

# German industry name → English. Extend when a company's vocabulary is known (keys as imported).
INDUSTRIES_EN = {
    "Maschinenbau": "Mechanical engineering",
    "Automobilzulieferer": "Automotive supplier",
    "Fördertechnik": "Conveyor technology",
    "Verpackung": "Packaging",
    "Lebensmitteltechnik": "Food processing technology",
    "Medizintechnik": "Medical technology",
    "Energietechnik": "Energy technology",
    "Landtechnik": "Agricultural machinery",
    "Logistik": "Logistics",
    "Kunststoffverarbeitung": "Plastics processing",
}
_INDUSTRIES_DE = {en: de for de, en in INDUSTRIES_EN.items()}


def industry(value: object, lang: str) -> str | None:
    """An industry name in ``lang`` where the vocabulary knows it, else as imported (None stays None)."""
    if value is None or value != value:  # None or NaN
        return None
    text = str(value)
    return INDUSTRIES_EN.get(text, text) if lang == "en" else _INDUSTRIES_DE.get(text, text)


@cache
def _territories(lang: str) -> dict[str, str]:
    return dict(Locale.parse(LOCALES.get(lang, "de_DE")).territories)


def country(value: object, lang: str) -> str | None:
    """A country's name in ``lang`` from its ISO code ("DE" → "Deutschland" / "Germany"); other values as they are."""
    if value is None or value != value:
        return None
    text = str(value)
    return _territories(lang).get(text.upper(), text) if len(text) == 2 else text
