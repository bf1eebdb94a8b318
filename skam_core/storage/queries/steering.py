"""Steering-committee reads: meetings, escalations and decisions of an account, as of a date."""

from __future__ import annotations

import pandas as pd

from skam_core.domain.asof import AsOf
from skam_core.storage.db import Store
from skam_core.storage.versioned import account_rows, visible_clause


def meetings(store: Store, customer_id: str, asof: AsOf) -> pd.DataFrame:
    """Meetings of the account, newest first."""
    return account_rows(store, "steering_meetings", customer_id, asof, ("held_on DESC",))


def escalations(store: Store, customer_id: str, asof: AsOf) -> pd.DataFrame:
    """Escalations of the account, open first, then by due date."""
    df = account_rows(store, "escalations", customer_id, asof, ("due NULLS LAST", "raised_on"))
    # Open first: a stable sort keeps the order by due date and raising day within each group.
    return df.sort_values("status", key=lambda s: s != "open", kind="stable").reset_index(drop=True)


def decisions(store: Store, customer_id: str, asof: AsOf) -> pd.DataFrame:
    """The decision log, newest first."""
    return account_rows(store, "decisions", customer_id, asof, ("decided_on DESC", "valid_from DESC"))


def committee_overview(store: Store, customer_ids: list[str], asof: AsOf) -> pd.DataFrame:
    """Per account: last meeting, next meeting, open escalations (for the chair's overview of all packs)."""
    if not customer_ids:
        return pd.DataFrame(columns=["customer_id", "meetings", "last_meeting", "next_meeting", "open_escalations"])
    mvis, mparams = visible_clause(asof, "m")
    evis, eparams = visible_clause(asof, "e")
    next_meeting = store.dialect.arg_max("next_meeting_on", "held_on")
    return store.df(
        f"WITH ids AS (SELECT unnest(?::VARCHAR[]) AS customer_id),"
        f" m AS (SELECT customer_id, count(*) AS meetings, max(held_on) AS last_meeting,"
        f"   {next_meeting} AS next_meeting FROM steering_meetings m"
        f"   WHERE {mvis} AND NOT m.is_deleted GROUP BY 1),"
        f" e AS (SELECT customer_id, count(*) FILTER (WHERE status = 'open') AS open_escalations"
        f"   FROM escalations e WHERE {evis} AND NOT e.is_deleted GROUP BY 1)"
        f" SELECT ids.customer_id, coalesce(m.meetings, 0) AS meetings, m.last_meeting, m.next_meeting,"
        f" coalesce(e.open_escalations, 0) AS open_escalations"
        f" FROM ids LEFT JOIN m USING (customer_id) LEFT JOIN e USING (customer_id)",
        [customer_ids, *mparams, *eparams],
    )


def action_items(store: Store, customer_id: str, asof: AsOf) -> pd.DataFrame:
    """Which milestones carry out which decision (the action items of the account's decisions)."""
    return account_rows(store, "action_items", customer_id, asof, ("valid_from",))
