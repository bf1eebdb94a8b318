"""The PostgreSQL half of the store tests skips with a reason where no server is installed, and fails instead
where CI demands it (SKAM_REQUIRE_POSTGRES=1), so that it can never pass there by being skipped."""

from __future__ import annotations

import pytest

from tests import postgres


def test_missing_server_binaries_skip_with_the_install_hint(monkeypatch):
    monkeypatch.setattr(postgres, "server_binaries", lambda: None)
    monkeypatch.delenv("SKAM_REQUIRE_POSTGRES", raising=False)
    with pytest.raises(pytest.skip.Exception, match="apt-get install postgresql"):
        postgres.require_postgres_binaries()


def test_missing_server_binaries_fail_where_postgres_is_required(monkeypatch):
    monkeypatch.setattr(postgres, "server_binaries", lambda: None)
    monkeypatch.setenv("SKAM_REQUIRE_POSTGRES", "1")
    with pytest.raises(pytest.fail.Exception, match="required here"):
        postgres.require_postgres_binaries()
