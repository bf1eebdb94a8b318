"""The change history of one item: every version known at the as-of instant, newest first, with who wrote it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from skam_core.domain.asof import AsOf
from skam_core.storage import versioned
from skam_core.storage.db import Store


def history(store: Store, asof: AsOf, table_name: str, key_values: Mapping[str, Any]) -> pd.DataFrame:
    """Versions of the entity; in a snapshot only those written before its instant (a shared link of a past
    meeting must not show what was changed afterwards)."""
    with store.cursor() as cur:
        rows = versioned.history(cur, table_name, key_values)
    instant = asof.instant
    if instant is None or rows.empty:
        return rows
    return rows[rows["valid_from"] < pd.Timestamp(instant)].reset_index(drop=True)
