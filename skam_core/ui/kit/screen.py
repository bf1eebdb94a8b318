"""Narrow screens (a tablet at 1024 px, a projector at 1280 px): nothing is cut. A fixed stylesheet lets metric
labels and values, and button labels, wrap instead of ending in "…", and lets rows of cards wrap onto a second
row where each would be narrower than a card needs. The sidebar starts collapsed below 1200 px, so that the
page gets the whole width. Streamlit's own rule collapses it only on phones (below its 768 px breakpoint) and
offers no setting; a fixed script of ours (no data in it) clicks the sidebar's collapse button once per browser
tab when the window is narrower. The user can open it again and it stays open."""

from __future__ import annotations

import streamlit as st

NARROW_PX = 1200

_JS = f"""
export default function() {{
  if (window.innerWidth >= {NARROW_PX} || window.sessionStorage.getItem('skamSidebarAuto')) return;
  window.sessionStorage.setItem('skamSidebarAuto', '1');
  const collapse = (tries) => {{
    const sidebar = document.querySelector('[data-testid="stSidebar"]');
    const button = document.querySelector('[data-testid="stSidebarCollapseButton"] button');
    if (sidebar && button && sidebar.getAttribute('data-collapsed') === 'false') button.click();
    else if (tries > 0) setTimeout(() => collapse(tries - 1), 100);
  }};
  collapse(50);
}}
"""

_component = st.components.v2.component("skam_narrow_screen", js=_JS)

# A fixed stylesheet, no data in it (st.html renders it without scripts).
_CSS = """<style>
[data-testid="stMetricLabel"], [data-testid="stMetricLabel"] *,
[data-testid="stMetricValue"], [data-testid="stMetricValue"] *,
[data-testid="stMetricDelta"], [data-testid="stMetricDelta"] * {
  white-space: normal !important; overflow: visible !important; text-overflow: clip !important;
}
[data-testid="stMetricValue"] {font-size: clamp(1.45rem, 2.3vw, 2.25rem); line-height: 1.2; overflow-wrap: anywhere;}
[data-testid="stHorizontalBlock"] {flex-wrap: wrap;}
[data-testid="stColumn"] {min-width: min(9rem, 100%);}
button p, [data-testid="stPageLink"] p {white-space: normal !important; overflow: visible !important;}
[data-testid="stPageLink-NavLink"], [data-testid="stPageLink-NavLink"] * {
  white-space: normal !important; overflow: visible !important; text-overflow: clip !important; height: auto;
}
</style>"""


def fit_narrow_screens() -> None:
    """The stylesheet and the script (in the sidebar, where they take no room of the page)."""
    with st.sidebar:
        st.html(_CSS)
        _component(key="skam_narrow_screen")
