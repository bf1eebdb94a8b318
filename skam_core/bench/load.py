"""Many people at once: N sessions drive one or several dashboard servers over Streamlit's own websocket
protocol (``/_stcore/stream``: BackMsg ``rerun_script`` with the page, ForwardMsgs until ``script_finished``),
the way the browser does, without a browser. Each session loops over the pages with an optional think time;
the run reports pages per second, p50 and p95 per scenario, and the servers' CPU time per page.

A session is what a local-mode browser tab is: it connects from 127.0.0.1, so the dashboard signs it in as the
local operator (skam_core.ui.kit.auth). A page that shows an exception, an error box or "page not found", or
that does not finish in time, fails the run loudly (PageError), with the page and the message.

Speaks the protocol through ``streamlit.proto`` only (pyproject: the one place outside skam_core.ui that imports
streamlit), and runs in the benchmark process, never in the server.
"""

from __future__ import annotations

import random
import statistics
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

DEFAULT_PAGES = ("steering", "", "profit", "kpis")  # URL paths; "" is the portfolio at /
PAGE_TIMEOUT_S = 120.0


class PageError(RuntimeError):
    """A page did not complete: it raised, showed an error, was not found or did not finish in time."""


def _stream_url(url: str) -> str:
    base = url.rstrip("/")
    if base.startswith("https://"):
        return "wss://" + base.removeprefix("https://") + "/_stcore/stream"
    return "ws://" + base.removeprefix("http://") + "/_stcore/stream"


def page_label(path: str) -> str:
    return "/" + path


class Session:
    """One browser tab's websocket session against the server at ``url`` (``http://host:port``)."""

    def __init__(self, url: str, *, timeout_s: float = PAGE_TIMEOUT_S) -> None:
        from websockets.sync.client import connect

        self.url = url
        self.timeout_s = timeout_s
        # The first subprotocol is the one the server selects; the second would carry the XSRF token, which only
        # matters for an OIDC cookie (local mode has none).
        self._connection = connect(_stream_url(url), subprotocols=["streamlit"], max_size=None, open_timeout=30)  # type: ignore[list-item]
        self._ws = self._connection.__enter__()

    def close(self) -> None:
        self._connection.__exit__(None, None, None)

    def __enter__(self) -> Session:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def load(self, path: str, query: str = "") -> float:
        """Open the page at URL ``path`` with ``query`` (without "?") and wait until its script has finished;
        the seconds it took. Raises PageError when the page errors."""
        from streamlit.proto.BackMsg_pb2 import BackMsg
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        msg = BackMsg()
        msg.rerun_script.query_string = query
        msg.rerun_script.page_name = path
        msg.rerun_script.page_script_hash = ""
        started = time.perf_counter()
        self._ws.send(msg.SerializeToString())
        where = f"{page_label(path)}{'?' + query if query else ''} on {self.url}"
        problems: list[str] = []
        while True:
            left = self.timeout_s - (time.perf_counter() - started)
            if left <= 0:
                raise PageError(f"{where}: did not finish within {self.timeout_s:.0f} s")
            try:
                data = self._ws.recv(timeout=left)
            except TimeoutError:
                raise PageError(f"{where}: did not finish within {self.timeout_s:.0f} s") from None
            fwd = ForwardMsg()
            fwd.ParseFromString(data if isinstance(data, bytes) else data.encode())
            kind = fwd.WhichOneof("type")
            if kind == "delta":
                problem = _problem(fwd)
                if problem:
                    problems.append(problem)
            elif kind == "page_not_found":
                problems.append("page not found")
            elif kind == "script_finished":
                status = fwd.script_finished
                if status == ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                    problems.clear()  # the script reruns (st.rerun): only the last run's page counts
                    continue
                if status == ForwardMsg.FINISHED_WITH_COMPILE_ERROR:
                    problems.append("the script did not compile")
                if problems:
                    raise PageError(f"{where}: " + "; ".join(problems))
                return time.perf_counter() - started


def _problem(fwd: Any) -> str | None:
    """What is wrong with the page, when this delta draws an exception or an error box."""
    from streamlit.proto.Alert_pb2 import Alert

    delta = fwd.delta
    if delta.WhichOneof("type") != "new_element":
        return None
    el = delta.new_element
    kind = el.WhichOneof("type")
    if kind == "exception":
        return f"exception {el.exception.type}: {el.exception.message}".strip()
    if kind == "alert" and el.alert.format == Alert.ERROR:
        return f"error shown: {el.alert.body}"
    return None


@dataclass(frozen=True)
class Scenario:
    sessions: int
    think_s: float  # mean think time between two pages of a session (uniform from half to one and a half)

    @property
    def label(self) -> str:
        return f"{self.sessions} × {self.think_s:g} s"


