"""Cached loaders for the pages: each calls one core function and caches its (small) result per store,
as-of date and data version."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from skam_core.analytics.portfolio import Portfolio, load_portfolio
from skam_core.storage.db import Store, get_store
from skam_core.storage.queries import customers as cq
from skam_core.storage.queries import financials as fq
from skam_core.storage.queries import users as uq
from skam_core.ui.cache import data_version


@st.cache_data(ttl=900, max_entries=64, show_spinner=False)
def _account_choices(db: str, as_of: date | None, version: int) -> pd.DataFrame:
    return cq.account_choices(get_store(db), as_of)


def account_choices(store: Store, as_of: date | None) -> pd.DataFrame:
    return _account_choices(str(store.path), as_of, data_version())


@st.cache_data(ttl=900, max_entries=8, show_spinner=False)
def _users(db: str, version: int) -> pd.DataFrame:
    return uq.list_users(get_store(db))


def users(store: Store) -> pd.DataFrame:
    """The dashboard's users (user_id, display_name, role, ...), current."""
    return _users(str(store.path), data_version())


def user_names(store: Store) -> dict[str, str]:
    """user id (e-mail) -> display name, to show who entered or changed something."""
    u = users(store)
    return dict(zip(u["user_id"], u["display_name"], strict=True))


@st.cache_data(ttl=900, max_entries=32, show_spinner=False)
def _portfolio(db: str, as_of: date | None, today: date, version: int) -> Portfolio:
    return load_portfolio(get_store(db), as_of, today)


def portfolio(store: Store, as_of: date | None, today: date) -> Portfolio:
    return _portfolio(str(store.path), as_of, today, data_version())


@st.cache_data(ttl=900, max_entries=128, show_spinner=False)
def _customer_monthly(db: str, customer_id: str, as_of: date | None, version: int) -> pd.DataFrame:
    return fq.customer_monthly(get_store(db), customer_id, as_of)


def customer_monthly(store: Store, customer_id: str, as_of: date | None) -> pd.DataFrame:
    return _customer_monthly(str(store.path), customer_id, as_of, data_version())


@st.cache_data(ttl=900, max_entries=256, show_spinner=False)
def _customer(db: str, customer_id: str, as_of: date | None, version: int) -> dict | None:
    return cq.customer(get_store(db), customer_id, as_of)


def customer(store: Store, customer_id: str, as_of: date | None) -> dict | None:
    """One customer's record (None when it does not exist at ``as_of``); every page asks for it on each rerun."""
    return _customer(str(store.path), customer_id, as_of, data_version())
