"""Cached loaders for the steering page: one account's pack, and the overview of all packs."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from skam_core.analytics.steering import Pack, load_pack
from skam_core.storage.db import Store, get_store
from skam_core.storage.queries import steering as sq
from skam_core.ui import loaders
from skam_core.ui.cache import data_version


@st.cache_data(ttl=900, max_entries=64, show_spinner=False)
def _pack(db: str, customer_id: str, as_of: date | None, today: date, version: int) -> Pack | None:
    # The others' margin and the size rank come from one aggregate query read alongside the pack, not from
    # the whole portfolio: a shared link often opens this page first (tests hold both figures together).
    return load_pack(get_store(db), customer_id, as_of, today)


def pack(store: Store, customer_id: str, as_of: date | None, today: date) -> Pack | None:
    return _pack(str(store.path), customer_id, as_of, today, data_version())


@st.cache_data(ttl=900, max_entries=32, show_spinner=False)
def _overview(db: str, ids: tuple[str, ...], as_of: date | None, version: int) -> pd.DataFrame:
    return sq.committee_overview(get_store(db), list(ids), as_of)


def overview(store: Store, as_of: date | None, today: date) -> pd.DataFrame:
    """Accounts with a plan (plan or implementation stage): the portfolio row plus committee facts."""
    portfolio = loaders.portfolio(store, as_of, today)
    acc = portfolio.accounts
    acc = acc[acc["skam_stage"].isin(["plan", "implementation"])]
    facts = _overview(str(store.path), tuple(acc["customer_id"]), as_of, data_version())
    return acc.merge(facts, on="customer_id", how="left")
