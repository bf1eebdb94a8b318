"""KPI rules with known answers: traffic light by direction, trend, targets carried forward, entry checks,
the correction history and the fast-entry table."""

from datetime import date, datetime

import pandas as pd
import pytest

from skam_core.analytics import kpi_entry
from skam_core.analytics import kpis as k


@pytest.mark.parametrize(
    ("actual", "target", "direction", "light"),
    [
        (97.0, 97.0, "higher", "green"),  # met exactly
        (98.0, 97.0, "higher", "green"),
        (90.0, 97.0, "higher", "amber"),  # missed by 7 <= 9.7 (10 % of the target)
        (87.0, 97.0, "higher", "red"),  # missed by 10 > 9.7
        (280.0, 300.0, "lower", "green"),  # lower is better: below target is good
        (320.0, 300.0, "lower", "amber"),  # 20 <= 30
        (356.6, 300.0, "lower", "red"),
        (5.0, 0.0, "lower", "red"),  # a target of 0 missed at all is red
        (0.0, 0.0, "lower", "green"),
        (None, 97.0, "higher", "grey"),
        (97.0, None, "higher", "grey"),
        (float("nan"), 97.0, "higher", "grey"),
    ],
)
def test_traffic_light_respects_direction(actual, target, direction, light):
    assert k.traffic_light(actual, target, direction) == light


def test_shortfall_is_zero_when_met_and_positive_when_missed():
    assert k.shortfall(99, 97, "higher") == 0
    assert k.shortfall(95, 97, "higher") == 2
    assert k.shortfall(310, 300, "lower") == 10
    assert k.shortfall(None, 300, "lower") is None


M = [date(2026, m, 1) for m in range(1, 8)]


@pytest.mark.parametrize(
    ("values", "direction", "expected", "change"),
    [
        ([90, 91, 92, 93, 95], "higher", "better", 4.0),  # 95 against 91 (three periods before)
        ([90, 91, 92, 93, 95], "lower", "worse", 4.0),
        ([300, 300, 300, 301], "lower", "flat", 1.0),  # 1 is below 2 % of 301
        ([300, 250], "lower", "better", -50.0),  # fewer than four values: against the earliest
        ([12], "higher", None, None),
    ],
)
def test_trend(values, direction, expected, change):
    tr = k.trend(M[: len(values)], values, direction)
    assert tr.direction == expected
    assert tr.change == change


def test_trend_skips_missing_values():
    tr = k.trend(M[:4], [10.0, None, float("nan"), 20.0], "higher")
    assert tr.direction == "better" and tr.since == M[0]


DEFS = pd.DataFrame(
    [
        {"id": "q", "name": "Liefertreue", "unit": "%", "direction": "higher", "source": "ERP"},
        {"id": "r", "name": "Reklamationsquote", "unit": "ppm", "direction": "lower", "source": "QM"},
    ]
)
TARGETS = pd.DataFrame({"kpi_id": ["q", "q", "r"], "period": [M[0], M[2], M[0]], "target": [90.0, 95.0, 300.0]})
ACTUALS = pd.DataFrame(
    {
        "kpi_id": ["q", "q", "q", "q", "r"],
        "period": [M[0], M[1], M[2], M[4], M[1]],
        "value": [88.0, 91.0, 94.0, 96.0, 280.0],
        "entered_by": ["a", "a", "a", "b", "a"],
        "entered_at": [datetime(2026, m, 5) for m in (2, 3, 4, 6, 3)],
        "entries": [1, 1, 2, 1, 1],
    }
)


def test_series_carries_the_latest_earlier_target_forward():
    s = k.series(DEFS, TARGETS, ACTUALS)
    q = s[s["kpi_id"] == "q"].set_index("period")
    assert q.loc[M[1], "target"] == 90.0 and not q.loc[M[1], "target_set"]  # carried from January
    assert q.loc[M[4], "target"] == 95.0  # carried from March
    assert q.loc[M[2], "target_set"]


