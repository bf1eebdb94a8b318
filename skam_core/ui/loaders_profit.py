"""Cached loader of the profit page: the whole analysis (a few small tables) per store, as-of date, day and
data version. Never raw rows: the analysis reads pre-aggregated monthly totals and the SKAM accounts' rows."""

from __future__ import annotations

from datetime import date

import streamlit as st

from skam_core.analytics.profit import ProfitAnalysis, load_profit
from skam_core.storage.db import Store, get_store
from skam_core.ui.cache import data_version


@st.cache_data(ttl=900, max_entries=32, show_spinner=False)
def _profit(db: str, as_of: date | None, today: date, version: int) -> ProfitAnalysis:
    return load_profit(get_store(db), as_of, today)


def profit(store: Store, as_of: date | None, today: date) -> ProfitAnalysis:
    return _profit(str(store.path), as_of, today, data_version())
