"""``profit [--as-of YYYY-MM-DD] [--json]``: SKAM accounts against all other customers, and the measured effect.

A readable table by default; ``--json`` prints the contract's JSON (DESIGN.md, "Profit comparison") for scripts.
Definitions: docs/methodology.md.
"""

from __future__ import annotations

from skam_core.analytics.did import EXPECTED_MONTHS, REASONS
from skam_core.analytics.profit import ProfitAnalysis
from skam_core.commands.common import add_wait_option, run_report
from skam_core.views.profit import profit


def register(sub) -> None:
    p = sub.add_parser("profit", help="relative operating profit of SKAM accounts against all others, and the effect")
    p.add_argument("--as-of", metavar="YYYY-MM-DD", help="use only what was known at the end of that day")
    p.add_argument("--json", action="store_true", help="print the result as JSON (the documented contract)")
    add_wait_option(p)
    p.set_defaults(func=run)


def run(args) -> int:
    return run_report(args, profit, preload="scipy.special", as_json=ProfitAnalysis.as_json, as_text=render_text)


def _money(x: float) -> str:
    return f"{x:,.0f}"


def _pct(x: float | None) -> str:
    return "-" if x is None else f"{x * 100:.1f} %"


def _pp(x: float | None) -> str:
    return "-" if x is None else f"{x * 100:+.2f} pp"


def render_text(a: ProfitAnalysis) -> str:
    """The readable form: group table, ratio, effect and months to improvement, with reasons when missing."""
    lines = [f"Profit comparison as of {a.as_of.isoformat()}"]
    if a.window is None:
        lines.append(REASONS["no_financials"])
        lines.append("Import monthly figures first: python -m skam_core import financials FILE")
        return "\n".join(lines)
    w = a.window.label()
    lines[0] += f" - window {w['start']} to {w['end']} (the last 12 months with figures)"
    rows = [("SKAM accounts", a.comparison.skam), ("All other customers", a.comparison.others)]
    header = f"{'':<22}{'customers':>10}{'revenue (EUR)':>18}{'op. profit (EUR)':>19}{'rel. op. profit':>17}"
    lines += ["", header]
    for label, g in rows:
        lines.append(
            f"{label:<22}{g.customers:>10,}{_money(g.revenue):>18}{_money(g.operating_profit):>19}"
            f"{_pct(g.relative_operating_profit):>17}"
        )
    ratio = a.comparison.ratio
    lines.append("")
    if ratio is None:
        lines.append(
            "Ratio SKAM / others: - (" + REASONS["no_skam_accounts"] + ")"
            if a.comparison.skam.customers == 0
            else "Ratio SKAM / others: - (a group has no revenue or the others' margin is zero)"
        )
    else:
        lines.append(f"Ratio SKAM / others: {ratio:.2f} (the method expects about 2)")
    e = a.effect
    lines.append("")
    if e.available:
        lines.append(
            f"Measured SKAM effect on the margin ({e.estimand}: revenue-weighted, {e.accounts} accounts, "
            f"{e.observations:,} account-months):"
        )
        lines.append(
            f"  {_pp(e.estimate)}, 95 % confidence interval {_pp(e.ci_low)} to {_pp(e.ci_high)} ({e.inference})"
        )
        if e.estimate is not None and a.comparison.skam.revenue > 0:
            yearly = e.estimate * a.comparison.skam.revenue
            per = yearly / max(a.comparison.skam.customers, 1)
            lines.append(f"  about EUR {_money(yearly)} operating profit per year, EUR {_money(per)} per account")
        if a.pretrend_p is not None:
            verdict = "CAUTION: the accounts moved differently before their start" if a.pretrend_p < 0.05 else "ok"
            lines.append(f"  pre-trend test (months before start): p = {a.pretrend_p:.3f} - {verdict}")
    else:
        assert e.reason is not None  # an unavailable effect always says why
        lines.append(f"Measured SKAM effect: no estimate. {REASONS[e.reason]}")
    lo, hi = EXPECTED_MONTHS
    if a.months_to_improvement is not None:
        lines.append(
            f"Clear improvement from month {a.months_to_improvement} after the start (the simultaneous 95 % band "
            f"of the event study lies above zero for three consecutive months; the method expects {lo}-{hi})."
        )
    elif e.available:
        lines.append(
            "No clear improvement yet: the event study's simultaneous 95 % band does not lie above zero for three "
            "consecutive months."
        )
    lines.append("Definitions and caveats: docs/methodology.md")
    return "\n".join(lines)
