"""The 12-month window every figure of the product is computed over (the profit contract's ``window``): the
12 months ending with the latest month that has figures. One definition, so that the portfolio, the fit page,
the steering pack and the profit page all speak of the same months."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from skam_core.domain.validation import month_add


@dataclass(frozen=True)
class Window:
    start: date  # first day of the first month
    end: date  # first day of the last month

    def label(self) -> dict[str, str]:
        return {"start": f"{self.start:%Y-%m}", "end": f"{self.end:%Y-%m}"}


def window_for(latest_month: date | None) -> Window | None:
    """The 12 months ending with the latest month that has data (None when there is none)."""
    if latest_month is None:
        return None
    end = latest_month.replace(day=1)
    return Window(month_add(end, -11), end)
