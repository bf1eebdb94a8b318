"""Step 4 reads for one account: stakeholders, customer feedback, plan versions, objectives, team, RACI, and the
titles of the items plan content links to (opportunities, value-proposition components).

Every read takes ``asof`` (required) and returns the version of each item visible then, removed items left
out, with ``valid_from`` and ``changed_by`` so that an edit can be checked against the version it was based on.
"""

from __future__ import annotations

import pandas as pd

from skam_core.domain.asof import AsOf
from skam_core.storage.db import Store
from skam_core.storage.versioned import account_rows


def stakeholders(store: Store, customer_id: str, asof: AsOf) -> pd.DataFrame:
    return account_rows(store, "stakeholders", customer_id, asof, ("influence DESC", "name"))


def feedback(store: Store, customer_id: str, asof: AsOf) -> pd.DataFrame:
    return account_rows(store, "customer_feedback", customer_id, asof, ("received_on DESC", "valid_from DESC"))


def plan_versions(store: Store, customer_id: str, asof: AsOf) -> pd.DataFrame:
    return account_rows(store, "plan_versions", customer_id, asof, ("version_no DESC",))


def objectives(store: Store, customer_id: str, asof: AsOf) -> pd.DataFrame:
    return account_rows(store, "plan_objectives", customer_id, asof, ("sort_order", "objective"))


def team(store: Store, customer_id: str, asof: AsOf) -> pd.DataFrame:
    return account_rows(store, "team_members", customer_id, asof, ("side DESC", "on_steering_committee DESC", "name"))


def raci(store: Store, customer_id: str, asof: AsOf) -> pd.DataFrame:
    return account_rows(store, "raci", customer_id, asof, ("item_kind", "item_id"))


def opportunity_titles(store: Store, customer_id: str, asof: AsOf) -> pd.DataFrame:
    """Opportunities of the account (id, title), for linking milestones to the new business they serve."""
    return account_rows(store, "opportunities", customer_id, asof, ("title",), columns=("id", "title"))


def value_item_titles(store: Store, customer_id: str, asof: AsOf) -> pd.DataFrame:
    """Value-proposition components of the account (id, title), for feedback about a component."""
    return account_rows(store, "value_items", customer_id, asof, ("sequence_no", "title"), columns=("id", "title"))
