"""The suite, and the demo, must work on any day: the demo is built and every page rendered at awkward instants
(month ends, the DST switches in Berlin, a leap day, New Year's Eve after 23:00 UTC, when it is already the 1st
of January in Germany) with the clock pinned there. No exception, no error box.

Each day's demo is built once (a smaller company that still has all twelve key accounts)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pandas as pd
import pytest

from skam_core.analytics.stakeholders import coverage_findings
from skam_core.demo import DemoSize, build_demo, generate
from skam_core.demo import names as demo_names
from skam_core.domain import clock
from skam_core.storage.db import Store, close_store
from skam_core.ui.kit.nav import PAGES
from tests.app.conftest import run_app
from tests.conftest import key_account_of

# (id, the instant, ISO with its offset)
AWKWARD = {
    "first-of-month": "2026-12-01T07:30:00+01:00",
    "last-of-month": "2027-01-31T22:45:00+01:00",
    "dst-spring": "2026-03-29T03:30:00+02:00",  # the night the clocks go forward (02:00 -> 03:00)
    "dst-autumn": "2026-10-25T02:30:00+01:00",  # the second 02:30 of the night the clocks go back
    "leap-day": "2028-02-29T12:00:00+01:00",
    "new-year-berlin": "2026-12-31T23:30:00+00:00",  # UTC still in 2026; in Berlin it is 1 January 2027
}
SIZE = DemoSize(customers=300, months=48)
ADMIN = demo_names.USERS[2][0]
BECKER, YILMAZ = demo_names.USERS[3][0], demo_names.USERS[4][0]
ACCOUNT_PAGES = [p.file for p in PAGES if not p.admin_only]
ALL_PAGES = [p.file for p in PAGES]


def test_new_years_eve_in_utc_is_already_new_year_in_berlin():
    assert clock.Clock(clock.parse_instant(AWKWARD["new-year-berlin"])).today().isoformat() == "2027-01-01"


@pytest.fixture(scope="module", params=list(AWKWARD), ids=list(AWKWARD))
def awkward_day(request, tmp_path_factory):
    """The demo built at that instant, with the process's clock pinned there while its pages render."""
    before = clock.clock()
    clock.set_clock(clock.Clock(clock.parse_instant(AWKWARD[request.param])))
    path: Path = tmp_path_factory.mktemp(f"day-{request.param}") / "skam.duckdb"
    s = Store(path)
    build_demo(s, SIZE)  # today: the clock's business day
    accounts = {am: key_account_of(s, am, "implementation") for am in (BECKER, YILMAZ)}
    s.close()
    yield path, accounts
    close_store(path)
    clock.set_clock(before)


def _render(page: str, path: Path, account: str, user: str, monkeypatch):
    monkeypatch.setenv("SKAM_DB", str(path))
    monkeypatch.delenv("SKAM_PROXY_HEADER", raising=False)
    at = run_app(page, params={"account": account, "lang": "de"}, act_as=user)
    assert not at.exception, (page, user, [e.value for e in at.exception])
    assert not at.error, (page, user, [e.value for e in at.error])


@pytest.mark.parametrize("page", ALL_PAGES)
def test_every_page_renders_without_an_error_as_admin_on_any_day(awkward_day, page, monkeypatch):
    path, accounts = awkward_day
    _render(page, path, accounts[YILMAZ], ADMIN, monkeypatch)


@pytest.mark.parametrize("page", ACCOUNT_PAGES)
def test_every_page_renders_without_an_error_for_the_account_manager_on_any_day(awkward_day, page, monkeypatch):
    path, accounts = awkward_day
    _render(page, path, accounts[BECKER], BECKER, monkeypatch)


# -- the generator itself, on many days (no store: fast) --------------------------------------------------------

DAYS = [clock.parse_instant(v).astimezone(clock.BUSINESS_TZ).date() for v in AWKWARD.values()]
DAYS += [DAYS[0] + timedelta(days=23 * i) for i in range(1, 9)]  # half a year, in steps that walk through the month


def _without_dates(df: pd.DataFrame) -> pd.DataFrame:
    kept = [c for c in df.columns if not pd.api.types.is_datetime64_any_dtype(df[c]) and df[c].dtype != object]
    kept += [c for c in df.columns if df[c].dtype == object and not df[c].map(lambda v: hasattr(v, "year")).any()]
    return df[sorted(set(kept) - {"start_month"})].reset_index(drop=True)


def test_the_demo_tells_the_same_story_whatever_day_it_is_built_on():
    base_customers, _, base = generate(SIZE, DAYS[0])
    for day in DAYS[1:4]:
        customers, _, content = generate(SIZE, day)
        assert customers.drop(columns="skam_start").equals(base_customers.drop(columns="skam_start")), day
        for table in ("competitive_forces", "fit_scores", "opportunities", "kpi_definitions", "team_members"):
            assert _without_dates(content[table]).equals(_without_dates(base[table])), (day, table)


def test_running_plans_keep_their_long_term_stakeholders_engaged_on_every_day():
    for day in DAYS:
        customers, _, content = generate(DemoSize(), day)  # the company the suite and a fresh clone use
        current = content["stakeholders"][content["stakeholders"]["valid_to"].isna()]
        running = customers[customers["skam_stage"] == "implementation"]
        for cid in running["customer_id"]:
            findings = coverage_findings(current[current["customer_id"] == cid], day)
            assert [f.code for f in findings if f.level == "problem"] == [], (day, cid)


# KPI entries of a month are made between the 2nd and the 9th of the next, during office hours.
ENTRY_DAYS = {f"2026-12-0{d}-noon": f"2026-12-0{d}T12:00:00+01:00" for d in range(2, 10)}


@pytest.mark.parametrize("name", list(AWKWARD) + list(ENTRY_DAYS))
def test_nothing_in_the_demos_content_happens_after_the_instant_it_is_built_at(name):
    before = clock.clock()
    clock.set_clock(clock.Clock(clock.parse_instant({**AWKWARD, **ENTRY_DAYS}[name])))
    try:
        now = clock.utc_now()
        _, _, content = generate(SIZE, clock.today())
    finally:
        clock.set_clock(before)
    for table, df in content.items():
        stamp = "entered_at" if table == "kpi_entries" else "valid_from"
        assert pd.Timestamp(df[stamp].max()) <= pd.Timestamp(now), table
