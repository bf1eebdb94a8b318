"""Writes go through services that check the acting user against the current store state."""

import pytest

from skam_core.domain.asof import AsOf
from skam_core.domain.users import PermissionDenied
from skam_core.services.items import ValidationFailed, remove_item, save_item
from skam_core.services.kpis import record_kpi_entry
from skam_core.storage import versioned
from skam_core.storage.versioned import StaleEditError
from tests.conftest import ADMIN, AM_BECKER, AM_YILMAZ, DEMO_TODAY, VIEWER, key_account_of


def _force(store, cid):
    return store.query(
        "SELECT score FROM competitive_forces WHERE customer_id = ? AND force = 'rivalry' AND valid_to IS NULL", [cid]
    ).single_value()


def test_account_manager_edits_own_account_as_a_new_version(demo_store):
    cid = key_account_of(demo_store, AM_BECKER.user_id, "implementation")
    score = 1 if _force(demo_store, cid) == 5 else 5  # a real change (a save that changes nothing adds no version)
    save_item(demo_store, AM_BECKER, "competitive_forces", {"customer_id": cid, "force": "rivalry", "score": score})
    assert _force(demo_store, cid) == score
    versions = demo_store.query(
        "SELECT count(*) FROM competitive_forces WHERE customer_id = ? AND force = 'rivalry'", [cid]
    ).single_value()
    assert versions >= 2


@pytest.mark.parametrize("user", [VIEWER, AM_YILMAZ])
def test_viewer_and_foreign_account_manager_cannot_write(demo_store, user):
    cid = key_account_of(demo_store, AM_BECKER.user_id, "implementation")
    before = _force(demo_store, cid)
    with pytest.raises(PermissionDenied):
        save_item(demo_store, user, "competitive_forces", {"customer_id": cid, "force": "rivalry", "score": 1})
    assert _force(demo_store, cid) == before


def test_company_wide_data_is_for_admins_only(demo_store):
    with pytest.raises(PermissionDenied):
        save_item(demo_store, AM_BECKER, "capabilities", {"id": "cap-x", "name": "X"})
    save_item(demo_store, ADMIN, "capabilities", {"id": "cap-x", "name": "X"})


def test_invalid_input_is_refused_with_every_problem_and_nothing_written(demo_store):
    cid = key_account_of(demo_store, AM_BECKER.user_id, "implementation")
    before = demo_store.query("SELECT count(*) FROM stakeholders").single_value()
    with pytest.raises(ValidationFailed) as err:
        save_item(
            demo_store,
            ADMIN,
            "stakeholders",
            {"id": "x1", "customer_id": cid, "name": "", "function": "finance", "influence": 7, "attitude": 0},
        )
    assert {e.field for e in err.value.errors} == {"name", "influence"}
    assert demo_store.query("SELECT count(*) FROM stakeholders").single_value() == before


def test_an_edit_based_on_a_stale_version_is_refused(demo_store):
    cid = key_account_of(demo_store, AM_BECKER.user_id, "implementation")
    with demo_store.cursor() as cur:
        opened = versioned.current_version(cur, "competitive_forces", {"customer_id": cid, "force": "rivalry"})
    save_item(demo_store, ADMIN, "competitive_forces", {"customer_id": cid, "force": "rivalry", "score": 2})
    with pytest.raises(StaleEditError):
        save_item(
            demo_store,
            AM_BECKER,
            "competitive_forces",
            {"customer_id": cid, "force": "rivalry", "score": 4},
            expected_valid_from=opened["valid_from"],
        )


def test_removal_keeps_who_removed_it_in_the_history(demo_store):
    cid = key_account_of(demo_store, AM_BECKER.user_id, "implementation")
    sid = demo_store.query(
        "SELECT id FROM stakeholders WHERE customer_id = ? AND valid_to IS NULL LIMIT 1", [cid]
    ).single_value()
    remove_item(demo_store, AM_BECKER, "stakeholders", {"id": sid})
    with demo_store.cursor() as cur:
        assert versioned.read_current(cur, "stakeholders", asof=AsOf.now(), where={"id": sid}).empty
        hist = versioned.history(cur, "stakeholders", {"id": sid})
    assert bool(hist.iloc[0]["is_deleted"]) and hist.iloc[0]["changed_by"] == AM_BECKER.user_id


def test_item_cannot_be_moved_to_another_account(demo_store):
    own = key_account_of(demo_store, AM_BECKER.user_id, "implementation")
    other = key_account_of(demo_store, AM_YILMAZ.user_id, "implementation")
    sid = demo_store.query(
        "SELECT id FROM stakeholders WHERE customer_id = ? AND valid_to IS NULL LIMIT 1", [own]
    ).single_value()
    with pytest.raises(PermissionDenied):
        save_item(demo_store, ADMIN, "stakeholders", {"id": sid, "customer_id": other})


def test_kpi_entry_is_appended_with_who_and_when(demo_store):
    cid = key_account_of(demo_store, AM_BECKER.user_id, "implementation")
    kpi = demo_store.query(
        "SELECT id FROM kpi_definitions WHERE customer_id = ? AND unit = '%' AND valid_to IS NULL LIMIT 1", [cid]
    ).single_value()
    record_kpi_entry(demo_store, AM_BECKER, kpi, DEMO_TODAY.replace(day=1), 42.5, "Test")
    row = demo_store.query(
        "SELECT value, entered_by FROM kpi_entries WHERE kpi_id = ? ORDER BY entered_at DESC LIMIT 1", [kpi]
    ).first()
    assert row == {"value": 42.5, "entered_by": AM_BECKER.user_id}
    with pytest.raises(ValidationFailed):
        record_kpi_entry(demo_store, AM_BECKER, kpi, DEMO_TODAY.replace(day=1), 140.0)
    with pytest.raises(PermissionDenied):
        record_kpi_entry(demo_store, VIEWER, kpi, DEMO_TODAY.replace(day=1), 40.0)


def test_a_removed_account_takes_no_meeting_even_from_an_executive(demo_store):
    # Executives act for committees on every account, but a removed account's current version is a tombstone.
    from skam_core.domain.users import Role, User
    from skam_core.services.steering import Meeting, record_meeting

    ceo = User("ceo@test.example", "CEO", Role.EXECUTIVE)
    cid = key_account_of(demo_store, AM_BECKER.user_id, "implementation")
    meeting = Meeting(customer_id=cid, held_on=DEMO_TODAY)
    record_meeting(demo_store, ceo, meeting)  # a live account: allowed
    remove_item(demo_store, ADMIN, "customers", {"customer_id": cid})
    with pytest.raises(versioned.NotFoundError):
        record_meeting(demo_store, ceo, meeting)
