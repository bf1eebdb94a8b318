"""The steering committee's writes: record a meeting (with decisions, new escalations and agreed actions that
become milestones, all in one transaction), raise an escalation between meetings, record a decision on it, add an
action item to a decision later and set its status.

An action item is a milestone of the plan (owner, due date, status) plus a link to the decision it carries out
(table action_items): so an agreed action item counts as a milestone everywhere the plan's milestones count.

Who may do what: the account's manager and admins everything here; executives (committee members from top
management) record meetings and decide escalations on every account; viewers nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from skam_core.domain import clock
from skam_core.domain.enums import EscalationStatus, MilestoneStatus, Role
from skam_core.domain.specs import SPECS, FieldError, validate_values
from skam_core.domain.users import User
from skam_core.services.access import require_account_write
from skam_core.services.items import ValidationFailed
from skam_core.storage import versioned
from skam_core.storage.cursor import Cursor
from skam_core.storage.db import Store


@dataclass(frozen=True)
class Action:
    """An action agreed in a meeting; it becomes a milestone of the plan. ``decision``: the number (1, 2, ...)
    of the meeting's decision it carries out, which makes it that decision's action item."""

    title: str
    owner: str | None
    due: date
    decision: int | None = None


@dataclass(frozen=True)
class NewEscalation:
    problem: str
    owner: str | None
    decision_needed: str | None
    due: date | None


@dataclass
class Meeting:
    customer_id: str
    held_on: date
    attendees_ours: str = ""
    attendees_customer: str = ""
    summary: str = ""
    next_meeting_on: date | None = None
    decisions: list[tuple[str, str | None]] = field(default_factory=list)  # (text, owner)
    escalations: list[NewEscalation] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)


def require_committee_write(cur: Cursor, user: User, customer_id: str) -> None:
    """Executives act for the committee on every account; otherwise the usual account permission."""
    if user.role is Role.EXECUTIVE:
        # A removed account's current version is its tombstone: committees of removed accounts record nothing.
        versioned.live_version(
            cur, "customers", {"customer_id": customer_id}, missing=f"Account {customer_id} does not exist."
        )
        return
    require_account_write(cur, user, customer_id)


def _check(table: str, values: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    clean, errors = validate_values(SPECS[table], values)
    if errors:
        raise ValidationFailed([FieldError(prefix + e.field, e.message) for e in errors])
    return clean


def _escalation_row(
    eid: str, customer_id: str, raised_on: date, user: User, escalation: NewEscalation, prefix: str = ""
) -> dict:
    """A new, open escalation raised by ``user``, checked by its spec."""
    return _check(
        "escalations",
        {
            "id": eid,
            "customer_id": customer_id,
            "raised_on": raised_on,
            "raised_by": user.name,
            "problem": escalation.problem,
            "owner": escalation.owner,
            "decision_needed": escalation.decision_needed,
            "due": escalation.due,
            "status": EscalationStatus.OPEN.value,
        },
        prefix,
    )


def _milestone_row(customer_id: str, action: Action, comment: str, prefix: str = "") -> dict[str, Any]:
    return _check(
        "milestones",
        {
            "id": versioned.new_id(),
            "customer_id": customer_id,
            "title": action.title,
            "owner": action.owner,
            "due": action.due,
            "status": MilestoneStatus.OPEN.value,
            "comment": comment,
        },
        prefix,
    )


def _link_row(customer_id: str, decision_id: str, milestone_id: str) -> dict[str, Any]:
    return _check(
        "action_items",
        {
            "id": versioned.new_id(),
            "customer_id": customer_id,
            "decision_id": decision_id,
            "milestone_id": milestone_id,
        },
    )


def record_meeting(store: Store, user: User, meeting: Meeting, *, today: date | None = None) -> str:
    """Record a held meeting. Its pinned as-of date is the meeting day: the snapshot link shows the pack as it
    was known at the end of that day. Returns the meeting id."""
    today = today or clock.today()
    if meeting.held_on > today:
        raise ValidationFailed([FieldError("held_on", "a meeting can only be recorded once it has taken place")])
    mid = versioned.new_id()
    m = _check(
        "steering_meetings",
        {
            "id": mid,
            "customer_id": meeting.customer_id,
            "held_on": meeting.held_on,
            "pinned_as_of": meeting.held_on,
            "attendees_ours": meeting.attendees_ours,
            "attendees_customer": meeting.attendees_customer,
            "summary": meeting.summary,
            "next_meeting_on": meeting.next_meeting_on,
        },
    )
    if m.get("next_meeting_on") and m["next_meeting_on"] <= m["held_on"]:
        raise ValidationFailed([FieldError("next_meeting_on", "the next meeting must come after this one")])
    given = [(text, owner) for text, owner in meeting.decisions if text and text.strip()]
    decisions = [
        _check(
            "decisions",
            {
                "id": versioned.new_id(),
                "customer_id": meeting.customer_id,
                "meeting_id": mid,
                "decided_on": meeting.held_on,
                "text": text,
                "owner": owner,
            },
            f"decision {i + 1} ",
        )
        for i, (text, owner) in enumerate(given)
    ]
    escalations = [
        _escalation_row(versioned.new_id(), meeting.customer_id, meeting.held_on, user, e, f"escalation {i + 1} ")
        for i, e in enumerate(meeting.escalations)
        if e.problem and e.problem.strip()
    ]
    actions, links = [], []
    for i, a in enumerate(x for x in meeting.actions if x.title and x.title.strip()):
        if a.decision is not None and not 1 <= a.decision <= len(decisions):
            raise ValidationFailed([FieldError(f"action {i + 1} decision", f"there is no decision no. {a.decision}")])
        row = _milestone_row(meeting.customer_id, a, f"meeting:{mid}", f"action {i + 1} ")
        actions.append(row)
        if a.decision is not None:
            links.append(_link_row(meeting.customer_id, decisions[a.decision - 1]["id"], row["id"]))

    def work(cur: Cursor) -> str:
        require_committee_write(cur, user, meeting.customer_id)
        now = versioned.utc_now()
        versioned.save_version(cur, "steering_meetings", m, user_id=user.user_id, now=now)
        tables = (("decisions", decisions), ("escalations", escalations), ("milestones", actions))
        for table, rows in (*tables, ("action_items", links)):
            for row in rows:
                versioned.save_version(cur, table, row, user_id=user.user_id, now=now)
        return mid

    return store.transaction(work)


def raise_escalation(
    store: Store, user: User, customer_id: str, escalation: NewEscalation, *, today: date | None = None
) -> str:
    """Between meetings: a problem that needs a quick decision by the committee."""
    eid = versioned.new_id()
    row = _escalation_row(eid, customer_id, today or clock.today(), user, escalation)

    def work(cur: Cursor) -> str:
        require_committee_write(cur, user, customer_id)
        versioned.save_version(cur, "escalations", row, user_id=user.user_id)
        return eid

    return store.transaction(work)


def decide_escalation(
    store: Store, user: User, escalation_id: str, decision: str, *, today: date | None = None
) -> None:
    """A committee member records the decision; it also enters the account's decision log."""
    if not decision or not decision.strip():
        raise ValidationFailed([FieldError("decision", "is required")])
    day = today or clock.today()

    def work(cur: Cursor) -> None:
        esc = versioned.live_version(
            cur, "escalations", {"id": escalation_id}, missing="The escalation does not exist."
        )
        assert esc is not None  # live_version raises NotFoundError when missing= is given
        if esc["status"] != EscalationStatus.OPEN.value:
            raise ValidationFailed([FieldError("status", "this escalation has already been decided")])
        require_committee_write(cur, user, esc["customer_id"])
        now = versioned.utc_now()
        versioned.save_version(
            cur,
            "escalations",
            {
                "id": escalation_id,
                "status": EscalationStatus.DECIDED.value,
                "decision": decision.strip(),
                "decided_on": day,
                "decided_by": user.name,
            },
            user_id=user.user_id,
            now=now,
        )
        versioned.save_version(
            cur,
            "decisions",
            {
                "id": versioned.new_id(),
                "customer_id": esc["customer_id"],
                "meeting_id": None,
                "escalation_id": escalation_id,
                "decided_on": day,
                "text": decision.strip(),
                "owner": esc["owner"],
            },
            user_id=user.user_id,
            now=now,
        )

    store.transaction(work)


