"""Who is signing in: a user's current record and the accounts they manage. Identity is always today's
knowledge (a snapshot link does not sign anyone in as they were), so these reads take no as-of."""

from __future__ import annotations

from typing import Any

from skam_core.storage.db import Store
from skam_core.storage.queries import users as uq


def user_record(store: Store, user_id: str) -> dict[str, Any] | None:
    return uq.get_user(store, user_id)


def managed_accounts(store: Store, user_id: str) -> list[str]:
    return uq.managed_accounts(store, user_id)
