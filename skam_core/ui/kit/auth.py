"""Who is using the dashboard: the one function that resolves the current user.

Order: a user signed in through OIDC (``st.login``, configured in .streamlit/secrets.toml [auth]); else an
identity header set by a trusted reverse proxy ($SKAM_PROXY_HEADER); else local mode — the server binds to
127.0.0.1, only local connections are served, and the local operator is admin. Roles come from the users
table; a signed-in user who is not in it gets $SKAM_DEFAULT_ROLE if set, otherwise no access.
"""

from __future__ import annotations

import ipaddress
import os
from dataclasses import dataclass

import streamlit as st

from skam_core.domain.enums import Role
from skam_core.domain.users import User, normalise_user_id
from skam_core.storage.db import Store
from skam_core.views import users as users_view

LOCAL_OPERATOR = "local-admin@localhost"
ACT_AS_KEY = "skam_act_as"  # session key: local mode lets the operator preview the app as another user
VIEW_AS = "view_as"  # URL parameter of the preview, so that a reload keeps it (local mode only)


@dataclass(frozen=True)
class Identity:
    user_id: str | None
    name: str | None
    mode: str  # oidc | proxy | local | login_required | refused
    reason: str | None = None  # message key when refused


def _auth_configured() -> bool:
    try:
        return "auth" in st.secrets
    except Exception:  # no secrets file at all
        return False


# Headers a reverse proxy adds: a request that carries one came from somewhere else, whatever address the proxy
# itself connects from (nginx on the same machine connects from 127.0.0.1).
FORWARDING_HEADERS = ("X-Forwarded-For", "Forwarded", "X-Real-IP")


def _is_local_client() -> bool:
    headers = st.context.headers
    if any(headers.get(h) for h in FORWARDING_HEADERS):
        return False
    ip = st.context.ip_address
    # Streamlit reports None for connections through localhost; without a client connection (AppTest) there
    # is no address string at all.
    if not isinstance(ip, str) or not ip:
        return True
    try:
        return ipaddress.ip_address(ip).is_loopback
    except ValueError:
        return False


def email_verified(claim: object) -> bool:
    """The ``email_verified`` claim as a decision: only a true value (some providers send the string)."""
    return claim is True or (isinstance(claim, str) and claim.strip().lower() == "true")


def identify() -> Identity:
    info = st.user.to_dict()
    if info.get("is_logged_in"):
        email = info.get("email") or info.get("preferred_username") or info.get("sub")
        if not email:
            return Identity(None, None, "refused", "auth.no_email")
        if "email_verified" in info and not email_verified(info["email_verified"]):
            # Anyone can put someone else's address into an account at many providers; only a verified one
            # identifies its owner (OpenID Connect Core, 5.1). Providers that send no such claim (Microsoft
            # Entra ID) vouch for the addresses of their own directory.
            return Identity(None, None, "refused", "auth.email_unverified")
        return Identity(normalise_user_id(str(email)), str(info.get("name") or email), "oidc")
    header = os.environ.get("SKAM_PROXY_HEADER")
    if header:
        value = st.context.headers.get(header)
        if not value:
            return Identity(None, None, "refused", "auth.no_proxy_identity")
        return Identity(normalise_user_id(value), value, "proxy")
    if _auth_configured():
        return Identity(None, None, "login_required")
    if not _is_local_client():
        return Identity(None, None, "refused", "auth.local_only")
    operator = os.environ.get("SKAM_LOCAL_USER", LOCAL_OPERATOR)
    return Identity(normalise_user_id(operator), operator, "local")


def resolve_user(store: Store, identity: Identity) -> User | None:
    """The acting user with role and managed accounts, or None when this identity has no access."""
    if identity.user_id is None:
        return None
    if identity.mode == "local":
        act_as = st.session_state.get(ACT_AS_KEY)
        if act_as and act_as != identity.user_id:
            preview = _from_store(store, act_as, act_as)
            if preview is not None:
                return preview
        return User(
            identity.user_id,
            identity.name or identity.user_id,
            Role.ADMIN,
            frozenset(users_view.managed_accounts(store, identity.user_id)),
        )
    user = _from_store(store, identity.user_id, identity.name)
    if user is None:
        default = os.environ.get("SKAM_DEFAULT_ROLE")
        if default in (Role.VIEWER.value,):  # only read access may be granted to unknown users
            return User(identity.user_id, identity.name or identity.user_id, Role.VIEWER)
    return user


def _from_store(store: Store, user_id: str, name: str | None) -> User | None:
    record = users_view.user_record(store, user_id)
    if record is None:
        return None
    return User(
        record["user_id"],
        record["display_name"] or name or user_id,
        Role(record["role"]),
        frozenset(users_view.managed_accounts(store, record["user_id"])),
    )


def current_user(store: Store, identity: Identity) -> User | None:
    """``resolve_user``, remembered in the session until the identity, the previewed user or the data change
    (the entrypoint and the page both need the user on every rerun; one lookup serves both)."""
    from skam_core.ui.cache import data_version

    if identity.mode == "local" and ACT_AS_KEY not in st.session_state and st.query_params.get(VIEW_AS):
        st.session_state[ACT_AS_KEY] = normalise_user_id(st.query_params[VIEW_AS])  # a reload: a new session
    key = (identity, st.session_state.get(ACT_AS_KEY), data_version(), str(store.path))
    memo = st.session_state.get("_skam_user_memo")
    if memo is not None and memo[0] == key:
        return memo[1]
    user = resolve_user(store, identity) if identity.user_id else None
    st.session_state["_skam_user_memo"] = (key, user)
    return user
