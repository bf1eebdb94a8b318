"""The value page's read (step 3): one account's value proposition, the opportunities behind it, the
customer's feedback on its components, our capabilities, and the proposition's economics per horizon."""

from __future__ import annotations

from skam_core.analytics.value import HORIZONS, ValueView, components, economics
from skam_core.domain.asof import AsOf
from skam_core.storage.db import Store
from skam_core.storage.queries import strategy as sq


def value(store: Store, asof: AsOf, customer_id: str) -> ValueView:
    items = sq.value_items(store, asof, customer_id)
    opps = sq.opportunities(store, asof, customer_id)
    comps = components(items, opps)
    return ValueView(
        items,
        opps,
        comps,
        sq.value_feedback(store, customer_id, asof),
        sq.capabilities(store, asof),
        # every horizon the page offers, once per data version: the page's largest per-run work before
        economics={y: economics(comps, asof.day, y) for y in HORIZONS} if not comps.empty else {},
    )