def test_status_per_kpi_uses_the_latest_period_with_a_value():
    st = k.status(DEFS, TARGETS, ACTUALS).set_index("kpi_id")
    assert st.loc["q", "latest_period"] == M[4] and st.loc["q", "latest_value"] == 96.0
    assert st.loc["q", "target"] == 95.0 and st.loc["q", "light"] == "green"
    assert st.loc["q", "entered_by"] == "b"
    assert st.loc["q", "trend"] == "better"
    assert st.loc["r", "light"] == "green" and pd.isna(st.loc["r", "trend"])
    assert k.light_counts(k.status(DEFS, TARGETS, ACTUALS)) == {"green": 2, "amber": 0, "red": 0, "grey": 0}


def test_status_as_of_an_earlier_month_ignores_later_periods():
    st = k.status(DEFS, TARGETS, ACTUALS, upto=M[2]).set_index("kpi_id")
    assert st.loc["q", "latest_period"] == M[2] and st.loc["q", "latest_value"] == 94.0
    assert st.loc["q", "light"] == "amber"  # 94 against 95


def test_statuses_at_several_days_are_each_days_status():
    days = [None, M[2], M[0], date(2020, 1, 1)]
    for day, got in zip(days, k.statuses(DEFS, TARGETS, ACTUALS, days), strict=True):
        pd.testing.assert_frame_equal(got, k.status(DEFS, TARGETS, ACTUALS, upto=day))


def test_a_kpi_without_values_is_grey():
    st = k.status(DEFS, TARGETS, ACTUALS.iloc[0:0]).set_index("kpi_id")
    assert (st["light"] == "grey").all() and st["latest_value"].isna().all()


def test_entry_history_shows_which_value_each_correction_replaced():
    entries = pd.DataFrame(
        {
            "entry_id": ["e1", "e2", "e3", "e4"],
            "kpi_id": ["q", "q", "q", "r"],
            "customer_id": "K1",
            "period": [M[0], M[0], M[0], M[0]],
            "value": [88.0, 89.0, 90.0, 300.0],
            "comment": [None, "Korrektur", "nochmal", None],
            "entered_by": ["a", "b", "a", "a"],
            "entered_at": [datetime(2026, 2, d) for d in (1, 3, 9, 2)],
        }
    )
    h = k.entry_history(entries)
    assert list(h["entry_id"]) == ["e3", "e2", "e4", "e1"]  # newest first
    by = h.set_index("entry_id")
    assert pd.isna(by.loc["e1", "previous_value"]) and not by.loc["e1", "is_correction"]
    assert by.loc["e2", "previous_value"] == 88.0 and by.loc["e2", "previous_by"] == "a"
    assert by.loc["e3", "previous_value"] == 89.0 and by.loc["e3", "is_correction"]
    assert not by.loc["e4", "is_correction"]


@pytest.mark.parametrize(
    ("kpi", "value", "period", "codes"),
    [
        ({"unit": "%", "min_value": 0, "max_value": 100}, 97.5, date(2026, 6, 1), []),
        ({"unit": "%"}, 140.0, date(2026, 6, 1), ["above_max"]),  # a percentage is 0-100 unless defined
        ({"unit": "%"}, -1.0, date(2026, 6, 1), ["below_min"]),
        ({"unit": "%", "min_value": -50, "max_value": 500}, 140.0, date(2026, 6, 1), []),  # its own range wins
        ({"unit": "ppm", "min_value": 0}, 1e6, date(2026, 6, 1), []),
        ({"unit": "EUR"}, "12k", date(2026, 6, 1), ["not_number"]),
        ({"unit": "EUR"}, float("inf"), date(2026, 6, 1), ["not_number"]),
        ({"unit": "EUR"}, True, date(2026, 6, 1), ["not_number"]),
        ({"unit": "EUR"}, 5.0, date(2026, 7, 1), ["future_period"]),  # beyond the current month
        ({"unit": "EUR"}, 5.0, date(2026, 6, 30), []),  # the current month itself is fine
    ],
)
def test_entry_problems(kpi, value, period, codes):
    assert [p.code for p in kpi_entry.entry_problems(kpi, value, period, date(2026, 6, 15))] == codes


