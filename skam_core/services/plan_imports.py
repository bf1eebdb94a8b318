"""Imports of plan content from a CRM or project tool: stakeholders, opportunities, milestones (called by
``services.imports.import_file``, the one import path).

An item is matched by (customer_id, external_id): a re-import updates it with a new version where a value the
file sets changed, and adds nothing where none did. Columns the file does not set stay as the dashboard has
them (the CRM knows a contact's title, the account manager their attitude); a new item takes the mapping's
``[defaults]`` for what the file leaves empty. An opportunity whose stage is ``lost`` is removed from the plan
(a removal version, so the history keeps it); an item removed on the dashboard stays removed.

All or nothing as every import: problems by row and column, the store unchanged. Who may: admins on every
account, account managers on the accounts they manage (a row of another account is a problem of that row).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, datetime
from typing import Any

import numpy as np
import pandas as pd

from skam_core.domain.specs import SPECS
from skam_core.domain.specs.base import SpecError
from skam_core.domain.users import PermissionDenied, User, may_edit_account
from skam_core.domain.values import is_missing, same_value
from skam_core.io import import_plan
from skam_core.io.columns import Problems
from skam_core.io.crm_mapping import CrmMapping
from skam_core.io.import_files import ImportResult, finish
from skam_core.io.known_since import COLUMN, KnownSince, knowledge_instants
from skam_core.io.tabular import Dialect
from skam_core.services.access import require_import
from skam_core.services.milestones import status_update_problems
from skam_core.storage import imports as sql
from skam_core.storage import versioned
from skam_core.storage.cursor import Cursor
from skam_core.storage.db import Store

EXAMPLES = 10  # the changes a run lists by row (the counts cover all)
TITLE = {"stakeholders": "name", "opportunities": "title", "milestones": "title"}
ITEM = {"stakeholders": "stakeholder", "opportunities": "opportunity", "milestones": "milestone"}


def not_editable(user: User, customer_ids: pd.Series, managers: Mapping[str, str | None]) -> pd.Series:
    """Rows of a known account that ``user`` may not write (the rule of ``access.require_account_write``:
    admins every account, account managers the accounts they manage)."""
    known = customer_ids.isin(managers.keys())
    editable = customer_ids.map(lambda c: may_edit_account(user.role, user.user_id, managers.get(c)))
    return known & ~editable.astype(bool)


def _defaults(kind: str, mapping: CrmMapping | None, result: ImportResult) -> dict[str, Any] | None:
    """The mapping's values for new items, checked by the fields' specs (None after a problem)."""
    fields = {f.name: f for f in import_plan.plan_fields(kind)}
    out: dict[str, Any] = {}
    for column, text in (mapping.defaults if mapping else {}).items():
        try:
            out[column] = (
                import_plan.parse_day(text, ()) if fields[column].kind == "date" else fields[column].coerce(text)
            )
        except (SpecError, ValueError) as exc:
            assert mapping is not None
            result.problems.append(f"mapping {mapping.name}: [defaults] {column}: {exc}")
    return None if result.problems else out


def _show(v: Any) -> str:
    if is_missing(v):
        return "(empty)"
    if isinstance(v, datetime) and v.time() == datetime.min.time():
        v = v.date()  # a DATE column read back as a timestamp
    s = v.isoformat() if isinstance(v, (date, datetime)) else str(v)
    return repr(s if len(s) <= 40 else s[:37] + "...")


def _milestone_rules(values: Mapping[str, Any], today: date) -> list[tuple[str, str]]:
    """(column, message) of a milestone that breaks the status rules of the status update (``services.milestones``)."""
    completed = values.get("completed_on")
    completed = None if is_missing(completed) else pd.Timestamp(completed).date()
    comment = None if is_missing(values.get("comment")) else values.get("comment")
    return [(e.field, e.message) for e in status_update_problems(values["status"], comment, completed, today)]


def write_plan(
    store: Store,
    user: User,
    kind: str,
    df: pd.DataFrame,
    dialect: Dialect,
    result: ImportResult,
    *,
    today: date,
    now: datetime,
    known_since: KnownSince | None,
    dry_run: bool,
    mapping: CrmMapping | None,
    origin: dict[str, str],
    progress: Callable[[float, str], None],
) -> None:
    with store.cursor() as cur:
        managers = sql.account_managers(cur)
    items, problems = import_plan.parse(df, kind, dialect, set(managers), origin=origin, mapping=mapping)
    instants = knowledge_instants(df, kind, known_since, None, today, now, problems)
    cid = items.keys["customer_id"]
    problems.add_mask(
        not_editable(user, cid, managers), cid, items.header("customer_id"), "'{value}' is not one of your accounts"
    )
    defaults = _defaults(kind, mapping, result)
    if not finish(problems, result) or defaults is None:
        return
    progress(0.5, "compare")
    spec = SPECS[kind]
    columns = versioned.table(kind).all_columns
    label = TITLE[kind]
    stamps = np.full(len(items.values), now, dtype="datetime64[us]") if instants is None else instants.to_numpy()

    def work(cur: Cursor) -> None:
        require_import(user, kind)
        foreign = sorted(set(cid[not_editable(user, cid, sql.account_managers(cur))]))
        if foreign:
            raise PermissionDenied(
                f"{user.user_id} does not manage account(s) {', '.join(foreign)} and may not change them."
            )
        # The same file imported twice at once: the second waits for the first and finds its items.
        for c in sorted(set(cid)):
            versioned.lock_entity(cur, f"import/{kind}", c)
        stored = sql.current_plan_items(cur, kind)
        by_key = {(r["customer_id"], r["external_id"]): r for r in stored.to_dict("records")}
        deals = {}
        if kind == "milestones":
            opps = sql.current_plan_items(cur, "opportunities")
            deals = {
                (r["customer_id"], r["external_id"]): r["id"] for r in opps.to_dict("records") if not r["is_deleted"]
            }
        found, late, writes, changes, kept_removed = Problems(), Problems(), [], [], []
        added = changed = unchanged = 0
        for i, (row, c, ext) in enumerate(zip(items.rows, cid, items.keys["external_id"], strict=True)):
            values = dict(items.values[i])
            lost = values.pop("stage", None) == "lost"
            if import_plan.LINK in values:
                link = values.pop(import_plan.LINK)
                values["opportunity_id"] = None if link is None else deals.get((c, link))
                if link is not None and values["opportunity_id"] is None:
                    found.add(
                        int(row),
                        items.header(import_plan.LINK),
                        f"'{link}' is no opportunity of {c} (import the opportunities first)",
                    )
            current = by_key.get((c, ext))
            if current is not None and current["is_deleted"]:
                kept_removed.append(int(row))
                unchanged += 1
                continue
            if current is None:
                if lost:  # a lost deal the plan never had: nothing to add
                    unchanged += 1
                    continue
                new = {f.name: f.default for f in spec if f.default is not None}
                if kind == "milestones":
                    new["status"] = "open"  # the schema's default
                new.update(defaults)
                new.update({k: v for k, v in values.items() if v is not None})
                new.update(id=versioned.new_id(), customer_id=c, external_id=ext)
                for f in spec:
                    if f.required and is_missing(new.get(f.name)):
                        found.add(
                            int(row),
                            items.header(f.name),
                            f"is empty but required for a new {ITEM[kind]} (map a column to {f.name}"
                            " or give it under [defaults] in the mapping)",
                        )
                if kind == "milestones" and "status" in new:
                    for col, msg in _milestone_rules(new, today):
                        found.add(int(row), items.header(col), msg)
                added += 1
                changes.append(f"row {row}: new {ITEM[kind]} {_show(new.get(label))} ({c})")
                writes.append({**{k: new.get(k) for k in columns}, "is_deleted": False, "valid_from": stamps[i]})
                continue
            merged = {k: current[k] for k in columns}
            merged.update(values)
            diff = [k for k in values if not same_value(values[k], current[k])]
            if not lost and not diff:
                unchanged += 1
                continue
            if kind == "milestones" and not lost and {"status", "comment", "completed_on"} & set(diff):
                for col, msg in _milestone_rules(merged, today):
                    found.add(int(row), items.header(col), msg)
            if instants is not None and pd.Timestamp(stamps[i]) <= pd.Timestamp(current["valid_from"]):
                late.add(
                    int(row),
                    COLUMN,
                    f"the stored version is known since {pd.Timestamp(current['valid_from']):%Y-%m-%d %H:%M} UTC;"
                    " a correction must be known later (import corrections without --known-since)",
                )
            changed += 1
            name = _show(current[label])
            if lost:
                changes.append(f"row {row}: {ITEM[kind]} {name} ({c}) removed from the plan: lost in the CRM")
                merged = {k: current[k] for k in columns}
            else:
                what = "; ".join(f"{k} {_show(current[k])} -> {_show(values[k])}" for k in diff)
                changes.append(f"row {row}: {ITEM[kind]} {name} ({c}): {what}")
            writes.append({**merged, "is_deleted": lost, "valid_from": stamps[i]})
        if not finish(found, result) or not finish(late, result):
            return
        removed[:] = kept_removed
        result.added, result.changed, result.unchanged = added, changed, unchanged
        result.changes, result.more_changes = changes[:EXAMPLES], max(0, len(changes) - EXAMPLES)
        if dry_run:
            return
        progress(0.7, "write")
        frame = pd.DataFrame(writes, columns=[*columns, "is_deleted", "valid_from"])
        frame["valid_from"] = pd.to_datetime(frame["valid_from"])
        sql.write_plan_versions(cur, kind, frame, user_id=user.user_id)
        result.written = True

    removed: list[int] = []  # rows of items removed on the dashboard (from the run that committed)
    store.transaction(work)
    if removed:
        shown = ", ".join(str(r) for r in removed[:EXAMPLES]) + (" ..." if len(removed) > EXAMPLES else "")
        result.warnings.append(
            f"row(s) {shown}: the {ITEM[kind]} was removed on the dashboard; the import leaves it removed"
        )
