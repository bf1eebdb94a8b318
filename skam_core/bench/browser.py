"""Page speed as the user sees it: every page of the dashboard, warm, in Chromium, against a blank Streamlit
page served the same way (same server settings, same browser), reported as page ÷ blank (median of runs).

Two blanks: the single-script app at the root ("root blank", the first baseline), and a blank page served the way
the dashboard's pages are ("same-way blank", the one the budget is judged against): a page of st.navigation at a
path, opened with the same query string. Streamlit's frontend opens the websocket of a page under a path later
than at the root (it first probes ``/<path>/_stcore/health``), a fixed cost of every dashboard page but "/".
Both servers run side by side and every timed load of a page comes right after a timed load of the same-way
blank (each after an untimed load of its own URL, so that neither carries the other's teardown): a page's
ratio is the median of its pairs' ratios, so that the machine's drift over the minutes of a run (other work, a
busy neighbour) meets page and blank alike instead of moving the ratio by ±0.3x as blanks measured minutes
before and after the pages did.

A run is one navigation to the page's URL until the script has finished, every chart is drawn, no element
is still a loading skeleton and nothing ran again for a second (a page reruns once after writing its URL); the
time counted ends at the last finish. Until December 2026 the skeletons were not waited for: Streamlit draws an
element whose code it has not loaded yet (page links, metrics, tables, charts: separate scripts, Plotly's
4.7 MB) as a skeleton, and on every full load all of a page's skeletons turn into elements together, often half
a second after the script has finished; the figures before then ended at the script's finish (docs/performance.md).
Needs Playwright and Chromium (the test dependencies); without them the rows say why and are left out."""

from __future__ import annotations

import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from skam_core.bench.server import ROOT, serve

CHROMIUM = os.environ.get("SKAM_CHROMIUM", "/usr/bin/chromium")
BLANK_APP = 'import streamlit as st\n\nst.set_page_config(layout="wide")\nst.title("Blank")\n'
# The blank page as the dashboard serves its pages: st.navigation, the page at /blank, opened with the page query.
# Its navigation is hidden: the blank has no sidebar at all (until December 2026 the project's
# client.showSidebarNavigation = false hid it; the dashboard now shows Streamlit's navigation, the blank does not).
BLANK_NAV_APP = """import streamlit as st


def blank() -> None:
    st.set_page_config(layout="wide")
    st.title("Blank")


st.navigation([st.Page(blank, title="Home", url_path="home", default=True),
               st.Page(blank, title="Blank", url_path="blank")], position="hidden").run()
"""
BLANK_PATH = "blank"
# The pages (URL paths; "" is the default page) with the query that opens an account in them.
PAGES = ["", "profit", "steering", "strategy", "fit", "value", "plan", "implementation", "kpis", "admin"]
_QUIET_S = 1.0


_STATE = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  const state = app ? app.getAttribute('data-test-script-state') : 'initial';
  const charts = [...document.querySelectorAll('[data-testid="stPlotlyChart"]')];
  // An element whose code is still being fetched shows as a skeleton (a cold browser's first visit): not done.
  const loading = document.querySelector('[data-testid="stSkeleton"]');
  // A server-drawn chart (kit.pickable) is a component: drawn once its script has replaced the placeholder.
  const parts = [...document.querySelectorAll('[data-testid^="stBidiComponent"]')];
  const drawn = parts.every(c => !(c.shadowRoot || c).querySelector('.skam-pick-wait'));
  return state === 'notRunning' && !loading && drawn && charts.every(c => c.querySelector('.main-svg'))
    ? 'done' : state;
}"""


def _load(pg: Any, url: str, timeout_s: float = 120) -> float:
    """Seconds from the navigation to the last time the page was finished."""
    started = time.perf_counter()
    pg.goto(url)
    finished_at = None
    while time.perf_counter() - started < timeout_s:
        done = pg.evaluate(_STATE) == "done"
        now = time.perf_counter()
        if done:
            finished_at = finished_at or now
            if now - finished_at >= _QUIET_S:
                return finished_at - started
        else:
            finished_at = None
        pg.wait_for_timeout(25)
    raise RuntimeError(f"{url} did not finish within {timeout_s:.0f} s")


def _server_cpu_s(pid: int) -> float:
    """The server process's CPU seconds so far (Linux /proc; 0 elsewhere)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return 0.0


