"""The one caching wrapper over the views (ui.cache.read): every view its own cache, keyed by store, AsOf and
data version. st.cache_data identifies functions by module, qualified name and source, so wrappers made by one
factory would share one cache (streamlit issue 11157) — these rules prove ours do not."""

from __future__ import annotations

from datetime import date

from skam_core.domain.asof import AsOf
from skam_core.ui import cache

TODAY = date(2026, 11, 27)
calls: list[str] = []


def first_view(store, asof, n):
    calls.append("first")
    return ("first", n, asof.knowledge)


def second_view(store, asof, n):
    calls.append("second")
    return ("second", n, asof.knowledge)


def test_two_views_with_equal_arguments_never_share_a_cache_entry(store):
    now = AsOf.now(TODAY)
    assert cache.read(store, now, first_view, 1) == ("first", 1, None)
    assert cache.read(store, now, second_view, 1) == ("second", 1, None)
    assert cache.read(store, now, first_view, 1) == ("first", 1, None)


def test_a_view_is_computed_once_per_store_asof_version_and_arguments(store):
    calls.clear()
    now, then = AsOf.now(TODAY), AsOf.at(date(2026, 6, 30), TODAY)
    cache.read(store, now, first_view, 7)
    cache.read(store, now, first_view, 7)
    assert calls == ["first"]
    assert cache.read(store, then, first_view, 7) == ("first", 7, date(2026, 6, 30))
    assert calls == ["first", "first"]
    cache.bump_data_version()  # a write: every view reads again
    cache.read(store, now, first_view, 7)
    assert calls == ["first", "first", "first"]
