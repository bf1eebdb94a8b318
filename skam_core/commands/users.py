"""``users list`` / ``users set EMAIL ROLE [--name NAME]``: who may use the dashboard, and with which role.

Account managers' accounts are the customers whose account_manager is their e-mail address."""

from __future__ import annotations

from contextlib import closing

from skam_core.commands.common import cli_user, open_store
from skam_core.domain.asof import AsOf
from skam_core.domain.enums import Role
from skam_core.services.items import save_item
from skam_core.views import common as common_view


def register(sub) -> None:
    p = sub.add_parser("users", help="list users or set a user's role")
    s = p.add_subparsers(dest="users_command", required=True, metavar="ACTION")
    s.add_parser("list", help="list users and roles").set_defaults(func=run_list)
    st = s.add_parser("set", help="add a user or change a role")
    st.add_argument("email")
    st.add_argument("role", choices=[r.value for r in Role])
    st.add_argument("--name", help="display name (default: the e-mail address)")
    st.set_defaults(func=run_set)


def run_list(args) -> int:
    with closing(open_store(args)) as store:
        df = common_view.users(store, AsOf.now())
    if df.empty:
        print("no users yet: add one with 'users set EMAIL ROLE'")
        return 0
    for r in df.itertuples():
        accounts = f"  accounts: {r.accounts}" if r.accounts else ""
        print(f"{r.user_id:<40} {r.role:<16} {r.display_name}{accounts}")
    return 0


def run_set(args) -> int:
    values = {"user_id": args.email, "display_name": args.name or args.email, "role": args.role}
    with closing(open_store(args)) as store:
        save_item(store, cli_user(), "users", values)
    print(f"{args.email.lower()}: {args.role}")
    return 0
