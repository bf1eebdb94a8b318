"""The plan and implementation services on a real store: plan versions, RACI, KPI targets and entries, milestone
status updates — each a new version with who and when, refused with every problem when invalid."""

from __future__ import annotations

from datetime import timedelta

import pandas as pd
import pytest

from skam_core.analytics.kpis import entry_history
from skam_core.domain.asof import AsOf
from skam_core.domain.users import PermissionDenied
from skam_core.services.items import ValidationFailed
from skam_core.services.kpis import KpiEntry, record_kpi_values, set_kpi_targets
from skam_core.services.milestones import update_milestone_status
from skam_core.services.plan import RaciCell, agree_plan_version, apply_raci, start_plan_version
from skam_core.storage import versioned
from skam_core.storage.queries import kpis as kq
from skam_core.storage.versioned import StaleEditError
from skam_core.views.implementation import implementation
from skam_core.views.plan import plan as load_plan_view
from tests.conftest import AM_BECKER, AM_YILMAZ, DEMO_TODAY, key_account_of

TODAY = DEMO_TODAY
NOW = AsOf.now(TODAY)


@pytest.fixture
def own(demo_store):
    return key_account_of(demo_store, AM_BECKER.user_id, "implementation")


def _versions(store, cid):
    return store.query(
        "SELECT id, version_no, status, agreed_on FROM plan_versions WHERE customer_id = ? AND valid_to IS NULL"
        " AND NOT is_deleted ORDER BY version_no",
        [cid],
    ).dicts()


def test_a_new_version_is_numbered_next_and_agreeing_it_supersedes_the_old(demo_store, own):
    before = _versions(demo_store, own)
    vid = start_plan_version(demo_store, AM_BECKER, own)
    after = {v["id"]: v for v in _versions(demo_store, own)}
    assert after[vid]["version_no"] == max(v["version_no"] for v in before) + 1
    assert after[vid]["status"] == "draft"
    agree_plan_version(demo_store, AM_BECKER, vid, TODAY)
    statuses = {v["id"]: v["status"] for v in _versions(demo_store, own)}
    assert statuses[vid] == "agreed"
    assert list(statuses.values()).count("agreed") == 1
    assert load_plan_view(demo_store, NOW, own).current["id"] == vid
    with pytest.raises(ValidationFailed):
        agree_plan_version(demo_store, AM_BECKER, vid, TODAY + timedelta(days=1))


def test_raci_cells_are_set_and_cleared_and_must_belong_to_the_account(demo_store, own):
    plan = load_plan_view(demo_store, NOW, own)
    member, objective = plan.team["id"].iloc[0], plan.objectives["id"].iloc[0]
    # Start from an objective without any RACI letters (the demo plan assigns them all).
    existing = plan.raci[plan.raci["item_id"] == objective]
    cleared = [RaciCell(m, "objective", objective, None) for m in existing["member_id"]]
    assert apply_raci(demo_store, AM_BECKER, own, cleared) == len(cleared)
    assert apply_raci(demo_store, AM_BECKER, own, [RaciCell(member, "objective", objective, "A")]) == 1
    assert apply_raci(demo_store, AM_BECKER, own, [RaciCell(member, "objective", objective, "A")]) == 0
    cells = load_plan_view(demo_store, NOW, own).raci
    assert ((cells["item_id"] == objective) & (cells["letter"] == "A")).sum() == 1
    assert apply_raci(demo_store, AM_BECKER, own, [RaciCell(member, "objective", objective, None)]) == 1
    assert (load_plan_view(demo_store, NOW, own).raci["item_id"] != objective).all()
    with pytest.raises(ValidationFailed):
        apply_raci(demo_store, AM_BECKER, own, [RaciCell(member, "objective", objective, "X")])
    other = key_account_of(demo_store, AM_YILMAZ.user_id, "implementation")
    foreign_member = load_plan_view(demo_store, NOW, other).team["id"].iloc[0]
    with pytest.raises(PermissionDenied):
        apply_raci(demo_store, AM_BECKER, own, [RaciCell(foreign_member, "objective", objective, "R")])


def test_targets_change_only_where_the_value_changed(demo_store, own):
    kpi = kq.definitions(demo_store, own, NOW)["id"].iloc[1]
    month = TODAY.replace(day=1)
    assert set_kpi_targets(demo_store, AM_BECKER, kpi, {month: 96.5}) == 1
    assert set_kpi_targets(demo_store, AM_BECKER, kpi, {month: 96.5}) == 0
    targets = kq.targets(demo_store, own, NOW)
    here = targets[(targets["kpi_id"] == kpi) & (targets["period"].dt.date == month)]
    assert here["target"].tolist() == [96.5] and here["changed_by"].tolist() == [AM_BECKER.user_id]
    assert set_kpi_targets(demo_store, AM_BECKER, kpi, {month: None}) == 1
    targets = kq.targets(demo_store, own, NOW)
    assert targets[(targets["kpi_id"] == kpi) & (targets["period"].dt.date == month)].empty
    with pytest.raises(ValidationFailed):
        set_kpi_targets(demo_store, AM_BECKER, kpi, {month: "viel"})


