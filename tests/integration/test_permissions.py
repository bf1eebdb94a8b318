"""Role x action x own/other account, on every write service, on a tiny store built here in code.

The rules (README, Roles): a viewer writes nothing; an account manager edits the content of the accounts they
manage, nothing else; an executive records meetings, raises and decides escalations on every account but edits no
account content; an admin does everything, including users, company-wide data and imports. A refused write raises
PermissionDenied and leaves the whole store unchanged.

"own" is an account Sabine Becker (the account manager acting here) manages, "other" one of Tarek Yilmaz's; for
the other roles the words only name the account.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from skam_core.domain.enums import Role
from skam_core.domain.users import PermissionDenied, User
from skam_core.services.imports import import_file
from skam_core.services.items import remove_item, save_item
from skam_core.services.kpis import KpiEntry, record_kpi_entries, record_kpi_entry, set_kpi_targets
from skam_core.services.milestones import update_milestone_status
from skam_core.services.plan import RaciCell, agree_plan_version, apply_raci, start_plan_version
from skam_core.services.steering import Meeting, NewEscalation, decide_escalation, raise_escalation, record_meeting
from skam_core.storage.db import Store, close_store

# Fixed past days: the matrix does not depend on the calendar (periods and meetings may not lie in the future).
MONTH = date(2025, 1, 1)
DAY = date(2025, 1, 15)

ADMIN = User("admin@tiny.example", "Admin", Role.ADMIN)
VIEWER = User("viewer@tiny.example", "Vera Viewer", Role.VIEWER)
EXECUTIVE = User("exec@tiny.example", "Erik Executive", Role.EXECUTIVE)
AM_BECKER = User("becker@tiny.example", "Sabine Becker", Role.ACCOUNT_MANAGER)
AM_YILMAZ = User("yilmaz@tiny.example", "Tarek Yilmaz", Role.ACCOUNT_MANAGER)
ACCOUNTS = {"own": "K001", "other": "K002"}  # K001 is Becker's, K002 Yilmaz's


def _build_tiny_store(path: Path) -> None:
    """Two key accounts, one per manager, each with one of every plan item; users of every role. Written through
    the services as the admin, so the store holds what the product itself would write."""
    s = Store(path)
    for u in (ADMIN, VIEWER, EXECUTIVE, AM_BECKER, AM_YILMAZ):
        save_item(s, ADMIN, "users", {"user_id": u.user_id, "display_name": u.name, "role": u.role.value})
    save_item(s, ADMIN, "capabilities", {"id": "cap1", "name": "Engineering", "strength": 4})
    for cid, manager in (("K001", AM_BECKER), ("K002", AM_YILMAZ)):
        save_item(
            s,
            ADMIN,
            "customers",
            {
                "customer_id": cid,
                "name": f"Kunde {cid}",
                "skam_stage": "implementation",
                "skam_start": date(2024, 1, 1),
                "account_manager": manager.user_id,
            },
        )
        item = {"customer_id": cid}
        save_item(
            s,
            ADMIN,
            "stakeholders",
            {**item, "id": f"{cid}-sh", "name": "Jana Berg", "function": "management", "influence": 5, "attitude": 1},
        )
        save_item(s, ADMIN, "team_members", {**item, "id": f"{cid}-tm", "name": "Max Weber", "side": "ours"})
        save_item(s, ADMIN, "plan_objectives", {**item, "id": f"{cid}-ob", "objective": "Wachsen"})
        save_item(s, ADMIN, "milestones", {**item, "id": f"{cid}-ms", "title": "Pilot", "due": DAY, "status": "open"})
        save_item(
            s,
            ADMIN,
            "kpi_definitions",
            {**item, "id": f"{cid}-kpi", "name": "Liefertreue", "unit": "%", "direction": "higher"},
        )
        save_item(s, ADMIN, "opportunities", {**item, "id": f"{cid}-op", "title": "Service", "type": "service"})
        save_item(
            s,
            ADMIN,
            "value_items",
            {**item, "id": f"{cid}-vi", "opportunity_id": f"{cid}-op", "title": "Ersparnis", "status": "proposed"},
        )
        agree_plan_version(s, ADMIN, start_plan_version(s, ADMIN, cid), DAY)
        raise_escalation(s, ADMIN, cid, NewEscalation("Engpass", None, None, None), today=DAY)
    s.close()


@pytest.fixture(scope="module")
def tiny_template(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("tiny") / "template.duckdb"
    _build_tiny_store(path)
    close_store(path)
    return path


@pytest.fixture
def tiny_store(tiny_template: Path, tmp_path: Path):
    """A private copy of the tiny store: writes in one case do not leak into another."""
    target = tmp_path / "tiny.duckdb"
    shutil.copyfile(tiny_template, target)
    s = Store(target)
    yield s
    s.close()
    close_store(target)


def _first(store: Store, table: str, cid: str, extra: str = "") -> str:
    return store.query(
        f"SELECT id FROM {table} WHERE customer_id = ? AND valid_to IS NULL AND NOT is_deleted {extra}"
        " ORDER BY id LIMIT 1",
        [cid],
    ).single_value()


def _other(cid: str) -> str:
    """The other account of the tiny store."""
    return next(c for c in ACCOUNTS.values() if c != cid)


def _kpi(store: Store, cid: str) -> str:
    return _first(store, "kpi_definitions", cid, "AND unit = '%'")


def _import(kind: str, csv: str) -> Callable[[Store, User, str], object]:
    """An import of a one-row CSV (``{c}`` is the account). A refused import raises PermissionDenied; one that
    stops on a problem names it: an account manager's row for a foreign account is such a refusal."""

    def run(s: Store, u: User, c: str) -> object:
        result = import_file(s, u, kind, csv.format(c=c).encode(), name=f"{kind}.csv", today=DAY)
        if result.problems:
            if any("not one of your accounts" in p for p in result.problems):
                raise PermissionDenied("; ".join(result.problems))
            raise AssertionError(f"the {kind} import stopped on: {result.problems}")
        return result

    return run


