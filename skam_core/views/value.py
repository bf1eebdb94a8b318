"""The value page's read (step 3): one account's value proposition, the opportunities behind it, the
customer's feedback on its components, and our capabilities."""

from __future__ import annotations

from skam_core.analytics.value import ValueView, components
from skam_core.domain.asof import AsOf
from skam_core.storage.db import Store
from skam_core.storage.queries import strategy as sq


def value(store: Store, asof: AsOf, customer_id: str) -> ValueView:
    items = sq.value_items(store, asof, customer_id)
    opps = sq.opportunities(store, asof, customer_id)
    return ValueView(
        items,
        opps,
        components(items, opps),
        sq.value_feedback(store, customer_id, asof),
        sq.capabilities(store, asof),
    )
