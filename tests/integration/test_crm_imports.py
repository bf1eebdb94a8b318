"""Plan content from a CRM: a Salesforce or HubSpot export becomes stakeholders, opportunities and milestones
through a mapping, matched by external_id, idempotent, all or nothing with problems by row and column."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from skam_core.domain.enums import Role
from skam_core.domain.users import User
from skam_core.handover.server import HandoverServer
from skam_core.io.crm_mapping import MappingError, load_mapping, parse_mapping
from skam_core.io.import_files import OPTIONAL, REQUIRED
from skam_core.io.known_since import KnownSince
from skam_core.services.imports import import_file
from skam_core.services.items import remove_item, save_item
from skam_core.storage.db import Store
from tests.conftest import ADMIN, ROOT

CUSTOMERS = (
    "customer_id,name,skam_stage,account_manager\n"
    "K1,Neumann GmbH,plan,am@x.example\n"
    "K2,Otto AG,implementation,other@x.example\n"
)
SF_CONTACTS = (
    "Contact ID,Account ID,First Name,Last Name,Title,Department,Role,Last Activity,Email\n"
    "003A1,001N,Anna,Schmidt,CFO,Finance,Economic Decision Maker,3/31/2026,anna@n.example\n"
    "003A2,001N,Jan,Meier,Head of R&D,R&D,Influencer,,jan@n.example\n"
    "003A3,001O,Eva,Roth,Einkaufsleiterin,Einkauf,,31.10.2026,eva@o.example\n"
)
MINE = 'extends = "salesforce-contacts"\n[values.customer_id]\n"001N" = "K1"\n"001O" = "K2"\n'
HS_DEALS = (
    "Record ID,Associated Company ID,Deal Name,Deal Stage,Amount,Close Date\n"
    "9001,77,Retrofit line 3,Contract Sent,250000,2026-09-30 00:00\n"
    "9002,77,Spare parts service,closedwon,80000,2026-06-15\n"
    "9003,77,Gearbox for new press,Closed Lost,120000,2026-05-01\n"
)
DEALS_MINE = 'extends = "hubspot-deals"\n[values.customer_id]\n"77" = "K1"\n'
MILESTONES = (
    "external_id,customer_id,title,due,status,comment\n"
    "T1,K1,Pilot line running,2026-12-15,on_track,\n"
    "T2,K1,Joint roadmap signed,2027-02-01,open,\n"
)


def _write(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def _mapping(tmp_path: Path, kind: str, text: str, name: str = "mine.toml"):
    return load_mapping(str(_write(tmp_path, name, text)), kind, REQUIRED[kind] + OPTIONAL[kind])


def _current(store: Store, table: str, cols: str = "*") -> list[dict]:
    res = store.query(f"SELECT {cols} FROM {table} WHERE valid_to IS NULL AND NOT is_deleted ORDER BY external_id")
    return [dict(zip(res.columns, r, strict=True)) for r in res.rows]


def _versions(store: Store, table: str) -> int:
    return store.query(f"SELECT count(*) FROM {table}").single_value()


@pytest.fixture
def crm(store, tmp_path):
    assert import_file(store, ADMIN, "customers", _write(tmp_path, "c.csv", CUSTOMERS)).ok
    return store


def _contacts(store, tmp_path, text=SF_CONTACTS, **kw):
    return import_file(
        store,
        ADMIN,
        "stakeholders",
        _write(tmp_path, "sf.csv", text),
        mapping=_mapping(tmp_path, "stakeholders", MINE),
        **kw,
    )


def test_a_salesforce_contacts_export_becomes_a_stakeholder_map_without_retyping(crm, tmp_path):
    r = _contacts(crm, tmp_path)
    assert r.ok and r.written and (r.added, r.changed, r.unchanged) == (3, 0, 0), r.problems
    rows = _current(
        crm,
        "stakeholders",
        "external_id, customer_id, name, job_title, function, influence, attitude,"
        " long_term_responsibility, CAST(last_contact AS VARCHAR) AS last_contact",
    )
    assert rows[0] == {
        "external_id": "003A1", "customer_id": "K1", "name": "Anna Schmidt", "job_title": "CFO", "function": "finance",
        "influence": 5, "attitude": 0, "long_term_responsibility": True, "last_contact": "2026-03-31",
    }  # fmt: skip
    assert (rows[1]["function"], rows[1]["influence"], rows[1]["long_term_responsibility"]) == ("rnd", 3, False)
    # No role: the mapping's default for a new stakeholder; a German date as the report writes it.
    assert (rows[2]["customer_id"], rows[2]["influence"], rows[2]["last_contact"]) == ("K2", 3, "2026-10-31")
    assert r.changes[0] == "row 2: new stakeholder 'Anna Schmidt' (K1)"


def test_importing_the_same_export_twice_changes_nothing(crm, tmp_path):
    _contacts(crm, tmp_path)
    before = _versions(crm, "stakeholders")
    r = _contacts(crm, tmp_path)
    assert r.ok and (r.added, r.changed, r.unchanged) == (0, 0, 3) and r.changes == []
    assert _versions(crm, "stakeholders") == before


def test_a_change_in_the_crm_is_a_new_version_and_the_dashboards_assessment_stays(crm, tmp_path):
    _contacts(crm, tmp_path)
    jan = next(s for s in _current(crm, "stakeholders") if s["external_id"] == "003A2")
    save_item(crm, ADMIN, "stakeholders", {"id": jan["id"], "attitude": 2})  # the account manager's judgement
    r = _contacts(crm, tmp_path, SF_CONTACTS.replace("Head of R&D", "CTO"))
    assert (r.added, r.changed, r.unchanged) == (0, 1, 2)
    assert r.changes == ["row 3: stakeholder 'Jan Meier' (K1): job_title 'Head of R&D' -> 'CTO'"]
    now = next(s for s in _current(crm, "stakeholders") if s["external_id"] == "003A2")
    assert (now["id"], now["job_title"], now["attitude"]) == (jan["id"], "CTO", 2)
    history = crm.query("SELECT job_title FROM stakeholders WHERE id = ? ORDER BY valid_from", [jan["id"]]).rows
    assert [h[0] for h in history] == ["Head of R&D", "Head of R&D", "CTO"]


def test_a_dry_run_shows_what_would_change_and_writes_nothing(crm, tmp_path):
    _contacts(crm, tmp_path)
    before = _versions(crm, "stakeholders")
    changed = SF_CONTACTS.replace("Head of R&D", "CTO") + "003A4,001N,Uwe,Kern,COO,Operations,Decision Maker,,\n"
    r = _contacts(crm, tmp_path, changed, dry_run=True)
    assert r.ok and not r.written and (r.added, r.changed, r.unchanged) == (1, 1, 2)
    assert r.changes == [
        "row 3: stakeholder 'Jan Meier' (K1): job_title 'Head of R&D' -> 'CTO'",
        "row 5: new stakeholder 'Uwe Kern' (K1)",
    ]
    assert "checked (dry run, nothing written)" in r.summary()
    assert _versions(crm, "stakeholders") == before


def test_deals_become_opportunities_and_a_lost_deal_leaves_the_plan(crm, tmp_path):
    mapping = _mapping(tmp_path, "opportunities", DEALS_MINE)
    r = import_file(crm, ADMIN, "opportunities", _write(tmp_path, "d.csv", HS_DEALS), mapping=mapping)
    assert r.ok and (r.added, r.changed, r.unchanged) == (2, 0, 1), r.problems  # the lost one is never added
    rows = _current(crm, "opportunities", "external_id, title, type, our_revenue_eur, CAST(start_month AS VARCHAR) m")
    assert rows == [
        {"external_id": "9001", "title": "Retrofit line 3", "type": "product", "our_revenue_eur": 250000.0,
         "m": "2026-09-01"},
        {"external_id": "9002", "title": "Spare parts service", "type": "product", "our_revenue_eur": 80000.0,
         "m": "2026-06-01"},
    ]  # fmt: skip
    lost = HS_DEALS.replace("9001,77,Retrofit line 3,Contract Sent", "9001,77,Retrofit line 3,closedlost")
    r = import_file(crm, ADMIN, "opportunities", _write(tmp_path, "d.csv", lost), mapping=mapping)
    assert (r.added, r.changed, r.unchanged) == (0, 1, 2)
    assert r.changes == ["row 2: opportunity 'Retrofit line 3' (K1) removed from the plan: lost in the CRM"]
    assert [o["external_id"] for o in _current(crm, "opportunities")] == ["9002"]
    assert crm.query("SELECT count(*) FROM opportunities WHERE external_id = '9001' AND is_deleted").single_value() == 1


def test_an_item_removed_on_the_dashboard_stays_removed(crm, tmp_path):
    _contacts(crm, tmp_path)
    anna = next(s for s in _current(crm, "stakeholders") if s["external_id"] == "003A1")
    remove_item(crm, ADMIN, "stakeholders", {"id": anna["id"]})
    r = _contacts(crm, tmp_path, SF_CONTACTS.replace("CFO", "CEO"))
    assert r.ok and (r.added, r.changed, r.unchanged) == (0, 0, 3)
    assert any("row(s) 2: the stakeholder was removed on the dashboard" in w for w in r.warnings)
    assert "003A1" not in [s["external_id"] for s in _current(crm, "stakeholders")]


def test_a_plan_history_load_is_known_from_its_day_and_a_later_change_is_newer(crm, tmp_path):
    day = date(2026, 6, 30)
    r = _contacts(crm, tmp_path, known_since=KnownSince(day=day))
    assert r.ok and r.written, r.problems
    known = {v.date() for (v,) in crm.query("SELECT valid_from FROM stakeholders").rows}
    assert known == {day}
    r = _contacts(crm, tmp_path, SF_CONTACTS.replace("CFO", "CEO"), known_since=KnownSince(day=date(2026, 6, 1)))
    assert r.problems == [
        "row 2, column known_since: the stored version is known since 2026-06-30 21:59 UTC; a correction must be"
        " known later (import corrections without --known-since)"
    ]
    assert _contacts(crm, tmp_path, SF_CONTACTS.replace("CFO", "CEO")).changed == 1


def test_milestones_come_from_a_project_file_with_the_product_columns(crm, tmp_path):
    r = import_file(crm, ADMIN, "milestones", _write(tmp_path, "m.csv", MILESTONES))
    assert r.ok and r.added == 2, r.problems
    assert [(m["title"], m["status"]) for m in _current(crm, "milestones")] == [
        ("Pilot line running", "on_track"),
        ("Joint roadmap signed", "open"),
    ]


def test_a_milestone_belongs_to_the_opportunity_named_by_its_crm_id(crm, tmp_path):
    mapping = _mapping(tmp_path, "opportunities", DEALS_MINE)
    assert import_file(crm, ADMIN, "opportunities", _write(tmp_path, "d.csv", HS_DEALS), mapping=mapping).ok
    deal = crm.query("SELECT id FROM opportunities WHERE external_id = '9001' AND valid_to IS NULL").single_value()
    text = "external_id,customer_id,title,due,opportunity_external_id\nT1,K1,Retrofit commissioned,2026-12-15,9001\n"
    r = import_file(crm, ADMIN, "milestones", _write(tmp_path, "m.csv", text))
    assert r.ok and r.added == 1, r.problems
    assert _current(crm, "milestones", "opportunity_id")[0]["opportunity_id"] == deal
    # Another account's deal, or one never imported, is no opportunity of this account.
    for bad in ("T2,K2,Elsewhere,2026-12-15,9001", "T3,K1,Unknown,2026-12-15,9999"):
        r = import_file(crm, ADMIN, "milestones", _write(tmp_path, "m.csv", text + bad + "\n"))
        cid, link = bad.split(",")[1], bad.split(",")[-1]
        assert r.problems == [
            f"row 3, column opportunity_external_id: '{link}' is no opportunity of {cid} (import the opportunities"
            " first)"
        ]


def test_an_account_manager_imports_only_into_the_accounts_they_manage(crm, tmp_path):
    am = User("am@x.example", "AM", Role.ACCOUNT_MANAGER)
    text = MILESTONES + "T3,K2,Not mine,2027-01-01,open,\n"
    r = import_file(crm, am, "milestones", _write(tmp_path, "m.csv", text))
    assert r.problems == ["row 4, column customer_id: 'K2' is not one of your accounts"]
    assert _versions(crm, "milestones") == 0


_MS_HEAD = "external_id,customer_id,title,due,status,comment\n"


@pytest.mark.parametrize(
    ("kind", "text", "mapping", "problem"),
    [
        (
            "stakeholders",
            SF_CONTACTS.replace("003A2,001N", "003A2,001X"),
            MINE,
            "row 3, column Account ID: '001X' is not a known customer (translate the tool's account ids under"
            " [values.customer_id] in the mapping)",
        ),
        (
            "stakeholders",
            SF_CONTACTS.replace("Contact ID,", "Kontakt,"),
            MINE,
            "row 1, column Contact ID: required column is missing (the mapping mine.toml reads external_id from"
            " Contact ID or Id)",
        ),
        (
            "stakeholders",
            SF_CONTACTS.replace("3/31/2026", "31/3/2026"),
            MINE,
            "row 2, column Last Activity: '31/3/2026' is not a date (YYYY-MM-DD or %m/%d/%Y or %d.%m.%Y)",
        ),
        (
            "stakeholders",
            SF_CONTACTS.replace("R&D,Influencer", "Marketing,Influencer"),
            MINE,
            "row 3, column Department: 'marketing' is not one of management, finance, rnd, production, purchasing,"
            " quality, logistics, sales, it (translate it under [values.function] in the mapping mine.toml)",
        ),
        (
            "stakeholders",
            SF_CONTACTS.replace(",Einkauf,", ",,"),
            MINE,
            "row 4, column Department: is empty but required for a new stakeholder (map a column to function or"
            " give it under [defaults] in the mapping)",
        ),
        (
            "stakeholders",
            SF_CONTACTS.replace("003A2", "003A1"),
            MINE,
            [
                "row 2, column Contact ID: '003A1' appears more than once for the same customer",
                "row 3, column Contact ID: '003A1' appears more than once for the same customer",
            ],
        ),
        (
            "milestones",
            _MS_HEAD + "T1,K1,Pilot,2026-12-15,at_risk,\n",
            None,
            "row 2, column comment: is required when a milestone is at risk or delayed",
        ),
        (
            "milestones",
            _MS_HEAD + "T1,K1,Pilot,15.12.2026,open,\n",
            None,
            "row 2, column due: '15.12.2026' is not a date (YYYY-MM-DD)",
        ),
        (
            "opportunities",
            HS_DEALS.replace("Contract Sent", "Verhandlung"),
            DEALS_MINE,
            "row 2, column Deal Stage: 'verhandlung' is not one of open, won, lost (translate it under [values.stage]"
            " in the mapping mine.toml)",
        ),
        (
            "opportunities",
            HS_DEALS.replace("250000", "viel"),
            DEALS_MINE,
            "row 2, column Amount: 'viel' is not a number",
        ),
    ],
)
def test_bad_crm_input_is_named_by_row_and_column_and_changes_nothing(crm, tmp_path, kind, text, mapping, problem):
    before = {t: _versions(crm, t) for t in ("stakeholders", "opportunities", "milestones")}
    m = _mapping(tmp_path, kind, mapping) if mapping else None
    r = import_file(crm, ADMIN, kind, _write(tmp_path, "bad.csv", text), mapping=m)
    assert not r.ok and not r.written
    assert r.problems == (problem if isinstance(problem, list) else [problem])
    assert {t: _versions(crm, t) for t in before} == before


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('kind = "stakeholders"\n', "a [columns] table is needed"),
        ('[columns]\nnickname = "Nick"\n', "[columns] nickname: not a column of the stakeholders import"),
        (
            'kind = "opportunities"\n[columns]\nname = "Name"\n',
            "it is a mapping for opportunities, not for stakeholders",
        ),
        ('extends = "pipedrive"\n', "extends 'pipedrive', which is not a built-in mapping"),
        ("[columns\n", "not a TOML file"),
    ],
)
def test_a_mapping_that_cannot_be_used_says_what_is_wrong(text, message):
    with pytest.raises(MappingError, match=message.replace("[", r"\[")):
        parse_mapping(text, "bad.toml", "stakeholders", REQUIRED["stakeholders"] + OPTIONAL["stakeholders"])


def _cli(cwd: Path, db: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "SKAM_USER": "crm@nightly"}
    cmd = [sys.executable, "-m", "skam_core", "--db", str(db), *args]
    return subprocess.run(cmd, capture_output=True, text=True, cwd=cwd, env=env, timeout=120)


def test_the_cli_imports_a_crm_export_with_a_mapping_and_dry_run(tmp_path):
    db = tmp_path / "cli.duckdb"
    _write(tmp_path, "c.csv", CUSTOMERS)
    _write(tmp_path, "sf.csv", SF_CONTACTS)
    _write(tmp_path, "mine.toml", MINE)
    assert _cli(tmp_path, db, "import", "customers", "c.csv").returncode == 0
    dry = _cli(tmp_path, db, "import", "stakeholders", "sf.csv", "--mapping", "mine.toml", "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert dry.stdout.splitlines()[0] == (
        "stakeholders: 3 rows checked (dry run, nothing written): 3 added, 0 changed, 0 unchanged"
    )
    assert "  row 2: new stakeholder 'Anna Schmidt' (K1)" in dry.stdout.splitlines()
    real = _cli(tmp_path, db, "import", "stakeholders", "sf.csv", "--mapping", "mine.toml")
    assert real.stdout.splitlines()[0] == "stakeholders: 3 rows imported: 3 added, 0 changed, 0 unchanged"
    again = _cli(tmp_path, db, "import", "stakeholders", "sf.csv", "--mapping", "mine.toml")
    assert again.stdout.strip() == "stakeholders: 3 rows imported: 0 added, 0 changed, 3 unchanged"
    unknown = _cli(tmp_path, db, "import", "stakeholders", "sf.csv", "--mapping", "pipedrive")
    assert (
        unknown.returncode == 2 and "built in for stakeholders: hubspot-contacts, salesforce-contacts" in unknown.stderr
    )
    wrong = _cli(tmp_path, db, "import", "stakeholders", "sf.csv", "--mapping", "salesforce-contacts")
    assert wrong.returncode == 1 and "row 2, column Account ID: '001N' is not a known customer" in wrong.stderr
    assert "nothing was imported" in wrong.stderr


def test_a_crm_import_is_handed_to_the_running_dashboard(tmp_path):
    store = Store(tmp_path / "held.duckdb")
    server = HandoverServer(store)
    server.start()
    try:
        assert import_file(store, ADMIN, "customers", _write(tmp_path, "c.csv", CUSTOMERS)).ok
        _write(tmp_path, "sf.csv", SF_CONTACTS)
        _write(tmp_path, "mine.toml", MINE)  # relative to the caller, as the file
        r = _cli(tmp_path, store.path, "import", "stakeholders", "sf.csv", "--mapping", "mine.toml")
        assert r.returncode == 0 and "the dashboard holds the store" in r.stderr, r.stderr
        assert r.stdout.splitlines()[0] == "stakeholders: 3 rows imported: 3 added, 0 changed, 0 unchanged"
        who = store.query("SELECT DISTINCT changed_by FROM stakeholders").rows
        assert who == [("crm@nightly",)]
    finally:
        server.stop()
        store.close()


def test_every_built_in_mapping_reads_its_sample_export(demo_store):
    """The built-in mappings stay usable: each one's sample export (data/samples/crm) imports into the demo
    company with the sample mapping that names the demo's accounts."""
    samples = ROOT / "data" / "samples" / "crm"
    for kind, export, mapping in (
        ("stakeholders", "salesforce_contacts.csv", "salesforce-contacts.toml"),
        ("stakeholders", "hubspot_contacts.csv", "hubspot-contacts.toml"),
        ("opportunities", "salesforce_opportunities.csv", "salesforce-opportunities.toml"),
        ("opportunities", "hubspot_deals.csv", "hubspot-deals.toml"),
        ("milestones", "asana_milestones.csv", "asana-milestones.toml"),
    ):
        m = load_mapping(str(samples / mapping), kind, REQUIRED[kind] + OPTIONAL[kind])
        r = import_file(demo_store, ADMIN, kind, samples / export, mapping=m)
        assert r.ok and r.written and r.added > 0, (export, r.problems)
    champion = demo_store.query(
        "SELECT attitude, influence, function FROM stakeholders WHERE external_id = '51001' AND valid_to IS NULL"
    ).first()
    assert champion == {"attitude": 2, "influence": 4, "function": "production"}