def test_period_choices_start_with_the_current_month():
    ps = kpi_entry.period_choices(date(2026, 1, 20), 3)
    assert ps == [date(2026, 1, 1), date(2025, 12, 1), date(2025, 11, 1)]


def test_bulk_table_and_what_it_saves():
    frame = kpi_entry.bulk_frame(DEFS, TARGETS, ACTUALS, M[4])
    q = frame.set_index("kpi_id").loc["q"]
    assert q["target"] == 95.0 and q["current"] == 96.0 and (q["min_value"], q["max_value"]) == (0.0, 100.0)
    edited = frame.copy()
    edited["new_value"] = [96.0, None]  # same as current, no comment: nothing to save
    edited["comment"] = ["", ""]
    assert kpi_entry.bulk_changes(edited) == []
    edited["new_value"] = [96.0, 310.0]
    edited["comment"] = ["bestätigt", ""]
    assert kpi_entry.bulk_changes(edited) == [
        kpi_entry.BulkRow("q", 96.0, "bestätigt"),
        kpi_entry.BulkRow("r", 310.0, None),
    ]


def test_the_entry_table_shows_the_standing_target_in_a_month_without_values_or_its_own_target():
    """May (M[4]) has a value for q only; June (M[5]) has nothing at all — both still show the target that stands."""
    may = kpi_entry.bulk_frame(DEFS, TARGETS, ACTUALS, M[4]).set_index("kpi_id")
    assert may.loc["r", "target"] == 300.0 and pd.isna(may.loc["r", "current"])
    june = kpi_entry.bulk_frame(DEFS, TARGETS, ACTUALS, M[5]).set_index("kpi_id")
    assert (june.loc["q", "target"], june.loc["r", "target"]) == (95.0, 300.0)
    assert june["current"].isna().all()
    before = kpi_entry.bulk_frame(DEFS, TARGETS, ACTUALS, date(2025, 12, 1)).set_index("kpi_id")
    assert before["target"].isna().all()  # no target before the first one


def test_the_entry_table_from_a_series_computed_once_is_the_same_table():
    known = k.series(DEFS, TARGETS, ACTUALS)  # what views.kpis keeps per data version
    for period in [*M, date(2025, 12, 1)]:
        pd.testing.assert_frame_equal(
            kpi_entry.bulk_frame(DEFS, TARGETS, ACTUALS, period, known),
            kpi_entry.bulk_frame(DEFS, TARGETS, ACTUALS, period),
        )


def test_target_frame_fills_the_requested_periods():
    tf = kpi_entry.target_frame(TARGETS, "q", M[:3])
    assert list(tf["target"].fillna(-1)) == [90.0, -1, 95.0]


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("97,5", "de", 97.5),
        ("97.5", "de", 97.5),  # a German user typing a dot means a decimal point here
        ("1.234,5", "de", 1234.5),
        ("1.234", "de", 1234.0),
        ("1,234", "de", 1.234),
        ("1,234.5", "en", 1234.5),
        ("1,234", "en", 1234.0),
        ("12 900 €", "de", 12900.0),
        ("€12,900", "en", 12900.0),
        ("93 %", "de", 93.0),
        ("356,6 ppm", "de", 356.6),
        ("−2,5", "de", -2.5),
        ("1,234,567", "de", 1234567.0),
    ],
)
def test_numbers_are_read_as_people_type_them(text, lang, value):
    assert kpi_entry.parse_number(text, lang, "ppm") == value


@pytest.mark.parametrize("text", ["", "abc", "12k", "1,2,3", "1..2", "nan", "inf"])
def test_what_is_not_a_number_is_refused(text):
    with pytest.raises(ValueError):
        kpi_entry.parse_number(text, "de")