def parse_scenarios(text: str) -> list[Scenario]:
    """``"1:0,10:0,20:5"`` -> sessions:think-seconds pairs (think defaults to 0)."""
    out = []
    for part in text.split(","):
        part = part.strip()
        if not part:
            continue
        n, _, think = part.partition(":")
        scenario = Scenario(int(n), float(think or 0))
        if scenario.sessions < 1 or scenario.think_s < 0:
            raise ValueError(f"bad scenario {part!r}: needs at least one session and a think time >= 0")
        out.append(scenario)
    if not out:
        raise ValueError("no scenario given")
    return out


@dataclass
class Outcome:
    scenario: Scenario
    seconds: float  # wall time of the measured part
    times: dict[str, list[float]] = field(default_factory=dict)  # page path -> seconds per completed load
    errors: list[str] = field(default_factory=list)
    cpu_s: float | None = None  # CPU time of the servers started here during the measured part
    rss: list[int] = field(default_factory=list)  # resident memory of each started server at the end
    load: tuple[float, float, float] = (0.0, 0.0, 0.0)  # load average before the scenario

    @property
    def all_times(self) -> list[float]:
        return [t for ts in self.times.values() for t in ts]

    @property
    def pages(self) -> int:
        return len(self.all_times)

    @property
    def pages_per_s(self) -> float:
        return self.pages / self.seconds if self.seconds > 0 else 0.0

    def quantile(self, q: float) -> float | None:
        ts = sorted(self.all_times)
        if not ts:
            return None
        if len(ts) == 1:
            return ts[0]
        return statistics.quantiles(ts, n=100, method="inclusive")[round(q * 100) - 1]

    @property
    def cpu_per_page(self) -> float | None:
        return self.cpu_s / self.pages if self.cpu_s is not None and self.pages else None


def process_cpu_s(pid: int) -> float:
    """User + system CPU seconds of process ``pid`` (all its threads), from /proc."""
    import os

    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def process_rss(pid: int) -> int:
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    return 0


def run_scenario(
    urls: Sequence[str],
    scenario: Scenario,
    *,
    seconds: float,
    pages: Sequence[str] = DEFAULT_PAGES,
    query: str = "",
    pids: Sequence[int] = (),
    seed: int = 7,
) -> Outcome:
    """``scenario.sessions`` sessions, spread over ``urls`` in turn, each first loading one page untimed (a new
    tab), then looping over ``pages`` (each from its own starting page) for ``seconds``; loads that started in
    that time are counted. ``pids``: the servers' processes, for CPU time and memory."""
    import os

    out = Outcome(scenario, 0.0, {p: [] for p in pages}, load=os.getloadavg())
    lock = threading.Lock()
    ready = threading.Barrier(scenario.sessions + 1)
    window: dict[str, float] = {}
    stop = threading.Event()
    go = threading.Event()  # set once the measured window is known

    def fail(message: str) -> None:
        with lock:
            out.errors.append(message)
        stop.set()

    def run(i: int) -> None:
        rng = random.Random(seed * 1000 + i)
        try:
            session = Session(urls[i % len(urls)])
        except Exception as exc:  # the server refused or is gone: a failed run, said plainly
            fail(f"session {i}: could not connect to {urls[i % len(urls)]}: {exc}")
            ready.abort()
            return
        with session:
            k = i % len(pages)
            try:
                session.load(pages[k], query)
            except PageError as exc:
                fail(str(exc))
            try:
                ready.wait(timeout=PAGE_TIMEOUT_S * 2)
            except threading.BrokenBarrierError:
                return
            go.wait()
            # Spread the first loads over one think time, so that the sessions do not click in step.
            if scenario.think_s and stop.wait(rng.uniform(0, scenario.think_s)):
                return
            while not stop.is_set() and time.perf_counter() < window["end"]:
                k = (k + 1) % len(pages)
                try:
                    took = session.load(pages[k], query)
                except PageError as exc:
                    fail(str(exc))
                    return
                with lock:
                    out.times[pages[k]].append(took)
                    window["last"] = max(window.get("last", 0.0), time.perf_counter())
                if scenario.think_s and stop.wait(rng.uniform(0.5, 1.5) * scenario.think_s):
                    return

    threads = [threading.Thread(target=run, args=(i,), daemon=True) for i in range(scenario.sessions)]
    for th in threads:
        th.start()
    try:
        ready.wait(timeout=PAGE_TIMEOUT_S * 2)
    except threading.BrokenBarrierError:
        pass
    cpu_before = sum(process_cpu_s(p) for p in pids) if pids else None
    window["start"] = time.perf_counter()
    window["end"] = window["start"] + seconds
    go.set()
    for th in threads:
        th.join()
    ended = window.get("last", time.perf_counter())
    out.seconds = max(ended - window["start"], 1e-9)
    if pids and cpu_before is not None:
        out.cpu_s = sum(process_cpu_s(p) for p in pids) - cpu_before
        out.rss = [process_rss(p) for p in pids]
    return out
