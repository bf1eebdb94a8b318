"""Narrow screens (a tablet at 1024 px, a projector at 1280 px): nothing is cut. A fixed stylesheet lets metric
labels and values, and button labels, wrap instead of ending in "…", and lets rows of cards wrap onto a second
row where each would be narrower than a card needs. The sidebar starts collapsed below 1200 px, so that the
page gets the whole width. Streamlit's own rule collapses it only on phones (below its 768 px breakpoint) and
offers no setting; a fixed script of ours (no data in it) clicks the sidebar's collapse button once per browser
tab when the window is narrower. The user can open it again and it stays open.

The script also leaves the screen's class in a cookie (``skam_screen``: narrow or wide, for 12 hours), and runs
only while that cookie is missing: later full loads start the sidebar collapsed or open from the cookie (the
page config's initial state) and send no script. A script of ours is a component, whose code the browser
loads and evaluates on every full load of every page (with the data format it shares with Streamlit), for an
answer that does not change between two loads."""

from __future__ import annotations

from typing import Literal

import streamlit as st

NARROW_PX = 1200

SCREEN_COOKIE = "skam_screen"
_COOKIE_S = 12 * 3600

_JS = f"""
export default function() {{
  const narrow = window.innerWidth < {NARROW_PX};
  document.cookie = '{SCREEN_COOKIE}=' + (narrow ? 'narrow' : 'wide') + '; path=/; max-age={_COOKIE_S}; SameSite=Lax';
  if (!narrow || window.sessionStorage.getItem('skamSidebarAuto')) return;
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
[data-testid="stMarkdownContainer"] td[style*="right"] {white-space: nowrap;}
.skam-cards {display: grid; grid-template-columns: repeat(auto-fit, minmax(min(9rem, 100%), 1fr)); gap: 1rem;}
.skam-card-box {border: 1px solid rgba(49, 51, 63, 0.2); border-radius: 0.5rem; padding: 0.75rem 1rem;}
.skam-card p {margin: 0;}
.skam-card-label {font-size: 0.875rem; line-height: 1.35;}
.skam-card-value {font-size: clamp(1.45rem, 2.3vw, 2.25rem); line-height: 1.2; padding-top: 0.25rem;
  overflow-wrap: anywhere;}
.skam-card .skam-card-note, .skam-lines-note {font-size: 0.875rem; color: rgba(49, 51, 63, 0.6); margin-top: 0.5rem;}
.skam-card-delta {font-size: 0.875rem; padding-top: 0.25rem;}
.skam-delta-up {color: #09ab3b;} .skam-delta-down {color: #ff2b2b;}
.skam-help {display: inline-block; width: 1.05em; height: 1.05em; border: 1px solid rgba(49, 51, 63, 0.45);
  border-radius: 50%; font-size: 0.72rem; line-height: 1em; text-align: center; color: rgba(49, 51, 63, 0.6);
  cursor: help; vertical-align: 0.1em;}
.skam-line-groups {display: grid; grid-template-columns: repeat(auto-fit, minmax(min(15rem, 100%), 1fr));
  gap: 0.5rem 1.5rem;}
.skam-lines p, .skam-lines ul {margin: 0;} .skam-lines ul {padding-left: 1.1rem;}
.skam-lines-title {font-weight: 600;}
.skam-lines-intro {color: rgba(49, 51, 63, 0.6); margin: 0.2rem 0 0.4rem 0 !important;}
.skam-split {display: grid; grid-template-columns: minmax(0, 1.4fr) minmax(0, 1fr); gap: 1rem 2rem;}
.skam-split .skam-lines p, .skam-split .skam-lines li {font-size: 0.875rem; line-height: 1.5;}
.skam-split .skam-lines li {color: rgba(49, 51, 63, 0.75);}
@media (max-width: 900px) {.skam-split {grid-template-columns: minmax(0, 1fr);}}
.skam-notices {display: flex; flex-direction: column; gap: 0.5rem;}
.skam-notice {display: flex; gap: 0.6rem; margin: 0; padding: 0.75rem 1rem; border-radius: 0.5rem; line-height: 1.5;}
.skam-notice > span:first-child {flex: 0 0 1.1rem; text-align: center;}
.skam-notice-problem {background: rgba(255, 43, 43, 0.09); color: #7d353b;}
.skam-notice-warning {background: rgba(255, 227, 18, 0.12); color: #926c05;}
.skam-notice-ok {background: rgba(33, 195, 84, 0.1); color: #177233;}
.skam-chart-title {font-size: 1.05rem; margin: 0 0 0.5rem 0;}
.skam-chart-axis, .skam-keys {font-size: 0.8rem; color: rgba(49, 51, 63, 0.7); margin: 0.35rem 0 0 0;}
.skam-key {display: inline-flex; align-items: center; gap: 0.3rem; margin-right: 0.9rem;}
.skam-key-dot {display: inline-block; width: 0.75rem; height: 0.75rem; border-radius: 0.2rem;
  border: 1px solid rgba(49, 51, 63, 0.15);}
.skam-bar-row {display: grid; grid-template-columns: minmax(5rem, 38%) 1fr auto; gap: 0.5rem; align-items: center;
  margin: 0.3rem 0; font-size: 0.875rem;}
.skam-bar-label {overflow-wrap: break-word; hyphens: manual; line-height: 1.25; min-width: 0;}
.skam-bar-track {display: flex; height: 1.15rem; background: #F3F4F6; border-radius: 0.2rem; overflow: hidden;}
.skam-bar-seg {display: block; height: 100%;}
.skam-bar-value {font-variant-numeric: tabular-nums; white-space: nowrap;}
.skam-fit-scroll {overflow-x: auto;}
.skam-fit-grid table {border-collapse: separate; border-spacing: 3px; font-size: 0.85rem; width: 100%;}
.skam-fit-grid th {font-weight: 400; text-align: left; vertical-align: bottom; padding: 0.2rem 0.35rem;
  overflow-wrap: break-word; hyphens: manual; min-width: 5rem;}
.skam-fit-grid tbody th {vertical-align: middle; min-width: 10rem; max-width: 22rem;}
.skam-fit-grid td {text-align: center; font-size: 1rem; height: 2.6rem; min-width: 3rem; border-radius: 0.2rem;
  cursor: help;}
.skam-fit-grid td.skam-fit-2, .skam-fit-grid td.skam-fit-3 {color: white;}
.skam-fit-grid td.skam-fit-none {background: repeating-linear-gradient(45deg, #F7F8FA, #F7F8FA 4px, #ECEEF1 4px,
  #ECEEF1 8px);}
.skam-fit-corner {color: rgba(49, 51, 63, 0.6); font-size: 0.8rem;}
.skam-fit-share {color: rgba(49, 51, 63, 0.6); white-space: nowrap;}
</style>"""


def initial_sidebar(present: bool) -> Literal["collapsed", "expanded"]:
    """The sidebar's state on a full load: collapsed in presentation mode and on a screen known to be narrow."""
    return "collapsed" if present or st.context.cookies.get(SCREEN_COOKIE) == "narrow" else "expanded"


def fit_narrow_screens() -> None:
    """The stylesheet, and the script while the screen's class is not known yet (in the sidebar, where they take
    no room of the page)."""
    with st.sidebar:
        st.html(_CSS)
        if SCREEN_COOKIE not in st.context.cookies:
            _component(key="skam_narrow_screen")
