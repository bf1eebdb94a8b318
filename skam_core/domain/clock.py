"""The one clock of the product: every "now" and every "today" comes from here, so that tests (and a demo
built for a given day) can pin time without touching the system clock.

``SKAM_NOW`` (an ISO instant, e.g. ``2026-11-27T12:00:00+01:00``; a bare date means noon in the business time
zone) starts the clock at that instant; it then runs at real speed, so successive writes still get distinct,
increasing timestamps. Without it the clock is the system clock.

The business day ends at midnight in the company's time zone (``SKAM_TZ``, default Europe/Berlin): on New
Year's Eve at 23:30 UTC it is already the 1st of January in Germany, and ``today()`` says so.
"""

from __future__ import annotations

import os
import threading
import time as _time
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

BUSINESS_TZ = ZoneInfo(os.environ.get("SKAM_TZ", "Europe/Berlin"))


def parse_instant(text: str) -> datetime:
    """An aware instant from ISO text; a bare date is noon of that business day."""
    text = text.strip()
    if len(text) == 10:
        return datetime.combine(date.fromisoformat(text), time(12), tzinfo=BUSINESS_TZ)
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=BUSINESS_TZ)


class Clock:
    """System time, optionally shifted so that it started at a pinned instant."""

    def __init__(self, start: datetime | None = None) -> None:
        # Shift = pinned start - real start, measured on the monotonic clock so that a pinned clock never
        # runs backwards when the system clock is adjusted.
        self._anchor_real = _time.monotonic()
        self._anchor = start.astimezone(UTC) if start is not None else None

    @property
    def pinned(self) -> bool:
        return self._anchor is not None

    def now(self) -> datetime:
        """The current instant, aware, in UTC."""
        if self._anchor is None:
            return datetime.now(UTC)
        return self._anchor + timedelta(seconds=_time.monotonic() - self._anchor_real)

    def utc_now(self) -> datetime:
        """Naive UTC, as the store keeps valid_from/valid_to."""
        return self.now().replace(tzinfo=None)

    def today(self) -> date:
        """The business day it is now (in BUSINESS_TZ, not in the machine's zone)."""
        return self.now().astimezone(BUSINESS_TZ).date()


_lock = threading.Lock()
_clock: Clock | None = None


def _from_env() -> Clock:
    pinned = os.environ.get("SKAM_NOW", "").strip()
    return Clock(parse_instant(pinned) if pinned else None)


def clock() -> Clock:
    """The process's clock (made from ``SKAM_NOW`` on first use)."""
    global _clock
    with _lock:
        if _clock is None:
            _clock = _from_env()
        return _clock


def set_clock(new: Clock | None) -> None:
    """Replace the process's clock (tests); None goes back to ``SKAM_NOW`` / the system clock."""
    global _clock
    with _lock:
        _clock = new


def utc_now() -> datetime:
    return clock().utc_now()


def today() -> date:
    return clock().today()


def end_of_day(day: date) -> datetime:
    """The instant (naive UTC) at which business day ``day`` ends: what "as of that day" means."""
    local_midnight = datetime.combine(day + timedelta(days=1), time(0), tzinfo=BUSINESS_TZ)
    return local_midnight.astimezone(UTC).replace(tzinfo=None)