def _main_thread_s(cdp: Any) -> float:
    """Seconds the page's main thread was busy since its navigation (CDP Performance.TaskDuration)."""
    return next((m["value"] for m in cdp.send("Performance.getMetrics")["metrics"] if m["name"] == "TaskDuration"), 0.0)


def page_speed(
    db: Path, account: str | None, runs: int, progress: Callable[[str], None] = lambda _m: None
) -> dict[str, Any]:
    """``{"blank": [s, ...], "pairs": {page: [(same-way blank s, page s), ...]}, "cpu": {name: [(browser main
    thread s, server CPU s), ...]}}`` or ``{"skipped": reason}``: the root blank ``runs`` times before and
    ``runs`` times after the pages, each page ``runs`` times, each time right after the same-way blank."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return {"skipped": "Playwright is not installed (pip install -r requirements-dev.txt)"}
    if not Path(CHROMIUM).is_file():
        return {"skipped": f"no Chromium at {CHROMIUM} (set SKAM_CHROMIUM)"}
    work = Path(tempfile.mkdtemp(prefix="skam-bench-"))
    blank = work / "blank.py"
    blank.write_text(BLANK_APP)
    blank_nav = work / "blank_nav.py"
    blank_nav.write_text(BLANK_NAV_APP)
    query = f"?lang=de&account={account}" if account else "?lang=de"
    out: dict[str, Any] = {"pairs": {}, "cpu": {}}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
            context = browser.new_context(viewport={"width": 1440, "height": 900}, locale="de-DE")
            pg = context.new_page()
            # Beside the wall clock, where a load's time goes: the browser's main thread (its busy wall time, which
            # swells with a busy machine like the seconds do) and the server process's CPU.
            cdp = context.new_cdp_session(pg)
            cdp.send("Performance.enable")

            def timed(name: str, url: str, pid: int) -> float:
                cpu0 = _server_cpu_s(pid)
                seconds = _load(pg, url)
                out["cpu"].setdefault(name, []).append((_main_thread_s(cdp), _server_cpu_s(pid) - cpu0))
                return seconds

            def measure_root_blank() -> None:
                with serve(blank, db) as server:
                    _load(pg, server.url)  # warm-up
                    out.setdefault("blank", []).extend(timed("blank", server.url, server.pid) for _ in range(runs))

            # The root blank before and after the pages: the machine's load drifts over the minutes a run takes.
            measure_root_blank()
            progress(f"blank page at the root: {statistics.median(out['blank']):.2f} s")
            with serve(blank_nav, db) as blank_server, serve(ROOT / "dashboard.py", db) as server:
                blank_url = f"{blank_server.url}/{BLANK_PATH}{query}"
                _load(pg, blank_url)  # warm-up
                for path in PAGES:
                    name = path or "portfolio"
                    url = f"{server.url}/{path}{query}"
                    _load(pg, url)  # warm-up: caches filled, the way a user meets it
                    # The same-way blank and the page alternate, so that each pair meets the machine in the same
                    # state: the ratio of a pair does not move with the drift that blanks measured minutes apart
                    # from the page let into the ratio (±0.3x between runs on this machine). Each timed load
                    # follows an untimed one of the same URL: leaving a page costs the browser its teardown, and
                    # a blank timed right after the page would carry the page's, flattering the ratio.
                    for _ in range(runs):
                        _load(pg, blank_url)
                        tb = timed("blank_same_way", blank_url, blank_server.pid)
                        _load(pg, url)
                        out["pairs"].setdefault(name, []).append((tb, timed(name, url, server.pid)))
                    progress(f"page {name}: {summarise(out)['pages'][name]['ratio']:.2f}x the same-way blank")
            measure_root_blank()
            browser.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return out


def summarise(m: dict[str, Any]) -> dict[str, Any]:
    """Per page the median load and the median of its pairs' ratios (page ÷ the same-way blank just before it);
    the same-way blank's median over all pairs."""
    pairs: dict[str, list[tuple[float, float]]] = m["pairs"]
    blanks = [tb for runs in pairs.values() for tb, _ in runs]
    return {
        "blank_same_way_s": statistics.median(blanks) if blanks else float("nan"),
        "pages": {
            page: {
                "page_s": statistics.median(tp for _, tp in runs),
                "ratio": statistics.median(tp / tb for tb, tp in runs),
            }
            for page, runs in pairs.items()
            if runs
        },
    }


