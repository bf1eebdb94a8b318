"""Cached loaders of the strategy, fit and value pages: each calls one analytics load function and caches its
small, per-account result per store, as-of date and data version (a save bumps the version)."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from skam_core.analytics.capacity import CapacityView, load_capacity
from skam_core.analytics.fit import FitPortfolio, FitView, load_fit, load_fit_portfolio
from skam_core.analytics.strategy import StrategyView, load_strategy
from skam_core.analytics.value import ValueView, load_value
from skam_core.storage.db import Store, get_store
from skam_core.storage.queries import strategy as sq
from skam_core.ui.cache import data_version


@st.cache_data(ttl=900, max_entries=64, show_spinner=False)
def _overview(db: str, as_of: date | None, version: int) -> pd.DataFrame:
    return sq.analysis_overview(get_store(db), as_of)


def overview(store: Store, as_of: date | None) -> pd.DataFrame:
    return _overview(str(store.path), as_of, data_version())


@st.cache_data(ttl=900, max_entries=128, show_spinner=False)
def _strategy(db: str, account: str, as_of: date | None, version: int) -> StrategyView:
    return load_strategy(get_store(db), account, as_of)


def strategy(store: Store, account: str, as_of: date | None) -> StrategyView:
    return _strategy(str(store.path), account, as_of, data_version())


@st.cache_data(ttl=900, max_entries=128, show_spinner=False)
def _fit(db: str, account: str, as_of: date | None, version: int) -> FitView:
    return load_fit(get_store(db), account, as_of)


def fit(store: Store, account: str, as_of: date | None) -> FitView:
    return _fit(str(store.path), account, as_of, data_version())


@st.cache_data(ttl=900, max_entries=32, show_spinner=False)
def _fit_portfolio(db: str, as_of: date | None, today: date, version: int) -> FitPortfolio:
    return load_fit_portfolio(get_store(db), as_of, today)


def fit_portfolio(store: Store, as_of: date | None, today: date) -> FitPortfolio:
    return _fit_portfolio(str(store.path), as_of, today, data_version())


@st.cache_data(ttl=900, max_entries=64, show_spinner=False)
def _capacity(db: str, as_of: date | None, account: str | None, version: int) -> CapacityView:
    return load_capacity(get_store(db), as_of, account)


def capacity(store: Store, as_of: date | None, account: str | None) -> CapacityView:
    return _capacity(str(store.path), as_of, account, data_version())


@st.cache_data(ttl=900, max_entries=128, show_spinner=False)
def _value(db: str, account: str, as_of: date | None, version: int) -> ValueView:
    return load_value(get_store(db), account, as_of)


def value(store: Store, account: str, as_of: date | None) -> ValueView:
    return _value(str(store.path), account, as_of, data_version())
