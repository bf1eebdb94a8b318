"""Users, roles and the accounts each manages."""

from __future__ import annotations

import pandas as pd

from skam_core.domain.asof import AsOf
from skam_core.storage.db import Store
from skam_core.storage.versioned import visible_clause


def list_users(store: Store, asof: AsOf) -> pd.DataFrame:
    """Users with role and the accounts (customer ids, comma-separated) they manage."""
    u_vis, u_params = visible_clause(asof, "u")
    c_vis, c_params = visible_clause(asof, "c")
    return store.df(
        f"SELECT u.user_id, u.display_name, u.role,"
        f" coalesce(string_agg(c.customer_id, ', ' ORDER BY c.customer_id), '') AS accounts"
        f" FROM users u LEFT JOIN customers c ON lower(c.account_manager) = u.user_id"
        f"   AND {c_vis} AND NOT c.is_deleted AND c.skam_stage <> 'none'"
        f" WHERE {u_vis} AND NOT u.is_deleted"
        f" GROUP BY u.user_id, u.display_name, u.role ORDER BY u.role, u.user_id",
        [*c_params, *u_params],
    )


def get_user(store: Store, user_id: str) -> dict | None:
    """The current record of one user, or None."""
    return store.query(
        "SELECT user_id, display_name, role FROM users WHERE user_id = ? AND valid_to IS NULL AND NOT is_deleted",
        [user_id],
    ).first()


def managed_accounts(store: Store, user_id: str) -> list[str]:
    rows = store.query(
        "SELECT customer_id FROM customers WHERE lower(account_manager) = ? AND valid_to IS NULL"
        " AND NOT is_deleted ORDER BY customer_id",
        [user_id],
    ).rows
    return [r[0] for r in rows]
