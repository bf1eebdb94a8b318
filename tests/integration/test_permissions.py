"""Role x action x own/other account on every write function of the plan, implementation and KPI pages.

A viewer writes nothing; an account manager writes only the accounts they manage; an admin writes every account.
A refused write leaves the store unchanged. ("own" is an account Sabine Becker manages, "other" one of Tarek
Yilmaz's; for the viewer and the admin the words only name the account.)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest

from skam_core.domain.users import PermissionDenied
from skam_core.services.items import remove_item, save_item
from skam_core.services.kpis import KpiEntry, record_kpi_entries, record_kpi_entry, set_kpi_targets
from skam_core.services.milestones import update_milestone_status
from skam_core.services.plan import RaciCell, agree_plan_version, apply_raci, start_plan_version
from skam_core.storage.db import Store
from tests.conftest import ADMIN, AM_BECKER, AM_YILMAZ, DEMO_TODAY, VIEWER, key_account_of

TODAY = DEMO_TODAY
THIS_MONTH = TODAY.replace(day=1)


def _first(store: Store, table: str, cid: str, extra: str = "") -> str:
    return store.query(
        f"SELECT id FROM {table} WHERE customer_id = ? AND valid_to IS NULL AND NOT is_deleted {extra}"
        " ORDER BY id LIMIT 1",
        [cid],
    ).single_value()


def _kpi(store: Store, cid: str) -> str:
    return _first(store, "kpi_definitions", cid, "AND unit = '%'")


@dataclass(frozen=True)
class Action:
    name: str
    table: str  # where a refused write must leave no trace
    run: Callable[[Store, object, str], object]


ACTIONS = [
    Action(
        "add stakeholder",
        "stakeholders",
        lambda s, u, c: save_item(
            s,
            u,
            "stakeholders",
            {
                "id": "new-sh",
                "customer_id": c,
                "name": "Eva Roth",
                "function": "finance",
                "influence": 4,
                "attitude": 1,
            },
        ),
    ),
    Action(
        "record a contact",
        "stakeholders",
        lambda s, u, c: save_item(s, u, "stakeholders", {"id": _first(s, "stakeholders", c), "last_contact": TODAY}),
    ),
    Action(
        "remove stakeholder",
        "stakeholders",
        lambda s, u, c: remove_item(s, u, "stakeholders", {"id": _first(s, "stakeholders", c)}),
    ),
    Action(
        "log feedback",
        "customer_feedback",
        lambda s, u, c: save_item(
            s,
            u,
            "customer_feedback",
            {"id": "new-fb", "customer_id": c, "received_on": TODAY, "text": "Gut", "sentiment": 1},
        ),
    ),
    Action(
        "add objective",
        "plan_objectives",
        lambda s, u, c: save_item(s, u, "plan_objectives", {"id": "new-ob", "customer_id": c, "objective": "Mehr"}),
    ),
    Action(
        "add team member",
        "team_members",
        lambda s, u, c: save_item(
            s, u, "team_members", {"id": "new-tm", "customer_id": c, "name": "Ute Kern", "side": "customer"}
        ),
    ),
    Action(
        "set RACI",
        "raci",
        lambda s, u, c: apply_raci(
            s,
            u,
            c,
            [RaciCell(_first(s, "team_members", c), "objective", _first(s, "plan_objectives", c), "A")],
        ),
    ),
    Action("start plan version", "plan_versions", lambda s, u, c: start_plan_version(s, u, c)),
    Action(
        "agree plan version",
        "plan_versions",
        lambda s, u, c: agree_plan_version(s, u, _first(s, "plan_versions", c, "AND status = 'agreed'"), TODAY),
    ),
    Action(
        "add milestone",
        "milestones",
        lambda s, u, c: save_item(
            s, u, "milestones", {"id": "new-ms", "customer_id": c, "title": "Neu", "due": TODAY, "status": "open"}
        ),
    ),
    Action(
        "update milestone status",
        "milestones",
        lambda s, u, c: update_milestone_status(s, u, _first(s, "milestones", c), "at_risk", "Engpass"),
    ),
    Action(
        "define KPI",
        "kpi_definitions",
        lambda s, u, c: save_item(
            s,
            u,
            "kpi_definitions",
            {"id": "new-kpi", "customer_id": c, "name": "NPS", "unit": "Punkte", "direction": "higher"},
        ),
    ),
    Action("set KPI targets", "kpi_targets", lambda s, u, c: set_kpi_targets(s, u, _kpi(s, c), {THIS_MONTH: 55.5})),
    Action("record a KPI value", "kpi_entries", lambda s, u, c: record_kpi_entry(s, u, _kpi(s, c), THIS_MONTH, 50.0)),
    Action(
        "record a month of KPI values",
        "kpi_entries",
        lambda s, u, c: record_kpi_entries(s, u, [KpiEntry(_kpi(s, c), THIS_MONTH, 51.0)]),
    ),
]

USERS = {"viewer": VIEWER, "account_manager": AM_BECKER, "admin": ADMIN}
ALLOWED = {
    ("viewer", "own"): False,
    ("viewer", "other"): False,
    ("account_manager", "own"): True,
    ("account_manager", "other"): False,
    ("admin", "own"): True,
    ("admin", "other"): True,
}


def _versions(store: Store, table: str) -> int:
    return int(store.query(f"SELECT count(*) FROM {table}").single_value())


@pytest.mark.parametrize("action", ACTIONS, ids=[a.name for a in ACTIONS])
@pytest.mark.parametrize(("role", "whose"), list(ALLOWED), ids=[f"{r}-{w}" for r, w in ALLOWED])
def test_role_action_account(demo_store, role, whose, action):
    manager = AM_BECKER if whose == "own" else AM_YILMAZ
    cid = key_account_of(demo_store, manager.user_id, "implementation")
    user = USERS[role]
    before = _versions(demo_store, action.table)
    if ALLOWED[(role, whose)]:
        action.run(demo_store, user, cid)
        assert _versions(demo_store, action.table) > before
    else:
        with pytest.raises(PermissionDenied):
            action.run(demo_store, user, cid)
        assert _versions(demo_store, action.table) == before
