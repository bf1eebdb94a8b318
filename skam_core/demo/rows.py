"""What the demo's account content is collected in: rows per table, versions chained over time."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from datetime import date, datetime, timedelta
from typing import Any

import numpy as np
import pandas as pd

from skam_core.domain.enums import Stage

STAGE_ORDER = [s.value for s in Stage]


def entity_rng(seed: int, *key: object) -> np.random.Generator:
    """The random draws of one entity for one purpose, e.g. ``(seed, "K001258", "stakeholder", 3)``.

    Independent of everything else the generator drew: how many KPI entries or contacts an account has depends
    on the day the demo is built for, and with one shared stream that would change every later draw. With one
    stream per entity, a demo built on another day tells the same story, only dated differently.
    """
    digest = hashlib.blake2b(repr((seed, *key)).encode(), digest_size=8).digest()
    return np.random.default_rng([seed, int.from_bytes(digest, "little")])


def reached(stage: str, step: str) -> bool:
    return STAGE_ORDER.index(stage) >= STAGE_ORDER.index(step)


class Rows:
    """Collects rows per table; an entity's versions are chained (valid_to = the next version's valid_from).

    Versions dated after ``cutoff`` (the generator's "now") are dropped: they have not happened yet.
    """

    def __init__(self, cutoff: datetime | None = None) -> None:
        self.tables: dict[str, list[dict[str, Any]]] = defaultdict(list)
        self.cutoff = cutoff

    def add(self, table: str, values: dict[str, Any], at: datetime, by: str) -> None:
        self.versions(table, [(at, by, values)])

    def versions(self, table: str, chain: list[tuple[datetime, str, dict[str, Any]]]) -> None:
        if self.cutoff is not None:
            chain = [c for c in chain if c[0] <= self.cutoff]
        merged: dict[str, Any] = {}
        for i, (at, by, values) in enumerate(chain):
            merged = {**merged, **values}
            valid_to = chain[i + 1][0] if i + 1 < len(chain) else None
            self.tables[table].append({**merged, "valid_from": at, "valid_to": valid_to, "changed_by": by})

    def frames(self) -> dict[str, pd.DataFrame]:
        return {t: pd.DataFrame(rows) for t, rows in self.tables.items()}


def ts(d: date, hour: int = 9) -> datetime:
    return datetime.combine(d, datetime.min.time()) + timedelta(hours=hour)