def test_the_admin_page_imports_plan_content_through_a_built_in_mapping(crm, tmp_path, monkeypatch):
    from unittest.mock import MagicMock

    from skam_core.services import imports
    from skam_core.ui.admin import tabs as admin
    from skam_core.ui.kit import uploader

    calls = []
    real = imports.import_file

    def recorder(store_, user, kind, source, **kwargs):
        calls.append((kind, kwargs["mapping"].name if kwargs.get("mapping") else None, kwargs.get("dry_run")))
        return real(store_, user, kind, source, **kwargs)

    monkeypatch.setattr(imports, "import_file", recorder)
    st = MagicMock()  # the page's widgets: stakeholders, a Salesforce export, the built-in mapping, "check"
    st.segmented_control.return_value = "stakeholders"
    st.file_uploader.return_value = MagicMock(getvalue=lambda: SF_CONTACTS.encode(), name="contacts.csv")
    st.selectbox.return_value = "salesforce-contacts"
    check, go = MagicMock(), MagicMock()
    check.button.return_value, go.button.return_value = True, False
    st.columns.return_value = (check, go)
    st.text_input.return_value = ""
    monkeypatch.setattr(admin, "st", st)
    monkeypatch.setattr(uploader, "st", st)
    admin.import_tab(MagicMock(store=crm, user=ADMIN, t=lambda key, **kw: key))
    assert calls == [("stakeholders", "salesforce-contacts", True)]
    # The built-in mapping does not know these account ids: the page lists the problems, nothing is written.
    st.error.assert_called_with("admin.import.problems")
    assert _versions(crm, "stakeholders") == 0
