"""What each page loads, as the benchmark calls it: ``PAGE_DATA[page_id](store, asof)``.

Register a page here with the view(s) its page reads through ui.cache (the data behind the page, without
Streamlit). Account pages are timed for a representative account: the first key account in implementation
(the one with the most content). The benchmark times each entry, now and as of an earlier day, against the
page budget (300 ms).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from skam_core.domain.asof import AsOf
from skam_core.storage.db import Store
from skam_core.views import common as common_view
from skam_core.views import fit as fit_view
from skam_core.views import implementation as impl_view
from skam_core.views import kpis as kpis_view
from skam_core.views import plan as plan_view
from skam_core.views import portfolio as portfolio_view
from skam_core.views import profit as profit_view
from skam_core.views import steering as steering_view
from skam_core.views import strategy as strategy_view
from skam_core.views import value as value_view

PageData = Callable[[Store, AsOf], Any]


def representative_account(store: Store) -> str:
    account = common_view.first_account_in_stage(store, AsOf.now(), "implementation")
    if account is None:
        raise LookupError("no key account in implementation to time the account pages with")
    return account


_ACCOUNTS: dict[str, str] = {}  # store path -> its representative account, looked up outside the timing


def _account_page(load: Callable[[Store, AsOf, str], Any]) -> PageData:
    def timed(store: Store, asof: AsOf) -> Any:
        account = _ACCOUNTS.get(str(store.path))
        if account is None:  # the warm-up call: a page's figures must not include finding the account
            account = _ACCOUNTS[str(store.path)] = representative_account(store)
        return load(store, asof, account)

    return timed


def _fit(store: Store, asof: AsOf, account: str) -> Any:
    return (
        fit_view.fit(store, asof, account),
        fit_view.fit_portfolio(store, asof),
        fit_view.capacity(store, asof, account),
    )


PAGE_DATA: dict[str, PageData] = {
    "portfolio": portfolio_view.portfolio,
    "profit": profit_view.profit,
    "steering": _account_page(steering_view.pack),  # with the account's standing, as the page reads it
    "strategy": _account_page(strategy_view.strategy),
    "fit": _account_page(_fit),
    "value": _account_page(value_view.value),
    "plan": _account_page(plan_view.plan),
    "implementation": _account_page(impl_view.implementation),
    "kpis": _account_page(kpis_view.kpi_entry),
}
