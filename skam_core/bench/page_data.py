"""What each page loads, as the benchmark calls it: ``PAGE_DATA[page_id](store, as_of, today)``.

Register a page here with the one function its cached loader calls (the data behind the page, without
Streamlit). The benchmark times each entry, now and as of an earlier day, against the page budget (300 ms).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from skam_core.analytics.portfolio import load_portfolio
from skam_core.analytics.profit import load_profit
from skam_core.storage.db import Store

PageData = Callable[[Store, date | None, date], Any]

PAGE_DATA: dict[str, PageData] = {
    "portfolio": load_portfolio,
    "profit": load_profit,
}
