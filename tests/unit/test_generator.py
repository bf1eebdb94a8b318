"""The demo generator: deterministic, realistic structure, figures that emerge from the rows."""

from datetime import date

import numpy as np
import pandas as pd
import pytest

from skam_core.demo import DemoSize, generate
from skam_core.demo.financials import KEY_ACCOUNT_LAYOUT

TODAY = date(2026, 11, 27)
SMALL = DemoSize(customers=400, months=36, seed=3)


@pytest.fixture(scope="module")
def demo():
    return generate(DemoSize(), TODAY)


def test_same_seed_gives_the_same_rows():
    a_c, a_f, a_x = generate(SMALL, TODAY)
    b_c, b_f, b_x = generate(SMALL, TODAY)
    pd.testing.assert_frame_equal(a_c, b_c)
    pd.testing.assert_frame_equal(a_f, b_f)
    assert a_x.keys() == b_x.keys()
    for k in a_x:
        pd.testing.assert_frame_equal(a_x[k], b_x[k])


def test_another_seed_gives_other_rows():
    a = generate(SMALL, TODAY)[1]
    b = generate(DemoSize(400, 36, seed=4), TODAY)[1]
    assert not np.allclose(a["revenue"].to_numpy(), b["revenue"].to_numpy())


def test_default_size_is_2000_customers_by_48_months_ending_last_month(demo):
    customers, fin, _ = demo
    assert len(customers) == 2000 and customers["customer_id"].is_unique
    assert len(fin) == 2000 * 48
    assert pd.Timestamp(fin["month"].max()) == pd.Timestamp("2026-10-01")
    assert customers["name"].is_unique


def test_twelve_key_accounts_cover_every_stage(demo):
    customers = demo[0]
    stages = customers.loc[customers["skam_stage"] != "none", "skam_stage"]
    assert len(stages) == 12
    assert set(stages) == {s for s, _ in KEY_ACCOUNT_LAYOUT}
    started = customers["skam_start"].notna()
    assert set(customers.loc[started, "skam_stage"]) == {"implementation"}


def test_sizes_are_heavy_tailed_and_seasonal(demo):
    customers, fin, _ = demo
    annual = fin.groupby("customer_id")["revenue"].sum() / 4
    top = annual.sort_values(ascending=False)
    assert top.head(200).sum() / top.sum() > 0.5  # top 10% of customers: most of the revenue
    by_month = fin.assign(m=pd.to_datetime(fin["month"]).dt.month).groupby("m")["revenue"].sum()
    assert by_month[12] < by_month[11] * 0.9 and by_month[8] < by_month[7] * 0.95


def test_biggest_customers_are_not_key_accounts(demo):
    customers, fin, _ = demo
    annual = fin.groupby("customer_id")["revenue"].sum().sort_values(ascending=False)
    key = set(customers.loc[customers["skam_stage"] != "none", "customer_id"])
    assert not key & set(annual.index[:5])


def test_skam_margin_rises_gradually_after_the_start(demo):
    customers, fin, _ = demo
    started = customers[customers["skam_start"].notna()]
    f = fin.merge(started[["customer_id", "skam_start"]], on="customer_id")
    months = pd.to_datetime(f["month"])
    start = pd.to_datetime(f["skam_start"]).dt.to_period("M").dt.to_timestamp()
    k = (months.dt.year - start.dt.year) * 12 + (months.dt.month - start.dt.month)
    f = f.assign(k=k, phase=pd.cut(k, [-13, -1, 5, 11, 23], labels=["before", "0-5", "6-11", "12-23"]))
    g = f.groupby(["customer_id", "phase"], observed=True)[["operating_profit", "revenue"]].sum()
    margin = (g["operating_profit"] / g["revenue"]).unstack()
    full = margin.dropna()  # accounts observed in every phase
    assert len(full) >= 3
    gain = full.sub(full["before"], axis=0).mean()
    assert gain["0-5"] < gain["6-11"] < gain["12-23"]  # gradual, not a jump
    assert gain["0-5"] < 0.015 and gain["12-23"] > 0.03


def test_the_ratio_near_two_emerges_from_the_rows(demo):
    customers, fin, _ = demo
    window = fin[pd.to_datetime(fin["month"]) >= pd.Timestamp("2025-11-01")]
    skam = set(customers.loc[customers["skam_start"].notna(), "customer_id"])
    is_skam = window["customer_id"].isin(skam)
    margin = lambda d: d["operating_profit"].sum() / d["revenue"].sum()  # noqa: E731
    ratio = margin(window[is_skam]) / margin(window[~is_skam])
    assert 1.6 < ratio < 2.5


def test_every_content_table_gets_rows(demo):
    content = demo[2]
    for table in (
        "competitive_forces",
        "customer_markets",
        "strategy_components",
        "strategic_priorities",
        "fit_scores",
        "opportunities",
        "value_items",
        "stakeholders",
        "customer_feedback",
        "plan_versions",
        "plan_objectives",
        "team_members",
        "raci",
        "milestones",
        "kpi_definitions",
        "kpi_targets",
        "kpi_entries",
        "steering_meetings",
        "decisions",
        "escalations",
        "capabilities",
        "delivery_capacity",
        "users",
    ):
        assert len(content[table]) > 0, table


def test_no_version_is_dated_after_today(demo):
    for name, df in demo[2].items():
        col = "entered_at" if name == "kpi_entries" else "valid_from"
        assert pd.to_datetime(df[col]).max() <= pd.Timestamp(TODAY) + pd.Timedelta(days=1), name


@pytest.mark.parametrize(
    ("today", "last_month"),
    [
        (date(2026, 12, 1), date(2026, 10, 1)),  # November is booked on 10 December: not known yet
        (date(2026, 12, 9), date(2026, 10, 1)),
        (date(2026, 12, 10), date(2026, 11, 1)),  # booked today
        (date(2028, 3, 1), date(2028, 1, 1)),  # after a 29 February
    ],
)
def test_no_financial_month_is_known_before_it_is_booked(today, last_month):
    _, financials, _ = generate(SMALL, today)
    assert pd.to_datetime(financials["month"]).max().date() == last_month
    assert pd.to_datetime(financials["valid_from"]).max() <= pd.Timestamp(today)
