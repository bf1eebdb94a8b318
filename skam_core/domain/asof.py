"""``AsOf``: the time a request looks at, made once per request (page run or CLI command) and passed, required,
down to every view and query. No read below the page decides for itself what "now" is.

- ``knowledge``: the as-of day (show what was known at the end of that business day), or None for now.
- ``today``: the business day of the request, from the clock; rules such as "overdue" and "last contact" count
  from the day shown (``day``), never from the machine's date.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from skam_core.domain import clock


@dataclass(frozen=True, slots=True)
class AsOf:
    today: date
    knowledge: date | None = None  # None: now (the current versions)

    @classmethod
    def now(cls, today: date | None = None) -> AsOf:
        """The current state, on ``today`` (default: the clock's business day)."""
        return cls(today if today is not None else clock.today(), None)

    @classmethod
    def at(cls, knowledge: date | None, today: date | None = None) -> AsOf:
        """As known at the end of ``knowledge`` (None: now)."""
        return cls(today if today is not None else clock.today(), knowledge)

    @property
    def current(self) -> AsOf:
        """The current state on the same today: what a write (or an entry form) works on, also from a snapshot."""
        return AsOf(self.today, None)

    @property
    def day(self) -> date:
        """The day the view shows: the as-of day, or today."""
        return self.knowledge if self.knowledge is not None else self.today

    @property
    def instant(self) -> datetime | None:
        """The knowledge instant (naive UTC, the end of the as-of business day); None means the current versions."""
        return clock.end_of_day(self.knowledge) if self.knowledge is not None else None

    @property
    def is_snapshot(self) -> bool:
        """Looking at the past: later edits would not show in it, so pages offer none."""
        return self.knowledge is not None and self.knowledge < self.today

    @property
    def key(self) -> tuple[date, date | None]:
        """A small hashable value for cache keys."""
        return (self.today, self.knowledge)
