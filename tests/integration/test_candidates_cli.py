"""`python -m skam_core candidates`: the contract's JSON on the demo (ranked, intervals containing their
estimates, no NaN or Infinity), the readable table, and no prediction but a reason with too few measured
accounts."""

from __future__ import annotations

import json
import math
import subprocess
import sys

from tests.conftest import ROOT
from tests.integration.test_cli import cli

CANDIDATE_KEYS = ["customer_id", "name", "fit_score", "stage", "predicted_uplift", "predicted_profit_eur"]


def _strict(text: str) -> dict:
    def refuse(value: str) -> float:
        raise AssertionError(f"{value} in the JSON")

    return json.loads(text, parse_constant=refuse)


def test_json_ranks_the_demo_candidates_with_intervals_containing_their_estimates(demo_path):
    out = cli("--db", str(demo_path), "candidates", "--json")
    assert out.returncode == 0, out.stderr
    data = _strict(out.stdout)
    assert list(data)[:5] == ["as_of", "model", "candidates", "reason", "warnings"]
    assert data["reason"] is None and data["model"]["accounts"] >= 5
    for key in ("accounts", "estimand", "slope_per_fit_point", "tau"):
        assert key in data["model"]
    cands = data["candidates"]
    assert cands, "the demo has customers with a fit score outside implementation"
    estimates = [c["predicted_uplift"]["estimate"] for c in cands]
    assert estimates == sorted(estimates, reverse=True)
    for c in cands:
        assert list(c)[: len(CANDIDATE_KEYS)] == CANDIDATE_KEYS and "probability_pays" in c
        assert c["stage"] != "implementation"
        u, e = c["predicted_uplift"], c["predicted_profit_eur"]
        assert u["low"] < u["estimate"] < u["high"]
        assert e["low"] <= e["estimate"] <= e["high"]
        p = c["probability_pays"]
        assert p is None or 0.0 <= p <= 1.0
    # The demo's candidate: a small customer with an excellent fit, ahead of the biggest customers' poor fits.
    top = cands[0]
    assert top["stage"] == "candidate" and top["fit_score"] > 85
    assert all(isinstance(w, str) for w in data["warnings"])
    assert math.isfinite(data["model"]["tau"])


def test_readable_table_lists_candidates_and_the_model(demo_path):
    out = cli("--db", str(demo_path), "candidates")
    assert out.returncode == 0, out.stderr
    assert "Learned from" in out.stdout and "per fit point" in out.stdout and "prediction interval" in out.stdout


def test_too_few_measured_accounts_give_no_candidates_and_a_reason(demo_path):
    # Early in the demo's history only the first accounts had started.
    out = cli("--db", str(demo_path), "candidates", "--json", "--as-of", "2024-01-31")
    assert out.returncode == 0, out.stderr
    data = _strict(out.stdout)
    assert data["candidates"] == [] and "Fewer than 5" in data["reason"]
    assert data["model"]["slope_per_fit_point"] is None


def test_bad_as_of_is_a_clear_message(demo_path):
    out = cli("--db", str(demo_path), "candidates", "--as-of", "27.11.2026")
    assert out.returncode == 2 and "YYYY-MM-DD" in out.stderr and "Traceback" not in out.stderr


def test_the_command_loads_only_what_it_runs(demo_path):
    # Its start-up is most of its time: no other command's modules (imports, the demo), no dashboard libraries.
    probe = (
        "import sys, contextlib, io\n"
        "from skam_core.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    code = main(['--db', {str(demo_path)!r}, 'candidates', '--json'])\n"
        "print(code, ' '.join(sorted(sys.modules)))\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    code, modules = out.stdout.split(" ", 1)
    loaded = set(modules.split())
    assert code == "0" and "skam_core.views.candidates" in loaded
    unwanted = {"streamlit", "plotly", "statsmodels", "scipy.stats", "scipy.optimize", "skam_core.demo"}
    unwanted |= {"skam_core.services.imports", "skam_core.bench.run", "skam_core.storage.copy", "skam_core.io"}
    assert not unwanted & loaded
