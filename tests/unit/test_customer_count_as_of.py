"""The count of customers as of any instant (storage.queries.customers.customer_count, counted from the current
versions and those changed since) is the number of customers visible then, on both engines: through creations,
edits, removals and a customer restored after its removal."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pandas as pd

from skam_core.domain.asof import AsOf
from skam_core.storage import versioned
from skam_core.storage.queries import customers as cq
from skam_core.storage.versioned import visible_clause

TODAY = date(2026, 11, 27)


def _visible(store, asof: AsOf) -> int:
    vis, params = visible_clause(asof)
    return store.query(f"SELECT count(*) FROM customers WHERE {vis} AND NOT is_deleted", params).single_value()


def _add(store, ids: list[str], when: datetime) -> None:
    df = pd.DataFrame({"customer_id": ids, "name": [f"Kunde {c}" for c in ids], "skam_stage": "none"})
    store.transaction(lambda cur: versioned.insert_versions(cur, "customers", df, user_id="t", valid_from=when))


def _change(store, customer_id: str, when: datetime, *, deleted: bool = False, **values) -> None:
    store.transaction(
        lambda cur: versioned.save_version(
            cur, "customers", {"customer_id": customer_id, **values}, user_id="t", deleted=deleted, now=when
        )
    )


def test_the_count_of_customers_as_of_any_day_is_the_number_visible_then(store):
    start = datetime(2026, 1, 10, 9)
    _add(store, [f"C{i:02d}" for i in range(8)], start)
    _add(store, ["D00", "D01"], datetime(2026, 4, 2, 12))
    _change(store, "C01", datetime(2026, 2, 1), skam_stage="fit")
    _change(store, "C01", datetime(2026, 6, 1), skam_stage="value")
    _change(store, "C02", datetime(2026, 3, 15), deleted=True)
    _change(store, "C03", datetime(2026, 5, 5), deleted=True)
    _change(store, "C03", datetime(2026, 7, 7), skam_stage="none")  # restored
    _change(store, "D00", datetime(2026, 8, 20), deleted=True)
    days = [start.date() - timedelta(days=1), start.date()] + [date(2026, m, d) for m in range(1, 12) for d in (1, 15)]
    counts = []
    for day in days:
        asof = AsOf.at(day, TODAY)
        counts.append(cq.customer_count(store, asof))
        assert counts[-1] == _visible(store, asof), day
    assert cq.customer_count(store, AsOf.now(TODAY)) == _visible(store, AsOf.now(TODAY)) == 8
    assert len(set(counts)) >= 4  # the days chosen see different numbers of customers
