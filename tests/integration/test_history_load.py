"""A history load: five years of figures imported today with --known-since look, as of a past day, as they were
known then; corrections stay newer versions; impossible knowledge dates are refused by row and column."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from skam_core.domain.asof import AsOf
from skam_core.io.known_since import KnownSince, parse_option
from skam_core.services.imports import import_file
from skam_core.views.portfolio import portfolio
from skam_core.views.profit import profit
from tests.conftest import ADMIN, DEMO_TODAY, ROOT

MONTHS = pd.period_range(end=pd.Period(DEMO_TODAY, "M") - 1, periods=60, freq="M")  # five years up to last month
SKAM = [f"K{i:03d}" for i in range(6)]
OTHERS = [f"K{i:03d}" for i in range(6, 30)]


def _customers_csv(path: Path) -> Path:
    start = (MONTHS[24].to_timestamp() + pd.Timedelta(days=14)).date()
    lines = ["customer_id,name,skam_stage,skam_start"]
    lines += [f"{c},Kunde {c},implementation,{start}" for c in SKAM]
    lines += [f"{c},Kunde {c},none," for c in OTHERS]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _financials(seed: int = 7) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    rows = [
        (c, str(m), round(float(rng.uniform(500, 5000)), 2), round(float(rng.uniform(-50, 500)), 2))
        for c in SKAM + OTHERS
        for m in MONTHS
    ]
    return pd.DataFrame(rows, columns=["customer_id", "month", "revenue", "operating_profit"])


@pytest.fixture
def history(store, tmp_path):
    """Customers known since before the first month, five years of figures known ten days after each month."""
    first = MONTHS[0].to_timestamp().date() - timedelta(days=1)
    r = import_file(store, ADMIN, "customers", _customers_csv(tmp_path / "c.csv"), known_since=KnownSince(day=first))
    assert r.ok and r.written, r.problems
    fin = _financials()
    fin.to_csv(tmp_path / "f.csv", index=False)
    r = import_file(store, ADMIN, "financials", tmp_path / "f.csv", known_since=KnownSince(days_after_month_end=10))
    assert r.ok and r.written and r.added == len(fin), r.problems
    return store, fin


def _known_month(day: date) -> pd.Period:
    """The latest month whose figures are known at the end of ``day`` with month-end+10."""
    m = pd.Period(day, "M") - 1
    return m if day >= (m.to_timestamp(how="end").date() + timedelta(days=10)) else m - 1


@pytest.mark.parametrize("offset", [400, 700, 1000])
def test_a_history_load_shows_each_past_day_as_it_was_known(history, offset):
    store, fin = history
    day = DEMO_TODAY - timedelta(days=offset)
    view = profit(store, AsOf.at(day, DEMO_TODAY))
    end = _known_month(day)
    assert view.window is not None and view.window.end == end.to_timestamp().date()
    in_window = fin[(fin["month"] > str(end - 12)) & (fin["month"] <= str(end))]
    skam = in_window[in_window["customer_id"].isin(SKAM)]
    assert view.comparison.skam.revenue == pytest.approx(skam["revenue"].sum())
    assert view.comparison.others.revenue == pytest.approx(in_window["revenue"].sum() - skam["revenue"].sum())
    assert portfolio(store, AsOf.at(day, DEMO_TODAY)).comparison.others.revenue == pytest.approx(
        view.comparison.others.revenue
    )


def test_a_month_becomes_known_on_the_tenth_day_after_it_ends(history):
    store, _ = history
    month = MONTHS[30]
    known_on = month.to_timestamp(how="end").date() + timedelta(days=10)
    before = profit(store, AsOf.at(known_on - timedelta(days=1), DEMO_TODAY))
    on = profit(store, AsOf.at(known_on, DEMO_TODAY))
    assert before.window.end == (month - 1).to_timestamp().date()
    assert on.window.end == month.to_timestamp().date()


def test_a_correction_without_the_option_is_a_newer_version_and_old_views_stay(history, tmp_path):
    store, fin = history
    past = AsOf.at(DEMO_TODAY - timedelta(days=400), DEMO_TODAY)
    before = profit(store, past).comparison.others.revenue
    fix = fin[fin["customer_id"] == OTHERS[0]].copy()
    fix["revenue"] = fix["revenue"] + 1000
    fix.to_csv(tmp_path / "fix.csv", index=False)
    r = import_file(store, ADMIN, "financials", tmp_path / "fix.csv")
    assert r.ok and r.changed == len(fix)
    assert profit(store, past).comparison.others.revenue == pytest.approx(before)
    now = profit(store, AsOf.now(DEMO_TODAY)).comparison.others.revenue
    assert now == pytest.approx(before + 12 * 1000, rel=0.5)  # the current view sees the corrected months
    again = import_file(store, ADMIN, "financials", tmp_path / "f.csv", known_since=KnownSince(days_after_month_end=10))
    assert not again.ok and not again.written
    assert (
        again.problems[0].startswith("row ")
        and "column known_since: the stored figures are known since" in (again.problems[0])
    )


def test_a_correction_known_too_early_is_named_by_its_excel_row_after_a_blank_line(history, tmp_path):
    store, fin = history
    row = fin.iloc[0]
    (tmp_path / "fix.csv").write_text(
        "customer_id,month,revenue,operating_profit\n\n"  # a blank line: the figures are Excel's row 3
        f"{row.customer_id},{row.month},{row.revenue + 1},{row.operating_profit}\n",
        encoding="utf-8",
    )
    count = store.query("SELECT count(*) FROM financials").single_value()
    r = import_file(store, ADMIN, "financials", tmp_path / "fix.csv", known_since=KnownSince(days_after_month_end=10))
    assert len(r.problems) == 1 and not r.written
    assert r.problems[0].startswith("row 3, column known_since: the stored figures are known since")
    assert store.query("SELECT count(*) FROM financials").single_value() == count


def test_reloading_the_same_history_changes_nothing(history, tmp_path):
    store, _ = history
    count = store.query("SELECT count(*) FROM financials").single_value()
    r = import_file(store, ADMIN, "financials", tmp_path / "f.csv", known_since=KnownSince(days_after_month_end=10))
    assert r.ok and (r.added, r.changed) == (0, 0)
    assert store.query("SELECT count(*) FROM financials").single_value() == count


def test_a_knowledge_date_in_the_future_or_before_the_month_ended_is_refused(history, tmp_path):
    store, _ = history
    month = str(MONTHS[-1])
    tomorrow = DEMO_TODAY + timedelta(days=1)
    (tmp_path / "bad.csv").write_text(
        "customer_id,month,revenue,operating_profit,known_since\n"
        f"K000,{month},1,1,{tomorrow}\n"
        f"K001,{month},1,1,{MONTHS[-1].to_timestamp().date() + timedelta(days=3)}\n"
        f"K002,{month},1,1,31.12.2020\n",
        encoding="utf-8",
    )
    count = store.query("SELECT count(*) FROM financials").single_value()
    r = import_file(store, ADMIN, "financials", tmp_path / "bad.csv")
    assert r.problems == [
        f"row 2, column known_since: {tomorrow} lies in the future (today is {DEMO_TODAY})",
        f"row 3, column known_since: {MONTHS[-1].to_timestamp().date() + timedelta(days=3)}"
        " is before the month's figures were complete (its end)",
        "row 4, column known_since: '31.12.2020' is not an ISO date YYYY-MM-DD",
    ]
    r = import_file(store, ADMIN, "financials", tmp_path / "f.csv", known_since=KnownSince(day=date(2020, 1, 31)))
    assert not r.ok and all(", column month: " in p and "has not ended by the knowledge date" in p for p in r.problems)
    assert store.query("SELECT count(*) FROM financials").single_value() == count


def test_the_option_is_a_date_or_month_end_plus_days_for_financials():
    assert parse_option("month-end+10", "financials", DEMO_TODAY) == KnownSince(days_after_month_end=10)
    assert parse_option("2024-05-31", "customers", DEMO_TODAY) == KnownSince(day=date(2024, 5, 31))
    for text, kind in [("month-end+10", "customers"), ("2024-13-01", "kpis"), ("soon", "financials")]:
        with pytest.raises(ValueError):
            parse_option(text, kind, DEMO_TODAY)
    with pytest.raises(ValueError, match="lies in the future"):
        parse_option(str(DEMO_TODAY + timedelta(days=1)), "financials", DEMO_TODAY)


def test_a_row_known_since_a_day_is_visible_as_of_that_day_not_the_day_before(store, tmp_path):
    day = DEMO_TODAY - timedelta(days=100)
    r = import_file(store, ADMIN, "customers", _customers_csv(tmp_path / "c.csv"), known_since=KnownSince(day=day))
    assert r.ok
    seen = store.query(
        "SELECT count(*) FROM customers WHERE valid_from < ?", [AsOf.at(day, DEMO_TODAY).instant]
    ).single_value()
    unseen = store.query(
        "SELECT count(*) FROM customers WHERE valid_from < ?", [AsOf.at(day - timedelta(days=1), DEMO_TODAY).instant]
    ).single_value()
    assert (seen, unseen) == (len(SKAM + OTHERS), 0)


def test_the_cli_loads_a_history_and_refuses_a_future_date(tmp_path):
    db = tmp_path / "cli.duckdb"
    _customers_csv(tmp_path / "c.csv")
    _financials().to_csv(tmp_path / "f.csv", index=False)

    def cli(*args: str) -> subprocess.CompletedProcess:
        cmd = [sys.executable, "-m", "skam_core", "--db", str(db), *args]
        return subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, timeout=120)

    assert cli("import", "customers", str(tmp_path / "c.csv"), "--known-since", "2020-01-01").returncode == 0
    ok = cli("import", "financials", str(tmp_path / "f.csv"), "--known-since", "month-end+10")
    assert ok.returncode == 0, ok.stderr
    assert "60 rows" not in ok.stdout and f"{30 * 60} added" in ok.stdout
    future = cli("import", "financials", str(tmp_path / "f.csv"), "--known-since", "2999-01-01")
    assert future.returncode == 2 and "lies in the future" in future.stderr


def test_a_history_load_warns_when_its_customers_are_not_back_dated(store, tmp_path):
    """Customers imported today, figures known since years ago: as-of views before today would leave the
    figures out, so the import says which customers and how to load them."""
    assert import_file(store, ADMIN, "customers", _customers_csv(tmp_path / "c.csv")).written
    _financials().to_csv(tmp_path / "f.csv", index=False)
    r = import_file(store, ADMIN, "financials", tmp_path / "f.csv", known_since=KnownSince(days_after_month_end=10))
    assert r.ok and r.written
    first = (MONTHS[0].to_timestamp() + pd.offsets.MonthEnd(0) + pd.Timedelta(days=10)).date()
    [warning] = [w for w in r.warnings if "not back-dated" in w]
    assert warning.startswith(f"{len(SKAM + OTHERS)} customer(s) are not back-dated")
    assert f"K000 (known since {DEMO_TODAY}, figures since {first})" in warning
    assert f"--known-since {first} or earlier" in warning


def test_a_history_load_of_back_dated_customers_gives_no_such_warning(history, tmp_path):
    store, fin = history
    fin.to_csv(tmp_path / "f.csv", index=False)
    r = import_file(store, ADMIN, "financials", tmp_path / "f.csv", known_since=KnownSince(days_after_month_end=10))
    assert r.ok and not any("not back-dated" in w for w in r.warnings)
