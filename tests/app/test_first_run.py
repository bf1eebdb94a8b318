"""A newcomer's first start: no store yet, the default store is created with the demo company."""

from pathlib import Path

from tests.app.conftest import assert_clean, metrics, run_app


def test_first_start_creates_the_default_store_with_the_demo_company(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # the default store is data/skam.duckdb relative to where the app runs
    monkeypatch.delenv("SKAM_DB", raising=False)
    monkeypatch.delenv("SKAM_DEMO", raising=False)
    at = run_app(params={"lang": "en"}, timeout=180)
    assert_clean(at)
    assert Path("data/skam.duckdb").exists()
    key_accounts = next(m.value for m in metrics(at) if m.label == "Key accounts")
    assert key_accounts == "12"


def test_a_new_store_at_a_chosen_path_starts_empty_with_guidance(tmp_path, monkeypatch):
    monkeypatch.setenv("SKAM_DB", str(tmp_path / "company.duckdb"))
    monkeypatch.delenv("SKAM_DEMO", raising=False)
    at = run_app(params={"lang": "en"})
    assert_clean(at)
    assert any("no monthly figures yet" in i.value for i in at.info)


def test_an_empty_store_points_to_the_moving_in_guide_and_to_the_demo(tmp_path, monkeypatch):
    monkeypatch.setenv("SKAM_DB", str(tmp_path / "company.duckdb"))
    monkeypatch.delenv("SKAM_DEMO", raising=False)
    for lang in ("de", "en"):
        at = run_app(params={"lang": lang})
        assert_clean(at)
        guidance = " ".join(i.value for i in at.info)
        assert "docs/moving-in.md" in guidance and "SKAM_DEMO=1" in guidance