LIMIT = 2.0  # issue 12: every page warm within 2x a blank page served the same way (aim: 1.5x)
AIM = 1.5


def speed_report(db: Path | None, runs: int, as_json: bool) -> tuple[str, bool]:
    """Measure (over ``db`` or a demo store built now) and render the page ÷ blank lines; (text, all within)."""
    import json

    from skam_core.demo import build_demo
    from skam_core.demo.financials import DemoSize
    from skam_core.domain import clock
    from skam_core.domain.asof import AsOf
    from skam_core.services import asof_fill
    from skam_core.storage.db import Store
    from skam_core.views import common as common_view

    work = Path(tempfile.mkdtemp(prefix="skam-bench-store-"))
    try:
        if db is None:
            db = work / "demo.duckdb"
            s = Store(db)
            build_demo(s, DemoSize())
        else:
            s = Store(db)
        account = common_view.first_account_in_stage(s, AsOf.now(), "implementation")
        # What a running dashboard builds in its first minute (services.asof_fill), built before it serves:
        # the pages are measured warm, not beside that one-off work.
        asof_fill.fill_once(s, clock.today())
        s.close()
        m = page_speed(db, account, runs, progress=lambda msg: print(msg, file=sys.stderr, flush=True))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if "skipped" in m:
        return f"page speed in Chromium: skipped ({m['skipped']})", True
    blank = statistics.median(m["blank"])
    summary = summarise(m)
    rows = summary["pages"]
    same = summary["blank_same_way_s"]
    within = all(r["ratio"] <= LIMIT for r in rows.values())
    cpu = {k: (statistics.median(b for b, _ in v), statistics.median(c for _, c in v)) for k, v in m["cpu"].items()}
    if as_json:
        # blank_s/ratio (root blank) keep their meaning; the budget is judged on ratio_same_way (paired)
        return json.dumps(
            {
                "blank_s": blank,
                "blank_same_way_s": same,
                "pages_s": {k: r["page_s"] for k, r in rows.items()},
                "ratio": {k: r["page_s"] / blank for k, r in rows.items()},
                "ratio_same_way": {k: r["ratio"] for k, r in rows.items()},
                "limit": LIMIT,
                "cpu_s": {k: {"browser_main_thread": b, "server": c} for k, (b, c) in cpu.items()},
            }
        ), within
    lines = [
        f"page speed in Chromium, warm, median of {runs} runs; each run of a page right after a run of the same-way"
        f" blank, the ratio the median of the {runs} pairs' ratios (root blank: {2 * runs} runs, before and after)",
        f"blank Streamlit page at the root {blank * 1000:,.0f} ms; served the same way (a st.navigation page at"
        f" /{BLANK_PATH}, same query) {same * 1000:,.0f} ms",
        f"budget: ≤ {LIMIT:g}× the same-way blank (aim {AIM:g}×)",
    ]
    lines.append(
        f"{'page':<16} {'median':>9} {'÷ same-way':>10} {'÷ root':>7}  {'result':<13}"
        f" {'browser main thread':>20} {'server CPU':>11}  (median per load)"
    )
    for name, t in (("blank", blank), ("blank_same_way", same)):
        b, c = cpu.get(name, (0.0, 0.0))
        lines.append(f"{name:<16} {t * 1000:>6,.0f} ms {'':>27} {b * 1000:>17,.0f} ms {c * 1000:>8,.0f} ms")
    for page, r in rows.items():
        t, ratio = r["page_s"], r["ratio"]
        verdict = "ok" if ratio <= AIM else "ok (over aim)" if ratio <= LIMIT else "OVER"
        b, c = cpu.get(page, (0.0, 0.0))
        lines.append(
            f"{page:<16} {t * 1000:>6,.0f} ms {ratio:>9.2f}× {t / blank:>6.2f}×  {verdict:<13}"
            f" {b * 1000:>17,.0f} ms {c * 1000:>8,.0f} ms"
        )
    return "\n".join(lines), within
