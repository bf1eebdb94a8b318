"""Generic create/edit/remove of versioned items, for every table in the registry.

Each call validates by the table's spec, checks the acting user's permission inside the transaction, and
writes a new version (who, when). Specific services (KPI entries, meetings, imports) build on these.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from skam_core.domain.specs import SPECS, FieldError, validate_values
from skam_core.domain.users import PermissionDenied, User
from skam_core.domain.values import same_value
from skam_core.services.access import require_account_write, require_admin
from skam_core.storage import versioned
from skam_core.storage.cursor import Cursor
from skam_core.storage.db import Store


def new_item_id() -> str:
    """A fresh id for an item a form is about to create."""
    return versioned.new_id()


def item_key(table_name: str) -> tuple[str, ...]:
    """The key columns of a table's items (what a form keeps fixed)."""
    return tuple(versioned.table(table_name).key)


class ValidationFailed(ValueError):
    """Input that breaks a field rule; carries every problem so a form can show them all at once."""

    def __init__(self, errors: list[FieldError]):
        self.errors = errors
        super().__init__("; ".join(str(e) for e in errors))


# Programme membership is an admin decision (README, Roles): which customers are key accounts, since when, and
# who manages them. An account manager edits the rest of their customer's record.
MEMBERSHIP_FIELDS = ("skam_stage", "skam_start", "account_manager")

# Columns that name an item of the same account: (table, column) -> the table of the item named.
REFERENCES: dict[tuple[str, str], str] = {
    ("customer_feedback", "stakeholder_id"): "stakeholders",
    ("customer_feedback", "value_item_id"): "value_items",
    ("value_items", "opportunity_id"): "opportunities",
    ("milestones", "opportunity_id"): "opportunities",
    ("milestones", "objective_id"): "plan_objectives",
    ("fit_scores", "priority_id"): "strategic_priorities",
    ("decisions", "meeting_id"): "steering_meetings",
    ("decisions", "escalation_id"): "escalations",
}


def check_references(cur: Cursor, table_name: str, row: Mapping[str, Any], current: Mapping[str, Any] | None) -> None:
    """Every item ``row`` newly names must exist and belong to the row's own account: a feedback cannot be
    about another account's stakeholder (whose name its viewers would then see). A reference the current
    version already holds is left alone (its item may have been removed since)."""
    account = row.get("customer_id")
    for (table, column), target in REFERENCES.items():
        if table != table_name or row.get(column) in (None, ""):
            continue
        if current is not None and same_value(row.get(column), current.get(column)):
            continue
        item = versioned.live_version(cur, target, {"id": row[column]})
        if item is None:
            raise versioned.NotFoundError(f"{column}: {row[column]} does not exist.")
        if item["customer_id"] != account:
            raise PermissionDenied(f"{column}: {row[column]} belongs to another account.")


def _account_of(cur: Cursor, table_name: str, row: Mapping[str, Any]) -> str | None:
    t = versioned.table(table_name)
    if t.account_column:
        return row.get(t.account_column)
    if table_name == "kpi_targets":
        missing = f"KPI {row.get('kpi_id')} does not exist."
        kpi = versioned.live_version(cur, "kpi_definitions", {"id": row.get("kpi_id")}, missing=missing)
        assert kpi is not None  # live_version raises NotFoundError when missing= is given
        return kpi["customer_id"]
    return None


def check_write(
    cur: Cursor,
    user: User,
    table_name: str,
    row: Mapping[str, Any],
    current: Mapping[str, Any] | None,
) -> None:
    """Who may write this row: account tables by account permission, company-wide tables by admins only."""
    if table_name == "customers":
        if current is None:
            require_admin(user, "create customers")
            return
        changed = [f for f in MEMBERSHIP_FIELDS if not same_value(row.get(f), current.get(f))]
        if changed:
            require_admin(user, f"change programme membership ({', '.join(changed)})")
    account = _account_of(cur, table_name, row)
    if account is None:
        require_admin(user, f"change {table_name.replace('_', ' ')}")
        return
    if current is not None and _account_of(cur, table_name, current) != account:
        raise PermissionDenied("An item cannot be moved to another account.")
    require_account_write(cur, user, account)


def save_item(
    store: Store,
    user: User,
    table_name: str,
    values: Mapping[str, Any],
    *,
    expected_valid_from: datetime | None = None,
    now: datetime | None = None,
    missing: str | None = None,
) -> datetime:
    """Create or edit one item. Raises ValidationFailed, PermissionDenied, StaleEditError or WriteConflictError.
    With ``missing`` the item must exist: when it does not (or was removed), NotFoundError with that message is
    raised instead of creating it — checked in the same transaction as the write."""
    spec = SPECS[table_name]
    clean, errors = validate_values(spec, values, partial=True)
    if errors:
        raise ValidationFailed(errors)

    def work(cur: Cursor) -> datetime:
        current = versioned.current_version(cur, table_name, clean)
        if current is not None and current["is_deleted"]:
            current = None
        if current is None and missing is not None:
            raise versioned.NotFoundError(missing)
        merged = {**{f.name: (current or {}).get(f.name) for f in spec}, **clean}
        for f in spec:  # what the schema would default, for columns left empty
            if merged.get(f.name) is None and f.default is not None:
                merged[f.name] = f.default
        _, incomplete = validate_values(spec, {k: v for k, v in merged.items() if v is not None})
        if incomplete:
            raise ValidationFailed(incomplete)
        check_write(cur, user, table_name, merged, current)
        check_references(cur, table_name, merged, current)
        if current is not None and all(same_value(merged.get(f.name), current.get(f.name)) for f in spec):
            return current["valid_from"]  # nothing changed: no new version (the history stays meaningful)
        return versioned.save_version(
            cur, table_name, merged, user_id=user.user_id, now=now, expected_valid_from=expected_valid_from
        )

    return store.transaction(work)


def remove_item(
    store: Store,
    user: User,
    table_name: str,
    key_values: Mapping[str, Any],
    *,
    expected_valid_from: datetime | None = None,
) -> datetime:
    """Remove an item: a new version marked deleted, so the history keeps who removed it and when."""

    def work(cur: Cursor) -> datetime:
        current = versioned.current_version(cur, table_name, key_values)
        if current is None or current["is_deleted"]:
            raise versioned.NotFoundError("The item does not exist any more.")
        if table_name == "customers":  # a customer leaves the programme (and the store) by an admin's decision
            require_admin(user, "remove customers")
        check_write(cur, user, table_name, current, current)
        return versioned.save_version(
            cur,
            table_name,
            {k: current[k] for k in versioned.table(table_name).all_columns},
            user_id=user.user_id,
            expected_valid_from=expected_valid_from,
            deleted=True,
        )

    return store.transaction(work)
