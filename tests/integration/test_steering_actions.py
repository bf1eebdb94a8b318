"""Decisions carry action items: recorded with the meeting or later, by the committee (executives, the account's
manager, admins), tracked as milestones of the plan, listed in the pack with overdue ones marked."""

from __future__ import annotations

from datetime import timedelta

import pytest

from skam_core.analytics.portfolio import Standing
from skam_core.domain.asof import AsOf
from skam_core.domain.enums import MilestoneStatus, Role
from skam_core.domain.users import PermissionDenied, User
from skam_core.services.items import ValidationFailed
from skam_core.services.steering import Action, Meeting, add_action_item, record_meeting, set_action_status
from skam_core.storage.queries import milestones as mq
from skam_core.views.steering import pack as load_pack
from tests.conftest import AM_BECKER, AM_YILMAZ, DEMO_TODAY, VIEWER, key_account_of

CEO = User("d.hartmann@hartmann-antriebe.example", "Dr. Dorothea Hartmann", Role.EXECUTIVE)
STANDING = Standing(others_margin=0.057, size_rank=40, customers=2000)


def _pack(store, cid):
    return load_pack(store, AsOf.at(None, DEMO_TODAY), cid, STANDING)


def _meeting(cid, *actions):
    return Meeting(
        cid,
        DEMO_TODAY - timedelta(days=2),
        decisions=[("Budget freigegeben", "CFO"), ("Pilot starten", "COO")],
        actions=list(actions),
    )


def test_action_items_recorded_with_the_meeting_are_milestones_of_their_decision(demo_store):
    cid = key_account_of(demo_store, AM_BECKER.user_id, "implementation")
    late = DEMO_TODAY - timedelta(days=1)
    soon = DEMO_TODAY + timedelta(days=20)
    record_meeting(
        demo_store,
        AM_BECKER,
        _meeting(cid, Action("Budgetplan schicken", "Anna", late, 1), Action("Pilotlinie wählen", None, soon, 2)),
        today=DEMO_TODAY,
    )
    p = _pack(demo_store, cid)
    mine = p.actions[p.actions["title"].isin(["Budgetplan schicken", "Pilotlinie wählen"])]
    assert dict(zip(mine["title"], mine["decision"], strict=True)) == {
        "Budgetplan schicken": "Budget freigegeben",
        "Pilotlinie wählen": "Pilot starten",
    }
    assert dict(zip(mine["title"], mine["overdue"], strict=True)) == {
        "Budgetplan schicken": True,
        "Pilotlinie wählen": False,
    }
    # They count as milestones: in the account's milestones and in the pack's "newly delayed".
    titles = set(mq.milestones(demo_store, AsOf.at(None, DEMO_TODAY), cid)["title"])
    assert {"Budgetplan schicken", "Pilotlinie wählen"} <= titles
    assert "Budgetplan schicken" in set(p.changes.newly_delayed["title"])


def test_an_action_item_for_a_decision_that_does_not_exist_is_refused_and_nothing_is_written(demo_store):
    cid = key_account_of(demo_store, AM_BECKER.user_id, "implementation")
    before = len(_pack(demo_store, cid).decisions)
    with pytest.raises(ValidationFailed):
        record_meeting(demo_store, AM_BECKER, _meeting(cid, Action("x", None, DEMO_TODAY, 3)), today=DEMO_TODAY)
    assert len(_pack(demo_store, cid).decisions) == before


def test_the_committee_adds_action_items_later_and_reports_their_status(demo_store):
    cid = key_account_of(demo_store, AM_BECKER.user_id, "implementation")
    decision = _pack(demo_store, cid).decisions["id"].iloc[0]
    aid = add_action_item(demo_store, CEO, decision, Action("Vertrag prüfen", "Legal", DEMO_TODAY + timedelta(days=9)))
    row = _pack(demo_store, cid).actions.set_index("id").loc[aid]
    assert (row["title"], row["status"], bool(row["overdue"])) == ("Vertrag prüfen", "open", False)
    set_action_status(demo_store, AM_BECKER, aid, MilestoneStatus.DONE, today=DEMO_TODAY)
    assert _pack(demo_store, cid).actions.set_index("id").loc[aid, "status"] == "done"


def test_only_the_committee_may_add_or_update_action_items(demo_store):
    cid = key_account_of(demo_store, AM_BECKER.user_id, "implementation")
    decision = _pack(demo_store, cid).decisions["id"].iloc[0]
    for outsider in (VIEWER, AM_YILMAZ):
        with pytest.raises(PermissionDenied):
            add_action_item(demo_store, outsider, decision, Action("x", None, DEMO_TODAY))
    aid = add_action_item(demo_store, AM_BECKER, decision, Action("y", None, DEMO_TODAY))
    with pytest.raises(PermissionDenied):
        set_action_status(demo_store, VIEWER, aid, MilestoneStatus.DONE, today=DEMO_TODAY)