def add_action_item(store: Store, user: User, decision_id: str, action: Action) -> str:
    """After the meeting: one more action item for a decision (a new milestone of the decision's account, linked
    to it). Returns the action item's id."""
    if not action.title or not action.title.strip():
        raise ValidationFailed([FieldError("title", "is required")])

    def work(cur: Cursor) -> str:
        dec = versioned.live_version(cur, "decisions", {"id": decision_id}, missing="The decision does not exist.")
        assert dec is not None  # live_version raises instead (with ``missing``)
        require_committee_write(cur, user, dec["customer_id"])
        ms = _milestone_row(dec["customer_id"], action, f"decision:{decision_id}")
        link = _link_row(dec["customer_id"], decision_id, ms["id"])
        now = versioned.utc_now()
        versioned.save_version(cur, "milestones", ms, user_id=user.user_id, now=now)
        versioned.save_version(cur, "action_items", link, user_id=user.user_id, now=now)
        return str(link["id"])

    return store.transaction(work)


def set_action_status(
    store: Store, user: User, action_id: str, status: MilestoneStatus, *, today: date | None = None
) -> None:
    """The committee (or the account's team) reports an action item's progress: the status of its milestone,
    with the completion day when done."""
    day = today or clock.today()

    def work(cur: Cursor) -> None:
        link = versioned.live_version(cur, "action_items", {"id": action_id}, missing="The action item does not exist.")
        assert link is not None
        require_committee_write(cur, user, link["customer_id"])
        versioned.live_version(
            cur, "milestones", {"id": link["milestone_id"]}, missing="The action item's milestone was removed."
        )
        done = status is MilestoneStatus.DONE
        versioned.save_version(
            cur,
            "milestones",
            {"id": link["milestone_id"], "status": status.value, "completed_on": day if done else None},
            user_id=user.user_id,
        )

    store.transaction(work)
