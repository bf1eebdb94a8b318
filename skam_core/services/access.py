"""Permission checks against the store, run inside the writing transaction."""

from __future__ import annotations

from skam_core.domain.enums import Role
from skam_core.domain.users import PermissionDenied, User, may_administer, may_edit_account
from skam_core.storage.cursor import Cursor
from skam_core.storage.versioned import live_version


def require_admin(user: User, what: str) -> None:
    if not may_administer(user.role):
        raise PermissionDenied(f"{user.user_id} ({user.role}) may not {what}: only admins may.")


def require_account_write(cur: Cursor, user: User, customer_id: str) -> None:
    """Admins write every account, account managers only the accounts they manage now, viewers nothing."""
    if user.role.value == "viewer":
        raise PermissionDenied(f"{user.user_id} is a viewer and may not change anything.")
    customer = live_version(
        cur, "customers", {"customer_id": customer_id}, missing=f"Account {customer_id} does not exist."
    )
    assert customer is not None  # live_version raised NotFoundError otherwise
    if not may_edit_account(user.role, user.user_id, customer["account_manager"]):
        raise PermissionDenied(f"{user.user_id} does not manage account {customer_id} and may not change it.")


# Imports of an account's content (checked row by row against the accounts the user may edit).
ACCOUNT_KINDS = frozenset({"kpis", "stakeholders", "opportunities", "milestones"})


def require_import(user: User, kind: str) -> None:
    """Who may import a kind of file at all: customers and financials are company-wide data (admins only); KPI
    values and plan content whoever may edit some account (``require_account_write``: admins, account managers
    for their own accounts; the rows are checked account by account in ``services.imports``)."""
    if user.role is Role.VIEWER:
        raise PermissionDenied(f"{user.user_id} is a viewer and may not import.")
    if kind in ACCOUNT_KINDS:
        if user.role not in (Role.ADMIN, Role.ACCOUNT_MANAGER):
            what = "KPI values" if kind == "kpis" else kind
            raise PermissionDenied(
                f"{user.user_id} ({user.role}) may not import {what}: only admins and account managers may."
            )
        return
    if not may_administer(user.role):
        raise PermissionDenied(f"Only admins may import {kind}.")
