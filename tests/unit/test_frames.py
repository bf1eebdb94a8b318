"""analytics.frames.records gives the rows exactly as DataFrame.to_dict("records") does: the pack's rules read
rows through it, and a value boxed differently (numpy scalar for int, str for NaN) would change a rule."""

import numpy as np
import pandas as pd

from skam_core.analytics.frames import records


def _same(a, b) -> bool:
    if type(a) is not type(b):
        return False
    return bool(a == b) or (pd.isna(a) and pd.isna(b))


def test_records_equal_to_dict_records_value_for_value_and_type():
    rng = np.random.default_rng(11)
    n = 9
    frame = pd.DataFrame(
        {
            "text": [f"t{i}" if i % 3 else None for i in range(n)],
            "number": rng.normal(size=n),
            "count": rng.integers(0, 50, size=n),
            "flag": rng.random(n) > 0.5,
            "when": pd.to_datetime(["2026-01-31", None, "2025-12-01"] * 3),
            "day": [pd.Timestamp("2026-02-01").date(), None, pd.Timestamp("2024-02-29").date()] * 3,
        }
    )
    frame.loc[4, "number"] = np.nan
    expected, got = frame.to_dict("records"), records(frame)
    assert len(got) == n
    for want, have in zip(expected, got, strict=True):
        assert want.keys() == have.keys()
        assert all(_same(want[k], have[k]) for k in want), (want, have)


def test_records_of_chosen_columns_skip_those_the_frame_lacks():
    frame = pd.DataFrame({"a": [1, 2], "b": ["x", "y"]})
    assert records(frame, ("b", "missing")) == [{"b": "x"}, {"b": "y"}]
    assert records(frame.iloc[0:0]) == []
