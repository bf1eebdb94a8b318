"""Field specs: table-driven coercion and the messages a user sees."""

from datetime import date

import pytest

from skam_core.domain.specs import SPECS, Field, validate_values
from skam_core.storage.versioned import TABLES


@pytest.mark.parametrize(
    ("field", "raw", "expected"),
    [
        (Field("x", "int", min=1, max=5), "3", 3),
        (Field("x", "int", min=1, max=5), 4.0, 4),
        (Field("x", "float"), "2.5", 2.5),
        (Field("x", "date"), "2026-02-28", date(2026, 2, 28)),
        (Field("x", "month"), "2026-02", date(2026, 2, 1)),
        (Field("x", "month"), "2026-02-17", date(2026, 2, 1)),
        (Field("x", "bool"), "ja", True),
        (Field("x", "email"), " A.B@Example.COM ", "a.b@example.com"),
        (Field("x", "choice", choices=("a", "b")), "b", "b"),
        (Field("x", "text"), "  hi  ", "hi"),
        (Field("x", "text"), "", None),
    ],
)
def test_valid_values_are_coerced(field, raw, expected):
    assert field.coerce(raw) == expected


@pytest.mark.parametrize(
    ("field", "raw", "message"),
    [
        (Field("x", "int", min=1, max=5), "6", "above the maximum 5"),
        (Field("x", "int", min=1, max=5), "0", "below the minimum 1"),
        (Field("x", "int"), "2.5", "not a whole number"),
        (Field("x", "float"), "abc", "not a number"),
        (Field("x", "float"), "inf", "not a finite number"),
        (Field("x", "date"), "2026-02-30", "not a valid calendar date"),
        (Field("x", "date"), "27.11.2026", "YYYY-MM-DD"),
        (Field("x", "month"), "2026-13", "no month 13"),
        (Field("x", "email"), "nobody", "not an e-mail address"),
        (Field("x", "choice", choices=("a", "b")), "c", "not one of a, b"),
        (Field("x", "text", required=True), " ", "is required"),
    ],
)
def test_invalid_values_are_refused_with_a_reason(field, raw, message):
    with pytest.raises(ValueError, match=message):
        field.coerce(raw)


def test_validation_collects_every_problem_at_once():
    _, errors = validate_values(SPECS["stakeholders"], {"influence": 9, "attitude": -3, "function": "x"})
    assert {e.field for e in errors} == {"id", "customer_id", "name", "influence", "attitude", "function"}


def test_every_versioned_table_has_a_spec_with_the_same_columns():
    for name, table in TABLES.items():
        spec_cols = {f.name for f in SPECS[name]}
        assert spec_cols == set(table.all_columns), name