# Which roles may do an action on their own / another account.
CONTENT = "content"  # account content: the account's manager and admins
COMMITTEE = "committee"  # steering committee: also executives, on every account
ADMIN_ONLY = "admin only"  # users, company-wide data, master data, programme membership, financials
NOBODY = "nobody"  # an item naming another account's item, whoever writes it

RULES: dict[str, dict[tuple[str, str], bool]] = {
    CONTENT: {
        ("viewer", "own"): False,
        ("viewer", "other"): False,
        ("account_manager", "own"): True,
        ("account_manager", "other"): False,
        ("executive", "own"): False,
        ("executive", "other"): False,
        ("admin", "own"): True,
        ("admin", "other"): True,
    },
    COMMITTEE: {
        ("viewer", "own"): False,
        ("viewer", "other"): False,
        ("account_manager", "own"): True,
        ("account_manager", "other"): False,
        ("executive", "own"): True,
        ("executive", "other"): True,
        ("admin", "own"): True,
        ("admin", "other"): True,
    },
    ADMIN_ONLY: {
        ("viewer", "own"): False,
        ("viewer", "other"): False,
        ("account_manager", "own"): False,
        ("account_manager", "other"): False,
        ("executive", "own"): False,
        ("executive", "other"): False,
        ("admin", "own"): True,
        ("admin", "other"): True,
    },
    NOBODY: {
        cell: False
        for cell in [(r, w) for r in ("viewer", "account_manager", "executive", "admin") for w in ("own", "other")]
    },
}
ROLES = {"viewer": VIEWER, "account_manager": AM_BECKER, "executive": EXECUTIVE, "admin": ADMIN}
CELLS = list(RULES[CONTENT])


@dataclass(frozen=True)
class Action:
    name: str
    table: str  # where an allowed write adds a version
    rule: str
    run: Callable[[Store, User, str], object]


