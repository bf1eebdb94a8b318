"""Numbers, money, percentages and dates per language, with Babel (de: ``1.234,5 €``, en: ``€1,234.5``)."""

from __future__ import annotations

import math
import os
from datetime import UTC, date, datetime, time
from typing import TypeAlias, cast
from zoneinfo import ZoneInfo

import pandas as pd
from babel.dates import format_date, format_datetime
from babel.numbers import format_compact_currency, format_currency, format_decimal, format_percent

LOCALES = {"de": "de_DE", "en": "en_GB"}


def _loc(lang: str) -> str:
    return LOCALES.get(lang, "de_DE")


def _nan(x: float) -> bool:
    """Missing as a float cell holds it (callers test ``x is None`` first, so that the type narrows)."""
    return isinstance(x, float) and math.isnan(x)


def eur(x: float | None, lang: str, *, decimals: int = 0) -> str:
    if x is None or _nan(x):
        return "–"
    pattern = "#,##0 ¤" if lang == "de" else "¤#,##0"
    if decimals:
        pattern = pattern.replace("0", "0." + "0" * decimals, 1) if "0 " in pattern else pattern + "." + "0" * decimals
    return format_currency(x, "EUR", format=pattern, locale=_loc(lang), currency_digits=False)


def eur_compact(x: float | None, lang: str) -> str:
    """Large amounts short: 1,2 Mio. € / €1.2M."""
    if x is None or _nan(x):
        return "–"
    if abs(x) < (1_000_000 if lang == "de" else 10_000):  # German has no short form below "Mio."
        return eur(x, lang)
    return format_compact_currency(x, "EUR", locale=_loc(lang), fraction_digits=1)


def number(x: float | None, lang: str, *, decimals: int = 0) -> str:
    if x is None or _nan(x):
        return "–"
    fmt = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(x, format=fmt, locale=_loc(lang))


def pct(x: float | None, lang: str, *, decimals: int = 1) -> str:
    """A share given as a fraction (0.057 -> 5,7 %)."""
    if x is None or _nan(x):
        return "–"
    fmt = "#,##0" + ("." + "0" * decimals if decimals else "") + " %"
    if lang != "de":
        fmt = fmt.replace(" %", "%")
    return format_percent(x, format=fmt, locale=_loc(lang))


def pp(x: float | None, lang: str, *, decimals: int = 1, sign: bool = True) -> str:
    """A difference of margins in percentage points (0.023 -> +2,3 Pp.)."""
    if x is None or _nan(x):
        return "–"
    value = format_decimal(
        x * 100,
        format=("+" if sign else "") + "#,##0." + "0" * decimals + ";-#,##0." + "0" * decimals,
        locale=_loc(lang),
    )
    return f"{value} {'Pp.' if lang == 'de' else 'pp'}"


def ratio(x: float | None, lang: str) -> str:
    if x is None or _nan(x):
        return "–"
    return format_decimal(x, format="#,##0.0", locale=_loc(lang)) + "×"


DateLike: TypeAlias = date | datetime | pd.Timestamp | str | None


def _instant(d: object) -> date | None:
    """A date or datetime from a date, datetime, pd.Timestamp, numpy datetime64 or ISO string; None when
    missing (None, NaN, NaT, pd.NA, an empty string). Plain dates and datetimes pass unchanged."""
    if d is None or d is pd.NaT:
        return None
    if isinstance(d, str):
        if not d.strip():
            return None
        d = pd.Timestamp(d.strip())
    elif not isinstance(d, date):  # numpy datetime64, float NaN, pd.NA
        if pd.isna(d):
            return None
        d = pd.Timestamp(d)
    if isinstance(d, pd.Timestamp):
        return None if pd.isna(d) else d.to_pydatetime()
    return cast(date, d)  # a date or datetime: every other kind was converted or returned above


def day(d: DateLike, lang: str) -> str:
    """A calendar day (27.11.2026 / 27 Nov 2026); "–" when missing. A time of day is dropped as it is."""
    d = _instant(d)
    if d is None:
        return "–"
    if isinstance(d, datetime):
        d = d.date()
    return format_date(d, format="medium" if lang == "en" else "dd.MM.yyyy", locale=_loc(lang))


def month(d: DateLike, lang: str) -> str:
    d = _instant(d)
    if d is None:
        return "–"
    if isinstance(d, datetime):
        d = d.date()
    return format_date(d, format="MMM yyyy", locale=_loc(lang))


def timestamp(ts: DateLike, lang: str) -> str:
    """A stored timestamp (naive UTC) in the company's time zone; "–" when missing."""
    moment = _instant(ts)
    if moment is None:
        return "–"
    if not isinstance(moment, datetime):  # a plain day: its start
        moment = datetime.combine(moment, time())
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    moment = moment.astimezone(ZoneInfo(os.environ.get("SKAM_TZ", "Europe/Berlin")))
    return format_datetime(
        moment, format="dd.MM.yyyy HH:mm" if lang == "de" else "d MMM yyyy, HH:mm", locale=_loc(lang)
    )


def quarter(key: str | None, lang: str) -> str:
    """A quarter as stored and imported (``2026-Q3``) as people write it: "Q3 2026" (Babel's quarter pattern);
    anything that is not such a key as it is, "–" when missing."""
    if not isinstance(key, str) or not key:
        return "–"
    year, sep, q = key.partition("-Q")
    if not (sep and year.isdigit() and q in ("1", "2", "3", "4")):
        return key
    return format_date(date(int(year), 3 * int(q) - 2, 1), format="QQQ y", locale=_loc(lang))


def date_input_format(lang: str) -> str:
    """How st.date_input shows a day: as the user writes it (German 27.11.2026, else ISO)."""
    return "DD.MM.YYYY" if lang == "de" else "YYYY-MM-DD"


def plotly_separators(lang: str) -> str:
    """Plotly's layout.separators: decimal then thousands."""
    return ",." if lang == "de" else ".,"


class Formatter:
    """The formatting functions bound to one language (``ctx.fmt.eur(x)``)."""

    def __init__(self, lang: str):
        self.lang = lang

    def eur(self, x: float | None, decimals: int = 0) -> str:
        return eur(x, self.lang, decimals=decimals)

    def eur_compact(self, x: float | None) -> str:
        return eur_compact(x, self.lang)

    def number(self, x: float | None, decimals: int = 0) -> str:
        return number(x, self.lang, decimals=decimals)

    def pct(self, x: float | None, decimals: int = 1) -> str:
        return pct(x, self.lang, decimals=decimals)

    def pp(self, x: float | None, decimals: int = 1, sign: bool = True) -> str:
        return pp(x, self.lang, decimals=decimals, sign=sign)

    def ratio(self, x: float | None) -> str:
        return ratio(x, self.lang)

    def day(self, d: DateLike) -> str:
        return day(d, self.lang)

    def month(self, d: DateLike) -> str:
        return month(d, self.lang)

    def timestamp(self, ts: DateLike) -> str:
        return timestamp(ts, self.lang)

    def quarter(self, key: str | None) -> str:
        return quarter(key, self.lang)

    @property
    def plotly_separators(self) -> str:
        return plotly_separators(self.lang)

    @property
    def date_input_format(self) -> str:
        """The ``format`` of st.date_input in this language."""
        return date_input_format(self.lang)
