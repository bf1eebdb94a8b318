"""Who acts, and what each role may do. The rules are pure; service functions in ``skam_core.services``
apply them against the current store state before every write."""

from __future__ import annotations

from dataclasses import dataclass, field

from skam_core.domain.enums import Role


class PermissionDenied(Exception):
    """Raised by a write function when the acting user may not do what was asked."""


@dataclass(frozen=True)
class User:
    user_id: str  # the e-mail address, lower case
    name: str
    role: Role
    # Accounts this user manages (customers whose account_manager is this user), as known when resolved.
    accounts: frozenset[str] = field(default_factory=frozenset)

    @property
    def is_admin(self) -> bool:
        return self.role is Role.ADMIN


def normalise_user_id(raw: str) -> str:
    return raw.strip().lower()


def may_edit_account(role: Role, user_id: str, account_manager: str | None) -> bool:
    """Admins edit every account, account managers only the accounts they manage, viewers nothing."""
    if role is Role.ADMIN:
        return True
    if role is Role.ACCOUNT_MANAGER:
        return account_manager is not None and normalise_user_id(account_manager) == user_id
    return False


def may_administer(role: Role) -> bool:
    """Company-wide data (our capabilities, capacity, users, imports) is the admins' job."""
    return role is Role.ADMIN