ACTIONS = [
    # Step 4 and 5: the plan, implementation and KPI pages.
    Action(
        "add stakeholder",
        "stakeholders",
        CONTENT,
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
        CONTENT,
        lambda s, u, c: save_item(s, u, "stakeholders", {"id": _first(s, "stakeholders", c), "last_contact": DAY}),
    ),
    Action(
        "remove stakeholder",
        "stakeholders",
        CONTENT,
        lambda s, u, c: remove_item(s, u, "stakeholders", {"id": _first(s, "stakeholders", c)}),
    ),
    Action(
        "log feedback",
        "customer_feedback",
        CONTENT,
        lambda s, u, c: save_item(
            s,
            u,
            "customer_feedback",
            {"id": "new-fb", "customer_id": c, "received_on": DAY, "text": "Gut", "sentiment": 1},
        ),
    ),
    Action(
        "add objective",
        "plan_objectives",
        CONTENT,
        lambda s, u, c: save_item(s, u, "plan_objectives", {"id": "new-ob", "customer_id": c, "objective": "Mehr"}),
    ),
    Action(
        "add team member",
        "team_members",
        CONTENT,
        lambda s, u, c: save_item(
            s, u, "team_members", {"id": "new-tm", "customer_id": c, "name": "Ute Kern", "side": "customer"}
        ),
    ),
    Action(
        "set RACI",
        "raci",
        CONTENT,
        lambda s, u, c: apply_raci(
            s,
            u,
            c,
            [RaciCell(_first(s, "team_members", c), "objective", _first(s, "plan_objectives", c), "A")],
        ),
    ),
    Action("start plan version", "plan_versions", CONTENT, lambda s, u, c: start_plan_version(s, u, c)),
    Action(
        "agree plan version",
        "plan_versions",
        CONTENT,
        lambda s, u, c: agree_plan_version(s, u, _first(s, "plan_versions", c, "AND status = 'agreed'"), DAY),
    ),
    Action(
        "add milestone",
        "milestones",
        CONTENT,
        lambda s, u, c: save_item(
            s, u, "milestones", {"id": "new-ms", "customer_id": c, "title": "Neu", "due": DAY, "status": "open"}
        ),
    ),
    Action(
        "update milestone status",
        "milestones",
        CONTENT,
        lambda s, u, c: update_milestone_status(s, u, _first(s, "milestones", c), "at_risk", "Engpass"),
    ),
    Action(
        "define KPI",
        "kpi_definitions",
        CONTENT,
        lambda s, u, c: save_item(
            s,
            u,
            "kpi_definitions",
            {"id": "new-kpi", "customer_id": c, "name": "NPS", "unit": "Punkte", "direction": "higher"},
        ),
    ),
    Action("set KPI targets", "kpi_targets", CONTENT, lambda s, u, c: set_kpi_targets(s, u, _kpi(s, c), {MONTH: 55.5})),
    Action(
        "record a KPI value",
        "kpi_entries",
        CONTENT,
        lambda s, u, c: record_kpi_entry(s, u, _kpi(s, c), MONTH, 50.0, today=DAY),
    ),
    Action(
        "record a month of KPI values",
        "kpi_entries",
        CONTENT,
        lambda s, u, c: record_kpi_entries(s, u, [KpiEntry(_kpi(s, c), MONTH, 51.0)], today=DAY),
    ),
    Action(
        "import KPI values",
        "kpi_entries",
        CONTENT,
        _import("kpis", "customer_id,kpi,period,value\n{c},Liefertreue,2025-01,52\n"),
    ),
    # Steps 1-3: strategy, fit and value pages.
    Action(
        "score a competitive force",
        "competitive_forces",
        CONTENT,
        lambda s, u, c: save_item(s, u, "competitive_forces", {"customer_id": c, "force": "rivalry", "score": 4}),
    ),
    Action(
        "add strategic priority",
        "strategic_priorities",
        CONTENT,
        lambda s, u, c: save_item(
            s, u, "strategic_priorities", {"id": "new-pr", "customer_id": c, "priority": "Kosten", "weight": 30}
        ),
    ),
    Action(
        "add opportunity",
        "opportunities",
        CONTENT,
        lambda s, u, c: save_item(
            s, u, "opportunities", {"id": "new-op", "customer_id": c, "title": "Projekt", "type": "joint_project"}
        ),
    ),
    Action(
        "add value item",
        "value_items",
        CONTENT,
        lambda s, u, c: save_item(
            s,
            u,
            "value_items",
            {
                "id": "new-vi",
                "customer_id": c,
                "opportunity_id": _first(s, "opportunities", c),
                "title": "Ersparnis",
                "status": "proposed",
                "customer_benefit_eur": 1000.0,
            },
        ),
    ),
    # The steering committee.
    Action(
        "record a meeting",
        "steering_meetings",
        COMMITTEE,
        lambda s, u, c: record_meeting(
            s, u, Meeting(c, DAY, summary="Quartal", decisions=[("Pilot ausweiten", None)]), today=DAY
        ),
    ),
    Action(
        "raise an escalation",
        "escalations",
        COMMITTEE,
        lambda s, u, c: raise_escalation(s, u, c, NewEscalation("Lieferverzug", None, "Priorität?", None), today=DAY),
    ),
    Action(
        "decide an escalation",
        "escalations",
        COMMITTEE,
        lambda s, u, c: decide_escalation(
            s, u, _first(s, "escalations", c, "AND status = 'open'"), "Mehr Personal", today=DAY
        ),
    ),
    # Administration: master data, company-wide data, users, imports.
    Action(
        "change the account manager",
        "customers",
        ADMIN_ONLY,
        lambda s, u, c: save_item(s, u, "customers", {"customer_id": c, "account_manager": ADMIN.user_id}),
    ),
    Action(
        "change the SKAM stage",
        "customers",
        ADMIN_ONLY,
        lambda s, u, c: save_item(s, u, "customers", {"customer_id": c, "skam_stage": "candidate"}),
    ),
    Action(
        "change the SKAM start",
        "customers",
        ADMIN_ONLY,
        lambda s, u, c: save_item(s, u, "customers", {"customer_id": c, "skam_start": date(2024, 6, 1)}),
    ),
    Action(
        "remove a customer",
        "customers",
        ADMIN_ONLY,
        lambda s, u, c: remove_item(s, u, "customers", {"customer_id": c}),
    ),
    Action(
        "edit a customer's industry",
        "customers",
        CONTENT,
        lambda s, u, c: save_item(s, u, "customers", {"customer_id": c, "industry": "Chemie"}),
    ),
    # References across accounts: refused whoever writes them.
    Action(
        "log feedback about another account's stakeholder",
        "customer_feedback",
        NOBODY,
        lambda s, u, c: save_item(
            s,
            u,
            "customer_feedback",
            {
                "id": "x-fb",
                "customer_id": c,
                "received_on": DAY,
                "text": "Gut",
                "sentiment": 1,
                "stakeholder_id": f"{_other(c)}-sh",
            },
        ),
    ),
    Action(
        "log feedback about another account's value item",
        "customer_feedback",
        NOBODY,
        lambda s, u, c: save_item(
            s,
            u,
            "customer_feedback",
            {
                "id": "x-fb",
                "customer_id": c,
                "received_on": DAY,
                "text": "Gut",
                "sentiment": 1,
                "value_item_id": f"{_other(c)}-vi",
            },
        ),
    ),
    Action(
        "add a value item for another account's opportunity",
        "value_items",
        NOBODY,
        lambda s, u, c: save_item(
            s,
            u,
            "value_items",
            {"id": "x-vi", "customer_id": c, "opportunity_id": f"{_other(c)}-op", "title": "X", "status": "proposed"},
        ),
    ),
    Action(
        "create a customer",
        "customers",
        ADMIN_ONLY,
        lambda s, u, c: save_item(s, u, "customers", {"customer_id": c + "-new", "name": "Neu GmbH"}),
    ),
    Action(
        "set a user's role",
        "users",
        ADMIN_ONLY,
        lambda s, u, c: save_item(
            s, u, "users", {"user_id": f"{c.lower()}@tiny.example", "display_name": "Neu", "role": "viewer"}
        ),
    ),
    Action(
        "add a capability",
        "capabilities",
        ADMIN_ONLY,
        lambda s, u, c: save_item(s, u, "capabilities", {"id": f"cap-{c}", "name": "Service", "strength": 3}),
    ),
    Action(
        "set delivery capacity",
        "delivery_capacity",
        ADMIN_ONLY,
        lambda s, u, c: save_item(s, u, "delivery_capacity", {"quarter": "2025-Q1", "person_days": 120.0}),
    ),
    Action(
        "import customers",
        "customers",
        ADMIN_ONLY,
        _import("customers", "customer_id,name\n{c},Umbenannt AG\n"),
    ),
    Action(
        "import financials",
        "financials",
        ADMIN_ONLY,
        _import("financials", "customer_id,month,revenue,operating_profit\n{c},2025-01,1000,100\n"),
    ),
]


