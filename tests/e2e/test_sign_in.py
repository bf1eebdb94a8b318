"""Sign-in as the README documents it, against a real OpenID Connect provider running locally
(oidc-provider-mock): a registered account manager gets her role, an unknown user and a user whose e-mail is
not verified are refused, nothing of the store shows before sign-in, and signing out ends the session."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
import urllib.request

import pytest

from skam_core.domain.asof import AsOf
from skam_core.storage.db import Store
from skam_core.views import common as common_view
from tests.conftest import DEMO_TODAY, ROOT, key_account_of, pin_subprocess_clock, require_chromium
from tests.e2e.conftest import _free_port

pytest.importorskip("oidc_provider_mock")

BECKER = "s.becker@hartmann-antriebe.example"
USERS = {
    "becker": {"sub": "becker", "email": BECKER, "email_verified": True, "name": "Sabine Becker"},
    "stranger": {"sub": "stranger", "email": "stranger@elsewhere.example", "email_verified": True},
    "unverified": {"sub": "unverified", "email": BECKER, "email_verified": False},
}


def _wait_for(url: str, proc: subprocess.Popen) -> None:
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    proc.kill()
    pytest.fail(
        f"{url} did not come up: " + (proc.stdout.read().decode(errors="replace")[-2000:] if proc.stdout else "")
    )


def _stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


@pytest.fixture(scope="module")
def signed_in_server(demo_template, tmp_path_factory):
    require_chromium()
    root = tmp_path_factory.mktemp("oidc")
    provider_port, app_port = _free_port(), _free_port()
    provider_cmd = [sys.executable, "-m", "oidc_provider_mock", "--port", str(provider_port)]
    for claims in USERS.values():
        provider_cmd += ["--user-claims", json.dumps(claims)]
    provider = subprocess.Popen(provider_cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    issuer = f"http://127.0.0.1:{provider_port}"
    _wait_for(f"{issuer}/.well-known/openid-configuration", provider)
    app_url = f"http://127.0.0.1:{app_port}"
    secrets = root / "secrets.toml"
    secrets.write_text(
        "[auth]\n"
        f'redirect_uri = "{app_url}/oauth2callback"\n'
        'cookie_secret = "a-test-only-cookie-secret-of-some-length"\n'
        'client_id = "skam-e2e"\n'
        'client_secret = "skam-e2e-secret"\n'
        f'server_metadata_url = "{issuer}/.well-known/openid-configuration"\n'
    )
    db = root / "skam.duckdb"
    shutil.copyfile(demo_template, db)
    pin_subprocess_clock()
    app = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            "dashboard.py",
            "--server.port",
            str(app_port),
            "--server.headless",
            "true",
            "--secrets.files",
            str(secrets),
        ],
        cwd=ROOT,
        env={**os.environ, "SKAM_DB": str(db)},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        _wait_for(f"{app_url}/_stcore/health", app)
        yield app_url
    finally:
        _stop(app)
        _stop(provider)


def _sign_in(page, url: str, who: str, link: str = "/?lang=en") -> None:
    page.goto(f"{url}{link}")
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("button", name=USERS[who]["sub"], exact=True).click()
    page.wait_for_url(f"{url}/**", timeout=30_000)


def _body(page) -> str:
    page.wait_for_timeout(1500)  # the app's rerun after the callback
    return page.locator("body").inner_text()


def test_nothing_of_the_store_shows_before_sign_in(page, signed_in_server):
    page.goto(f"{signed_in_server}/?lang=en")
    page.get_by_role("button", name="Sign in").wait_for(timeout=30_000)
    body = _body(page)
    assert "Please sign in." in body
    assert page.locator('[data-testid="stDataFrame"], [data-testid="stMetric"]').count() == 0
    assert "K00" not in body  # no customer id


def test_a_registered_account_manager_signs_in_with_her_role_and_signs_out(page, signed_in_server):
    _sign_in(page, signed_in_server, "becker")
    # The provider's redirect ends at "/" without ?lang=en: the link's language is restored all the same.
    page.get_by_role("button", name="Sign out").wait_for(timeout=30_000)
    body = _body(page)
    assert "Signed in: Sabine Becker (Account manager)" in body
    assert "lang=en" in page.url
    assert "No access" not in body and "not registered" not in body
    page.get_by_role("button", name="Sign out").click(no_wait_after=True)
    # st.logout also ends the session at the provider, which asks to confirm.
    page.get_by_role("button", name="End session").click(timeout=30_000)
    page.get_by_role("button", name="Anmelden").wait_for(timeout=30_000)
    assert "Sabine Becker" not in _body(page)
    page.goto(f"{signed_in_server}/?lang=en")  # the session is gone, not only hidden
    page.get_by_role("button", name="Sign in").wait_for(timeout=30_000)


def test_a_shared_link_opens_its_view_after_sign_in(page, signed_in_server, demo_template):
    """A link passed round in a meeting (page, account, language) is where the sign-in ends, not the portfolio."""
    store = Store(demo_template)
    cid = key_account_of(store, BECKER, "implementation")
    name = common_view.customer(store, AsOf.now(DEMO_TODAY), cid)["name"]
    store.close()
    _sign_in(page, signed_in_server, "becker", f"/steering?account={cid}&lang=en")
    page.get_by_role("button", name="Sign out").wait_for(timeout=30_000)
    body = _body(page)
    assert f"Steering committee: {name}" in body, body[:500]
    assert "/steering?" in page.url and f"account={cid}" in page.url and "lang=en" in page.url
    # Once used, the link is forgotten: the next visit to the root is the portfolio again.
    page.goto(f"{signed_in_server}/")
    page.get_by_role("button", name="Abmelden").wait_for(timeout=30_000)
    assert "/steering" not in page.url and "Lenkungsausschuss:" not in _body(page)


@pytest.mark.parametrize(
    ("who", "message"),
    [("stranger", "ist nicht als Benutzer eingetragen"), ("unverified", "hat Ihre E-Mail-Adresse nicht bestätigt")],
)
def test_an_unknown_or_unverified_user_is_refused(page, signed_in_server, who, message):
    _sign_in(page, signed_in_server, who)
    page.get_by_text(message).wait_for(timeout=30_000)
    assert page.locator('[data-testid="stDataFrame"], [data-testid="stMetric"]').count() == 0
    assert "K00" not in _body(page)
