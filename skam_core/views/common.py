"""Reads several pages share: one customer, the account picker, the users and their names, a customer's months."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

from skam_core.domain.asof import AsOf
from skam_core.storage.db import Store
from skam_core.storage.queries import customers as cq
from skam_core.storage.queries import financials as fq
from skam_core.storage.queries import users as uq


def customer(store: Store, asof: AsOf, customer_id: str) -> dict[str, Any] | None:
    """One customer's record (None when it does not exist at ``asof``)."""
    return cq.customer(store, customer_id, asof)


def first_account_in_stage(store: Store, asof: AsOf, stage: str) -> str | None:
    """The first customer (by id) in ``stage``: a representative account (benchmark, smoke tests)."""
    return cq.first_account_in_stage(store, stage, asof)


def customer_count(store: Store, asof: AsOf) -> int:
    return cq.customer_count(store, asof)


def account_choices(store: Store, asof: AsOf) -> pd.DataFrame:
    """What the account picker offers: key accounts, plus customers with a strategy analysis."""
    return cq.account_choices(store, asof)


@dataclass(frozen=True)
class AccountPicker:
    """The account picker's options in plain Python: the sidebar draws it on every run of every page, and a
    cached DataFrame is unpickled and walked again each time (issue 15)."""

    ids: tuple[str, ...]
    names: dict[str, str]
    stages: dict[str, str]


def account_picker(store: Store, asof: AsOf) -> AccountPicker:
    choices = cq.account_choices(store, asof)
    ids = tuple(str(c) for c in choices["customer_id"])
    return AccountPicker(
        ids,
        dict(zip(ids, (str(n) for n in choices["name"]), strict=True)),
        dict(zip(ids, (str(s) for s in choices["skam_stage"]), strict=True)),
    )


def user_choices(store: Store, asof: AsOf) -> tuple[tuple[str, str, str], ...]:
    """(user id, display name, role) of every user as now (see :func:`users`), for the sidebar's preview."""
    u = users(store, asof)
    return tuple(zip(map(str, u["user_id"]), map(str, u["display_name"]), map(str, u["role"]), strict=True))


def users(store: Store, asof: AsOf) -> pd.DataFrame:
    """The dashboard's users (user_id, display_name, role, accounts) as they are now, whatever day is shown:
    who may sign in and what people are called is today's knowledge, also in a snapshot."""
    return uq.list_users(store, AsOf.now(asof.today))


def user_names(store: Store, asof: AsOf) -> dict[str, str]:
    """user id (e-mail) -> display name (as now, see :func:`users`), to show who entered or changed something."""
    u = users(store, asof)
    return dict(zip(u["user_id"], u["display_name"], strict=True))


def customer_monthly(store: Store, asof: AsOf, customer_id: str, months: int = 36) -> pd.DataFrame:
    """One customer's monthly revenue, operating profit and margin, the last ``months`` months known."""
    return fq.customer_monthly(store, customer_id, asof, months)
