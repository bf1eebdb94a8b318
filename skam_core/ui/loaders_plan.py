"""Cached loaders of the plan, implementation and KPI pages: one account's small aggregates per store, as-of date
and data version (every write through ``editing.save`` or these pages bumps the version)."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from skam_core.analytics.plan import (
    ImplementationView,
    KpiEntryView,
    PlanView,
    load_implementation,
    load_kpi_entry,
    load_plan,
)
from skam_core.storage.db import Store, get_store
from skam_core.storage.queries import kpis as kq
from skam_core.ui.cache import data_version


@st.cache_data(ttl=900, max_entries=64, show_spinner=False)
def _plan(db: str, customer_id: str, as_of: date | None, version: int) -> PlanView:
    return load_plan(get_store(db), customer_id, as_of)


def plan(store: Store, customer_id: str, as_of: date | None) -> PlanView:
    return _plan(str(store.path), customer_id, as_of, data_version())


@st.cache_data(ttl=900, max_entries=64, show_spinner=False)
def _implementation(db: str, customer_id: str, as_of: date | None, today: date, version: int) -> ImplementationView:
    return load_implementation(get_store(db), customer_id, as_of, today)


def implementation(store: Store, customer_id: str, as_of: date | None, today: date) -> ImplementationView:
    return _implementation(str(store.path), customer_id, as_of, today, data_version())


@st.cache_data(ttl=900, max_entries=64, show_spinner=False)
def _kpi_entry(db: str, customer_id: str, as_of: date | None, version: int) -> KpiEntryView:
    return load_kpi_entry(get_store(db), customer_id, as_of)


def kpi_entry(store: Store, customer_id: str, as_of: date | None) -> KpiEntryView:
    return _kpi_entry(str(store.path), customer_id, as_of, data_version())


@st.cache_data(ttl=900, max_entries=64, show_spinner=False)
def _kpi_overview(db: str, customer_ids: tuple[str, ...], as_of: date | None, version: int) -> pd.DataFrame:
    return kq.account_overview(get_store(db), list(customer_ids), as_of)


def kpi_overview(store: Store, customer_ids: list[str], as_of: date | None) -> pd.DataFrame:
    return _kpi_overview(str(store.path), tuple(sorted(customer_ids)), as_of, data_version())
