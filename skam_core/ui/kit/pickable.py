"""Markup drawn on the server that the user can point at, sort and click: a chart as SVG
(skam_core.charts.bubbles) or a table (skam_core.charts.table). Hovering an element with ``data-tip`` shows its
details, a click (or Enter) on one with ``data-id`` reports that id to the page's next run, a click on a
table's header sorts its rows (again: the other way).

A Streamlit component of our own (components v2: no iframe, its fixed script evaluated once per load) instead
of a Plotly chart or a grid (st.dataframe), whose scripts and drawing cost a full load about as much as the
rest of the page together (docs/performance.md). The markup is built from escaped text only (charts.svg.esc);
the script puts it in place and reads ``data-tip`` as text (``textContent``), so nothing from data becomes
markup or a link."""

from __future__ import annotations

import streamlit as st

_CSS = """
:host {display: block;}
.skam-svg-box {position: relative; font-family: "Source Sans Pro", "Segoe UI", Helvetica, Arial, sans-serif;}
.skam-svg {width: 100%; height: auto; display: block;}
.skam-svg-title {font-size: 17px; fill: #31333F;}
.skam-svg-tick {font-size: 12px; fill: #52606D;}
.skam-svg-axis {font-size: 13px; fill: #31333F;}
.skam-svg-note {font-size: 11px; fill: #52606D;}
.skam-svg-label {font-size: 10px; fill: #52606D; pointer-events: none;}
.skam-svg-grid {stroke: #E5E8EC; stroke-width: 1;}
.skam-bubble {cursor: pointer; outline: none;}
.skam-bubble:hover circle, .skam-bubble:focus circle {stroke: #1F2933; stroke-width: 2;}
.skam-svg-tip {position: absolute; pointer-events: none; background: white; border: 1px solid #C9D6E8;
  border-radius: 4px; padding: 6px 8px; font-size: 13px; line-height: 1.35; white-space: pre-line;
  box-shadow: 0 2px 6px rgba(0,0,0,0.12); color: #1F2933; max-width: 18rem; z-index: 2; display: none;}
.skam-svg-tip::first-line {font-weight: 600;}
.skam-table-scroll {overflow-x: auto; border: 1px solid #E5E8EC; border-radius: 0.4rem;
  /* A shade at an edge while there is more table beyond it: white covers travel with the content ("local"),
     the shades stay at the box's edges ("scroll"); at the end of the scroll the cover hides the shade. */
  background: linear-gradient(to right, white 40%, rgba(255, 255, 255, 0)) left center / 2.5rem 100% no-repeat local,
    linear-gradient(to left, white 40%, rgba(255, 255, 255, 0)) right center / 2.5rem 100% no-repeat local,
    radial-gradient(farthest-side at 0 50%, rgba(0, 0, 0, 0.22), rgba(0, 0, 0, 0)) left center / 0.9rem 100%
      no-repeat scroll,
    radial-gradient(farthest-side at 100% 50%, rgba(0, 0, 0, 0.22), rgba(0, 0, 0, 0)) right center / 0.9rem 100%
      no-repeat scroll;
  background-color: white;}
.skam-sort {border-collapse: collapse; width: 100%; font-size: 14px; color: #31333F;}
.skam-sort th {background: #F7F8FA; text-align: left; vertical-align: bottom; padding: 0; font-weight: 600;
  border-bottom: 1px solid #D5DAE1; min-width: 4.5rem; max-width: 11rem;}
.skam-sort th.skam-num {text-align: right;}
.skam-sort-btn {all: unset; box-sizing: border-box; display: block; width: 100%; padding: 6px 8px;
  cursor: pointer; line-height: 1.25; overflow-wrap: break-word; hyphens: manual; text-align: inherit;}
.skam-sort-btn:focus-visible {outline: 2px solid #1F77B4; outline-offset: -2px;}
.skam-sort th[aria-sort="ascending"] .skam-sort-btn::after {content: " ▲"; font-size: 10px;}
.skam-sort th[aria-sort="descending"] .skam-sort-btn::after {content: " ▼"; font-size: 10px;}
.skam-sort td {padding: 5px 8px; border-bottom: 1px solid #EEF0F3; white-space: nowrap;}
.skam-sort td.skam-wrap {white-space: normal; min-width: 6.5rem; max-width: 22rem; hyphens: manual;}
.skam-sort td.skam-num {text-align: right; font-variant-numeric: tabular-nums;}
.skam-sort tbody tr[data-id] {cursor: pointer;}
.skam-sort tbody tr[data-id]:hover, .skam-sort tbody tr[data-id]:focus {background: #EEF4FB; outline: none;}
.skam-cell-bar {display: inline-block; width: 3.5rem; height: 0.55rem; margin-right: 0.45rem;
  background: #E4E7EB; border-radius: 0.2rem; overflow: hidden; vertical-align: middle;}
.skam-cell-bar > span {display: block; height: 100%; background: #1F77B4;}
.skam-sr {position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap;}
"""

