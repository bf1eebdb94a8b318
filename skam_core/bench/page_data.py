"""What each page loads, as the benchmark calls it: ``PAGE_DATA[page_id](store, as_of, today)``.

Register a page here with the function(s) its cached loaders call (the data behind the page, without
Streamlit). Account pages are timed for a representative account: the first key account in implementation
(the one with the most content). The benchmark times each entry, now and as of an earlier day, against the
page budget (300 ms).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from skam_core.analytics.plan import load_implementation, load_kpi_entry, load_plan
from skam_core.analytics.portfolio import load_portfolio
from skam_core.analytics.profit import load_profit
from skam_core.analytics.steering import load_pack
from skam_core.analytics.value import load_value
from skam_core.storage.db import Store
from skam_core.storage.queries import customers as cq

PageData = Callable[[Store, date | None, date], Any]


def representative_account(store: Store) -> str:
    account = cq.first_account_in_stage(store, "implementation")
    if account is None:
        raise LookupError("no key account in implementation to time the account pages with")
    return account


_ACCOUNTS: dict[str, str] = {}  # store path -> its representative account, looked up outside the timing


def _account_page(load: Callable[[Store, str, date | None, date], Any]) -> PageData:
    def timed(store: Store, as_of: date | None, today: date) -> Any:
        account = _ACCOUNTS.get(str(store.path))
        if account is None:  # the warm-up call: a page's figures must not include finding the account
            account = _ACCOUNTS[str(store.path)] = representative_account(store)
        return load(store, account, as_of, today)

    return timed


def _strategy(store: Store, account: str, as_of: date | None, today: date) -> Any:
    from skam_core.analytics.strategy import load_strategy

    return load_strategy(store, account, as_of)


def _fit(store: Store, account: str, as_of: date | None, today: date) -> Any:
    from skam_core.analytics.capacity import load_capacity
    from skam_core.analytics.fit import load_fit, load_fit_portfolio

    return (
        load_fit(store, account, as_of),
        load_fit_portfolio(store, as_of, today),
        load_capacity(store, as_of, account),
    )


PAGE_DATA: dict[str, PageData] = {
    "portfolio": load_portfolio,
    "profit": load_profit,
    "steering": _account_page(load_pack),  # with the account's standing, as the page reads it
    "strategy": _account_page(_strategy),
    "fit": _account_page(_fit),
    "value": _account_page(lambda s, a, as_of, today: load_value(s, a, as_of)),
    "plan": _account_page(lambda s, a, as_of, today: load_plan(s, a, as_of)),
    "implementation": _account_page(load_implementation),
    "kpis": _account_page(lambda s, a, as_of, today: load_kpi_entry(s, a, as_of)),
}