def _fingerprint(store: Store) -> dict[str, int]:
    """Rows per table: every write adds rows (versions, entries), so an unchanged store has the same counts."""
    tables = [r["table_name"] for r in store.query("SELECT table_name FROM duckdb_tables() ORDER BY 1").dicts()]
    return {t: int(store.query(f'SELECT count(*) FROM "{t}"').single_value()) for t in tables}


def _cases():
    for action in ACTIONS:
        for role, whose in CELLS:
            yield pytest.param(action, role, whose, id=f"{action.name}-{role}-{whose}")


@pytest.mark.parametrize(("action", "role", "whose"), list(_cases()))
def test_role_action_account(tiny_store, action, role, whose):
    cid = ACCOUNTS[whose]
    user = ROLES[role]
    before = _fingerprint(tiny_store)
    if RULES[action.rule][(role, whose)]:
        action.run(tiny_store, user, cid)
        assert _fingerprint(tiny_store)[action.table] > before[action.table]
    else:
        with pytest.raises(PermissionDenied):
            action.run(tiny_store, user, cid)
        assert _fingerprint(tiny_store) == before


def test_matrix_covers_every_role_and_rule():
    """Every role of the product is in the matrix, and every rule names all role x account cells."""
    assert set(ROLES) == {r.value for r in Role}
    assert all(set(cells) == set(CELLS) for cells in RULES.values())
    assert {a.rule for a in ACTIONS} == set(RULES)


def test_tiny_store_has_one_account_per_manager(tiny_store):
    rows = tiny_store.query(
        "SELECT customer_id, account_manager FROM customers WHERE valid_to IS NULL ORDER BY customer_id"
    ).dicts()
    assert [(r["customer_id"], r["account_manager"]) for r in rows] == [
        ("K001", AM_BECKER.user_id),
        ("K002", AM_YILMAZ.user_id),
    ]