def test_a_correction_is_a_new_entry_and_the_history_shows_from_which_value(demo_store, own):
    kpi = kq.definitions(demo_store, own, NOW)["id"].iloc[1]
    month = TODAY.replace(day=1)
    first = record_kpi_values(demo_store, AM_BECKER, [KpiEntry(kpi, month, 91.0)])
    second = record_kpi_values(demo_store, AM_BECKER, [KpiEntry(kpi, month, 92.5, "nach Abgleich")])
    assert first[0].entered_by == AM_BECKER.user_id and second[0].value == 92.5
    actual = kq.actuals(demo_store, own, NOW)
    here = actual[(actual["kpi_id"] == kpi) & (actual["period"].dt.date == month)].iloc[0]
    assert here["value"] == 92.5 and here["entries"] == 2
    h = entry_history(kq.entries(demo_store, own, NOW, kpi_id=kpi))
    latest = h.iloc[0]
    assert (latest["previous_value"], latest["value"], latest["comment"]) == (91.0, 92.5, "nach Abgleich")
    # the implementation view shows it at once
    status = implementation(demo_store, NOW, own).kpi_status.set_index("kpi_id")
    assert status.loc[kpi, "latest_value"] == 92.5
    with pytest.raises(ValidationFailed) as err:
        record_kpi_values(demo_store, AM_BECKER, [KpiEntry(kpi, month, 140.0), KpiEntry(kpi, month, 91.0)])
    assert "above the maximum 100" in str(err.value)
    with pytest.raises(ValidationFailed, match="lies in the future"):
        record_kpi_values(demo_store, AM_BECKER, [KpiEntry(kpi, month + timedelta(days=40), 91.0)])


def test_as_of_hides_kpi_entries_made_later(demo_store, own):
    kpi = kq.definitions(demo_store, own, NOW)["id"].iloc[2]
    month = TODAY.replace(day=1)
    record_kpi_values(demo_store, AM_BECKER, [KpiEntry(kpi, month, 33.0)])
    yesterday = TODAY - timedelta(days=1)
    then = kq.actuals(demo_store, own, AsOf.at(yesterday, TODAY))
    assert then[(then["kpi_id"] == kpi) & (then["period"].dt.date == month)].empty


def _milestone(store, cid):
    with store.cursor() as cur:
        ms = versioned.read_current(cur, "milestones", asof=NOW, where={"customer_id": cid}, include_version=True)
    return ms.sort_values("due").iloc[-1].to_dict()


def test_status_updates_need_a_comment_for_problems_and_record_completion(demo_store, own):
    m = _milestone(demo_store, own)
    with pytest.raises(ValidationFailed) as err:
        update_milestone_status(demo_store, AM_BECKER, m["id"], "at_risk", "  ")
    assert err.value.errors[0].field == "comment"
    update_milestone_status(demo_store, AM_BECKER, m["id"], "at_risk", "Halbleiter fehlen")
    update_milestone_status(demo_store, AM_BECKER, m["id"], "done", None)
    done = _milestone(demo_store, own)
    assert done["status"] == "done" and done["completed_on"].date() == TODAY and done["changed_by"] == AM_BECKER.user_id
    update_milestone_status(demo_store, AM_BECKER, m["id"], "on_track", "wieder geöffnet")
    reopened = _milestone(demo_store, own)
    assert reopened["status"] == "on_track" and pd.isna(reopened["completed_on"])
    with pytest.raises(ValidationFailed):
        update_milestone_status(demo_store, AM_BECKER, m["id"], "done", None, completed_on=TODAY + timedelta(days=2))
    with pytest.raises(ValidationFailed):
        update_milestone_status(demo_store, AM_BECKER, m["id"], "finished", None)


def test_a_status_update_based_on_an_old_version_is_refused(demo_store, own):
    m = _milestone(demo_store, own)
    update_milestone_status(demo_store, AM_BECKER, m["id"], "on_track", "läuft")
    with pytest.raises(StaleEditError):
        update_milestone_status(
            demo_store,
            AM_BECKER,
            m["id"],
            "delayed",
            "zu spät",
            expected_valid_from=m["valid_from"].to_pydatetime(),
        )


def test_an_account_stays_due_until_every_kpi_has_last_months_value(demo_store, own):
    """The KPI page's overview ticks "missing" while any KPI lacks the due month, not only when all do."""
    from datetime import date

    from skam_core.views.kpis import due_period, kpi_overview

    later = date(2027, 1, 15)  # December 2026 is due then; the demo has no values for it
    asof = AsOf.now(later)
    assert due_period(later) == date(2026, 12, 1)
    kpis = kq.definitions(demo_store, own, asof)["id"].tolist()
    assert len(kpis) >= 2

    def row():
        return kpi_overview(demo_store, asof, [own]).set_index("customer_id").loc[own]

    assert (int(row()["kpis"]), int(row()["kpis_current"])) == (len(kpis), 0)
    record_kpi_values(demo_store, AM_BECKER, [KpiEntry(k, date(2026, 12, 1), 50.0) for k in kpis[:-1]], today=later)
    assert int(row()["kpis_current"]) == len(kpis) - 1  # the latest month is there, yet one KPI still lacks it
    record_kpi_values(demo_store, AM_BECKER, [KpiEntry(kpis[-1], date(2026, 12, 1), 50.0)], today=later)
    assert int(row()["kpis_current"]) == len(kpis)