_JS = """
export default function(component) {
  const { data, setTriggerValue, parentElement } = component;
  let box = parentElement.querySelector('.skam-svg-box');
  if (!box) {
    box = document.createElement('div');
    box.className = 'skam-svg-box';
    parentElement.appendChild(box);
  }
  const wait = parentElement.querySelector('.skam-pick-wait');
  if (wait) wait.remove();
  if (box.dataset.drawn === data) return;
  box.dataset.drawn = data;
  box.innerHTML = data;
  const tipBox = document.createElement('div');  // one per box that has details to show
  tipBox.className = 'skam-svg-tip';
  if (box.querySelector('[data-tip]')) box.appendChild(tipBox);
  const show = (el, x, y) => {
    tipBox.textContent = el.getAttribute('data-tip');
    tipBox.style.display = 'block';
    const room = box.clientWidth - tipBox.offsetWidth - 4;
    tipBox.style.left = Math.max(0, Math.min(x + 14, room)) + 'px';
    tipBox.style.top = Math.max(0, y - tipBox.offsetHeight - 10) + 'px';
  };
  const hide = () => { tipBox.style.display = 'none'; };
  box.querySelectorAll('[data-tip]').forEach((el) => {
    el.addEventListener('mousemove', (e) => {
      const r = box.getBoundingClientRect();
      show(el, e.clientX - r.left, e.clientY - r.top);
    });
    el.addEventListener('mouseleave', hide);
    el.addEventListener('focus', () => {
      const r = box.getBoundingClientRect(), b = el.getBoundingClientRect();
      show(el, b.left - r.left + b.width / 2, b.top - r.top);
    });
    el.addEventListener('blur', hide);
  });
  box.querySelectorAll('[data-id]').forEach((el) => {
    const pick = () => setTriggerValue('picked', el.getAttribute('data-id'));
    el.addEventListener('click', pick);
    el.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); pick(); } });
  });
  // Sorting: numbers as numbers, text in the page's language; rows without a value stay last either way.
  box.querySelectorAll('table.skam-sort').forEach((table) => {
    const lang = table.lang || undefined;
    const heads = Array.from(table.tHead.rows[0].cells);
    heads.forEach((th, col) => {
      th.querySelector('button').addEventListener('click', () => {
        const up = th.getAttribute('aria-sort') !== 'ascending';
        heads.forEach((h) => h.removeAttribute('aria-sort'));
        th.setAttribute('aria-sort', up ? 'ascending' : 'descending');
        const numeric = th.dataset.num === '1';
        const key = (tr) => tr.cells[col].dataset.v;
        const rows = Array.from(table.tBodies[0].rows);
        rows.sort((a, b) => {
          const x = key(a), y = key(b);
          if (x === undefined || y === undefined) return (x === undefined) - (y === undefined);
          const d = numeric ? parseFloat(x) - parseFloat(y) : x.localeCompare(y, lang, {sensitivity: 'base'});
          return up ? d : -d;
        });
        rows.forEach((tr) => table.tBodies[0].appendChild(tr));
      });
    });
  });
}
"""

# The placeholder tells a waiting bench or test that the markup is not drawn yet (bench.browser's done rule).
_component = st.components.v2.component("skam_pickable", html='<div class="skam-pick-wait"></div>', css=_CSS, js=_JS)


def _ignore() -> None:
    """The pick is read from the component's result in the same run; a callback must exist for it to be kept."""


def _draw(markup: str, key: str) -> str | None:
    result = _component(data=markup, key=key, on_picked_change=_ignore)
    picked = getattr(result, "picked", None)
    return picked if isinstance(picked, str) and picked else None


def svg_chart(svg: str, *, key: str) -> str | None:
    """Draw ``svg``; the ``data-id`` the user clicked, in the run that click started (else None)."""
    return _draw(svg, key)


def sortable_table(table: str, *, key: str) -> str | None:
    """Draw a table of charts.table; the row the user clicked (its ``pick``), in the run that click started."""
    return _draw(table, key)
