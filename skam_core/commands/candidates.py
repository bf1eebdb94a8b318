"""``candidates [--as-of YYYY-MM-DD] [--json]``: who to promote next, predicted from the company's own measured
per-account effects (DESIGN.md, "Candidates"; the model: docs/methodology.md).

A readable table by default; ``--json`` prints the contract's JSON (never NaN or Infinity: null instead).
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from skam_core.commands.common import add_wait_option, run_report

if TYPE_CHECKING:
    from skam_core.analytics.candidates import CandidateModel
    from skam_core.domain.asof import AsOf
    from skam_core.storage.db import Store


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("candidates", help="who to promote next: predicted uplift per candidate, with intervals")
    p.add_argument("--as-of", metavar="YYYY-MM-DD", help="use only what was known at the end of that day")
    p.add_argument("--json", action="store_true", help="print the result as JSON (the documented contract)")
    add_wait_option(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    # The model's modules load scipy.special, most of this command's start-up: they load in the background while
    # the store opens (DuckDB works outside the GIL), and the view is looked up when it runs.
    return run_report(args, _candidates, preload="skam_core.views.candidates", as_json=_as_json, as_text=render_text)


def _candidates(store: Store, asof: AsOf) -> CandidateModel:
    from skam_core.views.candidates import candidates

    return candidates(store, asof)


def _as_json(model: CandidateModel) -> dict[str, Any]:
    from skam_core.analytics.candidates import as_json

    return as_json(model)


def _pp(x: float) -> str:
    return f"{x * 100:+.2f} pp"


def render_text(m: CandidateModel) -> str:
    """The readable form: the model in a line, then the ranked candidates with their intervals."""
    lines = [f"Who to promote next, as of {m.as_of.isoformat()}"]
    if not m.available:
        lines.append(m.reason.text() if m.reason else "No prediction.")
        return "\n".join(lines)
    lo, hi = m.slope_interval or (0.0, 0.0)
    lines.append(
        f"Learned from {len(m.accounts)} measured SKAM accounts: {_pp(m.slope or 0.0)} per fit point "
        f"(95 % interval {_pp(lo)} to {_pp(hi)}), accounts differ by tau = {(m.fit.tau if m.fit else 0) * 100:.2f} pp."
    )
    lines.append("")
    lines.append(f"{'customer':<10} {'name':<34} {'fit':>5} {'uplift (95 % prediction interval)':>36} {'P(pays)':>8}")
    for r in m.candidates.to_dict("records"):
        pays = "-" if r["probability_pays"] != r["probability_pays"] else f"{r['probability_pays']:.0%}"
        mark = " *" if r["extrapolated"] else ""
        interval = f"{_pp(r['estimate'])} ({_pp(r['low'])} to {_pp(r['high'])})"
        lines.append(
            f"{r['customer_id']:<10} {str(r['name'])[:34]:<34} {r['fit_score']:>5.0f} {interval:>36} {pays:>8}{mark}"
        )
    for w in m.warnings:
        lines += ["", "Note: " + w.text()]
    lines.append("Definitions and caveats: docs/methodology.md")
    return "\n".join(lines)
