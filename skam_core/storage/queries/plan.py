"""Step 4 reads for one account: stakeholders, customer feedback, plan versions, objectives, team, RACI, and the
titles of the items plan content links to (opportunities, value-proposition components).

Every read takes ``as_of`` (None: now) and returns the version of each item visible then, removed items left
out, with ``valid_from`` and ``changed_by`` so that an edit can be checked against the version it was based on.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from skam_core.storage.db import Store
from skam_core.storage.versioned import visible_clause


def _account_rows(store: Store, columns: str, table: str, customer_id: str, as_of: date | None, order: str):
    # ``table``, ``columns`` and ``order`` are fixed literals of this module, never user input.
    vis, params = visible_clause(as_of)
    return store.df(
        f"SELECT {columns}, valid_from, changed_by FROM {table}"
        f" WHERE {vis} AND NOT is_deleted AND customer_id = ? ORDER BY {order}",
        [*params, customer_id],
    )


def stakeholders(store: Store, customer_id: str, as_of: date | None = None) -> pd.DataFrame:
    return _account_rows(
        store,
        "id, customer_id, name, job_title, function, influence, attitude, long_term_responsibility, last_contact,"
        " our_contact",
        "stakeholders",
        customer_id,
        as_of,
        "influence DESC, name",
    )


def feedback(store: Store, customer_id: str, as_of: date | None = None) -> pd.DataFrame:
    return _account_rows(
        store,
        "id, customer_id, received_on, stakeholder_id, from_name, text, sentiment, value_item_id",
        "customer_feedback",
        customer_id,
        as_of,
        "received_on DESC, valid_from DESC",
    )


def plan_versions(store: Store, customer_id: str, as_of: date | None = None) -> pd.DataFrame:
    return _account_rows(
        store,
        "id, customer_id, version_no, title, status, agreed_on, customer_sees, summary",
        "plan_versions",
        customer_id,
        as_of,
        "version_no DESC",
    )


def objectives(store: Store, customer_id: str, as_of: date | None = None) -> pd.DataFrame:
    return _account_rows(
        store,
        "id, customer_id, objective, measure, due, visible_to_customer, sort_order",
        "plan_objectives",
        customer_id,
        as_of,
        "sort_order, objective",
    )


def team(store: Store, customer_id: str, as_of: date | None = None) -> pd.DataFrame:
    return _account_rows(
        store,
        "id, customer_id, name, side, role, email, on_steering_committee",
        "team_members",
        customer_id,
        as_of,
        "side DESC, on_steering_committee DESC, name",
    )


def raci(store: Store, customer_id: str, as_of: date | None = None) -> pd.DataFrame:
    return _account_rows(
        store, "customer_id, member_id, item_kind, item_id, letter", "raci", customer_id, as_of, "item_kind, item_id"
    )


def opportunity_titles(store: Store, customer_id: str, as_of: date | None = None) -> pd.DataFrame:
    """Opportunities of the account (id, title), for linking milestones to the new business they serve."""
    return _account_rows(store, "id, title", "opportunities", customer_id, as_of, "title")


def value_item_titles(store: Store, customer_id: str, as_of: date | None = None) -> pd.DataFrame:
    """Value-proposition components of the account (id, title), for feedback about a component."""
    return _account_rows(store, "id, title", "value_items", customer_id, as_of, "sequence_no, title")
