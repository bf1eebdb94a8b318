"""Small, table-testable parsers shared by the import, the forms and the URL state."""

from __future__ import annotations

import math
import re
from datetime import date

_MONTH_RE = re.compile(r"^(\d{4})-(\d{2})$")
_DATE_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
# An e-mail address, as forms, services and imports (column-wise, with pandas) check it.
EMAIL_PATTERN = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"
_EMAIL_RE = re.compile(EMAIL_PATTERN)


def parse_iso_date(text: str) -> date:
    """``YYYY-MM-DD`` only; raises ValueError with a readable reason."""
    m = _DATE_RE.match(text.strip())
    if not m:
        raise ValueError(f"'{text}' is not a date in the form YYYY-MM-DD")
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError as exc:
        raise ValueError(f"'{text}' is not a valid calendar date") from exc


def parse_month(text: str) -> date:
    """``YYYY-MM`` or an ISO date in that month; returns the first day of the month."""
    t = text.strip()
    m = _MONTH_RE.match(t)
    if m:
        year, month = int(m[1]), int(m[2])
        if not 1 <= month <= 12:
            raise ValueError(f"'{text}' has no month {month}")
        return date(year, month, 1)
    d = parse_iso_date(t) if _DATE_RE.match(t) else None
    if d is None:
        raise ValueError(f"'{text}' is not a month in the form YYYY-MM (or a date YYYY-MM-DD)")
    return d.replace(day=1)


def is_email(text: str) -> bool:
    return bool(_EMAIL_RE.match(text.strip()))


def is_finite_number(x: object) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool) and math.isfinite(x)


def month_add(d: date, months: int) -> date:
    """First of the month ``months`` after (or before) the month of ``d``."""
    idx = d.year * 12 + d.month - 1 + months
    return date(idx // 12, idx % 12 + 1, 1)


def months_between(a: date, b: date) -> int:
    """Whole months from the month of ``a`` to the month of ``b`` (b - a)."""
    return (b.year - a.year) * 12 + (b.month - a.month)
