"""Writes of the Strategic Key Account Plan that touch several rows at once, each in one transaction with the
permission check inside: the RACI matrix, a new plan version, agreeing a version with the customer.

Single items (stakeholders, feedback, objectives, team members, KPI definitions, milestones) are written with
``services.items.save_item`` / ``remove_item``.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from skam_core.domain import clock
from skam_core.domain.asof import AsOf
from skam_core.domain.enums import PlanStatus, Raci
from skam_core.domain.specs import SPECS, FieldError, validate_values
from skam_core.domain.users import PermissionDenied, User
from skam_core.services.access import require_account_write
from skam_core.services.items import ValidationFailed
from skam_core.storage import versioned
from skam_core.storage.cursor import Cursor
from skam_core.storage.db import Store

PLAN_LOCK = "plan_versions/account"  # one lock for all plan versions of an account (numbering, agreeing)
ITEM_TABLES = {"objective": "plan_objectives", "milestone": "milestones"}


@dataclass(frozen=True)
class RaciCell:
    member_id: str
    item_kind: str  # objective | milestone
    item_id: str
    letter: str | None  # R | A | C | I, or None to clear the cell


def apply_raci(
    store: Store, user: User, customer_id: str, cells: Iterable[RaciCell], *, now: datetime | None = None
) -> int:
    """Set or clear RACI cells of one account in one transaction; unchanged cells are left alone. Members and
    items must belong to the account. Returns the number of cells changed."""
    cells = list(cells)
    letters = {r.value for r in Raci}
    errors = [
        FieldError("letter", f"'{c.letter}' is not one of {', '.join(sorted(letters))}")
        for c in cells
        if c.letter is not None and c.letter not in letters
    ]
    errors += [
        FieldError("item_kind", f"'{c.item_kind}' is not one of objective, milestone")
        for c in cells
        if c.item_kind not in ITEM_TABLES
    ]
    if errors:
        raise ValidationFailed(errors)

    def work(cur: Cursor) -> int:
        require_account_write(cur, user, customer_id)
        stamp = now or versioned.utc_now()
        changed = 0
        for c in cells:
            member = versioned.live_version(cur, "team_members", {"id": c.member_id})
            item = versioned.live_version(cur, ITEM_TABLES[c.item_kind], {"id": c.item_id})
            if member is None or item is None:
                raise versioned.NotFoundError("A team member or plan item of the matrix does not exist any more.")
            if member["customer_id"] != customer_id or item["customer_id"] != customer_id:
                raise PermissionDenied("Team members and plan items must belong to the same account.")
            key = {"customer_id": customer_id, "member_id": c.member_id, "item_kind": c.item_kind, "item_id": c.item_id}
            letter = None if c.letter is None else {"letter": c.letter}
            changed += versioned.set_or_clear(cur, "raci", key, letter, user_id=user.user_id, now=stamp)
        return changed

    return store.transaction(work)


def start_plan_version(
    store: Store,
    user: User,
    customer_id: str,
    *,
    title: str | None = None,
    customer_sees: str | None = None,
    summary: str | None = None,
) -> str:
    """A new draft version of the account's plan, numbered after the highest existing one and copying title, the
    parts the customer sees and the summary from the latest version unless given. Returns its id."""
    new_id = versioned.new_id()

    def work(cur: Cursor) -> str:
        require_account_write(cur, user, customer_id)
        # Two sessions starting a version at once would both number it after the same highest one.
        versioned.lock_entity(cur, PLAN_LOCK, customer_id)
        existing = versioned.read_current(cur, "plan_versions", asof=AsOf.now(), where={"customer_id": customer_id})
        latest = existing.sort_values("version_no").iloc[-1].to_dict() if not existing.empty else {}
        latest = {k: (None if isinstance(v, float) and math.isnan(v) else v) for k, v in latest.items()}
        values = {
            "id": new_id,
            "customer_id": customer_id,
            "version_no": int(existing["version_no"].max()) + 1 if not existing.empty else 1,
            "title": title or latest.get("title") or "Strategic Key Account Plan",
            "status": PlanStatus.DRAFT.value,
            "agreed_on": None,
            "customer_sees": customer_sees if customer_sees is not None else latest.get("customer_sees"),
            "summary": summary if summary is not None else latest.get("summary"),
        }
        clean, errors = validate_values(SPECS["plan_versions"], {k: v for k, v in values.items() if v is not None})
        if errors:
            raise ValidationFailed(errors)
        versioned.save_version(cur, "plan_versions", {**values, **clean}, user_id=user.user_id)
        return new_id

    return store.transaction(work)


def agree_plan_version(
    store: Store, user: User, version_id: str, agreed_on: date, *, today: date | None = None
) -> None:
    """Record that the customer agreed this plan version on ``agreed_on``; the previously agreed version of the
    account becomes superseded — in one transaction, so there is always exactly one agreed version."""
    today = today or clock.today()
    if agreed_on > today:
        raise ValidationFailed([FieldError("agreed_on", f"{agreed_on:%Y-%m-%d} lies in the future")])

    def work(cur: Cursor) -> None:
        version = versioned.live_version(cur, "plan_versions", {"id": version_id})
        if version is None:
            raise versioned.NotFoundError("The plan version does not exist any more.")
        require_account_write(cur, user, version["customer_id"])
        # Two sessions agreeing different drafts at once would each supersede only the version agreed before.
        versioned.lock_entity(cur, PLAN_LOCK, version["customer_id"])
        stamp = versioned.utc_now()
        others = versioned.read_current(
            cur,
            "plan_versions",
            asof=AsOf.now(),
            where={"customer_id": version["customer_id"], "status": PlanStatus.AGREED.value},
        )
        for other in others.to_dict("records"):
            if other["id"] != version_id:
                versioned.save_version(
                    cur,
                    "plan_versions",
                    {"id": other["id"], "status": PlanStatus.SUPERSEDED.value},
                    user_id=user.user_id,
                    now=stamp,
                )
        versioned.save_version(
            cur,
            "plan_versions",
            {"id": version_id, "status": PlanStatus.AGREED.value, "agreed_on": agreed_on},
            user_id=user.user_id,
            now=stamp,
        )

    store.transaction(work)
